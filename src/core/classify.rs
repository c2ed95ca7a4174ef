//! The classifier: answers in, an explainable result out.
//!
//! For every outcome, its score is the share (0-100) of the points it could have earned on the
//! questions that were answered: `100 * earned / possible`, never below 0. Skipped questions
//! count neither way, so partial answers still classify. An outcome with `penalty_per_flag` loses
//! that many points for each red flag raised for another outcome. A flag with `Severity::Severe` sets its
//! outcome's score to 100, so a single abusive answer cannot be averaged away by a dozen polite
//! ones. The primary outcome is the highest score; ties go to the outcome with the lower
//! `tie_rank` (the bank puts its most cautious reading first). Pure integer arithmetic keeps
//! results identical on every platform.

use super::bank::{Bank, Severity};

/// The chosen choice index per question; `None` is a skipped or not-yet-answered question.
/// The vector stays private so every change goes through `set`, which keeps its length.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Answers(Vec<Option<u8>>);

impl Answers {
    /// No answers yet, one slot per question of `bank`.
    #[must_use]
    pub fn empty(bank: &Bank) -> Answers {
        Answers(vec![None; bank.questions.len()])
    }

    /// Answers as given, one slot per question (tests and benchmarks build them this way; the
    /// classifier and the codec ignore slots the bank does not have).
    #[must_use]
    pub fn from_slots(slots: Vec<Option<u8>>) -> Answers {
        Answers(slots)
    }

    #[must_use]
    pub fn get(&self, question: usize) -> Option<u8> {
        self.0.get(question).copied().flatten()
    }

    /// Sets one slot; false (and nothing changed) when there is no such question.
    pub fn set(&mut self, question: usize, choice: Option<u8>) -> bool {
        match self.0.get_mut(question) {
            Some(slot) => {
                *slot = choice;
                true
            }
            None => false,
        }
    }

    /// How many slots there are (the bank's question count when made by `empty`).
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every slot in question order.
    pub fn slots(&self) -> impl Iterator<Item = Option<u8>> + '_ {
        self.0.iter().copied()
    }

    #[must_use]
    pub fn answered_count(&self) -> usize {
        self.0.iter().filter(|a| a.is_some()).count()
    }

    /// The chosen choices that exist in the bank, as (question, choice) index pairs. Out-of-range
    /// indices are ignored, so a hand-made `Answers` cannot panic the classifier.
    pub fn chosen<'a>(&'a self, bank: &'a Bank) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.0.iter().enumerate().filter_map(move |(q, answer)| {
            let c = usize::from((*answer)?);
            let question = bank.questions.get(q)?;
            (c < question.choices.len()).then_some((q, c))
        })
    }
}

/// How far ahead the primary outcome is of the runner-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lead {
    /// 25 points or more.
    Clear,
    /// 10 to 24 points.
    Moderate,
    /// Under 10 points: the runner-up's advice matters too.
    Close,
    /// Every score is 0 (nothing answered, or only "don't know"): the primary outcome is only
    /// the bank's least alarming default and the view says so.
    NoEvidence,
}

/// An answer that moved the result, with how much it favoured the primary outcome over the
/// runner-up (in bank points; a severe flag for the primary outcome ranks above everything).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Driver {
    pub question: usize,
    pub choice: usize,
    pub impact: i32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Classification {
    /// One score per outcome, in bank order, each 0-100.
    pub scores: Vec<u8>,
    /// Index of the winning outcome.
    pub primary: usize,
    /// Index of the second-best outcome.
    pub runner_up: usize,
    pub lead: Lead,
    /// Flag indices raised by the answers, in bank order, each once.
    pub flags: Vec<usize>,
    /// True when a severe flag pinned the primary outcome.
    pub decided_by_severe_flag: bool,
    /// Answers that favoured the primary outcome, strongest first (at most `MAX_DRIVERS`).
    pub drivers: Vec<Driver>,
}

pub const MAX_DRIVERS: usize = 3;

/// Fewer answered questions than this can give at most a "fairly clear" result.
pub const MIN_ANSWERS_FOR_CLEAR: usize = 5;

/// Points that put a severe flag's answer ahead of any ordinary answer in the drivers list.
const SEVERE_DRIVER_BONUS: i32 = 1000;

