//! Bank validation: the shipped banks are valid and match their data files, and every kind of
//! mistake in a bank is reported with its place.

mod common;

use cek_klien::core::bank::{parse, Bank, BankError, Problem};
use cek_klien::core::banks::BANKS;
use cek_klien::core::text::Lang;

const SHIPPED: [&str; 2] = [
    include_str!("../data/banks/1-tipe-klien.toml"),
    include_str!("../data/banks/2-klien-kecewa.toml"),
];

#[test]
fn shipped_banks_parse_validate_and_match_the_baked_statics() {
    assert_eq!(BANKS.len(), SHIPPED.len());
    for (source, baked) in SHIPPED.iter().zip(BANKS) {
        let parsed = parse(source).unwrap_or_else(|errors| panic!("{errors:#?}"));
        assert_eq!(
            &parsed, *baked,
            "build.rs output differs from {}",
            parsed.id
        );
    }
}

#[test]
fn tipe_klien_has_the_product_outcomes_and_enough_questions() {
    let bank = common::bank("tipe-klien");
    let ids: Vec<&str> = bank.outcomes.iter().map(|o| &*o.id).collect();
    assert_eq!(
        ids,
        ["ideal", "penuntut", "bermasalah", "pindahan", "belum-siap"]
    );
    assert!(bank.questions.len() >= 14);
}

#[test]
fn klien_kecewa_offers_the_four_moves() {
    let bank = common::bank("klien-kecewa");
    let ids: Vec<&str> = bank.outcomes.iter().map(|o| &*o.id).collect();
    assert_eq!(
        ids,
        ["terima-refund", "refund-penuh", "perbaiki", "berpisah"]
    );
}

/// The smallest valid bank; each broken case below changes one thing in it.
const MINIMAL: &str = r#"
id = "mini"
version = 2
compatible_versions = [1]
title = { id = "Judul", en = "Title" }
summary = { id = "Ringkas", en = "Summary" }
scores_heading = { id = "Skor", en = "Scores" }

[[outcomes]]
id = "baik"
tie_rank = 1
name = { id = "Baik", en = "Good" }
summary = { id = "Baik", en = "Good" }
advice = ["langkah"]

[[outcomes]]
id = "buruk"
tie_rank = 0
name = { id = "Buruk", en = "Bad" }
summary = { id = "Buruk", en = "Bad" }

[[flags]]
id = "kasar"
severity = "severe"
outcome = "buruk"
label = { id = "Kasar", en = "Rude" }

[[questions]]
id = "nada"
text = { id = "Nada?", en = "Tone?" }
choices = [
  { text = { id = "Sopan", en = "Polite" }, weights = { baik = 2 } },
  { text = { id = "Kasar", en = "Rude" }, weights = { buruk = 2 }, flags = ["kasar"] },
]

[[advice]]
id = "langkah"
kind = "step"
text = { id = "Lakukan", en = "Do it" }
"#;

fn broken(from: &str, to: &str) -> Vec<BankError> {
    assert!(
        MINIMAL.contains(from),
        "test setup: {from:?} not in the minimal bank"
    );
    match parse(&MINIMAL.replacen(from, to, 1)) {
        Ok(_) => panic!("bank with {to:?} instead of {from:?} was accepted"),
        Err(errors) => errors,
    }
}

fn has(errors: &[BankError], place: &str, problem: Problem) -> bool {
    errors
        .iter()
        .any(|e| e.place.contains(place) && e.problem == problem)
}

#[test]
fn the_minimal_bank_is_valid() {
    let bank: Bank = parse(MINIMAL).unwrap_or_else(|errors| panic!("{errors:#?}"));
    assert_eq!(bank.questions.len(), 1);
}

#[test]
fn unknown_outcome_in_weights_names_the_choice() {
    let errors = broken("weights = { baik = 2 }", "weights = { bagus = 2 }");
    assert!(
        has(
            &errors,
            "questions[0] \"nada\".choices[0].weights",
            Problem::UnknownOutcome("bagus".into())
        ),
        "{errors:#?}"
    );
}

#[test]
fn unknown_outcome_in_a_flag() {
    let errors = broken("outcome = \"buruk\"", "outcome = \"jelek\"");
    assert!(has(
        &errors,
        "flags[0] \"kasar\".outcome",
        Problem::UnknownOutcome("jelek".into())
    ));
}

#[test]
fn unknown_flag_on_a_choice() {
    let errors = broken("flags = [\"kasar\"]", "flags = [\"kasr\"]");
    assert!(has(
        &errors,
        "choices[1].flags",
        Problem::UnknownFlag("kasr".into())
    ));
}

#[test]
fn unknown_advice_id() {
    let errors = broken(
        "advice = [\"langkah\"]",
        "advice = [\"langkah\", \"hilang\"]",
    );
    assert!(has(
        &errors,
        "outcomes[0] \"baik\".advice",
        Problem::UnknownAdvice("hilang".into())
    ));
}

#[test]
fn missing_translation_is_reported_per_language() {
    let errors = broken(
        "text = { id = \"Nada?\", en = \"Tone?\" }",
        "text = { id = \"Nada?\" }",
    );
    assert!(has(
        &errors,
        "questions[0] \"nada\".text",
        Problem::MissingTranslation(Lang::En)
    ));
    let errors = broken(
        "name = { id = \"Baik\", en = \"Good\" }",
        "name = { id = \" \", en = \"Good\" }",
    );
    assert!(has(
        &errors,
        "outcomes[0] \"baik\".name",
        Problem::MissingTranslation(Lang::Id)
    ));
}

#[test]
fn a_question_needs_two_choices() {
    let errors = broken(
        "  { text = { id = \"Kasar\", en = \"Rude\" }, weights = { buruk = 2 }, flags = [\"kasar\"] },\n",
        "",
    );
    assert!(has(
        &errors,
        "questions[0] \"nada\".choices",
        Problem::TooFewChoices(1)
    ));
}

