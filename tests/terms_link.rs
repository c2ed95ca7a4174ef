//! The work-terms link codec: round trips of every field at its limits, typed errors for
//! damaged, foreign and newer links, chat repairs, recorded lengths, and 100k-case property
//! tests (round trips of arbitrary valid terms; arbitrary input never panics and decodes only
//! to what the encoder writes). The million-case run is `tests/terms_fuzz.rs`.

mod terms_common;

use cek_klien::core::terms::fields::{Kind, Value, FIELDS, MAX_RUPIAH};
use cek_klien::core::terms::link::{decode, encode, repair, sign, TermsLinkError, MAX_LINK_LEN};
use cek_klien::core::terms::{terms_for_result, validate, ClauseSet, DocLang, Terms};
use proptest::prelude::*;
use terms_common::{maximal_terms, payload_from_seed, string_from_seed, terms_from_seed};

#[track_caller]
fn round_trip(terms: &Terms) {
    assert_eq!(validate(terms), [], "test setup: invalid terms");
    let link = encode(terms);
    assert!(
        link.len() <= MAX_LINK_LEN,
        "{} > {MAX_LINK_LEN}",
        link.len()
    );
    assert_eq!(decode(&link).as_ref(), Ok(terms), "{link}");
    assert_eq!(decode(&format!("#{link}")).as_ref(), Ok(terms));
}

#[test]
fn the_defaults_every_old_link_relies_on_are_pinned() {
    // A link leaves out every field at its default: changing one changes what old links mean,
    // which needs a new format (t2), not an edit here.
    let pinned: [(&str, Value<'_>); 37] = [
        ("provider_name", Value::Text("")),
        ("provider_contact", Value::Text("")),
        ("client_name", Value::Text("")),
        ("client_contact", Value::Text("")),
        ("service", Value::Text("")),
        ("included", Value::Text("")),
        ("excluded", Value::Text("")),
        ("deadline_days", Value::Number(0)),
        ("work_days", Value::Number(0b001_1111)),
        ("hours_start", Value::Number(9)),
        ("hours_end", Value::Number(17)),
        ("time_zone", Value::Number(0)),
        ("reply_inside_hours", Value::Number(4)),
        ("reply_outside_hours", Value::Number(2)),
        ("on_call", Value::Switch(false)),
        ("on_call_price", Value::Number(0)),
        ("on_call_response_minutes", Value::Number(60)),
        ("revisions", Value::Number(2)),
        ("revision_rate", Value::Number(0)),
        ("price", Value::Number(0)),
        ("price_includes_tax", Value::Switch(false)),
        ("deposit_percent", Value::Number(50)),
        ("payment_schedule", Value::Number(0)),
        ("due_days", Value::Number(7)),
        ("late_pause_days", Value::Number(3)),
        ("quote_valid_days", Value::Number(14)),
        ("trial_days", Value::Number(14)),
        ("trial_measure", Value::Text("")),
        ("cpu_percent", Value::Number(15)),
        ("cpu_window_minutes", Value::Number(90)),
        ("notice_days", Value::Number(14)),
        ("handover_days", Value::Number(7)),
        ("evidence_email", Value::Switch(true)),
        ("evidence_recording", Value::Switch(false)),
        ("place", Value::Text("")),
        ("date", Value::Text("")),
        ("prevailing", Value::Number(0)),
    ];
    assert_eq!(
        FIELDS.len(),
        pinned.len(),
        "a new field needs a pinned default here"
    );
    let defaults = Terms::default();
    for (spec, (name, value)) in FIELDS.iter().zip(pinned) {
        assert_eq!(spec.name, name, "fields keep their order and tags");
        assert_eq!(defaults.fields.get(name), Some(value), "{name}");
    }
    // The default clauses are carried as bits, so they may change; the recorded link is the
    // format's own check (header, varint, check bytes).
    assert_eq!(encode(&Terms::default()), "t1.APNQCMlr");
}

#[test]
fn every_field_round_trips_at_its_limits() {
    for spec in FIELDS {
        let values: Vec<Value<'_>> = match spec.kind {
            Kind::Text { .. } => vec![Value::Text("x")],
            Kind::Switch => vec![Value::Switch(true), Value::Switch(false)],
            kind => {
                let (min, max) = cek_klien::core::terms::range(kind).expect("numeric");
                vec![
                    Value::Number(min),
                    Value::Number(max),
                    Value::Number(min.midpoint(max)),
                ]
            }
        };
        for value in values {
            let mut terms = Terms::default();
            assert!(terms.fields.set(spec.name, value));
            if spec.name == "hours_start" {
                terms.fields.hours_end = 24;
                if value == Value::Number(24) {
                    continue;
                }
            }
            if spec.name == "hours_end" {
                terms.fields.hours_start = 0;
                if value == Value::Number(0) {
                    continue;
                }
            }
            round_trip(&terms);
        }
    }
    for lang in DocLang::ALL {
        for clauses in [ClauseSet::EMPTY, ClauseSet::default(), ClauseSet::all()] {
            round_trip(&Terms {
                lang,
                clauses,
                ..Terms::default()
            });
        }
    }
    for outcome in ["ideal", "penuntut", "bermasalah", "pindahan", "belum-siap"] {
        round_trip(&terms_for_result(outcome, &["kata-kasar", "beban-lama"]));
    }
}

