//! The result card (core::card), a wasm of its own: static/card.js loads it only when a reader
//! asks for a card, so its layout, and the classifier and texts it opens the result's link with,
//! cost the quiz's first load nothing.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

/// The result link's language ("id" or "en"), or "" when it does not open.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn card_lang(link: &str) -> String {
    cek_klien::core::card::link_lang(link).map_or_else(String::new, |lang| lang.code().to_string())
}

/// The card for the result `link` opens (see core::card::make), with `pack`, the texts file
/// the app already fetched for that language (English, or the result pack's Indonesian).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn card_make(link: &str, pack: String, dark: bool) -> Vec<String> {
    use cek_klien::core::{card, english, text::Lang};
    // A pack of another build is refused: the card then lacks those texts, as the app would.
    let _ = match card::link_lang(link) {
        Some(Lang::En) => english::install(pack),
        _ => english::install_later(pack),
    };
    card::make(link, dark)
}

fn main() {}
