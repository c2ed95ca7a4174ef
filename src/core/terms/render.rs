//! Terms → the agreement as a `Document` (for the page), plain text, Markdown, and the client
//! summary.
//!
//! The user's words stay marked as theirs (`Span::User`) all the way to the output: the page
//! makes text nodes of them, the Markdown copy escapes them, and nothing is ever substituted
//! into them, so a `{price}` or a `# heading` typed by the user is printed as typed.

use super::fields::{Kind, Value};
use super::template::{Bi, Clause, Paragraph, SUMMARY_MAX_LINES, SUMMARY_MIN_LINES};
use super::{spec_kind, text, ClauseSet, DocLang, Terms, TEMPLATE};
use crate::core::text::Lang;

/// What a paragraph is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    /// Template text and values formatted by the core (money, hours, days, options).
    Fixed(String),
    /// The user's own words, verbatim.
    User(String),
    /// An empty field: a dotted line to fill in by hand.
    Blank,
}

/// How a blank prints in text: dots, as Indonesian forms leave room to write.
pub const BLANK: &str = "....................";

/// A paragraph: spans in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Para {
    pub spans: Vec<Span>,
}

impl Para {
    /// The paragraph as plain text (a blank as dots).
    #[must_use]
    pub fn text(&self) -> String {
        let mut out = String::new();
        for span in &self.spans {
            match span {
                Span::Fixed(text) | Span::User(text) => out.push_str(text),
                Span::Blank => out.push_str(BLANK),
            }
        }
        out
    }
}

/// The agreement, ready to show. Every `Vec` marked "per column" has one entry per language of
/// `langs`, in that order, so a bilingual agreement lines up side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub langs: Vec<Lang>,
    /// Per column.
    pub title: Vec<String>,
    /// Per column: the intro, both parties, and the sentence leading to the clauses.
    pub preamble: Vec<Vec<Para>>,
    /// The switched-on clauses, numbered 1, 2, 3… (a bilingual agreement's language clause last).
    pub clauses: Vec<DocClause>,
    /// Per column.
    pub closing: Vec<Para>,
    pub signature: Signature,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocClause {
    pub number: usize,
    pub id: &'static str,
    /// Per column.
    pub title: Vec<String>,
    /// Per column: the paragraphs whose conditions hold (never none).
    pub paragraphs: Vec<Vec<Para>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// Per column: "Made in {place} on {date}".
    pub place_date: Vec<Para>,
    /// Per column: the room left for a stamp duty seal.
    pub stamp: Vec<String>,
    pub provider: SignatureParty,
    pub client: SignatureParty,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureParty {
    /// Per column: "Service Provider", "Client".
    pub role: Vec<String>,
    /// The name under the signature line: the user's words, or a blank.
    pub name: Span,
}

/// Formats rupiah the Indonesian way: `Rp 1.500.000`.
#[must_use]
pub fn format_rupiah(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 3);
    out.push_str("Rp ");
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// An hour as Indonesians write it (`09.00`) or as English does (`09:00`).
#[must_use]
pub fn format_hour(hour: u64, lang: Lang) -> String {
    let separator = if lang == Lang::En { ':' } else { '.' };
    format!("{hour:02}{separator}00")
}

/// Weekdays from bits: runs of three or more as a range (`Senin–Jumat`), the rest listed
/// (`Senin, Rabu, dan Jumat`). Empty for no days.
#[must_use]
pub fn format_days(bits: u64, lang: Lang) -> String {
    let name = |day: usize| TEMPLATE.weekdays.get(day).map_or("", |bi| text(bi, lang));
    let mut items: Vec<String> = Vec::new();
    let mut day = 0;
    while day < 7 {
        if bits & (1 << day) == 0 {
            day += 1;
            continue;
        }
        let start = day;
        while day < 7 && bits & (1 << day) != 0 {
            day += 1;
        }
        let end = day - 1;
        if end - start >= 2 {
            items.push(format!("{}–{}", name(start), name(end)));
        } else {
            items.extend((start..=end).map(|d| name(d).to_string()));
        }
    }
    let (and, serial) = match lang {
        Lang::Id => ("dan", ","),
        Lang::En => ("and", ""),
    };
    match items.len() {
        0 => String::new(),
        1 => items.remove(0),
        2 => format!("{} {and} {}", items[0], items[1]),
        n => format!(
            "{}{serial} {and} {}",
            items[..n - 1].join(", "),
            items[n - 1]
        ),
    }
}

/// The value of one placeholder as spans.
fn value_spans(terms: &Terms, name: &str, lang: Lang, out: &mut Vec<Span>) {
    let (Some(kind), Some(value)) = (spec_kind(name), terms.fields.get(name)) else {
        return;
    };
    let span = match (kind, value) {
        (_, Value::Text(words)) => {
            let words = words.trim();
            if words.is_empty() {
                Span::Blank
            } else {
                Span::User(words.to_string())
            }
        }
        (Kind::Money, Value::Number(0)) => {
            out.push(Span::Fixed("Rp ".to_string()));
            Span::Blank
        }
        (Kind::Money, Value::Number(amount)) => Span::Fixed(format_rupiah(amount)),
        (Kind::Hour, Value::Number(hour)) => Span::Fixed(format_hour(hour, lang)),
        (Kind::Days, Value::Number(0)) => Span::Blank,
        (Kind::Days, Value::Number(bits)) => Span::Fixed(format_days(bits, lang)),
        (Kind::Choice { .. }, Value::Number(option)) => {
            match usize::try_from(option)
                .ok()
                .and_then(|option| TEMPLATE.choice(name, option))
            {
                Some(words) => Span::Fixed(text(words, lang).to_string()),
                None => Span::Blank,
            }
        }
        (_, Value::Number(n)) => Span::Fixed(n.to_string()),
        (_, Value::Switch(_)) => return,
    };
    out.push(span);
}

/// A template text with its placeholders filled in. The user's words are never scanned for
/// placeholders.
pub(super) fn fill(template: &str, terms: &Terms, lang: Lang) -> Para {
    let mut spans = Vec::new();
    let mut fixed = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|close| open + close) else {
            break;
        };
        fixed.push_str(&rest[..open]);
        let mut values = Vec::new();
        value_spans(terms, &rest[open + 1..close], lang, &mut values);
        for value in values {
            match value {
                Span::Fixed(words) => fixed.push_str(&words),
                other => {
                    if !fixed.is_empty() {
                        spans.push(Span::Fixed(std::mem::take(&mut fixed)));
                    }
                    spans.push(other);
                }
            }
        }
        rest = &rest[close + 1..];
    }
    fixed.push_str(rest);
    if !fixed.is_empty() {
        spans.push(Span::Fixed(fixed));
    }
    Para { spans }
}

