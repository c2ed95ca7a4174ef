//! The work-terms page's core: how it starts (a link, a quiz result, remembered terms, damage),
//! its reducer, the form's and the sections' markup (the user's words always escaped), what
//! each input means, and the JSON file (the page's walk agrees with serde's form of `Terms`).

mod terms_common;

use cek_klien::core::terms::fields::{Kind, Value, FIELDS};
use cek_klien::core::terms::form::{action_for_input, form_html, form_marks};
use cek_klien::core::terms::json::{from_json, to_json, to_text, Json};
use cek_klien::core::terms::link::{encode, TermsLinkError};
use cek_klien::core::terms::page::{
    parse_count, parse_typed_number, reduce, CopyTarget, ImportProblem, Notice, Opened, Remembered,
    TermsAction, TermsPage, TermsStartup,
};
use cek_klien::core::terms::sections::{
    data_url, device_html, file_html, intro_html, notice_marks, send_html, Act,
};
use cek_klien::core::terms::{
    recommended_clauses, render, to_html, validate, DocLang, FieldProblem, Terms, TEMPLATE,
};
use cek_klien::core::text::Lang;
use proptest::prelude::*;
use terms_common::terms_from_seed;

fn start(fragment: &str, ui: Lang, remembered: Option<&str>) -> TermsPage {
    TermsPage::start(TermsStartup {
        fragment,
        ui,
        remembered,
    })
}

fn act(page: TermsPage, action: TermsAction) -> TermsPage {
    reduce(page, action)
}

#[test]
fn a_fresh_page_is_indonesian_and_an_english_reader_gets_both_texts() {
    let page = start("", Lang::Id, None);
    assert_eq!(page.opened, Opened::Fresh);
    assert_eq!(page.terms.lang, DocLang::Id);
    assert!(!page.remember);
    let page = start("", Lang::En, None);
    assert_eq!(page.terms.lang, DocLang::Both);
    assert_eq!(page.terms.fields, Terms::default().fields);
}

#[test]
fn a_quiz_result_switches_on_what_it_recommends() {
    let page = start("from.bermasalah.kata-kasar", Lang::Id, None);
    assert_eq!(page.opened, Opened::FromResult);
    assert_eq!(
        page.terms.clauses,
        recommended_clauses("bermasalah", &["kata-kasar"])
    );
    assert!(page.terms.clauses.contains("sopan"));
    assert_eq!(page.terms.from_outcome.as_deref(), Some("bermasalah"));
    assert!(intro_html(&page).contains("data-testid=terms-from-result"));
}

#[test]
fn a_link_opens_exactly_its_terms_and_wins_over_remembered_ones() {
    let mut terms = Terms::default();
    terms.fields.provider_name = "Rina Desain".into();
    terms.fields.price = 2_500_000;
    let link = encode(&terms);
    let remembered = encode(&Terms::default());
    let page = start(&link, Lang::Id, Some(&remembered));
    assert_eq!(page.opened, Opened::FromLink);
    assert_eq!(page.terms, terms);
    assert!(
        page.remember,
        "remembering stays on: the device still keeps its terms"
    );
    // From a chat, with a trailing comma and a tracker.
    let page = start(&format!("{link},?fbclid=x"), Lang::Id, None);
    assert_eq!(page.terms, terms);
}

#[test]
fn a_damaged_link_says_why_and_starts_empty_never_with_other_terms() {
    let mut terms = Terms::default();
    terms.fields.client_name = "PT Maju".into();
    let link = encode(&terms);
    let damaged = link.replacen('A', "B", 1);
    let remembered = encode(&terms);
    let page = start(&damaged, Lang::Id, Some(&remembered));
    assert!(
        matches!(page.opened, Opened::BadLink(_)),
        "{:?}",
        page.opened
    );
    assert_eq!(page.terms, Terms::default());
    let intro = intro_html(&page);
    assert!(intro.contains("role=alert data-testid=error"), "{intro}");
    let page = start("r1.tipe-klien.1.id.abc", Lang::En, None);
    assert_eq!(page.opened, Opened::BadLink(TermsLinkError::Foreign));
}

