//! The work-terms page's state and its one reducer: what the page shows, and every change the
//! reader can make, with no browser in sight (the page's effects read and write the address,
//! storage and files; this decides).

use super::fields::{spec, Kind, Value};
use super::link::{self, TermsLinkError};
use super::{
    clean_text, range, terms_for_result, validate, DocLang, FieldError, FieldProblem, Terms,
    TEMPLATE,
};
use crate::core::pages::result_of_terms_fragment;
use crate::core::text::Lang;

/// The storage key of the terms the provider asked this device to remember (as a `t1.` link).
pub const REMEMBERED_KEY: &str = "cek-klien.terms";

/// How the terms on screen came to be there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    /// A new, empty form.
    Fresh,
    /// From a quiz result: its recommended clauses are on.
    FromResult,
    /// From a work-terms link.
    FromLink,
    /// The terms this device remembers.
    Remembered,
    /// A link that could not be read: the form starts empty and says why.
    BadLink(TermsLinkError),
    /// Remembered terms that could not be read: the form starts empty and says so.
    BadRemembered,
}

/// A short message after an action, shown until the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    Copied(CopyTarget),
    CopyFailed(CopyTarget),
    Imported,
    ImportUnreadable,
    Forgotten,
    StorageUnavailable,
}

/// What a copy button copies; its message shows next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyTarget {
    Text,
    Summary,
    Link,
    /// The fit-check link for prospects.
    FitLink,
    /// A prospect's answers link.
    Answers,
    /// A prospect's message with that link.
    Message,
    /// The provider's suggested reply.
    Reply,
}

impl CopyTarget {
    pub const ALL: [CopyTarget; 7] = [
        CopyTarget::Text,
        CopyTarget::Summary,
        CopyTarget::Link,
        CopyTarget::FitLink,
        CopyTarget::Answers,
        CopyTarget::Message,
        CopyTarget::Reply,
    ];

    /// Its place in `ALL`, which is also where the page keeps the text it copies.
    #[must_use]
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// What the page is for: the provider's form, a prospect's fit check, or the provider reading
/// a prospect's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Terms,
    /// A prospect with the provider's `shared` terms (a fit link), their answers so far (one
    /// slot per question) and where they are.
    Fit {
        shared: Terms,
        answers: Vec<Option<u8>>,
        step: FitStep,
    },
    /// The provider with a prospect's answers (an answers link).
    Answers {
        shared: Terms,
        answers: Vec<u8>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FitStep {
    /// The terms in plain words, before the first question.
    Intro,
    Question(usize),
    Result,
}

/// What the page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermsPage {
    /// The page's own language (the agreement's is `terms.lang`).
    pub ui: Lang,
    pub terms: Terms,
    pub opened: Opened,
    /// Whether this device keeps the terms (the provider asked it to).
    pub remember: bool,
    /// The fields of a JSON file that was not opened, and why.
    pub rejected_import: Vec<FieldError>,
    pub notice: Option<Notice>,
    /// "Forget this device's data" waits for a yes.
    pub confirm_forget: bool,
    /// Counts the times the terms changed from outside the form (a file opened): the page
    /// rewrites the form's markup then, and only then (see `form`).
    pub form_generation: u32,
    pub mode: Mode,
    /// Number fields whose input holds something that is not a whole number: the terms keep
    /// the last number, and the field says why the typed one was not taken.
    pub not_numbers: Vec<&'static str>,
}

/// What the page starts from.
#[derive(Clone, Copy, Debug, Default)]
pub struct TermsStartup<'a> {
    /// The address's fragment, without `#`.
    pub fragment: &'a str,
    /// `?lang=`, else the language this device chose in the quiz, else the browser's.
    pub ui: Lang,
    /// The remembered terms (a `t1.` link), if this device keeps any.
    pub remembered: Option<&'a str>,
}

