//! Advice: the action plan and the agreement checklist for a classification.
//!
//! The primary outcome and every raised flag name advice ids from the bank's pool. The union is
//! listed by urgency (severe flags, then the outcome, then warnings) and, within that, in pool
//! order, which the bank author arranges as the order to act in.

use super::bank::{AdviceItem, AdviceKind, Bank, Severity};
use super::classify::{Answers, Classification};
use super::text::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct Advice<'b> {
    pub plan: Vec<&'b AdviceItem>,
    pub checklist: Vec<&'b AdviceItem>,
}

/// The advice for a classification: its primary outcome and the flags it raised.
#[must_use]
pub fn advise<'b>(bank: &'b Bank, result: &Classification, answers: &Answers) -> Advice<'b> {
    advise_for(bank, result.primary, &result.flags, answers)
}

/// The advice for `outcome` (an index into the bank's outcomes) with these flags raised, for
/// example the runner-up's advice on a close call. Items with a condition (`show_if`) are given
/// only when `answers` meet it: a prospect is told to decline, a current client's provider to
/// renegotiate or hand over.
#[must_use]
pub fn advise_for<'b>(
    bank: &'b Bank,
    outcome: usize,
    flags: &[usize],
    answers: &Answers,
) -> Advice<'b> {
    // Lower group = earlier in the plan: what a severe flag demands comes first, then the
    // outcome's own advice, then warnings that support the outcome, then other warnings.
    let mut group = vec![u8::MAX; bank.advice.len()];
    let mut want = |ids: &[super::bank::Str], rank: u8| {
        for id in ids {
            if let Some(i) = bank.advice_index(id) {
                group[i] = group[i].min(rank);
            }
        }
    };
    let primary = bank.outcomes.get(outcome);
    if let Some(outcome) = primary {
        want(&outcome.advice, 1);
    }
    for flag in flags.iter().filter_map(|&f| bank.flags.get(f)) {
        let rank = match flag.severity {
            Severity::Severe => 0,
            Severity::Warning if primary.is_some_and(|o| o.id == flag.outcome) => 2,
            Severity::Warning => 3,
        };
        want(&flag.advice, rank);
    }
    let applies = |i: usize| {
        bank.advice[i]
            .show_if
            .as_ref()
            .is_none_or(|condition| answers.meet(bank, condition))
    };
    let mut chosen: Vec<(u8, usize)> = group
        .iter()
        .enumerate()
        .filter(|(i, g)| **g != u8::MAX && applies(*i))
        .map(|(i, g)| (*g, i))
        .collect();
    super::sort_small_by_key(&mut chosen, |&pair| pair);
    let items = || chosen.iter().map(|&(_, i)| &bank.advice[i]);
    Advice {
        plan: items().filter(|i| i.kind == AdviceKind::Step).collect(),
        checklist: items().filter(|i| i.kind == AdviceKind::Clause).collect(),
    }
}

/// The checklist as plain text, for copying or downloading: a heading line, then one
/// `[ ] clause` line each.
#[must_use]
pub fn checklist_text(heading: &str, advice: &Advice<'_>, lang: Lang) -> String {
    let mut text = String::with_capacity(64 * (advice.checklist.len() + 1));
    text.push_str(heading);
    text.push('\n');
    for item in &advice.checklist {
        text.push_str("[ ] ");
        text.push_str(item.text.get(lang));
        text.push('\n');
    }
    text
}
