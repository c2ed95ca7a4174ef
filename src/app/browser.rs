//! The few browser facts and side effects the app needs, each failing soft: a page that
//! blocks or lacks an API gets a default, never a panic.

use crate::core::english;
use crate::core::history;
use crate::core::query::query_with_lang;
use crate::core::saved;
use crate::core::state::{Saved, STORAGE_PREFIX};
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

fn fragment_of(window: &web_sys::Window) -> String {
    window
        .location()
        .hash()
        .map(|hash| hash.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// The page's language: `<html lang>`, the title, and a `?lang=` in the address, which would
/// otherwise undo the reader's switch on the next reload.
pub fn set_document_lang(lang: Lang, title: &str) {
    let Some(window) = window() else { return };
    let Some(document) = window.document() else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    document.set_title(title);
    let location = window.location();
    let Some(query) = location
        .search()
        .ok()
        .and_then(|search| query_with_lang(&search, lang))
    else {
        return;
    };
    let mut url = location.pathname().unwrap_or_default();
    url.push_str(&query);
    url.push_str(&location.hash().unwrap_or_default());
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

/// Copies text with the async clipboard API; `done` gets whether it worked. Browsers without
/// the API (plain http, old WebViews), or that refuse (no permission), report false so the view
/// can tell the user to copy by hand. Called through `Reflect` and `Function::call1`, which
/// turn a missing API or a synchronous throw into an `Err` instead of an exception that would
/// unwind through the wasm.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let promise = window().and_then(|w| {
        let clipboard = js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok()?;
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok()?;
        let write = write.dyn_into::<js_sys::Function>().ok()?;
        // Whatever it returns (a promise of another realm, a wrapper's thenable) is waited on
        // as a promise; a plain value counts as done.
        let returned = write.call1(&clipboard, &text.into()).ok()?;
        Some(js_sys::Promise::resolve(&returned))
    });
    let Some(promise) = promise else {
        done(false);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// The page's storage, or `None` when the browser refuses it (privacy mode, blocked
/// third-party storage in an iframe, a host page that throws on access).
fn storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

fn session() -> Option<web_sys::Storage> {
    window().and_then(|w| w.session_storage().ok().flatten())
}

/// Every item the app stored (keys under `STORAGE_PREFIX`); `None` when storage is unavailable.
pub fn read_storage() -> Option<Vec<(String, String)>> {
    let storage = storage()?;
    let mut items = Vec::new();
    for index in 0..storage.length().ok()? {
        let Some(key) = storage.key(index).ok().flatten() else {
            continue;
        };
        if key.starts_with(STORAGE_PREFIX) {
            if let Some(value) = storage.get_item(&key).ok().flatten() {
                items.push((key, value));
            }
        }
    }
    Some(items)
}

/// Writes the items of `saved` that differ from `before` (every item when there is no before),
/// so a value another tab wrote stays unless this tab changed its own; false when a write
/// failed (blocked, quota exceeded).
pub fn write_storage(saved: &Saved, before: Option<&Saved>) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let mut ok = true;
    for item in &saved.0 {
        if before.is_some_and(|before| before.0.contains(item)) {
            continue;
        }
        ok &= match &item.1 {
            Some(value) => storage.set_item(&item.0, value),
            None => storage.remove_item(&item.0),
        }
        .is_ok();
    }
    ok
}

/// This tab's session keeps its forget epoch (see `core::history`; never anything the reader
/// answered), so history entries written before a forget no longer open.
const EPOCH_KEY: &str = "cek-klien.epoch";

fn epoch() -> String {
    session()
        .and_then(|s| s.get_item(EPOCH_KEY).ok().flatten())
        .unwrap_or_else(|| history::FIRST_EPOCH.to_string())
}

/// Removes every item the app stored, including keys an older version left behind, and starts
/// a new epoch in this tab's session.
pub fn forget_device() {
    if let (Some(storage), Some(items)) = (storage(), read_storage()) {
        for (key, _) in items {
            let _ = storage.remove_item(&key);
        }
    }
    if let Some(session) = session() {
        let _ = session.set_item(EPOCH_KEY, &history::next_epoch(&epoch()));
    }
}

/// The note on the current history entry, if it is a string (the app writes only strings).
fn entry_note() -> Option<String> {
    window()?.history().ok()?.state().ok()?.as_string()
}

/// The fragment of the entry before this one, as the note on this one names it.
pub fn previous_fragment() -> Option<String> {
    let note = entry_note()?;
    history::read_note(&note).map(|(_, previous)| previous.to_string())
}

/// Whether the current history entry was written before the reader made the device forget.
pub fn entry_forgotten() -> bool {
    history::written_before_forget(entry_note().as_deref(), &epoch())
}

/// Steps back one history entry, as the browser's Back button does.
pub fn go_back() {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    }
}

