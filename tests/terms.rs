//! Work terms: the shipped template, rendering under every switch combination, money, the
//! client summary against hostile input, validation, recommendations from a quiz result, and
//! the JSON form.

mod common;

use cek_klien::core::terms::fields::{Kind, Value, FIELDS, MAX_NAME, MAX_RUPIAH, MAX_SCOPE};
use cek_klien::core::terms::template::{parse, SUMMARY_MAX_LINES, SUMMARY_MIN_LINES};
use cek_klien::core::terms::{
    clean_text, client_summary, format_rupiah, outcome_note, recommended_clauses, render,
    terms_for_result, to_markdown, to_plain_text, validate, ClauseSet, DocLang, Document,
    FieldProblem, Span, Terms, TEMPLATE,
};
use cek_klien::core::text::Lang;

const SOURCE: &str = include_str!("../data/terms/clauses.toml");

#[test]
fn the_shipped_template_validates_and_matches_the_baked_static() {
    let parsed = parse(SOURCE).unwrap_or_else(|errors| panic!("{errors:#?}"));
    assert_eq!(
        parsed, TEMPLATE,
        "build.rs output differs from the data file"
    );
}

#[test]
fn fields_have_unique_rising_tags_and_valid_defaults() {
    for pair in FIELDS.windows(2) {
        assert!(pair[0].tag < pair[1].tag, "{pair:?}");
    }
    assert!(FIELDS.iter().all(|spec| (1..=127).contains(&spec.tag)));
    assert_eq!(validate(&Terms::default()), []);
}

#[test]
fn a_new_agreement_starts_in_indonesian_with_the_core_clauses() {
    let terms = Terms::default();
    assert_eq!(terms.lang, DocLang::Id);
    let on: Vec<&str> = terms.clauses.clauses().map(|c| &*c.id).collect();
    assert_eq!(
        on,
        [
            "lingkup",
            "jam-kerja",
            "revisi",
            "pembayaran",
            "perubahan",
            "pengakhiran",
            "bukti"
        ]
    );
}

/// Terms with something in every field, no braces anywhere, so a `{` in the output can only be
/// an unfilled placeholder.
fn filled() -> Terms {
    let mut terms = Terms::default();
    let f = &mut terms.fields;
    f.provider_name = "Studio Contoh".into();
    f.provider_contact = "Jl. Contoh 1, Bandung".into();
    f.client_name = "PT Klien".into();
    f.client_contact = "Surabaya".into();
    f.service = "pembuatan situs web".into();
    f.included = "desain\nhalaman utama".into();
    f.excluded = "hosting".into();
    f.trial_measure = "waktu muat halaman".into();
    f.place = "Bandung".into();
    f.date = "1 Mei 2026".into();
    f.price = 5_000_000;
    f.on_call_price = 750_000;
    f.revision_rate = 250_000;
    f.deadline_days = 30;
    terms
}

/// The structural checks every rendering must pass: contiguous numbers, both columns, no
/// empty clause or paragraph, no placeholder left unfilled.
fn check_document(doc: &Document, terms: &Terms, lang: DocLang, context: &str) {
    let columns = lang.langs().len();
    let expected = terms.clauses.clauses().count() + usize::from(lang == DocLang::Both);
    assert_eq!(doc.clauses.len(), expected, "{context}");
    for (i, clause) in doc.clauses.iter().enumerate() {
        assert_eq!(clause.number, i + 1, "numbering has a gap: {context}");
        assert_eq!(clause.title.len(), columns);
        assert_eq!(clause.paragraphs.len(), columns);
        for column in &clause.paragraphs {
            assert!(
                !column.is_empty(),
                "clause {} is empty: {context}",
                clause.id
            );
            for para in column {
                let text = para.text();
                assert!(!text.trim().is_empty(), "{context}");
                // Two single-character searches: memchr, fast even in a debug build.
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "unfilled: {context}: {text}"
                );
            }
        }
    }
    if lang == DocLang::Both {
        assert_eq!(doc.clauses.last().map(|c| c.id), Some("bahasa"));
    }
}

