//! Share-link codec: shape, length, round trip and every typed error.

mod common;

use cek_klien::core::bank::Bank;
use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::Answers;
use cek_klien::core::link::{decode, decode_fragment, encode, sign, LinkError, MAX_LINK_LEN};
use cek_klien::core::text::Lang;
use std::borrow::Cow;

fn tipe_klien_link() -> String {
    let bank = common::bank("tipe-klien");
    encode(
        bank,
        // Every question has at least two choices.
        &common::all_answered(bank, |q| (q % 2) as u8),
        Lang::Id,
    )
}

/// Short enough to paste in a chat: the prefix, one character per question and the check.
#[test]
fn tipe_klien_links_fit_in_a_chat_line() {
    let bank = common::bank("tipe-klien");
    let link = tipe_klien_link();
    let prefix = format!("r1.tipe-klien.{}.id.", bank.version);
    assert!(link.starts_with(&prefix), "{link}");
    assert_eq!(
        link.len(),
        prefix.len() + bank.questions.len() + 1,
        "{link}"
    );
    assert!(link.len() <= 48, "{link} is {} characters", link.len());
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
        // Links carry only the questions asked.
        for q in 0..bank.questions.len() {
            if !answers.asks(bank, q) {
                answers.set(q, None);
            }
        }
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
    let bank = common::bank("tipe-klien");
    let v = bank.version;
    // Every question skipped: no condition can make these answers impossible.
    let answers = "-".repeat(bank.questions.len());
    assert_eq!(
        decode(&signed(&format!("r1.tipe-klienx.{v}.id.{answers}")), BANKS),
        Err(LinkError::UnknownQuiz)
    );
    assert_eq!(
        decode(&signed(&format!("r1.tipe-klien.{v}.fr.{answers}")), BANKS),
        Err(LinkError::UnknownLanguage)
    );
    assert_eq!(
        decode(
            &signed(&format!("r1.tipe-klien.{}.id.{answers}", v + 1)),
            BANKS
        ),
        Err(LinkError::Newer {
            link: v + 1,
            current: v
        })
    );
    assert_eq!(
        decode(&signed(&format!("r1.tipe-klien.x.id.{answers}")), BANKS),
        Err(LinkError::Malformed)
    );
}

#[test]
fn impossible_answers_are_rejected() {
    let bank = common::bank("tipe-klien");
    let v = bank.version;
    let n = bank.questions.len();
    // The first question has no choice 9.
    assert!(bank.questions[0].choices.len() < 10);
    let out_of_range = format!("r1.tipe-klien.{v}.id.9{}", "-".repeat(n - 1));
    assert_eq!(
        decode(&signed(&out_of_range), BANKS),
        Err(LinkError::ImpossibleAnswers)
    );
    let too_many = format!("r1.tipe-klien.{v}.id.{}", "-".repeat(n + 1));
    assert_eq!(
        decode(&signed(&too_many), BANKS),
        Err(LinkError::ImpossibleAnswers)
    );
    let bad_symbol = format!("r1.tipe-klien.{v}.id.{}_", "-".repeat(n - 1));
    assert_eq!(
        decode(&signed(&bad_symbol), BANKS),
        Err(LinkError::ImpossibleAnswers)
    );
}

#[test]
fn old_links_decode_when_the_bank_declares_them_compatible_and_say_so_when_not() {
    let current = common::bank("tipe-klien");
    let old_link = encode(current, &common::all_answered(current, |_| 1), Lang::En);

    let v = current.version;

    // The next version appended a question and keeps today's links readable.
    let mut questions = current.questions.to_vec();
    questions.push(questions[0].clone());
    questions.last_mut().unwrap().id = Cow::Borrowed("pertanyaan-baru");
    let next = Bank {
        version: v + 1,
        compatible_versions: Cow::Owned(vec![v]),
        questions: Cow::Owned(questions),
        ..current.clone()
    };
    let shared = decode(&old_link, &[&next]).expect("today's link readable by the next version");
    assert_eq!(shared.answers.len(), next.questions.len());
    assert_eq!(shared.answers.get(0), Some(1));
    assert_eq!(shared.answers.get(next.questions.len() - 1), None);

    // The version after that changed its questions and so cannot read today's links.
    let after = Bank {
        version: v + 2,
        compatible_versions: Cow::Owned(vec![v + 1]),
        ..next.clone()
    };
    assert_eq!(
        decode(&old_link, &[&after]),
        Err(LinkError::Outdated {
            link: v,
            current: v + 2
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

#[test]
fn a_version_or_step_with_a_leading_zero_is_rejected_even_when_correctly_signed() {
    let bank = common::bank("tipe-klien");
    let (id, v) = (&bank.id, bank.version);
    // Every question skipped, so the links stay valid whatever the questions' conditions.
    let answers = "-".repeat(bank.questions.len());
    // The same links with the numbers spelled as the encoder spells them decode.
    for body in [
        format!("r1.{id}.{v}.id.{answers}"),
        format!("q1.{id}.{v}.0.{answers}"),
    ] {
        assert!(decode_fragment(&sign(&body), BANKS).is_ok(), "{body}");
    }
    // Otherwise "01" would decode to a result whose link is written "1": two links, one result.
    for body in [
        format!("r1.{id}.0{v}.id.{answers}"),
        format!("q1.{id}.0{v}.0.{answers}"),
        format!("q1.{id}.{v}.00.{answers}"),
        format!("q1.{id}.{v}.01.{answers}"),
    ] {
        assert_eq!(
            decode_fragment(&sign(&body), BANKS),
            Err(LinkError::Malformed),
            "{body}"
        );
    }
}

#[test]
fn a_language_code_in_capitals_is_rejected_even_when_correctly_signed() {
    let bank = common::bank("tipe-klien");
    let answers = "-".repeat(bank.questions.len());
    // The encoder writes "id" and "en" only; "ID" would be a second link for the same result.
    for code in ["ID", "Id", "iD", "EN", "En"] {
        let link = sign(&format!("r1.{}.{}.{code}.{answers}", bank.id, bank.version));
        assert_eq!(
            decode(&link, BANKS),
            Err(LinkError::UnknownLanguage),
            "{link}"
        );
    }
}

/// Regression: links pasted from chats arrived with trailing punctuation, an encoded space or
/// line break, a tracker, or in capitals, and were reported as damaged.
#[test]
fn a_link_mangled_by_a_chat_still_opens_and_real_damage_is_still_caught() {
    use cek_klien::core::link::repair;
    let link = tipe_klien_link();
    let upper = link.to_uppercase();
    for mangled in [
        format!("{link},"),
        format!("{link})"),
        format!("{link}!"),
        format!("{link}/"),
        format!("{link}>"),
        format!("{link}."),
        format!("{link}%20"),
        format!("{link}%0A"),
        format!("{link} "),
        format!("{link}?fbclid=IwAR0abc"),
        format!("{link}&utm_source=whatsapp"),
        format!("#{link}),"),
        upper,
    ] {
        assert_eq!(repair(&mangled), link, "{mangled}");
        assert!(decode(&repair(&mangled), BANKS).is_ok(), "{mangled}");
    }
    // A changed character is still reported as such, whatever trails it.
    let mut damaged = link.clone().into_bytes();
    damaged[22] = if damaged[22] == b'1' { b'0' } else { b'1' };
    let damaged = String::from_utf8(damaged).unwrap();
    assert!(decode(&repair(&format!("{damaged},")), BANKS).is_err());
    // Non-ASCII is left for the decoder to refuse.
    assert_eq!(decode(&repair("r1.😀"), BANKS), Err(LinkError::Malformed));
}
