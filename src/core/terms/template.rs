//! The agreement template's model and its validator.
//!
//! The template is data (`data/terms/clauses.toml`): the document's fixed parts, every clause
//! with its title, its one-line explanation for the form, its paragraphs and its line of the
//! client summary, the words of the choice fields, the form's labels, and which clauses a quiz
//! result switches on, all in both languages. `build.rs` validates it with this module and bakes
//! it into statics, so a mistake stops the build (with its place) and the wasm parses nothing.
//!
//! Unlike the quiz banks, both languages stay in the binary: a bilingual agreement shows them
//! side by side, and only the work-terms page links this module.
//!
//! This file is also compiled into `build.rs` (via `#[path]`), so it depends only on
//! `super::fields` and external crates.

use super::fields::{Kind, FIELDS};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

pub type Str = Cow<'static, str>;
pub type List<T> = Cow<'static, [T]>;

/// The fit check asks 5 to 8 questions.
pub const FIT_MIN_QUESTIONS: usize = 5;
pub const FIT_MAX_QUESTIONS: usize = 8;

/// Clause codes are bits of a `u64` in links.
pub const MAX_CLAUSE_CODE: u8 = 63;
/// The client summary has 5 to 8 lines: a heading, a closing line, and 3 to 6 in between.
pub const SUMMARY_MIN_LINES: usize = 5;
pub const SUMMARY_MAX_LINES: usize = 8;

/// One text in Indonesian and English. Both stay in the binary (see the module comment).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bi {
    #[serde(default)]
    pub id: Str,
    #[serde(default)]
    pub en: Str,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub parts: Parts,
    /// Monday to Sunday.
    pub weekdays: List<Bi>,
    /// The words of each choice field's options, in option order.
    #[serde(deserialize_with = "choices_from_table")]
    pub choices: List<ChoiceWords>,
    /// The form's label of every field.
    #[serde(deserialize_with = "labels_from_table")]
    pub labels: List<Label>,
    /// The numbered clauses, in document order.
    pub clauses: List<Clause>,
    /// The clause only a bilingual document has, naming the text that prevails; numbered last.
    pub language_clause: Clause,
    /// Which clauses a `tipe-klien` result switches on.
    #[serde(default)]
    pub recommend: List<Rule>,
    /// The work-terms page's own words.
    pub page: PageTexts,
    /// The fit check a prospect answers against the provider's terms.
    pub fit: FitCheck,
}

/// The fit check: short questions about a prospect's own expectations, and the rules that
/// compare each answer with the provider's terms.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitCheck {
    pub questions: List<FitQuestion>,
    pub rules: List<FitRule>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitQuestion {
    pub id: Str,
    pub text: Bi,
    pub choices: List<FitChoice>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitChoice {
    pub id: Str,
    pub text: Bi,
}

/// How far an answer is from the terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fit {
    /// Nothing to change.
    Fits,
    /// Workable once something is agreed (a paid tier, an extra package, a trial…).
    Adjust,
    /// The terms and the expectation cannot meet.
    No,
}

/// A mismatch: when the prospect picks one of `choices` for `question` and the terms meet the
/// conditions, the answer touches the clause `term`, and `way` says how to go on.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitRule {
    pub question: Str,
    pub choices: List<Str>,
    /// A field (number, money or switch) that must be set (not 0, on).
    #[serde(default)]
    pub if_set: Option<Str>,
    /// A field that must not be set.
    #[serde(default)]
    pub unless_set: Option<Str>,
    /// A number field that must be above `above_value`.
    #[serde(default)]
    pub above: Option<Str>,
    #[serde(default)]
    pub above_value: u16,
    /// A number field that must be below `below_value`.
    #[serde(default)]
    pub below: Option<Str>,
    #[serde(default)]
    pub below_value: u16,
    /// A clause that must be switched on.
    #[serde(default)]
    pub if_clause: Option<Str>,
    #[serde(default)]
    pub unless_clause: Option<Str>,
    pub fit: Fit,
    /// The clause whose title names the term the answer touches.
    pub term: Str,
    /// A constructive way forward, with the terms' numbers (never their free text).
    pub way: Bi,
}