#[test]
fn remembered_terms_open_and_damaged_ones_are_reported() {
    let mut terms = Terms::default();
    terms.fields.service = "Pembuatan situs".into();
    let page = start("", Lang::Id, Some(&encode(&terms)));
    assert_eq!(page.opened, Opened::Remembered);
    assert_eq!(page.terms, terms);
    let page = start("", Lang::Id, Some("t1.rusak"));
    assert_eq!(page.opened, Opened::BadRemembered);
    assert_eq!(page.terms, Terms::default());
}

#[test]
fn typed_text_is_cleaned_to_what_its_field_keeps() {
    let page = start("", Lang::Id, None);
    let page = act(
        page,
        TermsAction::Text {
            field: "provider_name",
            typed: "Budi\nSantoso\u{202e}".repeat(20),
        },
    );
    let name = &page.terms.fields.provider_name;
    assert!(
        !name.contains('\n') && !name.contains('\u{202e}'),
        "{name:?}"
    );
    assert_eq!(name.chars().count(), 80);
    assert!(validate(&page.terms).is_empty());
    // A text action for a field that is not text changes nothing.
    let before = page.terms.clone();
    let page = act(
        page,
        TermsAction::Text {
            field: "price",
            typed: "1".into(),
        },
    );
    assert_eq!(page.terms, before);
}

#[test]
fn money_is_read_the_way_people_type_it() {
    assert_eq!(parse_typed_number("Rp 1.500.000"), Some(1_500_000));
    assert_eq!(parse_typed_number("1,500,000"), Some(1_500_000));
    assert_eq!(parse_typed_number(" 750 000 "), Some(750_000));
    assert_eq!(parse_typed_number(""), None);
    assert_eq!(parse_typed_number("1.5jt"), None);
    assert_eq!(parse_typed_number("-5"), None);
    assert_eq!(parse_typed_number(&"9".repeat(40)), Some(u64::MAX));
    // Invoices write zero cents; rupiah have no other cents.
    assert_eq!(parse_typed_number("Rp1.500.000,00"), Some(1_500_000));
    assert_eq!(parse_typed_number("1,500,000.00"), Some(1_500_000));
    assert_eq!(parse_typed_number("1500000.50"), None);
    assert_eq!(parse_typed_number("2,5"), None);
    // A count is digits only: "2.5" is not 25.
    assert_eq!(parse_count("2.5"), None);
    assert_eq!(parse_count(" 12 "), Some(12));
    assert_eq!(parse_count(""), None);
    let page = act(
        start("", Lang::Id, None),
        TermsAction::Number {
            field: "price",
            typed: "Rp 1.500.000".into(),
        },
    );
    assert_eq!(page.terms.fields.price, 1_500_000);
    // Something that is not a number leaves the value as it was, and the field says why.
    let page = act(
        page,
        TermsAction::Number {
            field: "price",
            typed: "satu juta".into(),
        },
    );
    assert_eq!(page.terms.fields.price, 1_500_000);
    assert_eq!(page.errors().len(), 1);
    assert_eq!(page.errors()[0].problem, FieldProblem::NotANumber);
    assert_eq!(page.link(), None);
    let page = act(
        page,
        TermsAction::Number {
            field: "price",
            typed: "1.500.000,00".into(),
        },
    );
    assert!(page.errors().is_empty());
    // Out of range is kept and reported, so the reader sees why no link is made.
    let page = act(
        page,
        TermsAction::Number {
            field: "revisions",
            typed: "50".into(),
        },
    );
    assert_eq!(page.terms.fields.revisions, 50);
    assert_eq!(page.link(), None);
    assert_eq!(page.to_remember(), Remembered::Nothing);
    // The address keeps everything else, with the field in error at its default.
    let kept = cek_klien::core::terms::link::decode(&page.address_link().unwrap_or_default())
        .expect("a valid link");
    assert_eq!(kept.fields.price, 1_500_000);
    assert_eq!(kept.fields.revisions, Terms::default().fields.revisions);
    // Too large for the field's type is out of range too, not ignored.
    let page = act(
        page,
        TermsAction::Number {
            field: "revisions",
            typed: "70000".into(),
        },
    );
    assert_eq!(page.terms.fields.revisions, 21);
    let marks = form_marks(&page.terms, &page.errors(), Lang::Id);
    assert_eq!(marks.invalid, ["revisions"]);
    assert!(send_html(&page, "", "", "", None).contains("terms-fix-first"));
}

