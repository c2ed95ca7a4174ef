//! The work-terms template's validator (the one build.rs runs): each kind of mistake is
//! reported with its place. Each case changes one thing in the shipped template.

mod common;

use cek_klien::core::terms::template::{check_rules, parse, Problem, TemplateError};

const SOURCE: &str = include_str!("../data/terms/clauses.toml");

fn broken(from: &str, to: &str) -> Vec<TemplateError> {
    assert!(
        SOURCE.contains(from),
        "test setup: {from:?} not in the template"
    );
    match parse(&SOURCE.replacen(from, to, 1)) {
        Ok(_) => panic!("template with {to:?} instead of {from:?} was accepted"),
        Err(errors) => errors,
    }
}

#[track_caller]
fn assert_has(errors: &[TemplateError], place: &str, problem: Problem) {
    assert!(
        errors
            .iter()
            .any(|e| e.place.contains(place) && e.problem == problem),
        "expected {problem:?} at {place}: {errors:#?}"
    );
}

#[test]
fn a_missing_language_names_its_place() {
    let errors = broken("title.en = \"Service Agreement\"\n", "");
    assert_has(&errors, "parts.title", Problem::MissingLanguage("en"));
    let errors = broken("title.id = \"Revisi\"", "title.id = \" \"");
    assert_has(
        &errors,
        "clauses[4] \"revisi\".title",
        Problem::MissingLanguage("id"),
    );
}

#[test]
fn an_unknown_placeholder() {
    let errors = broken(
        "{cpu_percent}% CPU dalam rentang",
        "{cpu_persen}% CPU dalam rentang",
    );
    let place = "clauses[9] \"batas-sumber-daya\".paragraphs[0].text";
    assert_has(
        &errors,
        place,
        Problem::UnknownPlaceholder("cpu_persen".into()),
    );
}

#[test]
fn placeholders_that_differ_between_languages() {
    let errors = broken(
        "within {reply_inside_hours} working hours.\"",
        "within 4 working hours.\"",
    );
    assert_has(
        &errors,
        "clauses[2] \"waktu-balas\".paragraphs[0].text",
        Problem::PlaceholdersDiffer {
            id: vec!["reply_inside_hours".into()],
            en: vec![],
        },
    );
}

#[test]
fn an_unclosed_brace() {
    let errors = broken("{service} untuk Klien", "{service untuk Klien");
    assert_has(
        &errors,
        "clauses[0] \"lingkup\".paragraphs[0].text",
        Problem::UnclosedPlaceholder,
    );
}

#[test]
fn a_field_no_clause_uses() {
    let source = SOURCE
        .replace("fields = [\"quote_valid_days\"]\n", "")
        .replace("{quote_valid_days}", "14");
    let errors = parse(&source).expect_err("accepted");
    assert_has(
        &errors,
        "fields",
        Problem::UnusedField("quote_valid_days".into()),
    );
}

#[test]
fn a_section_lists_exactly_the_fields_it_uses() {
    let errors = broken("fields = [\"quote_valid_days\"]", "fields = []");
    assert_has(
        &errors,
        "\"masa-penawaran\".fields",
        Problem::UnlistedField("quote_valid_days".into()),
    );
    let errors = broken(
        "fields = [\"quote_valid_days\"]",
        "fields = [\"quote_valid_days\", \"due_days\"]",
    );
    assert_has(
        &errors,
        "\"masa-penawaran\".fields",
        Problem::FieldNotUsedBySection("due_days".into()),
    );
    let errors = broken(
        "fields = [\"quote_valid_days\"]",
        "fields = [\"quote_valid_days\", \"harga\"]",
    );
    assert_has(
        &errors,
        "\"masa-penawaran\".fields",
        Problem::UnknownField("harga".into()),
    );
}

#[test]
fn the_summary_may_not_show_free_text() {
    let errors = broken(
        "text.id = \"Penawaran ini berlaku {quote_valid_days} hari.\"\ntext.en = \"This offer stands for {quote_valid_days} days.\"",
        "text.id = \"Penawaran {service} berlaku {quote_valid_days} hari.\"\ntext.en = \"This {service} offer stands for {quote_valid_days} days.\"",
    );
    assert_has(
        &errors,
        "\"masa-penawaran\".summary[0].text",
        Problem::FreeTextInSummary("service".into()),
    );
}

#[test]
fn a_switch_is_a_condition_not_a_placeholder() {
    let errors = broken(
        "Perjanjian ini tidak mencakup layanan",
        "Perjanjian ini {on_call} tidak mencakup layanan",
    );
    assert_has(
        &errors,
        "\"siaga\".paragraphs[0].text",
        Problem::SwitchAsPlaceholder("on_call".into()),
    );
}

#[test]
fn a_clause_that_could_print_empty() {
    let errors = broken("unless = \"on_call\"", "when = \"on_call\"");
    assert_has(&errors, "\"siaga\".paragraphs", Problem::CanBeEmpty);
    let errors = broken("when = \"excluded\"", "when = \"dikecualikan\"");
    assert_has(
        &errors,
        "\"lingkup\".paragraphs[1]",
        Problem::UnknownField("dikecualikan".into()),
    );
    let errors = broken(
        "when = \"excluded\"",
        "when = \"excluded\"\nunless = \"excluded\"",
    );
    assert_has(&errors, "\"lingkup\".paragraphs[1]", Problem::TwoConditions);
}

