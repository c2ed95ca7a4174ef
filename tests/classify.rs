//! Classifier unit tests: on the shipped banks, and on a small bank of their own for results
//! worked out by hand.

mod common;

use cek_klien::core::advice::{advise, checklist_text};
use cek_klien::core::bank::{parse, Bank};
use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::{classify, Answers, Classification, Driver, Lead};
use cek_klien::core::text::Lang;
use common::{answers, bank, outcome_id};
use std::borrow::Cow;

/// Every score by outcome id, in bank order.
fn scores<'b>(bank: &'b Bank, result: &Classification) -> Vec<(&'b str, u8)> {
    bank.outcomes
        .iter()
        .map(|outcome| &*outcome.id)
        .zip(result.scores.iter().copied())
        .collect()
}

/// No answers, every single answer and every pair of answers to two questions: where ties
/// between outcomes, severe flags and "no evidence" all happen.
fn one_or_two_answers(bank: &Bank) -> Vec<Answers> {
    let picks: Vec<(usize, u8)> = bank
        .questions
        .iter()
        .enumerate()
        .flat_map(|(q, question)| (0..question.choices.len() as u8).map(move |c| (q, c)))
        .collect();
    let mut sets = vec![Answers::empty(bank)];
    for (i, &(q, c)) in picks.iter().enumerate() {
        let mut one = Answers::empty(bank);
        one.set(q, Some(c));
        for &(other, choice) in picks[i + 1..].iter().filter(|(other, _)| *other != q) {
            let mut two = one.clone();
            two.set(other, Some(choice));
            sets.push(two);
        }
        sets.push(one);
    }
    sets
}

#[test]
fn the_result_follows_the_outcomes_not_the_order_the_bank_lists_them_in() {
    for bank in BANKS {
        // The same bank with its outcomes listed the other way round: only tie_rank, never the
        // place in the list, may settle a tie.
        let mut reversed = bank.outcomes.to_vec();
        reversed.reverse();
        let mirrored = Bank {
            outcomes: Cow::Owned(reversed),
            ..(*bank).clone()
        };
        let last = bank.outcomes.len() - 1;
        for given in one_or_two_answers(bank) {
            let result = classify(bank, &given);
            let other = classify(&mirrored, &given);
            let case = format!("{} {:?}", bank.id, given.slots().collect::<Vec<_>>());
            let other_scores: Vec<u8> = other.scores.iter().rev().copied().collect();
            assert_eq!(other_scores, result.scores, "{case}");
            assert_eq!(last - other.primary, result.primary, "{case}");
            assert_eq!(last - other.runner_up, result.runner_up, "{case}");
            assert_eq!(other.lead, result.lead, "{case}");
            assert_eq!(other.flags, result.flags, "{case}");
            let other_ruled_out: Vec<usize> =
                other.ruled_out.iter().rev().map(|o| last - o).collect();
            assert_eq!(other_ruled_out, result.ruled_out, "{case}");
            assert_eq!(other.drivers, result.drivers, "{case}");
        }
    }
}

/// A small bank of its own for the scores and drivers worked out by hand below, so they do not
/// change whenever the shipped banks do. Best points per question (what an outcome could earn):
/// tenang 3+2+3+2+1+2 = 13, sulit 3+1+4+3+3+4 = 18, ragu 0+2+1+3+0+2 = 8.
const HAND: &str = r#"
id = "hitung"
version = 1
title = { id = "Hitung", en = "Count" }
summary = { id = "Hitung", en = "Count" }
scores_heading = { id = "Skor", en = "Scores" }

[[outcomes]]
id = "tenang"
tie_rank = 2
penalty_per_flag = 10
name = { id = "Tenang", en = "Calm" }
summary = { id = "Tenang", en = "Calm" }

[[outcomes]]
id = "sulit"
tie_rank = 0
name = { id = "Sulit", en = "Hard" }
summary = { id = "Sulit", en = "Hard" }

[[outcomes]]
id = "ragu"
tie_rank = 1
name = { id = "Ragu", en = "Unsure" }
summary = { id = "Ragu", en = "Unsure" }

[[flags]]
id = "telat"
severity = "warning"
outcome = "sulit"
label = { id = "Telat", en = "Late" }

[[flags]]
id = "kasar"
severity = "severe"
outcome = "sulit"
label = { id = "Kasar", en = "Rude" }

[[questions]]
id = "q0"
text = { id = "Q0", en = "Q0" }
choices = [
  { text = { id = "A", en = "A" }, weights = { tenang = 3, sulit = 1 } },
  { text = { id = "B", en = "B" }, weights = { sulit = 3, tenang = -2 }, flags = ["telat"] },
  { text = { id = "C", en = "C" } },
]

