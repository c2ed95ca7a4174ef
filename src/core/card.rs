//! The result card: a 1200×630 picture of the verdict, its scores and the first steps of the
//! plan, in the result's language and theme, written as SVG text. The browser draws it onto a
//! canvas and shares or downloads the PNG (static/card.js); nothing here touches the browser,
//! so the layout is tested natively.
//!
//! Every reader downloads the quiz's wasm, and most never make a card, so none of this is in
//! it: the quiz shows only the button, card.js reads the result's share link from the screen,
//! and a wasm of its own (src/bin/card.rs), which card.js loads when a reader asks for a card,
//! opens the link as the app does and writes the card from the report ([`make`]).
//!
//! The SVG stands alone: no fonts, images or styles from anywhere (drawing it fetches nothing,
//! and the app sends no request off its origin), only the system's sans-serif. Every text from
//! the banks and the interface is escaped. An SVG image cannot wrap text, so lines are broken
//! here, by a number of bytes per line that assumes every character is wide (tests/card.rs
//! checks every bank's texts against a finer estimate of real fonts).

use super::banks::BANKS;
use super::html::element;
use super::link::{decode, SharedResult};
use super::report::Report;
use super::text::Lang;
use super::ui_text::Ui;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
/// How many steps of the plan the card shows at most.
pub const STEPS: usize = 3;

const OPEN: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\" viewBox=\"0 0 1200 630\" font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif\" xml:lang=\"";

/// The stylesheet's colours (static/app.css), so the card reads as the app's, and the parts
/// that never change: the background, the accent stripe and the steps' panel. Classes: `m`
/// muted, `a` accent, `b` bold, `h` the verdict, `k` headings, `s` score names, `t` a score's
/// track, and the outcome tones (`Tone::code`) for its bar.
const LIGHT: &str = "\"><style>text{font-size:21px;fill:#1c1f23}.m{fill:#4e5660}.a,.good{fill:#0b6e4f}.b{font-weight:700}.h{font-size:40px;font-weight:700}.k{font-size:24px;font-weight:700}.s{font-size:20px}.t{fill:#c9cdd2}.neutral{fill:#4e5660}.caution{fill:#8a5300}.bad{fill:#a4262c}</style><rect width=\"1200\" height=\"630\" fill=\"#f7f7f4\"/><rect width=\"12\" height=\"630\" class=\"a\"/><rect x=\"600\" y=\"116\" width=\"540\" height=\"484\" rx=\"16\" fill=\"#fff\"/>";
const DARK: &str = "\"><style>text{font-size:21px;fill:#eceff2}.m{fill:#aab2bb}.a,.good{fill:#5fd3a8}.b{font-weight:700}.h{font-size:40px;font-weight:700}.k{font-size:24px;font-weight:700}.s{font-size:20px}.t{fill:#3d444d}.neutral{fill:#aab2bb}.caution{fill:#f0b35a}.bad{fill:#ff9b9b}</style><rect width=\"1200\" height=\"630\" fill=\"#15181c\"/><rect width=\"12\" height=\"630\" class=\"a\"/><rect x=\"600\" y=\"116\" width=\"540\" height=\"484\" rx=\"16\" fill=\"#1f2329\"/>";

/// The bottom of the score rows and of the steps, and a score row's height.
const BOTTOM: u32 = 581;
const ROW: u32 = 46;

/// The result a share link (or its fragment) opens, if it opens.
fn open(link: &str) -> Option<SharedResult> {
    let fragment = link.rsplit_once('#').map_or(link, |(_, fragment)| fragment);
    decode(fragment, BANKS).ok()
}

/// The language of the result `link` (a share link, or its fragment) opens in, or `None` when
/// it does not open: card.js makes that language's texts available before [`make`].
#[must_use]
pub fn link_lang(link: &str) -> Option<Lang> {
    open(link).map(|shared| shared.lang)
}

/// The card for the result `link` opens, as card.js takes it: the file's name, the share
/// sheet's title, what to say once the card was downloaded, shared, or could not be made, and
/// the SVG (`dark`: in the dark theme's colours). Empty when the link does not open.
#[must_use]
pub fn make(link: &str, dark: bool) -> Vec<String> {
    let Some(shared) = open(link) else {
        return Vec::new();
    };
    let Some(bank) = BANKS.get(shared.quiz) else {
        return Vec::new();
    };
    let report = Report::new(bank, &shared.answers, shared.lang, "");
    let lang = report.lang;
    vec![
        file_name(&report),
        report
            .outcome()
            .map_or("", |o| o.name.get(lang))
            .to_string(),
        Ui::CardDownloaded.text(lang).to_string(),
        Ui::CardShared.text(lang).to_string(),
        Ui::CardFailed.text(lang).to_string(),
        svg(&report, dark),
    ]
}

