//! Query strings (`?a=b&c=d`): the few values the app reads from its address, and the one it
//! rewrites. Values are compared raw, without percent-decoding: every value the app accepts is
//! plain ASCII, so anything encoded is simply not recognised.

use super::text::Lang;

/// Reads `lang` from a query string such as `?quiz=x&lang=en`. Unknown values give `None`, so
/// the caller falls back to the browser's language.
#[must_use]
pub fn lang_from_query(search: &str) -> Option<Lang> {
    query_value(search, "lang").and_then(Lang::from_code)
}

/// `search` (a `?a=b&…` string) with its `lang` value replaced by `lang`, every other pair
/// kept in order; `None` when there is no `lang` pair or every one already says `lang`.
/// After a reader switches language, the address must stop asking for the old one.
#[must_use]
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

/// The raw value of the first `name=` pair in a query string.
#[must_use]
pub fn query_value<'a>(search: &'a str, name: &str) -> Option<&'a str> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// `?embed=1` (or `true`/`yes`) marks the iframe mode.
#[must_use]
pub fn is_iframe_query(search: &str) -> bool {
    matches!(query_value(search, "embed"), Some("1" | "true" | "yes"))
}
