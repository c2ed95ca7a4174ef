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
    /// The screen's own heading, which gets focus when the screen appears (so screen readers
    /// start there). Static tags: `html!`'s dynamic tags and `VTag::add_attribute` both cost
    /// kilobytes of wasm (tag checks, an attribute map). The other headings are written as
    /// markup text (`section_tags`, `item_tags`).
    pub fn title(self, testid: Option<&'static str>, content: Html) -> Html {
        if self.embedded {
            html! { <h2 class="title" id="screen-heading" tabindex="-1" data-testid={testid}>{ content }</h2> }
        } else {
            html! { <h1 class="title" id="screen-heading" tabindex="-1" data-testid={testid}>{ content }</h1> }
        }
    }

    /// A section heading's tags, for markup written as text.
    pub fn section_tags(self) -> (&'static str, &'static str) {
        if self.embedded {
            ("<h3 class=\"section-title\">", "</h3>")
        } else {
            ("<h2 class=\"section-title\">", "</h2>")
        }
    }

    /// An item heading's opening tag up to its id (which follows), and its closing tag.
    pub fn item_tags(self) -> (&'static str, &'static str) {
        if self.embedded {
            ("<h4 class=\"item-title\" id=\"", "</h4>")
        } else {
            ("<h3 class=\"item-title\" id=\"", "</h3>")
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
