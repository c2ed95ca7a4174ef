use super::chrome::Headings;
use super::raw;
use crate::core::banks::BANKS;
use crate::core::classify::Answers;
use crate::core::html::element;
use crate::core::state::{progress, Action};
use crate::core::text::Lang;
use crate::core::ui_text::Ui;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// What the question screen is drawn from.
pub struct QuestionScreen<'a> {
    pub headings: Headings,
    pub lang: Lang,
    pub quiz: usize,
    pub step: usize,
    pub answers: &'a Answers,
    pub input: &'a Rc<ChoiceInput>,
    pub dispatch: &'a Callback<Action>,
}

/// A second tap this soon after a tap that moved on is the other half of a double tap: it lands
/// on the next question, which the reader has not seen yet.
const DOUBLE_TAP_MS: f64 = 400.0;

/// What the question screen's clicks need to know about the input before them.
pub struct ChoiceInput {
    /// Set by the widget's key listener while a key on a radio (an arrow or Space) is selecting
    /// it: the `click` it fires then only selects, so a keyboard user can browse the choices,
    /// while a pointer click (or a tap, or a screen reader's activation) moves straight on.
    pub key_driven: Cell<bool>,
    /// When (an event timestamp) a click last moved on to the next question.
    moved_on_at: Cell<f64>,
}

/// One widget has one: two are the same only if they are the same cell (an effect that holds it
/// must not restart when a click writes to it).
impl PartialEq for ChoiceInput {
    fn eq(&self, other: &ChoiceInput) -> bool {
        std::ptr::eq(self, other)
    }
}

impl ChoiceInput {
    /// The reader pressed a key since the last move: the next click on a choice is deliberate,
    /// however soon it comes.
    pub fn forget_move(&self) {
        self.moved_on_at.set(f64::NEG_INFINITY);
    }
}

impl Default for ChoiceInput {
    fn default() -> ChoiceInput {
        ChoiceInput {
            key_driven: Cell::new(false),
            moved_on_at: Cell::new(f64::NEG_INFINITY),
        }
    }
}

pub fn view(props: &QuestionScreen) -> Html {
    let input = props.input;
    let headings = props.headings;
    let (Some(bank), lang) = (BANKS.get(props.quiz), props.lang) else {
        return Html::default();
    };
    let Some(question) = bank.questions.get(props.step) else {
        return Html::default();
    };
    let selected = props.answers.get(props.step);
    let (position, total) = progress(bank, props.answers, props.step);
    let progress_text = Ui::StepOf.fill(
        lang,
        &[("n", &position.to_string()), ("m", &total.to_string())],
    );

    let choices = question.choices.iter().enumerate().map(|(index, choice)| {
        let index = index as u8;
        let checked = selected == Some(index);
        let onclick = {
            let input = input.clone();
            let dispatch = props.dispatch.clone();
            Callback::from(move |event: MouseEvent| {
                // A click that counts a press (`detail` ≥ 1) is a pointer's and always moves
                // on; one without (a key's, some browsers' click forwarded from the label, a
                // screen reader's) moves on unless a key on a radio caused it.
                let advance = !input.key_driven.replace(false) || event.detail() != 0;
                let at = event.time_stamp();
                if event.detail() != 0 && at - input.moved_on_at.get() < DOUBLE_TAP_MS {
                    // Undoes the radio's own check too, so nothing looks chosen.
                    event.prevent_default();
                    return;
                }
                if advance {
                    input.moved_on_at.set(at);
                }
                dispatch.emit(Action::Choose {
                    choice: index,
                    advance,
                });
            })
        };
        let mut text = String::from("<span class=\"choice-key\" aria-hidden=\"true\">");
        text.push_str(&(usize::from(index) + 1).to_string());
        element(
            &mut text,
            "</span><span class=\"choice-text\">",
            choice.text.get(lang),
            "</span>",
        );
        // `~className`, not a dynamic `class`: see the App's root element.
        html! {
            <label ~className={if checked { "choice selected" } else { "choice" }} data-testid="choice">
                <input type="radio" name="answer" value={index.to_string()} {checked} {onclick} />
                { raw(text) }
            </label>
        }
    });

    let is_last = position == total;
    let next_label = match (selected.is_some(), is_last) {
        (_, true) => Ui::SeeResult,
        (true, false) => Ui::Next,
        (false, false) => Ui::Skip,
    };
    // Skipping is allowed but should not look like the way forward.
    let next_class = if next_label == Ui::Skip {
        "secondary"
    } else {
        "primary"
    };
    let mut progress_bar = String::new();
    element(
        &mut progress_bar,
        "<span>",
        &progress_text,
        "</span><progress aria-hidden=\"true\" value=\"",
    );
    progress_bar.push_str(&position.to_string());
    progress_bar.push_str("\" max=\"");
    progress_bar.push_str(&total.to_string());
    progress_bar.push_str("\"></progress>");
    let on_next = props.dispatch.reform(|_| Action::Next);
    let on_back = props.dispatch.reform(|_| Action::Back);

    html! {
        <section class="question" aria-labelledby="screen-heading">
            <div class="progress" data-testid="progress">{ raw(progress_bar) }</div>
            // The radios' own form: a radio group outside a form belongs to its tree, and
            // Chromium never takes a removed radio out of a shadow root's group, so in the
            // script mount every question screen left behind stayed in memory. A form's group
            // goes with the form. `dialog` makes a submission (there is nothing to submit) do
            // nothing outside a dialog, instead of loading the page again.
            <form method="dialog">
                <fieldset class="choices">
                    <legend>
                        { headings.title(Some("question"), html! { { question.text.get(lang) } }) }
                    </legend>
                    { for choices }
                </fieldset>
            </form>
            <nav class="steps">
                <button type="button" class="secondary" data-testid="back" onclick={on_back}>
                    { Ui::Back.text(lang) }
                </button>
                <button type="button" ~className={next_class} data-testid="next" onclick={on_next}>
                    { next_label.text(lang) }
                </button>
            </nav>
        </section>
    }
}
