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
    /// The fewest and the most questions a reader who answers everything is asked (branches
    /// ask different ones). Worked out by `parse`, so the browser never has to.
    #[serde(skip)]
    pub asked_range: (u8, u8),
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
    /// What this outcome means for the provider, which colours its bar: a reassuring colour
    /// must never be drawn for the type to avoid.
    #[serde(default)]
    pub tone: Tone,
    /// Any severe answer rules this outcome out (its score is 0): an abusive client is not
    /// "ideal" however polite the other answers were.
    #[serde(default)]
    pub ruled_out_by_severe: bool,
}

/// How an outcome reads for the provider.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Good,
    #[default]
    Neutral,
    Caution,
    Bad,
}

impl Tone {
    /// The class name the stylesheet colours.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Tone::Good => "good",
            Tone::Neutral => "neutral",
            Tone::Caution => "caution",
            Tone::Bad => "bad",
        }
    }
}

/// Shows a question (or an advice item) only when an earlier question was answered with one of
/// `choices` (indices into that question's choices, from 0).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub question: Str,
    pub choices: List<u8>,
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
    /// Asked only when this holds; otherwise the question is hidden: neither skipped nor
    /// evidence, absent from progress, review and links.
    #[serde(default)]
    pub show_if: Option<Condition>,
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
    /// A short message to copy and send to the client, for steps that mean telling them
    /// something.
    #[serde(default)]
    pub message: Option<Text>,
    /// Given only when this holds (for example, only for a prospect).
    #[serde(default)]
    pub show_if: Option<Condition>,
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

    /// Whether `condition` holds for `picks` (one choice or `None` per question): the question it
    /// names is asked and answered with one of its choices.
    #[must_use]
    pub fn condition_holds(&self, condition: &Condition, picks: &[Option<u8>]) -> bool {
        self.question_index(&condition.question)
            .is_some_and(|target| {
                self.is_asked(target, picks)
                    && picks
                        .get(target)
                        .copied()
                        .flatten()
                        .is_some_and(|choice| condition.choices.contains(&choice))
            })
    }

    /// Whether question `q` is asked, given `picks` (conditions only point back).
    #[must_use]
    pub fn is_asked(&self, q: usize, picks: &[Option<u8>]) -> bool {
        match self.questions.get(q) {
            Some(question) => match &question.show_if {
                Some(condition) => self
                    .question_index(&condition.question)
                    .is_some_and(|target| target < q && self.condition_holds(condition, picks)),
                None => true,
            },
            None => false,
        }
    }

    /// The fewest and the most questions asked of a reader who answers every question: tries
    /// every combination of answers to the questions that conditions depend on.
    #[must_use]
    pub fn question_range(&self) -> (usize, usize) {
        let mut deciding: Vec<usize> = self
            .questions
            .iter()
            .filter_map(|q| q.show_if.as_ref())
            .filter_map(|condition| self.question_index(&condition.question))
            .collect();
        // One digit per question: a question named twice would turn the counter forever.
        deciding.sort_unstable();
        deciding.dedup();
        let mut picks: Vec<Option<u8>> = vec![None; self.questions.len()];
        for &q in &deciding {
            picks[q] = Some(0);
        }
        let (mut fewest, mut most) = (usize::MAX, 0);
        loop {
            let asked = (0..self.questions.len())
                .filter(|&q| self.is_asked(q, &picks))
                .count();
            fewest = fewest.min(asked);
            most = most.max(asked);
            // The next combination, like counting with one digit per deciding question.
            let mut carried = true;
            for &q in &deciding {
                let next = picks[q].map_or(0, |c| c + 1);
                if usize::from(next) < self.questions[q].choices.len() {
                    picks[q] = Some(next);
                    carried = false;
                    break;
                }
                picks[q] = Some(0);
            }
            if carried {
                return (fewest, most);
            }
        }
    }

    #[must_use]
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|question| question.id == id)
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
    /// Two outcomes share a tie rank, so a tie between them would be settled by file order.
    DuplicateTieRank(u8),
    /// A flag no choice raises.
    UnusedFlag(String),
    /// Advice that no outcome and no flag names.
    UnusedAdvice(String),
    /// A message to send only makes sense on a plan step.
    MessageOnClause,
    /// A condition names a question that does not exist.
    UnknownQuestion(String),
    /// A condition names a question that is not asked before this one.
    ConditionNotEarlier(String),
    /// A condition names a choice its question does not have.
    ConditionChoiceMissing(u8),
    /// No answers can make this question's condition true.
    UnreachableQuestion,
    /// The bank's version has no record in `data/bank-versions/<bank>.toml`.
    UnrecordedVersion {
        bank: String,
        version: u16,
        structure: Vec<String>,
    },
    /// The questions, choices or conditions changed but the version number did not.
    StructureChangedWithoutNewVersion {
        bank: String,
        version: u16,
        structure: Vec<String>,
    },
    /// A version listed as readable is unrecorded, or its questions are not a prefix of these.
    IncompatibleVersion(u16),
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
            Problem::DuplicateTieRank(rank) => {
                write!(f, "tie_rank {rank} is used by more than one outcome")
            }
            Problem::UnusedFlag(id) => write!(f, "flag {id:?} is raised by no choice"),
            Problem::UnusedAdvice(id) => {
                write!(f, "advice {id:?} is named by no outcome and no flag")
            }
            Problem::MessageOnClause => {
                write!(f, "a message to send belongs on a step, not on a clause")
            }
            Problem::UnknownQuestion(id) => write!(f, "unknown question id {id:?}"),
            Problem::ConditionNotEarlier(id) => {
                write!(f, "question {id:?} is not asked before this one")
            }
            Problem::ConditionChoiceMissing(choice) => {
                write!(
                    f,
                    "that question has no choice {choice} (choices count from 0)"
                )
            }
            Problem::UnreachableQuestion => {
                write!(f, "no answers can make this condition true")
            }
            Problem::UnrecordedVersion {
                bank,
                version,
                structure,
            } => write!(
                f,
                "version {version} is not recorded in data/bank-versions/{bank}.toml; if this is \
                 a new version, add:\n{}",
                version_record_toml(bank, *version, structure)
            ),
            Problem::StructureChangedWithoutNewVersion {
                bank,
                version,
                structure,
            } => write!(
                f,
                "the questions, choices or conditions changed, so old share links would be read \
                 wrongly: raise `version` above {version} and record the new version in \
                 data/bank-versions/{bank}.toml; the structure is now:\n{}",
                version_record_toml(bank, version + 1, structure)
            ),
            Problem::IncompatibleVersion(v) => write!(
                f,
                "version {v} is not recorded, or its questions are not the first ones of this \
                 version with the same choices, so its links cannot be read as they are"
            ),
            Problem::UnreachableOutcome(id) => write!(
                f,
                "outcome {id:?} gets positive points from no choice and no severe flag"
            ),
        }
    }
}

