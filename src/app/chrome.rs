//! What frames every screen: the heading levels and the bar with the name, theme and language.

use crate::core::state::Action;
use crate::core::text::{Lang, Theme};
use crate::core::ui_text::Ui;
use yew::prelude::*;

/// Heading levels. Inside a blog post (either embed mode: an iframe's headings join the
/// post's outline too) the widget sits under the post's own `h1`, so it starts at `h2`.
#[derive(Clone, Copy, Default, PartialEq)]
pub struct Headings {
    pub embedded: bool,
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

/// The row above every screen: the name, the theme and the language. A plain function, not a
/// component: each component type costs about a kilobyte of wasm in yew's lifecycle code.
///
/// The theme button cycles automatic → dark → light and shows the theme in use in one short
/// word (the header must fit one row on a phone); its accessible name says it is the theme.
pub fn bar(lang: Lang, theme: Theme, embedded: bool, dispatch: &Callback<Action>) -> Html {
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
