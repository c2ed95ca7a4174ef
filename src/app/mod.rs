//! The yew view: a thin layer that renders `core::state::State` and dispatches
//! `core::state::Action`. The reducer is the pure one from the core; browser side effects
//! (address bar and history, storage, document language, focus) live in effects here.

mod browser;
mod builder;

pub use builder::mount_builder;
mod intro;
mod link_error;
mod question;
mod result;

use crate::core::banks::BANKS;
use crate::core::embed::{self, Mode};
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

thread_local! {
    /// Every root the app is mounted on, so a panic can replace each widget with a message.
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

fn install_panic_hook() {
    // Through yew, which would otherwise install its own console-only hook when rendering.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        ROOTS.with(|roots| {
            for root in roots.borrow().iter() {
                browser::show_fatal_error(root);
            }
        });
    }));
}

/// Prepares `root` for rendering into: a panic replaces it with a message, and its static
/// fallback content gives way to the app.
fn claim_root(root: &web_sys::Element) {
    install_panic_hook();
    ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
    root.set_text_content(None);
}

fn render(root: web_sys::Element, host: Host) {
    claim_root(&root);
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            host: Rc::new(host),
        },
    )
    .render();
}

/// Mounts the app on its own page (standalone, or inside an iframe with `?embed=1`). Only a
/// page that marks its root with `data-cek-klien-app` gets one, so loading the module on a
/// blog (the script mount) never takes over the host page.
pub fn mount_page() {
    let Some(root) = browser::element("[data-cek-klien-app]") else {
        return;
    };
    let search = browser::search();
    let mode = if embed::is_iframe_query(&search) {
        Mode::Iframe
    } else {
        Mode::Standalone
    };
    let options = embed::Options::from_query(&search, BANKS);
    // Share links open the app's own page, whether shown standalone or in an iframe.
    let share_base = browser::app_base();
    render(
        root.clone(),
        Host {
            mode,
            options,
            share_base,
            root,
        },
    );
}

/// Mounts a widget in `root` (inside the shadow root embed.js made) with the host element's
/// `data-*` options. `app_base` is where the app's own page lives, for share links.
pub fn mount_widget(root: web_sys::Element, attributes: &web_sys::Element, app_base: String) {
    let read = |name: &str| {
        let mut attribute = String::from("data-");
        attribute.push_str(name);
        attributes.get_attribute(&attribute)
    };
    let values: Vec<(&str, Option<String>)> = ["quiz", "lang", "theme", "accent"]
        .into_iter()
        .map(|name| (name, read(name)))
        .collect();
    let options = embed::Options::read(
        |name| {
            values
                .iter()
                .find(|(n, _)| *n == name)
                .and_then(|(_, v)| v.as_deref())
        },
        BANKS,
    );
    render(
        root.clone(),
        Host {
            mode: Mode::Script,
            options,
            share_base: app_base,
            root,
        },
    );
}

/// Heading levels. Inside a blog post (either embed mode: an iframe's headings join the
/// post's outline too) the widget sits under the post's own `h1`, so it starts at `h2`.
#[derive(Clone, Copy, Default, PartialEq)]
pub struct Headings {
    embedded: bool,
}

impl Headings {
    /// The screen's own heading, which gets focus when the screen appears.
    pub fn title(self, testid: Option<&'static str>, content: Html) -> Html {
        self.heading(1, "title", Some("screen-heading".into()), testid, content)
    }

    pub fn section(self, content: Html) -> Html {
        self.heading(2, "section-title", None, None, content)
    }

    pub fn item(self, id: String, content: Html) -> Html {
        self.heading(3, "item-title", Some(id.into()), None, content)
    }

    /// One place writes every heading. Static tags in a `match`: `html!`'s dynamic tags and
    /// `VTag::add_attribute` both cost kilobytes of wasm (tag checks, an attribute map).
    fn heading(
        self,
        level: usize,
        class: &'static str,
        id: Option<AttrValue>,
        testid: Option<&'static str>,
        content: Html,
    ) -> Html {
        // Only the screen's title takes focus, when the screen appears.
        let tabindex = (level == 1).then_some("-1");
        match level + usize::from(self.embedded) {
            1 => html! { <h1 {class} {id} {tabindex} data-testid={testid}>{ content }</h1> },
            2 => html! { <h2 {class} {id} {tabindex} data-testid={testid}>{ content }</h2> },
            3 => html! { <h3 {class} {id} {tabindex} data-testid={testid}>{ content }</h3> },
            _ => html! { <h4 {class} {id} {tabindex} data-testid={testid}>{ content }</h4> },
        }
    }
}

