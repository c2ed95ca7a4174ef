//! The yew view: a thin layer that renders `core::state::State` and dispatches
//! `core::state::Action` to the pure reducer. Effects live in named hooks (`hooks`), mounting in
//! `mount`, the frame around every screen in `chrome`, and each screen is one plain function.

mod browser;
mod builder;
mod chrome;
mod hooks;
mod intro;
mod link_error;
mod mount;
mod question;
mod result;
mod saved;
mod terms;

pub use browser::date_time_of;
pub use builder::mount_builder;
pub use mount::{mount_page, mount_widget};
pub use saved::mount_saved;
pub use terms::mount_terms;

use crate::core::banks::BANKS;
use crate::core::report::Report;
use crate::core::state::{self, Action, Notice, Screen, State};
use crate::core::ui_text::Ui;
use chrome::{bar, Headings};
use mount::Host;
use std::rc::Rc;
use yew::prelude::*;

/// Adapts the pure reducer to yew's `use_reducer`.
#[derive(PartialEq)]
struct AppState(State);

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = state::reduce(&self.0, action, BANKS);
        if next == self.0 {
            self
        } else {
            Rc::new(AppState(next))
        }
    }
}

#[derive(Properties, PartialEq)]
struct AppProps {
    host: Rc<Host>,
    /// The state the page opened in (see `mount::initial_state`).
    initial: State,
}

#[component]
fn App(props: &AppProps) -> Html {
    let host = &props.host;
    let state = use_reducer(|| AppState(props.initial.clone()));
    let dispatcher = state.dispatcher();
    let current = &state.0;
    let wrapper = use_node_ref();
    // Written by the key listener and the question screen's clicks (see `ChoiceInput`).
    let choice_input = use_memo((), |_| question::ChoiceInput::default());

    // The state of the latest render, for listeners and callbacks that outlive one render.
    let latest = hooks::use_latest(current);
    hooks::use_widget_listeners(host, &latest, &dispatcher, &wrapper, &choice_input);
    hooks::use_browser_mirror(host, current, &dispatcher);

    // The app's Back may step back through history instead (see `hooks::act`).
    let dispatch = {
        let host = host.clone();
        let dispatcher = dispatcher.clone();
        Callback::from(move |action| hooks::act(&host, &latest.borrow(), &dispatcher, action))
    };
    let lang = current.lang;
    // Passed down as a value: a yew context would cost about 3 KB of wasm (gzip).
    let headings = Headings {
        embedded: host.embedded(),
    };
    // The result is computed once per render, for the screen and its announcement alike, once
    // its texts are here (an Indonesian reader's arrive in the result pack).
    let texts_ready =
        lang == crate::core::text::Lang::En || crate::core::english::later_installed();
    let report = match current.screen {
        Screen::Result { quiz, .. } if texts_ready => BANKS
            .get(quiz)
            .map(|bank| Report::new(bank, &current.answers, lang, &host.app_base)),
        _ => None,
    };
    let body = match (&current.screen, &report) {
        (Screen::Intro, _) => intro::view(&intro::IntroScreen {
            headings,
            lang,
            only: host.options.quiz,
            resume: &current.resume,
            confirm: current.confirm,
            show_page_links: !host.embedded(),
            uses_storage: host.owns_page(),
            forgotten: current.forgotten,
            dispatch: &dispatch,
        }),
        (Screen::Question { quiz, step }, _) => question::view(&question::QuestionScreen {
            headings,
            lang,
            quiz: *quiz,
            step: *step,
            answers: &current.answers,
            input: &choice_input,
            dispatch: &dispatch,
        }),
        (Screen::Result { quiz, shared }, Some(report)) => result::view(&result::ResultScreen {
            headings,
            quiz: *quiz,
            shared: *shared,
            answers: &current.answers,
            report,
            app_base: &host.app_base,
            copied: current.copied,
            can_save: !host.embedded(),
            updated: current.answer_changed.then(|| report.announcement(true)),
            dispatch: &dispatch,
        }),
        (Screen::LinkError(error), _) => link_error::view(lang, headings, *error, &dispatch),
        (Screen::Result { .. }, None) => {
            result::waiting(lang, current.result_texts_failed, &dispatch)
        }
    };
    let announcement = report
        .as_ref()
        .map(|report| report.announcement(current.answer_changed));

    html! {
        // A class that changes is set as the `className` property, never as a dynamic `class`:
        // yew turns every dynamic `class` into its `Classes` set (an index map and its
        // hashing), about 2.4 KB gzip of wasm that every reader downloads (docs/size-log.md).
        <div
            ~className={if host.embedded() { "cek-klien embedded" } else { "cek-klien" }}
            data-theme={current.theme.code()}
            lang={lang.code()}
            ref={wrapper}
        >
            <div class="frame">
                { bar(lang, current.theme, host.embedded(), &dispatch) }
                { notice(current, &dispatch) }
                <main class="screen">{ body }</main>
                // Announced by screen readers when a result appears, besides the focus move.
                <p class="visually-hidden" role="status" aria-live="polite">{ announcement }</p>
            </div>
        </div>
    }
}

/// Markup without listeners, written as text and put in place with one `innerHTML`: each
/// element `html!` builds costs wasm code that every reader downloads, a string costs bytes.
/// Every text in it is escaped (`core::html::element`).
fn raw(markup: String) -> Html {
    Html::from_html_unchecked(markup.into())
}

/// A quiet message above the screen, with a way to dismiss it.
fn notice(state: &State, dispatch: &Callback<Action>) -> Html {
    let Some(notice) = state.notice else {
        return Html::default();
    };
    let text = match notice {
        Notice::StorageUnavailable => Ui::NoticeStorageUnavailable,
        Notice::StorageCorrupted => Ui::NoticeStorageCorrupted,
        Notice::IgnoredOptions => Ui::NoticeIgnoredOptions,
        Notice::EnglishUnavailable => Ui::NoticeEnglishUnavailable,
    };
    html! {
        <p class="notice" data-testid="notice">
            { text.text(state.lang) }{ " " }
            <button type="button" class="link" onclick={dispatch.reform(|_| Action::DismissNotice)}>
                { Ui::Dismiss.text(state.lang) }
            </button>
        </p>
    }
}
