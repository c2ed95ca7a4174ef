//! The terms as a JSON file, without a JSON parser: the page's browser parses and writes the
//! text (`JSON.parse`, `JSON.stringify`) and hands over a `Json` tree; this module turns terms
//! into a tree and a tree back into terms, naming each field that holds the wrong kind of value.
//!
//! The shape is the one `Terms`' serde derive gives (the native tests hold the two to each
//! other): `{"lang": "id"|"en"|"both", "clauses": [ids], "from_outcome": id|null,
//! "fields": {name: value}}`, every member optional (a missing one keeps its default), unknown
//! members refused. A serde deserializer for the browser's values (serde-wasm-bindgen) was
//! measured at 16.7 KB gzip of the page's wasm, which the page's budget cannot carry; this walk
//! needs no derive code at all.

use super::fields::{Kind, Value, FIELDS};
use super::page::ImportProblem;
use super::{range, validate, ClauseSet, DocLang, FieldError, FieldProblem, Terms};

/// A JSON value, as the browser's parser gives it.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Json>),
    /// Members in the file's order.
    Object(Vec<(String, Json)>),
}

/// Integers above this lose precision in JSON numbers; no field comes close.
const MAX_EXACT: f64 = 9_007_199_254_740_991.0;

/// The terms as a tree to write.
#[must_use]
pub fn to_json(terms: &Terms) -> Json {
    #[allow(clippy::cast_precision_loss)] // Every field's maximum is far below 2^53.
    let fields = FIELDS
        .iter()
        .zip(terms.fields.values())
        .map(|(spec, value)| {
            let value = match value {
                Value::Text(text) => Json::Text(text.to_string()),
                Value::Number(n) => Json::Number(n as f64),
                Value::Switch(on) => Json::Bool(on),
            };
            (spec.name.to_string(), value)
        })
        .collect();
    Json::Object(vec![
        ("lang".into(), Json::Text(terms.lang.code().into())),
        (
            "clauses".into(),
            Json::List(
                terms
                    .clauses
                    .clauses()
                    .map(|clause| Json::Text(clause.id.to_string()))
                    .collect(),
            ),
        ),
        (
            "from_outcome".into(),
            terms
                .from_outcome
                .as_ref()
                .map_or(Json::Null, |outcome| Json::Text(outcome.clone())),
        ),
        ("fields".into(), Json::Object(fields)),
    ])
}

/// A tree as JSON text, indented by two spaces (what `JSON.stringify(value, null, 2)` writes).
#[must_use]
pub fn to_text(json: &Json) -> String {
    fn write(out: &mut String, json: &Json, indent: usize) {
        let newline = |out: &mut String, indent: usize| {
            out.push('\n');
            out.extend(std::iter::repeat_n(' ', indent));
        };
        match json {
            Json::Null => out.push_str("null"),
            Json::Bool(on) => out.push_str(if *on { "true" } else { "false" }),
            // `to_json` writes whole numbers only; writing them as integers keeps float
            // formatting out of the page's wasm.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Json::Number(n) if n.fract() == 0.0 && (0.0..=MAX_EXACT).contains(n) => {
                out.push_str(&(*n as u64).to_string());
            }
            Json::Number(_) => out.push_str("null"),
            Json::Text(text) => string(out, text),
            Json::List(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, indent + 2);
                    write(out, item, indent + 2);
                }
                newline(out, indent);
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, indent + 2);
                    string(out, name);
                    out.push_str(": ");
                    write(out, value, indent + 2);
                }
                newline(out, indent);
                out.push('}');
            }
        }
    }
    fn string(out: &mut String, text: &str) {
        out.push('"');
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                c if u32::from(c) < 0x20 => {
                    let _ =
                        std::fmt::Write::write_fmt(out, format_args!("\\u{:04x}", u32::from(c)));
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
    let mut out = String::new();
    write(&mut out, json, 0);
    out
}

/// A field's value from the tree, when it has the field's kind.
fn field_value(kind: Kind, json: &Json) -> Option<Value<'_>> {
    match (kind, json) {
        (Kind::Text { .. }, Json::Text(text)) => Some(Value::Text(text)),
        (Kind::Switch, Json::Bool(on)) => Some(Value::Switch(*on)),
        (Kind::Text { .. } | Kind::Switch, _) => None,
        (_, Json::Number(n)) if n.fract() == 0.0 && (0.0..=MAX_EXACT).contains(n) => {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            // A whole number from 0 to 2^53 converts exactly.
            Some(Value::Number(*n as u64))
        }
        _ => None,
    }
}

/// Terms from a tree: every value of the right kind and within its limits, or the fields that
/// are not (a value of the wrong kind is reported like one out of range, by its field).
///
/// # Errors
///
/// `Unreadable` when the tree is not shaped like terms (not an object, an unknown member, an
/// unknown clause or language); `Fields` naming each field that holds a wrong value.
pub fn from_json(json: &Json) -> Result<Terms, ImportProblem> {
    let Json::Object(members) = json else {
        return Err(ImportProblem::Unreadable);
    };
    let mut terms = Terms::default();
    let mut wrong_kind = Vec::new();
    for (name, value) in members {
        match (name.as_str(), value) {
            ("lang", Json::Text(code)) => {
                terms.lang = DocLang::from_code(code).ok_or(ImportProblem::Unreadable)?;
            }
            ("clauses", Json::List(ids)) => {
                let mut set = ClauseSet::EMPTY;
                for id in ids {
                    match id {
                        Json::Text(id) if set.set(id, true) => {}
                        _ => return Err(ImportProblem::Unreadable),
                    }
                }
                terms.clauses = set;
            }
            ("from_outcome", Json::Null) => terms.from_outcome = None,
            ("from_outcome", Json::Text(outcome)) => terms.from_outcome = Some(outcome.clone()),
            ("fields", Json::Object(fields)) => {
                for (field, value) in fields {
                    let index = FIELDS
                        .iter()
                        .position(|spec| spec.name == field)
                        .ok_or(ImportProblem::Unreadable)?;
                    let spec = &FIELDS[index];
                    let problem = match field_value(spec.kind, value) {
                        Some(value) if terms.fields.set_at(index, value) => continue,
                        // A number too large for the field's type.
                        Some(Value::Number(_)) => match range(spec.kind) {
                            Some((min, max)) => FieldProblem::OutOfRange { min, max },
                            None => FieldProblem::WrongKind,
                        },
                        _ => FieldProblem::WrongKind,
                    };
                    wrong_kind.push(FieldError {
                        field: spec.name,
                        problem,
                    });
                }
            }
            _ => return Err(ImportProblem::Unreadable),
        }
    }
    // A field already reported keeps its value's default, which must not be reported too.
    let reported: Vec<&str> = wrong_kind.iter().map(|error| error.field).collect();
    let mut errors = validate(&terms);
    errors.retain(|error| !reported.contains(&error.field));
    errors.splice(0..0, wrong_kind);
    if errors.is_empty() {
        Ok(terms)
    } else {
        Err(ImportProblem::Fields(errors))
    }
}
