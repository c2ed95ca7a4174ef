//! The fit check: a prospect's answers (one choice per question of `TEMPLATE.fit`) compared
//! with the provider's terms by the template's rules. Each rule that fires is a mismatch with
//! the term it touches and a way forward; the worst of them is the verdict.

use super::template::{Fit, FitQuestion, FitRule};
use super::{render, text, Terms, TEMPLATE};
use crate::core::text::Lang;

/// The questions, in order.
#[must_use]
pub fn questions() -> &'static [FitQuestion] {
    &TEMPLATE.fit.questions
}

/// Whether a rule's conditions on the terms hold.
fn terms_meet(rule: &FitRule, terms: &Terms) -> bool {
    let value = |name: &str| match terms.fields.get(name) {
        Some(super::Value::Number(n)) => Some(n),
        Some(super::Value::Switch(on)) => Some(u64::from(on)),
        _ => None,
    };
    let set = |name: &Option<super::template::Str>| {
        name.as_deref()
            .map(|name| terms.fields.get(name).is_some_and(|v| v.is_set()))
    };
    let clause_on =
        |id: &Option<super::template::Str>| id.as_deref().map(|id| terms.clauses.contains(id));
    set(&rule.if_set) != Some(false)
        && set(&rule.unless_set) != Some(true)
        && clause_on(&rule.if_clause) != Some(false)
        && clause_on(&rule.unless_clause) != Some(true)
        && rule
            .above
            .as_deref()
            .is_none_or(|name| value(name).is_some_and(|n| n > u64::from(rule.above_value)))
        && rule
            .below
            .as_deref()
            .is_none_or(|name| value(name).is_some_and(|n| n < u64::from(rule.below_value)))
}

/// The rules the answers set off, in the template's order, and the verdict: the worst fit
/// among them, `Fits` when none. `answers[i]` is the chosen option of question `i`; a missing
/// or unknown answer sets off nothing.
#[must_use]
pub fn check(terms: &Terms, answers: &[u8]) -> (Fit, Vec<&'static FitRule>) {
    let mismatches: Vec<&'static FitRule> = TEMPLATE
        .fit
        .rules
        .iter()
        .filter(|rule| {
            let chosen = questions()
                .iter()
                .zip(answers)
                .find(|(question, _)| question.id == rule.question)
                .and_then(|(question, &choice)| question.choices.get(usize::from(choice)));
            chosen.is_some_and(|choice| rule.choices.contains(&choice.id))
                && terms_meet(rule, terms)
        })
        .collect();
    let verdict = mismatches
        .iter()
        .map(|rule| rule.fit)
        .max()
        .unwrap_or(Fit::Fits);
    (verdict, mismatches)
}

/// A rule's way forward with the terms' numbers, in `lang`.
#[must_use]
pub fn way(rule: &FitRule, terms: &Terms, lang: Lang) -> String {
    render::fill(text(&rule.way, lang), terms, lang).text()
}

/// The title of the clause a rule touches, in `lang`.
#[must_use]
pub fn term_title(rule: &FitRule, lang: Lang) -> &'static str {
    TEMPLATE
        .clause(&rule.term)
        .map_or("", |clause| text(&clause.title, lang))
}

/// Whether `answers` answer every question with one of its choices.
#[must_use]
pub fn complete(answers: &[u8]) -> bool {
    answers.len() == questions().len()
        && answers
            .iter()
            .zip(questions())
            .all(|(&choice, question)| usize::from(choice) < question.choices.len())
}
