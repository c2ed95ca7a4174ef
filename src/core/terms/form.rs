//! The work-terms form as markup, and what each of its inputs changes.
//!
//! The form is written as text (every value escaped) and its inputs are not bound one by one:
//! the page listens once on the form and asks `action_for_input` what a change means. Built
//! element by element in yew, the form's code alone was about a quarter of the page's wasm,
//! over the page's size budget. So the markup depends only on the terms when it is written
//! (the page rewrites it only when the terms change from outside the form: a file opened, the
//! page's language switched); while the reader types, the inputs keep their own values and the
//! page only updates the counters and error lines it leaves empty here.
//!
//! What changes with the values without a rewrite is done by the stylesheet: a switched-off
//! clause hides its fields, the prevailing-text choice shows only for a bilingual agreement.

use super::fields::{spec, Kind, Value, FIELDS};
use super::page::TermsAction;
use super::render::{format_hour, format_rupiah};
use super::{text, Bi, DocLang, Terms, TEMPLATE};
use crate::core::html::{element, escape_html};
use crate::core::text::Lang;
use std::fmt::Write;

/// The parties' fields, before the clauses.
pub const PARTY_FIELDS: [&str; 4] = [
    "provider_name",
    "provider_contact",
    "client_name",
    "client_contact",
];
/// The signing fields, after them.
pub const SIGNING_FIELDS: [&str; 2] = ["place", "date"];

/// The name of a clause's on/off input.
const CLAUSE_INPUT: &str = "clause:";
/// The name of the agreement's language radios.
const DOC_LANG_INPUT: &str = "doc-lang";

/// What a change of the form's input called `name` (now holding `value`, ticked or not) asks
/// for; `None` for an input the form does not have.
#[must_use]
pub fn action_for_input(name: &str, value: &str, checked: bool) -> Option<TermsAction> {
    if let Some(id) = name.strip_prefix(CLAUSE_INPUT) {
        let clause = TEMPLATE.clause(id)?;
        return Some(TermsAction::Clause {
            id: &clause.id,
            on: checked,
        });
    }
    if name == DOC_LANG_INPUT {
        let lang = DocLang::from_code(value)?;
        return Some(TermsAction::DocLang(lang));
    }
    let spec = spec(name)?;
    let field = spec.name;
    Some(match spec.kind {
        Kind::Text { .. } => TermsAction::Text {
            field,
            typed: value.to_string(),
        },
        Kind::Money | Kind::Number { .. } => TermsAction::Number {
            field,
            typed: value.to_string(),
        },
        Kind::Hour | Kind::Choice { .. } => TermsAction::Pick {
            field,
            option: value.parse().ok()?,
        },
        Kind::Days => TermsAction::Day {
            day: value.parse().ok()?,
            on: checked,
        },
        Kind::Switch => TermsAction::Switch { field, on: checked },
    })
}

/// The text under a text field: how much of its limit is used.
#[must_use]
pub fn counter_text(used: usize, max: usize, lang: Lang) -> String {
    format!("{used}/{max} {}", text(&TEMPLATE.page.characters, lang))
}

