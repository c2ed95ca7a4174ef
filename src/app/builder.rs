//! The embed builder: a blogger picks quiz, language, theme, accent colour and mode, sees a
//! live preview, and copies a snippet, a plain link or a linked badge.
//!
//! It is a page of its own (builder.html, `src/bin/builder.rs`) with its own wasm: readers of
//! the quiz never download it.

use super::chrome::bar;
use super::{browser, AppState};
use crate::core::banks::BANKS;
use crate::core::embed::{self, Accent, Choices, SnippetMode};
use crate::core::pages::page_in;
use crate::core::state::{Action, Startup, State, Stored};
use crate::core::text::{Lang, Theme};
use crate::core::ui_text::Ui;
use web_sys::{HtmlIFrameElement, HtmlInputElement, HtmlSelectElement, MessageEvent};
use yew::prelude::*;

/// Mounts the builder on builder.html's `[data-cek-klien-builder]` element, once its words are
/// here.
pub fn mount_builder() {
    super::mount::mount_with_texts::<BuilderPage>("[data-cek-klien-builder]");
}

/// The language comes from `?lang=` (the quiz's link passes its own), else the one this device
/// chose in the quiz, else the browser's; the theme is the one chosen in the quiz. The builder
/// only reads storage, never writes it.
pub(super) fn page_state() -> State {
    let stored = browser::read_storage();
    let stored = match &stored {
        None => Stored::Unavailable,
        Some(items) => Stored::Values(items),
    };
    State::start(
        Startup {
            query_lang: embed::Options::from_query(&browser::search(), BANKS).lang,
            browser_lang: browser::browser_lang(),
            theme: None,
            fragment: "",
            stored,
            ignored_options: false,
        },
        BANKS,
    )
}

