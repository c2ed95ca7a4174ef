//! Turns the data files into Rust statics at build time.
//!
//! - `data/banks/*.toml` (in file-name order) are parsed and validated with the same
//!   `src/core/bank.rs` the tests use; any mistake stops the build with every error and its
//!   place, so a broken bank can never reach a user.
//! - `data/ui.toml` becomes the `Ui` enum and its table of texts, so a missing translation or a
//!   mistyped key is a build error rather than a blank label.
//!
//! Baking the data in means the wasm carries no parser and does no work at start-up.

#[path = "src/core/text.rs"]
#[allow(dead_code)]
mod text;

#[path = "src/core/bank.rs"]
#[allow(dead_code)]
mod bank;

use bank::{AdviceItem, AdviceKind, Bank, Choice, Flag, Outcome, Question, Severity, Weight};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use text::Text;

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/core/bank.rs");
    println!("cargo:rerun-if-changed=src/core/text.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let banks = load_banks(Path::new("data/banks"));
    std::fs::write(out_dir.join("banks.rs"), banks_source(&banks)).expect("write banks.rs");

    let ui = load_ui(Path::new("data/ui.toml"));
    std::fs::write(out_dir.join("ui_text.rs"), ui_source(&ui)).expect("write ui_text.rs");
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

fn load_ui(path: &Path) -> BTreeMap<String, Text> {
    let source = std::fs::read_to_string(path)
        .unwrap_or_else(|e| fail(format!("cannot read {}: {e}", path.display())));
    let table: BTreeMap<String, Text> =
        toml::from_str(&source).unwrap_or_else(|e| fail(format!("{}: {e}", path.display())));
    let mut report = String::new();
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
    table
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

fn ui_source(ui: &BTreeMap<String, Text>) -> String {
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
    out.push_str("    ];\n}\n\nstatic UI_TEXT: [[&str; 2]; ");
    let _ = writeln!(out, "{}] = [", ui.len());
    for text in ui.values() {
        let _ = writeln!(out, "    [{:?}, {:?}],", text.id, text.en);
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

struct_literal!(Text { id, en });
struct_literal!(Bank {
    id,
    version,
    compatible_versions,
    title,
    summary,
    scores_heading,
    outcomes,
    flags,
    questions,
    advice
});
struct_literal!(Outcome {
    id,
    name,
    summary,
    tie_rank,
    penalty_per_flag,
    advice
});
struct_literal!(Flag {
    id,
    label,
    severity,
    outcome,
    advice
});
struct_literal!(Question { id, text, choices });
struct_literal!(Choice {
    text,
    weights,
    flags
});
struct_literal!(Weight { outcome, points });
struct_literal!(AdviceItem { id, kind, text });

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

number_literal!(u8, i8, u16);

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

enum_literal!(Severity, AdviceKind);
