//! The classifier: answers in, an explainable result out.
//!
//! Only the questions that are asked count: a question whose condition (`show_if`) does not hold
//! is hidden, and its slot is neither skipped nor evidence, even if an answer is remembered there
//! from before the reader changed an earlier answer.
//!
//! For every outcome, its score is the share (0-100) of the points it could have earned on the
//! questions that were answered: `100 * earned / possible`, never below 0. Skipped questions
//! count neither way, so partial answers still classify; but a handful of answers is not a
//! certainty, so `possible` is never taken as less than `EVIDENCE_FLOOR_PERCENT` of what the asked
//! questions could give (one polite answer is not "ideal 100"). An outcome with
//! `penalty_per_flag` loses that many points for each red flag raised for another outcome. A flag
//! with `Severity::Severe` sets its outcome's score to 100, so a single abusive answer cannot be
//! averaged away by a dozen polite ones, and sets every outcome marked `ruled_out_by_severe` to 0,
//! so the chart never contradicts the verdict. The primary outcome is the highest score; ties go
//! to the outcome with the lower `tie_rank` (the bank puts its most cautious reading first). Pure
//! integer arithmetic keeps results identical on every platform.

use super::bank::{Bank, Condition, Severity};

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

    /// Whether `condition` holds: the question it names is asked and answered with one of its
    /// choices.
    #[must_use]
    pub fn meet(&self, bank: &Bank, condition: &Condition) -> bool {
        bank.condition_holds(condition, &self.0)
    }

    /// Whether question `q` is asked, given these answers (conditions only point back).
    #[must_use]
    pub fn asks(&self, bank: &Bank, q: usize) -> bool {
        bank.is_asked(q, &self.0)
    }

    /// The questions asked, in order.
    pub fn asked<'a>(&'a self, bank: &'a Bank) -> impl Iterator<Item = usize> + 'a {
        (0..bank.questions.len()).filter(move |&q| self.asks(bank, q))
    }

    /// How many asked questions have an answer.
    #[must_use]
    pub fn answered_count(&self, bank: &Bank) -> usize {
        self.chosen(bank).count()
    }

    /// The chosen choices of asked questions that exist in the bank, as (question, choice) index
    /// pairs. Out-of-range indices are ignored, so a hand-made `Answers` cannot panic the
    /// classifier.
    pub fn chosen<'a>(&'a self, bank: &'a Bank) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.0.iter().enumerate().filter_map(move |(q, answer)| {
            let c = usize::from((*answer)?);
            let question = bank.questions.get(q)?;
            (c < question.choices.len() && self.asks(bank, q)).then_some((q, c))
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
    /// Too few answers, or a winner that is itself weak: the answers only lean this way.
    Tentative,
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
    /// Outcomes a severe answer ruled out (their score is 0 because of it), in bank order.
    pub ruled_out: Vec<usize>,
    /// Answers that favoured the primary outcome, strongest first (at most `MAX_DRIVERS`).
    pub drivers: Vec<Driver>,
}

pub const MAX_DRIVERS: usize = 3;

/// Fewer answered questions than this can give at most a "fairly clear" result.
pub const MIN_ANSWERS_FOR_CLEAR: usize = 5;

/// Fewer answered questions than this only lean one way (unless a severe answer decides).
pub const MIN_ANSWERS_FOR_A_LEAN: usize = 3;

/// A winner scoring under this only leans one way.
pub const WEAK_SCORE: u8 = 40;

/// A clear result needs a winner scoring at least this.
pub const CLEAR_SCORE: u8 = 60;

/// An outcome's `possible` points are never taken as less than this share of what every asked
/// question could give it, so a few answers cannot make a full score.
pub const EVIDENCE_FLOOR_PERCENT: i32 = 40;

/// Points that put a severe flag's answer ahead of any ordinary answer in the drivers list.
const SEVERE_DRIVER_BONUS: i32 = 1000;

#[must_use]
pub fn classify(bank: &Bank, answers: &Answers) -> Classification {
    let outcome_count = bank.outcomes.len();
    let mut earned = vec![0i32; outcome_count];
    let mut possible = vec![0i32; outcome_count];
    let mut possible_if_all_answered = vec![0i32; outcome_count];
    let mut raised = vec![false; bank.flags.len()];

    for q in answers.asked(bank) {
        let question = &bank.questions[q];
        let choice = answers
            .get(q)
            .and_then(|c| question.choices.get(usize::from(c)));
        for (o, outcome) in bank.outcomes.iter().enumerate() {
            let best_here = question
                .choices
                .iter()
                .map(|choice| points(choice, &outcome.id))
                .max()
                .unwrap_or(0)
                .max(0);
            possible_if_all_answered[o] += best_here;
            if let Some(choice) = choice {
                possible[o] += best_here;
                earned[o] += points(choice, &outcome.id);
            }
        }
        for flag_id in choice.iter().flat_map(|choice| choice.flags.iter()) {
            if let Some(f) = bank.flags.iter().position(|flag| flag.id == *flag_id) {
                raised[f] = true;
            }
        }
    }

    let mut scores: Vec<u8> = (0..outcome_count)
        .map(|o| {
            let floor = possible_if_all_answered[o] * EVIDENCE_FLOOR_PERCENT / 100;
            let possible = possible[o].max(floor);
            if possible <= 0 || earned[o] <= 0 {
                0
            } else {
                // Rounded to the nearest point.
                let percent = (200 * earned[o] + possible) / (2 * possible);
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
    let mut ruled_out = Vec::new();
    if pinned.contains(&true) {
        for (o, outcome) in bank.outcomes.iter().enumerate() {
            if outcome.ruled_out_by_severe && !pinned[o] {
                scores[o] = 0;
                ruled_out.push(o);
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
    let top = scores.get(primary).copied().unwrap_or(0);
    let margin = top.saturating_sub(scores.get(runner_up).copied().unwrap_or(0));
    let answered = answers.answered_count(bank);
    let decided = pinned.get(primary).copied().unwrap_or(false);
    let lead = if top == 0 {
        Lead::NoEvidence
    } else if decided {
        Lead::Clear
    } else if answered < MIN_ANSWERS_FOR_A_LEAN || top < WEAK_SCORE {
        Lead::Tentative
    } else if margin >= 25 && answered >= MIN_ANSWERS_FOR_CLEAR && top >= CLEAR_SCORE {
        Lead::Clear
    } else if margin >= 10 {
        Lead::Moderate
    } else {
        Lead::Close
    };

    let drivers = drivers(bank, answers, primary, runner_up);
    Classification {
        scores,
        primary,
        runner_up,
        lead,
        flags: (0..bank.flags.len()).filter(|&f| raised[f]).collect(),
        decided_by_severe_flag: decided,
        ruled_out,
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
