//! Classifier unit tests on the shipped banks.

mod common;

use cek_klien::core::advice::{advise, checklist_text};
use cek_klien::core::classify::{classify, Answers, Lead, MAX_DRIVERS};
use cek_klien::core::text::Lang;
use common::{answers, bank, outcome_id};

#[test]
fn the_same_answers_always_give_the_same_result() {
    let bank = bank("tipe-klien");
    let given = common::all_answered(bank, |q| (q % 4) as u8);
    assert_eq!(classify(bank, &given), classify(bank, &given));
}

#[test]
fn scores_are_percentages_of_the_possible_points() {
    let bank = bank("tipe-klien");
    // Only "pays on schedule": ideal earns 3 of 3, penuntut 1 of 3.
    let result = classify(bank, &answers(bank, &[("pembayaran", 0)]));
    let score = |id: &str| result.scores[bank.outcome_index(id).unwrap()];
    assert_eq!(score("ideal"), 100);
    assert_eq!(score("penuntut"), 33);
    assert_eq!(score("bermasalah"), 0);
    assert_eq!(outcome_id(bank, result.primary), "ideal");
}

#[test]
fn negative_points_never_push_a_score_below_zero() {
    let bank = bank("tipe-klien");
    let result = classify(bank, &answers(bank, &[("pembayaran", 2), ("bahasa", 1)]));
    assert!(result.scores.iter().all(|&s| s <= 100));
    assert_eq!(result.scores[bank.outcome_index("ideal").unwrap()], 0);
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
    let result = classify(bank, &answers(bank, &[("bahasa", 2), ("penyedia-lama", 2)]));
    assert_eq!(outcome_id(bank, result.primary), "bermasalah");
    assert_eq!(outcome_id(bank, result.runner_up), "pindahan");
    assert_eq!(result.lead, Lead::Close);
}

#[test]
fn skipped_questions_count_neither_way() {
    let bank = bank("tipe-klien");
    let partial = answers(bank, &[("kesiapan", 2)]);
    assert_eq!(partial.answered_count(), 1);
    let result = classify(bank, &partial);
    assert_eq!(outcome_id(bank, result.primary), "belum-siap");
    assert_eq!(result.scores[result.primary], 100);
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
    let bank = bank("tipe-klien");
    let given = answers(
        bank,
        &[
            ("pembayaran", 1),
            ("harapan-respons", 1),
            ("kesiapan", 1),
            ("bahasa", 0),
        ],
    );
    let result = classify(bank, &given);
    assert_eq!(outcome_id(bank, result.primary), "penuntut");
    assert!(result.drivers.len() <= MAX_DRIVERS);
    assert!(result
        .drivers
        .windows(2)
        .all(|w| w[0].impact >= w[1].impact));
    assert!(result.drivers.iter().all(|d| d.impact > 0));
    let polite = bank
        .questions
        .iter()
        .position(|q| q.id == "bahasa")
        .unwrap();
    assert!(result.drivers.iter().all(|d| d.question != polite));
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
    let result = classify(
        bank,
        &answers(
            bank,
            &[("bahasa", 2), ("revisi", 1), ("beban-sumber-daya", 1)],
        ),
    );
    let advice = advise(bank, &result);
    assert_eq!(advice.plan[0].id, "s-aturan-sopan");
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
            let advice = advise(bank, &result);
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
    let result = classify(bank, &answers(bank, &[("pembayaran", 2)]));
    let advice = advise(bank, &result);
    let text = checklist_text("Klausul", &advice, Lang::En);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Klausul");
    assert_eq!(lines.len(), advice.checklist.len() + 1);
    assert!(lines[1..].iter().all(|l| l.starts_with("[ ] ")));
    assert!(text.contains("Payment schedule"));
}

#[test]
fn each_red_flag_costs_ideal_points() {
    let bank = bank("tipe-klien");
    let ideal = bank.outcome_index("ideal").unwrap();
    let calm = classify(bank, &answers(bank, &[("pembayaran", 0), ("bahasa", 0)]));
    let one_flag = classify(
        bank,
        &answers(bank, &[("pembayaran", 0), ("bahasa", 0), ("revisi", 1)]),
    );
    assert_eq!(calm.scores[ideal], 100);
    // Revisions answer: ideal earns -2 of 3 possible (score 63 before the flag), then -15.
    assert!(
        one_flag.scores[ideal] < calm.scores[ideal] - 15,
        "{:?}",
        one_flag.scores
    );
}

#[test]
fn a_handful_of_answers_is_never_a_clear_result() {
    let bank = bank("tipe-klien");
    let few = classify(bank, &answers(bank, &[("pembayaran", 0), ("bahasa", 0)]));
    assert_eq!(few.lead, Lead::Moderate);
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
