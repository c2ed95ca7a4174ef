//! Share-link codec: shape, length, round trip and every typed error.

mod common;

use cek_klien::core::bank::Bank;
use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::Answers;
use cek_klien::core::link::{decode, encode, LinkError, MAX_LINK_LEN};
use cek_klien::core::text::Lang;
use std::borrow::Cow;

fn tipe_klien_link() -> String {
    let bank = common::bank("tipe-klien");
    encode(
        bank,
        &common::all_answered(bank, |q| (q % 4) as u8),
        Lang::Id,
    )
}

#[test]
fn tipe_klien_links_fit_in_forty_characters() {
    let link = tipe_klien_link();
    assert!(link.len() <= 40, "{link} is {} characters", link.len());
    assert!(link.starts_with("r1.tipe-klien.1.id."), "{link}");
}

#[test]
fn links_use_only_fragment_safe_characters() {
    let link = tipe_klien_link();
    assert!(link
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-'));
}

#[test]
fn decoding_an_encoded_link_gives_back_quiz_language_and_answers() {
    for (quiz, bank) in BANKS.iter().enumerate() {
        let mut answers = common::all_answered(bank, |q| (q % 2) as u8);
        answers.set(1, None);
        for lang in Lang::ALL {
            let link = encode(bank, &answers, lang);
            let shared = decode(&link, BANKS).expect("own link decodes");
            assert_eq!(
                (shared.quiz, shared.lang, &shared.answers),
                (quiz, lang, &answers)
            );
            // A leading '#' (as in location.hash) is accepted too.
            assert!(decode(&format!("#{link}"), BANKS).is_ok());
        }
    }
}

#[test]
fn garbage_is_malformed() {
    for input in [
        "",
        "#",
        "hello",
        "r1",
        "....",
        "r1.tipe-klien",
        "😀",
        "r1.tipe-klien.1.id.",
    ] {
        assert_eq!(decode(input, BANKS), Err(LinkError::Malformed), "{input:?}");
    }
}

#[test]
fn overlong_input_is_rejected_before_parsing() {
    let long = format!("{}{}", tipe_klien_link(), "0".repeat(MAX_LINK_LEN));
    assert_eq!(decode(&long, BANKS), Err(LinkError::Malformed));
    assert_eq!(
        decode(&"x".repeat(1 << 20), BANKS),
        Err(LinkError::Malformed)
    );
}

#[test]
fn a_future_link_format_is_named_as_such() {
    let link = tipe_klien_link().replacen("r1.", "r2.", 1);
    assert_eq!(decode(&link, BANKS), Err(LinkError::UnknownFormat));
}

#[test]
fn any_changed_or_dropped_character_is_caught() {
    let link = tipe_klien_link();
    let body = link.len() - 1;
    let mut caught = 0;
    let mut changed = 0;
    for i in 0..body {
        for replacement in ["0", "1", "2", "-", "z"] {
            if &link[i..=i] == replacement {
                continue;
            }
            let mut bad = link.clone();
            bad.replace_range(i..=i, replacement);
            changed += 1;
            if decode(&bad, BANKS).is_err() {
                caught += 1;
            }
        }
    }
    // One base-36 check character misses about 1 in 36 random changes; demand far better than
    // chance, and that a truncated link is always caught.
    assert!(caught * 100 >= changed * 90, "caught {caught} of {changed}");
    assert!(decode(&link[..link.len() - 2], BANKS).is_err());
}

/// Adds the right check character to a hand-edited link body, so tests can reach the errors
/// that sit behind the checksum: exactly one of the 36 candidates is not a checksum error.
fn signed(body: &str) -> String {
    "0123456789abcdefghijklmnopqrstuvwxyz"
        .chars()
        .map(|check| format!("{body}{check}"))
        .find(|candidate| decode(candidate, BANKS) != Err(LinkError::Checksum))
        .unwrap_or_else(|| panic!("no check character fits {body}"))
}

#[test]
fn unknown_quiz_language_and_versions_are_typed_errors() {
    let n = common::bank("tipe-klien").questions.len();
    let answers = "0".repeat(n);
    assert_eq!(
        decode(&signed(&format!("r1.tipe-klienx.1.id.{answers}")), BANKS),
        Err(LinkError::UnknownQuiz)
    );
    assert_eq!(
        decode(&signed(&format!("r1.tipe-klien.1.fr.{answers}")), BANKS),
        Err(LinkError::UnknownLanguage)
    );
    assert_eq!(
        decode(&signed(&format!("r1.tipe-klien.2.id.{answers}")), BANKS),
        Err(LinkError::Newer {
            link: 2,
            current: 1
        })
    );
    assert_eq!(
        decode(&signed(&format!("r1.tipe-klien.x.id.{answers}")), BANKS),
        Err(LinkError::Malformed)
    );
}

#[test]
fn impossible_answers_are_rejected() {
    let n = common::bank("tipe-klien").questions.len();
    // Choice 9 does not exist (every question has 4 choices).
    let out_of_range = format!("r1.tipe-klien.1.id.9{}", "0".repeat(n - 1));
    assert_eq!(
        decode(&signed(&out_of_range), BANKS),
        Err(LinkError::ImpossibleAnswers)
    );
    let too_many = format!("r1.tipe-klien.1.id.{}", "0".repeat(n + 1));
    assert_eq!(
        decode(&signed(&too_many), BANKS),
        Err(LinkError::ImpossibleAnswers)
    );
    let bad_symbol = format!("r1.tipe-klien.1.id.{}_", "0".repeat(n - 1));
    assert_eq!(
        decode(&signed(&bad_symbol), BANKS),
        Err(LinkError::ImpossibleAnswers)
    );
}

#[test]
fn old_links_decode_when_the_bank_declares_them_compatible_and_say_so_when_not() {
    let current = common::bank("tipe-klien");
    let old_link = encode(current, &common::all_answered(current, |_| 1), Lang::En);

    // Version 2 appended a question and keeps version 1 links readable.
    let mut questions = current.questions.to_vec();
    questions.push(questions[0].clone());
    questions.last_mut().unwrap().id = Cow::Borrowed("pertanyaan-baru");
    let v2 = Bank {
        version: 2,
        compatible_versions: Cow::Owned(vec![1]),
        questions: Cow::Owned(questions),
        ..current.clone()
    };
    let shared = decode(&old_link, &[&v2]).expect("v1 link readable by v2");
    assert_eq!(shared.answers.len(), v2.questions.len());
    assert_eq!(shared.answers.get(0), Some(1));
    assert_eq!(shared.answers.get(v2.questions.len() - 1), None);

    // Version 3 reordered questions and so cannot read version 1 links.
    let v3 = Bank {
        version: 3,
        compatible_versions: Cow::Owned(vec![2]),
        ..v2.clone()
    };
    assert_eq!(
        decode(&old_link, &[&v3]),
        Err(LinkError::Outdated {
            link: 1,
            current: 3
        })
    );
}

#[test]
fn skipped_answers_travel_as_dashes() {
    let bank = common::bank("klien-kecewa");
    let link = encode(bank, &Answers::empty(bank), Lang::Id);
    assert!(link.contains(&"-".repeat(bank.questions.len())), "{link}");
    assert_eq!(decode(&link, BANKS).unwrap().answers, Answers::empty(bank));
}

#[test]
fn a_cut_off_link_says_so_rather_than_blaming_changed_characters() {
    let link = tipe_klien_link();
    for keep in [22, 25, link.len() - 3] {
        assert_eq!(
            decode(&link[..keep], BANKS),
            Err(LinkError::Malformed),
            "{}",
            &link[..keep]
        );
    }
}
