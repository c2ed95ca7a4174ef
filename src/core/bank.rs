//! The quiz bank model and its validator.
//!
//! A bank is data (`data/banks/*.toml`): questions, choices with weights over the bank's
//! outcomes, red flags, and a pool of advice, all in both languages. `build.rs` parses and
//! validates every bank with this same module and bakes it into the binary as statics, so a
//! mistake in a bank stops the build and fails the tests instead of reaching a user.
//!
//! This file is also compiled into `build.rs` (via `#[path]`), so it depends only on
//! `super::text` and external crates.

use super::text::{Lang, Text};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

pub type Str = Cow<'static, str>;
pub type List<T> = Cow<'static, [T]>;

/// Share links spell each answer as one base-36 character.
pub const MAX_CHOICES: usize = 36;
/// Keeps share links short enough to paste in a chat.
pub const MAX_QUESTIONS: usize = 40;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    pub id: Str,
    /// Bumped whenever the meaning of a stored answer changes (questions or choices reordered,
    /// removed or reworded in substance).
    pub version: u16,
    /// Older versions whose share links still decode as they are: their questions are a prefix
    /// of this version's, with the same choices in the same order.
    #[serde(default)]
    pub compatible_versions: List<u16>,
    pub title: Text,
    pub summary: Text,
    /// Heading over the outcome scores ("score for each type" or "for each move").
    pub scores_heading: Text,
    pub outcomes: List<Outcome>,
    #[serde(default)]
    pub flags: List<Flag>,
    pub questions: List<Question>,
    #[serde(default)]
    pub advice: List<AdviceItem>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: Str,
    pub name: Text,
    pub summary: Text,
    /// Breaks ties between equal scores: the lower number wins, so a bank can prefer the more
    /// cautious reading when the evidence is even.
    pub tie_rank: u8,
    /// Points taken off this outcome's score for each red flag raised (for other outcomes):
    /// a client with four red flags cannot be "ideal", however polite the rest.
    #[serde(default)]
    pub penalty_per_flag: u8,
    /// Advice ids that always apply to this outcome.
    #[serde(default)]
    pub advice: List<Str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Counted in the flags list and adds its advice.
    Warning,
    /// On its own decides the outcome it points to: its score is set to 100.
    Severe,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub id: Str,
    pub label: Text,
    pub severity: Severity,
    /// The outcome this flag is evidence for.
    pub outcome: Str,
    #[serde(default)]
    pub advice: List<Str>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Str,
    pub text: Text,
    pub choices: List<Choice>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: Text,
    #[serde(default, deserialize_with = "weights_from_table")]
    pub weights: List<Weight>,
    #[serde(default)]
    pub flags: List<Str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weight {
    pub outcome: Str,
    pub points: i8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AdviceKind {
    /// A step of the action plan.
    Step,
    /// A clause for the written agreement checklist.
    Clause,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceItem {
    pub id: Str,
    pub kind: AdviceKind,
    pub text: Text,
}

/// Weights are written as `{ ideal = 2, penuntut = -1 }`; a table keeps bank files readable.
fn weights_from_table<'de, D>(deserializer: D) -> Result<List<Weight>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let table = BTreeMap::<String, i8>::deserialize(deserializer)?;
    Ok(table
        .into_iter()
        .map(|(outcome, points)| Weight {
            outcome: Cow::Owned(outcome),
            points,
        })
        .collect::<Vec<_>>()
        .into())
}

impl Bank {
    #[must_use]
    pub fn outcome_index(&self, id: &str) -> Option<usize> {
        self.outcomes.iter().position(|outcome| outcome.id == id)
    }

    #[must_use]
    pub fn flag(&self, id: &str) -> Option<&Flag> {
        self.flags.iter().find(|flag| flag.id == id)
    }

    #[must_use]
    pub fn advice_index(&self, id: &str) -> Option<usize> {
        self.advice.iter().position(|item| item.id == id)
    }
}

/// One mistake in a bank, with the place it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BankError {
    /// A path such as `questions[3] "pembayaran".choices[1].weights`, or a line and column for
    /// syntax errors.
    pub place: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Syntax(String),
    MissingTranslation(Lang),
    BadId(String),
    DuplicateId(String),
    UnknownOutcome(String),
    UnknownFlag(String),
    UnknownAdvice(String),
    TooFewChoices(usize),
    TooManyChoices(usize),
    TooFewOutcomes(usize),
    NoQuestions,
    TooManyQuestions(usize),
    ZeroVersion,
    CompatibleVersionNotOlder(u16),
    /// No choice gives the outcome positive points and no severe flag points to it.
    UnreachableOutcome(String),
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.place)?;
        match &self.problem {
            Problem::Syntax(message) => write!(f, "syntax error: {message}"),
            Problem::MissingTranslation(lang) => {
                write!(f, "missing the {} translation", lang.code())
            }
            Problem::BadId(id) => write!(
                f,
                "id {id:?} must be 1-32 characters of a-z, 0-9 and '-', starting with a letter"
            ),
            Problem::DuplicateId(id) => write!(f, "id {id:?} is used more than once"),
            Problem::UnknownOutcome(id) => write!(f, "unknown outcome id {id:?}"),
            Problem::UnknownFlag(id) => write!(f, "unknown flag id {id:?}"),
            Problem::UnknownAdvice(id) => write!(f, "unknown advice id {id:?}"),
            Problem::TooFewChoices(n) => {
                write!(f, "has {n} choice(s); a question needs at least 2")
            }
            Problem::TooManyChoices(n) => {
                write!(
                    f,
                    "has {n} choices; at most {MAX_CHOICES} fit in a share link"
                )
            }
            Problem::TooFewOutcomes(n) => write!(f, "has {n} outcome(s); a bank needs at least 2"),
            Problem::NoQuestions => write!(f, "has no questions"),
            Problem::TooManyQuestions(n) => {
                write!(
                    f,
                    "has {n} questions; at most {MAX_QUESTIONS} keep links short"
                )
            }
            Problem::ZeroVersion => write!(f, "version must start at 1"),
            Problem::CompatibleVersionNotOlder(v) => {
                write!(
                    f,
                    "compatible version {v} is not older than the bank's version"
                )
            }
            Problem::UnreachableOutcome(id) => write!(
                f,
                "outcome {id:?} gets positive points from no choice and no severe flag"
            ),
        }
    }
}

