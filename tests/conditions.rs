//! Conditional questions, end to end in the core: the validator, which questions are asked,
//! scoring, advice, navigation, progress and links. A small bank written here keeps each case
//! readable; the properties at the end hold for every shipped bank.

mod common;

use cek_klien::core::advice::advise;
use cek_klien::core::bank::{check_version, parse, structure, Bank, Problem, Tone, VersionRecord};
use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::{classify, Answers, Lead};
use cek_klien::core::link::{self, decode, decode_fragment, encode, Fragment, LinkError};
use cek_klien::core::state::{progress, reduce, Action, Screen, State};
use cek_klien::core::text::Lang;
use proptest::prelude::*;

/// A prospect-or-client branch: "bayar" is asked of clients only, "tawar" of prospects only.
const BRANCHING: &str = r#"
id = "cabang"
version = 1
title = { id = "Judul", en = "Title" }
summary = { id = "Ringkas", en = "Summary" }
scores_heading = { id = "Skor", en = "Scores" }

[[outcomes]]
id = "baik"
tie_rank = 1
tone = "good"
ruled_out_by_severe = true
name = { id = "Baik", en = "Good" }
summary = { id = "Baik", en = "Good" }
advice = ["rawat", "tolak-sopan", "akhiri"]

[[outcomes]]
id = "buruk"
tie_rank = 0
tone = "bad"
name = { id = "Buruk", en = "Bad" }
summary = { id = "Buruk", en = "Bad" }
advice = ["tolak-sopan", "akhiri"]

[[flags]]
id = "kasar"
severity = "severe"
outcome = "buruk"
label = { id = "Kasar", en = "Rude" }

[[questions]]
id = "status"
text = { id = "Calon atau klien?", en = "Prospect or client?" }
[[questions.choices]]
text = { id = "Calon", en = "Prospect" }
[[questions.choices]]
text = { id = "Klien", en = "Client" }

[[questions]]
id = "bayar"
show_if = { question = "status", choices = [1] }
text = { id = "Bayar?", en = "Pays?" }
[[questions.choices]]
text = { id = "Tepat", en = "On time" }
weights = { baik = 3 }
[[questions.choices]]
text = { id = "Telat", en = "Late" }
weights = { buruk = 3 }

[[questions]]
id = "tawar"
show_if = { question = "status", choices = [0] }
text = { id = "Menawar?", en = "Haggles?" }
[[questions.choices]]
text = { id = "Wajar", en = "Fairly" }
weights = { baik = 3 }
[[questions.choices]]
text = { id = "Menekan", en = "Squeezes" }
weights = { buruk = 3 }

[[questions]]
id = "nada"
text = { id = "Nada?", en = "Tone?" }
[[questions.choices]]
text = { id = "Sopan", en = "Polite" }
weights = { baik = 2 }
[[questions.choices]]
text = { id = "Kasar", en = "Rude" }
weights = { buruk = 2 }
flags = ["kasar"]

[[advice]]
id = "rawat"
kind = "step"
text = { id = "Rawat", en = "Look after it" }

[[advice]]
id = "tolak-sopan"
kind = "step"
show_if = { question = "status", choices = [0] }
text = { id = "Tolak", en = "Decline" }
message = { id = "Maaf, kami tidak bisa.", en = "Sorry, we cannot." }

[[advice]]
id = "akhiri"
kind = "step"
show_if = { question = "status", choices = [1] }
text = { id = "Akhiri", en = "End it" }
"#;

fn branching() -> Bank {
    parse(BRANCHING).unwrap_or_else(|errors| panic!("{errors:#?}"))
}

fn answers(bank: &Bank, slots: &[Option<u8>]) -> Answers {
    let mut answers = Answers::empty(bank);
    for (q, slot) in slots.iter().enumerate() {
        answers.set(q, *slot);
    }
    answers
}

fn problems_of(source: &str) -> Vec<Problem> {
    match parse(source) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| e.problem).collect(),
    }
}

#[test]
fn a_branch_answer_decides_which_questions_are_asked() {
    let bank = branching();
    let nothing = Answers::empty(&bank);
    assert_eq!(nothing.asked(&bank).collect::<Vec<_>>(), [0, 3]);
    let prospect = answers(&bank, &[Some(0)]);
    assert_eq!(prospect.asked(&bank).collect::<Vec<_>>(), [0, 2, 3]);
    let client = answers(&bank, &[Some(1)]);
    assert_eq!(client.asked(&bank).collect::<Vec<_>>(), [0, 1, 3]);
}

