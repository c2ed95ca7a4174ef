use super::chrome::Headings;
use super::raw;
use crate::core::html::element;
use crate::core::link::LinkError;
use crate::core::state::Action;
use crate::core::text::Lang;
use crate::core::ui_text::Ui;
use yew::prelude::*;

fn message(error: LinkError) -> Ui {
    match error {
        LinkError::Malformed | LinkError::UnknownFormat | LinkError::UnknownLanguage => {
            Ui::ErrorMalformed
        }
        LinkError::Checksum => Ui::ErrorChecksum,
        LinkError::UnknownQuiz => Ui::ErrorUnknownQuiz,
        LinkError::Outdated { .. } => Ui::ErrorOutdated,
        LinkError::Newer { .. } => Ui::ErrorNewer,
        LinkError::ImpossibleAnswers => Ui::ErrorAnswers,
    }
}

/// The screen for a broken or foreign link: what went wrong, and a way to start.
pub fn view(lang: Lang, headings: Headings, error: LinkError, dispatch: &Callback<Action>) -> Html {
    let mut text = String::new();
    element(&mut text, "<p>", message(error).text(lang), "</p>");
    html! {
        <section class="error" data-testid="error" role="alert" aria-labelledby="screen-heading">
            { headings.title(None, html! { { Ui::ErrorHeading.text(lang) } }) }
            { raw(text) }
            <button type="button" class="primary" onclick={dispatch.reform(|_| Action::Home)}>{ Ui::StartFresh.text(lang) }</button>
        </section>
    }
}