#[component]
fn BuilderPage() -> Html {
    let state = use_reducer(|| AppState(page_state()));
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let lang = if state.0.lang == Lang::En && !crate::core::english::is_installed() {
        Lang::Id
    } else {
        state.0.lang
    };
    super::hooks::use_english_texts(state.0.lang, &state.dispatcher());
    super::hooks::use_later_texts(state.0.lang);
    use_effect_with(lang, |lang| {
        browser::set_document_lang(*lang, Ui::BuilderHeading.text(*lang))
    });
    html! {
        <div class="cek-klien builder-page" data-theme={state.0.theme.code()} lang={lang.code()}>
            <div class="frame">
                { bar(lang, state.0.theme, false, &dispatch) }
                <main class="screen">
                    <Builder {lang} app_base={browser::app_base()} />
                </main>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct BuilderProps {
    pub lang: Lang,
    /// The folder the app is served from, e.g. `https://example.org/tools/cek-klien/`.
    pub app_base: String,
}

fn select_value(event: &Event) -> String {
    event.target_unchecked_into::<HtmlSelectElement>().value()
}

#[component]
pub fn Builder(props: &BuilderProps) -> Html {
    let lang = props.lang;
    let choices = use_state(|| Choices {
        lang,
        ..Choices::default()
    });
    let copied = use_state(|| None::<&'static str>);
    let update = |change: fn(&mut Choices, String)| {
        let choices = choices.clone();
        Callback::from(move |value: String| {
            let mut next = (*choices).clone();
            change(&mut next, value);
            choices.set(next);
        })
    };
    let on_quiz = update(|c, v| c.quiz = BANKS.iter().position(|b| b.id == v));
    let on_lang = update(|c, v| c.lang = Lang::from_code(&v).unwrap_or_default());
    let on_theme = update(|c, v| c.theme = Theme::from_code(&v).unwrap_or_default());
    let on_mode = update(|c, v| {
        c.mode = if v == "script" {
            SnippetMode::Script
        } else {
            SnippetMode::Iframe
        }
    });
    let on_accent = update(|c, v| c.accent = Accent::parse(&v));
    let on_accent_reset = update(|c, _| c.accent = None);

    let base = &props.app_base;
    let title = choices
        .quiz
        .and_then(|q| BANKS.get(q))
        .map_or(Ui::AppName.text(choices.lang), |bank| {
            bank.title.get(choices.lang)
        });
    let mut fallback = String::from(Ui::AppName.text(choices.lang));
    if choices.quiz.is_some() {
        fallback.push_str(": ");
        fallback.push_str(title);
    }
    let snippet = choices.snippet(base, BANKS, &fallback);
    let link = choices.link(base, BANKS);
    // The image says only the app's name and that it is a quiz; the alternative text also
    // names the quiz the link opens, when there is one.
    let badge_alt = Ui::BadgeAlt.fill(choices.lang, &[("name", &fallback)]);
    let badge_svg = choices.badge(base, BANKS, &badge_alt, false);
    let badge_png = choices.badge(base, BANKS, &badge_alt, true);
    let preview = {
        let mut url = link.clone();
        url.push(if url.contains('?') { '&' } else { '?' });
        url.push_str("embed=1");
        url
    };

    let copy_button = |what: &'static str, text: String, testid: &'static str, label: String| {
        let copied = copied.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            browser::copy_text(&text, move |ok| copied.set(ok.then_some(what)));
        });
        html! {
            <button type="button" class="secondary" data-testid={testid} {onclick}>{ label }</button>
        }
    };
    let feedback = |what: &'static str| {
        html! {
            <span class="copy-feedback" role="status">
                if *copied == Some(what) {
                    { if what == "link" { Ui::Copied.text(lang) } else { Ui::CodeCopied.text(lang) } }
                }
            </span>
        }
    };
    let home = page_in("./", lang);
    let preview_frame = use_preview_height();
    use_embed_script(choices.mode == SnippetMode::Script, base);
    // The preview shows the widget the way the snippet will: in an iframe, or mounted in the
    // page by embed.js. Keyed by the snippet, so each change mounts a fresh widget.
    let preview = match choices.mode {
        SnippetMode::Iframe => html! {
            <iframe class="preview" ref={preview_frame} src={preview} title={Ui::BuilderPreview.text(lang)} data-testid="builder-preview"></iframe>
        },
        SnippetMode::Script => html! {
            <div
                key={snippet.clone()}
                class="preview-script"
                data-testid="builder-preview"
                data-cek-klien=""
                data-quiz={choices.quiz.and_then(|q| BANKS.get(q)).map(|bank| bank.id.to_string())}
                data-lang={choices.lang.code()}
                data-theme={(choices.theme != Theme::Auto).then(|| choices.theme.code())}
                data-accent={choices.accent.map(Accent::hex)}
            ></div>
        },
    };
    let accent_value = choices
        .accent
        .map_or_else(|| "#0b6e4f".to_string(), Accent::hex);

    html! {
        <section class="builder" aria-labelledby="screen-heading">
            <h1 class="title" id="screen-heading" tabindex="-1">{ Ui::BuilderHeading.text(lang) }</h1>
            <p>{ Ui::BuilderIntro.text(lang) }</p>
            <div class="builder-form">
                <label>
                    <span>{ Ui::BuilderQuiz.text(lang) }</span>
                    <select data-testid="builder-quiz" onchange={on_quiz.reform(|e: Event| select_value(&e))}>
                        <option value="" selected={choices.quiz.is_none()}>{ Ui::BuilderAllQuizzes.text(lang) }</option>
                        { for BANKS.iter().enumerate().map(|(i, bank)| html! {
                            <option value={bank.id.to_string()} selected={choices.quiz == Some(i)}>{ bank.title.get(lang) }</option>
                        }) }
                    </select>
                </label>
                <label>
                    <span>{ Ui::Language.text(lang) }</span>
                    <select data-testid="builder-lang" onchange={on_lang.reform(|e: Event| select_value(&e))}>
                        { for Lang::ALL.iter().map(|l| html! {
                            <option value={l.code()} selected={choices.lang == *l}>{ lang_name(*l) }</option>
                        }) }
                    </select>
                </label>
                <label>
                    <span>{ Ui::BuilderTheme.text(lang) }</span>
                    <select data-testid="builder-theme" onchange={on_theme.reform(|e: Event| select_value(&e))}>
                        { for [(Theme::Auto, Ui::ThemeAutoShort), (Theme::Light, Ui::ThemeLightShort), (Theme::Dark, Ui::ThemeDarkShort)].into_iter().map(|(t, label)| html! {
                            <option value={t.code()} selected={choices.theme == t}>{ label.text(lang) }</option>
                        }) }
                    </select>
                </label>
                <label>
                    <span>{ Ui::BuilderMode.text(lang) }</span>
                    <select data-testid="builder-mode" onchange={on_mode.reform(|e: Event| select_value(&e))}>
                        <option value="iframe" selected={choices.mode == SnippetMode::Iframe}>{ Ui::BuilderModeIframe.text(lang) }</option>
                        <option value="script" selected={choices.mode == SnippetMode::Script}>{ Ui::BuilderModeScript.text(lang) }</option>
                    </select>
                </label>
                <div class="accent-row">
                    <label>
                        <span>{ Ui::BuilderAccent.text(lang) }</span>
                        <input
                            type="color"
                            data-testid="builder-accent"
                            value={accent_value}
                            onchange={on_accent.reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value())}
                        />
                    </label>
                    <button type="button" class="secondary" onclick={on_accent_reset.reform(|_| String::new())}>
                        { Ui::BuilderAccentDefault.text(lang) }
                    </button>
                </div>
            </div>

            // Where there is room, the code and the preview side by side (builder.css).
            <div class="builder-panes">
            <div class="builder-code">
            <h2 class="section-title">{ Ui::BuilderSnippet.text(lang) }</h2>
            <p class="muted">{ Ui::BuilderSnippetHint.text(lang) }</p>
            <textarea class="code" readonly=true rows="7" data-testid="snippet" aria-label={Ui::BuilderSnippet.text(lang)} value={snippet.clone()} />
            <div class="actions">{ copy_button("snippet", snippet, "copy-snippet", Ui::Copy.text(lang).to_string()) }{ feedback("snippet") }</div>
            </div>

            <div class="builder-preview">
            <h2 class="section-title">{ Ui::BuilderPreview.text(lang) }</h2>
            { preview }
            </div>
            </div>

            <h2 class="section-title">{ Ui::BuilderLink.text(lang) }</h2>
            <p class="muted">{ Ui::BuilderLinkHint.text(lang) }</p>
            <input class="code" type="text" readonly=true value={link.clone()} data-testid="builder-link" aria-label={Ui::BuilderLink.text(lang)} />
            <div class="actions">{ copy_button("link", link, "copy-builder-link", Ui::Copy.text(lang).to_string()) }{ feedback("link") }</div>
            <p>
                <img src={choices.badge_image(base, false)} alt={badge_alt.clone()} width="200" height="40" />
            </p>
            <textarea class="code" readonly=true rows="3" data-testid="badge" aria-label={Ui::BuilderBadge.text(lang)} value={badge_svg.clone()} />
            <div class="actions">
                { copy_button("badge", badge_svg, "copy-badge", Ui::CopyAs.fill(lang, &[("format", "SVG")])) }
                { copy_button("badge-png", badge_png, "copy-badge-png", Ui::CopyAs.fill(lang, &[("format", "PNG")])) }
                { feedback("badge") }{ feedback("badge-png") }
            </div>

            <nav class="steps">
                <a class="button" href={home} data-testid="builder-home">{ Ui::Home.text(lang) }</a>
            </nav>
        </section>
    }
}

