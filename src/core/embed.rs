//! Embedding: how the widget is hosted, the options a host page may set, and the snippets the
//! embed builder writes. Every option is validated here; unknown values fall back to the
//! default and set `ignored`, so the view can say so instead of failing.

use super::bank::Bank;
use super::html::escape_html;
use super::query::query_value;
use super::text::{Lang, Theme};

/// Where the widget runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Its own page: owns the address bar, history and storage.
    Standalone,
    /// Inside an iframe (`?embed=1`): no site chrome, reports its height to the parent page,
    /// never adds history entries (the host's back button stays the host's).
    Iframe,
    /// Mounted by embed.js in a shadow root of someone else's page: touches neither the host's
    /// address bar nor its storage.
    Script,
}

/// An accent colour as `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Accent(pub [u8; 3]);

impl Accent {
    /// Accepts `rrggbb`, `#rrggbb` or `%23rrggbb` (a `#` escaped in a query string).
    #[must_use]
    pub fn parse(text: &str) -> Option<Accent> {
        let hex = text
            .strip_prefix('#')
            .or_else(|| text.strip_prefix("%23"))
            .unwrap_or(text);
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Accent([channel(0)?, channel(2)?, channel(4)?]))
    }

    #[must_use]
    pub fn hex(self) -> String {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut hex = String::with_capacity(7);
        hex.push('#');
        for byte in self.0 {
            hex.push(char::from(DIGITS[usize::from(byte >> 4)]));
            hex.push(char::from(DIGITS[usize::from(byte & 15)]));
        }
        hex
    }

    /// WCAG relative luminance, in thousandths (integer maths keeps it exact and portable).
    fn luminance(self) -> u32 {
        // sRGB to linear via a 256-entry approximation would cost bytes; a squared curve is
        // within a few percent, plenty to choose between black and white text.
        let linear = |c: u8| u32::from(c) * u32::from(c) * 1000 / (255 * 255);
        let [r, g, b] = self.0;
        (2126 * linear(r) + 7152 * linear(g) + 722 * linear(b)) / 10_000
    }

    /// Black or white, whichever is easier to read on this colour.
    #[must_use]
    pub fn text_colour(self) -> &'static str {
        // Contrast with white (1.05 / (L + 0.05)) beats contrast with black ((L + 0.05) / 0.05)
        // when L < ~0.18.
        if self.luminance() < 180 {
            "#ffffff"
        } else {
            "#000000"
        }
    }
}

/// The names of the options a host may set: `?name=` on the app's address, `data-name` on the
/// script mount's element. The one list read by `Options::read`, written by the builder's
/// snippets, passed on by `mount_widget` and by embed.js (the build writes it in).
pub const QUIZ: &str = "quiz";
pub const LANG: &str = "lang";
pub const THEME: &str = "theme";
pub const ACCENT: &str = "accent";
pub const OPTION_NAMES: [&str; 4] = [QUIZ, LANG, THEME, ACCENT];

/// Options a host may set through the query string (`?embed=1&quiz=…&lang=…&theme=…&accent=…`)
/// or the script mount's `data-*` attributes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Show only this quiz (index into the banks).
    pub quiz: Option<usize>,
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    pub accent: Option<Accent>,
    /// True when a value was given but not recognised (and so ignored).
    pub ignored: bool,
}

impl Options {
    /// Reads the options through `get`, which returns the raw value of a named option.
    #[must_use]
    pub fn read<'a>(get: impl Fn(&str) -> Option<&'a str>, banks: &[&Bank]) -> Options {
        let mut ignored = false;
        let mut check = |name: &str, parse: &dyn Fn(&str) -> bool| {
            if let Some(value) = get(name) {
                if !value.is_empty() && !parse(value) {
                    ignored = true;
                }
            }
        };
        check(QUIZ, &|v| banks.iter().any(|b| b.id == v));
        check(LANG, &|v| Lang::from_code(v).is_some());
        check(THEME, &|v| Theme::from_code(v).is_some());
        check(ACCENT, &|v| Accent::parse(v).is_some());
        Options {
            quiz: get(QUIZ).and_then(|id| banks.iter().position(|b| b.id == id)),
            lang: get(LANG).and_then(Lang::from_code),
            theme: get(THEME).and_then(Theme::from_code),
            accent: get(ACCENT).and_then(Accent::parse),
            ignored,
        }
    }

    /// The options in an element's `data-*` attributes (the script mount's element), read
    /// through `attribute`, which returns the value of a named attribute.
    #[must_use]
    pub fn from_data_attributes(
        attribute: impl Fn(&str) -> Option<String>,
        banks: &[&Bank],
    ) -> Options {
        let values: Vec<(&str, Option<String>)> = OPTION_NAMES
            .into_iter()
            .map(|name| {
                let mut data_name = String::from("data-");
                data_name.push_str(name);
                (name, attribute(&data_name))
            })
            .collect();
        Options::read(
            |name| {
                values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .and_then(|(_, v)| v.as_deref())
            },
            banks,
        )
    }

    /// The options in a query string such as `?embed=1&lang=en`.
    #[must_use]
    pub fn from_query(search: &str, banks: &[&Bank]) -> Options {
        Options::read(|name| query_value(search, name), banks)
    }
}