/// Declares the page's texts once: the struct (every text required, no unknown ones) and the
/// list the validator and `build.rs` walk.
macro_rules! page_texts {
    ($($name:ident),* $(,)?) => {
        /// The work-terms page's words: its form, buttons and messages, in both languages.
        #[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct PageTexts {
            $(pub $name: Bi,)*
        }

        impl PageTexts {
            /// Every text with its name.
            #[must_use]
            pub fn entries(&self) -> Vec<(&'static str, &Bi)> {
                vec![$((stringify!($name), &self.$name),)*]
            }
        }
    };
}

page_texts!(
    heading,
    lead,
    not_advice,
    from_result,
    back_to_quiz,
    other_language,
    form,
    parties,
    signing,
    doc_language,
    doc_lang_id,
    doc_lang_en,
    doc_lang_both,
    prevailing_caution,
    include_clause,
    clause_left_out,
    characters,
    preview,
    send,
    print,
    copy_text,
    download_txt,
    download_md,
    summary,
    summary_explain,
    copy_summary,
    link,
    link_explain,
    copy_link,
    fix_first,
    copied,
    copy_failed,
    file,
    file_explain,
    export_json,
    import_json,
    imported,
    import_unreadable,
    import_rejected,
    too_long,
    line_break,
    control_character,
    out_of_range,
    ends_before_start,
    unknown_outcome,
    not_a_number,
    wrong_kind,
    preview_not_ready,
    device,
    remember,
    remember_explain,
    forget,
    forget_question,
    forget_yes,
    forget_no,
    forgotten,
    storage_unavailable,
    stored_unreadable,
    link_foreign,
    link_newer,
    link_malformed,
    link_changed,
    link_too_long,
    link_invalid,
    link_way_forward,
    fit,
    fit_explain,
    fit_where,
    copy_fit_link,
    fit_from,
    fit_lead,
    fit_terms,
    fit_start,
    fit_question,
    fit_of,
    fit_next,
    fit_back,
    fit_see_result,
    fit_fits,
    fit_adjust,
    fit_no,
    fit_way,
    fit_send,
    fit_send_explain,
    fit_share,
    copy_answers,
    copy_message,
    fit_message,
    fit_change,
    answers_title,
    answers_lead,
    answers_reply,
    copy_reply,
    reply_fits,
    reply_adjust,
    reply_no,
    reply_close,
);

/// The document's fixed texts.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parts {
    pub title: Bi,
    /// The form's one-line explanation of the parties section.
    pub parties_explain: Bi,
    pub intro: Bi,
    /// The provider's line in the preamble (names its fields).
    pub provider: Bi,
    pub client: Bi,
    /// Leads from the parties to the numbered clauses.
    pub agree: Bi,
    pub closing: Bi,
    /// The form's one-line explanation of the place and date.
    pub signing_explain: Bi,
    pub place_date: Bi,
    pub provider_role: Bi,
    pub client_role: Bi,
    /// The room left for a stamp duty seal (never claimed to be required).
    pub stamp: Bi,
    /// The form's one-line explanation of the document language choice.
    pub language_explain: Bi,
    pub summary_title: Bi,
    pub summary_closing: Bi,
    /// Lines that fill a summary of few clauses up to its minimum length.
    pub summary_extra: List<Bi>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceWords {
    pub field: Str,
    pub options: List<Bi>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub field: Str,
    pub text: Bi,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub id: Str,
    /// The clause's bit in share links: unique, at most `MAX_CLAUSE_CODE`, never reused.
    pub code: u8,
    /// Switched on in a new agreement.
    #[serde(default)]
    pub on: bool,
    pub title: Bi,
    /// The form's one-line explanation of this section.
    pub explain: Bi,
    /// The form fields of this section: exactly those its texts and conditions use.
    #[serde(default)]
    pub fields: List<Str>,
    pub paragraphs: List<Paragraph>,
    /// The client summary's line for this clause: the first whose condition holds.
    #[serde(default)]
    pub summary: List<Paragraph>,
    /// Summary lines are kept in this order of importance when there are too many (lower first).
    #[serde(default)]
    pub summary_rank: u8,
}