#[must_use]
pub fn classify(bank: &Bank, answers: &Answers) -> Classification {
    let outcome_count = bank.outcomes.len();
    let mut earned = vec![0i32; outcome_count];
    let mut possible = vec![0i32; outcome_count];
    let mut raised = vec![false; bank.flags.len()];

    for (q, question) in bank.questions.iter().enumerate() {
        let Some(c) = answers.get(q).map(usize::from) else {
            continue;
        };
        let Some(choice) = question.choices.get(c) else {
            continue;
        };
        for (o, outcome) in bank.outcomes.iter().enumerate() {
            let best_here = question
                .choices
                .iter()
                .map(|choice| points(choice, &outcome.id))
                .max()
                .unwrap_or(0);
            possible[o] += best_here.max(0);
            earned[o] += points(choice, &outcome.id);
        }
        for flag_id in choice.flags.iter() {
            if let Some(f) = bank.flags.iter().position(|flag| flag.id == *flag_id) {
                raised[f] = true;
            }
        }
    }

    let mut scores: Vec<u8> = (0..outcome_count)
        .map(|o| {
            if possible[o] <= 0 {
                0
            } else {
                // Rounded to the nearest point; clamped because earned can be negative.
                let percent = (200 * earned[o].max(0) + possible[o]) / (2 * possible[o]);
                percent.clamp(0, 100) as u8
            }
        })
        .collect();

    for (o, outcome) in bank.outcomes.iter().enumerate() {
        let against = bank
            .flags
            .iter()
            .zip(&raised)
            .filter(|(flag, raised)| **raised && flag.outcome != outcome.id)
            .count();
        let penalty = usize::from(outcome.penalty_per_flag) * against;
        scores[o] = scores[o].saturating_sub(u8::try_from(penalty).unwrap_or(u8::MAX));
    }

    let mut pinned = vec![false; outcome_count];
    for (f, flag) in bank.flags.iter().enumerate() {
        if raised[f] && flag.severity == Severity::Severe {
            if let Some(o) = bank.outcome_index(&flag.outcome) {
                scores[o] = 100;
                pinned[o] = true;
            }
        }
    }

    // With no evidence at all, naming the most alarming outcome would be unfair to the client,
    // so the tie-break flips to the least alarming one.
    let no_evidence = scores.iter().all(|&s| s == 0);
    let mut ranking: Vec<usize> = (0..outcome_count).collect();
    super::sort_small_by_key(&mut ranking, |&o| {
        let rank = bank.outcomes[o].tie_rank;
        (
            std::cmp::Reverse(scores[o]),
            std::cmp::Reverse(pinned[o]),
            if no_evidence { u8::MAX - rank } else { rank },
            o,
        )
    });
    let primary = ranking.first().copied().unwrap_or(0);
    let runner_up = ranking.get(1).copied().unwrap_or(primary);
    let margin = scores[primary].saturating_sub(scores[runner_up]);
    // A wide margin on a handful of answers is not yet a clear picture.
    let answered = answers.chosen(bank).count();
    let lead = match margin {
        _ if scores[primary] == 0 => Lead::NoEvidence,
        25.. if answered >= MIN_ANSWERS_FOR_CLEAR || pinned[primary] => Lead::Clear,
        10.. => Lead::Moderate,
        _ => Lead::Close,
    };

    let drivers = drivers(bank, answers, primary, runner_up);
    Classification {
        scores,
        primary,
        runner_up,
        lead,
        flags: (0..bank.flags.len()).filter(|&f| raised[f]).collect(),
        decided_by_severe_flag: pinned[primary],
        drivers,
    }
}

fn points(choice: &super::bank::Choice, outcome_id: &str) -> i32 {
    choice
        .weights
        .iter()
        .filter(|w| w.outcome == outcome_id)
        .map(|w| i32::from(w.points))
        .sum()
}

fn drivers(bank: &Bank, answers: &Answers, primary: usize, runner_up: usize) -> Vec<Driver> {
    let primary_id = &bank.outcomes[primary].id;
    let runner_up_id = &bank.outcomes[runner_up].id;
    let mut found: Vec<Driver> = answers
        .chosen(bank)
        .map(|(q, c)| {
            let choice = &bank.questions[q].choices[c];
            let severe_for_primary = choice.flags.iter().any(|id| {
                bank.flag(id).is_some_and(|flag| {
                    flag.severity == Severity::Severe && flag.outcome == *primary_id
                })
            });
            let mut impact = points(choice, primary_id);
            if runner_up != primary {
                impact -= points(choice, runner_up_id);
            }
            if severe_for_primary {
                impact += SEVERE_DRIVER_BONUS;
            }
            Driver {
                question: q,
                choice: c,
                impact,
            }
        })
        .filter(|driver| driver.impact > 0)
        .collect();
    // Stable sort: equal impacts keep question order, so the list is deterministic.
    super::sort_small_by_key(&mut found, |driver| std::cmp::Reverse(driver.impact));
    found.truncate(MAX_DRIVERS);
    found
}
