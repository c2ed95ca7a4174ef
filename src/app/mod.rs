//! The yew view: a thin layer that renders `core::state::State` and dispatches
//! `core::state::Action`. The reducer is the pure one from the core; browser side effects
//! (address bar and history, storage, document language, focus) live in effects here.

mod browser;
mod intro;
mod link_error;
mod question;
mod result;

use crate::core::banks::BANKS;
use crate::core::state::{self, Action, Notice, Screen, Startup, State, Stored, Theme};
use crate::core::text::Lang;
use crate::core::ui_text::Ui;
use std::cell::RefCell;
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

/// Mounts the app on `#app`, or on `<body>` when the host page has no such element. A panic
/// anywhere replaces the widget with a message and a reload button instead of freezing it.
pub fn mount() {
    // Through yew, which would otherwise install its own console-only hook when rendering.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_fatal_error();
    }));
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            // The static fallback text in #app is replaced by the app.
            root.set_text_content(None);
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

fn initial_state() -> State {
    let stored = browser::read_storage();
    let stored = match &stored {
        None => Stored::Unavailable,
        Some((lang, progress)) => Stored::Values {
            lang: lang.as_deref(),
            progress: progress.as_deref(),
        },
    };
    let fragment = browser::fragment();
    State::start(
        Startup {
            query_lang: browser::query_lang(),
            browser_lang: browser::browser_lang(),
            theme: browser::query_theme().unwrap_or_default(),
            fragment: &fragment,
            stored,
        },
        BANKS,
    )
}