#[test]
fn duplicate_ids_are_reported() {
    let errors = broken("id = \"buruk\"\ntie_rank", "id = \"baik\"\ntie_rank");
    assert!(
        has(&errors, "outcomes", Problem::DuplicateId("baik".into())),
        "{errors:#?}"
    );
}

#[test]
fn bad_ids_are_reported() {
    let errors = broken("id = \"nada\"", "id = \"Nada Kita\"");
    assert!(has(
        &errors,
        "questions[0]",
        Problem::BadId("Nada Kita".into())
    ));
}

#[test]
fn version_rules() {
    let errors = broken("version = 2", "version = 0");
    assert!(has(&errors, "version", Problem::ZeroVersion));
    let errors = broken("compatible_versions = [1]", "compatible_versions = [3]");
    assert!(has(
        &errors,
        "compatible_versions[0]",
        Problem::CompatibleVersionNotOlder(3)
    ));
}

#[test]
fn an_outcome_nothing_can_reach_is_reported() {
    let errors = broken("weights = { baik = 2 }", "weights = { buruk = 1 }");
    assert!(
        has(
            &errors,
            "outcomes",
            Problem::UnreachableOutcome("baik".into())
        ),
        "{errors:#?}"
    );
}

#[test]
fn syntax_errors_give_line_and_column() {
    let errors = broken("tie_rank = 1", "tie_rank = = 1");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].place.starts_with("line 11, column"),
        "{:?}",
        errors[0].place
    );
    assert!(matches!(errors[0].problem, Problem::Syntax(_)));
}

#[test]
fn unknown_fields_are_syntax_errors_not_silently_ignored() {
    let errors = broken("tie_rank = 1", "tie_rank = 1\ncolour = \"red\"");
    assert!(
        matches!(errors[0].problem, Problem::Syntax(_)),
        "{errors:#?}"
    );
}

#[test]
fn every_mistake_is_reported_at_once() {
    let source = MINIMAL
        .replacen("weights = { baik = 2 }", "weights = { bagus = 2 }", 1)
        .replacen(
            "text = { id = \"Nada?\", en = \"Tone?\" }",
            "text = { en = \"Tone?\" }",
            1,
        );
    let errors = parse(&source).expect_err("two mistakes");
    assert!(errors.len() >= 2, "{errors:#?}");
}

#[test]
fn error_messages_name_the_place() {
    let errors = broken("weights = { baik = 2 }", "weights = { bagus = 2 }");
    let message = errors[0].to_string();
    assert!(
        message.contains("choices[0]") && message.contains("bagus"),
        "{message}"
    );
}

/// The intro says how many questions a reader meets: a range where branches differ.
#[test]
fn the_intro_counts_the_questions_of_the_shortest_and_longest_branch() {
    use cek_klien::core::banks::quiz_facts;
    let tipe = common::bank("tipe-klien");
    let (fewest, most) = tipe.question_range();
    assert_eq!(
        tipe.asked_range,
        (fewest as u8, most as u8),
        "worked out when parsed"
    );
    assert!(fewest < most, "{fewest}..{most}");
    assert!(most < tipe.questions.len(), "no branch asks every question");
    assert_eq!(
        quiz_facts(tipe, Lang::En),
        format!(
            "{fewest}–{most} questions, about {} min",
            cek_klien::core::banks::minutes_for(most)
        )
    );
}

/// The limits that keep links short and a bank meaningful. (Conditions, tie ranks, unused
/// flags and advice, messages and version records are exercised in tests/conditions.rs, on a
/// bank with branches.)
#[test]
fn size_limits_are_reported() {
    let one_outcome = parse(&MINIMAL.replacen(
        "[[outcomes]]\nid = \"buruk\"\ntie_rank = 0\nname = { id = \"Buruk\", en = \"Bad\" }\nsummary = { id = \"Buruk\", en = \"Bad\" }\n",
        "",
        1,
    ))
    .expect_err("a bank of one outcome");
    assert!(has(&one_outcome, "outcomes", Problem::TooFewOutcomes(1)));

    let question = MINIMAL
        .split_once("[[questions]]")
        .and_then(|(_, rest)| rest.split_once("[[advice]]"))
        .map(|(question, _)| question)
        .expect("the minimal bank has one question");
    let no_questions = parse(
        &MINIMAL
            .replacen(&format!("[[questions]]{question}"), "", 1)
            .replacen("scores_heading", "questions = []\nscores_heading", 1),
    )
    .expect_err("a bank without questions");
    assert!(has(&no_questions, "questions", Problem::NoQuestions));

    let many: String = (0..=cek_klien::core::bank::MAX_QUESTIONS)
        .map(|i| {
            format!(
                "[[questions]]{}",
                question.replacen("\"nada\"", &format!("\"q{i}\""), 1)
            )
        })
        .collect();
    let too_many_questions =
        parse(&MINIMAL.replacen(&format!("[[questions]]{question}"), &many, 1))
            .expect_err("too many questions");
    assert!(has(
        &too_many_questions,
        "questions",
        Problem::TooManyQuestions(cek_klien::core::bank::MAX_QUESTIONS + 1)
    ));

    let choice = "  { text = { id = \"Sopan\", en = \"Polite\" }, weights = { baik = 2 } },\n";
    let too_many_choices = broken(
        choice,
        &choice.repeat(cek_klien::core::bank::MAX_CHOICES + 1),
    );
    assert!(has(
        &too_many_choices,
        "questions[0] \"nada\".choices",
        Problem::TooManyChoices(cek_klien::core::bank::MAX_CHOICES + 2)
    ));
}