/// A text shown only when its condition holds (`when`: the field is set; `unless`: it is not).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub text: Bi,
    #[serde(default)]
    pub when: Option<Str>,
    #[serde(default)]
    pub unless: Option<Str>,
}

/// `outcome` (with the note the page shows) or `flag` switches on `clauses` and the switch
/// fields in `switch_on`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    #[serde(default)]
    pub outcome: Option<Str>,
    #[serde(default)]
    pub flag: Option<Str>,
    #[serde(default)]
    pub note: Option<Bi>,
    pub clauses: List<Str>,
    #[serde(default)]
    pub switch_on: List<Str>,
}

fn choices_from_table<'de, D>(deserializer: D) -> Result<List<ChoiceWords>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let table = BTreeMap::<String, Vec<Bi>>::deserialize(deserializer)?;
    Ok(table
        .into_iter()
        .map(|(field, options)| ChoiceWords {
            field: Cow::Owned(field),
            options: options.into(),
        })
        .collect::<Vec<_>>()
        .into())
}

fn labels_from_table<'de, D>(deserializer: D) -> Result<List<Label>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let table = BTreeMap::<String, Bi>::deserialize(deserializer)?;
    Ok(table
        .into_iter()
        .map(|(field, text)| Label {
            field: Cow::Owned(field),
            text,
        })
        .collect::<Vec<_>>()
        .into())
}

impl Bi {
    #[must_use]
    pub fn get(&self, english: bool) -> &str {
        if english {
            &self.en
        } else {
            &self.id
        }
    }
}

impl Template {
    #[must_use]
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.iter().find(|clause| clause.id == id)
    }

    /// The words of option `index` of the choice field `field`.
    #[must_use]
    pub fn choice(&self, field: &str, index: usize) -> Option<&Bi> {
        self.choices
            .iter()
            .find(|choice| choice.field == field)
            .and_then(|choice| choice.options.get(index))
    }

    #[must_use]
    pub fn label(&self, field: &str) -> Option<&Bi> {
        self.labels
            .iter()
            .find(|label| label.field == field)
            .map(|label| &label.text)
    }
}

