//! Turns the data files into Rust statics at build time.
//!
//! - `data/banks/*.toml` (in file-name order) are parsed and validated with the same
//!   `src/core/bank.rs` the tests use; any mistake stops the build with every error and its
//!   place, so a broken bank can never reach a user.
//! - `data/bank-versions/<bank id>.toml` records every bank version's structure; a bank whose questions,
//!   choices or conditions changed without a new version number stops the build.
//! - `data/ui.toml` becomes the `Ui` enum and its table of texts, so a missing translation or a
//!   mistyped key is a build error rather than a blank label.
//! - `data/terms/clauses.toml` (the work-terms template) is validated with
//!   `src/core/terms/template.rs` against the form's fields (`src/core/terms/fields.rs`) and the
//!   `tipe-klien` bank its recommendations read, and becomes the `TEMPLATE` static.
//!
//! Baking the data in means the wasm carries no parser and does no work at start-up.

#[path = "src/core/text.rs"]
#[allow(dead_code)]
mod text;

#[path = "src/core/bank.rs"]
#[allow(dead_code)]
mod bank;

#[path = "src/core/terms/fields.rs"]
#[allow(dead_code)]
mod fields;

#[path = "src/core/terms/template.rs"]
#[allow(dead_code)]
mod template;

use bank::{
    AdviceItem, AdviceKind, Bank, Choice, Condition, Flag, Outcome, Question, Severity, Tone,
    Weight,
};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use text::Text;

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/core/bank.rs");
    println!("cargo:rerun-if-changed=src/core/text.rs");
    println!("cargo:rerun-if-changed=src/core/terms/fields.rs");
    println!("cargo:rerun-if-changed=src/core/terms/template.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let banks = load_banks(Path::new("data/banks"));
    check_versions(&banks, Path::new("data/bank-versions"));
    std::fs::write(out_dir.join("banks.rs"), banks_source(&banks)).expect("write banks.rs");

    let terms = load_terms(Path::new("data/terms/clauses.toml"), &banks);
    let mut terms_source = String::from(
        "/// The work-terms template (data/terms/clauses.toml).\npub static TEMPLATE: Template = ",
    );
    terms.write_literal(&mut terms_source);
    terms_source.push_str(";\n");
    std::fs::write(out_dir.join("terms_template.rs"), terms_source)
        .expect("write terms_template.rs");

    let (ui, result_only) = load_ui(Path::new("data/ui.toml"));
    std::fs::write(out_dir.join("ui_text.rs"), ui_source(&ui, &result_only))
        .expect("write ui_text.rs");

    // Every Text written above took the next key in the English pack, and in the result pack.
    let english = ENGLISH.with(|english| english.take());
    let later = LATER.with(|later| later.take());
    let pack_id = fingerprint(&[english.clone(), later.clone()].concat());
    let mut later_pack = pack_id.clone();
    for text in &later {
        later_pack.push(PACK_SEPARATOR);
        later_pack.push_str(text);
    }
    std::fs::write(out_dir.join("texts-id.txt"), later_pack).expect("write texts-id.txt");
    let mut pack = pack_id.clone();
    for text in &english {
        pack.push(PACK_SEPARATOR);
        pack.push_str(text);
    }
    std::fs::write(out_dir.join("texts-en.txt"), pack).expect("write texts-en.txt");
    std::fs::write(
        out_dir.join("english.rs"),
        format!(
            "/// Identifies this build's English pack; a pack of another build is refused.\n\
             pub const PACK_ID: &str = {pack_id:?};\n\
             /// How many texts the pack holds.\n\
             pub const PACK_LEN: usize = {};\n",
            english.len()
        ),
    )
    .expect("write english.rs");
}

/// Separates the texts of the English pack (no text contains it: build.rs checks).
const PACK_SEPARATOR: char = '\u{1e}';