impl std::error::Error for BankError {}

/// What a share link's answers mean, per bank version: one line per question (`id`, its number
/// of choices, and its condition), in order. Recorded for every version in
/// `data/bank-versions/<bank>.toml`, so a changed structure without a new version number stops the
/// build, and a version that claims to read older links can be checked against them.
#[must_use]
pub fn structure(bank: &Bank) -> Vec<String> {
    bank.questions
        .iter()
        .map(|question| {
            let mut line = format!("{} {}", question.id, question.choices.len());
            if let Some(condition) = &question.show_if {
                let choices: Vec<String> = condition.choices.iter().map(u8::to_string).collect();
                line.push_str(&format!(" if {} {}", condition.question, choices.join(",")));
            }
            line
        })
        .collect()
}

/// One recorded bank version: its id, number and structure (see `structure`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionRecord {
    pub bank: String,
    pub version: u16,
    pub structure: Vec<String>,
}

/// The mistakes in how `bank` is versioned against the recorded versions: its own version is
/// not recorded, or was recorded with another structure (the structure changed without a new
/// version number); or a version it claims to read is unrecorded or not a prefix of it.
#[must_use]
pub fn check_version(bank: &Bank, records: &[VersionRecord]) -> Vec<BankError> {
    let mut report = Report::default();
    let now = structure(bank);
    let find = |version: u16| {
        records
            .iter()
            .find(|record| record.bank == bank.id && record.version == version)
    };
    match find(bank.version) {
        None => report.push(
            "version",
            Problem::UnrecordedVersion {
                bank: bank.id.to_string(),
                version: bank.version,
                structure: now.clone(),
            },
        ),
        Some(record) if record.structure != now => report.push(
            "version",
            Problem::StructureChangedWithoutNewVersion {
                bank: bank.id.to_string(),
                version: bank.version,
                structure: now.clone(),
            },
        ),
        Some(_) => {}
    }
    for (i, older) in bank.compatible_versions.iter().enumerate() {
        let readable = find(*older).is_some_and(|record| {
            record.structure.len() <= now.len() && now.starts_with(&record.structure)
        });
        if !readable {
            report.push(
                format!("compatible_versions[{i}]"),
                Problem::IncompatibleVersion(*older),
            );
        }
    }
    report.errors
}