#[test]
fn days_clauses_and_language_change_as_asked() {
    let page = start("", Lang::Id, None);
    let page = act(page, TermsAction::Day { day: 5, on: true });
    let page = act(page, TermsAction::Day { day: 0, on: false });
    assert_eq!(page.terms.fields.work_days, 0b011_1110);
    let page = act(page, TermsAction::Day { day: 9, on: true });
    assert_eq!(page.terms.fields.work_days, 0b011_1110);
    let page = act(
        page,
        TermsAction::Clause {
            id: "revisi",
            on: false,
        },
    );
    assert!(!page.terms.clauses.contains("revisi"));
    let page = act(page, TermsAction::DocLang(DocLang::Both));
    assert_eq!(page.terms.lang, DocLang::Both);
    let page = act(page, TermsAction::Ui(Lang::En));
    assert_eq!(page.ui, Lang::En);
}

#[test]
fn a_file_opens_only_when_every_value_is_right_and_says_which_are_not() {
    let mut page = start("", Lang::Id, None);
    page.terms.fields.client_name = "Tetap".into();
    let before = page.terms.clone();
    let mut wrong = Terms::default();
    wrong.fields.revisions = 99;
    let page = act(
        page,
        TermsAction::Import(Box::new(from_json(&to_json(&wrong)))),
    );
    assert_eq!(page.terms, before, "the form is unchanged");
    assert_eq!(page.rejected_import.len(), 1);
    assert_eq!(page.rejected_import[0].field, "revisions");
    let listed = file_html(&page, None);
    assert!(listed.contains("data-field=revisions"), "{listed}");
    assert!(listed.contains("Jumlah revisi yang termasuk"), "{listed}");
    let page = act(
        page,
        TermsAction::Import(Box::new(Err(ImportProblem::Unreadable))),
    );
    assert_eq!(page.terms, before);
    assert_eq!(page.notice, Some(Notice::ImportUnreadable));
    let mut good = Terms::default();
    good.fields.price = 3_000_000;
    let generation = page.form_generation;
    let page = act(page, TermsAction::Import(Box::new(Ok(good.clone()))));
    assert_eq!(page.terms, good);
    assert_eq!(page.notice, Some(Notice::Imported));
    assert!(page.rejected_import.is_empty());
    assert_ne!(page.form_generation, generation, "the form is rewritten");
}

#[test]
fn forgetting_asks_first_and_stops_remembering() {
    let page = start("", Lang::Id, Some(&encode(&Terms::default())));
    assert!(page.remember);
    assert!(matches!(page.to_remember(), Remembered::Link(_)));
    let page = act(page, TermsAction::Forget);
    assert!(page.confirm_forget);
    assert!(page.remember, "nothing is forgotten before the yes");
    assert!(device_html(&page).contains("data-testid=confirm-yes"));
    let page = act(page, TermsAction::ForgetDeclined);
    assert!(!page.confirm_forget && page.remember);
    let page = act(act(page, TermsAction::Forget), TermsAction::ForgetConfirmed);
    assert!(!page.remember);
    assert_eq!(page.notice, Some(Notice::Forgotten));
    assert_eq!(page.to_remember(), Remembered::Nothing);
    // A message lasts until the next action.
    let page = act(page, TermsAction::Ui(Lang::En));
    assert_eq!(page.notice, None);
}

#[test]
fn every_input_of_the_form_is_understood() {
    let terms = Terms::default();
    let form = form_html(&terms, Lang::Id);
    for spec in FIELDS {
        assert!(
            form.contains(&format!("name={}", spec.name)),
            "{} has no input",
            spec.name
        );
        let (value, checked) = match spec.kind {
            Kind::Text { .. } => ("kata", false),
            Kind::Switch => ("on", true),
            Kind::Days => ("3", true),
            _ => ("1", false),
        };
        let action = action_for_input(spec.name, value, checked)
            .unwrap_or_else(|| panic!("{} is not understood", spec.name));
        let page = act(start("", Lang::Id, None), action);
        let changed = page.terms.fields.get(spec.name);
        let expected = match spec.kind {
            Kind::Text { .. } => Value::Text("kata"),
            Kind::Switch => Value::Switch(true),
            Kind::Days => Value::Number(u64::from(Terms::default().fields.work_days | 1 << 3)),
            _ => Value::Number(1),
        };
        assert_eq!(changed, Some(expected), "{}", spec.name);
    }
    for clause in TEMPLATE.clauses.iter() {
        assert!(form.contains(&format!("name=clause:{}", clause.id)));
        assert_eq!(
            action_for_input(&format!("clause:{}", clause.id), "on", false),
            Some(TermsAction::Clause {
                id: &clause.id,
                on: false
            })
        );
    }
    assert_eq!(
        action_for_input("doc-lang", "both", true),
        Some(TermsAction::DocLang(DocLang::Both))
    );
    for (name, value) in [
        ("doc-lang", "fr"),
        ("clause:tidak-ada", "on"),
        ("harga", "1"),
        ("hours_start", "siang"),
        ("", ""),
    ] {
        assert_eq!(action_for_input(name, value, true), None, "{name}={value}");
    }
}

