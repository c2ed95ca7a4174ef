//! The app's effects, each a named hook that keeps one thing in the browser true to the state.
//! Every effect lists what it reads as its dependencies; the only exceptions are refs (`latest`,
//! `first_render`), which are read, never reacted to, exactly as refs are meant to be.
//!
//! Hooks are plain functions in the wasm; only component types cost a lifecycle of their own.

use super::mount::Host;
use super::question::ChoiceInput;
use super::{browser, AppState};
use crate::core::banks::BANKS;
use crate::core::embed::Mode;
use crate::core::english;
use crate::core::state::{self, Action, AddressChange, Place, State};
use crate::core::text::Lang;
use crate::core::ui_text::Ui;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

type Dispatcher = UseReducerDispatcher<AppState>;

/// A cell that always holds the value of the latest render, for listeners that live longer
/// than one render and must not act on a stale copy.
#[hook]
pub fn use_latest<T: Clone + 'static>(value: &T) -> Rc<RefCell<T>> {
    let latest = use_mut_ref(|| value.clone());
    latest.borrow_mut().clone_from(value);
    latest
}

/// Listeners and observers that live as long as the widget: history navigation (hashchange),
/// the quiz's keys, the host's accent colour and, in an iframe, the height reports to the
/// parent page. One effect for all four: each effect is its own generic instance in the wasm.
#[hook]
pub fn use_widget_listeners(
    host: &Rc<Host>,
    latest: &Rc<RefCell<State>>,
    dispatcher: &Dispatcher,
    wrapper: &NodeRef,
    choice_input: &Rc<ChoiceInput>,
) {
    let latest = latest.clone();
    use_effect_with(
        (
            host.clone(),
            dispatcher.clone(),
            wrapper.clone(),
            choice_input.clone(),
        ),
        move |(host, dispatcher, wrapper, choice_input)| {
            // Back, forward and pasted links arrive as hashchange. One that arrived after the app
            // read the address to start and before this listener existed would be lost, so a
            // changed address is opened now.
            let on_hashchange = host
                .owns_page()
                .then(web_sys::window)
                .flatten()
                .map(|window| {
                    let open = {
                        let dispatcher = dispatcher.clone();
                        move || {
                            // An entry written before the reader made the device forget opens
                            // as the menu, and loses its answers for good.
                            let fragment = if browser::entry_forgotten() {
                                browser::show_fragment(None, false);
                                String::new()
                            } else {
                                browser::fragment()
                            };
                            dispatcher.dispatch(Action::OpenLink { fragment });
                        }
                    };
                    if browser::fragment() != host.opened_with {
                        open();
                    }
                    // Another tab changed what the app stored: offers on the menu follow it.
                    let storage_changed = {
                        let dispatcher = dispatcher.clone();
                        gloo_events::EventListener::new(&window, "storage", move |_| {
                            if let Some(items) = browser::read_storage() {
                                dispatcher.dispatch(Action::StorageChanged(items));
                            }
                        })
                    };
                    (
                        gloo_events::EventListener::new(&window, "hashchange", move |_| open()),
                        storage_changed,
                    )
                });

            // Number keys pick, Enter goes on, Backspace goes back, for keys pressed inside
            // this widget only. Not passive: Backspace and Enter must be able to cancel the
            // browser default. Keys that select a radio are noted for the question screen.
            let on_keydown = {
                let dispatcher = dispatcher.clone();
                let choice_input = choice_input.clone();
                let root = host.root.clone();
                let target_root = host.root.clone();
                let host = host.clone();
                gloo_events::EventListener::new_with_options(
                    &target_root,
                    "keydown",
                    gloo_events::EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(event) = wasm_bindgen::JsCast::dyn_ref::<KeyboardEvent>(event)
                        else {
                            return;
                        };
                        if event.ctrl_key() || event.alt_key() || event.meta_key() {
                            return;
                        }
                        let target = browser::key_target(event);
                        let key = event.key();
                        choice_input.forget_move();
                        if state::key_selects_choice(&key, target) {
                            choice_input.key_driven.set(true);
                        }
                        let action = state::key_action(&latest.borrow(), &key, target, BANKS);
                        if let Some(action) = action {
                            event.prevent_default();
                            // A number key's choice takes the focus, so Enter goes on from it
                            // and not from whatever had the focus before.
                            let picked = match action {
                                Action::Choose { choice, .. } => Some(choice),
                                _ => None,
                            };
                            act(&host, &latest.borrow(), &dispatcher, action);
                            if let Some(choice) = picked {
                                browser::focus_choice(&root, choice);
                            }
                        }
                    },
                )
            };

            // The host's accent colour, set through the CSSOM: a strict CSP blocks style
            // attributes.
            if let Some(accent) = host.options.accent {
                browser::set_accent(wrapper, &accent.hex(), accent.text_colour());
            }

            // In an iframe, tell the parent page our height whenever it changes, and nothing
            // else.
            let height_reporter = (host.mode == Mode::Iframe)
                .then(|| browser::report_height(wrapper))
                .flatten();

            move || drop((on_hashchange, on_keydown, height_reporter))
        },
    );
}