/// The text outputs: no placeholder anywhere, every numbered heading present.
fn check_outputs(doc: &Document, context: &str) {
    for out in [to_plain_text(doc), to_markdown(doc)] {
        assert!(
            !out.contains('{') && !out.contains('}'),
            "unfilled placeholder: {context}\n{out}"
        );
        for clause in &doc.clauses {
            let heading = format!("{}. {}", clause.number, clause.title.join(" / "));
            assert!(out.contains(&heading), "{context}: {heading}");
        }
    }
}

fn check_summary(terms: &Terms, lang: DocLang, context: &str) -> Vec<String> {
    let lines = client_summary(terms, lang);
    assert!(
        (SUMMARY_MIN_LINES..=SUMMARY_MAX_LINES).contains(&lines.len()),
        "{} lines: {context}",
        lines.len()
    );
    for line in &lines {
        assert!(
            !line.trim().is_empty()
                && !line.contains('{')
                && !line.contains('}')
                && !line.contains('\n'),
            "{context}: {line}"
        );
    }
    lines
}

#[test]
fn every_clause_combination_renders_in_every_language() {
    let clauses: Vec<&str> = TEMPLATE.clauses.iter().map(|c| &*c.id).collect();
    assert!(
        clauses.len() <= 16,
        "2^n combinations: switch to a property test"
    );
    let base = filled();
    for combination in 0u32..(1 << clauses.len()) {
        let mut terms = base.clone();
        terms.clauses = ClauseSet::EMPTY;
        for (i, id) in clauses.iter().enumerate() {
            terms.clauses.set(id, combination & (1 << i) != 0);
        }
        // Every combination in both languages side by side; the one-language layouts, the text
        // outputs and the summary on every 16th (all of it for all of them is slow in a debug
        // build). Every paragraph variant in every layout is the next test's job.
        let context = format!("combination {combination:#b}");
        check_document(
            &render(&terms, DocLang::Both),
            &terms,
            DocLang::Both,
            &context,
        );
        if combination % 16 == 0 {
            for lang in DocLang::ALL {
                let doc = render(&terms, lang);
                check_document(&doc, &terms, lang, &context);
                check_outputs(&doc, &context);
                check_summary(&terms, lang, &context);
            }
        }
    }
}

#[test]
fn every_switch_and_optional_field_combination_renders() {
    // The fields paragraphs depend on: each with a set and an unset value.
    let toggles: [(&str, Value<'static>, Value<'static>); 8] = [
        ("on_call", Value::Switch(false), Value::Switch(true)),
        (
            "price_includes_tax",
            Value::Switch(false),
            Value::Switch(true),
        ),
        ("evidence_email", Value::Switch(false), Value::Switch(true)),
        (
            "evidence_recording",
            Value::Switch(false),
            Value::Switch(true),
        ),
        ("excluded", Value::Text(""), Value::Text("hosting")),
        ("deadline_days", Value::Number(0), Value::Number(30)),
        ("revisions", Value::Number(0), Value::Number(3)),
        ("deposit_percent", Value::Number(0), Value::Number(40)),
    ];
    for combination in 0u32..(1 << toggles.len()) {
        let mut terms = filled();
        terms.clauses = ClauseSet::all();
        for (i, (name, off, on)) in toggles.iter().enumerate() {
            let value = if combination & (1 << i) != 0 {
                *on
            } else {
                *off
            };
            assert!(terms.fields.set(name, value));
        }
        for lang in DocLang::ALL {
            let context = format!("fields {combination:#b}, {lang:?}");
            let doc = render(&terms, lang);
            check_document(&doc, &terms, lang, &context);
            check_outputs(&doc, &context);
            check_summary(&terms, lang, &context);
        }
    }
}

#[test]
fn a_switch_chooses_between_its_paragraphs() {
    let mut terms = filled();
    terms.clauses = ClauseSet::all();
    let text = |terms: &Terms| to_plain_text(&render(terms, DocLang::En));
    assert!(text(&terms).contains("includes no support outside working hours"));
    assert!(!text(&terms).contains("on-call support outside working hours for"));
    terms.fields.on_call = true;
    assert!(text(&terms).contains("Rp 750.000 a month"));
    assert!(!text(&terms).contains("includes no support outside working hours"));
}