fn version_record_toml(bank: &str, version: u16, structure: &[String]) -> String {
    let lines: Vec<String> = structure
        .iter()
        .map(|line| format!("  {line:?},"))
        .collect();
    format!(
        "[[version]]\nbank = {bank:?}\nversion = {version}\nstructure = [\n{}\n]",
        lines.join("\n")
    )
}

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
    let mut bank = bank;
    let errors = validate(&bank);
    if errors.is_empty() {
        let (fewest, most) = bank.question_range();
        bank.asked_range = (
            u8::try_from(fewest).unwrap_or(u8::MAX),
            u8::try_from(most).unwrap_or(u8::MAX),
        );
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
    validate_usage(bank, &mut report);
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
    let mut ranks = std::collections::BTreeSet::new();
    for outcome in bank.outcomes.iter() {
        if !ranks.insert(outcome.tie_rank) {
            report.push("outcomes", Problem::DuplicateTieRank(outcome.tie_rank));
        }
    }
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
        if let Some(message) = &item.message {
            report.text(&format!("{place}.message"), message);
            if item.kind == AdviceKind::Clause {
                report.push(format!("{place}.message"), Problem::MessageOnClause);
            }
        }
        if let Some(condition) = &item.show_if {
            validate_condition(bank, &format!("{place}.show_if"), condition, None, report);
        }
    }
}

/// A condition names an existing question asked before `before` (the question it guards, if
/// any) and choices that question has; it must be satisfiable.
fn validate_condition(
    bank: &Bank,
    place: &str,
    condition: &Condition,
    before: Option<usize>,
    report: &mut Report,
) {
    let Some(target) = bank.question_index(&condition.question) else {
        report.push(
            place,
            Problem::UnknownQuestion(condition.question.to_string()),
        );
        return;
    };
    if before.is_some_and(|before| target >= before) {
        report.push(
            place,
            Problem::ConditionNotEarlier(condition.question.to_string()),
        );
        return;
    }
    let count = bank.questions[target].choices.len();
    for &choice in condition.choices.iter() {
        if usize::from(choice) >= count {
            report.push(place, Problem::ConditionChoiceMissing(choice));
        }
    }
    let some_choice_exists = condition.choices.iter().any(|&c| usize::from(c) < count);
    if !can_be_shown(bank, target) || !some_choice_exists {
        report.push(place, Problem::UnreachableQuestion);
    }
}

/// Whether some answers show question `q`: its condition's question can be shown and names at
/// least one of its choices. Conditions only point back, so this ends.
#[must_use]
pub fn can_be_shown(bank: &Bank, q: usize) -> bool {
    let Some(question) = bank.questions.get(q) else {
        return false;
    };
    let Some(condition) = &question.show_if else {
        return true;
    };
    match bank.question_index(&condition.question) {
        Some(target) if target < q => {
            let count = bank.questions[target].choices.len();
            condition.choices.iter().any(|&c| usize::from(c) < count) && can_be_shown(bank, target)
        }
        _ => false,
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
        if let Some(condition) = &question.show_if {
            validate_condition(
                bank,
                &format!("{place}.show_if"),
                condition,
                Some(qi),
                report,
            );
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

/// Everything declared is used: every flag is raised by some choice, and every advice item is
/// named by an outcome or a flag.
fn validate_usage(bank: &Bank, report: &mut Report) {
    for (i, flag) in bank.flags.iter().enumerate() {
        let raised = bank
            .questions
            .iter()
            .flat_map(|q| q.choices.iter())
            .any(|c| c.flags.contains(&flag.id));
        if !raised {
            report.push(
                format!("flags[{i}] {:?}", flag.id),
                Problem::UnusedFlag(flag.id.to_string()),
            );
        }
    }
    for (i, item) in bank.advice.iter().enumerate() {
        let named = bank
            .outcomes
            .iter()
            .flat_map(|o| o.advice.iter())
            .chain(bank.flags.iter().flat_map(|f| f.advice.iter()))
            .any(|id| *id == item.id);
        if !named {
            report.push(
                format!("advice[{i}] {:?}", item.id),
                Problem::UnusedAdvice(item.id.to_string()),
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