/// The form as markup, in the page's language `ui`, holding the values of `terms`.
#[must_use]
pub fn form_html(terms: &Terms, ui: Lang) -> String {
    let mut out = String::with_capacity(24 * 1024);
    let words = &TEMPLATE.page;
    let say = |bi: &'static Bi| text(bi, ui);
    element(
        &mut out,
        "<h2 id=terms-form-heading>",
        say(&words.form),
        "</h2>",
    );
    section(
        &mut out,
        None,
        say(&words.parties),
        say(&TEMPLATE.parts.parties_explain),
    );
    for name in PARTY_FIELDS {
        field(&mut out, terms, name, ui);
    }
    out.push_str("</fieldset>");
    for clause in TEMPLATE.clauses.iter() {
        let id: &str = &clause.id;
        section(&mut out, Some(id), say(&clause.title), say(&clause.explain));
        let checked = if terms.clauses.contains(id) {
            " checked"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<label class=check><input type=checkbox name={CLAUSE_INPUT}{id}{checked} aria-describedby=explain-{id}>"
        );
        // Sixteen boxes would all be called "Include this clause": each also names its clause.
        element(
            &mut out,
            "",
            say(&words.include_clause),
            "<span class=visually-hidden>: ",
        );
        element(&mut out, "", say(&clause.title), "</span></label>");
        element(
            &mut out,
            "<p class=\"hint when-off\">",
            say(&words.clause_left_out),
            "</p>",
        );
        out.push_str("<div class=clause-fields>");
        for name in clause.fields.iter() {
            field(&mut out, terms, name, ui);
        }
        out.push_str("</div></fieldset>");
    }
    section(
        &mut out,
        None,
        say(&words.signing),
        say(&TEMPLATE.parts.signing_explain),
    );
    for name in SIGNING_FIELDS {
        field(&mut out, terms, name, ui);
    }
    out.push_str("</fieldset>");
    out.push_str("<fieldset class=terms-section data-testid=terms-lang>");
    element(&mut out, "<legend>", say(&words.doc_language), "</legend>");
    element(
        &mut out,
        "<p class=hint>",
        say(&TEMPLATE.parts.language_explain),
        "</p>",
    );
    for (lang, label) in [
        (DocLang::Id, &words.doc_lang_id),
        (DocLang::En, &words.doc_lang_en),
        (DocLang::Both, &words.doc_lang_both),
    ] {
        let checked = if terms.lang == lang { " checked" } else { "" };
        let _ = write!(
            out,
            "<label class=check><input type=radio name={DOC_LANG_INPUT} value={}{checked}>",
            lang.code()
        );
        element(&mut out, "", say(label), "</label>");
    }
    out.push_str("<div class=when-both>");
    field(&mut out, terms, "prevailing", ui);
    element(
        &mut out,
        "<p class=\"notice error when-english-prevails\" data-testid=terms-prevailing-caution>",
        say(&words.prevailing_caution),
        "</p>",
    );
    out.push_str("</div></fieldset>");
    out
}

/// Opens a section (closed by the caller after its fields): a clause's carries its id.
fn section(out: &mut String, clause: Option<&str>, title: &str, explain: &str) {
    match clause {
        Some(id) => {
            let _ = write!(out, "<fieldset class=terms-section data-clause={id}>");
        }
        None => out.push_str("<fieldset class=terms-section>"),
    }
    element(out, "<legend>", title, "</legend>");
    match clause {
        Some(id) => {
            let _ = write!(out, "<p class=hint id=explain-{id}>");
            element(out, "", explain, "</p>");
        }
        None => element(out, "<p class=hint>", explain, "</p>"),
    }
}

/// One field with its label, drawn by its kind, with an empty line for its problem (and a
/// counter for text) that the page fills in.
fn field(out: &mut String, terms: &Terms, name: &str, ui: Lang) {
    let (Some(spec), Some(value)) = (spec(name), terms.fields.get(name)) else {
        return;
    };
    let label = super::page::label(name, ui);
    let number = match value {
        Value::Number(n) => n,
        _ => 0,
    };
    let described = match spec.kind {
        Kind::Text { .. } => format!("count-{name} error-{name}"),
        Kind::Money => format!("rupiah-{name} error-{name}"),
        _ => format!("error-{name}"),
    };
    let attributes = format!("id=field-{name} name={name} aria-describedby=\"{described}\"");
    match (spec.kind, value) {
        (Kind::Switch, Value::Switch(on)) => {
            let checked = if on { " checked" } else { "" };
            let _ = write!(
                out,
                "<div class=field><label class=check><input type=checkbox {attributes}{checked}>"
            );
            element(out, "", label, "</label>");
        }
        (Kind::Days, _) => {
            out.push_str("<fieldset class=\"field days\">");
            element(out, "<legend>", label, "</legend>");
            for (day, words) in TEMPLATE.weekdays.iter().enumerate() {
                let checked = if number & (1 << day) != 0 {
                    " checked"
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    "<label class=check><input type=checkbox name={name} value={day}{checked}>"
                );
                element(out, "", text(words, ui), "</label>");
            }
        }
        _ => {
            let _ = write!(out, "<div class=field><label for=field-{name}>");
            element(out, "", label, "</label>");
            input(out, spec.kind, value, &attributes, name, ui);
        }
    }
    let _ = write!(out, "<p class=field-error id=error-{name}></p>");
    out.push_str(if spec.kind == Kind::Days {
        "</fieldset>"
    } else {
        "</div>"
    });
}

