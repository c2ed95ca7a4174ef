use crate::core::link::LinkError;
use crate::core::state::Action;
use crate::core::text::Lang;
use crate::core::ui_text::Ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LinkErrorProps {
    pub lang: Lang,
    pub error: LinkError,
    pub dispatch: Callback<Action>,
}

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

#[component]
pub fn LinkErrorScreen(props: &LinkErrorProps) -> Html {
    let lang = props.lang;
    let onclick = props.dispatch.reform(|_| Action::Home);
    html! {
        <section class="error" data-testid="error" role="alert" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">{ Ui::ErrorHeading.text(lang) }</h1>
            <p>{ message(props.error).text(lang) }</p>
            <button type="button" class="primary" {onclick}>{ Ui::StartFresh.text(lang) }</button>
        </section>
    }
}
