//! The yew view: a thin layer that renders `core::state::State` and dispatches
//! `core::state::Action`. The reducer is the pure one from the core; browser side effects
//! (address bar, document language, focus) live in effects here.

mod browser;
mod intro;
mod link_error;
mod question;
mod result;

use crate::core::banks::BANKS;
use crate::core::state::{self, Action, Screen, State};
use crate::core::text::Lang;
use crate::core::ui_text::Ui;
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

/// Mounts the app on `#app`, or on `<body>` when the host page has no such element.
pub fn mount() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            // The static fallback text in #app is replaced by the app.
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

#[component]
fn App() -> Html {
    let lang_locked = use_memo((), |_| browser::query_lang().is_some());
    let state = use_reducer(|| {
        let lang = browser::query_lang().unwrap_or_else(browser::browser_lang);
        let initial = State::new(lang);
        let fragment = browser::fragment();
        let opened = state::reduce(
            &initial,
            Action::OpenLink {
                fragment,
                lang_locked: browser::query_lang().is_some(),
            },
            BANKS,
        );
        AppState(opened)
    });
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    // A link pasted into the address bar of an open tab arrives as a hashchange.
    {
        let dispatch = dispatch.clone();
        let lang_locked = *lang_locked;
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "hashchange", move |_| {
                    dispatch.emit(Action::OpenLink {
                        fragment: browser::fragment(),
                        lang_locked,
                    });
                })
            });
            move || drop(listener)
        });
    }

    // Keep the address bar showing the result's link, so a reload or a bookmark keeps it.
    {
        let fragment = state.0.fragment(BANKS);
        use_effect_with(fragment, |fragment| {
            browser::replace_fragment(fragment.as_deref());
        });
    }

    {
        let lang = state.0.lang;
        use_effect_with(lang, |lang| {
            browser::set_document_lang(*lang, Ui::AppName.text(*lang));
        });
    }

    // Each new screen or question moves focus to its heading, so keyboard and screen-reader
    // users start reading at the new content. Not on the first render: a widget inside a blog
    // post must not grab focus while the reader is elsewhere on the page.
    {
        let screen = state.0.screen.clone();
        let first_render = use_mut_ref(|| true);
        use_effect_with(screen, move |_| {
            if !first_render.replace(false) {
                browser::focus("screen-heading");
            }
        });
    }

    let lang = state.0.lang;
    let body = match &state.0.screen {
        Screen::Intro => html! { <intro::Intro {lang} dispatch={dispatch.clone()} /> },
        Screen::Question { quiz, step } => html! {
            <question::QuestionScreen
                {lang}
                quiz={*quiz}
                step={*step}
                answers={state.0.answers.clone()}
                dispatch={dispatch.clone()}
            />
        },
        Screen::Result { quiz, shared } => html! {
            <result::ResultScreen
                {lang}
                quiz={*quiz}
                shared={*shared}
                answers={state.0.answers.clone()}
                dispatch={dispatch.clone()}
            />
        },
        Screen::LinkError(error) => html! {
            <link_error::LinkErrorScreen {lang} error={*error} dispatch={dispatch.clone()} />
        },
    };

    html! {
        <div class="cek-klien">
            <header class="bar">
                <span class="brand">{ Ui::AppName.text(lang) }</span>
                <LangSwitch {lang} dispatch={dispatch.clone()} />
            </header>
            <main class="screen">{ body }</main>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LangSwitchProps {
    lang: Lang,
    dispatch: Callback<Action>,
}

#[component]
fn LangSwitch(props: &LangSwitchProps) -> Html {
    let other = props.lang.other();
    let onclick = props.dispatch.reform(move |_| Action::SetLang(other));
    html! {
        <button
            type="button"
            class="lang-switch"
            data-testid="lang-switch"
            lang={other.code()}
            aria-label={Ui::SwitchLanguage.text(props.lang)}
            {onclick}
        >
            { Ui::SwitchLanguage.text(props.lang) }
        </button>
    }
}
