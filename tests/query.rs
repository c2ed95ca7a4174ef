//! Query strings: the values read from the app's address and the one it rewrites.

use cek_klien::core::query::{is_iframe_query, lang_from_query, query_value, query_with_lang};
use cek_klien::core::text::Lang;

#[test]
fn language_comes_from_the_query_string_or_the_browser() {
    assert_eq!(lang_from_query("?lang=en"), Some(Lang::En));
    assert_eq!(lang_from_query("?quiz=x&lang=ID"), Some(Lang::Id));
    assert_eq!(lang_from_query("?lang=fr"), None);
    assert_eq!(lang_from_query("?lang=<script>"), None);
    assert_eq!(lang_from_query(""), None);
    assert_eq!(Lang::from_browser_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_browser_tag("id-ID"), Lang::Id);
    assert_eq!(Lang::from_browser_tag("ms-MY"), Lang::Id);
    assert_eq!(Lang::from_browser_tag(""), Lang::Id);
}

#[test]
fn a_language_switch_rewrites_the_address_lang_and_nothing_else() {
    assert_eq!(
        query_with_lang("?embed=1&lang=en&quiz=tipe-klien", Lang::Id).as_deref(),
        Some("?embed=1&lang=id&quiz=tipe-klien")
    );
    assert_eq!(
        query_with_lang("?lang=xx", Lang::En).as_deref(),
        Some("?lang=en")
    );
    assert_eq!(
        query_with_lang("?lang", Lang::En).as_deref(),
        Some("?lang=en")
    );
    // Nothing to change: no lang pair, or it already says so.
    assert_eq!(query_with_lang("", Lang::En), None);
    assert_eq!(query_with_lang("?quiz=tipe-klien", Lang::En), None);
    assert_eq!(query_with_lang("?lang=en", Lang::En), None);
    // A pair that only starts with "lang" is someone else's.
    assert_eq!(query_with_lang("?language=en", Lang::Id), None);
}

#[test]
fn values_are_read_raw_and_only_by_their_exact_name() {
    assert_eq!(query_value("?a=1&b=2", "b"), Some("2"));
    assert_eq!(query_value("?ab=1", "a"), None);
    assert_eq!(query_value("?a=%23x", "a"), Some("%23x"));
    assert_eq!(query_value("?a", "a"), None);
}

#[test]
fn the_iframe_mode_is_marked_by_embed_1() {
    assert!(is_iframe_query("?lang=en&embed=1"));
    assert!(is_iframe_query("?embed=yes"));
    assert!(!is_iframe_query("?embed=0"));
    assert!(!is_iframe_query(""));
}