fn holds(paragraph: &Paragraph, terms: &Terms) -> bool {
    let set = |name: &str| terms.fields.get(name).is_some_and(|value| value.is_set());
    match (&paragraph.when, &paragraph.unless) {
        (Some(name), _) => set(name),
        (None, Some(name)) => !set(name),
        (None, None) => true,
    }
}

fn per_column<T>(langs: &[Lang], make: impl Fn(Lang) -> T) -> Vec<T> {
    langs.iter().map(|&lang| make(lang)).collect()
}

fn doc_clause(number: usize, clause: &'static Clause, terms: &Terms, langs: &[Lang]) -> DocClause {
    DocClause {
        number,
        id: &clause.id,
        title: per_column(langs, |lang| text(&clause.title, lang).to_string()),
        paragraphs: per_column(langs, |lang| {
            clause
                .paragraphs
                .iter()
                .filter(|paragraph| holds(paragraph, terms))
                .map(|paragraph| fill(text(&paragraph.text, lang), terms, lang))
                .collect()
        }),
    }
}

/// The agreement in `lang`: only the switched-on clauses, numbered without gaps, and for a
/// bilingual agreement the clause naming the text that prevails, last.
#[must_use]
pub fn render(terms: &Terms, lang: DocLang) -> Document {
    let langs = lang.langs();
    let parts = &TEMPLATE.parts;
    let fill_part = |bi: &Bi, lang: Lang| fill(text(bi, lang), terms, lang);
    let mut clauses: Vec<DocClause> = terms
        .clauses
        .clauses()
        .enumerate()
        .map(|(i, clause)| doc_clause(i + 1, clause, terms, langs))
        .collect();
    if lang == DocLang::Both {
        clauses.push(doc_clause(
            clauses.len() + 1,
            &TEMPLATE.language_clause,
            terms,
            langs,
        ));
    }
    let party = |role: &Bi, name: &str| SignatureParty {
        role: per_column(langs, |lang| text(role, lang).to_string()),
        name: if name.trim().is_empty() {
            Span::Blank
        } else {
            Span::User(name.trim().to_string())
        },
    };
    Document {
        langs: langs.to_vec(),
        title: per_column(langs, |lang| text(&parts.title, lang).to_string()),
        preamble: per_column(langs, |lang| {
            [&parts.intro, &parts.provider, &parts.client, &parts.agree]
                .into_iter()
                .map(|bi| fill_part(bi, lang))
                .collect()
        }),
        clauses,
        closing: per_column(langs, |lang| fill_part(&parts.closing, lang)),
        signature: Signature {
            place_date: per_column(langs, |lang| fill_part(&parts.place_date, lang)),
            stamp: per_column(langs, |lang| text(&parts.stamp, lang).to_string()),
            provider: party(&parts.provider_role, &terms.fields.provider_name),
            client: party(&parts.client_role, &terms.fields.client_name),
        },
    }
}

