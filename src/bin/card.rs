//! The result card (core::card), a wasm of its own: static/card.js loads it only when a reader
//! asks for a card, so its layout, and the classifier and texts it opens the result's link with,
//! cost the quiz's first load nothing. The start page's list of saved results opens their links
//! the same way, so it is written here too (static/quiz-extras.js).

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

/// The quiz's start page's list of the results saved on this device (see
/// core::saved::intro_markup), from `stored`, storage's value, in English or Indonesian, with
/// `pack`, that language's texts file as the app fetched it.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn saved_list(stored: &str, pack: String, english: bool) -> String {
    use cek_klien::core::{banks::BANKS, saved, text::Lang};
    let lang = if english { Lang::En } else { Lang::Id };
    // A pack of another build is refused: the verdicts are then left out, as the app would.
    let _ = if english {
        cek_klien::core::english::install(pack)
    } else {
        cek_klien::core::english::install_later(pack)
    };
    let date = |at: u64| cek_klien::app::date_time_of(at, lang);
    let view = saved::ListView {
        lang,
        banks: BANKS,
        quiz: "",
        date: &date,
    };
    saved::intro_markup(&view, stored)
}

fn main() {}
