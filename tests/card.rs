//! The result card's SVG: its size, its escaping, its words in both languages and themes, no
//! reference to anything outside it, and every text inside its column, for every outcome of
//! every bank.

mod common;

use cek_klien::core::advice::advise_for;
use cek_klien::core::bank::Bank;
use cek_klien::core::banks::BANKS;
use cek_klien::core::card::{file_name, link_lang, make, svg, wrap, HEIGHT, STEPS, WIDTH};
use cek_klien::core::classify::{classify, Answers};
use cek_klien::core::report::Report;
use cek_klien::core::text::{Lang, Text};
use cek_klien::core::ui_text::Ui;
use std::borrow::Cow;

fn card(report: &Report, dark: bool) -> String {
    svg(report, dark)
}

/// A report whose verdict is `outcome`, with every flag of the bank raised when `flags` (the
/// longest plan the outcome can have), built as the app builds one but with the verdict chosen.
fn report_for(bank: &Bank, outcome: usize, flags: bool, lang: Lang) -> Report<'_> {
    let answers = Answers::empty(bank);
    let mut classification = classify(bank, &answers);
    classification.primary = outcome;
    classification.lead = cek_klien::core::classify::Lead::Clear;
    classification.flags = if flags {
        (0..bank.flags.len()).collect()
    } else {
        Vec::new()
    };
    classification.scores = (0..bank.outcomes.len())
        .map(|o| {
            if o == outcome {
                100
            } else {
                (o * 23 % 90) as u8
            }
        })
        .collect();
    let advice = advise_for(bank, outcome, &classification.flags, &answers);
    Report {
        bank,
        lang,
        classification,
        advice,
        runner_up: None,
        plain_text: String::new(),
        share_url: String::new(),
        terms_link: None,
    }
}

/// A finer estimate of a text's width in px than the card's bytes per line: each character as
/// wide as it is in the widest common sans-serif (DejaVu Sans, Linux's default), bold a tenth
/// wider, so a card that passes fits the fonts readers have.
fn text_width(text: &str, size: u32, bold: bool) -> u32 {
    let per_mille: u32 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | ' ' => 300,
            'f' | 't' | 'r' | 'I' | '-' | '/' | '(' | ')' => 400,
            'm' | 'w' | 'M' | 'W' | '@' | '%' | '—' | '…' => 900,
            'A'..='Z' | '&' => 700,
            _ => 620,
        })
        .sum();
    let per_mille = if bold { per_mille * 11 / 10 } else { per_mille };
    per_mille * size / 1000
}

