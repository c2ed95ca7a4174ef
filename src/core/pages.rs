//! The app's pages and how they address each other. Every address is relative to the folder
//! the app is served from (its "app base", e.g. `https://example.org/tools/cek-klien/`), so the
//! site works under any sub-path of any static host.

use super::text::Lang;

/// The embed builder's page, next to the app's: a page of its own so the quiz never downloads it.
pub const BUILDER_PAGE: &str = "builder.html";

/// `page` (relative to the app base) opened in `lang`.
#[must_use]
pub fn page_in(page: &str, lang: Lang) -> String {
    let mut address = String::from(page);
    address.push_str("?lang=");
    address.push_str(lang.code());
    address
}

/// The saved assessments' page (compare, rename, delete): a page of its own so the quiz's
/// readers download only the code that saves a result.
pub const SAVED_PAGE: &str = "saved.html";

/// The work-terms page: a page of its own so the quiz never downloads it.
pub const TERMS_PAGE: &str = "terms.html";

/// The quiz whose results open the work-terms page: its recommendations are written for this
/// bank's outcomes and flags (the build checks them against it), and no other quiz's.
pub const TERMS_QUIZ: &str = "tipe-klien";

/// What a fragment of the work-terms page starts with when a quiz result opened it:
/// `from.<outcome>.<flag>…`, every part a bank id (lower-case letters, digits and `-`). The
/// page switches on the clauses that result recommends; nothing else travels.
pub const FROM_RESULT: &str = "from.";

/// The work-terms page opened in `lang` for a `tipe-klien` result's outcome and raised flags.
/// The flags are any list of ids (a slice, or a result's flags as they are read from its bank):
/// the quiz builds no list for them, which saves every reader's download the code for one.
#[must_use]
pub fn terms_for_result_link(
    outcome: &str,
    flags: impl IntoIterator<Item = impl AsRef<str>>,
    lang: Lang,
) -> String {
    let mut address = page_in(TERMS_PAGE, lang);
    address.push('#');
    address.push_str(FROM_RESULT);
    address.push_str(outcome);
    for flag in flags {
        address.push('.');
        address.push_str(flag.as_ref());
    }
    address
}

/// The outcome and flags of a `from.` fragment (without its `#`); `None` for any other
/// fragment or a part that is not an id.
#[must_use]
pub fn result_of_terms_fragment(fragment: &str) -> Option<(&str, Vec<&str>)> {
    let rest = fragment.strip_prefix(FROM_RESULT)?;
    let mut parts = rest.split('.');
    let outcome = parts.next()?;
    let flags: Vec<&str> = parts.collect();
    let is_id = |part: &&str| {
        !part.is_empty()
            && part.len() <= 64
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    (is_id(&outcome) && flags.iter().all(is_id)).then_some((outcome, flags))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_results_terms_link_carries_its_outcome_and_flags_and_reads_back() {
        let link = terms_for_result_link("merah", ["minta-gratis", "jam-kerja"], Lang::En);
        assert_eq!(link, "terms.html?lang=en#from.merah.minta-gratis.jam-kerja");
        let fragment = link.split_once('#').map(|(_, f)| f).unwrap_or_default();
        assert_eq!(
            result_of_terms_fragment(fragment),
            Some(("merah", vec!["minta-gratis", "jam-kerja"]))
        );
        assert_eq!(
            result_of_terms_fragment("from.hijau"),
            Some(("hijau", vec![]))
        );
    }

    #[test]
    fn anything_but_ids_is_not_a_results_terms_fragment() {
        for fragment in [
            "",
            "from.",
            "from.a..b",
            "from.A",
            "from.a.<b>",
            "t1.abc",
            "from.a.b c",
        ] {
            assert_eq!(result_of_terms_fragment(fragment), None, "{fragment:?}");
        }
    }
}