#[test]
fn the_users_words_are_text_in_every_piece_of_markup() {
    let hostile = "<img src=x onerror=alert(1)>\"'&{price}";
    let mut terms = Terms {
        lang: DocLang::Both,
        ..Terms::default()
    };
    terms.fields.provider_name = hostile.into();
    terms.fields.included = format!("{hostile}\n# judul");
    let page = TermsPage {
        terms: terms.clone(),
        ..start("", Lang::En, None)
    };
    let doc = render(&terms, terms.lang);
    let markup = [
        form_html(&terms, Lang::Id),
        to_html(&doc),
        send_html(&page, hostile, hostile, hostile, Some((hostile, hostile))),
    ];
    for piece in &markup {
        assert!(!piece.contains("<img"), "{piece}");
        assert!(!piece.contains("\"'&{"), "unescaped quote in {piece}");
    }
    assert!(markup[1].contains(
        "<span class=user>&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;{price}</span>"
    ));
    // Both languages face each other, each marked with its language.
    assert!(markup[1].contains("data-doc-lang=both"));
    assert!(
        markup[1].contains("<div class=doc-cell lang=id>")
            && markup[1].contains("<div class=doc-cell lang=en>")
    );
}

#[test]
fn data_urls_are_encoded_as_encode_uri_component_does() {
    assert_eq!(
        data_url("text/plain", "Rp 1.500.000 (50%) & é\n#1"),
        "data:text/plain;charset=utf-8,Rp%201.500.000%20(50%25)%20%26%20%C3%A9%0A%231"
    );
}

#[test]
fn each_message_shows_on_its_own_status_line_and_buttons_name_their_acts() {
    for (notice, id) in [
        (Notice::Copied(CopyTarget::Summary), "status-summary"),
        (Notice::CopyFailed(CopyTarget::Link), "status-link"),
        (Notice::Imported, "status-file"),
        (Notice::Forgotten, "status-device"),
    ] {
        let lines = notice_marks(Some(notice), Lang::Id);
        let shown: Vec<_> = lines
            .iter()
            .filter(|(_, words)| !words.is_empty())
            .collect();
        assert_eq!(shown.len(), 1, "{notice:?}");
        assert_eq!(shown[0].0, id);
    }
    assert!(notice_marks(None, Lang::En)
        .iter()
        .all(|(_, words)| words.is_empty()));
    let page = start("", Lang::Id, None);
    let markup = send_html(
        &page,
        "a",
        "b",
        "c",
        Some(("https://x/terms.html#t1.A", "https://x/terms.html#f1.A")),
    ) + &device_html(&page)
        + &cek_klien::core::terms::sections::header_html(Lang::Id, true);
    let mut acts = 0;
    for part in markup.split("data-act=").skip(1) {
        let code: String = part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        assert!(Act::from_code(&code).is_some(), "unknown act {code}");
        acts += 1;
    }
    assert_eq!(acts, 7, "language, print, four copies, forget");
}

#[test]
fn text_fields_have_counters_that_follow_their_values() {
    let mut terms = Terms::default();
    terms.fields.service = "Logo".into();
    let marks = form_marks(&terms, &[], Lang::En);
    assert!(marks
        .texts
        .contains(&("count-service".into(), "4/120 characters".into())));
    assert_eq!(
        FIELDS
            .iter()
            .filter(|spec| spec.max_chars().is_some())
            .count(),
        marks
            .texts
            .iter()
            .filter(|(id, _)| id.starts_with("count-"))
            .count()
    );
    terms.fields.price = 1_500_000;
    let marks = form_marks(&terms, &[], Lang::Id);
    assert!(marks
        .texts
        .contains(&("rupiah-price".into(), "Rp 1.500.000".into())));
}

