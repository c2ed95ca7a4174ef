//! The long fuzz run of the share-link decoder: a million generated inputs per generator, shaped
//! to get past each check in turn. Not part of the normal suite (it takes a minute in release);
//! run it with
//!
//!     cargo test --release --test fuzz_link -- --ignored
//!
//! Every input must return (a result or a typed error) without panicking, and a decoded result
//! must only hold answers the quiz has.

use cek_klien::core::banks::BANKS;
use cek_klien::core::link::{decode_fragment, Fragment};
use proptest::prelude::*;

const CASES: u32 = 1_000_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn check(input: &str) -> Result<(), TestCaseError> {
    if let Ok(fragment) = decode_fragment(input, BANKS) {
        let (quiz, answers) = match &fragment {
            Fragment::Result(shared) => (shared.quiz, &shared.answers),
            Fragment::Progress(progress) => (progress.quiz, &progress.answers),
        };
        let bank = BANKS[quiz];
        prop_assert_eq!(answers.len(), bank.questions.len());
        for (q, answer) in answers.slots().enumerate() {
            if let Some(c) = answer {
                prop_assert!(usize::from(c) < bank.questions[q].choices.len());
            }
        }
    }
    Ok(())
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
}