#[test]
fn text_at_its_limit_in_any_script_round_trips_and_one_more_is_refused() {
    for letter in ["a", "é", "中", "🙂"] {
        let terms = maximal_terms(letter);
        round_trip(&terms);
    }
    for spec in FIELDS {
        let Kind::Text { max, .. } = spec.kind else {
            continue;
        };
        let mut terms = Terms::default();
        let long = "a".repeat(max + 1);
        assert!(terms.fields.set(spec.name, Value::Text(&long)));
        assert_eq!(
            decode(&encode(&terms)),
            Err(TermsLinkError::Invalid { field: spec.name })
        );
    }
    let mut terms = Terms::default();
    terms.fields.price = MAX_RUPIAH + 1;
    assert_eq!(
        decode(&encode(&terms)),
        Err(TermsLinkError::Invalid { field: "price" })
    );
    terms.fields.price = 0;
    terms.fields.client_name = "baris\nbaru".into();
    assert_eq!(
        decode(&encode(&terms)),
        Err(TermsLinkError::Invalid {
            field: "client_name"
        })
    );
}

#[test]
fn recorded_lengths_stay_short_enough_to_share() {
    let default = encode(&Terms::default());
    let mut typical = terms_for_result("penuntut", &["balas-instan"]);
    typical.fields.provider_name = "Budi Santoso".into();
    typical.fields.client_name = "PT Maju Jaya".into();
    typical.fields.service = "Pengelolaan server dan situs web".into();
    typical.fields.included = "Pemantauan server\nPembaruan keamanan\nCadangan harian".into();
    typical.fields.price = 1_500_000;
    typical.fields.on_call_price = 500_000;
    typical.fields.revision_rate = 150_000;
    let ascii = encode(&maximal_terms("a"));
    let emoji = encode(&maximal_terms("🙂"));
    println!(
        "default {} B, typical {} B, maximal ASCII {} B, maximal 4-byte {} B, ceiling {MAX_LINK_LEN} B",
        default.len(),
        encode(&typical).len(),
        ascii.len(),
        emoji.len()
    );
    assert!(default.len() <= 12);
    assert!(encode(&typical).len() <= 220, "{}", encode(&typical));
    assert!(ascii.len() <= 3_000);
    assert!(emoji.len() <= MAX_LINK_LEN);
}

#[test]
fn damaged_foreign_and_newer_links_get_typed_errors() {
    let link = encode(&terms_for_result("pindahan", &[]));
    // Foreign: the quiz's links, other fragments, nothing.
    for foreign in [
        "",
        "#",
        "r1.tipe-klien.2.id.01-0k",
        "q1.x",
        "hello",
        "t.AAAA",
        "t01x.AAAA",
        "tx.AAAA",
    ] {
        assert_eq!(decode(foreign), Err(TermsLinkError::Foreign), "{foreign:?}");
    }
    assert_eq!(decode("t2.AAAAAA"), Err(TermsLinkError::Newer));
    assert_eq!(decode("t17.anything"), Err(TermsLinkError::Newer));
    // Cut off, garbled, or not base64.
    for broken in [
        "t1",
        "t1.",
        "t1.A",
        "t1.AAA",
        &link[..link.len() - 1],
        "t1.AP+QCMlr",
        "t1.AP QCMlr",
        "t1.APNQCMlr=",
        "t1.APNQCMlr.x",
    ] {
        assert!(
            matches!(
                decode(broken),
                Err(TermsLinkError::Malformed | TermsLinkError::Checksum)
            ),
            "{broken:?}: {:?}",
            decode(broken)
        );
    }
    // One changed character is caught by the check bytes.
    let mut changed = link.clone().into_bytes();
    let last = changed.len() - 6;
    changed[last] = if changed[last] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).expect("ascii");
    assert_eq!(decode(&changed), Err(TermsLinkError::Checksum));
    assert_eq!(
        decode(&"A".repeat(MAX_LINK_LEN + 1)),
        Err(TermsLinkError::TooLong)
    );
    assert_eq!(
        decode(&format!("t1.{}", "A".repeat(MAX_LINK_LEN))),
        Err(TermsLinkError::TooLong)
    );
}