/// One `<text>` element: where it starts, its size and weight, and its words unescaped.
struct Drawn {
    x: u32,
    y: u32,
    size: u32,
    bold: bool,
    text: String,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Checks that `svg` is well-formed XML as far as the card uses it (elements, quoted
/// attributes, text with the five escapes) and returns its `<text>` elements.
fn parse(svg: &str) -> Vec<Drawn> {
    let mut open: Vec<String> = Vec::new();
    let mut drawn = Vec::new();
    let mut rest = svg;
    let mut roots = 0;
    while !rest.is_empty() {
        if let Some(tag) = rest.strip_prefix('<') {
            let end = tag.find('>').expect("a tag is closed");
            let inner = &tag[..end];
            rest = &tag[end + 1..];
            assert!(!inner.contains('<'), "a '<' inside a tag: {inner}");
            if let Some(name) = inner.strip_prefix('/') {
                assert_eq!(
                    open.pop().as_deref(),
                    Some(name),
                    "closing tag out of order"
                );
                continue;
            }
            let self_closing = inner.ends_with('/');
            let inner = inner.trim_end_matches('/');
            let name = inner.split(' ').next().expect("a name");
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()),
                "tag name {name:?}"
            );
            // Attributes: name="value" pairs, values without quotes or '<' in them.
            let mut attrs = &inner[name.len()..];
            while let Some(after) = attrs.strip_prefix(' ') {
                let eq = after.find("=\"").expect("an attribute with a quoted value");
                let key = &after[..eq];
                assert!(
                    key.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':'),
                    "attribute name {key:?}"
                );
                let value_end = after[eq + 2..].find('"').expect("a closing quote") + eq + 2;
                check_escapes(&after[eq + 2..value_end]);
                attrs = &after[value_end + 1..];
            }
            assert!(attrs.is_empty(), "junk in a tag: {attrs:?}");
            if open.is_empty() {
                roots += 1;
            }
            if name == "text" {
                let close = rest.find("</text>").expect("a text is closed");
                let content = &rest[..close];
                assert!(!content.contains('<'), "markup inside a text: {content}");
                check_escapes(content);
                let class = attribute(inner, "class").unwrap_or_default();
                let has = |c: &str| class.split(' ').any(|k| k == c);
                drawn.push(Drawn {
                    x: attribute(inner, "x").unwrap().parse().unwrap(),
                    y: attribute(inner, "y").unwrap().parse().unwrap(),
                    // The card's classes (src/core/card.rs): h 40 px bold, k 24 px bold, s 20 px.
                    size: if has("h") {
                        40
                    } else if has("k") {
                        24
                    } else if has("s") {
                        20
                    } else {
                        21
                    },
                    bold: has("b") || has("h") || has("k"),
                    text: unescape(content),
                });
            }
            if !self_closing {
                open.push(name.to_string());
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let content = &rest[..end];
            assert!(
                !open.is_empty() || content.trim().is_empty(),
                "text outside the root: {content:?}"
            );
            check_escapes(content);
            rest = &rest[end..];
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    assert_eq!(roots, 1, "one root element");
    drawn
}

/// Every '&' starts one of the escapes the app writes; no raw '>' either.
fn check_escapes(text: &str) {
    assert!(!text.contains('>'), "a raw '>' in {text:?}");
    for (at, _) in text.match_indices('&') {
        let rest = &text[at..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| rest.starts_with(e)),
            "a raw '&' in {text:?}"
        );
    }
}

/// The column a text at `x`, `y` must stay inside: the top line spans the card, the verdict and
/// scores the left column, the steps the panel.
fn right_edge(drawn: &Drawn) -> u32 {
    if drawn.y < 110 {
        WIDTH - 60
    } else if drawn.x < 600 {
        560
    } else {
        1104
    }
}

fn check_fits(svg: &str, what: &str) -> Vec<Drawn> {
    let drawn = parse(svg);
    for text in &drawn {
        let width = text_width(&text.text, text.size, text.bold);
        assert!(
            text.x + width <= right_edge(text),
            "{what}: {:?} is {width} px wide at x {}",
            text.text,
            text.x
        );
        assert!(
            text.y >= text.size && text.y + text.size / 3 <= HEIGHT - 30,
            "{what}: {:?} at y {} leaves the card",
            text.text,
            text.y
        );
        assert!(!text.text.trim().is_empty(), "{what}: an empty line");
    }
    // No two texts' boxes (estimated width, the font size tall above the baseline) overlap.
    let boxes: Vec<(u32, u32, u32, u32)> = drawn
        .iter()
        .map(|d| {
            let right = d.x + text_width(&d.text, d.size, d.bold);
            (d.x, right, d.y - d.size, d.y)
        })
        .collect();
    for (i, a) in boxes.iter().enumerate() {
        for (j, b) in boxes.iter().enumerate().skip(i + 1) {
            let overlap = a.0 < b.1 && b.0 < a.1 && a.2 < b.3 && b.2 < a.3;
            assert!(
                !overlap,
                "{what}: {:?} and {:?} overlap",
                drawn[i].text, drawn[j].text
            );
        }
    }
    drawn
}

#[test]
fn the_card_is_1200_by_630_and_refers_to_nothing_outside_it() {
    let bank = common::bank("tipe-klien");
    for lang in Lang::ALL {
        for dark in [false, true] {
            let card = card(&report_for(bank, 2, true, lang), dark);
            assert!(card.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\" viewBox=\"0 0 1200 630\""));
            assert_eq!((WIDTH, HEIGHT), (1200, 630));
            // The namespace is a name, not an address anything fetches; nothing else names one.
            assert_eq!(card.matches("http").count(), 1, "{card}");
            for banned in [
                "href",
                "url(",
                "@import",
                "<image",
                "<use",
                "<script",
                "<foreign",
                "src=",
                "@font-face",
            ] {
                assert!(!card.contains(banned), "{banned} in the card");
            }
            assert!(card.contains(&format!("xml:lang=\"{}\"", lang.code())));
            parse(&card);
        }
    }
}

