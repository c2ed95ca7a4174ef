//! Helpers shared by the native test files.
#![allow(dead_code)]

use cek_klien::core::bank::Bank;
use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::Answers;

pub fn bank(id: &str) -> &'static Bank {
    BANKS
        .iter()
        .find(|bank| bank.id == id)
        .unwrap_or_else(|| panic!("no bank {id:?}"))
}

/// Answers from (question id, choice index) pairs; every other question is skipped.
pub fn answers(bank: &Bank, picks: &[(&str, u8)]) -> Answers {
    let mut answers = Answers::empty(bank);
    for (question_id, choice) in picks {
        let q = bank
            .questions
            .iter()
            .position(|q| q.id == *question_id)
            .unwrap_or_else(|| panic!("no question {question_id:?} in {}", bank.id));
        assert!(
            usize::from(*choice) < bank.questions[q].choices.len(),
            "{question_id} has no choice {choice}"
        );
        answers.set(q, Some(*choice));
    }
    answers
}

pub fn outcome_id(bank: &Bank, index: usize) -> &str {
    &bank.outcomes[index].id
}

/// Every question answered with choice `pick(question index)`.
pub fn all_answered(bank: &Bank, pick: impl Fn(usize) -> u8) -> Answers {
    Answers::from_slots((0..bank.questions.len()).map(|q| Some(pick(q))).collect())
}