/// The embed mode a blogger picks in the builder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnippetMode {
    Iframe,
    Script,
}

/// Everything the builder lets a blogger choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choices {
    pub mode: SnippetMode,
    pub quiz: Option<usize>,
    pub lang: Lang,
    pub theme: Theme,
    pub accent: Option<Accent>,
}

impl Default for Choices {
    fn default() -> Choices {
        Choices {
            mode: SnippetMode::Iframe,
            quiz: None,
            lang: Lang::Id,
            theme: Theme::Auto,
            accent: None,
        }
    }
}

impl Choices {
    /// `(name, value)` pairs for the chosen options, defaults left out.
    fn pairs<'a>(&self, banks: &'a [&'a Bank]) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(bank) = self.quiz.and_then(|q| banks.get(q)) {
            pairs.push((QUIZ, bank.id.to_string()));
        }
        pairs.push((LANG, self.lang.code().to_string()));
        if self.theme != Theme::Auto {
            pairs.push((THEME, self.theme.code().to_string()));
        }
        if let Some(accent) = self.accent {
            pairs.push((ACCENT, accent.hex()));
        }
        pairs
    }

    /// The app's address with these options, for a plain link (`#` in the accent is escaped).
    #[must_use]
    pub fn link(&self, app_base: &str, banks: &[&Bank]) -> String {
        let mut url = String::from(app_base);
        for (i, (name, value)) in self.pairs(banks).iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(name);
            url.push('=');
            url.push_str(&value.replace('#', "%23"));
        }
        url
    }

    /// The snippet to paste into a blog post: a placeholder element (with a plain link for
    /// readers without scripts, and for a widget that cannot start) and the embed.js loader.
    #[must_use]
    pub fn snippet(&self, app_base: &str, banks: &[&Bank], fallback_text: &str) -> String {
        let mut html = String::from("<div data-cek-klien");
        if self.mode == SnippetMode::Iframe {
            html.push_str(" data-mode=\"iframe\"");
        }
        for (name, value) in self.pairs(banks) {
            html.push_str(" data-");
            html.push_str(name);
            html.push_str("=\"");
            html.push_str(&escape_html(&value));
            html.push('"');
        }
        html.push_str(">\n  <a href=\"");
        html.push_str(&escape_html(&self.link(app_base, banks)));
        html.push_str("\">");
        html.push_str(&escape_html(fallback_text));
        // A classic script, not a module: the iframe mode then works from any static host,
        // with no CORS headers (only the script mount fetches the app's files from the blog).
        html.push_str("</a>\n</div>\n<script defer src=\"");
        html.push_str(&escape_html(app_base));
        html.push_str("embed.js\"></script>");
        html
    }

    /// A linked badge image for places that take only links and images.
    #[must_use]
    pub fn badge(&self, app_base: &str, banks: &[&Bank], alt: &str, png: bool) -> String {
        let mut html = String::from("<a href=\"");
        html.push_str(&escape_html(&self.link(app_base, banks)));
        html.push_str("\"><img src=\"");
        html.push_str(&escape_html(&self.badge_image(app_base, png)));
        html.push_str("\" alt=\"");
        html.push_str(&escape_html(alt));
        html.push_str("\" width=\"200\" height=\"40\"></a>");
        html
    }

    #[must_use]
    pub fn badge_image(&self, app_base: &str, png: bool) -> String {
        let mut url = String::from(app_base);
        url.push_str("badge-");
        url.push_str(self.lang.code());
        url.push_str(if png { ".png" } else { ".svg" });
        url
    }
}
