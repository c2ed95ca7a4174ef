//! Embedding options, accent colours and the builder's snippets.

use cek_klien::core::banks::BANKS;
use cek_klien::core::embed::{Accent, Choices, Options, SnippetMode, OPTION_NAMES};
use cek_klien::core::html::escape_html;
use cek_klien::core::text::Lang;
use cek_klien::core::text::Theme;

#[test]
fn accents_parse_in_every_spelling_and_print_back() {
    for text in ["#7a3e9d", "7a3e9d", "%237a3e9d", "#7A3E9D"] {
        assert_eq!(
            Accent::parse(text),
            Some(Accent([0x7a, 0x3e, 0x9d])),
            "{text}"
        );
    }
    assert_eq!(Accent([0x7a, 0x3e, 0x9d]).hex(), "#7a3e9d");
    for bad in [
        "",
        "#fff",
        "red",
        "#12345g",
        "#1234567",
        "javascript:alert(1)",
        "#12\u{e9}456",
    ] {
        assert_eq!(Accent::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn accent_text_is_black_on_light_colours_and_white_on_dark() {
    assert_eq!(Accent([0x0b, 0x6e, 0x4f]).text_colour(), "#ffffff");
    assert_eq!(Accent([0x00, 0x00, 0x80]).text_colour(), "#ffffff");
    assert_eq!(Accent([0xff, 0xd7, 0x00]).text_colour(), "#000000");
    assert_eq!(Accent([0xee, 0xee, 0xee]).text_colour(), "#000000");
}

#[test]
fn options_come_from_the_query_and_unknown_values_are_ignored_with_a_flag() {
    let options = Options::from_query(
        "?embed=1&quiz=klien-kecewa&lang=en&theme=dark&accent=%23ff0000",
        BANKS,
    );
    assert_eq!(options.quiz, Some(1));
    assert_eq!(options.lang, Some(Lang::En));
    assert_eq!(options.theme, Some(Theme::Dark));
    assert_eq!(options.accent, Some(Accent([255, 0, 0])));
    assert!(!options.ignored);

    let odd = Options::from_query("?quiz=nope&lang=fr&theme=<b>&accent=blue", BANKS);
    assert_eq!(
        odd,
        Options {
            ignored: true,
            ..Options::default()
        }
    );
    assert!(!Options::from_query("?lang=", BANKS).ignored);
}

#[test]
fn snippets_carry_only_chosen_options_and_a_fallback_link() {
    let base = "https://example.org/tools/cek-klien/";
    let choices = Choices {
        mode: SnippetMode::Iframe,
        quiz: Some(0),
        lang: Lang::En,
        theme: Theme::Auto,
        accent: Some(Accent([0x7a, 0x3e, 0x9d])),
    };
    let snippet = choices.snippet(base, BANKS, "Cek Klien <quiz>");
    assert_eq!(
        snippet,
        "<div data-cek-klien data-mode=\"iframe\" data-quiz=\"tipe-klien\" data-lang=\"en\" data-accent=\"#7a3e9d\">\n  \
         <a href=\"https://example.org/tools/cek-klien/?quiz=tipe-klien&amp;lang=en&amp;accent=%237a3e9d\">Cek Klien &lt;quiz&gt;</a>\n\
         </div>\n<script defer src=\"https://example.org/tools/cek-klien/embed.js\"></script>"
    );
    let script = Choices {
        mode: SnippetMode::Script,
        ..Choices::default()
    }
    .snippet(base, BANKS, "x");
    assert!(
        script.starts_with("<div data-cek-klien data-lang=\"id\">"),
        "{script}"
    );
    // The script mount has the fallback link too: what a reader sees when it cannot start.
    assert!(
        script.contains("\n  <a href=\"https://example.org/tools/cek-klien/?lang=id\">x</a>\n"),
        "{script}"
    );
}

/// The builder writes options as `data-*` attributes that the script mount reads back through
/// `OPTION_NAMES`; a name missing from that list would be silently dropped.
#[test]
fn every_option_the_builder_writes_is_read_back_by_name() {
    let choices = Choices {
        mode: SnippetMode::Script,
        quiz: Some(1),
        lang: Lang::En,
        theme: Theme::Dark,
        accent: Some(Accent([1, 2, 3])),
    };
    let snippet = choices.snippet("https://x.test/", BANKS, "x");
    let attribute = |name: &str| {
        let key = format!(" data-{name}=\"");
        let start = snippet.find(&key)? + key.len();
        let end = snippet[start..].find('"')? + start;
        Some(snippet[start..end].to_string())
    };
    let written: Vec<&str> = ["quiz", "lang", "theme", "accent"]
        .into_iter()
        .filter(|name| attribute(name).is_some())
        .collect();
    assert_eq!(written, OPTION_NAMES, "{snippet}");
    let read =
        Options::from_data_attributes(|name| attribute(name.trim_start_matches("data-")), BANKS);
    assert_eq!(
        read,
        Options {
            quiz: Some(1),
            lang: Some(Lang::En),
            theme: Some(Theme::Dark),
            accent: Some(Accent([1, 2, 3])),
            ignored: false,
        }
    );
}

#[test]
fn badges_link_to_the_app_with_an_image_in_the_chosen_language() {
    let choices = Choices {
        lang: Lang::En,
        ..Choices::default()
    };
    let badge = choices.badge("https://x.test/", BANKS, "Take \"the\" quiz", true);
    assert_eq!(
        badge,
        "<a href=\"https://x.test/?lang=en\"><img src=\"https://x.test/badge-en.png\" alt=\"Take &quot;the&quot; quiz\" width=\"200\" height=\"40\"></a>"
    );
}

#[test]
fn html_escaping_covers_attribute_breakers() {
    assert_eq!(
        escape_html("<a href='x'>\"&"),
        "&lt;a href=&#39;x&#39;&gt;&quot;&amp;"
    );
}