impl TermsPage {
    /// A fragment with a link wins over remembered terms (the reader opened that link);
    /// a damaged link never falls back to them either, so the message matches the form.
    #[must_use]
    pub fn start(startup: TermsStartup<'_>) -> TermsPage {
        let fresh = || Terms {
            // An English reader gets both texts: the Indonesian one is the one that counts for
            // an agreement with an Indonesian party.
            lang: if startup.ui == Lang::En {
                DocLang::Both
            } else {
                DocLang::Id
            },
            ..Terms::default()
        };
        let remember = startup.remembered.is_some();
        let mut mode = Mode::Terms;
        let mut fit_error = None;
        let fragment = link::repair(startup.fragment);
        if fragment.starts_with(link::FIT_FORMAT) {
            match link::decode_fit(&fragment) {
                Ok(shared) => {
                    mode = Mode::Fit {
                        shared,
                        answers: vec![None; super::fit::questions().len()],
                        step: FitStep::Intro,
                    };
                }
                Err(error) => fit_error = Some(error),
            }
        } else if fragment.starts_with(link::ANSWERS_FORMAT) {
            match link::decode_answers(&fragment) {
                Ok((shared, answers)) => mode = Mode::Answers { shared, answers },
                Err(error) => fit_error = Some(error),
            }
        }
        let (terms, opened) = if let Some(error) = fit_error {
            (fresh(), Opened::BadLink(error))
        } else if mode != Mode::Terms {
            (fresh(), Opened::FromLink)
        } else if let Some((outcome, flags)) = result_of_terms_fragment(startup.fragment) {
            let mut terms = terms_for_result(outcome, &flags);
            terms.lang = fresh().lang;
            (terms, Opened::FromResult)
        } else if !startup.fragment.trim().is_empty() {
            match link::decode(&fragment) {
                Ok(terms) => (terms, Opened::FromLink),
                Err(error) => (fresh(), Opened::BadLink(error)),
            }
        } else if let Some(stored) = startup.remembered {
            match link::decode(stored) {
                Ok(terms) => (terms, Opened::Remembered),
                Err(_) => (fresh(), Opened::BadRemembered),
            }
        } else {
            (fresh(), Opened::Fresh)
        };
        TermsPage {
            ui: startup.ui,
            terms,
            opened,
            remember,
            rejected_import: Vec::new(),
            notice: None,
            confirm_forget: false,
            form_generation: 0,
            mode,
            not_numbers: Vec::new(),
        }
    }

    /// Every value outside its field's limits (the form marks them; no link or file is made
    /// until there are none).
    #[must_use]
    pub fn errors(&self) -> Vec<FieldError> {
        let mut errors: Vec<FieldError> = self
            .not_numbers
            .iter()
            .map(|field| FieldError {
                field,
                problem: FieldProblem::NotANumber,
            })
            .collect();
        errors.extend(
            validate(&self.terms)
                .into_iter()
                .filter(|error| !self.not_numbers.contains(&error.field)),
        );
        errors
    }

    /// The terms as they would be with every field in error back at its default: what the
    /// address and the device keep while the reader fixes a field, so a reload loses only the
    /// value that could not be kept anyway.
    #[must_use]
    pub fn nearest_valid(&self) -> Terms {
        let mut terms = self.terms.clone();
        let defaults = super::Fields::default();
        for error in validate(&terms) {
            if let Some(value) = defaults.get(error.field) {
                terms.fields.set(error.field, value);
            }
        }
        if !validate(&terms).is_empty() {
            terms.fields.hours_start = defaults.hours_start;
            terms.fields.hours_end = defaults.hours_end;
        }
        terms
    }

    /// The link the address keeps: the terms', or the nearest valid ones' (see
    /// `nearest_valid`); none for a prospect's or an answers page.
    #[must_use]
    pub fn address_link(&self) -> Option<String> {
        (self.mode == Mode::Terms).then(|| link::encode(&self.nearest_valid()))
    }

    /// The terms' link fragment, when they are valid.
    #[must_use]
    pub fn link(&self) -> Option<String> {
        (self.mode == Mode::Terms && self.errors().is_empty()).then(|| link::encode(&self.terms))
    }

    /// What the device should hold under `REMEMBERED_KEY`: the link while remembering (and
    /// valid; invalid terms leave what was there), nothing otherwise.
    #[must_use]
    pub fn to_remember(&self) -> Remembered {
        match (self.remember, self.link()) {
            // A prospect's or an answers page never touches what the device keeps.
            _ if self.mode != Mode::Terms => Remembered::Unchanged,
            (false, _) => Remembered::Nothing,
            (true, Some(link)) => Remembered::Link(link),
            (true, None) => self
                .address_link()
                .map_or(Remembered::Unchanged, Remembered::Link),
        }
    }
}

/// What storage should hold for the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Remembered {
    Nothing,
    Link(String),
    /// Keep what is stored (the terms on screen cannot be written yet).
    Unchanged,
}

