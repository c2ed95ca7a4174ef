use super::chrome::Headings;
use super::raw;
use crate::core::banks::quiz_facts;
use crate::core::banks::BANKS;
use crate::core::html::element;
use crate::core::link::Progress;
use crate::core::pages::{page_in, BUILDER_PAGE};
use crate::core::state::Action;
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
    pub resume: Option<&'a Progress>,
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
        let mut card = String::new();
        if single.is_none() {
            let (open, close) = headings.item_tags();
            card.push_str(open);
            card.push_str(&title_id);
            element(&mut card, "\">", bank.title.get(lang), close);
        }
        element(&mut card, "<p>", bank.summary.get(lang), "</p>");
        element(&mut card, "<p class=\"muted\">", &facts, "</p>");
        html! {
            <li class="quiz-card">
                { raw(card) }
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

    let resume = props.resume.and_then(|saved| {
        let bank = BANKS.get(saved.quiz)?;
        let detail = Ui::ResumeDetail.fill(
            lang,
            &[
                ("n", &saved.answers.answered_count(bank).to_string()),
                ("m", &saved.answers.asked(bank).count().to_string()),
            ],
        );
        let on_resume = props.dispatch.reform(|_| Action::Resume);
        let on_discard = props.dispatch.reform(|_| Action::DiscardSaved);
        let (open, close) = headings.section_tags();
        let mut text = String::new();
        element(&mut text, open, Ui::ResumeHeading.text(lang), close);
        element(&mut text, "<p><strong>", bank.title.get(lang), "</strong><br>");
        element(&mut text, "", &detail, "</p>");
        Some(html! {
            <div class="resume" data-testid="resume">
                { raw(text) }
                <div class="steps">
                    // Continuing comes first: on a narrow screen the buttons stack, and the
                    // way forward must not sit below the one that throws the answers away.
                    <button type="button" class="primary" data-testid="resume-continue" onclick={on_resume}>
                        { Ui::Resume.text(lang) }
                    </button>
                    <button type="button" class="secondary" data-testid="resume-discard" onclick={on_discard}>{ Ui::StartOver.text(lang) }</button>
                </div>
            </div>
        })
    });

    let on_forget = props.dispatch.reform(|_| Action::ForgetDevice);

    // The parts without listeners, as markup (see `raw`).
    let mut privacy = String::new();
    element(
        &mut privacy,
        "<p class=\"privacy\">",
        Ui::PrivacyNote.text(lang),
        "</p>",
    );
    let mut choose = String::new();
    if single.is_none() {
        let (open, close) = headings.section_tags();
        element(&mut choose, open, Ui::ChooseQuiz.text(lang), close);
    }
    // The keyboard hint follows the quizzes: above them it pushed the first Start button off
    // a phone's first screen.
    let mut builder = String::new();
    element(
        &mut builder,
        "<p class=\"muted keyboard-hint\">",
        Ui::HowItWorks.text(lang),
        "</p>",
    );
    if props.show_builder_link {
        builder.push_str("<p class=\"builder-link\"><a data-testid=\"open-builder\" href=\"");
        element(&mut builder, "", &page_in(BUILDER_PAGE, lang), "");
        element(&mut builder, "\">", Ui::BuilderOpen.text(lang), "</a></p>");
    }
    let mut forget_hint = String::new();
    element(
        &mut forget_hint,
        "<p class=\"muted\">",
        Ui::ForgetHint.text(lang),
        "</p>",
    );

    html! {
        <section class="intro" aria-labelledby="screen-heading">
            { headings.title(None, html! { { single.map_or(Ui::Tagline.text(lang), |bank| bank.title.get(lang)) } }) }
            { raw(privacy) }
            { for resume }
            { raw(choose) }
            <ul class="quiz-list">{ for quizzes }</ul>
            { raw(builder) }
            if props.uses_storage {
            <footer class="device-data">
                { raw(forget_hint) }
                <button type="button" class="secondary" data-testid="forget" onclick={on_forget}>
                    { Ui::ForgetDevice.text(lang) }
                </button>
                <p role="status" class="muted">
                    if props.forgotten { { Ui::Forgotten.text(lang) } }
                </p>
            </footer>
            }
        </section>
    }
}
