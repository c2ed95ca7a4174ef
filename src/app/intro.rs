use super::chrome::Headings;
use crate::core::banks::quiz_facts;
use crate::core::banks::BANKS;
use crate::core::link::Progress;
use crate::core::pages::{page_in, BUILDER_PAGE};
use crate::core::state::{Action, Confirm};
use crate::core::text::Lang;
use crate::core::ui_text::Ui;
use yew::prelude::*;

/// What the intro is drawn from. The screens are plain functions of the app's state, not yew
/// components: each component type costs about a kilobyte of wasm.
pub struct IntroScreen<'a> {
    pub headings: Headings,
    pub lang: Lang,
    /// Show only this quiz (an embed's `quiz` option).
    pub only: Option<usize>,
    pub resume: &'a [Progress],
    /// A question waiting for the reader before answers are thrown away.
    pub confirm: Option<Confirm>,
    /// The builder is offered on the app's own page, not inside someone's blog.
    pub show_builder_link: bool,
    /// Whether this copy stores anything (not in the script mount, which leaves the blog's
    /// storage alone), so the footer never claims to keep what it does not.
    pub uses_storage: bool,
    /// The reader just made this device forget everything.
    pub forgotten: bool,
    pub dispatch: &'a Callback<Action>,
}

pub fn view(props: &IntroScreen) -> Html {
    let headings = props.headings;
    let lang = props.lang;
    let only = props.only;
    // An embed of one quiz is about that quiz: its title heads the screen, with no menu.
    let single = only.and_then(|index| BANKS.get(index));
    let shown = BANKS
        .iter()
        .enumerate()
        .filter(move |(index, _)| only.is_none_or(|only| only == *index));
    let quizzes = shown.map(|(index, bank)| {
        let onclick = props.dispatch.reform(move |_| Action::Start(index));
        let facts = quiz_facts(bank, lang);
        let title_id = {
            let mut id = String::from("quiz-title-");
            id.push_str(&bank.id);
            id
        };
        html! {
            <li class="quiz-card">
                if single.is_none() {
                    { headings.item(title_id.clone(), html! { { bank.title.get(lang) } }) }
                }
                <p>{ bank.summary.get(lang) }</p>
                <p class="muted">{ facts }</p>
                <button
                    type="button"
                    class="primary"
                    data-testid="start"
                    data-quiz={bank.id.to_string()}
                    aria-describedby={if single.is_some() { "screen-heading".to_string() } else { title_id }}
                    {onclick}
                >
                    { Ui::Start.text(lang) }
                </button>
            </li>
        }
    });

    let confirm = props.confirm;
    let resume = props.resume.iter().filter_map(|saved| {
        let bank = BANKS.get(saved.quiz)?;
        let quiz = saved.quiz;
        let detail = Ui::ResumeDetail.fill(
            lang,
            &[
                ("n", &saved.answers.answered_count(bank).to_string()),
                ("m", &saved.answers.asked(bank).count().to_string()),
            ],
        );
        let asked = match confirm {
            Some(Confirm::Discard(q)) if q == quiz => Some(Ui::ConfirmDiscard),
            Some(Confirm::StartOver(q)) if q == quiz => Some(Ui::ConfirmStartOver),
            _ => None,
        };
        let choices = match asked {
            Some(question) => confirm_box(lang, question, props.dispatch),
            // Continuing comes first: on a narrow screen the buttons stack, and the way
            // forward must not sit below the one that throws the answers away.
            None => html! {
                <div class="steps">
                    <button type="button" class="primary" data-testid="resume-continue" onclick={props.dispatch.reform(move |_| Action::Resume(quiz))}>
                        { Ui::Resume.text(lang) }
                    </button>
                    <button type="button" class="secondary" data-testid="resume-discard" onclick={props.dispatch.reform(move |_| Action::DiscardSaved(quiz))}>{ Ui::StartOver.text(lang) }</button>
                </div>
            },
        };
        Some(html! {
            <div class="resume" data-testid="resume" data-quiz={bank.id.to_string()}>
                { headings.section(html! { { Ui::ResumeHeading.text(lang) } }) }
                <p><strong>{ bank.title.get(lang) }</strong><br />{ detail }</p>
                { choices }
            </div>
        })
    });

    let on_forget = props.dispatch.reform(|_| Action::ForgetDevice);

    html! {
        <section class="intro" aria-labelledby="screen-heading">
            { headings.title(None, html! { { single.map_or(Ui::Tagline.text(lang), |bank| bank.title.get(lang)) } }) }
            <p class="privacy">{ Ui::PrivacyNote.text(lang) }</p>
            { for resume }
            if single.is_none() {
                { headings.section(html! { { Ui::ChooseQuiz.text(lang) } }) }
            }
            <p class="muted keyboard-hint">{ Ui::HowItWorks.text(lang) }</p>
            <ul class="quiz-list">{ for quizzes }</ul>
            if props.show_builder_link {
                <p class="builder-link">
                    <a href={page_in(BUILDER_PAGE, lang)} data-testid="open-builder">{ Ui::BuilderOpen.text(lang) }</a>
                </p>
            }
            if props.uses_storage {
            <footer class="device-data">
                <p class="muted">{ Ui::ForgetHint.text(lang) }</p>
                if confirm == Some(Confirm::Forget) {
                    { confirm_box(lang, Ui::ConfirmForget, props.dispatch) }
                } else {
                    <button type="button" class="secondary" data-testid="forget" onclick={on_forget}>
                        { Ui::ForgetDevice.text(lang) }
                    </button>
                }
                <p role="status" class="muted">
                    if props.forgotten { { Ui::Forgotten.text(lang) } }
                </p>
            </footer>
            }
        </section>
    }
}

/// Asks before answers are thrown away: the question takes the focus, and keeping them comes
/// first.
fn confirm_box(lang: Lang, question: Ui, dispatch: &Callback<Action>) -> Html {
    html! {
        <div class="confirm" data-testid="confirm">
            <p id="confirm-question" tabindex="-1"><strong>{ question.text(lang) }</strong></p>
            <div class="steps">
                <button type="button" class="secondary" data-testid="confirm-no" onclick={dispatch.reform(|_| Action::Declined)}>
                    { Ui::ConfirmNo.text(lang) }
                </button>
                <button type="button" class="primary" data-testid="confirm-yes" onclick={dispatch.reform(|_| Action::Confirmed)}>
                    { Ui::ConfirmYes.text(lang) }
                </button>
            </div>
        </div>
    }
}