#[test]
fn ids_codes_and_ranks_are_unique() {
    let errors = broken("code = 13", "code = 12");
    assert_has(&errors, "\"bukti\".code", Problem::DuplicateCode(12));
    let errors = broken("code = 13", "code = 64");
    assert_has(&errors, "\"bukti\".code", Problem::CodeTooLarge(64));
    let errors = broken("id = \"bukti\"", "id = \"revisi\"");
    assert_has(
        &errors,
        "clauses[13]",
        Problem::DuplicateId("revisi".into()),
    );
    let errors = broken("id = \"bukti\"", "id = \"Bukti\"");
    assert_has(
        &errors,
        "clauses[13] \"Bukti\".id",
        Problem::BadId("Bukti".into()),
    );
    let errors = broken("summary_rank = 12", "summary_rank = 11");
    assert_has(
        &errors,
        "\"masa-penawaran\".summary_rank",
        Problem::DuplicateSummaryRank(11),
    );
}

#[test]
fn choice_words_labels_and_weekdays_are_complete() {
    let errors = broken("  { id = \"WIT\", en = \"WIT (UTC+9)\" },\n", "");
    assert_has(
        &errors,
        "choices.time_zone",
        Problem::WrongCount {
            expected: 3,
            found: 2,
        },
    );
    let errors = broken("date = { id = \"Tanggal\", en = \"Date\" }\n", "");
    assert_has(&errors, "labels", Problem::MissingLabel("date".into()));
    let errors = broken("  { id = \"Minggu\", en = \"Sunday\" },\n", "");
    assert_has(
        &errors,
        "weekdays",
        Problem::WrongCount {
            expected: 7,
            found: 6,
        },
    );
    let errors = broken(
        "[choices]\n",
        "[choices]\nprice = [{ id = \"a\", en = \"a\" }]\n",
    );
    assert_has(
        &errors,
        "choices.price",
        Problem::NotAChoice("price".into()),
    );
}

#[test]
fn recommendations_name_real_clauses_and_switches() {
    let errors = broken(
        "clauses = [\"masa-penawaran\"]",
        "clauses = [\"masa-tawar\"]",
    );
    assert_has(
        &errors,
        "recommend[4].clauses",
        Problem::UnknownClause("masa-tawar".into()),
    );
    let errors = broken(
        "switch_on = [\"on_call\"]",
        "switch_on = [\"on_call_price\"]",
    );
    assert_has(
        &errors,
        "recommend[1].switch_on",
        Problem::NotASwitch("on_call_price".into()),
    );
    let errors = broken(
        "flag = \"kata-kasar\"",
        "flag = \"kata-kasar\"\noutcome = \"ideal\"",
    );
    assert_has(&errors, "recommend[5]", Problem::BadRule);
}

#[test]
fn recommendations_are_checked_against_the_quiz() {
    let template = parse(SOURCE).expect("valid");
    let bank = common::bank("tipe-klien");
    let outcomes: Vec<&str> = bank.outcomes.iter().map(|o| &*o.id).collect();
    let flags: Vec<&str> = bank.flags.iter().map(|f| &*f.id).collect();
    assert_eq!(check_rules(&template, &outcomes, &flags), []);
    let errors = check_rules(&template, &outcomes[1..], &flags[1..]);
    assert_has(
        &errors,
        "recommend[0].outcome",
        Problem::UnknownOutcome("ideal".into()),
    );
    assert_has(
        &errors,
        "recommend[6].flag",
        Problem::UnknownFlag("sulit-ditagih".into()),
    );
    let mut more = outcomes.clone();
    more.push("baru");
    let errors = check_rules(&template, &more, &flags);
    assert_has(
        &errors,
        "recommend",
        Problem::OutcomeWithoutRule("baru".into()),
    );
}

#[test]
fn a_syntax_error_gives_its_line() {
    let errors = broken("[[clauses]]\nid = \"siaga\"", "[[clauses]\nid = \"siaga\"");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].place.starts_with("line "), "{errors:#?}");
    assert!(matches!(errors[0].problem, Problem::Syntax(_)));
}

#[test]
fn the_pages_own_words_need_both_languages_and_no_placeholders() {
    let errors = broken(
        "heading = { id = \"Susun ketentuan kerja\", en = \"Draft your work terms\" }",
        "heading = { id = \"Susun ketentuan kerja\", en = \"\" }",
    );
    assert_has(&errors, "page.heading", Problem::MissingLanguage("en"));
    let errors = broken(
        "copied = { id = \"Sudah disalin.\", en = \"Copied.\" }",
        "copied = { id = \"Sudah disalin {price}.\", en = \"Copied {price}.\" }",
    );
    assert_has(
        &errors,
        "page.copied",
        Problem::UnknownPlaceholder("price".into()),
    );
    // A text the page does not have (a typo of a name) is refused with its line.
    let errors = broken("copied = {", "copyed = {");
    assert!(
        errors.iter().any(|e| e.place.starts_with("line ")),
        "{errors:#?}"
    );
}