thread_local! {
    /// The English side of every `Text` written so far, in key order.
    static ENGLISH: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The Indonesian side of the texts only a result shows, by the same keys (empty for the
    /// others): the result pack, fetched once the reader starts a quiz or opens a result.
    static LATER: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Set while writing the parts of a bank only a result shows.
    static WRITING_LATER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// FNV-1a over the texts, as 16 hex digits: a new build with other texts gets another id.
fn fingerprint(texts: &[String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for text in texts {
        for byte in text.bytes().chain([0x1e]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn fail(message: String) -> ! {
    // A build script reports a broken data file by failing; cargo shows this text.
    eprintln!("{message}");
    std::process::exit(1);
}

fn load_banks(dir: &Path) -> Vec<Bank> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", dir.display())))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    let mut banks: Vec<Bank> = Vec::new();
    let mut report = String::new();
    for file in &files {
        let source = std::fs::read_to_string(file)
            .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", file.display())));
        match bank::parse(&source) {
            Ok(parsed) => {
                if banks.iter().any(|b| b.id == parsed.id) {
                    let _ = writeln!(
                        report,
                        "{}: bank id {:?} is used twice",
                        file.display(),
                        parsed.id
                    );
                }
                banks.push(parsed);
            }
            Err(errors) => {
                for error in errors {
                    let _ = writeln!(report, "{}: {error}", file.display());
                }
            }
        }
    }
    if banks.is_empty() && report.is_empty() {
        report.push_str("no quiz banks found in data/banks");
    }
    if !report.is_empty() {
        fail(format!("quiz bank errors:\n{report}"));
    }
    banks
}

/// The work-terms template, valid on its own and against the `tipe-klien` outcomes and flags
/// its recommendations name.
fn load_terms(path: &Path, banks: &[Bank]) -> template::Template {
    let source = std::fs::read_to_string(path)
        .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", path.display())));
    let parsed = match template::parse(&source) {
        Ok(parsed) => parsed,
        Err(errors) => fail(report_of(path, &errors)),
    };
    let quiz = banks
        .iter()
        .find(|bank| bank.id == "tipe-klien")
        .unwrap_or_else(|| {
            fail("the terms template reads the tipe-klien bank, which is missing".into())
        });
    let outcomes: Vec<&str> = quiz.outcomes.iter().map(|o| &*o.id).collect();
    let flags: Vec<&str> = quiz.flags.iter().map(|f| &*f.id).collect();
    let errors = template::check_rules(&parsed, &outcomes, &flags);
    if !errors.is_empty() {
        fail(report_of(path, &errors));
    }
    parsed
}

fn report_of(path: &Path, errors: &[template::TemplateError]) -> String {
    let mut report = String::from("work-terms template errors:\n");
    for error in errors {
        let _ = writeln!(report, "{}: {error}", path.display());
    }
    report
}

/// Every bank's version must be recorded, in `data/bank-versions/<bank id>.toml`, with its current
/// structure (see `bank::check_version`).
fn check_versions(banks: &[Bank], dir: &Path) {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Records {
        version: Vec<bank::VersionRecord>,
    }
    let mut report = String::new();
    for bank in banks {
        let path = dir.join(format!("{}.toml", bank.id));
        let records = match std::fs::read_to_string(&path) {
            Ok(source) => {
                toml::from_str::<Records>(&source)
                    .unwrap_or_else(|e| fail(format!("{}: {e}", path.display())))
                    .version
            }
            Err(_) => Vec::new(),
        };
        for error in bank::check_version(bank, &records) {
            let _ = writeln!(report, "data/banks ({}): {error}", bank.id);
        }
    }
    if !report.is_empty() {
        fail(format!("bank version errors:\n{report}"));
    }
}

/// The interface's texts, and the keys of those only a result shows (`[result-only] keys`),
/// which go in the result pack with the bank texts a result shows.
fn load_ui(path: &Path) -> (BTreeMap<String, Text>, Vec<String>) {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ResultOnly {
        keys: Vec<String>,
    }
    let source = std::fs::read_to_string(path)
        .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", path.display())));
    let mut whole: toml::Table =
        toml::from_str(&source).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
    let result_only: ResultOnly = whole
        .remove("result-only")
        .map(|value| {
            value
                .try_into()
                .unwrap_or_else(|e| fail(format!("{} [result-only]: {e}", path.display())))
        })
        .unwrap_or(ResultOnly { keys: Vec::new() });
    let table: BTreeMap<String, Text> = toml::Value::Table(whole)
        .try_into()
        .unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
    let mut report = String::new();
    for key in &result_only.keys {
        if !table.contains_key(key) {
            let _ = writeln!(report, "[result-only]: no text has the key {key}");
        }
    }
    for (key, text) in &table {
        if !key.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            let _ = writeln!(report, "{key}: keys are lowercase words joined by '-'");
        }
        for lang in text.missing() {
            let _ = writeln!(report, "{key}: missing the {} translation", lang.code());
        }
        if placeholders(&text.id) != placeholders(&text.en) {
            let _ = writeln!(
                report,
                "{key}: the two languages use different {{placeholders}}"
            );
        }
    }
    if !report.is_empty() {
        fail(format!("{} errors:\n{report}", path.display()));
    }
    (table, result_only.keys)
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    found.sort_unstable();
    found
}

fn camel_case(key: &str) -> String {
    key.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn ui_source(ui: &BTreeMap<String, Text>, result_only: &[String]) -> String {
    let mut out = String::from(
        "/// Every fixed string of the interface; `Ui::text` gives it in a language.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Ui {\n",
    );
    for key in ui.keys() {
        let _ = writeln!(out, "    {},", camel_case(key));
    }
    out.push_str("}\n\nimpl Ui {\n    pub const ALL: &'static [Ui] = &[\n");
    for key in ui.keys() {
        let _ = writeln!(out, "        Ui::{},", camel_case(key));
    }
    out.push_str("    ];\n}\n\nstatic UI_TEXT: [Text; ");
    let _ = writeln!(out, "{}] = [", ui.len());
    for (key, text) in ui {
        out.push_str("    ");
        let later = result_only.contains(key);
        WRITING_LATER.with(|flag| flag.set(later));
        text.write_literal(&mut out);
        WRITING_LATER.with(|flag| flag.set(false));
        out.push_str(",\n");
    }
    out.push_str("];\n");
    out
}

fn banks_source(banks: &[Bank]) -> String {
    let mut out = String::new();
    for (i, bank) in banks.iter().enumerate() {
        let _ = write!(out, "static BANK_{i}: Bank = ");
        bank.write_literal(&mut out);
        out.push_str(";\n");
    }
    out.push_str("/// Every quiz bank, in menu order.\npub static BANKS: &[&Bank] = &[");
    for i in 0..banks.len() {
        let _ = write!(out, "&BANK_{i}, ");
    }
    out.push_str("];\n");
    out
}

/// Writes a value as a Rust expression that rebuilds it from `'static` data.
trait Literal {
    fn write_literal(&self, out: &mut String);
}

impl Literal for Cow<'static, str> {
    fn write_literal(&self, out: &mut String) {
        let _ = write!(out, "Cow::Borrowed({:?})", self.as_ref());
    }
}

impl<T: Literal + Clone> Literal for Cow<'static, [T]> {
    fn write_literal(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(&[");
        for item in self.iter() {
            item.write_literal(out);
            out.push(',');
        }
        out.push_str("])");
    }
}

/// Emits `Name { field: <literal>, ... }` for a struct whose fields all implement `Literal`.
macro_rules! struct_literal {
    ($type:ident { $($field:ident),* $(,)? }) => {
        impl Literal for $type {
            fn write_literal(&self, out: &mut String) {
                out.push_str(concat!(stringify!($type), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.write_literal(out);
                    out.push(',');
                )*
                out.push('}');
            }
        }
    };
}

/// `text!(id, en, key)`: the crate's macro keeps the English side only in native builds.
impl Literal for Text {
    fn write_literal(&self, out: &mut String) {
        let key = ENGLISH.with(|english| {
            let mut english = english.borrow_mut();
            if self.en.contains(PACK_SEPARATOR) || self.id.contains(PACK_SEPARATOR) {
                fail(format!(
                    "text {:?} contains the pack separator U+001E",
                    self.id
                ));
            }
            english.push(self.en.to_string());
            english.len() - 1
        });
        let key = u16::try_from(key).unwrap_or_else(|_| fail("more than 65535 texts".into()));
        let later = WRITING_LATER.with(std::cell::Cell::get);
        LATER.with(|texts| {
            texts.borrow_mut().push(if later {
                self.id.to_string()
            } else {
                String::new()
            });
        });
        let _ = write!(
            out,
            "{}!({:?}, {:?}, {key})",
            if later { "later" } else { "text" },
            self.id.as_ref(),
            self.en.as_ref()
        );
    }
}
/// A bank: what only a result shows (its outcomes, flags and advice, and the scores' heading)
/// goes in the result pack; the intro and the questions stay in the wasm.
impl Literal for Bank {
    fn write_literal(&self, out: &mut String) {
        let later = |out: &mut String, write: &dyn Fn(&mut String)| {
            WRITING_LATER.with(|flag| flag.set(true));
            write(out);
            WRITING_LATER.with(|flag| flag.set(false));
        };
        out.push_str("Bank {id:");
        self.id.write_literal(out);
        out.push_str(",version:");
        self.version.write_literal(out);
        out.push_str(",compatible_versions:");
        self.compatible_versions.write_literal(out);
        out.push_str(",title:");
        self.title.write_literal(out);
        out.push_str(",summary:");
        self.summary.write_literal(out);
        out.push_str(",scores_heading:");
        later(out, &|out| self.scores_heading.write_literal(out));
        out.push_str(",outcomes:");
        later(out, &|out| self.outcomes.write_literal(out));
        out.push_str(",flags:");
        later(out, &|out| self.flags.write_literal(out));
        out.push_str(",questions:");
        self.questions.write_literal(out);
        out.push_str(",advice:");
        later(out, &|out| self.advice.write_literal(out));
        out.push_str(",asked_range:");
        self.asked_range.write_literal(out);
        out.push('}');
    }
}

impl Literal for (u8, u8) {
    fn write_literal(&self, out: &mut String) {
        let _ = write!(out, "({}, {})", self.0, self.1);
    }
}
struct_literal!(Outcome {
    id,
    name,
    summary,
    tie_rank,
    penalty_per_flag,
    advice,
    tone,
    ruled_out_by_severe
});
struct_literal!(Flag {
    id,
    label,
    severity,
    outcome,
    advice
});
struct_literal!(Question {
    id,
    text,
    choices,
    show_if
});
struct_literal!(Condition { question, choices });
struct_literal!(Choice {
    text,
    weights,
    flags
});
struct_literal!(Weight { outcome, points });
struct_literal!(AdviceItem {
    id,
    kind,
    text,
    message,
    show_if
});

impl<T: Literal> Literal for Option<T> {
    fn write_literal(&self, out: &mut String) {
        match self {
            Some(value) => {
                out.push_str("Some(");
                value.write_literal(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

/// Numbers are their own literals.
macro_rules! number_literal {
    ($($type:ty),*) => {$(
        impl Literal for $type {
            fn write_literal(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}

number_literal!(u8, i8, u16, bool);

/// Fieldless enums print as `Type::Variant`, which is also how `Debug` names the variant.
macro_rules! enum_literal {
    ($($type:ident),*) => {$(
        impl Literal for $type {
            fn write_literal(&self, out: &mut String) {
                let _ = write!(out, concat!(stringify!($type), "::{:?}"), self);
            }
        }
    )*};
}

enum_literal!(Severity, AdviceKind, Tone, Fit);

use template::{
    Bi, ChoiceWords, Clause, Fit, FitCheck, FitChoice, FitQuestion, FitRule, Label, PageTexts,
    Paragraph, Parts, Rule, Template,
};

/// Both languages, as they are: the terms page shows them side by side (no English pack).
impl Literal for Bi {
    fn write_literal(&self, out: &mut String) {
        let _ = write!(
            out,
            "Bi {{ id: Cow::Borrowed({:?}), en: Cow::Borrowed({:?}) }}",
            self.id.as_ref(),
            self.en.as_ref()
        );
    }
}
struct_literal!(Template {
    parts,
    weekdays,
    choices,
    labels,
    clauses,
    language_clause,
    recommend,
    page,
    fit
});
struct_literal!(FitCheck { questions, rules });
struct_literal!(FitQuestion { id, text, choices });
struct_literal!(FitChoice { id, text });
struct_literal!(FitRule {
    question,
    choices,
    if_set,
    unless_set,
    above,
    above_value,
    below,
    below_value,
    if_clause,
    unless_clause,
    fit,
    term,
    way
});
/// Written from the page's own list of texts, so a new text needs no change here.
impl Literal for PageTexts {
    fn write_literal(&self, out: &mut String) {
        out.push_str("PageTexts {");
        for (name, text) in self.entries() {
            out.push_str(name);
            out.push_str(": ");
            text.write_literal(out);
            out.push(',');
        }
        out.push('}');
    }
}
struct_literal!(Parts {
    title,
    parties_explain,
    intro,
    provider,
    client,
    agree,
    closing,
    signing_explain,
    place_date,
    provider_role,
    client_role,
    stamp,
    language_explain,
    summary_title,
    summary_closing,
    summary_extra
});
struct_literal!(ChoiceWords { field, options });
struct_literal!(Label { field, text });
struct_literal!(Clause {
    id,
    code,
    on,
    title,
    explain,
    fields,
    paragraphs,
    summary,
    summary_rank
});
struct_literal!(Paragraph { text, when, unless });
struct_literal!(Rule {
    outcome,
    flag,
    note,
    clauses,
    switch_on
});
