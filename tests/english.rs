//! The English pack: every text's English side is in it under the text's key, and a pack of
//! another build, or a cut-off one, is refused.

use cek_klien::core::banks::BANKS;
use cek_klien::core::english::{file_name, texts, PackError, PACK_ID, PACK_LEN, SEPARATOR};
use cek_klien::core::text::{Lang, Text};
use cek_klien::core::ui_text::Ui;

const PACK: &str = include_str!(concat!(env!("OUT_DIR"), "/texts-en.txt"));

/// Every text of every bank, in no particular order.
fn bank_texts() -> Vec<&'static Text> {
    let mut all = Vec::new();
    for bank in BANKS {
        all.extend([&bank.title, &bank.summary, &bank.scores_heading]);
        for outcome in bank.outcomes.iter() {
            all.extend([&outcome.name, &outcome.summary]);
        }
        all.extend(bank.flags.iter().map(|flag| &flag.label));
        for question in bank.questions.iter() {
            all.push(&question.text);
            all.extend(question.choices.iter().map(|choice| &choice.text));
        }
        for item in bank.advice.iter() {
            all.push(&item.text);
            all.extend(item.message.iter());
        }
    }
    all
}

#[test]
fn every_english_text_is_in_the_pack_under_its_key() {
    let pack = texts(PACK).expect("this build's pack");
    assert_eq!(pack.len(), PACK_LEN);
    for text in bank_texts() {
        assert_eq!(
            pack[usize::from(text.key)],
            text.get(Lang::En),
            "{:?}",
            text.id
        );
    }
    // Interface strings too: the browser looks them up the same way.
    let english: Vec<&str> = Ui::ALL.iter().map(|ui| ui.text(Lang::En)).collect();
    for line in english {
        assert!(pack.contains(&line), "{line:?} is not in the pack");
    }
}

#[test]
fn a_pack_of_another_build_or_cut_off_is_refused() {
    assert_eq!(
        texts("0123456789abcdef\u{1e}Hello"),
        Err(PackError::OtherBuild)
    );
    assert_eq!(texts(""), Err(PackError::OtherBuild));
    assert_eq!(
        texts("<!doctype html><p>Not found"),
        Err(PackError::OtherBuild)
    );
    let cut = &PACK[..PACK.rfind(SEPARATOR).expect("the pack has texts")];
    assert_eq!(texts(cut), Err(PackError::WrongLength));
    let extra = format!("{PACK}{SEPARATOR}more");
    assert_eq!(texts(&extra), Err(PackError::WrongLength));
}

#[test]
fn the_file_is_named_by_its_build() {
    assert_eq!(file_name(), format!("texts-en-{PACK_ID}.txt"));
    assert!(PACK.starts_with(PACK_ID));
}

/// A text listed as result-only is left out of the wasm and arrives with the result pack, so a
/// screen other than the result that used one would show it empty until then. Only the result
/// screen and the report it is built from may use them, and the builder's and the saved
/// results' pages, which are drawn only once they are here.
#[test]
fn result_only_texts_are_used_by_the_result_alone() {
    let ui: toml::Table =
        toml::from_str(&std::fs::read_to_string("data/ui.toml").expect("data/ui.toml"))
            .expect("toml");
    let keys: Vec<String> = ui["result-only"]["keys"]
        .as_array()
        .expect("[result-only] keys")
        .iter()
        .map(|key| {
            let key = key.as_str().expect("a key");
            key.split('-')
                .map(|word| {
                    let mut chars = word.chars();
                    chars.next().map_or_else(String::new, |first| {
                        first.to_uppercase().chain(chars).collect()
                    })
                })
                .collect()
        })
        .collect();
    assert!(keys.len() > 10, "{keys:?}");
    let allowed = [
        "src/app/result.rs",
        "src/core/report.rs",
        "src/core/saved.rs",
        "src/app/saved.rs",
        "src/app/builder.rs",
        "src/core/card.rs",
    ];
    let mut misuses = Vec::new();
    for dir in ["src/app", "src/core", "src/bin"] {
        for entry in std::fs::read_dir(dir).expect("a source folder") {
            let path = entry.expect("an entry").path();
            let name = path.to_string_lossy().replace('\\', "/");
            if allowed.contains(&name.as_str()) || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("a source file");
            for key in &keys {
                let used = source
                    .match_indices(&format!("Ui::{key}"))
                    .any(|(at, found)| {
                        !source[at + found.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
                    });
                if used {
                    misuses.push(format!("{name} uses Ui::{key}"));
                }
            }
        }
    }
    assert!(misuses.is_empty(), "{misuses:#?}");
}

/// The result pack holds, under each key, the Indonesian of the texts only a result shows (an
/// outcome's name and summary, the flags, the advice, and the interface's result-only texts),
/// and nothing for the texts the binary keeps.
#[test]
fn the_result_pack_holds_the_indonesian_of_what_only_a_result_shows() {
    let pack = include_str!(concat!(env!("OUT_DIR"), "/texts-id.txt"));
    let texts = texts(pack).expect("the result pack belongs to this build");
    assert_eq!(
        cek_klien::core::english::later_file_name(),
        format!("texts-id-{PACK_ID}.txt")
    );
    for bank in BANKS {
        for outcome in bank.outcomes.iter() {
            for text in [&outcome.name, &outcome.summary] {
                assert_eq!(texts[usize::from(text.key)], text.get(Lang::Id));
            }
        }
        for item in bank.advice.iter() {
            assert_eq!(texts[usize::from(item.text.key)], item.text.get(Lang::Id));
        }
        for question in bank.questions.iter() {
            assert_eq!(texts[usize::from(question.text.key)], "", "{}", question.id);
        }
        assert_eq!(texts[usize::from(bank.title.key)], "");
    }
    // The interface's result-only texts: found by their English, under the same key.
    let english = cek_klien::core::english::texts(PACK).expect("the English pack");
    for (ui, in_pack) in [(Ui::PlanHeading, true), (Ui::Start, false)] {
        let key = english
            .iter()
            .position(|text| *text == ui.text(Lang::En))
            .expect("every text has its English in the pack");
        let expected = if in_pack { ui.text(Lang::Id) } else { "" };
        assert_eq!(texts[key], expected, "{ui:?}");
    }
}
