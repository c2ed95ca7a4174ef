//! Languages and bilingual text. Every user-facing string exists in both languages; the bank
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
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Accepts exactly the codes `code()` produces, case-insensitively.
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
    pub fn from_browser_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Id
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
}

/// A string in both languages. `Cow` lets the same type hold text parsed at build time (owned)
/// and text baked into the binary as statics (borrowed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub id: Cow<'static, str>,
    #[serde(default)]
    pub en: Cow<'static, str>,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Id => &self.id,
            Lang::En => &self.en,
        }
    }

    /// The languages whose text is empty or only white space.
    pub fn missing(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL
            .into_iter()
            .filter(|lang| self.get(*lang).trim().is_empty())
    }
}

/// Reads `lang` from a query string such as `?quiz=x&lang=en`. Unknown values give `None`, so
/// the caller falls back to the browser's language.
pub fn lang_from_query(search: &str) -> Option<Lang> {
    query_value(search, "lang").and_then(Lang::from_code)
}

/// `search` (a `?a=b&…` string) with its `lang` value replaced by `lang`, every other pair
/// kept in order; `None` when there is no `lang` pair or every one already says `lang`.
/// After a reader switches language, the address must stop asking for the old one.
pub fn query_with_lang(search: &str, lang: Lang) -> Option<String> {
    let pairs = search.trim_start_matches('?');
    let is_lang = |pair: &str| pair == "lang" || pair.starts_with("lang=");
    let differs = pairs
        .split('&')
        .any(|pair| is_lang(pair) && pair.split_once('=').map(|(_, v)| v) != Some(lang.code()));
    if !differs {
        return None;
    }
    let mut query = String::from("?");
    for (index, pair) in pairs.split('&').enumerate() {
        if index > 0 {
            query.push('&');
        }
        if is_lang(pair) {
            query.push_str("lang=");
            query.push_str(lang.code());
        } else {
            query.push_str(pair);
        }
    }
    Some(query)
}

/// The raw value of `name` in a query string, without percent-decoding: every value the app
/// accepts is plain ASCII, so anything encoded is simply not recognised.
pub fn query_value<'a>(search: &'a str, name: &str) -> Option<&'a str> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}
