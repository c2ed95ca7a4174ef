use super::chrome::Headings;
use super::raw;
use crate::core::banks::BANKS;
use crate::core::html::element;
use crate::core::link::Progress;
use crate::core::pages::{page_in, BUILDER_PAGE, SAVED_PAGE, TERMS_PAGE};
use crate::core::prerender::card_text;
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
    /// The app's other pages (work terms, the builder) are offered on its own page, not
    /// inside someone's blog.
    pub show_page_links: bool,
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
        card_text(&mut card, bank, lang);
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
        let (open, close) = headings.section_tags();
        let mut text = String::new();
        element(&mut text, open, Ui::ResumeHeading.text(lang), close);
        element(&mut text, "<p><strong>", bank.title.get(lang), "</strong><br>");
        element(&mut text, "", &detail, "</p>");
        Some(html! {
            <div class="resume" data-testid="resume" data-quiz={bank.id.to_string()}>
                { raw(text) }
                { choices }
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
    if props.show_page_links {
        // The results saved on this device are listed here by static/quiz-extras.js, which the
        // loader imports once the app runs, with the result card's wasm, which reads the results'
        // links: none of it is in the quiz's first load. This markup is put in place anew when
        // the language changes (its links' words do), so the list is written again in the new
        // one.
        builder.push_str("<div data-saved-list></div>");
        builder.push_str("<div class=\"page-links\"><p><a data-testid=\"saved-link\" href=\"");
        element(&mut builder, "", &page_in(SAVED_PAGE, lang), "\">");
        element(&mut builder, "", Ui::SavedLink.text(lang), "</a></p>");
        builder.push_str("<p><a data-testid=\"terms-link\" href=\"");
        element(&mut builder, "", &page_in(TERMS_PAGE, lang), "\">");
        element(&mut builder, "", Ui::TermsOpen.text(lang), "</a></p>");
        builder.push_str("<p><a data-testid=\"open-builder\" href=\"");
        element(&mut builder, "", &page_in(BUILDER_PAGE, lang), "\">");
        element(
            &mut builder,
            "",
            Ui::BuilderOpen.text(lang),
            "</a></p></div>",
        );
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
            { raw(question_markup(question.text(lang))) }
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

/// The question, as markup (see `raw`): it takes the focus when asked.
fn question_markup(question: &str) -> String {
    let mut text = String::new();
    element(
        &mut text,
        "<p id=\"confirm-question\" tabindex=\"-1\"><strong>",
        question,
        "</strong></p>",
    );
    text
}