#[test]
fn money_is_written_the_indonesian_way() {
    assert_eq!(format_rupiah(0), "Rp 0");
    assert_eq!(format_rupiah(7), "Rp 7");
    assert_eq!(format_rupiah(999), "Rp 999");
    assert_eq!(format_rupiah(1_000), "Rp 1.000");
    assert_eq!(format_rupiah(15_000), "Rp 15.000");
    assert_eq!(format_rupiah(1_500_000), "Rp 1.500.000");
    assert_eq!(format_rupiah(MAX_RUPIAH), "Rp 999.999.999.999");
    assert_eq!(format_rupiah(u64::MAX), "Rp 18.446.744.073.709.551.615");
}

#[test]
fn hours_days_and_options_follow_the_language() {
    let mut terms = filled();
    terms.fields.work_days = 0b010_1011; // Monday, Tuesday, Thursday, Saturday
    terms.fields.hours_start = 8;
    terms.fields.hours_end = 24;
    terms.fields.time_zone = 1;
    let id = to_plain_text(&render(&terms, DocLang::Id));
    let en = to_plain_text(&render(&terms, DocLang::En));
    assert!(
        id.contains("hari Senin, Selasa, Kamis, dan Sabtu, pukul 08.00 sampai 24.00 WITA"),
        "{id}"
    );
    assert!(
        en.contains(
            "works Monday, Tuesday, Thursday and Saturday, from 08:00 to 24:00 WITA (UTC+8)"
        ),
        "{en}"
    );
    terms.fields.work_days = 0b111_1111;
    assert!(to_plain_text(&render(&terms, DocLang::Id)).contains("Senin–Minggu"));
}

#[test]
fn empty_fields_print_as_lines_to_fill_by_hand() {
    let doc = render(&Terms::default(), DocLang::Id);
    assert!(doc.preamble[0][1].spans.contains(&Span::Blank));
    assert_eq!(doc.signature.provider.name, Span::Blank);
    assert_eq!(doc.signature.client.name, Span::Blank);
    let text = to_plain_text(&doc);
    assert!(text.contains("Harga jasa adalah Rp ...................., belum termasuk pajak."));
    assert!(text.contains("Dibuat di ...................., pada tanggal"));
}

#[test]
fn the_bilingual_agreement_names_the_prevailing_text() {
    let mut terms = filled();
    let doc = render(&terms, DocLang::Both);
    assert_eq!(doc.langs, [Lang::Id, Lang::En]);
    let last = doc.clauses.last().map(|c| c.paragraphs[1][0].text());
    assert!(last.is_some_and(|t| t.ends_with("the Indonesian text prevails.")));
    terms.fields.prevailing = 1;
    let doc = render(&terms, DocLang::Both);
    let last = doc.clauses.last().map(|c| c.paragraphs[0][0].text());
    assert!(last.is_some_and(|t| t.ends_with("teks bahasa Inggris.")));
    for lang in [DocLang::Id, DocLang::En] {
        assert!(render(&terms, lang)
            .clauses
            .iter()
            .all(|c| c.id != "bahasa"));
    }
}

#[test]
fn user_words_are_never_read_as_placeholders_or_markup() {
    let mut terms = Terms::default();
    terms.fields.provider_name = "{price} **tebal** <script>alert(1)</script>".into();
    terms.fields.included =
        "# Judul\n1. satu\n- dua\n    kode\n[tautan](javascript:alert(1)) `x` | ~ &amp; _m_".into();
    let doc = render(&terms, DocLang::Id);
    let plain = to_plain_text(&doc);
    assert!(plain.contains("{price} **tebal** <script>alert(1)</script>"));
    assert!(plain.contains("# Judul\n1. satu\n- dua\n    kode"));
    let md = to_markdown(&doc);
    assert!(
        md.contains(r"\{price\} \*\*tebal\*\* \<script\>alert(1)\</script\>"),
        "{md}"
    );
    assert!(md.contains("\\# Judul  \n1\\. satu  \n\\- dua  \nkode  \n\\[tautan\\](javascript:alert(1)) \\`x\\` \\| \\~ \\&amp; \\_m\\_"), "{md}");
    for line in md.lines() {
        assert!(!line.starts_with("    "), "a code block: {line:?}");
    }
}

