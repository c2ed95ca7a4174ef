//! Work terms: the provider's own numbers turned into a bilingual draft agreement, a plain-text
//! and Markdown copy, a short summary for the client, and a link that reopens the same terms.
//!
//! - `fields`: the form's fields (kinds, limits, defaults, link tags);
//! - `template`: the clauses as data (`data/terms/clauses.toml`, baked in as `TEMPLATE`);
//! - `render`: `render`, `to_plain_text`, `to_markdown`, `client_summary`, `format_rupiah`;
//! - `link`: the `t1.` fragment codec;
//! - `page`: the work-terms page's state and reducer; `form` and `sections`: its markup;
//! - `json`: the terms as a JSON file's value tree (parsed by the browser);
//! - `fit`: the fit check, a prospect's answers against the terms.
//!
//! Only the work-terms page uses this module; nothing in the quiz refers to it, so the quiz's
//! wasm does not carry it.

pub mod fields;
pub mod fit;
pub mod fit_view;
pub mod form;
pub mod json;
pub mod link;
pub mod page;
pub mod render;
pub mod sections;
pub mod template;

pub use fields::{FieldSpec, Fields, Kind, Value, FIELDS};
pub use render::{
    client_summary, format_rupiah, render, to_html, to_markdown, to_plain_text, DocClause,
    Document, Para, Signature, SignatureParty, Span,
};
pub use template::{Bi, Clause, Template};

use super::text::Lang;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
#[allow(unused_imports)]
use template::{
    ChoiceWords, Fit, FitCheck, FitChoice, FitQuestion, FitRule, Label, PageTexts, Paragraph,
    Parts, Rule,
};

include!(concat!(env!("OUT_DIR"), "/terms_template.rs"));

/// The agreement's language: one of the two, or both side by side with a clause naming the text
/// that prevails. Indonesian by default: Law 24/2009 asks for Bahasa Indonesia in agreements
/// with Indonesian parties, and a foreign-language text is safest beside an Indonesian one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocLang {
    #[default]
    Id,
    En,
    Both,
}

impl DocLang {
    pub const ALL: [DocLang; 3] = [DocLang::Id, DocLang::En, DocLang::Both];

    /// The language's name in the page's form and in JSON files.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            DocLang::Id => "id",
            DocLang::En => "en",
            DocLang::Both => "both",
        }
    }

    /// The one with this code.
    #[must_use]
    pub fn from_code(code: &str) -> Option<DocLang> {
        DocLang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The document's columns, in order.
    #[must_use]
    pub fn langs(self) -> &'static [Lang] {
        match self {
            DocLang::Id => &[Lang::Id],
            DocLang::En => &[Lang::En],
            DocLang::Both => &[Lang::Id, Lang::En],
        }
    }
}

/// The kind of the field called `name`.
fn spec_kind(name: &str) -> Option<Kind> {
    fields::spec(name).map(|spec| spec.kind)
}

/// A template text in one language.
#[must_use]
pub fn text(bi: &Bi, lang: Lang) -> &str {
    bi.get(lang == Lang::En)
}

/// Which clauses are switched on, as bits by clause `code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClauseSet(u64);

impl Default for ClauseSet {
    /// The clauses a new agreement starts with (`on = true` in the template).
    fn default() -> ClauseSet {
        let mut set = ClauseSet::EMPTY;
        for clause in TEMPLATE.clauses.iter().filter(|clause| clause.on) {
            set.0 |= 1 << clause.code;
        }
        set
    }
}

impl ClauseSet {
    pub const EMPTY: ClauseSet = ClauseSet(0);

    /// Every switchable clause.
    #[must_use]
    pub fn all() -> ClauseSet {
        ClauseSet(known_bits())
    }

    /// The bits as a link carries them.
    #[must_use]
    pub fn bits(self) -> u64 {
        self.0
    }

    /// `None` when a bit names no clause of this template (a link from a newer version).
    #[must_use]
    pub fn from_bits(bits: u64) -> Option<ClauseSet> {
        (bits & !known_bits() == 0).then_some(ClauseSet(bits))
    }