/// Dispatches `action`, except the app's Back where the previous history entry is already the
/// place it goes back to: there the app steps back through history, so its Back and the
/// browser's move the same way (the entry's hashchange then moves the state).
pub fn act(host: &Host, state: &State, dispatcher: &Dispatcher, action: Action) {
    let through_history = action == Action::Back
        && host.mode == Mode::Standalone
        && state::back_retraces(state, browser::previous_fragment().as_deref(), BANKS);
    if through_history {
        browser::go_back();
    } else {
        dispatcher.dispatch(action);
    }
}

/// What the browser was last made to show, so each part of `use_browser_mirror` acts only when
/// its own input changed.
#[derive(Default)]
struct Mirrored {
    /// The address wanted: the fragment and whether it takes a new entry (`None` inside: leave
    /// the address alone).
    address: Option<Option<(Option<String>, bool)>>,
    /// What storage was asked to hold, and whether the reader had just made the device forget.
    stored: Option<(Option<state::Saved>, bool)>,
    lang: Option<Lang>,
    /// The place on screen, and whether a question before throwing answers away was open.
    place: Option<(Place, bool)>,
    /// Whether the result's texts were wanted (see `use_browser_mirror`).
    result_texts: Option<bool>,
}

/// The browser follows the state, after every render, in one effect (each effect is a generic
/// instance of its own in the wasm, about 1.5 KB each):
/// - the address bar (see `state::address_change`): in an iframe an entry is only ever updated,
///   so the host's back button stays the host's, and the first render never adds an entry;
/// - storage holds what the state wants kept, writing only what changed since the last write
///   (so an older tab never writes back over a newer one); "forget" first removes every key the
///   app ever stored; a failed write is reported to the reducer, which tells the reader once;
/// - the page's language and title (on the app's own page), and after a switch to English the
///   English texts, fetched if this page does not have them yet: the screen shows Indonesian
///   meanwhile and is drawn again once they arrive, or goes back to Indonesian and says why;
/// - the focus: each new place (screen or question) moves it to its heading, so keyboard and
///   screen-reader users start reading at the new content; a question asked before answers are
///   thrown away takes it too. The place, not the whole screen: changing an answer in the
///   review list leaves the reader where they are. Never on the first render: a widget inside
///   a blog post must not grab the focus while the reader is elsewhere.
#[hook]
pub fn use_browser_mirror(host: &Rc<Host>, state: &State, dispatcher: &Dispatcher) {
    let mirrored = use_mut_ref(Mirrored::default);
    let redraw = use_force_update();
    let owns_page = host.owns_page();
    let address = owns_page
        .then(|| state::address_change(state, &browser::fragment(), BANKS))
        .filter(|change| *change != AddressChange::Leave)
        .map(|change| {
            let push = change == AddressChange::Push && host.mode == Mode::Standalone;
            (state.fragment(BANKS), push)
        });
    let stored = (owns_page.then(|| state.saved(BANKS)), state.forgotten);
    let lang = state.lang;
    let place = (state.screen.place(), state.confirm.is_some());
    // An Indonesian reader's result texts come in the result pack, fetched as soon as a quiz
    // starts (a reader takes longer to answer than it takes to arrive) or a result opens.
    let result_texts = lang == Lang::Id
        && !state.result_texts_failed
        && matches!(state.screen.place(), Place::Question(..) | Place::Result(_));
    let host = host.clone();
    let dispatcher = dispatcher.clone();
    use_effect(move || {
        let mut mirrored = mirrored.borrow_mut();
        let first = mirrored.place.is_none();
        if mirrored.address.as_ref() != Some(&address) {
            if let Some((fragment, push)) = &address {
                browser::show_fragment(fragment.as_deref(), *push && !first);
            }
            mirrored.address = Some(address);
        }
        if mirrored.stored.as_ref() != Some(&stored) {
            if let (Some(saved), forgotten) = &stored {
                if *forgotten {
                    browser::forget_device();
                }
                let written = mirrored
                    .stored
                    .as_ref()
                    .and_then(|(saved, _)| saved.as_ref());
                if !browser::write_storage(saved, written) {
                    dispatcher.dispatch(Action::StorageFailed);
                }
            }
            mirrored.stored = Some(stored);
        }
        if mirrored.result_texts != Some(result_texts) {
            mirrored.result_texts = Some(result_texts);
            if result_texts && !english::later_installed() {
                browser::load_later(redraw_when_loaded(
                    redraw.clone(),
                    dispatcher.clone(),
                    Action::ResultTextsFailed,
                ));
            }
        }
        if mirrored.lang != Some(lang) {
            mirrored.lang = Some(lang);
            if owns_page {
                browser::set_document_lang(lang, Ui::AppName.text(lang));
            }
            if lang == Lang::En && !english::is_installed() {
                browser::load_english(redraw_when_loaded(
                    redraw,
                    dispatcher,
                    Action::EnglishUnavailable,
                ));
            }
        }
        if mirrored.place != Some(place) {
            mirrored.place = Some(place);
            if !first {
                let target = if place.1 {
                    "confirm-question"
                } else {
                    "screen-heading"
                };
                browser::focus_within(&host.root, target);
            }
        }
    });
}