/// Contact details, links and phone numbers a user might type anywhere.
const HOSTILE: [&str; 6] = [
    "https://contoh.id/bayar",
    "budi@contoh.id",
    "+62 812-3456-7890",
    "wa.me/6281234567890",
    "081234567890",
    "www.contoh.id",
];

fn looks_like_contact(line: &str) -> bool {
    let digits_run = line
        .split(|c: char| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')')))
        .any(|run| run.chars().filter(char::is_ascii_digit).count() >= 8);
    line.contains("://")
        || line.contains('@')
        || line.contains("www.")
        || line.contains("wa.me")
        || digits_run
}

#[test]
fn the_client_summary_never_carries_contact_details_or_links() {
    let texts: Vec<&str> = FIELDS
        .iter()
        .filter(|spec| matches!(spec.kind, Kind::Text { .. }))
        .map(|spec| spec.name)
        .collect();
    for (i, hostile) in HOSTILE.iter().enumerate() {
        let mut terms = filled();
        for name in &texts {
            assert!(terms.fields.set(name, Value::Text(hostile)));
        }
        terms.fields.on_call = i % 2 == 0;
        terms.fields.price = MAX_RUPIAH;
        terms.fields.on_call_price = 123_456_789;
        for clauses in [ClauseSet::EMPTY, ClauseSet::default(), ClauseSet::all()] {
            terms.clauses = clauses;
            for lang in DocLang::ALL {
                for line in check_summary(&terms, lang, hostile) {
                    assert!(!line.contains(hostile), "{line}");
                    assert!(!looks_like_contact(&line), "{line}");
                }
            }
        }
    }
}

#[test]
fn the_summary_keeps_the_most_important_lines() {
    let mut terms = filled();
    terms.clauses = ClauseSet::all();
    let lines = client_summary(&terms, DocLang::En);
    assert_eq!(lines.len(), SUMMARY_MAX_LINES);
    assert!(
        lines[1].starts_with("The fee is Rp 5.000.000"),
        "{lines:#?}"
    );
    terms.clauses = ClauseSet::EMPTY;
    let lines = client_summary(&terms, DocLang::Both);
    assert_eq!(lines.len(), SUMMARY_MIN_LINES);
    assert!(lines[0].contains(" / "), "both languages on one line");
}

#[test]
fn validation_names_each_field_and_its_problem() {
    let mut terms = Terms::default();
    terms.fields.provider_name = "x".repeat(MAX_NAME + 1);
    terms.fields.client_name = "a\nb".into();
    terms.fields.service = "jasa\u{202e}lainnya".into();
    terms.fields.included = "a\u{7}".into();
    terms.fields.excluded = "baris\nbaris".into();
    terms.fields.deposit_percent = 101;
    terms.fields.price = MAX_RUPIAH + 1;
    terms.fields.time_zone = 3;
    terms.fields.work_days = 0x80;
    terms.fields.hours_start = 18;
    terms.fields.hours_end = 17;
    terms.from_outcome = Some("entah".into());
    let errors = validate(&terms);
    let problem = |field: &str| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.problem.clone())
    };
    assert_eq!(
        problem("provider_name"),
        Some(FieldProblem::TooLong {
            max: MAX_NAME,
            found: MAX_NAME + 1
        })
    );
    assert_eq!(problem("client_name"), Some(FieldProblem::LineBreak));
    assert_eq!(problem("service"), Some(FieldProblem::ControlCharacter));
    assert_eq!(problem("included"), Some(FieldProblem::ControlCharacter));
    assert_eq!(problem("excluded"), None, "line breaks are fine in lists");
    assert_eq!(
        problem("deposit_percent"),
        Some(FieldProblem::OutOfRange { min: 0, max: 100 })
    );
    assert_eq!(
        problem("price"),
        Some(FieldProblem::OutOfRange {
            min: 0,
            max: MAX_RUPIAH
        })
    );
    assert_eq!(
        problem("time_zone"),
        Some(FieldProblem::OutOfRange { min: 0, max: 2 })
    );
    assert_eq!(
        problem("work_days"),
        Some(FieldProblem::OutOfRange { min: 0, max: 127 })
    );
    assert_eq!(problem("hours_end"), Some(FieldProblem::EndsBeforeStart));
    assert_eq!(problem("from_outcome"), Some(FieldProblem::UnknownOutcome));
    assert_eq!(errors.len(), 10, "{errors:#?}");
}

