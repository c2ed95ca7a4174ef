//! Fixtures the browser tests read, generated here from the Rust code so the two cannot drift.
//!
//! `tests/e2e/fixtures/signed-links.txt` holds, one `body<TAB>signed` line each, every
//! hand-made link body the browser tests need with a valid check character
//! (`cek_klien::core::link::sign`). The browser tests look bodies up with `signed(body)`
//! (tests/e2e/support/links.mjs), which throws for a body that is not in the file.
//!
//! To add a body: put it in `SIGNED_BODIES` below, then regenerate the file with
//!
//!     UPDATE_FIXTURES=1 cargo test --test browser_fixtures

use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::Answers;
use cek_klien::core::link::{decode, encode, sign};
use cek_klien::core::text::Lang;
use std::path::PathBuf;

/// Every link body the browser tests pass to `signed(...)` (tests/e2e/hostile-input.test.mjs,
/// quiz.test.mjs, branching.test.mjs).
const SIGNED_BODIES: &[&str] = &[
    // A valid tipe-klien result link (bank version 2): a current client who came from another
    // provider, so the switcher questions are answered and the prospect-only ones are not.
    "r1.tipe-klien.2.id.1312--013201320132012",
    // Each gets past the checksum only to fail a later check. The answers are a valid prospect's
    // unless the answers are what is wrong.
    "r1.tipe-klien.9.id.00--00000000---------",
    "r1.tipe-klien.0.id.00--00000000---------",
    "r1.kuis-lain.2.id.00--00000000---------",
    "r1.tipe-klien.2.xx.00--00000000---------",
    "r1.tipe-klien.2.id.90--00000000---------",
    "r1.tipe-klien.2.id.00--00000000---------0000",
    "r1.tipe-klien.2.id.00--00000000--------_",
    "q1.tipe-klien.2.21.00--00000000---------",
    "r1.klien-kecewa.2.en.z0000000-00",
    // A link that answers a question its own answers hide: a prospect with a payment record,
    // and a direct client with a marketplace review.
    "r1.tipe-klien.2.id.00--000000000--------",
    "r1.klien-kecewa.2.id.10000000-00",
    // A real link made with version 1 of the bank, before the branching questions.
    "r1.tipe-klien.1.id.012301230123012",
];

const REGENERATE: &str = "UPDATE_FIXTURES=1 cargo test --test browser_fixtures";

fn fixture_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fixtures/signed-links.txt")
}

fn signed_links_file() -> String {
    SIGNED_BODIES
        .iter()
        .map(|body| format!("{body}\t{}\n", sign(body)))
        .collect()
}

#[test]
fn signed_links_fixture_is_up_to_date() {
    let path = fixture_path();
    let expected = signed_links_file();
    if std::env::var_os("UPDATE_FIXTURES").is_some_and(|v| v == "1") {
        std::fs::write(&path, &expected)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}); generate it with `{REGENERATE}`",
            path.display()
        )
    });
    assert!(
        committed == expected,
        "{} is out of date with SIGNED_BODIES or with link::sign; regenerate it with \
         `{REGENERATE}` and commit the result.\n--- committed\n{committed}--- expected\n{expected}",
        path.display()
    );
}

#[test]
fn signed_bodies_fit_the_fixture_format_and_are_listed_once() {
    for (i, body) in SIGNED_BODIES.iter().enumerate() {
        assert!(
            !body.is_empty() && !body.contains(['\t', '\n', '\r']),
            "{body:?} cannot be a line of the fixture"
        );
        assert!(
            !SIGNED_BODIES[..i].contains(body),
            "{body:?} is listed twice"
        );
    }
}

/// The fixture is only worth something if `sign` gives the check character real links carry.
#[test]
fn sign_appends_the_check_character_that_encode_writes() {
    for bank in BANKS {
        for lang in Lang::ALL {
            let link = encode(bank, &Answers::empty(bank), lang);
            let body = &link[..link.len() - 1];
            assert_eq!(sign(body), link);
        }
    }
}

/// The browser tests mutate and truncate this one, expecting every change to be an error.
#[test]
fn the_first_signed_body_is_a_valid_link() {
    let valid = sign(SIGNED_BODIES[0]);
    assert!(decode(&valid, BANKS).is_ok(), "{valid} does not decode");
}
