//! The saved assessments' page (saved.html, its own wasm, `src/bin/saved.rs`): the results the
//! provider saved from the quiz, newest first, to reopen, compare side by side, rename or
//! delete. A page of its own, so the quiz's readers download only the code that saves one.
//!
//! Its words come with a texts pack (the English one, or the result pack, which also brings
//! the verdicts' Indonesian names), fetched before the page is drawn.

use super::chrome::bar;
use super::{browser, raw, AppState};
use crate::core::banks::BANKS;
use crate::core::english;
use crate::core::saved::{self, ListView, PageNotice, SavedAction, SavedPage, SAVED_KEY};
use crate::core::text::Lang;
use crate::core::ui_text::Ui;
use std::rc::Rc;
use yew::prelude::*;

/// Mounts the page on saved.html's `[data-cek-klien-saved]` element, once its words are here.
pub fn mount_saved() {
    super::mount::mount_with_texts::<SavedPageView>("[data-cek-klien-saved]");
}

/// Adapts the pure reducer to yew's `use_reducer`.
#[derive(PartialEq)]
struct PageState(SavedPage);

impl Reducible for PageState {
    type Action = SavedAction;

    fn reduce(self: Rc<Self>, action: SavedAction) -> Rc<Self> {
        Rc::new(PageState(saved::reduce(&self.0, action, BANKS)))
    }
}

/// The list as storage holds it: `None` when storage is refused.
fn stored_list() -> Option<Option<String>> {
    let items = browser::read_storage()?;
    Some(
        items
            .into_iter()
            .find(|(key, _)| key == SAVED_KEY)
            .map(|(_, value)| value),
    )
}

#[component]
fn SavedPageView() -> Html {
    let app = use_reducer(|| AppState(super::builder::page_state()));
    let page = use_reducer(|| {
        let stored = stored_list();
        PageState(SavedPage::start(
            stored.as_ref().map(Option::as_deref),
            BANKS,
        ))
    });
    let wrapper = use_node_ref();
    let app_dispatch = {
        let app = app.clone();
        Callback::from(move |action| app.dispatch(action))
    };
    // A switch of language fetches that language's pack; the page shows what it has meanwhile.
    let wanted = app.0.lang;
    let lang = match wanted {
        Lang::En if english::is_installed() => Lang::En,
        _ if english::later_installed() => Lang::Id,
        _ => Lang::En,
    };
    super::hooks::use_english_texts(wanted, &app.dispatcher());
    super::hooks::use_later_texts(wanted);
    use_effect_with(lang, |lang| {
        browser::set_document_lang(*lang, Ui::SavedHeading.text(*lang));
    });
    use_storage(&page);

    let list = &page.0;
    let dispatch = page.dispatcher();
    let onclick = {
        let dispatch = dispatch.clone();
        let wrapper = wrapper.clone();
        Callback::from(move |event: MouseEvent| {
            let Some((act, target)) = browser::act_of(&event) else {
                return;
            };
            if let Some(action) = saved::action_for(&act, browser::text_beside(target)) {
                dispatch.dispatch(action);
                if let (Some(root), Some(id)) = (wrapper.cast(), saved::focus_after(&act)) {
                    browser::focus_soon(root, id);
                }
            }
        })
    };
    // Enter and Escape in the name field being edited.
    let onkeydown = {
        let dispatch = dispatch.clone();
        let wrapper = wrapper.clone();
        let renaming = list.renaming;
        Callback::from(move |event: KeyboardEvent| {
            let typed = browser::text_beside(event.target());
            if let Some(action) = saved::key_action(&event.key(), renaming, typed) {
                event.prevent_default();
                dispatch.dispatch(action);
                if let (Some(root), Some(at)) = (wrapper.cast(), renaming) {
                    browser::focus_soon(root, ["r", &at.to_string()].concat());
                }
            }
        })
    };
    // After the notice is dismissed the focus goes back to the heading.
    let dismiss = {
        let dispatch = dispatch.clone();
        let wrapper = wrapper.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(SavedAction::DismissNotice);
            if let Some(root) = wrapper.cast() {
                browser::focus_soon(root, "screen-heading".to_string());
            }
        })
    };
    let date = |at: u64| browser::date_time_of(at, lang);
    let view = ListView {
        lang,
        banks: BANKS,
        quiz: "./",
        date: &date,
    };
    let body = if list.list.is_empty() {
        let mut empty = String::new();
        crate::core::html::element(
            &mut empty,
            "<p data-testid=\"saved-empty\">",
            Ui::SavedEmpty.text(lang),
            "</p>",
        );
        empty
    } else {
        saved::list_markup(&view, list)
    };
    let notice = list.notice.map(|notice| {
        let text = match notice {
            PageNotice::Unreadable => Ui::SavedUnreadable,
            PageNotice::StorageFailed => Ui::SavedStorageFailed,
        };
        html! {
            <p class="notice" data-testid="notice">
                { text.text(lang) }{ " " }
                <button type="button" class="link" onclick={dismiss}>
                    { Ui::Dismiss.text(lang) }
                </button>
            </p>
        }
    });
    let mut back =
        String::from("<p class=\"page-links\"><a data-testid=\"back-to-quiz\" href=\"./?lang=");
    back.push_str(lang.code());
    crate::core::html::element(&mut back, "\">", Ui::BackToQuiz.text(lang), "</a></p>");
    html! {
        <div class="cek-klien saved-page" data-theme={app.0.theme.code()} lang={lang.code()} ref={wrapper.clone()}>
            <div class="frame">
                { bar(lang, app.0.theme, false, &app_dispatch) }
                { for notice }
                <main class="screen">
                    <section class="saved" data-testid="saved" aria-labelledby="screen-heading" {onclick} {onkeydown}>
                        <h1 class="title" id="screen-heading" tabindex="-1">{ Ui::SavedHeading.text(lang) }</h1>
                        { raw(body) }
                        { raw(back) }
                    </section>
                </main>
            </div>
        </div>
    }
}

/// Storage follows the list: written after each change the reader makes (never at the start,
/// so unreadable lines stay until the reader changes the list), and read again when another
/// tab changes it. A refused write is said on the page.
#[hook]
fn use_storage(page: &UseReducerHandle<PageState>) {
    let written = use_mut_ref(|| page.0.list.clone());
    let list = page.0.list.clone();
    let dispatcher = page.dispatcher();
    use_effect_with(list, move |list| {
        if *written.borrow() != *list {
            *written.borrow_mut() = list.clone();
            let value = saved::encode_list(list, BANKS);
            if !browser::store_item(SAVED_KEY, value.as_deref()) {
                dispatcher.dispatch(SavedAction::StorageFailed);
            }
        }
    });
    let dispatcher = page.dispatcher();
    use_effect_with((), move |()| {
        let listener = web_sys::window().map(|window| {
            gloo_events::EventListener::new(&window, "storage", move |_| {
                if let Some(value) = stored_list() {
                    dispatcher.dispatch(SavedAction::StorageChanged(value));
                }
            })
        });
        move || drop(listener)
    });
}