/// One mistake in the template, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    /// A path such as `clauses[3] "revisi".paragraphs[1].text`, or a line and column.
    pub place: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Syntax(String),
    /// `"id"` or `"en"` is empty.
    MissingLanguage(&'static str),
    BadId(String),
    DuplicateId(String),
    DuplicateCode(u8),
    CodeTooLarge(u8),
    /// A `{name}` that is no field.
    UnknownPlaceholder(String),
    /// A `{` without its `}`, or braces inside a placeholder.
    UnclosedPlaceholder,
    /// The two languages use different placeholders.
    PlaceholdersDiffer {
        id: Vec<String>,
        en: Vec<String>,
    },
    /// A switch only decides `when` / `unless`; it has no words to print.
    SwitchAsPlaceholder(String),
    /// The client summary never shows the user's free text (it may hold contact details).
    FreeTextInSummary(String),
    UnknownField(String),
    /// A field the section uses but does not list in `fields`.
    UnlistedField(String),
    /// A field listed in `fields` that none of the section's texts or conditions use.
    FieldNotUsedBySection(String),
    /// A field no clause and no part uses.
    UnusedField(String),
    /// Every paragraph has a condition that can be false together: the clause could be empty.
    CanBeEmpty,
    /// `when` and `unless` on one paragraph.
    TwoConditions,
    /// Two clauses with summary lines share a rank.
    DuplicateSummaryRank(u8),
    WrongCount {
        expected: usize,
        found: usize,
    },
    /// A choice field without words, or words for a field that is not a choice.
    NotAChoice(String),
    MissingChoiceWords(String),
    MissingLabel(String),
    UnknownClause(String),
    /// `switch_on` names a field that is not a switch.
    NotASwitch(String),
    /// A rule needs exactly one of `outcome` and `flag`, and an outcome rule a note.
    BadRule,
    /// Cross-checked against the quiz bank by build.rs.
    UnknownOutcome(String),
    UnknownFlag(String),
    /// A fit rule names a question the fit check does not have.
    UnknownQuestion(String),
    /// A fit rule names a choice its question does not have.
    UnknownChoice(String),
    OutcomeWithoutRule(String),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.place)?;
        match &self.problem {
            Problem::Syntax(message) => write!(f, "syntax error: {message}"),
            Problem::MissingLanguage(lang) => write!(f, "missing the {lang} text"),
            Problem::BadId(id) => write!(
                f,
                "id {id:?} must be 1-32 characters of a-z, 0-9 and '-', starting with a letter"
            ),
            Problem::DuplicateId(id) => write!(f, "id {id:?} is used more than once"),
            Problem::DuplicateCode(code) => write!(f, "code {code} is used more than once"),
            Problem::CodeTooLarge(code) => {
                write!(f, "code {code} is above {MAX_CLAUSE_CODE}")
            }
            Problem::UnknownPlaceholder(name) => write!(f, "unknown placeholder {{{name}}}"),
            Problem::UnclosedPlaceholder => write!(f, "a '{{' without its '}}'"),
            Problem::PlaceholdersDiffer { id, en } => write!(
                f,
                "the languages use different placeholders: id {id:?}, en {en:?}"
            ),
            Problem::SwitchAsPlaceholder(name) => write!(
                f,
                "{{{name}}} is a switch: use it in `when` or `unless`, not in the text"
            ),
            Problem::FreeTextInSummary(name) => write!(
                f,
                "{{{name}}} is the user's free text, which the client summary never shows"
            ),
            Problem::UnknownField(name) => write!(f, "unknown field {name:?}"),
            Problem::UnlistedField(name) => {
                write!(f, "uses field {name:?} but does not list it in `fields`")
            }
            Problem::FieldNotUsedBySection(name) => {
                write!(f, "lists field {name:?} but no text or condition uses it")
            }
            Problem::UnusedField(name) => write!(f, "field {name:?} is used by no clause"),
            Problem::CanBeEmpty => write!(
                f,
                "every paragraph has a condition, so the clause can end up empty"
            ),
            Problem::TwoConditions => write!(f, "a paragraph has both `when` and `unless`"),
            Problem::DuplicateSummaryRank(rank) => {
                write!(f, "summary_rank {rank} is used by more than one clause")
            }
            Problem::WrongCount { expected, found } => {
                write!(f, "has {found} entries; expected {expected}")
            }
            Problem::NotAChoice(name) => write!(f, "field {name:?} is not a choice"),
            Problem::MissingChoiceWords(name) => {
                write!(f, "choice field {name:?} has no words in [choices]")
            }
            Problem::MissingLabel(name) => write!(f, "field {name:?} has no label"),
            Problem::UnknownClause(id) => write!(f, "unknown clause {id:?}"),
            Problem::NotASwitch(name) => write!(f, "field {name:?} is not a switch"),
            Problem::BadRule => write!(
                f,
                "a rule names exactly one of `outcome` (with a `note`) and `flag`"
            ),
            Problem::UnknownOutcome(id) => write!(f, "the quiz has no outcome {id:?}"),
            Problem::UnknownFlag(id) => write!(f, "the quiz has no flag {id:?}"),
            Problem::UnknownQuestion(id) => write!(f, "the fit check has no question {id:?}"),
            Problem::UnknownChoice(id) => write!(f, "the question has no choice {id:?}"),
            Problem::OutcomeWithoutRule(id) => {
                write!(f, "the quiz's outcome {id:?} has no rule")
            }
        }
    }
}

/// Parses and validates a template. Native only: the browser gets the statics build.rs writes.
///
/// # Errors
///
/// Every mistake found, each with its place: one syntax error, or all validation errors.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(source: &str) -> Result<Template, Vec<TemplateError>> {
    let template: Template = toml::from_str(source).map_err(|error| {
        let place = match error.span() {
            Some(span) => {
                let before = &source[..span.start.min(source.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                format!("line {line}, column {column}")
            }
            None => "file".to_string(),
        };
        vec![TemplateError {
            place,
            problem: Problem::Syntax(error.message().to_string()),
        }]
    })?;
    let errors = validate(&template);
    if errors.is_empty() {
        Ok(template)
    } else {
        Err(errors)
    }
}

/// The `{names}` in a text, in order of appearance; `Err` when a brace is not closed.
///
/// # Errors
///
/// `Problem::UnclosedPlaceholder` for a `{` without `}`, a `}` without `{`, or nested braces.
pub fn placeholders(text: &str) -> Result<Vec<&str>, Problem> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err(Problem::UnclosedPlaceholder);
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or(Problem::UnclosedPlaceholder)?;
        let name = &after[..close];
        if name.contains('{') {
            return Err(Problem::UnclosedPlaceholder);
        }
        found.push(name);
        rest = &after[close + 1..];
    }
    Ok(found)
}

