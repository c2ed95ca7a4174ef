//! The reducer: every transition the view relies on, tested without a browser.

mod common;

use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::Answers;
use cek_klien::core::link::{self, LinkError};
use cek_klien::core::state::{reduce, Action, Screen, State};
use cek_klien::core::text::{lang_from_query, Lang};

fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions
        .into_iter()
        .fold(state, |state, action| reduce(&state, action, BANKS))
}

fn click(choice: u8) -> Action {
    Action::Choose {
        choice,
        advance: true,
    }
}

#[test]
fn starting_a_quiz_shows_its_first_question_with_no_answers() {
    let state = run(State::new(Lang::Id), [Action::Start(0)]);
    assert_eq!(state.screen, Screen::Question { quiz: 0, step: 0 });
    assert_eq!(state.answers, Answers::empty(BANKS[0]));
}

#[test]
fn clicking_every_question_reaches_the_result() {
    let count = BANKS[0].questions.len();
    let state = run(
        State::new(Lang::Id),
        std::iter::once(Action::Start(0)).chain((0..count).map(|_| click(1))),
    );
    assert_eq!(
        state.screen,
        Screen::Result {
            quiz: 0,
            shared: false
        }
    );
    assert_eq!(state.answers.answered_count(), count);
}

#[test]
fn a_keyboard_selection_does_not_advance_but_next_does() {
    let state = run(
        State::new(Lang::Id),
        [
            Action::Start(0),
            Action::Choose {
                choice: 2,
                advance: false,
            },
        ],
    );
    assert_eq!(state.screen, Screen::Question { quiz: 0, step: 0 });
    assert_eq!(state.answers.get(0), Some(2));
    let state = run(state, [Action::Next]);
    assert_eq!(state.screen, Screen::Question { quiz: 0, step: 1 });
}

#[test]
fn next_without_an_answer_skips_the_question() {
    let state = run(
        State::new(Lang::Id),
        [Action::Start(0), Action::Next, click(0)],
    );
    assert_eq!(state.answers.get(0), None);
    assert_eq!(state.answers.get(1), Some(0));
}

#[test]
fn back_keeps_the_answer_and_goes_to_the_intro_from_the_first_question() {
    let state = run(
        State::new(Lang::Id),
        [Action::Start(0), click(3), Action::Back],
    );
    assert_eq!(state.screen, Screen::Question { quiz: 0, step: 0 });
    assert_eq!(state.answers.get(0), Some(3));
    let state = run(state, [Action::Back]);
    assert_eq!(state.screen, Screen::Intro);
}

#[test]
fn switching_language_keeps_screen_and_answers() {
    let before = run(State::new(Lang::Id), [Action::Start(1), click(0), click(1)]);
    let after = run(before.clone(), [Action::SetLang(Lang::En)]);
    assert_eq!(after.lang, Lang::En);
    assert_eq!(after.screen, before.screen);
    assert_eq!(after.answers, before.answers);
}

#[test]
fn choices_that_do_not_exist_are_ignored() {
    let state = run(State::new(Lang::Id), [Action::Start(0), click(99)]);
    assert_eq!(state.screen, Screen::Question { quiz: 0, step: 0 });
    assert_eq!(state.answers.get(0), None);
    let state = run(State::new(Lang::Id), [Action::Start(42)]);
    assert_eq!(state.screen, Screen::Intro);
}

#[test]
fn opening_a_share_link_shows_the_shared_result_in_its_language() {
    let bank = BANKS[0];
    let answers = common::all_answered(bank, |q| (q % 3) as u8);
    let fragment = format!("#{}", link::encode(bank, &answers, Lang::En));
    let state = run(
        State::new(Lang::Id),
        [Action::OpenLink {
            fragment: fragment.clone(),
            lang_locked: false,
        }],
    );
    assert_eq!(
        state.screen,
        Screen::Result {
            quiz: 0,
            shared: true
        }
    );
    assert_eq!(state.answers, answers);
    assert_eq!(state.lang, Lang::En);
    // ?lang= on the page wins over the link's language.
    let locked = run(
        State::new(Lang::Id),
        [Action::OpenLink {
            fragment,
            lang_locked: true,
        }],
    );
    assert_eq!(locked.lang, Lang::Id);
}