/// The card for `report` as SVG text; `dark` picks the dark theme's colours.
#[must_use]
pub fn svg(report: &Report, dark: bool) -> String {
    let lang = report.lang;
    let bank = report.bank;
    let result = &report.classification;
    let mut out = String::from(OPEN);
    out.push_str(lang.code());
    out.push_str(if dark { DARK } else { LIGHT });
    // The app's name and the quiz, across the top (24 px bold: 68 bytes in 1080 px).
    let mut top = String::from(Ui::AppName.text(lang));
    top.push_str(" · ");
    top.push_str(bank.title.get(lang));
    lines(&mut out, 60, 84, "a k", &top, 68, 1);
    lines(&mut out, 60, 146, "m", Ui::ResultLabel.text(lang), 39, 1);
    let rows = bank.outcomes.len().min(5) as u32;
    if let Some(outcome) = report.outcome() {
        // The verdict (40 px bold: 19 bytes in 500 px), then its summary in the room left
        // above the scores (21 px: 39 bytes a line).
        let y = 196 + lines(&mut out, 60, 196, "h", outcome.name.get(lang), 19, 3);
        let room = (BOTTOM - rows * ROW).saturating_sub(y) / 28;
        lines(
            &mut out,
            60,
            y + 6,
            "m",
            outcome.summary.get(lang),
            39,
            room as usize,
        );
    }
    // Every score, in the bank's order, the verdict's in bold (20 px: 37 bytes in 500 px),
    // each over its bar in its outcome's colour.
    let mut y = BOTTOM - ROW * rows + 24;
    for (o, outcome) in bank.outcomes.iter().enumerate().take(5) {
        let score = u32::from(result.scores.get(o).copied().unwrap_or(0).min(100));
        let class = if o == result.primary { "s b" } else { "s" };
        lines(&mut out, 60, y, class, outcome.name.get(lang), 37, 1);
        bar(&mut out, y, "t", 420);
        bar(&mut out, y, outcome.tone.code(), score * 42 / 10);
        lines(&mut out, 494, y + 21, "s b", &score.to_string(), 4, 1);
        y += ROW;
    }
    // The first steps, on the panel, each as many lines as it needs (21 px: 36 bytes in
    // 440 px) while there is room, keeping three lines and a gap for each step after it.
    lines(&mut out, 632, 166, "k", Ui::CardSteps.text(lang), 40, 1);
    let shown = report.advice.plan.len().min(STEPS);
    let mut y = 214;
    for (step, item) in report.advice.plan.iter().take(shown).enumerate() {
        let kept = (shown - step - 1) as u32 * (3 * 28 + 14);
        let room = (BOTTOM + 12).saturating_sub(y + kept) / 28;
        if room < 2 {
            break;
        }
        lines(&mut out, 632, y, "a b", &(step + 1).to_string(), 2, 1);
        let text = item.text.get(lang);
        y += lines(&mut out, 664, y, "", text, 36, room.min(7) as usize) + 14;
    }
    out.push_str("</svg>");
    out
}

/// The file a card is saved as: `cek-klien-<outcome id>.png`.
#[must_use]
pub fn file_name(report: &Report) -> String {
    let mut name = String::from("cek-klien-");
    name.push_str(report.outcome().map_or("result", |o| &o.id));
    name.push_str(".png");
    name
}

/// Appends a score's bar under the text at `y`, `width` px long, coloured by `class`.
fn bar(out: &mut String, y: u32, class: &str, width: u32) {
    out.push_str("<rect x=\"60\" y=\"");
    out.push_str(&(y + 10).to_string());
    out.push_str("\" width=\"");
    out.push_str(&width.to_string());
    element(out, "\" height=\"10\" class=\"", class, "\"/>");
}

/// Writes `text` as lines of at most `per_line` bytes, at most `max` of them, 28 px apart, each
/// a `<text>` of `class` from `x`, `y`; returns the height they took.
fn lines(
    out: &mut String,
    x: u32,
    y: u32,
    class: &str,
    text: &str,
    per_line: usize,
    max: usize,
) -> u32 {
    let (parts, cut) = wrap(text, per_line, max);
    let mut at = y;
    for (i, part) in parts.iter().enumerate() {
        out.push_str("<text x=\"");
        out.push_str(&x.to_string());
        out.push_str("\" y=\"");
        out.push_str(&at.to_string());
        out.push_str("\" class=\"");
        out.push_str(class);
        element(out, "\">", part, "");
        if cut && i + 1 == parts.len() {
            out.push('…');
        }
        out.push_str("</text>");
        // The verdict's big letters need more room between lines.
        at += if class == "h" { 50 } else { 28 };
    }
    at - y
}

/// Breaks `text` into at most `max` lines of at most `per_line` bytes, at spaces (a word longer
/// than a line is cut); true when text was left over, so the last line needs a "…" (room for
/// it, 3 bytes, is kept).
#[must_use]
pub fn wrap(text: &str, per_line: usize, max: usize) -> (Vec<&str>, bool) {
    let mut lines = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() && lines.len() < max {
        let last = lines.len() + 1 == max;
        if rest.len() <= per_line {
            lines.push(rest);
            return (lines, false);
        }
        let limit = if last {
            per_line.saturating_sub(3)
        } else {
            per_line
        };
        // Up to and including the byte after the limit: a space there ends a word that fits.
        let end = match rest.as_bytes()[..=limit].iter().rposition(|&b| b == b' ') {
            Some(space) if space > 0 => space,
            _ => (0..=limit)
                .rev()
                .find(|&i| rest.is_char_boundary(i))
                .unwrap_or(0),
        };
        let line = &rest[..end];
        lines.push(if last {
            line.trim_end_matches(|c: char| c == ' ' || c.is_ascii_punctuation())
        } else {
            line
        });
        rest = rest[end..].trim_start();
    }
    let cut = !rest.is_empty();
    (lines, cut)
}
