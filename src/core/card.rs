//! The result card: a 1200×630 picture of the verdict, its scores and the first steps of the
//! plan, in the result's language and theme, written as SVG text. The browser draws it onto a
//! canvas and shares or downloads the PNG (static/card.js); nothing here touches the browser,
//! so the layout is tested natively.
//!
//! The SVG stands alone: no fonts, images or styles from anywhere (the browser draws an SVG
//! image without fetching anything, and the app sends no request off its origin), only the
//! system's sans-serif. Every text from the banks and the interface is escaped, and since an
//! SVG image cannot wrap text, lines are broken here by an estimate of each character's width
//! that errs wide, so a line never runs past its column in the fonts browsers use.

use super::bank::Tone;
use super::html::element;
use super::report::Report;
use super::ui_text::Ui;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// The stylesheet's colours (static/app.css): background, panel, text, muted, track, accent,
/// caution, danger. A card in the app's own colours reads as the app's.
const LIGHT: [&str; 8] = [
    "#f7f7f4", "#ffffff", "#1c1f23", "#4e5660", "#c9cdd2", "#0b6e4f", "#8a5300", "#a4262c",
];
const DARK: [&str; 8] = [
    "#15181c", "#1f2329", "#eceff2", "#aab2bb", "#3d444d", "#5fd3a8", "#f0b35a", "#ff9b9b",
];
const BG: usize = 0;
const PANEL: usize = 1;
const TEXT: usize = 2;
const MUTED: usize = 3;
const TRACK: usize = 4;
const ACCENT: usize = 5;
const CAUTION: usize = 6;
const DANGER: usize = 7;

/// The left column (verdict and scores) and the right one (the steps, on a panel).
const LEFT: u32 = 60;
const LEFT_WIDTH: u32 = 500;
const PANEL_X: u32 = 600;
const STEP_X: u32 = 664;
const STEP_WIDTH: u32 = 440;
const BOTTOM: u32 = 585;
/// How many steps of the plan the card shows at most.
pub const STEPS: usize = 3;

/// The card for `report` as SVG text; `dark` picks the dark theme's colours.
#[must_use]
pub fn svg(report: &Report, dark: bool) -> String {
    let colors = if dark { DARK } else { LIGHT };
    let lang = report.lang;
    let bank = report.bank;
    let result = &report.classification;
    let mut out = String::with_capacity(4096);
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\" viewBox=\"0 0 1200 630\" font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif\" xml:lang=\"");
    out.push_str(lang.code());
    out.push_str("\">");
    rect(&mut out, 0, 0, WIDTH, HEIGHT, colors[BG], "");
    rect(&mut out, 0, 0, 12, HEIGHT, colors[ACCENT], "");
    // The app's name and the quiz, one line across the top.
    let mut top = String::from(Ui::AppName.text(lang));
    top.push_str(" · ");
    top.push_str(bank.title.get(lang));
    lines(
        &mut out,
        &Line::new(LEFT, 84, 24, true, colors[ACCENT]),
        &top,
        WIDTH - 2 * LEFT,
        1,
    );

    let mut y = 146;
    lines(
        &mut out,
        &Line::new(LEFT, y, 22, false, colors[MUTED]),
        Ui::ResultLabel.text(lang),
        LEFT_WIDTH,
        1,
    );
    let Some(outcome) = report.outcome() else {
        out.push_str("</svg>");
        return out;
    };
    y += 50;
    y += lines(
        &mut out,
        &Line::new(LEFT, y, 42, true, colors[TEXT]),
        outcome.name.get(lang),
        LEFT_WIDTH,
        2,
    );

    // The scores, ranked as the result's chart ranks them, fill the column from the bottom up;
    // the outcome's summary takes the room left between them and the verdict.
    let mut ranked: Vec<usize> = (0..bank.outcomes.len()).collect();
    super::sort_small_by_key(&mut ranked, |&o| std::cmp::Reverse(result.scores[o]));
    ranked.truncate(5);
    let rows = ranked.len() as u32;
    let scores_top = BOTTOM - rows * ROW + 22;
    let room = (scores_top.saturating_sub(y + 26)) / 30;
    if room > 0 {
        lines(
            &mut out,
            &Line::new(LEFT, y + 6, 22, false, colors[MUTED]),
            outcome.summary.get(lang),
            LEFT_WIDTH,
            room.min(3) as usize,
        );
    }
    for (row, o) in ranked.into_iter().enumerate() {
        let y = scores_top + row as u32 * ROW;
        let score = result.scores.get(o).copied().unwrap_or(0);
        let color = match bank.outcomes[o].tone {
            Tone::Good => colors[ACCENT],
            Tone::Neutral => colors[MUTED],
            Tone::Caution => colors[CAUTION],
            Tone::Bad => colors[DANGER],
        };
        lines(
            &mut out,
            &Line::new(LEFT, y, 20, o == result.primary, colors[TEXT]),
            bank.outcomes[o].name.get(lang),
            LEFT_WIDTH,
            1,
        );
        rect(&mut out, LEFT, y + 10, BAR, 10, colors[TRACK], "");
        rect(
            &mut out,
            LEFT,
            y + 10,
            BAR * u32::from(score) / 100,
            10,
            color,
            "",
        );
        lines(
            &mut out,
            &Line::new(LEFT + BAR + 14, y + 21, 20, true, colors[TEXT]),
            &score.to_string(),
            LEFT_WIDTH,
            1,
        );
    }

    // The first steps, on a panel: each as many lines as it needs while there is room.
    rect(
        &mut out,
        PANEL_X,
        116,
        540,
        BOTTOM + 15 - 116,
        colors[PANEL],
        " rx=\"16\"",
    );
    lines(
        &mut out,
        &Line::new(PANEL_X + 32, 166, 26, true, colors[TEXT]),
        Ui::CardSteps.text(lang),
        STEP_WIDTH + 32,
        1,
    );
    let mut y = 214;
    for (step, item) in report.advice.plan.iter().take(STEPS).enumerate() {
        let room = (BOTTOM + 8 - y) / STEP_LINE;
        if room < 2 {
            break;
        }
        lines(
            &mut out,
            &Line::new(PANEL_X + 32, y, 22, true, colors[ACCENT]),
            &(step + 1).to_string(),
            32,
            1,
        );
        let used = lines(
            &mut out,
            &Line::new(STEP_X, y, 21, false, colors[TEXT]),
            item.text.get(lang),
            STEP_WIDTH,
            room.min(5) as usize,
        );
        y += used + 14;
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

/// A score row's height, and its bar's length.
const ROW: u32 = 46;
const BAR: u32 = 420;
const STEP_LINE: u32 = 28;

/// Where and how a text is drawn: its first baseline, size, weight and colour.
struct Line<'c> {
    x: u32,
    y: u32,
    size: u32,
    bold: bool,
    color: &'c str,
}