/// Puts `fragment` in the address bar: as a new history entry when the user moved to another
/// step or screen (so the back button retraces it), in place otherwise. Neither fires
/// `hashchange`, so the app never mistakes its own link for a shared one. Every entry written
/// gets a note (see `core::history`): when, and where the reader came from.
pub fn show_fragment(fragment: Option<&str>, new_entry: bool) {
    let Some(window) = window() else { return };
    let shown = fragment_of(&window);
    let note = entry_note();
    if shown == fragment.unwrap_or_default() && note.is_some() {
        return;
    }
    let previous = if new_entry {
        shown
    } else {
        note.as_deref()
            .and_then(history::read_note)
            .map(|(_, previous)| previous.to_string())
            .unwrap_or_default()
    };
    let mut url = address_without_fragment();
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(fragment);
    }
    if let Ok(history) = window.history() {
        let note = wasm_bindgen::JsValue::from_str(&history::note(&epoch(), &previous));
        let _ = if new_entry {
            history.push_state_with_url(&note, "", Some(&url))
        } else {
            history.replace_state_with_url(&note, "", Some(&url))
        };
    }
}

/// Whether the device offers the system share sheet (`navigator.share`).
pub fn can_share() -> bool {
    window().is_some_and(|w| {
        js_sys::Reflect::has(&w.navigator(), &wasm_bindgen::JsValue::from_str("share"))
            .unwrap_or(false)
    })
}

/// Opens the system share sheet; a cancelled or refused share is not an error to show.
pub fn share(title: &str, url: &str) {
    let Some(navigator) = window().map(|w| w.navigator()) else {
        return;
    };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let promise = navigator.share_with_data(&data);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Today's date as the reader's language writes it ("6/12/2026"), for the printout.
pub fn today(lang: Lang) -> String {
    let locale = if lang == Lang::En { "en-GB" } else { "id-ID" };
    js_sys::Date::new_0()
        .to_locale_date_string(locale, &wasm_bindgen::JsValue::UNDEFINED)
        .into()
}

/// A `data:` URL for a text file, for a download link that needs no script to click it.
pub fn text_data_url(text: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(text).into();
    let mut url = String::from("data:text/plain;charset=utf-8,");
    url.push_str(&encoded);
    url
}

/// Makes the English texts available (see `core::english`), then calls `done` with whether they
/// are. The page's loader (start.js, or embed.js on a blog) provides
/// `globalThis.cekKlienLoadEnglish`, which fetches the pack once (it may have started already,
/// for a reader likely to read English) and resolves to its text.
pub fn load_english(done: impl FnOnce(bool) + 'static) {
    load_pack(
        "cekKlienLoadEnglish",
        english::is_installed,
        english::install,
        done,
    );
}

/// The result pack (see `english::later_file_name`), the same way through
/// `globalThis.cekKlienLoadLater`.
pub fn load_later(done: impl FnOnce(bool) + 'static) {
    load_pack(
        "cekKlienLoadLater",
        english::later_installed,
        english::install_later,
        done,
    );
}

fn load_pack(
    loader: &str,
    installed: fn() -> bool,
    install: fn(String) -> Result<(), english::PackError>,
    done: impl FnOnce(bool) + 'static,
) {
    if installed() {
        done(true);
        return;
    }
    let global = js_sys::global();
    let promise = js_sys::Reflect::get(&global, &loader.into())
        .ok()
        .and_then(|loader| loader.dyn_into::<js_sys::Function>().ok())
        .and_then(|loader| loader.call0(&global).ok())
        .map(|returned| js_sys::Promise::resolve(&returned));
    let Some(promise) = promise else {
        done(false);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise).await.ok();
        let installed = text
            .and_then(|text| text.as_string())
            .is_some_and(|text| install(text).is_ok());
        done(installed);
    });
}

