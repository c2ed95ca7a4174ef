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