[[questions]]
id = "q1"
text = { id = "Q1", en = "Q1" }
choices = [
  { text = { id = "A", en = "A" }, weights = { tenang = 2, sulit = -1 } },
  { text = { id = "B", en = "B" }, weights = { sulit = 1 } },
  { text = { id = "C", en = "C" }, weights = { ragu = 2 } },
]

[[questions]]
id = "q2"
text = { id = "Q2", en = "Q2" }
choices = [
  { text = { id = "A", en = "A" }, weights = { tenang = 3 } },
  { text = { id = "B", en = "B" }, weights = { sulit = 4, tenang = -3 }, flags = ["kasar"] },
  { text = { id = "C", en = "C" }, weights = { ragu = 1 } },
  { text = { id = "D", en = "D" } },
]

[[questions]]
id = "q3"
text = { id = "Q3", en = "Q3" }
choices = [
  { text = { id = "A", en = "A" }, weights = { tenang = 2, sulit = 1 } },
  { text = { id = "B", en = "B" }, weights = { sulit = 3 } },
  { text = { id = "C", en = "C" }, weights = { ragu = 3 } },
]

[[questions]]
id = "q4"
text = { id = "Q4", en = "Q4" }
choices = [
  { text = { id = "A", en = "A" }, weights = { tenang = 1 } },
  { text = { id = "B", en = "B" }, weights = { sulit = 3 } },
  { text = { id = "C", en = "C" } },
]

[[questions]]
id = "q5"
text = { id = "Q5", en = "Q5" }
choices = [
  { text = { id = "A", en = "A" }, weights = { tenang = 2 } },
  { text = { id = "B", en = "B" }, weights = { sulit = 4 } },
  { text = { id = "C", en = "C" }, weights = { ragu = 2, sulit = 1 } },
]
"#;

/// The hand bank with every question answered (so every question counts in full), choice
/// `choices[q]` for question `q`.
fn by_hand(choices: [u8; 6]) -> (Bank, Classification) {
    let bank = parse(HAND).unwrap_or_else(|errors| panic!("{errors:#?}"));
    let result = classify(&bank, &Answers::from_slots(choices.map(Some).to_vec()));
    (bank, result)
}

#[test]
fn negative_points_count_against_an_outcome_but_never_push_it_below_zero() {
    // tenang earns -2 + 2 + 3 + 2 + 1 + 2 = 8 of 13, 61.5 % rounded to 62, less 10 for the flag
    // raised for sulit; sulit earns 3 - 1 + 1 = 3 of 18, 16.7 % rounded to 17.
    let (bank, result) = by_hand([1, 0, 0, 0, 0, 0]);
    assert_eq!(
        scores(&bank, &result),
        [("tenang", 52), ("sulit", 17), ("ragu", 0)]
    );
    // tenang earns -2 of 13: 0, however many flags, not a negative share or a wrapped number;
    // sulit 3 + 1 = 4 of 18, 22.2 %; ragu 2 + 1 + 3 + 2 = 8 of 8.
    let (bank, result) = by_hand([1, 2, 2, 2, 2, 2]);
    assert_eq!(
        scores(&bank, &result),
        [("tenang", 0), ("sulit", 22), ("ragu", 100)]
    );
}

#[test]
fn one_severe_answer_dominates_fourteen_ideal_ones() {
    let bank = bank("tipe-klien");
    let rude = bank
        .questions
        .iter()
        .position(|q| q.id == "bahasa")
        .unwrap();
    let mut given = common::all_answered(bank, |_| 0);
    given.set(rude, Some(2));
    let result = classify(bank, &given);
    assert_eq!(outcome_id(bank, result.primary), "bermasalah");
    assert!(result.decided_by_severe_flag);
    let kata_kasar = bank
        .flags
        .iter()
        .position(|f| f.id == "kata-kasar")
        .unwrap();
    assert!(result.flags.contains(&kata_kasar));
    // The deciding answer is named first in "why".
    assert_eq!(result.drivers[0].question, rude);
}

#[test]
fn two_severe_flags_for_different_outcomes_resolve_by_tie_rank() {
    let bank = bank("tipe-klien");
    let result = classify(
        bank,
        &answers(bank, &[("status", 0), ("bahasa", 2), ("penyedia-lama", 2)]),
    );
    assert_eq!(outcome_id(bank, result.primary), "bermasalah");
    assert_eq!(outcome_id(bank, result.runner_up), "pindahan");
    assert_eq!(
        result.scores[result.primary],
        result.scores[result.runner_up]
    );
    assert!(result.decided_by_severe_flag);
}