#[test]
fn a_hidden_answer_is_neither_evidence_nor_counted() {
    let bank = branching();
    // Answered "pays late" as a client, then changed the branch to prospect.
    let changed = answers(&bank, &[Some(0), Some(1), Some(0), Some(0)]);
    let clean = answers(&bank, &[Some(0), None, Some(0), Some(0)]);
    assert_eq!(classify(&bank, &changed), classify(&bank, &clean));
    assert_eq!(changed.answered_count(&bank), 3);
    // The link carries only what was asked, so it is the clean one's.
    assert_eq!(
        encode(&bank, &changed, Lang::Id),
        encode(&bank, &clean, Lang::Id)
    );
}

#[test]
fn a_link_answering_a_hidden_question_was_not_made_by_the_app() {
    let bank = branching();
    let banks = [&bank];
    let valid = encode(
        &bank,
        &answers(&bank, &[Some(0), None, Some(1), Some(0)]),
        Lang::En,
    );
    assert_eq!(valid, link::sign("r1.cabang.1.en.0-10"));
    assert!(decode(&valid, &banks).is_ok());
    // "bayar" answered for a prospect.
    let forged = link::sign("r1.cabang.1.en.0110");
    assert_eq!(decode(&forged, &banks), Err(LinkError::ImpossibleAnswers));
    // A quiz in progress cannot stand on a hidden question either.
    let hidden_step = link::sign("q1.cabang.1.1.0---");
    assert_eq!(
        decode_fragment(&hidden_step, &banks),
        Err(LinkError::Malformed)
    );
    let asked_step = link::sign("q1.cabang.1.2.0---");
    assert!(matches!(
        decode_fragment(&asked_step, &banks),
        Ok(Fragment::Progress(_))
    ));
}

#[test]
fn next_and_back_step_over_hidden_questions_and_progress_counts_the_asked() {
    let bank = branching();
    let banks = [&bank];
    let click = |choice| Action::Choose {
        choice,
        advance: true,
    };
    let state = [Action::Start(0), click(1)]
        .into_iter()
        .fold(State::new(Lang::Id), |s, a| reduce(&s, a, &banks));
    // A client: "bayar" is next, "tawar" is skipped over.
    assert_eq!(state.screen, Screen::Question { quiz: 0, step: 1 });
    assert_eq!(progress(&bank, &state.answers, 1), (2, 3));
    let state = reduce(&state, click(0), &banks);
    assert_eq!(state.screen, Screen::Question { quiz: 0, step: 3 });
    assert_eq!(progress(&bank, &state.answers, 3), (3, 3));
    let back = reduce(&state, Action::Back, &banks);
    assert_eq!(back.screen, Screen::Question { quiz: 0, step: 1 });
    let finished = reduce(&state, click(0), &banks);
    assert_eq!(
        finished.screen,
        Screen::Result {
            quiz: 0,
            shared: false
        }
    );
    let back = reduce(&finished, Action::Back, &banks);
    assert_eq!(back.screen, Screen::Question { quiz: 0, step: 3 });
}

