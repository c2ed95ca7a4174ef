//! The few browser facts and side effects the app needs, each failing soft: a page that
//! blocks or lacks an API gets a default, never a panic.

use crate::core::text::Lang;
use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The current fragment without `#`, or empty.
pub fn fragment() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// `?lang=` from the page address, if it names a language we speak.
pub fn query_lang() -> Option<Lang> {
    let search = window().and_then(|w| w.location().search().ok())?;
    crate::core::text::lang_from_query(&search)
}

/// The browser's preferred language, reduced to one we speak.
pub fn browser_lang() -> Lang {
    window()
        .and_then(|w| w.navigator().language())
        .map_or(Lang::Id, |tag| Lang::from_browser_tag(&tag))
}

/// The page address without its fragment: the base of every share link.
pub fn address_without_fragment() -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return String::new();
    };
    let href = location.href().unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// Shows `fragment` in the address bar without adding a history entry or firing
/// `hashchange` (which would make the app treat its own link as a shared one).
pub fn replace_fragment(fragment: Option<&str>) {
    let Some(window) = window() else { return };
    let current = fragment_of(&window);
    if current == fragment.unwrap_or_default() {
        return;
    }
    let mut url = address_without_fragment();
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(fragment);
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

fn fragment_of(window: &web_sys::Window) -> String {
    window
        .location()
        .hash()
        .map(|hash| hash.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

pub fn set_document_lang(lang: Lang, title: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    document.set_title(title);
}

/// Moves keyboard and screen-reader focus to the element with this id, if it exists.
pub fn focus(id: &str) {
    let element = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Copies text with the async clipboard API; `done` gets whether it worked. Browsers without
/// the API, or that refuse (no permission, insecure context), report false so the view can
/// tell the user to copy by hand.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(clipboard) = window().map(|w| w.navigator().clipboard()) else {
        done(false);
        return;
    };
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}