#[test]
fn skipped_questions_count_neither_way() {
    let bank = bank("tipe-klien");
    // A prospect who declined: the one answer with evidence decides, the skipped ones do not
    // count against it.
    let partial = answers(bank, &[("status", 0), ("kesiapan", 1)]);
    assert_eq!(partial.answered_count(bank), 2);
    let result = classify(bank, &partial);
    assert_eq!(outcome_id(bank, result.primary), "belum-siap");
    let with_skips = {
        let mut more = partial.clone();
        more.set(bank.question_index("bahasa").unwrap(), None);
        more
    };
    assert_eq!(classify(bank, &with_skips), result);
}

#[test]
fn no_answers_at_all_is_no_evidence_and_not_an_accusation() {
    let bank = bank("tipe-klien");
    let result = classify(bank, &Answers::empty(bank));
    assert_eq!(result.lead, Lead::NoEvidence);
    assert_eq!(outcome_id(bank, result.primary), "ideal");
    assert!(result.flags.is_empty());
    assert!(result.drivers.is_empty());
}

#[test]
fn lead_reflects_the_margin() {
    let bank = bank("tipe-klien");
    let clear = classify(bank, &common::all_answered(bank, |_| 0));
    assert_eq!(clear.lead, Lead::Clear);
}

#[test]
fn drivers_are_the_answers_that_favoured_the_winner_most() {
    // sulit 3 + 1 + 3 + 3 + 4 = 14 of 18 (78); ragu 1 of 8, 12.5 % rounded up (13); tenang -2.
    let (bank, result) = by_hand([1, 1, 2, 1, 1, 1]);
    assert_eq!(
        scores(&bank, &result),
        [("tenang", 0), ("sulit", 78), ("ragu", 13)]
    );
    assert_eq!(outcome_id(&bank, result.primary), "sulit");
    assert_eq!(outcome_id(&bank, result.runner_up), "ragu");
    // sulit minus ragu per answer: q0 3, q1 1, q2 -1, q3 3, q4 3, q5 4. Strongest first, the
    // earlier question first among equals: q4 loses its place to q0 and q3, and q1 is dropped
    // though it comes before all but one.
    let driver = |question: usize, choice: usize, impact: i32| Driver {
        question,
        choice,
        impact,
    };
    assert_eq!(
        result.drivers,
        [driver(5, 1, 4), driver(0, 1, 3), driver(3, 1, 3)]
    );

    // tenang 3 + 2 = 5 of 13 (38.5 %) and ragu 3 of 8 (37.5 %, rounded up) tie at 38, and ragu
    // wins on its lower tie rank. Only q3 favours ragu over tenang: q0 and q5 favour tenang,
    // and q1, q2 (don't know) and q4 (don't know) favour neither.
    let (bank, tie) = by_hand([0, 1, 3, 2, 2, 0]);
    assert_eq!(
        scores(&bank, &tie),
        [("tenang", 38), ("sulit", 11), ("ragu", 38)]
    );
    assert_eq!(outcome_id(&bank, tie.primary), "ragu");
    assert_eq!(outcome_id(&bank, tie.runner_up), "tenang");
    assert_eq!(tie.drivers, [driver(3, 2, 3)]);
}

#[test]
fn out_of_range_answers_are_ignored_not_a_panic() {
    let bank = bank("tipe-klien");
    let mut given = Answers::from_slots(vec![Some(200); bank.questions.len() + 5]);
    given.set(0, Some(0));
    let result = classify(bank, &given);
    assert_eq!(outcome_id(bank, result.primary), "ideal");
}

#[test]
fn advice_puts_severe_flag_steps_first_and_lists_each_once() {
    let bank = bank("tipe-klien");
    let given = answers(
        bank,
        &[
            ("status", 1),
            ("bahasa", 2),
            ("revisi", 1),
            ("beban-sumber-daya", 1),
        ],
    );
    let result = classify(bank, &given);
    let advice = advise(bank, &result, &given);
    let severe_steps: Vec<&str> = bank
        .flag("kata-kasar")
        .unwrap()
        .advice
        .iter()
        .map(|id| &**id)
        .filter(|id| advice.plan.iter().any(|item| item.id == *id))
        .collect();
    assert!(!severe_steps.is_empty());
    assert_eq!(
        advice.plan[0].id, severe_steps[0],
        "the severe flag's step comes first"
    );
    let mut ids: Vec<&str> = advice
        .plan
        .iter()
        .chain(&advice.checklist)
        .map(|a| &*a.id)
        .collect();
    let total = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), total, "an advice item appears twice");
    assert!(advice.checklist.iter().any(|c| c.id == "c-sopan"));
    assert!(advice.checklist.iter().any(|c| c.id == "c-revisi"));
}

