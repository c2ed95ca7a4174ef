//! The long fuzz run of the work-terms link codec: a million cases per property, not part of the
//! normal suite (which runs 100k of each in `tests/terms_link.rs`). Run it with
//!
//!     cargo test --release --test terms_fuzz -- --ignored
//!
//! Arbitrary valid terms round-trip exactly; arbitrary strings and arbitrary signed payloads
//! never panic, and whatever decodes re-encodes to the same link. The same for the fit check's
//! `f1` and `a1` links.

mod terms_common;

use cek_klien::core::terms::link::{
    decode, decode_answers, decode_fit, encode, encode_answers, encode_fit, repair, sign, sign_as,
    ANSWERS_FORMAT, FIT_FORMAT, MAX_LINK_LEN,
};
use cek_klien::core::terms::validate;
use proptest::prelude::*;
use terms_common::{payload_from_seed, string_from_seed, terms_from_seed};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 1_000_000,
        failure_persistence: None,
        rng_algorithm: proptest::test_runner::RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    #[ignore = "a million cases; run with --release --ignored"]
    fn fuzz_valid_terms_round_trip(seed in any::<u64>()) {
        let terms = terms_from_seed(seed);
        prop_assert_eq!(validate(&terms), []);
        let link = encode(&terms);
        prop_assert!(link.len() <= MAX_LINK_LEN);
        prop_assert_eq!(decode(&link), Ok(terms));
    }

    #[test]
    #[ignore = "a million cases; run with --release --ignored"]
    fn fuzz_any_input_never_panics(seed in any::<u64>()) {
        let input = string_from_seed(seed);
        let _ = decode(&input);
        let _ = decode(&repair(&input));
        let link = sign(&payload_from_seed(seed));
        if let Ok(terms) = decode(&link) {
            prop_assert_eq!(encode(&terms), link);
        }
    }

    #[test]
    #[ignore = "a million cases; run with --release --ignored"]
    fn fuzz_proptest_strings_never_panic(input in any::<String>()) {
        let _ = decode(&input);
        let _ = decode(&repair(&input));
    }

    #[test]
    #[ignore = "a million cases; run with --release --ignored"]
    fn fuzz_fit_and_answers_links(seed in any::<u64>()) {
        let input = string_from_seed(seed);
        let _ = decode_fit(&repair(&input));
        let _ = decode_answers(&repair(&input));
        let payload = payload_from_seed(seed);
        let fit = sign_as(FIT_FORMAT, &payload);
        if let Ok(terms) = decode_fit(&fit) {
            prop_assert_eq!(encode_fit(&terms), fit);
        }
        let answers = sign_as(ANSWERS_FORMAT, &payload);
        if let Ok((terms, chosen)) = decode_answers(&answers) {
            prop_assert_eq!(encode_answers(&terms, &chosen), answers);
        }
    }
}
