//! The pure core: quiz banks, classifier, advice, share links, texts and the app's reducer.
//! Nothing here touches the browser, so all of it is tested natively with `cargo test`.
//!
//! Every public pure function that returns a value is `#[must_use]` and every one that returns a
//! `Result` documents its errors; clippy enforces both (`-D warnings`).
#![warn(clippy::must_use_candidate, clippy::missing_errors_doc)]

/// A `Text` literal as build.rs writes it: `text!(indonesian, english, key)`. In the browser
/// the English side stays out of the binary (it comes from the English pack by `key`).
macro_rules! text {
    ($id:expr, $en:expr, $key:expr) => {
        crate::core::text::Text {
            id: std::borrow::Cow::Borrowed($id),
            #[cfg(not(target_arch = "wasm32"))]
            en: std::borrow::Cow::Borrowed($en),
            #[cfg(target_arch = "wasm32")]
            en: std::borrow::Cow::Borrowed(""),
            key: $key,
        }
    };
}

/// A `Text` only a result shows, as build.rs writes it: `later!(indonesian, english, key)`. In
/// the browser neither side is in the binary: the Indonesian comes from the result pack and the
/// English from the English pack, both by `key` (see `core::english`).
macro_rules! later {
    ($id:expr, $en:expr, $key:expr) => {
        crate::core::text::Text {
            #[cfg(not(target_arch = "wasm32"))]
            id: std::borrow::Cow::Borrowed($id),
            #[cfg(target_arch = "wasm32")]
            id: std::borrow::Cow::Borrowed(""),
            #[cfg(not(target_arch = "wasm32"))]
            en: std::borrow::Cow::Borrowed($en),
            #[cfg(target_arch = "wasm32")]
            en: std::borrow::Cow::Borrowed(""),
            key: $key,
        }
    };
}

pub mod advice;
pub mod bank;
pub mod banks;
pub mod card;
pub mod classify;
pub mod embed;
pub mod english;
pub mod history;
pub mod html;
pub mod link;
pub mod pages;
pub mod prerender;
pub mod query;
pub mod report;
pub mod saved;
pub mod state;
pub mod terms;
pub mod text;
pub mod ui_text;

/// A stable insertion sort by key. The lists sorted here hold at most a few dozen items, and
/// each use of the standard library's sorts adds kilobytes of generic code to the wasm.
pub fn sort_small_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