fn is_valid_id(id: &str) -> bool {
    id.len() <= 32
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn kind_of(name: &str) -> Option<Kind> {
    FIELDS
        .iter()
        .find(|spec| spec.name == name)
        .map(|spec| spec.kind)
}

/// Collects every mistake rather than stopping at the first, so an author fixes the template in
/// one pass.
#[must_use]
pub fn validate(template: &Template) -> Vec<TemplateError> {
    let mut report = Report::default();
    validate_parts(template, &mut report);
    validate_clauses(template, &mut report);
    validate_words(template, &mut report);
    validate_rules(template, &mut report);
    for (name, text) in template.page.entries() {
        report.text(&format!("page.{name}"), text, Usage::Words);
    }
    validate_fit(template, &mut report);
    for spec in FIELDS {
        if !report.used.contains(spec.name) {
            report.push("fields", Problem::UnusedField(spec.name.to_string()));
        }
    }
    report.errors
}

fn validate_parts(template: &Template, report: &mut Report) {
    let parts = &template.parts;
    let named: [(&str, &Bi); 15] = [
        ("title", &parts.title),
        ("parties_explain", &parts.parties_explain),
        ("intro", &parts.intro),
        ("provider", &parts.provider),
        ("client", &parts.client),
        ("agree", &parts.agree),
        ("closing", &parts.closing),
        ("signing_explain", &parts.signing_explain),
        ("place_date", &parts.place_date),
        ("provider_role", &parts.provider_role),
        ("client_role", &parts.client_role),
        ("stamp", &parts.stamp),
        ("language_explain", &parts.language_explain),
        ("summary_title", &parts.summary_title),
        ("summary_closing", &parts.summary_closing),
    ];
    for (name, text) in named {
        let place = format!("parts.{name}");
        let used = report.text(&place, text, Usage::Document);
        report.used.extend(used);
    }
    // The summary must reach its minimum however few clauses are on.
    let needed = SUMMARY_MIN_LINES - 2;
    if parts.summary_extra.len() < needed {
        report.push(
            "parts.summary_extra",
            Problem::WrongCount {
                expected: needed,
                found: parts.summary_extra.len(),
            },
        );
    }
    for (i, text) in parts.summary_extra.iter().enumerate() {
        report.text(&format!("parts.summary_extra[{i}]"), text, Usage::Summary);
    }
    if template.weekdays.len() != 7 {
        report.push(
            "weekdays",
            Problem::WrongCount {
                expected: 7,
                found: template.weekdays.len(),
            },
        );
    }
    for (i, day) in template.weekdays.iter().enumerate() {
        report.text(&format!("weekdays[{i}]"), day, Usage::Words);
    }
}

fn validate_clauses(template: &Template, report: &mut Report) {
    let mut ids = BTreeSet::new();
    let mut codes = BTreeSet::new();
    let mut ranks = BTreeSet::new();
    let all = template
        .clauses
        .iter()
        .enumerate()
        .map(|(i, clause)| (format!("clauses[{i}] {:?}", clause.id), clause))
        .chain([("language_clause".to_string(), &template.language_clause)]);
    for (place, clause) in all {
        if !is_valid_id(&clause.id) {
            report.push(format!("{place}.id"), Problem::BadId(clause.id.to_string()));
        }
        if !ids.insert(clause.id.to_string()) {
            report.push(&place, Problem::DuplicateId(clause.id.to_string()));
        }
        if clause.code > MAX_CLAUSE_CODE {
            report.push(format!("{place}.code"), Problem::CodeTooLarge(clause.code));
        } else if !codes.insert(clause.code) {
            report.push(format!("{place}.code"), Problem::DuplicateCode(clause.code));
        }
        if !clause.summary.is_empty() && !ranks.insert(clause.summary_rank) {
            report.push(
                format!("{place}.summary_rank"),
                Problem::DuplicateSummaryRank(clause.summary_rank),
            );
        }
        report.text(&format!("{place}.title"), &clause.title, Usage::Words);
        report.text(&format!("{place}.explain"), &clause.explain, Usage::Words);
        let mut used = BTreeSet::new();
        used.extend(report.paragraphs(
            &format!("{place}.paragraphs"),
            &clause.paragraphs,
            Usage::Document,
        ));
        if clause.paragraphs.is_empty() {
            report.push(format!("{place}.paragraphs"), Problem::CanBeEmpty);
        }
        used.extend(report.paragraphs(
            &format!("{place}.summary"),
            &clause.summary,
            Usage::Summary,
        ));
        let listed: BTreeSet<String> = clause.fields.iter().map(ToString::to_string).collect();
        for name in &listed {
            if kind_of(name).is_none() {
                report.push(
                    format!("{place}.fields"),
                    Problem::UnknownField(name.clone()),
                );
            } else if !used.contains(name) {
                report.push(
                    format!("{place}.fields"),
                    Problem::FieldNotUsedBySection(name.clone()),
                );
            }
        }
        for name in &used {
            if !listed.contains(name) && kind_of(name).is_some() {
                report.push(
                    format!("{place}.fields"),
                    Problem::UnlistedField(name.clone()),
                );
            }
        }
        report.used.extend(listed);
    }
}

fn validate_words(template: &Template, report: &mut Report) {
    for choice in template.choices.iter() {
        let place = format!("choices.{}", choice.field);
        match kind_of(&choice.field) {
            Some(Kind::Choice { count }) => {
                if choice.options.len() != usize::from(count) {
                    report.push(
                        &place,
                        Problem::WrongCount {
                            expected: usize::from(count),
                            found: choice.options.len(),
                        },
                    );
                }
            }
            _ => report.push(&place, Problem::NotAChoice(choice.field.to_string())),
        }
        for (j, option) in choice.options.iter().enumerate() {
            report.text(&format!("{place}[{j}]"), option, Usage::Words);
        }
    }
    for spec in FIELDS {
        if matches!(spec.kind, Kind::Choice { .. })
            && !template.choices.iter().any(|c| c.field == spec.name)
        {
            report.push(
                "choices",
                Problem::MissingChoiceWords(spec.name.to_string()),
            );
        }
        if template.label(spec.name).is_none() {
            report.push("labels", Problem::MissingLabel(spec.name.to_string()));
        }
    }
    for label in template.labels.iter() {
        let place = format!("labels.{}", label.field);
        if kind_of(&label.field).is_none() {
            report.push(&place, Problem::UnknownField(label.field.to_string()));
        }
        report.text(&place, &label.text, Usage::Words);
    }
}

fn validate_rules(template: &Template, report: &mut Report) {
    for (i, rule) in template.recommend.iter().enumerate() {
        let place = format!("recommend[{i}]");
        let well_formed = match (&rule.outcome, &rule.flag) {
            (Some(_), None) => rule.note.is_some(),
            (None, Some(_)) => rule.note.is_none(),
            _ => false,
        };
        if !well_formed {
            report.push(&place, Problem::BadRule);
        }
        if let Some(note) = &rule.note {
            report.text(&format!("{place}.note"), note, Usage::Words);
        }
        for id in rule.clauses.iter() {
            if template.clause(id).is_none() {
                report.push(
                    format!("{place}.clauses"),
                    Problem::UnknownClause(id.to_string()),
                );
            }
        }
        for name in rule.switch_on.iter() {
            match kind_of(name) {
                Some(Kind::Switch) => {}
                Some(_) => report.push(
                    format!("{place}.switch_on"),
                    Problem::NotASwitch(name.to_string()),
                ),
                None => report.push(
                    format!("{place}.switch_on"),
                    Problem::UnknownField(name.to_string()),
                ),
            }
        }
    }
}

fn validate_fit(template: &Template, report: &mut Report) {
    let fit = &template.fit;
    let mut ids = BTreeSet::new();
    for (i, question) in fit.questions.iter().enumerate() {
        let place = format!("fit.questions[{i}] {:?}", question.id);
        if !is_valid_id(&question.id) {
            report.push(&place, Problem::BadId(question.id.to_string()));
        }
        if !ids.insert(&*question.id) {
            report.push(&place, Problem::DuplicateId(question.id.to_string()));
        }
        report.text(&format!("{place}.text"), &question.text, Usage::Words);
        let mut choice_ids = BTreeSet::new();
        for (j, choice) in question.choices.iter().enumerate() {
            let place = format!("{place}.choices[{j}]");
            if !is_valid_id(&choice.id) || !choice_ids.insert(&*choice.id) {
                report.push(&place, Problem::BadId(choice.id.to_string()));
            }
            report.text(&format!("{place}.text"), &choice.text, Usage::Words);
        }
        if !(2..=9).contains(&question.choices.len()) {
            report.push(
                &place,
                Problem::WrongCount {
                    expected: 2,
                    found: question.choices.len(),
                },
            );
        }
    }
    if !(FIT_MIN_QUESTIONS..=FIT_MAX_QUESTIONS).contains(&fit.questions.len()) {
        report.push(
            "fit.questions",
            Problem::WrongCount {
                expected: FIT_MIN_QUESTIONS,
                found: fit.questions.len(),
            },
        );
    }
    for (i, rule) in fit.rules.iter().enumerate() {
        let place = format!("fit.rules[{i}]");
        match fit.questions.iter().find(|q| q.id == rule.question) {
            None => report.push(
                format!("{place}.question"),
                Problem::UnknownQuestion(rule.question.to_string()),
            ),
            Some(question) => {
                for choice in rule.choices.iter() {
                    if !question.choices.iter().any(|c| c.id == *choice) {
                        report.push(
                            format!("{place}.choices"),
                            Problem::UnknownChoice(choice.to_string()),
                        );
                    }
                }
            }
        }
        if rule.choices.is_empty() {
            report.push(
                format!("{place}.choices"),
                Problem::WrongCount {
                    expected: 1,
                    found: 0,
                },
            );
        }
        for (name, field) in [
            ("if_set", &rule.if_set),
            ("unless_set", &rule.unless_set),
            ("above", &rule.above),
            ("below", &rule.below),
        ] {
            let Some(field) = field else { continue };
            match kind_of(field) {
                None => report.push(
                    format!("{place}.{name}"),
                    Problem::UnknownField(field.to_string()),
                ),
                Some(Kind::Text { .. }) => report.push(
                    format!("{place}.{name}"),
                    Problem::FreeTextInSummary(field.to_string()),
                ),
                Some(_) => {}
            }
        }
        for (name, clause) in [
            ("if_clause", &rule.if_clause),
            ("unless_clause", &rule.unless_clause),
            ("term", &Some(rule.term.clone())),
        ] {
            if let Some(clause) = clause {
                if template.clause(clause).is_none() {
                    report.push(
                        format!("{place}.{name}"),
                        Problem::UnknownClause(clause.to_string()),
                    );
                }
            }
        }
        if rule.fit == Fit::Fits {
            report.push(format!("{place}.fit"), Problem::BadRule);
        }
        let used = report.text(&format!("{place}.way"), &rule.way, Usage::Summary);
        report.used.extend(used);
    }
}

/// Checks the rules against the quiz they read: every outcome and flag they name exists, and
/// every outcome has a rule (a result must always open the page with its note).
#[must_use]
pub fn check_rules(template: &Template, outcomes: &[&str], flags: &[&str]) -> Vec<TemplateError> {
    let mut report = Report::default();
    for (i, rule) in template.recommend.iter().enumerate() {
        let place = format!("recommend[{i}]");
        if let Some(outcome) = &rule.outcome {
            if !outcomes.contains(&&**outcome) {
                report.push(
                    format!("{place}.outcome"),
                    Problem::UnknownOutcome(outcome.to_string()),
                );
            }
        }
        if let Some(flag) = &rule.flag {
            if !flags.contains(&&**flag) {
                report.push(
                    format!("{place}.flag"),
                    Problem::UnknownFlag(flag.to_string()),
                );
            }
        }
    }
    for outcome in outcomes {
        if !template
            .recommend
            .iter()
            .any(|rule| rule.outcome.as_deref() == Some(*outcome))
        {
            report.push(
                "recommend",
                Problem::OutcomeWithoutRule((*outcome).to_string()),
            );
        }
    }
    report.errors
}

/// Where a text appears, which decides what its placeholders may name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Usage {
    /// Labels, titles, words: no placeholders.
    Words,
    /// The agreement: any field but a switch.
    Document,
    /// The client summary: no free text either.
    Summary,
}