    #[must_use]
    pub fn contains(self, id: &str) -> bool {
        TEMPLATE
            .clause(id)
            .is_some_and(|clause| self.0 & (1 << clause.code) != 0)
    }

    /// Switches a clause on or off; `false` when there is no clause `id`.
    pub fn set(&mut self, id: &str, on: bool) -> bool {
        let Some(clause) = TEMPLATE.clause(id) else {
            return false;
        };
        if on {
            self.0 |= 1 << clause.code;
        } else {
            self.0 &= !(1 << clause.code);
        }
        true
    }

    /// The clauses switched on, in document order.
    pub fn clauses(self) -> impl Iterator<Item = &'static Clause> {
        TEMPLATE
            .clauses
            .iter()
            .filter(move |clause| self.0 & (1 << clause.code) != 0)
    }
}

fn known_bits() -> u64 {
    TEMPLATE
        .clauses
        .iter()
        .fold(0, |bits, clause| bits | 1 << clause.code)
}

/// JSON carries clause ids, not bits: readable, and independent of the link's numbering.
impl Serialize for ClauseSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.clauses().map(|clause| &*clause.id))
    }
}

impl<'de> Deserialize<'de> for ClauseSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ClauseSet, D::Error> {
        let ids = Vec::<Cow<'de, str>>::deserialize(deserializer)?;
        let mut set = ClauseSet::EMPTY;
        for id in &ids {
            if !set.set(id, true) {
                return Err(serde::de::Error::custom(format_args!(
                    "unknown clause {id:?}"
                )));
            }
        }
        Ok(set)
    }
}

/// Everything the page edits, the link carries and the JSON export holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Terms {
    pub lang: DocLang,
    pub clauses: ClauseSet,
    /// The `tipe-klien` outcome these terms were prepared from, for the page's note; never
    /// printed in the agreement.
    pub from_outcome: Option<String>,
    pub fields: Fields,
}

/// One value outside what its field accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// A field name of `FIELDS`, or `"from_outcome"`.
    pub field: &'static str,
    pub problem: FieldProblem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    TooLong {
        max: usize,
        found: usize,
    },
    /// A line break in a one-line field.
    LineBreak,
    /// A control or bidirectional-override character, which could hide or reorder text.
    ControlCharacter,
    OutOfRange {
        min: u64,
        max: u64,
    },
    /// Working hours that end before they start.
    EndsBeforeStart,
    /// An outcome no recommendation names.
    UnknownOutcome,
    /// A value of another kind than the field's (text for a number, say), in an imported file.
    WrongKind,
    /// Typed into a number field: not a whole number (letters, cents, a minus sign, nothing).
    NotANumber,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: ", self.field)?;
        match &self.problem {
            FieldProblem::TooLong { max, found } => {
                write!(f, "{found} characters; at most {max}")
            }
            FieldProblem::LineBreak => f.write_str("must be a single line"),
            FieldProblem::ControlCharacter => f.write_str("contains a control character"),
            FieldProblem::OutOfRange { min, max } => write!(f, "must be from {min} to {max}"),
            FieldProblem::EndsBeforeStart => f.write_str("must be later than the start"),
            FieldProblem::UnknownOutcome => f.write_str("not an outcome of the quiz"),
            FieldProblem::WrongKind => f.write_str("holds the wrong kind of value"),
            FieldProblem::NotANumber => f.write_str("is not a whole number"),
        }
    }
}