/// Writes `message` to the console as an error.
pub fn log_error(message: &str) {
    web_sys::console::error_1(&message.into());
}

const FATAL_MESSAGE: &str = "Maaf, terjadi kesalahan. Muat ulang halaman untuk mencoba lagi. / Sorry, something went wrong. Reload the page to try again.";

/// Replaces the widget in `root` with a fixed message and a reload button. Used by the panic
/// hook, so it builds plain DOM and assumes nothing about the app's state.
pub fn show_fatal_error(root: &web_sys::Element) {
    let Some(document) = root.owner_document() else {
        return;
    };
    let build = || -> Option<web_sys::Element> {
        let panel = document.create_element("div").ok()?;
        panel.set_class_name("cek-klien fatal");
        panel.set_attribute("data-testid", "error").ok()?;
        panel.set_attribute("role", "alert").ok()?;
        let message = document.create_element("p").ok()?;
        message.set_text_content(Some(FATAL_MESSAGE));
        let button = document.create_element("button").ok()?;
        button.set_attribute("type", "button").ok()?;
        button.set_text_content(Some("Muat ulang / Reload"));
        let reload = wasm_bindgen::closure::Closure::once_into_js(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        button
            .add_event_listener_with_callback("click", reload.unchecked_ref())
            .ok()?;
        panel.append_child(&message).ok()?;
        panel.append_child(&button).ok()?;
        Some(panel)
    };
    root.set_text_content(None);
    match build() {
        Some(panel) => {
            let _ = root.append_child(&panel);
        }
        // The host page may have broken element creation itself: plain text on the root still
        // tells the reader what happened.
        None => {
            root.set_text_content(Some(FATAL_MESSAGE));
            let _ = root.set_attribute("data-testid", "error");
            let _ = root.set_attribute("role", "alert");
        }
    }
}

/// The page's first element matching `selector`, if there is a page and one matches.
pub fn element(selector: &str) -> Option<web_sys::Element> {
    window()?
        .document()?
        .query_selector(selector)
        .ok()
        .flatten()
}

pub fn search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The app's own page without query or fragment: the start of every share link and snippet.
pub fn app_base() -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return String::new();
    };
    let mut base = location.origin().unwrap_or_default();
    base.push_str(&location.pathname().unwrap_or_default());
    // ".../index.html" and ".../" are the same page; snippets add file names to the folder.
    if let Some(folder_end) = base.rfind('/') {
        base.truncate(folder_end + 1);
    }
    base
}

/// Sets the accent colour variables on the widget's wrapper.
pub fn set_accent(wrapper: &yew::NodeRef, accent: &str, text: &str) {
    if let Some(element) = wrapper.cast::<web_sys::HtmlElement>() {
        let style = element.style();
        let _ = style.set_property("--accent", accent);
        let _ = style.set_property("--accent-text", text);
        // The soft tint (privacy note, selected choice) follows the accent too; as a
        // see-through mix it suits both themes. Browsers without color-mix show no tint.
        let mut soft = String::from("color-mix(in srgb, ");
        soft.push_str(accent);
        soft.push_str(" 16%, transparent)");
        let _ = style.set_property("--accent-soft", &soft);
    }
}

/// Keeps the parent page told of the widget's height. The message holds one number and goes
/// to any origin: it reveals nothing but the height, and the parent's embed.js checks that it
/// comes from an iframe it made.
pub struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

pub fn report_height(wrapper: &yew::NodeRef) -> Option<HeightReporter> {
    let element = wrapper.cast::<web_sys::Element>()?;
    let parent = window()?.parent().ok().flatten()?;
    let measured = element.clone();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"cekKlienHeight".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some(HeightReporter {
        observer,
        _callback: callback,
    })
}