#[derive(Default)]
struct Report {
    errors: Vec<TemplateError>,
    /// Fields some clause or part uses.
    used: BTreeSet<String>,
}

impl Report {
    fn push(&mut self, place: impl Into<String>, problem: Problem) {
        self.errors.push(TemplateError {
            place: place.into(),
            problem,
        });
    }

    /// Checks both languages and their placeholders; returns the field names used.
    fn text(&mut self, place: &str, text: &Bi, usage: Usage) -> BTreeSet<String> {
        let mut used = BTreeSet::new();
        for (lang, side) in [("id", &text.id), ("en", &text.en)] {
            if side.trim().is_empty() {
                self.push(place, Problem::MissingLanguage(lang));
            }
        }
        let (id, en) = match (placeholders(&text.id), placeholders(&text.en)) {
            (Ok(id), Ok(en)) => (id, en),
            (Err(problem), _) | (_, Err(problem)) => {
                self.push(place, problem);
                return used;
            }
        };
        let id_set: BTreeSet<&str> = id.iter().copied().collect();
        let en_set: BTreeSet<&str> = en.iter().copied().collect();
        if id_set != en_set {
            self.push(
                place,
                Problem::PlaceholdersDiffer {
                    id: id_set.iter().map(ToString::to_string).collect(),
                    en: en_set.iter().map(ToString::to_string).collect(),
                },
            );
        }
        for name in id_set.union(&en_set) {
            let problem = match (kind_of(name), usage) {
                (None, _) | (Some(_), Usage::Words) => {
                    Some(Problem::UnknownPlaceholder((*name).to_string()))
                }
                (Some(Kind::Switch), _) => Some(Problem::SwitchAsPlaceholder((*name).to_string())),
                (Some(Kind::Text { .. }), Usage::Summary) => {
                    Some(Problem::FreeTextInSummary((*name).to_string()))
                }
                _ => None,
            };
            match problem {
                Some(problem) => self.push(place, problem),
                None => {
                    used.insert((*name).to_string());
                }
            }
        }
        used
    }