/// The browser's parse of the page's file is this tree; serde_json's value of the same terms
/// must be the same tree, and the text the page writes must parse back to it.
fn serde_tree(value: &serde_json::Value) -> Json {
    match value {
        serde_json::Value::Null => Json::Null,
        serde_json::Value::Bool(on) => Json::Bool(*on),
        serde_json::Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
        serde_json::Value::String(text) => Json::Text(text.clone()),
        serde_json::Value::Array(items) => Json::List(items.iter().map(serde_tree).collect()),
        serde_json::Value::Object(members) => Json::Object(
            members
                .iter()
                .map(|(name, value)| (name.clone(), serde_tree(value)))
                .collect(),
        ),
    }
}

fn sorted(json: Json) -> Json {
    match json {
        Json::Object(mut members) => {
            members.sort_by(|a, b| a.0.cmp(&b.0));
            Json::Object(members.into_iter().map(|(n, v)| (n, sorted(v))).collect())
        }
        Json::List(items) => Json::List(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]
    #[test]
    fn the_json_file_is_serdes_form_of_the_terms_and_reads_back(seed in any::<u64>()) {
        let terms = terms_from_seed(seed);
        let tree = to_json(&terms);
        let serde_value = serde_json::to_value(&terms).expect("serialise");
        prop_assert_eq!(sorted(tree.clone()), sorted(serde_tree(&serde_value)));
        prop_assert_eq!(from_json(&tree), Ok(terms.clone()));
        let text = to_text(&tree);
        let parsed: serde_json::Value = serde_json::from_str(&text).expect("the page writes JSON");
        prop_assert_eq!(from_json(&serde_tree(&parsed)), Ok(terms));
    }
}

#[test]
fn a_file_of_the_wrong_shape_is_unreadable_and_wrong_values_are_named() {
    let parse =
        |text: &str| -> Json { serde_tree(&serde_json::from_str(text).expect("test JSON")) };
    for text in [
        "[]",
        "\"terms\"",
        r#"{"klausul": []}"#,
        r#"{"clauses": ["tidak-ada"]}"#,
        r#"{"fields": {"harga": 1}}"#,
        r#"{"lang": "fr"}"#,
        r#"{"clauses": "lingkup"}"#,
    ] {
        assert_eq!(
            from_json(&parse(text)),
            Err(ImportProblem::Unreadable),
            "{text}"
        );
    }
    let Err(ImportProblem::Fields(errors)) = from_json(&parse(
        r#"{"fields": {"price": "sejuta", "revisions": 1.5, "on_call": 1, "deposit_percent": 300, "due_days": 100000, "provider_name": 7}}"#,
    )) else {
        panic!("wrong values were accepted");
    };
    let named: Vec<(&str, &FieldProblem)> = errors.iter().map(|e| (e.field, &e.problem)).collect();
    assert!(
        named.contains(&("price", &FieldProblem::WrongKind)),
        "{named:?}"
    );
    assert!(named.contains(&("revisions", &FieldProblem::WrongKind)));
    assert!(named.contains(&("on_call", &FieldProblem::WrongKind)));
    assert!(named.contains(&("provider_name", &FieldProblem::WrongKind)));
    assert!(named.contains(&(
        "deposit_percent",
        &FieldProblem::OutOfRange { min: 0, max: 100 }
    )));
    assert!(named.contains(&("due_days", &FieldProblem::OutOfRange { min: 1, max: 90 })));
    assert_eq!(errors.len(), 6, "{named:?}");
    // Missing members keep their defaults, as serde's form does.
    assert_eq!(
        from_json(&parse(r#"{"fields": {"price": 1000}}"#)).map(|t| t.fields.price),
        Ok(1000)
    );
}

#[test]
fn the_client_summary_never_asks_the_client_to_fill_in_a_blank() {
    use cek_klien::core::terms::client_summary;
    use cek_klien::core::terms::render::BLANK;
    for lang in DocLang::ALL {
        let lines = client_summary(&Terms::default(), lang);
        assert!(lines.iter().all(|line| !line.contains(BLANK)), "{lines:#?}");
        assert!((5..=8).contains(&lines.len()));
    }
    let mut terms = Terms::default();
    terms.fields.price = 1_500_000;
    let lines = client_summary(&terms, DocLang::Id).join("\n");
    assert!(lines.contains("Rp 1.500.000"), "{lines}");
}