/// Characters that would let text hide or reorder what is printed around it: controls (a line
/// break only where a field allows it) and the bidirectional overrides and isolates.
fn is_hostile(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The range a numeric kind accepts.
#[must_use]
pub fn range(kind: Kind) -> Option<(u64, u64)> {
    match kind {
        Kind::Money => Some((0, fields::MAX_RUPIAH)),
        Kind::Number { min, max } => Some((u64::from(min), u64::from(max))),
        Kind::Hour => Some((0, 24)),
        Kind::Days => Some((0, 0b111_1111)),
        Kind::Choice { count } => Some((0, u64::from(count).saturating_sub(1))),
        Kind::Text { .. } | Kind::Switch => None,
    }
}

/// Every value outside its field's limits, each named by its field (for the form and for JSON
/// import). Terms without errors render, encode and decode exactly.
#[must_use]
pub fn validate(terms: &Terms) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (spec, value) in FIELDS.iter().zip(terms.fields.values()) {
        let problem = match (spec.kind, value) {
            (Kind::Text { max, multiline }, Value::Text(text)) => {
                let found = text.chars().count();
                if found > max {
                    Some(FieldProblem::TooLong { max, found })
                } else if text.contains('\n') && !multiline {
                    Some(FieldProblem::LineBreak)
                } else if text.chars().any(|c| c != '\n' && is_hostile(c)) {
                    Some(FieldProblem::ControlCharacter)
                } else {
                    None
                }
            }
            (kind, Value::Number(n)) => range(kind)
                .filter(|&(min, max)| n < min || n > max)
                .map(|(min, max)| FieldProblem::OutOfRange { min, max }),
            _ => None,
        };
        if let Some(problem) = problem {
            errors.push(FieldError {
                field: spec.name,
                problem,
            });
        }
    }
    if terms.fields.hours_end <= terms.fields.hours_start {
        errors.push(FieldError {
            field: "hours_end",
            problem: FieldProblem::EndsBeforeStart,
        });
    }
    if let Some(outcome) = &terms.from_outcome {
        if outcome_note(outcome).is_none() {
            errors.push(FieldError {
                field: "from_outcome",
                problem: FieldProblem::UnknownOutcome,
            });
        }
    }
    errors
}

/// `input` as a text field of `max` characters keeps it: Windows line ends and stray controls
/// removed, line breaks dropped from one-line fields, cut at the limit. For the form, so a
/// paste never produces an invalid value.
#[must_use]
pub fn clean_text(input: &str, kind: Kind) -> String {
    let Kind::Text { max, multiline } = kind else {
        return String::new();
    };
    input
        .replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\n' && !multiline { ' ' } else { c })
        .filter(|&c| c == '\n' || !is_hostile(c))
        .take(max)
        .collect()
}

/// The note a `tipe-klien` outcome's terms open with.
#[must_use]
pub fn outcome_note(outcome: &str) -> Option<&'static Bi> {
    TEMPLATE
        .recommend
        .iter()
        .find(|rule| rule.outcome.as_deref() == Some(outcome))
        .and_then(|rule| rule.note.as_ref())
}

/// The rules that apply to a quiz result: its outcome's and each raised flag's.
fn rules_for<'a>(
    outcome: &'a str,
    flags: &'a [&'a str],
) -> impl Iterator<Item = &'static Rule> + 'a {
    TEMPLATE.recommend.iter().filter(move |rule| {
        rule.outcome.as_deref() == Some(outcome)
            || rule
                .flag
                .as_deref()
                .is_some_and(|flag| flags.contains(&flag))
    })
}

/// The clauses a `tipe-klien` result switches on: the default ones plus those its outcome and
/// flags recommend (the `[[recommend]]` rules of the template). Unknown ids add nothing.
#[must_use]
pub fn recommended_clauses(outcome: &str, flags: &[&str]) -> ClauseSet {
    let mut set = ClauseSet::default();
    for rule in rules_for(outcome, flags) {
        for id in rule.clauses.iter() {
            set.set(id, true);
        }
    }
    set
}

/// New terms for a `tipe-klien` result: the recommended clauses and switches on, and the
/// outcome noted when the quiz has it.
#[must_use]
pub fn terms_for_result(outcome: &str, flags: &[&str]) -> Terms {
    let mut terms = Terms {
        clauses: recommended_clauses(outcome, flags),
        from_outcome: outcome_note(outcome).map(|_| outcome.to_string()),
        ..Terms::default()
    };
    for rule in rules_for(outcome, flags) {
        for name in rule.switch_on.iter() {
            terms.fields.set(name, Value::Switch(true));
        }
    }
    terms
}
