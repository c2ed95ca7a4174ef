//! The long fuzz run of the share-link decoder: a million generated inputs per generator, shaped
//! to get past each check in turn. Not part of the normal suite (it takes a minute in release);
//! run it with
//!
//!     cargo test --release --test fuzz_link -- --ignored
//!
//! Every input must return (a result or a typed error) without panicking, and a fragment of a
//! bank's current version that decodes must be exactly what the encoder writes for what it
//! decoded to: each result has one spelling, so a decoded link never turns into another one.

use cek_klien::core::banks::BANKS;
use cek_klien::core::link::{decode_fragment, encode, encode_progress, sign, Fragment};
use proptest::prelude::*;
use proptest::string::{string_regex, RegexGeneratorStrategy};

const CASES: u32 = 1_000_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn check(input: &str) -> Result<(), TestCaseError> {
    let Ok(fragment) = decode_fragment(input, BANKS) else {
        return Ok(());
    };
    let (quiz, again) = match &fragment {
        Fragment::Result(shared) => (
            shared.quiz,
            encode(BANKS[shared.quiz], &shared.answers, shared.lang),
        ),
        Fragment::Progress(progress) => (
            progress.quiz,
            encode_progress(BANKS[progress.quiz], &progress.answers, progress.step),
        ),
    };
    let link = input.strip_prefix('#').unwrap_or(input);
    // A link of an older version the bank still reads re-encodes as the current version; any
    // spelling of the current version number ("1", "01") must give back the input exactly.
    let version = link.split('.').nth(2).and_then(|v| v.parse::<u16>().ok());
    if version == Some(BANKS[quiz].version) {
        prop_assert_eq!(again, link);
    }
    Ok(())
}

/// Nearly right, correctly signed fragments for every bank: versions and steps with leading
/// zeros, language codes in any case, answers of about the right length.
fn signed_like_a_link() -> impl Strategy<Value = String> {
    (0..BANKS.len())
        .prop_flat_map(|quiz| {
            let bank = BANKS[quiz];
            let n = bank.questions.len();
            (
                prop::sample::select(vec!["r1", "q1"]),
                Just(bank.id.to_string()),
                "0{0,2}[0-9]{1,2}",
                "(id|en|[iI][dD]|[eE][nN]|0{0,2}[0-9]{1,2})",
                regex(&format!("[0-2-]{{{},{}}}", n - 1, n + 1)),
            )
        })
        .prop_map(|(format, quiz, version, detail, answers)| {
            sign(&format!("{format}.{quiz}.{version}.{detail}.{answers}"))
        })
}

/// Strings matching `pattern`, for patterns built at run time.
fn regex(pattern: &str) -> RegexGeneratorStrategy<String> {
    string_regex(pattern).expect("a valid pattern")
}

proptest! {
    #![proptest_config(config())]

    #[test]
    #[ignore = "long: run with --ignored"]
    fn any_string(input in any::<String>()) {
        check(&input)?;
    }

    #[test]
    #[ignore = "long: run with --ignored"]
    fn shaped_like_a_link(
        format in prop::sample::select(vec!["r1", "q1", "r2", "r", ""]),
        quiz in prop::sample::select(vec!["tipe-klien", "klien-kecewa", "x", ""]),
        version in "[0-9]{0,6}",
        detail in "(id|en|[0-9]{1,3}|[a-z]{0,3})",
        answers in "[0-9a-z_-]{0,45}",
    ) {
        check(&format!("{format}.{quiz}.{version}.{detail}.{answers}"))?;
    }

    #[test]
    #[ignore = "long: run with --ignored"]
    fn signed_and_nearly_a_link(input in signed_like_a_link()) {
        check(&input)?;
    }
}