impl std::error::Error for BankError {}

/// Parses a bank file and validates it. Only build.rs and native tests parse; the app uses the
/// statics build.rs generates.
///
/// # Errors
///
/// Every mistake found, each with its place: one syntax error, or all validation errors.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(source: &str) -> Result<Bank, Vec<BankError>> {
    let bank: Bank = toml::from_str(source).map_err(|error| {
        let place = match error.span() {
            Some(span) => {
                let before = &source[..span.start.min(source.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                format!("line {line}, column {column}")
            }
            None => "file".to_string(),
        };
        vec![BankError {
            place,
            problem: Problem::Syntax(error.message().to_string()),
        }]
    })?;
    let errors = validate(&bank);
    if errors.is_empty() {
        Ok(bank)
    } else {
        Err(errors)
    }
}

fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    starts_with_letter
        && id.len() <= 32
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Collects every mistake in the bank rather than stopping at the first, so an author fixes a
/// bank in one pass.
#[must_use]
pub fn validate(bank: &Bank) -> Vec<BankError> {
    let mut report = Report::default();
    validate_header(bank, &mut report);
    validate_outcomes(bank, &mut report);
    validate_flags(bank, &mut report);
    validate_advice(bank, &mut report);
    validate_questions(bank, &mut report);
    validate_reachability(bank, &mut report);
    report.errors
}

/// The bank's id, version, compatible versions and its own texts.
fn validate_header(bank: &Bank, report: &mut Report) {
    report.id("id", &bank.id);
    if bank.version == 0 {
        report.push("version", Problem::ZeroVersion);
    }
    for (i, older) in bank.compatible_versions.iter().enumerate() {
        if *older >= bank.version {
            report.push(
                format!("compatible_versions[{i}]"),
                Problem::CompatibleVersionNotOlder(*older),
            );
        }
    }
    report.text("title", &bank.title);
    report.text("summary", &bank.summary);
    report.text("scores_heading", &bank.scores_heading);
}

fn validate_outcomes(bank: &Bank, report: &mut Report) {
    if bank.outcomes.len() < 2 {
        report.push("outcomes", Problem::TooFewOutcomes(bank.outcomes.len()));
    }
    report.unique_ids("outcomes", bank.outcomes.iter().map(|o| &*o.id));
    for (i, outcome) in bank.outcomes.iter().enumerate() {
        let place = format!("outcomes[{i}] {:?}", outcome.id);
        report.id(&place, &outcome.id);
        report.text(&format!("{place}.name"), &outcome.name);
        report.text(&format!("{place}.summary"), &outcome.summary);
        report.advice_refs(bank, &format!("{place}.advice"), &outcome.advice);
    }
}

fn validate_flags(bank: &Bank, report: &mut Report) {
    report.unique_ids("flags", bank.flags.iter().map(|f| &*f.id));
    for (i, flag) in bank.flags.iter().enumerate() {
        let place = format!("flags[{i}] {:?}", flag.id);
        report.id(&place, &flag.id);
        report.text(&format!("{place}.label"), &flag.label);
        if bank.outcome_index(&flag.outcome).is_none() {
            report.push(
                format!("{place}.outcome"),
                Problem::UnknownOutcome(flag.outcome.to_string()),
            );
        }
        report.advice_refs(bank, &format!("{place}.advice"), &flag.advice);
    }
}

fn validate_advice(bank: &Bank, report: &mut Report) {
    report.unique_ids("advice", bank.advice.iter().map(|a| &*a.id));
    for (i, item) in bank.advice.iter().enumerate() {
        let place = format!("advice[{i}] {:?}", item.id);
        report.id(&place, &item.id);
        report.text(&format!("{place}.text"), &item.text);
    }
}

fn validate_questions(bank: &Bank, report: &mut Report) {
    if bank.questions.is_empty() {
        report.push("questions", Problem::NoQuestions);
    }
    if bank.questions.len() > MAX_QUESTIONS {
        report.push("questions", Problem::TooManyQuestions(bank.questions.len()));
    }
    report.unique_ids("questions", bank.questions.iter().map(|q| &*q.id));
    for (qi, question) in bank.questions.iter().enumerate() {
        let place = format!("questions[{qi}] {:?}", question.id);
        report.id(&place, &question.id);
        report.text(&format!("{place}.text"), &question.text);
        let count = question.choices.len();
        if count < 2 {
            report.push(format!("{place}.choices"), Problem::TooFewChoices(count));
        }
        if count > MAX_CHOICES {
            report.push(format!("{place}.choices"), Problem::TooManyChoices(count));
        }
        for (ci, choice) in question.choices.iter().enumerate() {
            validate_choice(bank, &format!("{place}.choices[{ci}]"), choice, report);
        }
    }
}

fn validate_choice(bank: &Bank, place: &str, choice: &Choice, report: &mut Report) {
    report.text(&format!("{place}.text"), &choice.text);
    for weight in choice.weights.iter() {
        if bank.outcome_index(&weight.outcome).is_none() {
            report.push(
                format!("{place}.weights"),
                Problem::UnknownOutcome(weight.outcome.to_string()),
            );
        }
    }
    for flag in choice.flags.iter() {
        if bank.flag(flag).is_none() {
            report.push(
                format!("{place}.flags"),
                Problem::UnknownFlag(flag.to_string()),
            );
        }
    }
}

/// Every outcome must be winnable: some choice gives it points, or a severe flag pins it.
fn validate_reachability(bank: &Bank, report: &mut Report) {
    for outcome in bank.outcomes.iter() {
        let has_points = bank
            .questions
            .iter()
            .flat_map(|q| q.choices.iter())
            .flat_map(|c| c.weights.iter())
            .any(|w| w.outcome == outcome.id && w.points > 0);
        let has_severe_flag = bank
            .flags
            .iter()
            .any(|f| f.outcome == outcome.id && f.severity == Severity::Severe);
        if !has_points && !has_severe_flag {
            report.push(
                "outcomes",
                Problem::UnreachableOutcome(outcome.id.to_string()),
            );
        }
    }
}

#[derive(Default)]
struct Report {
    errors: Vec<BankError>,
}

impl Report {
    fn push(&mut self, place: impl Into<String>, problem: Problem) {
        self.errors.push(BankError {
            place: place.into(),
            problem,
        });
    }

    fn id(&mut self, place: &str, id: &str) {
        if !is_valid_id(id) {
            self.push(format!("{place}.id"), Problem::BadId(id.to_string()));
        }
    }

    fn text(&mut self, place: &str, text: &Text) {
        let missing: Vec<Lang> = text.missing().collect();
        for lang in missing {
            self.push(place, Problem::MissingTranslation(lang));
        }
    }

    fn unique_ids<'a>(&mut self, place: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = std::collections::BTreeSet::new();
        for id in ids {
            if !seen.insert(id) {
                self.push(place, Problem::DuplicateId(id.to_string()));
            }
        }
    }

    fn advice_refs(&mut self, bank: &Bank, place: &str, ids: &[Str]) {
        for id in ids {
            if bank.advice_index(id).is_none() {
                self.push(place, Problem::UnknownAdvice(id.to_string()));
            }
        }
    }
}