#[test]
fn both_themes_and_both_languages_differ_where_they_should() {
    let bank = common::bank("tipe-klien");
    let light = card(&report_for(bank, 0, false, Lang::Id), false);
    let dark = card(&report_for(bank, 0, false, Lang::Id), true);
    assert!(light.contains("<rect width=\"1200\" height=\"630\" fill=\"#f7f7f4\"/>"));
    assert!(dark.contains("<rect width=\"1200\" height=\"630\" fill=\"#15181c\"/>"));
    let english = card(&report_for(bank, 0, false, Lang::En), false);
    for (card, lang) in [(&light, Lang::Id), (&english, Lang::En)] {
        let texts: Vec<String> = parse(card).into_iter().map(|d| d.text).collect();
        let all = texts.join(" ");
        assert!(all.contains(Ui::AppName.text(lang)));
        assert!(texts.iter().any(|t| t == Ui::ResultLabel.text(lang)));
        assert!(texts.iter().any(|t| t == Ui::CardSteps.text(lang)));
        assert!(all.contains(bank.outcomes[0].name.get(lang)));
    }
    assert!(light.contains("Langkah awal") && english.contains("First steps"));
}

#[test]
fn the_card_shows_the_verdict_every_score_and_the_first_steps() {
    let bank = common::bank("tipe-klien");
    let answers = common::answers(bank, &[("status", 1), ("pembayaran", 2), ("bahasa", 0)]);
    for lang in Lang::ALL {
        let report = Report::new(bank, &answers, lang, "");
        let drawn = check_fits(&card(&report, false), "a real result");
        let texts: Vec<&str> = drawn.iter().map(|d| d.text.as_str()).collect();
        let all = texts.join(" ");
        let outcome = report.outcome().unwrap();
        assert!(all.contains(outcome.name.get(lang)), "{all}");
        for (o, score) in report.classification.scores.iter().enumerate() {
            assert!(texts.contains(&bank.outcomes[o].name.get(lang)));
            assert!(texts.contains(&score.to_string().as_str()));
        }
        // The first steps, numbered, each starting with its own first words.
        assert!(report.advice.plan.len() > STEPS);
        for (step, item) in report.advice.plan.iter().enumerate().take(STEPS) {
            assert!(texts.contains(&(step + 1).to_string().as_str()));
            let first_words: String = item
                .text
                .get(lang)
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(all.contains(&first_words), "{first_words:?} in {all}");
        }
        let later = report.advice.plan[STEPS].text.get(lang);
        assert!(!all.contains(later), "only the first {STEPS} steps");
        assert_eq!(file_name(&report), format!("cek-klien-{}.png", outcome.id));
    }
}

fn hostile(text: &str) -> Text {
    Text {
        id: Cow::Owned(text.to_string()),
        en: Cow::Owned(text.to_string()),
        key: 0,
    }
}

#[test]
fn hostile_texts_are_escaped_and_still_fit() {
    let mut bank = common::bank("tipe-klien").clone();
    let evil = "&amp; </text><script>alert(1)</script> & \"quoted\"\n'single' <![CDATA[ ]]> ";
    let long_word = "Supercalifragilisticexpialidocious".repeat(6);
    bank.title = hostile(&evil.repeat(3));
    for outcome in bank.outcomes.to_mut() {
        outcome.name = hostile(&format!("{evil}{long_word}"));
        outcome.summary = hostile(&evil.repeat(10));
    }
    for item in bank.advice.to_mut() {
        item.text = hostile(&format!("{long_word} {}", evil.repeat(8)));
    }
    for lang in Lang::ALL {
        for dark in [false, true] {
            let card = card(&report_for(&bank, 1, true, lang), dark);
            assert!(!card.contains("<script"));
            assert!(!card.contains("<!["));
            assert!(card.contains("&lt;/text&gt;&lt;script&gt;"));
            assert!(card.contains("&amp;amp;"));
            let drawn = check_fits(&card, "hostile texts");
            assert!(
                drawn.iter().any(|d| d.text.ends_with('…')),
                "long texts cut"
            );
            assert!(drawn.iter().any(|d| d.text.contains("<script>")));
        }
    }
}