impl<'c> Line<'c> {
    fn new(x: u32, y: u32, size: u32, bold: bool, color: &'c str) -> Line<'c> {
        Line {
            x,
            y,
            size,
            bold,
            color,
        }
    }
}

/// Writes `text` broken into at most `max` lines of `width` px (the last one cut short with
/// "…" when the text is longer), one `<text>` element each; returns the height it took.
fn lines(out: &mut String, line: &Line, text: &str, width: u32, max: usize) -> u32 {
    let height = line.size * 4 / 3;
    let mut y = line.y;
    for part in wrap(text, line.size, line.bold, width, max) {
        out.push_str("<text x=\"");
        out.push_str(&line.x.to_string());
        out.push_str("\" y=\"");
        out.push_str(&y.to_string());
        out.push_str("\" font-size=\"");
        out.push_str(&line.size.to_string());
        if line.bold {
            out.push_str("\" font-weight=\"700");
        }
        element(out, "\" fill=\"", line.color, "\">");
        element(out, "", &part, "</text>");
        y += height;
    }
    y - line.y
}

/// Appends a rectangle; `more` holds any further attributes.
fn rect(out: &mut String, x: u32, y: u32, width: u32, height: u32, color: &str, more: &str) {
    out.push_str("<rect x=\"");
    out.push_str(&x.to_string());
    out.push_str("\" y=\"");
    out.push_str(&y.to_string());
    out.push_str("\" width=\"");
    out.push_str(&width.to_string());
    out.push_str("\" height=\"");
    out.push_str(&height.to_string());
    out.push_str("\" fill=\"");
    out.push_str(color);
    out.push('"');
    out.push_str(more);
    out.push_str("/>");
}

/// The estimated width of `text` in px at `size` px: generous for every character, so real
/// fonts come out narrower.
#[must_use]
pub fn text_width(text: &str, size: u32, bold: bool) -> u32 {
    let per_mille: u32 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | '(' | ')' | ' ' => 320,
            'f' | 't' | 'r' | 'I' | '-' | '/' => 420,
            'm' | 'w' | 'M' | 'W' | '@' | '%' | '—' | '…' => 950,
            'A'..='Z' | '0'..='9' | '&' => 720,
            _ => 600,
        })
        .sum();
    let per_mille = if bold { per_mille * 11 / 10 } else { per_mille };
    per_mille * size / 1000
}

/// Breaks `text` into at most `max` lines that each fit `width` px; a word longer than a line
/// is cut, and the last line ends in "…" when text is left over.
#[must_use]
pub fn wrap(text: &str, size: u32, bold: bool, width: u32, max: usize) -> Vec<String> {
    let fits = |line: &str| text_width(line, size, bold) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let start = current.len();
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
        if fits(&current) {
            continue;
        }
        current.truncate(start);
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word wider than the line is cut where it stops fitting.
        for c in word.chars() {
            current.push(c);
            if !fits(&current) && current.len() > c.len_utf8() {
                current.pop();
                lines.push(std::mem::replace(&mut current, c.to_string()));
            }
        }
        if lines.len() > max {
            break;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.push('…');
            while last.chars().count() > 1 && !fits(last) {
                last.pop();
                last.pop();
                let kept = last.trim_end_matches([' ', ',', ';', ':', '.']).len();
                last.truncate(kept);
                last.push('…');
            }
        }
    }
    lines
}