/// Every change the reader (or the page's effects) can make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TermsAction {
    Ui(Lang),
    /// Text as typed or pasted into a text field: cleaned to what the field keeps.
    Text {
        field: &'static str,
        typed: String,
    },
    /// Digits as typed into a number or money field; anything else leaves the field as it is
    /// (the input keeps showing what was typed until it is a number again).
    Number {
        field: &'static str,
        typed: String,
    },
    /// A choice or an hour picked from a list.
    Pick {
        field: &'static str,
        option: u64,
    },
    Switch {
        field: &'static str,
        on: bool,
    },
    /// One working day on or off (0 is Monday).
    Day {
        day: u8,
        on: bool,
    },
    Clause {
        id: &'static str,
        on: bool,
    },
    DocLang(DocLang),
    /// A JSON file, parsed: terms, or the fields it got wrong, or nothing readable.
    Import(Box<Result<Terms, ImportProblem>>),
    Remember(bool),
    /// Asks before forgetting.
    Forget,
    ForgetConfirmed,
    ForgetDeclined,
    Notice(Notice),
    /// The fit check: from the introduction to the first question.
    FitStart,
    /// The option picked for the question on screen.
    FitChoose(u8),
    /// On to the next question, or the result after the last.
    FitNext,
    /// Back a question, or to the introduction from the first.
    FitBack,
    /// From the result back to the first question, answers kept.
    FitChange,
}

/// Why a JSON file was not opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportProblem {
    /// Not JSON, or not shaped like terms.
    Unreadable,
    /// Shaped like terms, with these values outside their limits.
    Fields(Vec<FieldError>),
}

/// A count typed into a number field: digits only.
#[must_use]
pub fn parse_count(typed: &str) -> Option<u64> {
    let typed = typed.trim();
    if typed.is_empty() || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(typed.parse().unwrap_or(u64::MAX))
}

/// Rupiah as people type them: the currency and thousands separators of either convention
/// ignored (`Rp 1.500.000`, `1,500,000`, `1 500 000`), and zero cents too (`1.500.000,00`, as
/// invoices write them). `None` for anything else: letters, non-zero cents (rupiah are whole),
/// a sign, or nothing.
#[must_use]
pub fn parse_typed_number(typed: &str) -> Option<u64> {
    let typed = typed.trim();
    let typed = typed
        .strip_prefix("Rp")
        .or_else(|| typed.strip_prefix("rp"))
        .unwrap_or(typed)
        .trim_start_matches('.')
        .trim();
    // A separator followed by one or two digits at the end is a decimal part.
    let typed = match typed.rfind(['.', ',']) {
        Some(at) if (2..=3).contains(&(typed.len() - at)) => {
            let cents = &typed[at + 1..];
            if !cents.bytes().all(|b| b == b'0') {
                return None;
            }
            &typed[..at]
        }
        _ => typed,
    };
    let mut digits = String::new();
    for c in typed.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '.' | ',' | ' ' | '\u{a0}' => {}
            _ => return None,
        }
    }
    if digits.is_empty() {
        return None;
    }
    // More digits than any field accepts stay out of range rather than wrapping.
    Some(digits.parse().unwrap_or(u64::MAX))
}

/// The one reducer of the work-terms page.
#[must_use]
pub fn reduce(mut page: TermsPage, action: TermsAction) -> TermsPage {
    // A message is about the last action; the next one replaces or clears it.
    page.notice = None;
    match action {
        TermsAction::Ui(lang) => page.ui = lang,
        TermsAction::Text { field, typed } => {
            if let Some(kind @ Kind::Text { .. }) = spec(field).map(|spec| spec.kind) {
                let cleaned = clean_text(&typed, kind);
                page.terms.fields.set(field, Value::Text(&cleaned));
            }
        }
        TermsAction::Number { field, typed } => {
            let kind = spec(field).map(|spec| spec.kind);
            let number = match kind {
                Some(Kind::Money) if typed.trim().is_empty() => Some(0),
                Some(Kind::Money) => parse_typed_number(&typed),
                _ => parse_count(&typed),
            };
            page.not_numbers.retain(|name| *name != field);
            match number {
                Some(number) => {
                    // Too large for the field's type: stored as the first value past its
                    // range, so it is reported like any other value out of range.
                    let past_range =
                        range(kind.unwrap_or(Kind::Switch)).map_or(0, |(_, max)| max + 1);
                    if !page.terms.fields.set(field, Value::Number(number)) {
                        page.terms.fields.set(field, Value::Number(past_range));
                    }
                }
                None => page.not_numbers.push(field),
            }
        }
        TermsAction::Pick { field, option } => {
            page.terms.fields.set(field, Value::Number(option));
        }
        TermsAction::Switch { field, on } => {
            page.terms.fields.set(field, Value::Switch(on));
        }
        TermsAction::Day { day, on } => {
            if day < 7 {
                let bit = 1u8 << day;
                let days = &mut page.terms.fields.work_days;
                *days = if on { *days | bit } else { *days & !bit };
            }
        }
        TermsAction::Clause { id, on } => {
            page.terms.clauses.set(id, on);
        }
        TermsAction::DocLang(lang) => page.terms.lang = lang,
        TermsAction::Import(imported) => return import(page, *imported),
        TermsAction::Remember(on) => page.remember = on,
        TermsAction::Forget => page.confirm_forget = true,
        TermsAction::ForgetConfirmed => {
            page.confirm_forget = false;
            page.remember = false;
            page.notice = Some(Notice::Forgotten);
        }
        TermsAction::ForgetDeclined => page.confirm_forget = false,
        TermsAction::Notice(notice) => page.notice = Some(notice),
        fit @ (TermsAction::FitStart
        | TermsAction::FitChoose(_)
        | TermsAction::FitNext
        | TermsAction::FitBack
        | TermsAction::FitChange) => fit_step(&mut page.mode, &fit),
    }
    page
}

