//! Languages, themes and bilingual text. Every user-facing string exists in both languages; the bank
//! validator and build.rs refuse data where one side is missing.

use serde::Deserialize;
use std::borrow::Cow;

/// The two languages the app speaks. Bahasa Indonesia is the default because most users are
/// Indonesian freelancers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 tag used in `?lang=`, in `<html lang>` and in share links.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Accepts exactly the codes `code()` produces, case-insensitively.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        if code.eq_ignore_ascii_case("id") {
            Some(Lang::Id)
        } else if code.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Picks a language from a browser language tag such as `en-US` or `id-ID`; anything that is
    /// not English falls back to Indonesian, the product's home language.
    #[must_use]
    pub fn from_browser_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Id
        }
    }

    #[must_use]
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
}

/// The colour theme a reader or a host page chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the system's light or dark preference.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The code used in `?theme=`, `data-theme` and the stylesheet.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Accepts exactly the codes `code()` produces, case-insensitively.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|theme| theme.code().eq_ignore_ascii_case(code))
    }
}

/// A string in both languages. `Cow` lets the same type hold text parsed at build time (owned)
/// and text baked into the binary as statics (borrowed).
///
/// In the browser the English side is not in the binary: every reader downloads the wasm, most
/// read Indonesian, and the English half of the texts is kilobytes. There `en` is empty and the
/// English text is looked up by `key` in the English pack (`core::english`), loaded only for
/// readers who use English; until it arrives, the Indonesian text stands in.
#[derive(Clone, Debug, Default, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub id: Cow<'static, str>,
    #[serde(default)]
    pub en: Cow<'static, str>,
    /// This text's place in the English pack, given by build.rs.
    #[serde(skip)]
    pub key: u16,
}

/// Texts are equal when they say the same: the pack key is bookkeeping.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.id == other.id && self.en == other.en
    }
}

impl Text {
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            #[cfg(not(target_arch = "wasm32"))]
            Lang::Id => &self.id,
            // A text only a result shows has its Indonesian in the result pack.
            #[cfg(target_arch = "wasm32")]
            Lang::Id if self.id.is_empty() => crate::core::english::later(self.key).unwrap_or(""),
            #[cfg(target_arch = "wasm32")]
            Lang::Id => &self.id,
            #[cfg(not(target_arch = "wasm32"))]
            Lang::En => &self.en,
            #[cfg(target_arch = "wasm32")]
            Lang::En => crate::core::english::get(self.key).unwrap_or(&self.id),
        }
    }

    /// The languages whose text is empty or only white space.
    pub fn missing(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL
            .into_iter()
            .filter(|lang| self.get(*lang).trim().is_empty())
    }
}