/// Every outcome of every bank, with and without every flag, in both languages: well-formed,
/// every text inside its column, its verdict and its first step there.
#[test]
fn every_outcome_of_every_bank_makes_a_card_that_fits() {
    let mut cards = 0;
    for bank in BANKS {
        for outcome in 0..bank.outcomes.len() {
            for flags in [false, true] {
                for lang in Lang::ALL {
                    let report = report_for(bank, outcome, flags, lang);
                    let what = format!("{} {} {lang:?}", bank.id, bank.outcomes[outcome].id);
                    let card = card(&report, flags);
                    let drawn = check_fits(&card, &what);
                    let all: String = drawn
                        .iter()
                        .map(|d| d.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    let name = bank.outcomes[outcome].name.get(lang);
                    let (shown, _) = wrap(name, 19, 3);
                    assert!(all.contains(&shown.join(" ")), "{what}: {shown:?}");
                    if let Some(first) = report.advice.plan.first() {
                        let start = first.text.get(lang).split_whitespace().next().unwrap();
                        assert!(all.contains(start), "{what}: the first step");
                        assert!(all.contains(&"1".to_string()));
                    }
                    cards += 1;
                }
            }
        }
    }
    assert!(cards >= 36, "{cards}");
}

#[test]
fn wrapping_keeps_words_whole_and_marks_what_it_cut() {
    assert_eq!(wrap("one two three", 20, 2), (vec!["one two three"], false));
    assert_eq!(
        wrap("alpha beta gamma delta epsilon", 11, 10),
        (vec!["alpha beta", "gamma delta", "epsilon"], false)
    );
    // The last line keeps room for the "…" and ends on a whole word, without its comma.
    assert_eq!(
        wrap("alpha beta, gamma delta, epsilon", 12, 2),
        (vec!["alpha beta,", "gamma"], true)
    );
    assert_eq!(wrap("  ", 20, 3), (vec![], false));
    assert_eq!(wrap("words", 20, 0), (vec![], true));
    // A word longer than a line is cut where the line ends, never inside a character.
    let long = "é".repeat(20);
    let (cut, more) = wrap(&long, 9, 3);
    assert!(more);
    assert!(cut
        .iter()
        .all(|line| line.len() <= 9 && line.chars().all(|c| c == 'é')));
    assert_eq!(cut.len(), 3);
    assert_eq!(cut[2].len(), 6, "room for the ellipsis");
}

/// What card.js gets for a result's link: the file's name, the share sheet's title, the three
/// lines it may say, in the link's language, and the card; nothing for a link that does not
/// open.
#[test]
fn a_results_link_gives_the_card_and_what_card_js_says() {
    let bank = common::bank("tipe-klien");
    let answers = common::answers(bank, &[("status", 1), ("pembayaran", 2), ("bahasa", 0)]);
    for lang in Lang::ALL {
        let report = Report::new(bank, &answers, lang, "https://example.org/cek/");
        let link = &report.share_url;
        assert_eq!(link_lang(link), Some(lang));
        let fragment = link.split_once('#').unwrap().1;
        assert_eq!(link_lang(fragment), Some(lang), "the fragment alone too");
        for dark in [false, true] {
            let made = make(link, dark);
            let outcome = report.outcome().unwrap();
            assert_eq!(
                made[..5],
                [
                    format!("cek-klien-{}.png", outcome.id),
                    outcome.name.get(lang).to_string(),
                    Ui::CardDownloaded.text(lang).to_string(),
                    Ui::CardShared.text(lang).to_string(),
                    Ui::CardFailed.text(lang).to_string(),
                ]
            );
            assert_eq!(made[5], svg(&report, dark));
        }
    }
    for broken in [
        "",
        "#",
        "https://example.org/cek/#r1.nope",
        "#r1.tipe-klien.9.id.zz",
    ] {
        assert_eq!(link_lang(broken), None);
        assert!(make(broken, false).is_empty());
    }
}