/// Moves focus to the element with this id inside `root` (ids are per shadow root, and a page
/// may hold several widgets).
pub fn focus_within(root: &web_sys::Element, id: &str) {
    let mut selector = String::from("#");
    selector.push_str(id);
    focus_first(root, &selector);
}

/// Moves focus to the radio of choice `index` (from 0) on the question inside `root`, so Enter
/// then goes on from it.
pub fn focus_choice(root: &web_sys::Element, index: u8) {
    let mut selector = String::from("input[name=answer][value=\"");
    selector.push_str(&index.to_string());
    selector.push_str("\"]");
    focus_first(root, &selector);
}

fn focus_first(root: &web_sys::Element, selector: &str) {
    let element = root
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Which kind of element a key press came from.
pub fn key_target(event: &web_sys::KeyboardEvent) -> crate::core::state::KeyTarget {
    use crate::core::state::KeyTarget;
    let element = event
        .composed_path()
        .get(0)
        .dyn_into::<web_sys::Element>()
        .ok();
    let Some(element) = element else {
        return KeyTarget::Other;
    };
    match element.tag_name().to_ascii_uppercase().as_str() {
        "SELECT" | "TEXTAREA" => KeyTarget::TextEntry,
        "INPUT" => {
            let kind = element.get_attribute("type").unwrap_or_default();
            if kind.eq_ignore_ascii_case("radio") || kind.eq_ignore_ascii_case("checkbox") {
                KeyTarget::Choice
            } else {
                KeyTarget::TextEntry
            }
        }
        "BUTTON" | "A" | "SUMMARY" => KeyTarget::Control,
        _ if element.has_attribute("contenteditable") => KeyTarget::TextEntry,
        _ => KeyTarget::Other,
    }
}

/// Replaces the address (same page) without a new history entry or a `hashchange`: the
/// work-terms page keeps its terms there, so a reload or a bookmark keeps them.
pub fn replace_address(url: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// One stored item set (`Some`) or removed (`None`); false when storage refused it.
pub fn store_item(key: &str, value: Option<&str>) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    match value {
        Some(value) => storage.set_item(key, value),
        None => storage.remove_item(key),
    }
    .is_ok()
}

/// Opens the browser's print dialog (which also saves as PDF).
pub fn print() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}

/// The day and time `at` (milliseconds since 1970) as the reader's language writes them
/// ("7 Des 2026, 14.05"), so two results saved on one day are told apart.
pub fn date_time_of(at: u64, lang: Lang) -> String {
    #[allow(clippy::cast_precision_loss)] // exact for every date before the year 287,000
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
    let locale = if lang == Lang::En { "en-GB" } else { "id-ID" };
    let style = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&style, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&style, &"timeStyle".into(), &"short".into());
    date.to_locale_string(locale, &style).into()
}

/// Saves a result (`fragment`) under a client's `name` at the top of this device's saved list
/// (see `core::saved::add`); false when storage refused it.
pub fn save_result(fragment: &str, name: &str) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let list = storage
        .get_item(saved::SAVED_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a clock is positive
    let now = js_sys::Date::now() as u64;
    storage
        .set_item(saved::SAVED_KEY, &saved::add(&list, now, fragment, name))
        .is_ok()
}

/// The value of the text field beside the element an event came from (a button, or a form),
/// that is, the first one in its parent; "" without one. The field is read when it is used, so
/// what is typed in it is not state.
pub fn text_beside(target: Option<web_sys::EventTarget>) -> String {
    target
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.parent_element())
        .and_then(|parent| parent.query_selector("input[type=text]").ok().flatten())
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// The `data-act` of the control a click landed in, and that control (for the field beside it).
pub fn act_of(event: &web_sys::MouseEvent) -> Option<(String, Option<web_sys::EventTarget>)> {
    let control = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-act]")
        .ok()??;
    let act = control.get_attribute("data-act")?;
    Some((act, Some(control.into())))
}

/// Gives the focus to the element with this id inside `root` once the app has drawn what the
/// current event changed (its render runs first: both wait in the same queue).
pub fn focus_soon(root: web_sys::Element, id: String) {
    wasm_bindgen_futures::spawn_local(async move { focus_within(&root, &id) });
}