#[test]
fn clean_text_makes_any_paste_valid() {
    let one_line = Kind::Text {
        max: 10,
        multiline: false,
    };
    let lines = Kind::Text {
        max: MAX_SCOPE,
        multiline: true,
    };
    assert_eq!(clean_text("a\r\nb\u{0}c\u{202e}d", lines), "a\nbcd");
    assert_eq!(clean_text("a\r\nb", one_line), "a b");
    assert_eq!(clean_text("ééééééééééé", one_line).chars().count(), 10);
    let mut terms = Terms::default();
    terms.fields.included = clean_text(&"\u{1}x\r\n".repeat(400), lines);
    assert_eq!(validate(&terms), []);
}

#[test]
fn a_quiz_result_switches_on_what_it_recommends() {
    let demanding = terms_for_result("penuntut", &[]);
    for id in ["waktu-balas", "siaga", "revisi", "jam-kerja"] {
        assert!(demanding.clauses.contains(id), "{id}");
    }
    assert!(
        demanding.fields.on_call,
        "the paid on-call tier, not 'none'"
    );
    assert_eq!(demanding.from_outcome.as_deref(), Some("penuntut"));

    let switcher = recommended_clauses("pindahan", &[]);
    assert!(switcher.contains("masalah-lama") && switcher.contains("uji-coba"));

    let rude = recommended_clauses("ideal", &["kata-kasar"]);
    assert!(rude.contains("sopan") && rude.contains("pengakhiran"));
    assert!(!recommended_clauses("ideal", &[]).contains("sopan"));

    let unknown = terms_for_result("entah", &["juga-entah"]);
    assert_eq!(unknown, Terms::default(), "unknown ids add nothing");
    for outcome in ["ideal", "penuntut", "bermasalah", "pindahan", "belum-siap"] {
        let terms = terms_for_result(outcome, &[]);
        assert_eq!(validate(&terms), [], "{outcome}");
        assert!(ClauseSet::default()
            .clauses()
            .all(|c| terms.clauses.contains(&c.id)));
    }
}

#[test]
fn every_quiz_outcome_and_flag_has_its_recommendation() {
    let bank = common::bank("tipe-klien");
    for outcome in bank.outcomes.iter() {
        let note = outcome_note(&outcome.id).unwrap_or_else(|| panic!("{}", outcome.id));
        assert!(!note.id.is_empty() && !note.en.is_empty());
    }
    for flag in bank.flags.iter() {
        let rule = TEMPLATE
            .recommend
            .iter()
            .find(|rule| rule.flag.as_deref() == Some(&*flag.id))
            .unwrap_or_else(|| panic!("flag {} has no rule", flag.id));
        let set = recommended_clauses("ideal", &[&flag.id]);
        assert!(
            rule.clauses.iter().all(|id| set.contains(id)),
            "{}",
            flag.id
        );
    }
}

#[test]
fn terms_travel_as_json_and_unknown_names_are_refused() {
    let mut terms = terms_for_result("bermasalah", &["kata-kasar"]);
    terms.fields.provider_name = "Budi \"Web\"".into();
    terms.lang = DocLang::Both;
    let json = serde_json::to_string(&terms).expect("serialise");
    assert!(json.contains("\"clauses\":[\"lingkup\""), "{json}");
    assert!(json.contains("\"lang\":\"both\""));
    let back: Terms = serde_json::from_str(&json).expect("deserialise");
    assert_eq!(back, terms);
    let partial: Terms = serde_json::from_str(r#"{"fields":{"price":1000}}"#).expect("defaults");
    assert_eq!(partial.fields.price, 1000);
    assert_eq!(partial.clauses, ClauseSet::default());
    assert!(serde_json::from_str::<Terms>(r#"{"clauses":["tidak-ada"]}"#).is_err());
    assert!(serde_json::from_str::<Terms>(r#"{"fields":{"harga":1}}"#).is_err());
}
