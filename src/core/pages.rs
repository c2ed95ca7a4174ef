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