    /// Checks a list of conditional texts; returns the field names used.
    fn paragraphs(
        &mut self,
        place: &str,
        paragraphs: &[Paragraph],
        usage: Usage,
    ) -> BTreeSet<String> {
        let mut used = BTreeSet::new();
        let mut whens = BTreeSet::new();
        let mut unlesses = BTreeSet::new();
        let mut unconditional = false;
        for (i, paragraph) in paragraphs.iter().enumerate() {
            let here = format!("{place}[{i}]");
            used.extend(self.text(&format!("{here}.text"), &paragraph.text, usage));
            match (&paragraph.when, &paragraph.unless) {
                (Some(_), Some(_)) => self.push(&here, Problem::TwoConditions),
                (None, None) => unconditional = true,
                _ => {}
            }
            for (name, seen) in [
                (&paragraph.when, &mut whens),
                (&paragraph.unless, &mut unlesses),
            ] {
                if let Some(name) = name {
                    if kind_of(name).is_some() {
                        used.insert(name.to_string());
                        seen.insert(name.to_string());
                    } else {
                        self.push(&here, Problem::UnknownField(name.to_string()));
                    }
                }
            }
        }
        // Non-empty whatever the values: an unconditional text, or a field with a text for
        // each of its states.
        if !paragraphs.is_empty() && !unconditional && whens.is_disjoint(&unlesses) {
            self.push(place, Problem::CanBeEmpty);
        }
        used
    }
}