fn input(out: &mut String, kind: Kind, value: Value<'_>, attributes: &str, name: &str, ui: Lang) {
    match (kind, value) {
        (Kind::Text { max, multiline }, Value::Text(words)) => {
            if multiline {
                let _ = write!(out, "<textarea rows=3 maxlength={max} {attributes}>");
                element(out, "", words, "</textarea>");
            } else {
                let _ = write!(
                    out,
                    "<input type=text maxlength={max} {attributes} value=\""
                );
                element(out, "", words, "\">");
            }
            let used = words.chars().count();
            let _ = write!(out, "<span class=counter id=count-{name}>");
            element(out, "", &counter_text(used, max, ui), "</span>");
        }
        (Kind::Money, Value::Number(amount)) => {
            // As the reader would write it (1.500.000); the page reads either way back.
            let shown = if amount == 0 {
                String::new()
            } else {
                format_rupiah(amount).trim_start_matches("Rp ").to_string()
            };
            let _ = write!(
                out,
                "<div class=money><span aria-hidden=true>Rp</span><input type=text inputmode=numeric autocomplete=off {attributes} value=\"{shown}\"></div><output class=hint id=rupiah-{name}>"
            );
            if amount > 0 {
                out.push_str(&format_rupiah(amount));
            }
            out.push_str("</output>");
        }
        (Kind::Number { min, max }, Value::Number(number)) => {
            let _ = write!(
                out,
                "<input type=number inputmode=numeric min={min} max={max} step=1 {attributes} value={number}>"
            );
        }
        (Kind::Hour, Value::Number(hour)) => {
            let _ = write!(out, "<select {attributes}>");
            for option in 0..=24u64 {
                let selected = if option == hour { " selected" } else { "" };
                let _ = write!(
                    out,
                    "<option value={option}{selected}>{}</option>",
                    format_hour(option, ui)
                );
            }
            out.push_str("</select>");
        }
        (Kind::Choice { count }, Value::Number(chosen)) => {
            let _ = write!(out, "<select {attributes}>");
            for option in 0..usize::from(count) {
                let selected = if option as u64 == chosen {
                    " selected"
                } else {
                    ""
                };
                let words = TEMPLATE
                    .choice(name, option)
                    .map_or("", |words| text(words, ui));
                let _ = write!(
                    out,
                    "<option value={option}{selected}>{}</option>",
                    escape_html(words)
                );
            }
            out.push_str("</select>");
        }
        _ => {}
    }
}

/// What the page writes into the form as the reader types, without rewriting it: each
/// counter, each rupiah amount spelled out, and each problem line (empty when the field is
/// fine), by element id; and the fields to mark invalid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormMarks {
    pub texts: Vec<(String, String)>,
    pub invalid: Vec<&'static str>,
}

/// The marks for `terms` with `errors`, in the page's language.
#[must_use]
pub fn form_marks(terms: &Terms, errors: &[super::FieldError], ui: Lang) -> FormMarks {
    let mut marks = FormMarks::default();
    for (spec, value) in FIELDS.iter().zip(terms.fields.values()) {
        let name = spec.name;
        match (spec.kind, value) {
            (Kind::Text { max, .. }, Value::Text(words)) => marks.texts.push((
                format!("count-{name}"),
                counter_text(words.chars().count(), max, ui),
            )),
            (Kind::Money, Value::Number(amount)) => marks.texts.push((
                format!("rupiah-{name}"),
                if amount > 0 {
                    format_rupiah(amount)
                } else {
                    String::new()
                },
            )),
            _ => {}
        }
        let problem = errors.iter().find(|error| error.field == name);
        marks.texts.push((
            format!("error-{name}"),
            problem.map_or_else(String::new, |error| super::page::problem_text(error, ui)),
        ));
        if problem.is_some() {
            marks.invalid.push(name);
        }
    }
    marks
}