/// A language's name in itself, as language menus show it.
fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Bahasa Indonesia",
        Lang::En => "English",
    }
}

/// The script mode's preview needs embed.js on this page, as a blog would have it; it is added
/// the first time that mode is chosen.
#[hook]
fn use_embed_script(wanted: bool, app_base: &str) {
    let added = use_mut_ref(|| false);
    let mut src = String::from(app_base);
    src.push_str("embed.js");
    use_effect_with(wanted, move |wanted| {
        if *wanted && !added.replace(true) {
            let script = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| Some((d.create_element("script").ok()?, d.body()?)));
            if let Some((script, body)) = script {
                let _ = script.set_attribute("src", &src);
                let _ = body.append_child(&script);
            }
        }
    });
}

/// The preview iframe takes the height its content reports, like the embed does on a blog, so
/// the blogger sees the widget whole instead of scrolling inside a box. Only messages from the
/// preview's own window count.
#[hook]
fn use_preview_height() -> NodeRef {
    let frame = use_node_ref();
    {
        let frame = frame.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "message", move |event| {
                    let Some(iframe) = frame.cast::<HtmlIFrameElement>() else {
                        return;
                    };
                    let Some(event) = wasm_bindgen::JsCast::dyn_ref::<MessageEvent>(event) else {
                        return;
                    };
                    let from_preview = match (event.source(), iframe.content_window()) {
                        (Some(source), Some(window)) => js_sys::Object::is(&source, &window),
                        _ => false,
                    };
                    let height = js_sys::Reflect::get(&event.data(), &"cekKlienHeight".into())
                        .ok()
                        .and_then(|value| value.as_f64())
                        .filter(|height| (1.0..=20_000.0).contains(height));
                    if let (true, Some(height)) = (from_preview, height) {
                        let mut css = (height.ceil() as u32).to_string();
                        css.push_str("px");
                        let _ = iframe.style().set_property("height", &css);
                    }
                })
            });
            move || drop(listener)
        });
    }
    frame
}