#[test]
fn the_result_fragment_reopens_the_same_result() {
    let finished = run(
        State::new(Lang::Id),
        std::iter::once(Action::Start(1)).chain((0..BANKS[1].questions.len()).map(|_| click(0))),
    );
    let fragment = finished.fragment(BANKS).expect("a result has a fragment");
    // Our own fragment echoing back is not treated as someone else's link.
    let echoed = run(
        finished.clone(),
        [Action::OpenLink {
            fragment: fragment.clone(),
            lang_locked: false,
        }],
    );
    assert_eq!(echoed, finished);
    let elsewhere = run(
        State::new(Lang::Id),
        [Action::OpenLink {
            fragment,
            lang_locked: false,
        }],
    );
    assert_eq!(elsewhere.answers, finished.answers);
    assert_eq!(
        elsewhere.screen,
        Screen::Result {
            quiz: 1,
            shared: true
        }
    );
}

#[test]
fn a_broken_link_shows_the_error_and_home_recovers() {
    let state = run(
        State::new(Lang::Id),
        [Action::OpenLink {
            fragment: "#r1.rusak".into(),
            lang_locked: false,
        }],
    );
    assert_eq!(state.screen, Screen::LinkError(LinkError::Malformed));
    let state = run(state, [Action::Home]);
    assert_eq!(state.screen, Screen::Intro);
}

#[test]
fn clearing_the_fragment_leaves_a_result_for_the_intro() {
    let state = run(
        State::new(Lang::Id),
        [Action::OpenLink {
            fragment: link::encode(BANKS[0], &Answers::empty(BANKS[0]), Lang::Id),
            lang_locked: false,
        }],
    );
    let state = run(
        state,
        [Action::OpenLink {
            fragment: String::new(),
            lang_locked: false,
        }],
    );
    assert_eq!(state.screen, Screen::Intro);
}

#[test]
fn retake_starts_the_same_quiz_fresh() {
    let state = run(
        State::new(Lang::Id),
        std::iter::once(Action::Start(1))
            .chain((0..BANKS[1].questions.len()).map(|_| click(1)))
            .chain([Action::Retake]),
    );
    assert_eq!(state.screen, Screen::Question { quiz: 1, step: 0 });
    assert_eq!(state.answers.answered_count(), 0);
}

#[test]
fn back_from_own_result_returns_to_the_last_question() {
    let count = BANKS[1].questions.len();
    let state = run(
        State::new(Lang::Id),
        std::iter::once(Action::Start(1))
            .chain((0..count).map(|_| click(0)))
            .chain([Action::Back]),
    );
    assert_eq!(
        state.screen,
        Screen::Question {
            quiz: 1,
            step: count - 1
        }
    );
    assert_eq!(state.answers.answered_count(), count);
}

#[test]
fn language_comes_from_the_query_string_or_the_browser() {
    assert_eq!(lang_from_query("?lang=en"), Some(Lang::En));
    assert_eq!(lang_from_query("?quiz=x&lang=ID"), Some(Lang::Id));
    assert_eq!(lang_from_query("?lang=fr"), None);
    assert_eq!(lang_from_query("?lang=<script>"), None);
    assert_eq!(lang_from_query(""), None);
    assert_eq!(Lang::from_browser_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_browser_tag("id-ID"), Lang::Id);
    assert_eq!(Lang::from_browser_tag("ms-MY"), Lang::Id);
    assert_eq!(Lang::from_browser_tag(""), Lang::Id);
}

#[test]
fn every_interface_string_exists_in_both_languages() {
    use cek_klien::core::ui_text::Ui;
    for key in Ui::ALL {
        for lang in Lang::ALL {
            assert!(
                !key.text(lang).trim().is_empty(),
                "{key:?} is empty in {lang:?}"
            );
        }
    }
    assert_eq!(
        Ui::StepOf.fill(Lang::En, &[("n", "2"), ("m", "15")]),
        "Question 2 of 15"
    );
}