#[test]
fn advice_with_a_condition_is_given_only_when_it_holds() {
    let bank = branching();
    let plan_ids = |slots: &[Option<u8>]| {
        let answers = answers(&bank, slots);
        let result = classify(&bank, &answers);
        advise(&bank, &result, &answers)
            .plan
            .iter()
            .map(|item| item.id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        plan_ids(&[Some(0), None, Some(1), Some(1)]),
        ["tolak-sopan"],
        "a prospect to avoid is declined"
    );
    assert_eq!(
        plan_ids(&[Some(1), Some(1), None, Some(1)]),
        ["akhiri"],
        "a current client to avoid is ended with a handover"
    );
}

#[test]
fn a_severe_answer_rules_out_the_reassuring_outcome() {
    let bank = branching();
    let result = classify(&bank, &answers(&bank, &[Some(1), Some(0), None, Some(1)]));
    assert_eq!(bank.outcomes[result.primary].id, "buruk");
    assert!(result.decided_by_severe_flag);
    assert_eq!(result.scores, [0, 100], "no 'good 60' beside 'bad 100'");
    assert_eq!(result.ruled_out, [0]);
    assert_eq!(result.lead, Lead::Clear);
}

/// A single answer (short of a severe one) is a lean, never a clear result, and never a full
/// score for a reassuring outcome: one polite answer is not "ideal 100". (A prospect who
/// declined the offer may well be "not ready yet" on that one answer.)
#[test]
fn one_answer_alone_is_never_a_clear_result_nor_a_full_reassuring_score() {
    for bank in BANKS {
        for (q, question) in bank.questions.iter().enumerate() {
            for c in 0..question.choices.len() {
                let mut answers = Answers::empty(bank);
                // A conditional question needs its branch answered to be asked at all.
                if let Some(condition) = &question.show_if {
                    let on = bank.question_index(&condition.question).expect("validated");
                    answers.set(on, condition.choices.first().copied());
                }
                answers.set(q, Some(c as u8));
                let result = classify(bank, &answers);
                if result.decided_by_severe_flag {
                    continue;
                }
                let name = format!("{}: {} = {c}", bank.id, question.id);
                for (o, outcome) in bank.outcomes.iter().enumerate() {
                    if outcome.tone == Tone::Good {
                        assert!(result.scores[o] < 100, "{name}: {:?}", result.scores);
                    }
                }
                assert!(
                    matches!(result.lead, Lead::Tentative | Lead::NoEvidence),
                    "{name}: {:?}",
                    result.lead
                );
            }
        }
    }
}

#[test]
fn the_validator_checks_every_condition_and_every_declared_item() {
    let later = BRANCHING.replace(
        r#"show_if = { question = "status", choices = [1] }
text = { id = "Bayar?""#,
        r#"show_if = { question = "nada", choices = [1] }
text = { id = "Bayar?""#,
    );
    assert!(problems_of(&later).contains(&Problem::ConditionNotEarlier("nada".into())));
    let unknown = BRANCHING.replace(
        r#"question = "status", choices = [0] }
text = { id = "Menawar?""#,
        r#"question = "statu", choices = [0] }
text = { id = "Menawar?""#,
    );
    assert!(problems_of(&unknown).contains(&Problem::UnknownQuestion("statu".into())));
    let missing_choice = BRANCHING.replace(
        r#"choices = [1] }
text = { id = "Bayar?""#,
        r#"choices = [7] }
text = { id = "Bayar?""#,
    );
    let problems = problems_of(&missing_choice);
    assert!(problems.contains(&Problem::ConditionChoiceMissing(7)));
    assert!(problems.contains(&Problem::UnreachableQuestion));
    let empty = BRANCHING.replace(
        r#"choices = [1] }
text = { id = "Bayar?""#,
        r#"choices = [] }
text = { id = "Bayar?""#,
    );
    assert!(problems_of(&empty).contains(&Problem::UnreachableQuestion));
    let same_rank = BRANCHING.replace("tie_rank = 0", "tie_rank = 1");
    assert!(problems_of(&same_rank).contains(&Problem::DuplicateTieRank(1)));
    let unraised = BRANCHING.replace("flags = [\"kasar\"]", "");
    assert!(problems_of(&unraised).contains(&Problem::UnusedFlag("kasar".into())));
    let unnamed = BRANCHING.replace(r#"advice = ["rawat", "tolak-sopan", "akhiri"]"#, "");
    assert!(problems_of(&unnamed).contains(&Problem::UnusedAdvice("rawat".into())));
    let clause_message = BRANCHING.replace(
        "id = \"tolak-sopan\"\nkind = \"step\"",
        "id = \"tolak-sopan\"\nkind = \"clause\"",
    );
    assert!(problems_of(&clause_message).contains(&Problem::MessageOnClause));
}

#[test]
fn a_changed_structure_needs_a_new_recorded_version() {
    let bank = branching();
    let record = |version, structure: Vec<String>| VersionRecord {
        bank: "cabang".into(),
        version,
        structure,
    };
    let recorded = [record(1, structure(&bank))];
    assert!(check_version(&bank, &recorded).is_empty());
    assert!(matches!(
        check_version(&bank, &[])[0].problem,
        Problem::UnrecordedVersion { version: 1, .. }
    ));
    // One more choice on a question, same version number.
    let mut changed_structure = structure(&bank);
    changed_structure[3] = "nada 3".into();
    let stale = [record(1, changed_structure)];
    assert!(matches!(
        check_version(&bank, &stale)[0].problem,
        Problem::StructureChangedWithoutNewVersion { version: 1, .. }
    ));
    // Claiming to read version 1 links needs version 1's questions as a prefix.
    let mut v2 = bank.clone();
    v2.version = 2;
    v2.compatible_versions = vec![1].into();
    let shorter = [
        record(1, structure(&bank)[..2].to_vec()),
        record(2, structure(&v2)),
    ];
    assert!(check_version(&v2, &shorter).is_empty());
    let different = [record(1, vec!["lain 2".into()]), record(2, structure(&v2))];
    assert_eq!(
        check_version(&v2, &different)[0].problem,
        Problem::IncompatibleVersion(1)
    );
}

#[test]
fn every_shipped_question_can_be_asked() {
    for bank in BANKS {
        for q in 0..bank.questions.len() {
            assert!(
                cek_klien::core::bank::can_be_shown(bank, q),
                "{}: {}",
                bank.id,
                bank.questions[q].id
            );
        }
    }
}

/// Any bank and any answers, including answers remembered on questions that end up hidden.
fn any_bank_and_answers() -> impl Strategy<Value = (usize, Answers)> {
    (0..BANKS.len()).prop_flat_map(|quiz| {
        let bank = BANKS[quiz];
        let slots: Vec<_> = bank
            .questions
            .iter()
            .map(|q| proptest::option::of(0..q.choices.len() as u8))
            .collect();
        (Just(quiz), slots.prop_map(Answers::from_slots))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn hidden_answers_never_change_a_result((quiz, answers) in any_bank_and_answers()) {
        let bank = BANKS[quiz];
        let mut only_asked = answers.clone();
        for q in 0..bank.questions.len() {
            if !answers.asks(bank, q) {
                only_asked.set(q, None);
            }
        }
        prop_assert_eq!(classify(bank, &answers), classify(bank, &only_asked));
    }

    #[test]
    fn links_round_trip_what_was_asked((quiz, answers) in any_bank_and_answers()) {
        let bank = BANKS[quiz];
        let link = encode(bank, &answers, Lang::En);
        let shared = decode(&link, BANKS).expect("the app's own link decodes");
        for q in 0..bank.questions.len() {
            let expected = answers.get(q).filter(|_| answers.asks(bank, q));
            prop_assert_eq!(shared.answers.get(q), expected);
        }
        prop_assert_eq!(encode(bank, &shared.answers, Lang::En), link);
    }

    #[test]
    fn every_question_is_reached_by_some_walk(quiz in 0..BANKS.len(), seed in any::<u64>()) {
        // Walking the quiz with answers drawn from the seed reaches only asked questions, in
        // order, and ends at the result.
        let bank = BANKS[quiz];
        let mut state = reduce(&State::new(Lang::Id), Action::Start(quiz), BANKS);
        let mut seen = Vec::new();
        let mut rng = seed;
        while let Screen::Question { step, .. } = state.screen {
            prop_assert!(state.answers.asks(bank, step));
            let after_the_last = seen.last().is_none_or(|&last| last < step);
            prop_assert!(after_the_last);
            seen.push(step);
            rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let count = bank.questions[step].choices.len() as u64;
            let choice = ((rng >> 33) % count) as u8;
            state = reduce(&state, Action::Choose { choice, advance: true }, BANKS);
        }
        let at_result = matches!(state.screen, Screen::Result { .. });
        prop_assert!(at_result);
        prop_assert_eq!(seen, state.answers.asked(bank).collect::<Vec<_>>());
    }
}

/// Every shipped question is asked on some walk: the union of questions seen over every choice
/// of every branch question covers the bank.
#[test]
fn every_shipped_question_is_asked_for_some_answers() {
    for bank in BANKS {
        // Each question is shown by answering every earlier question with each choice in turn
        // (conditions name one earlier question; trying each choice there is enough when the
        // condition's own question is reachable, which the validator guarantees).
        let asked: Vec<bool> = (0..bank.questions.len())
            .map(|q| {
                let mut answers = Answers::empty(bank);
                let mut target = Some(q);
                while let Some(t) = target {
                    target = None;
                    if let Some(condition) = &bank.questions[t].show_if {
                        let on = bank.question_index(&condition.question).expect("validated");
                        answers.set(on, condition.choices.first().copied());
                        target = Some(on);
                    }
                }
                answers.asks(bank, q)
            })
            .collect();
        let never: Vec<&str> = (0..asked.len())
            .filter(|&q| !asked[q])
            .map(|q| &*bank.questions[q].id)
            .collect();
        assert!(never.is_empty(), "{}: never asked: {never:?}", bank.id);
    }
}