#[component]
fn App() -> Html {
    let state = use_reducer(|| AppState(initial_state()));
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let current = &state.0;

    // Back, forward and pasted links arrive as hashchange.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "hashchange", move |_| {
                    dispatch.emit(Action::OpenLink {
                        fragment: browser::fragment(),
                    });
                })
            });
            move || drop(listener)
        });
    }

    // Number keys pick, Enter goes on, Backspace goes back. The listener reads the latest
    // state through a shared cell so it is registered once.
    let latest = use_mut_ref(|| current.clone());
    *latest.borrow_mut() = current.clone();
    {
        let dispatch = dispatch.clone();
        let latest: Rc<RefCell<State>> = latest.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    // Not passive: Backspace and Enter must be able to cancel the browser default.
                    let options = gloo_events::EventListenerOptions::enable_prevent_default();
                    gloo_events::EventListener::new_with_options(
                        &document,
                        "keydown",
                        options,
                        move |event| {
                            let Some(event) = wasm_bindgen::JsCast::dyn_ref::<KeyboardEvent>(event)
                            else {
                                return;
                            };
                            if event.ctrl_key() || event.alt_key() || event.meta_key() {
                                return;
                            }
                            let target = browser::key_target(event);
                            let action =
                                state::key_action(&latest.borrow(), &event.key(), target, BANKS);
                            if let Some(action) = action {
                                event.prevent_default();
                                dispatch.emit(action);
                            }
                        },
                    )
                });
            move || drop(listener)
        });
    }

    // The address bar mirrors the state; moving to another place adds a history entry. The
    // first render only tidies the address in place.
    {
        let fragment = current.fragment(BANKS);
        let new_entry = state::needs_history_entry(current, &browser::fragment(), BANKS);
        let first_render = use_mut_ref(|| true);
        use_effect_with(fragment, move |fragment| {
            let first = first_render.replace(false);
            browser::show_fragment(fragment.as_deref(), new_entry && !first);
        });
    }

    // Storage mirrors what the state wants kept; a failed write is reported once, quietly.
    {
        let saved = current.saved(BANKS);
        let dispatch = dispatch.clone();
        let already_failed = current.notice == Some(Notice::StorageUnavailable);
        use_effect_with(saved, move |saved| {
            if !already_failed && !browser::write_storage(saved) {
                dispatch.emit(Action::StorageFailed);
            }
        });
    }

    {
        let lang = current.lang;
        use_effect_with(lang, |lang| {
            browser::set_document_lang(*lang, Ui::AppName.text(*lang));
        });
    }

    // Each new screen or question moves focus to its heading, so keyboard and screen-reader
    // users start reading at the new content. Not on the first render: a widget inside a blog
    // post must not grab focus while the reader is elsewhere on the page.
    {
        let screen = current.screen.clone();
        let first_render = use_mut_ref(|| true);
        use_effect_with(screen, move |_| {
            if !first_render.replace(false) {
                browser::focus("screen-heading");
            }
        });
    }

    let lang = current.lang;
    let body = match &current.screen {
        Screen::Intro => html! {
            <intro::Intro {lang} resume={current.resume.clone()} dispatch={dispatch.clone()} />
        },
        Screen::Question { quiz, step } => html! {
            <question::QuestionScreen
                {lang}
                quiz={*quiz}
                step={*step}
                answers={current.answers.clone()}
                dispatch={dispatch.clone()}
            />
        },
        Screen::Result { quiz, shared } => html! {
            <result::ResultScreen
                {lang}
                quiz={*quiz}
                shared={*shared}
                answers={current.answers.clone()}
                dispatch={dispatch.clone()}
            />
        },
        Screen::LinkError(error) => html! {
            <link_error::LinkErrorScreen {lang} error={*error} dispatch={dispatch.clone()} />
        },
    };

    let notice = current.notice.map(|notice| {
        let text = match notice {
            Notice::StorageUnavailable => Ui::NoticeStorageUnavailable,
            Notice::StorageCorrupted => Ui::NoticeStorageCorrupted,
        };
        let dismiss = dispatch.reform(|_| Action::DismissNotice);
        html! {
            <p class="notice" data-testid="notice">
                { text.text(lang) }{ " " }
                <button type="button" class="link" onclick={dismiss}>{ Ui::Dismiss.text(lang) }</button>
            </p>
        }
    });

    // Announced by screen readers when a result appears, besides the focus move.
    let announcement = match &current.screen {
        Screen::Result { quiz, .. } => BANKS
            .get(*quiz)
            .and_then(|bank| {
                let result = crate::core::classify::classify(bank, &current.answers);
                bank.outcomes.get(result.primary)
            })
            .map(|outcome| {
                let mut text = String::from(Ui::ResultLabel.text(lang));
                text.push_str(": ");
                text.push_str(outcome.name.get(lang));
                text
            })
            .unwrap_or_default(),
        _ => String::new(),
    };

    html! {
        <div class="cek-klien" data-theme={current.theme.code()}>
            <div class="frame">
                <header class="bar">
                    <span class="brand">{ Ui::AppName.text(lang) }</span>
                    <span class="bar-actions">
                        <ThemeSwitch {lang} theme={current.theme} dispatch={dispatch.clone()} />
                        <LangSwitch {lang} dispatch={dispatch.clone()} />
                    </span>
                </header>
                { for notice }
                <main class="screen">{ body }</main>
                <p class="visually-hidden" role="status" aria-live="polite">{ announcement }</p>
            </div>
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
            {onclick}
        >
            { Ui::SwitchLanguage.text(props.lang) }
        </button>
    }
}

#[derive(Properties, PartialEq)]
struct ThemeSwitchProps {
    lang: Lang,
    theme: Theme,
    dispatch: Callback<Action>,
}

/// Cycles automatic → dark → light; the label names the theme in use.
#[component]
fn ThemeSwitch(props: &ThemeSwitchProps) -> Html {
    let (label, next) = match props.theme {
        Theme::Auto => (Ui::ThemeAuto, Theme::Dark),
        Theme::Dark => (Ui::ThemeDark, Theme::Light),
        Theme::Light => (Ui::ThemeLight, Theme::Auto),
    };
    let onclick = props.dispatch.reform(move |_| Action::SetTheme(next));
    html! {
        <button type="button" class="theme-switch" data-testid="theme-switch" {onclick}>
            { label.text(props.lang) }
        </button>
    }
}