/// For the builder's page: after a switch to English, the English texts are fetched if the page
/// does not have them yet, and the page is drawn again once they arrive; if they cannot be
/// loaded, it goes back to Indonesian and says why. (The quiz does this in
/// `use_browser_mirror`.)
#[hook]
pub fn use_english_texts(lang: Lang, dispatcher: &Dispatcher) {
    let redraw = use_force_update();
    use_effect_with((lang, dispatcher.clone()), move |(lang, dispatcher)| {
        if *lang == Lang::En && !english::is_installed() {
            browser::load_english(redraw_when_loaded(
                redraw,
                dispatcher.clone(),
                Action::EnglishUnavailable,
            ));
        }
    });
}

/// For the builder's and the saved results' pages, whose Indonesian words come with the result
/// pack: after a switch from English it is fetched, and the page drawn again once it is here.
#[hook]
pub fn use_later_texts(lang: Lang) {
    let redraw = use_force_update();
    use_effect_with(lang, move |lang| {
        if *lang == Lang::Id && !english::later_installed() {
            browser::load_later(move |_| redraw.force_update());
        }
    });
}

/// What to do once a pack of texts has arrived (draw again) or could not be loaded (tell the
/// reducer, with `failed`).
fn redraw_when_loaded(
    redraw: UseForceUpdateHandle,
    dispatcher: Dispatcher,
    failed: Action,
) -> impl FnOnce(bool) {
    move |loaded| {
        if loaded {
            redraw.force_update();
        } else {
            dispatcher.dispatch(failed);
        }
    }
}