/// Moves a prospect through the fit check: a question is left only once it is answered.
fn fit_step(mode: &mut Mode, action: &TermsAction) {
    let Mode::Fit { answers, step, .. } = mode else {
        return;
    };
    let count = answers.len();
    *step = match (*step, action) {
        (FitStep::Intro, TermsAction::FitStart) => FitStep::Question(0),
        (FitStep::Question(n), TermsAction::FitChoose(choice)) => {
            let fits = super::fit::questions()
                .get(n)
                .is_some_and(|question| usize::from(*choice) < question.choices.len());
            if fits {
                answers[n] = Some(*choice);
            }
            FitStep::Question(n)
        }
        (FitStep::Question(n), TermsAction::FitNext) if answers[n].is_some() => {
            if n + 1 < count {
                FitStep::Question(n + 1)
            } else {
                FitStep::Result
            }
        }
        (FitStep::Question(0), TermsAction::FitBack) => FitStep::Intro,
        (FitStep::Question(n), TermsAction::FitBack) => FitStep::Question(n - 1),
        (FitStep::Result, TermsAction::FitChange) => FitStep::Question(0),
        (step, _) => step,
    };
}

impl Mode {
    /// A prospect's answers once every question has one.
    #[must_use]
    pub fn complete_answers(&self) -> Option<Vec<u8>> {
        match self {
            Mode::Fit { answers, .. } => answers.iter().copied().collect(),
            Mode::Answers { answers, .. } => Some(answers.clone()),
            Mode::Terms => None,
        }
    }
}

/// A JSON file's terms replace the form's only when every value is valid.
fn import(mut page: TermsPage, imported: Result<Terms, ImportProblem>) -> TermsPage {
    match imported {
        Ok(terms) => {
            page.terms = terms;
            page.form_generation = page.form_generation.wrapping_add(1);
            page.rejected_import.clear();
            page.notice = Some(Notice::Imported);
            if matches!(page.opened, Opened::BadLink(_) | Opened::BadRemembered) {
                page.opened = Opened::Fresh;
            }
        }
        Err(ImportProblem::Fields(errors)) => page.rejected_import = errors,
        Err(ImportProblem::Unreadable) => {
            page.rejected_import.clear();
            page.notice = Some(Notice::ImportUnreadable);
        }
    }
    page
}

/// The page's words for a field problem, with its numbers.
#[must_use]
pub fn problem_text(error: &FieldError, lang: Lang) -> String {
    use super::FieldProblem;
    let page = &TEMPLATE.page;
    let words = |bi| super::text(bi, lang).to_string();
    match &error.problem {
        FieldProblem::TooLong { max, .. } => format!("{} {max}", words(&page.too_long)),
        FieldProblem::LineBreak => words(&page.line_break),
        FieldProblem::ControlCharacter => words(&page.control_character),
        FieldProblem::OutOfRange { min, max } => {
            format!("{} {min}–{max}", words(&page.out_of_range))
        }
        FieldProblem::EndsBeforeStart => words(&page.ends_before_start),
        FieldProblem::UnknownOutcome => words(&page.unknown_outcome),
        FieldProblem::WrongKind => words(&page.wrong_kind),
        FieldProblem::NotANumber => words(&page.not_a_number),
    }
}

/// The form's label of a field (the build makes sure every field has one).
#[must_use]
pub fn label(field: &str, lang: Lang) -> &'static str {
    TEMPLATE
        .labels
        .iter()
        .find(|label| label.field == field)
        .map_or("", |label| super::text(&label.text, lang))
}

/// The message for a link that could not be read.
#[must_use]
pub fn link_problem(error: TermsLinkError, lang: Lang) -> &'static str {
    let page = &TEMPLATE.page;
    let bi = match error {
        TermsLinkError::Foreign => &page.link_foreign,
        TermsLinkError::Newer => &page.link_newer,
        TermsLinkError::Malformed => &page.link_malformed,
        TermsLinkError::Checksum => &page.link_changed,
        TermsLinkError::TooLong => &page.link_too_long,
        TermsLinkError::Invalid { .. } => &page.link_invalid,
    };
    super::text(bi, lang)
}
