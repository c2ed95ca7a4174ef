use crate::core::banks::BANKS;
use crate::core::state::Action;
use crate::core::text::Lang;
use crate::core::ui_text::Ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IntroProps {
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// Roughly 20 seconds a question, rounded up to whole minutes.
fn minutes_for(questions: usize) -> usize {
    (questions * 20).div_ceil(60).max(1)
}

#[component]
pub fn Intro(props: &IntroProps) -> Html {
    let lang = props.lang;
    let quizzes = BANKS.iter().enumerate().map(|(index, bank)| {
        let onclick = props.dispatch.reform(move |_| Action::Start(index));
        let count = bank.questions.len();
        let facts = Ui::QuestionCount.fill(
            lang,
            &[
                ("n", &count.to_string()),
                ("m", &minutes_for(count).to_string()),
            ],
        );
        html! {
            <li class="quiz-card">
                <h3>{ bank.title.get(lang) }</h3>
                <p>{ bank.summary.get(lang) }</p>
                <p class="muted">{ facts }</p>
                <button
                    type="button"
                    class="primary"
                    data-testid="start"
                    data-quiz={bank.id.to_string()}
                    {onclick}
                >
                    { Ui::Start.text(lang) }
                </button>
            </li>
        }
    });
    html! {
        <section class="intro" aria-labelledby="screen-heading">
            <h1 id="screen-heading" tabindex="-1">{ Ui::Tagline.text(lang) }</h1>
            <p class="privacy">{ Ui::PrivacyNote.text(lang) }</p>
            <h2>{ Ui::ChooseQuiz.text(lang) }</h2>
            <ul class="quiz-list">{ for quizzes }</ul>
        </section>
    }
}