#[test]
fn every_outcome_has_a_plan_and_a_checklist() {
    for bank in cek_klien::core::banks::BANKS {
        for (o, outcome) in bank.outcomes.iter().enumerate() {
            let mut result = classify(bank, &Answers::empty(bank));
            result.primary = o;
            let advice = advise(bank, &result, &Answers::empty(bank));
            assert!(
                !advice.plan.is_empty(),
                "{}/{} has no plan",
                bank.id,
                outcome.id
            );
            assert!(
                !advice.checklist.is_empty(),
                "{}/{} has no checklist",
                bank.id,
                outcome.id
            );
        }
    }
}

#[test]
fn checklist_text_is_one_line_per_clause_in_the_chosen_language() {
    let bank = bank("tipe-klien");
    let given = answers(bank, &[("status", 1), ("pembayaran", 2)]);
    let result = classify(bank, &given);
    let advice = advise(bank, &result, &given);
    let text = checklist_text("Klausul", &advice, Lang::En);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Klausul");
    assert_eq!(lines.len(), advice.checklist.len() + 1);
    assert!(lines[1..].iter().all(|l| l.starts_with("[ ] ")));
    let payment = bank.advice[bank.advice_index("c-pembayaran").unwrap()]
        .text
        .get(Lang::En);
    assert!(text.contains(payment), "{text}");
}

#[test]
fn each_red_flag_costs_ideal_points() {
    let bank = bank("tipe-klien");
    let ideal = bank.outcome_index("ideal").unwrap();
    let calm = [
        ("status", 1),
        ("pembayaran", 0),
        ("bahasa", 0),
        ("lingkup-kerja", 0),
        ("cara-pandang", 0),
    ];
    let calm_result = classify(bank, &answers(bank, &calm));
    // The same client also asking for free extras once: a warning flag for another outcome.
    let mut flagged = calm.to_vec();
    flagged[3] = ("lingkup-kerja", 1);
    let flagged_result = classify(bank, &answers(bank, &flagged));
    let penalty = i32::from(bank.outcomes[ideal].penalty_per_flag);
    assert!(penalty > 0);
    assert!(
        i32::from(flagged_result.scores[ideal]) <= i32::from(calm_result.scores[ideal]) - penalty,
        "{:?} vs {:?}",
        flagged_result.scores,
        calm_result.scores
    );
}

#[test]
fn a_handful_of_answers_is_never_a_clear_result() {
    let bank = bank("tipe-klien");
    let few = classify(
        bank,
        &answers(bank, &[("status", 1), ("pembayaran", 0), ("bahasa", 0)]),
    );
    assert_eq!(few.lead, Lead::Tentative);
    // A severe answer is decisive however few the answers.
    let severe = classify(bank, &answers(bank, &[("bahasa", 2)]));
    assert_eq!(severe.lead, Lead::Clear);
}

#[test]
fn the_small_sort_is_stable_and_ordered() {
    let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
    cek_klien::core::sort_small_by_key(&mut items, |&(k, _)| k);
    assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
}

/// Regression: the copied checklist left out the plan and the link, and its heading read
/// "Klien Anda tipe apa?, hasil: …".
#[test]
fn the_copied_result_holds_the_verdict_the_plan_the_checklist_and_the_link() {
    use cek_klien::core::report::Report;
    let bank = bank("tipe-klien");
    let given = answers(bank, &[("status", 1), ("pembayaran", 2), ("bahasa", 0)]);
    let report = Report::new(bank, &given, Lang::Id, "https://contoh.id/cek/");
    let text = &report.plain_text;
    let outcome = bank.outcomes[report.classification.primary]
        .name
        .get(Lang::Id);
    assert!(
        text.starts_with("Cek Klien: Klien Anda tipe apa?\nHasil: "),
        "{text}"
    );
    assert!(text.contains(&format!("Hasil: {outcome}\n")), "{text}");
    assert!(!text.contains("?, hasil"), "{text}");
    for (step, item) in report.advice.plan.iter().enumerate() {
        assert!(text.contains(&format!("{}. {}\n", step + 1, item.text.get(Lang::Id))));
    }
    for item in &report.advice.checklist {
        assert!(text.contains(&format!("[ ] {}\n", item.text.get(Lang::Id))));
    }
    assert!(text.trim_end().ends_with(&report.share_url), "{text}");
}