/// How a format writes the user's words and blanks.
trait Style {
    fn user(&self, words: &str, out: &mut String);
    fn heading(&self, level: usize, words: &str, out: &mut String);
    fn line_break(&self) -> &'static str;
}

struct Plain;
struct Markdown;

impl Style for Plain {
    fn user(&self, words: &str, out: &mut String) {
        out.push_str(words);
    }
    fn heading(&self, level: usize, words: &str, out: &mut String) {
        if level == 1 {
            // The title is the template's, in plain ASCII: Unicode's case tables would add
            // kilobytes to the page's wasm for nothing (a letter outside ASCII stays as it is).
            out.push_str(&words.to_ascii_uppercase());
        } else {
            out.push_str(words);
        }
    }
    fn line_break(&self) -> &'static str {
        "\n"
    }
}

impl Style for Markdown {
    fn user(&self, words: &str, out: &mut String) {
        out.push_str(&escape_markdown(words));
    }
    fn heading(&self, level: usize, words: &str, out: &mut String) {
        out.push_str(&"#".repeat(level));
        out.push(' ');
        out.push_str(words);
    }
    fn line_break(&self) -> &'static str {
        // A hard line break: the user's lines stay lines.
        "  \n"
    }
}

/// The user's words as literal Markdown text: every character Markdown could read as syntax is
/// backslash-escaped (CommonMark allows that for any ASCII punctuation), line starts that could
/// open a list, heading or code block are neutralised, and lines stay lines.
#[must_use]
pub fn escape_markdown(words: &str) -> String {
    let mut out = String::with_capacity(words.len() + 8);
    for (i, line) in words.split('\n').enumerate() {
        if i > 0 {
            out.push_str("  \n");
        }
        // Four leading spaces would start a code block.
        let line = line.trim_start();
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let mut rest = line;
        if digits > 0 && line[digits..].starts_with(['.', ')']) {
            out.push_str(&line[..digits]);
            out.push('\\');
            rest = &line[digits..];
        } else if line.starts_with(['-', '+', '=']) {
            out.push('\\');
        }
        for c in rest.chars() {
            if "\\`*_{}[]<>#|~&!".contains(c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

fn write_para(style: &dyn Style, para: &Para, out: &mut String) {
    for span in &para.spans {
        match span {
            Span::Fixed(words) => out.push_str(words),
            Span::User(words) => {
                // A list the user typed on several lines starts on a line of its own.
                if words.contains('\n') && !out.ends_with('\n') {
                    out.truncate(out.trim_end_matches(' ').len());
                    out.push_str(style.line_break());
                }
                style.user(&words.replace("\r\n", "\n"), out);
            }
            Span::Blank => out.push_str(BLANK),
        }
    }
    out.push_str("\n\n");
}

fn write_document(style: &dyn Style, doc: &Document) -> String {
    let mut out = String::new();
    style.heading(1, &doc.title.join(" / "), &mut out);
    out.push_str("\n\n");
    for column in &doc.preamble {
        for para in column {
            write_para(style, para, &mut out);
        }
    }
    for clause in &doc.clauses {
        style.heading(
            2,
            &format!("{}. {}", clause.number, clause.title.join(" / ")),
            &mut out,
        );
        out.push_str("\n\n");
        for column in &clause.paragraphs {
            for para in column {
                write_para(style, para, &mut out);
            }
        }
    }
    for para in &doc.closing {
        write_para(style, para, &mut out);
    }
    for para in &doc.signature.place_date {
        write_para(style, para, &mut out);
    }
    for party in [&doc.signature.provider, &doc.signature.client] {
        out.push_str(&party.role.join(" / "));
        out.push_str("\n\n\n\n");
        out.push_str(BLANK);
        out.push_str(style.line_break());
        match &party.name {
            Span::User(name) => style.user(name, &mut out),
            Span::Fixed(name) => out.push_str(name),
            Span::Blank => out.push_str(BLANK),
        }
        out.push_str("\n\n");
    }
    out.push_str("[ ");
    out.push_str(&doc.signature.stamp.join(" / "));
    out.push_str(" ]\n");
    out
}

/// The agreement as the page shows and prints it: markup written as text, every word escaped,
/// the user's own in `<span class=user>` (so they stay text, never markup). A bilingual
/// agreement puts each part's two languages side by side, row by row, each cell marked with its
/// language, so a clause and its translation always face each other.
#[must_use]
pub fn to_html(doc: &Document) -> String {
    use crate::core::html::{element, escape_html};
    fn para(out: &mut String, para: &Para) {
        out.push_str("<p>");
        spans(out, &para.spans);
        out.push_str("</p>");
    }
    fn spans(out: &mut String, spans: &[Span]) {
        for span in spans {
            match span {
                Span::Fixed(words) => out.push_str(&escape_html(words)),
                Span::User(words) => element(out, "<span class=user>", words, "</span>"),
                Span::Blank => element(out, "<span class=blank>", BLANK, "</span>"),
            }
        }
    }
    let row = |out: &mut String, cell: &dyn Fn(&mut String, usize)| {
        out.push_str("<div class=doc-row>");
        for (column, lang) in doc.langs.iter().enumerate() {
            out.push_str("<div class=doc-cell lang=");
            out.push_str(lang.code());
            out.push('>');
            cell(out, column);
            out.push_str("</div>");
        }
        out.push_str("</div>");
    };
    let doc_lang = match doc.langs.as_slice() {
        [one] => one.code(),
        _ => "both",
    };
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<article class=terms-document data-testid=terms-preview data-doc-lang=");
    out.push_str(doc_lang);
    out.push('>');
    row(&mut out, &|out, column| {
        element(
            out,
            "<h3 class=doc-title>",
            doc.title.get(column).map_or("", String::as_str),
            "</h3>",
        );
    });
    row(&mut out, &|out, column| {
        for p in doc.preamble.get(column).into_iter().flatten() {
            para(out, p);
        }
    });
    out.push_str("<ol class=doc-clauses>");
    for clause in &doc.clauses {
        out.push_str("<li class=doc-clause data-clause=");
        out.push_str(clause.id);
        out.push('>');
        row(&mut out, &|out, column| {
            let title = clause.title.get(column).map_or("", String::as_str);
            element(out, "<h4>", &format!("{}. {title}", clause.number), "</h4>");
            for p in clause.paragraphs.get(column).into_iter().flatten() {
                para(out, p);
            }
        });
        out.push_str("</li>");
    }
    out.push_str("</ol><div class=doc-signing>");
    let signature = &doc.signature;
    row(&mut out, &|out, column| {
        for p in doc
            .closing
            .get(column)
            .into_iter()
            .chain(signature.place_date.get(column))
        {
            para(out, p);
        }
    });
    out.push_str("<div class=doc-parties>");
    for party in [&signature.provider, &signature.client] {
        element(
            &mut out,
            "<div class=doc-party><p class=doc-role>",
            &party.role.join(" / "),
            "</p>",
        );
        out.push_str("<p class=doc-sign-line aria-hidden=true></p><p class=doc-name>");
        spans(&mut out, std::slice::from_ref(&party.name));
        out.push_str("</p></div>");
    }
    out.push_str("</div>");
    element(
        &mut out,
        "<p class=doc-stamp>",
        &signature.stamp.join(" / "),
        "</p>",
    );
    out.push_str("</div></article>");
    out
}

/// The agreement as plain text, for the clipboard and the `.txt` download.
#[must_use]
pub fn to_plain_text(doc: &Document) -> String {
    write_document(&Plain, doc)
}

/// The agreement as Markdown, for the `.md` download; the user's words are escaped.
#[must_use]
pub fn to_markdown(doc: &Document) -> String {
    write_document(&Markdown, doc)
}

/// A short summary to paste into a chat with the client (marketplaces included): 5 to 8 lines,
/// the most important switched-on clauses first. It never holds the user's free text (the
/// template cannot name it there, checked at build), so no link, email, phone number or contact
/// detail can slip in.
#[must_use]
pub fn client_summary(terms: &Terms, lang: DocLang) -> Vec<String> {
    let langs = lang.langs();
    let line = |bi: &Bi| -> String {
        langs
            .iter()
            .map(|&lang| fill(text(bi, lang), terms, lang).text())
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let mut ranked: Vec<(u8, &Bi)> = summary_lines(terms.clauses, terms);
    // A line with a blank to fill in by hand means nothing in a chat: it is left out.
    ranked.retain(|(_, bi)| {
        langs.iter().all(|&lang| {
            !fill(text(bi, lang), terms, lang)
                .spans
                .contains(&Span::Blank)
        })
    });
    crate::core::sort_small_by_key(&mut ranked, |(rank, _)| *rank);
    ranked.truncate(SUMMARY_MAX_LINES - 2);
    let mut lines = vec![line(&TEMPLATE.parts.summary_title)];
    lines.extend(ranked.iter().map(|(_, bi)| line(bi)));
    for extra in TEMPLATE.parts.summary_extra.iter() {
        if lines.len() + 1 >= SUMMARY_MIN_LINES {
            break;
        }
        lines.push(line(extra));
    }
    lines.push(line(&TEMPLATE.parts.summary_closing));
    lines
}

fn summary_lines(set: ClauseSet, terms: &Terms) -> Vec<(u8, &'static Bi)> {
    set.clauses()
        .filter_map(|clause| {
            clause
                .summary
                .iter()
                .find(|paragraph| holds(paragraph, terms))
                .map(|paragraph| (clause.summary_rank, &paragraph.text))
        })
        .collect()
}