/// How and where this copy of the app is hosted.
#[derive(Clone, PartialEq)]
pub struct Host {
    pub mode: Mode,
    pub options: embed::Options,
    /// The address share links start with (the app's own page, never a blog's).
    pub share_base: String,
    /// The element the app renders into; keyboard and focus stay inside it.
    pub root: web_sys::Element,
}

#[derive(Properties, PartialEq)]
struct AppProps {
    host: Rc<Host>,
}

fn initial_state(host: &Host) -> State {
    let owns_page = host.mode != Mode::Script;
    let stored = if owns_page {
        browser::read_storage()
    } else {
        None
    };
    let stored = match (&stored, owns_page) {
        (_, false) => Stored::Disabled,
        (None, true) => Stored::Unavailable,
        (Some((lang, progress)), true) => Stored::Values {
            lang: lang.as_deref(),
            progress: progress.as_deref(),
        },
    };
    let fragment = if owns_page {
        browser::fragment()
    } else {
        String::new()
    };
    State::start(
        Startup {
            query_lang: host.options.lang,
            browser_lang: browser::browser_lang(),
            theme: host.options.theme.unwrap_or_default(),
            fragment: &fragment,
            stored,
            ignored_options: host.options.ignored,
        },
        BANKS,
    )
}

#[component]
fn App(props: &AppProps) -> Html {
    let host = props.host.clone();
    let state = use_reducer({
        let host = host.clone();
        move || AppState(initial_state(&host))
    });
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let current = &state.0;
    let owns_page = host.mode != Mode::Script;
    let wrapper = use_node_ref();

    // Shared with the question screen's choices (see `question::QuestionProps`).
    let key_driven = use_memo((), |_| std::cell::Cell::new(false));
    // The key listener reads the latest state through a shared cell.
    let latest = use_mut_ref(|| current.clone());
    *latest.borrow_mut() = current.clone();

    // Listeners and observers that live as long as the widget. One effect for all four: each
    // effect is its own generic instance in the wasm.
    {
        let dispatch = dispatch.clone();
        let latest = latest.clone();
        let host = host.clone();
        let wrapper = wrapper.clone();
        use_effect_with((), move |_| {
            // Back, forward and pasted links arrive as hashchange.
            let on_hashchange = owns_page.then(web_sys::window).flatten().map(|window| {
                let dispatch = dispatch.clone();
                gloo_events::EventListener::new(&window, "hashchange", move |_| {
                    dispatch.emit(Action::OpenLink {
                        fragment: browser::fragment(),
                    });
                })
            });

            // Number keys pick, Enter goes on, Backspace goes back, for keys pressed inside
            // this widget only. Not passive: Backspace and Enter must be able to cancel the
            // browser default.
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            let on_keydown = gloo_events::EventListener::new_with_options(
                &host.root,
                "keydown",
                options,
                move |event| {
                    let Some(event) = wasm_bindgen::JsCast::dyn_ref::<KeyboardEvent>(event) else {
                        return;
                    };
                    if event.ctrl_key() || event.alt_key() || event.meta_key() {
                        return;
                    }
                    let target = browser::key_target(event);
                    if let Some(action) =
                        state::key_action(&latest.borrow(), &event.key(), target, BANKS)
                    {
                        event.prevent_default();
                        dispatch.emit(action);
                    }
                },
            );

            // The host's accent colour, set through the CSSOM: a strict CSP blocks style
            // attributes.
            if let Some(accent) = host.options.accent {
                browser::set_accent(&wrapper, &accent.hex(), accent.text_colour());
            }

            // In an iframe, tell the parent page our height whenever it changes, and nothing
            // else.
            let height_reporter = (host.mode == Mode::Iframe)
                .then(|| browser::report_height(&wrapper))
                .flatten();

            move || drop((on_hashchange, on_keydown, height_reporter))
        });
    }

    // The address bar mirrors the state. On its own page, moving somewhere new adds a history
    // entry; in an iframe the entry is only updated, so the host's back button stays the host's.
    {
        let fragment = current.fragment(BANKS);
        let new_entry = host.mode == Mode::Standalone
            && state::needs_history_entry(current, &browser::fragment(), BANKS);
        let keeps_address = current.keeps_address();
        let first_render = use_mut_ref(|| true);
        use_effect_with(fragment, move |fragment| {
            let first = first_render.replace(false);
            if owns_page && !keeps_address {
                browser::show_fragment(fragment.as_deref(), new_entry && !first);
            }
        });
    }

    // Storage mirrors what the state wants kept; a failed write is reported once, quietly.
    {
        let saved = current.saved(BANKS);
        let dispatch = dispatch.clone();
        let already_failed = current.notice == Some(Notice::StorageUnavailable);
        use_effect_with(saved, move |saved| {
            if owns_page && !already_failed && !browser::write_storage(saved) {
                dispatch.emit(Action::StorageFailed);
            }
        });
    }

    {
        let lang = current.lang;
        use_effect_with(lang, move |lang| {
            if owns_page {
                browser::set_document_lang(*lang, Ui::AppName.text(*lang));
            }
        });
    }

    // Each new screen or question moves focus to its heading, so keyboard and screen-reader
    // users start reading at the new content. Not on the first render: a widget inside a blog
    // post must not grab focus while the reader is elsewhere on the page.
    {
        // The place, not the whole screen: changing an answer in the review list must leave
        // the reader where they are.
        let place = current.screen.place();
        let first_render = use_mut_ref(|| true);
        let root = host.root.clone();
        use_effect_with(place, move |_| {
            if !first_render.replace(false) {
                browser::focus_within(&root, "screen-heading");
            }
        });
    }

    let lang = current.lang;
    // Passed down as a prop: a yew context would cost about 3 KB of wasm (gzip).
    let headings = Headings {
        embedded: host.mode != Mode::Standalone,
    };
    let body = match &current.screen {
        Screen::Intro => intro::view(&intro::IntroProps {
            headings,
            lang,
            only: host.options.quiz,
            resume: current.resume.clone(),
            show_builder_link: host.mode == Mode::Standalone,
            uses_storage: owns_page,
            forgotten: current.forgotten,
            dispatch: &dispatch,
        }),
        Screen::Question { quiz, step } => question::view(&question::QuestionProps {
            headings,
            lang,
            quiz: *quiz,
            step: *step,
            answers: &current.answers,
            key_driven: &key_driven,
            dispatch: &dispatch,
        }),
        Screen::Result { quiz, shared } => result::view(&result::ResultProps {
            headings,
            lang,
            quiz: *quiz,
            shared: *shared,
            answers: &current.answers,
            share_base: &host.share_base,
            copied: current.copied,
            dispatch: &dispatch,
        }),
        Screen::LinkError(error) => link_error::screen(lang, headings, *error, &dispatch),
    };

    let notice = current.notice.map(|notice| {
        let text = match notice {
            Notice::StorageUnavailable => Ui::NoticeStorageUnavailable,
            Notice::StorageCorrupted => Ui::NoticeStorageCorrupted,
            Notice::IgnoredOptions => Ui::NoticeIgnoredOptions,
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

    let embedded = host.mode != Mode::Standalone;
    html! {
        <div
            class={classes!("cek-klien", embedded.then_some("embedded"))}
            data-theme={current.theme.code()}
            lang={lang.code()}
            ref={wrapper}
        >
            <div class="frame">
                { bar(lang, current.theme, embedded, &dispatch) }
                { for notice }
                <main class="screen">
                    { body }
                </main>
                <p class="visually-hidden" role="status" aria-live="polite">{ announcement }</p>
            </div>
        </div>
    }
}

/// The row above every screen: the name, the theme and the language. A plain function, not a
/// component: each component type costs about a kilobyte of wasm in yew's lifecycle code.
///
/// The theme button cycles automatic → dark → light and shows the theme in use in one short
/// word (the header must fit one row on a phone); its accessible name says it is the theme.
fn bar(lang: Lang, theme: Theme, embedded: bool, dispatch: &Callback<Action>) -> Html {
    let (theme_label, theme_short, next_theme) = match theme {
        Theme::Auto => (Ui::ThemeAuto, Ui::ThemeAutoShort, Theme::Dark),
        Theme::Dark => (Ui::ThemeDark, Ui::ThemeDarkShort, Theme::Light),
        Theme::Light => (Ui::ThemeLight, Ui::ThemeLightShort, Theme::Auto),
    };
    let other = lang.other();
    html! {
        <header class="bar">
            // Inside a blog post the blog's own header names the page.
            if !embedded {
                <span class="brand">{ Ui::AppName.text(lang) }</span>
            }
            <span class="bar-actions">
                <button
                    type="button"
                    class="theme-switch"
                    data-testid="theme-switch"
                    aria-label={theme_label.text(lang)}
                    title={theme_label.text(lang)}
                    onclick={dispatch.reform(move |_| Action::SetTheme(next_theme))}
                >
                    { theme_short.text(lang) }
                </button>
                <button
                    type="button"
                    class="lang-switch"
                    data-testid="lang-switch"
                    lang={other.code()}
                    onclick={dispatch.reform(move |_| Action::SetLang(other))}
                >
                    { Ui::SwitchLanguage.text(lang) }
                </button>
            </span>
        </header>
    }
}