#[test]
fn payloads_past_the_check_are_read_strictly() {
    let ok = |body: &[u8]| decode(&sign(body));
    assert!(ok(&[0, 0]).is_ok(), "Indonesian, no clauses, all defaults");
    assert_eq!(ok(&[3, 0]), Err(TermsLinkError::Malformed), "language 3");
    assert_eq!(
        ok(&[0b1000, 0]),
        Err(TermsLinkError::Newer),
        "a reserved header bit"
    );
    assert_eq!(
        ok(&[0, 0x80, 0x80, 0x01]),
        Err(TermsLinkError::Newer),
        "an unknown clause bit"
    );
    assert_eq!(
        ok(&[0, 0x80, 0x00]),
        Err(TermsLinkError::Malformed),
        "an overlong varint"
    );
    assert_eq!(
        ok(&[0, 0, 100, 1]),
        Err(TermsLinkError::Newer),
        "an unknown field tag"
    );
    assert_eq!(
        ok(&[0, 0, 20, 1, 8, 1]),
        Err(TermsLinkError::Malformed),
        "tags out of order"
    );
    assert_eq!(
        ok(&[0, 0, 20, 0]),
        Err(TermsLinkError::Malformed),
        "a default value written out"
    );
    assert_eq!(
        ok(&[0, 0, 1, 5, b'a']),
        Err(TermsLinkError::Malformed),
        "text cut off"
    );
    assert_eq!(
        ok(&[0, 0, 1, 1, 0xff]),
        Err(TermsLinkError::Malformed),
        "text not UTF-8"
    );
    assert_eq!(
        ok(&[0, 0, 1, 1, 7]),
        Err(TermsLinkError::Invalid {
            field: "provider_name"
        }),
        "a control character"
    );
    assert_eq!(
        ok(&[0b100, 0, 0]),
        Err(TermsLinkError::Malformed),
        "an empty outcome"
    );
    assert_eq!(
        ok(&[0b100, 0, 2, b'x', b'y']),
        Err(TermsLinkError::Invalid {
            field: "from_outcome"
        })
    );
    assert_eq!(
        ok(&[0, 0, 12, 3]),
        Err(TermsLinkError::Invalid { field: "time_zone" })
    );
    assert_eq!(
        ok(&[0, 0, 10, 17]),
        Err(TermsLinkError::Invalid { field: "hours_end" }),
        "start after end"
    );
    let mut overflow = vec![0, 0, 20];
    overflow.extend([0xff; 9]);
    overflow.push(0x02);
    assert_eq!(
        ok(&overflow),
        Err(TermsLinkError::Malformed),
        "a varint over 64 bits"
    );
}

#[test]
fn links_mangled_by_chat_apps_are_repaired() {
    let mut terms = terms_for_result("penuntut", &[]);
    terms.fields.provider_name = "Sari".into();
    let link = encode(&terms);
    for mangled in [
        format!("#{link}"),
        format!("{link},"),
        format!("{link})."),
        format!("{link}!"),
        format!("{link}/"),
        format!("{link}>"),
        format!("{link}%20"),
        format!("{link}%0A"),
        format!("{link}?fbclid=IwAR0abc"),
        format!("{link}&utm_source=wa"),
        format!(" {link} "),
        format!("{link}."),
    ] {
        assert_eq!(repair(&mangled), link, "{mangled}");
        assert_eq!(decode(&repair(&mangled)).as_ref(), Ok(&terms), "{mangled}");
    }
    assert_eq!(repair("%%%"), "%%%", "nothing of a link is left as it came");
    assert_eq!(decode(&repair("%%%")), Err(TermsLinkError::Foreign));
}

/// 100k cases in the normal run; `tests/terms_fuzz.rs` runs a million of each. XorShift
/// rather than proptest's default ChaCha: the cases come from a seed, and seeding ChaCha for
/// each case costs more than the case itself in a debug build.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 100_000,
        failure_persistence: None,
        rng_algorithm: proptest::test_runner::RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_valid_terms_round_trip(seed in any::<u64>()) {
        let terms = terms_from_seed(seed);
        prop_assert_eq!(validate(&terms), []);
        let link = encode(&terms);
        prop_assert!(link.len() <= MAX_LINK_LEN);
        prop_assert_eq!(decode(&link), Ok(terms));
    }

    #[test]
    fn arbitrary_input_never_panics(seed in any::<u64>()) {
        let input = string_from_seed(seed);
        let _ = decode(&input);
        let _ = decode(&repair(&input));
        // Signed bytes get past the check and exercise the reader: whatever decodes must be
        // exactly what the encoder writes.
        let link = sign(&payload_from_seed(seed));
        if let Ok(terms) = decode(&link) {
            prop_assert_eq!(encode(&terms), link);
        }
    }
}

proptest! {
    // proptest's own strings, fewer of them: its string generator is ten times slower.
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn proptest_strings_never_panic(input in any::<String>()) {
        let _ = decode(&input);
        let _ = decode(&repair(&input));
    }
}
