//! The reducer: every transition the view relies on, tested without a browser.

mod common;

use cek_klien::core::bank::Bank;
use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::Answers;
use cek_klien::core::link::{self, LinkError};
use cek_klien::core::state::{
    address_change, key_action, key_selects_choice, progress_key, reduce, Action, AddressChange,
    Confirm, Copied, CopyTarget, KeyTarget, Notice, Screen, Startup, State, Stored,
};
use cek_klien::core::text::{Lang, Theme};

fn run(state: State, actions: impl IntoIterator<Item = Action>) -> State {
    actions
        .into_iter()
        .fold(state, |state, action| reduce(&state, action, BANKS))
}

/// Whether showing `state` adds a history entry when the address bar shows `shown`.
fn needs_history_entry(state: &State, shown: &str, banks: &[&Bank]) -> bool {
    address_change(state, shown, banks) == AddressChange::Push
}

/// Storage items as the browser would hand them over: the language and an older version's
/// single progress slot.
fn items(lang: Option<&str>, progress: Option<&str>) -> Vec<(String, String)> {
    let mut items = Vec::new();
    if let Some(lang) = lang {
        items.push(("cek-klien.lang".to_string(), lang.to_string()));
    }
    if let Some(progress) = progress {
        items.push(("cek-klien.progress".to_string(), progress.to_string()));
    }
    items
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
    // Every question that was asked got an answer; the others were hidden by the branch.
    assert_eq!(
        state.answers.answered_count(BANKS[0]),
        state.answers.asked(BANKS[0]).count()
    );
    assert!(state.answers.asked(BANKS[0]).count() < count);
}

#[test]
fn a_keyboard_selection_does_not_advance_but_next_does() {
    let state = run(
        State::new(Lang::Id),
        [
            Action::Start(0),
            Action::Choose {
                choice: 1,
                advance: false,
            },
        ],
    );
    assert_eq!(state.screen, Screen::Question { quiz: 0, step: 0 });
    assert_eq!(state.answers.get(0), Some(1));
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
        [Action::Start(0), click(1), Action::Back],
    );
    assert_eq!(state.screen, Screen::Question { quiz: 0, step: 0 });
    assert_eq!(state.answers.get(0), Some(1));
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
    // Only asked questions travel in a link, so the expected answers are those.
    let mut answers = common::all_answered(bank, |q| (q % 2) as u8);
    for q in 0..bank.questions.len() {
        if !answers.asks(bank, q) {
            answers.set(q, None);
        }
    }
    let fragment = format!("#{}", link::encode(bank, &answers, Lang::En));
    let state = run(
        State::new(Lang::Id),
        [Action::OpenLink {
            fragment: fragment.clone(),
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
    let locked = State::start(startup_with(Some(Lang::Id), &fragment, no_storage()), BANKS);
    assert_eq!(locked.lang, Lang::Id);
    assert_eq!(
        locked.screen,
        Screen::Result {
            quiz: 0,
            shared: true
        }
    );
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
        }],
    );
    assert_eq!(echoed, finished);
    // Its share link, opened elsewhere, is someone else's result.
    let share = link::encode(BANKS[1], &finished.answers, Lang::Id);
    let elsewhere = run(State::new(Lang::Id), [Action::OpenLink { fragment: share }]);
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
        }],
    );
    let state = run(
        state,
        [Action::OpenLink {
            fragment: String::new(),
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
    assert_eq!(state.answers.answered_count(BANKS[0]), 0);
}

#[test]
fn back_from_own_result_returns_to_the_last_question() {
    let bank = BANKS[1];
    let count = bank.questions.len();
    let state = run(
        State::new(Lang::Id),
        std::iter::once(Action::Start(1))
            .chain((0..count).map(|_| click(0)))
            .chain([Action::Back]),
    );
    let last_asked = state.answers.asked(bank).last().unwrap();
    assert_eq!(
        state.screen,
        Screen::Question {
            quiz: 1,
            step: last_asked
        }
    );
    assert_eq!(
        state.answers.answered_count(bank),
        state.answers.asked(bank).count()
    );
}

#[test]
fn placeholders_are_filled_in_both_languages() {
    use cek_klien::core::ui_text::Ui;
    // build.rs already refuses a blank translation or placeholders that differ between the
    // languages; what is left to check is that `fill` puts each value in its own place.
    let values = [("n", "2"), ("m", "15")];
    assert_eq!(Ui::StepOf.fill(Lang::En, &values), "Question 2 of 15");
    assert_eq!(Ui::StepOf.fill(Lang::Id, &values), "Pertanyaan 2 dari 15");
}

fn no_storage() -> Stored<'static> {
    Stored::Values(&[])
}

fn startup_with<'a>(
    query_lang: Option<Lang>,
    fragment: &'a str,
    stored: Stored<'a>,
) -> Startup<'a> {
    Startup {
        query_lang,
        browser_lang: Lang::En,
        theme: None,
        fragment,
        stored,
        ignored_options: false,
    }
}

fn in_progress(quiz: usize, clicks: &[u8]) -> State {
    run(
        State::new(Lang::Id),
        std::iter::once(Action::Start(quiz)).chain(clicks.iter().map(|&c| click(c))),
    )
}

#[test]
fn startup_language_order_is_query_then_stored_then_browser() {
    let en = items(Some("en"), None);
    let id = items(Some("id"), None);
    let stored_en = Stored::Values(&en);
    let stored_id = Stored::Values(&id);
    assert_eq!(
        State::start(startup_with(None, "", no_storage()), BANKS).lang,
        Lang::En
    );
    assert_eq!(
        State::start(startup_with(None, "", stored_id), BANKS).lang,
        Lang::Id
    );
    assert_eq!(
        State::start(startup_with(Some(Lang::Id), "", stored_en), BANKS).lang,
        Lang::Id
    );
}

#[test]
fn every_step_has_its_own_fragment_and_back_forward_keep_newer_answers() {
    let at_step_2 = in_progress(0, &[1, 2]);
    let step_1_entry = in_progress(0, &[1]).fragment(BANKS).unwrap();
    let version = BANKS[0].version;
    assert!(
        step_1_entry.starts_with(&format!("q1.tipe-klien.{version}.1.")),
        "{step_1_entry}"
    );
    assert_ne!(at_step_2.fragment(BANKS).unwrap(), step_1_entry);
    // The browser's back button brings the older entry, which did not have answer 2 yet.
    let back = run(
        at_step_2.clone(),
        [Action::OpenLink {
            fragment: format!("#{step_1_entry}"),
        }],
    );
    assert_eq!(back.screen, Screen::Question { quiz: 0, step: 1 });
    assert_eq!(back.answers, at_step_2.answers);
}

#[test]
fn a_reload_mid_quiz_restores_place_and_answers_from_the_fragment() {
    let before = in_progress(1, &[2, 0, 1]);
    let fragment = before.fragment(BANKS).unwrap();
    let reloaded = State::start(startup_with(None, &fragment, no_storage()), BANKS);
    assert_eq!(reloaded.screen, before.screen);
    assert_eq!(reloaded.answers, before.answers);
}

#[test]
fn an_unfinished_quiz_is_saved_offered_and_resumed() {
    let before = in_progress(0, &[1, 0]);
    let key = progress_key(BANKS[0]);
    let saved = before
        .saved(BANKS)
        .get(&key)
        .expect("a quiz in progress is saved")
        .to_string();
    let stored = vec![(key.clone(), saved.clone())];
    let reopened = State::start(startup_with(None, "", Stored::Values(&stored)), BANKS);
    assert_eq!(reopened.screen, Screen::Intro);
    assert_eq!(reopened.resume.len(), 1);
    // Still saved while on offer, so a second reload still offers it.
    assert_eq!(reopened.saved(BANKS).get(&key), Some(saved.as_str()));
    let resumed = run(reopened.clone(), [Action::Resume(0)]);
    assert_eq!(resumed.screen, before.screen);
    assert_eq!(resumed.answers, before.answers);
    // Discarding asks first; declining keeps the answers.
    let asked = run(reopened, [Action::DiscardSaved(0)]);
    assert_eq!(asked.confirm, Some(Confirm::Discard(0)));
    assert_eq!(asked.saved(BANKS).get(&key), Some(saved.as_str()));
    let kept = run(asked.clone(), [Action::Declined]);
    assert_eq!((kept.confirm, kept.resume.len()), (None, 1));
    let discarded = run(asked, [Action::Confirmed]);
    assert_eq!(discarded.saved(BANKS).get(&key), None);
}

#[test]
fn a_finished_quiz_is_not_kept_in_storage() {
    let count = BANKS[1].questions.len();
    let done = in_progress(1, &vec![0; count]);
    assert!(matches!(done.screen, Screen::Result { .. }));
    assert_eq!(done.saved(BANKS).get(&progress_key(BANKS[1])), None);
}

#[test]
fn corrupted_or_blocked_storage_gives_a_quiet_notice_and_a_working_quiz() {
    for stored in [
        items(Some("klingon"), None),
        items(None, Some("q1.tipe-klien.1.3.zz{{")),
        items(None, Some("r1.tipe-klien.1.id.000000000000000k")),
    ] {
        let state = State::start(startup_with(None, "", Stored::Values(&stored)), BANKS);
        assert_eq!(state.notice, Some(Notice::StorageCorrupted), "{stored:?}");
        assert!(state.resume.is_empty());
        let playing = run(state, [Action::Start(0), click(0)]);
        assert_eq!(playing.screen, Screen::Question { quiz: 0, step: 1 });
    }
    let blocked = State::start(startup_with(None, "", Stored::Unavailable), BANKS);
    assert_eq!(blocked.notice, Some(Notice::StorageUnavailable));
    assert_eq!(
        run(blocked, [Action::Start(1)]).screen,
        Screen::Question { quiz: 1, step: 0 }
    );
}

/// Regression: a failed write re-raised the notice at every answer after the reader dismissed it.
#[test]
fn a_dismissed_storage_notice_does_not_come_back() {
    let failed = run(
        State::new(Lang::Id),
        [Action::Start(0), Action::StorageFailed],
    );
    assert_eq!(failed.notice, Some(Notice::StorageUnavailable));
    let dismissed = run(
        failed,
        [Action::DismissNotice, click(0), Action::StorageFailed],
    );
    assert_eq!(dismissed.notice, None);
    let blocked = State::start(startup_with(None, "", Stored::Unavailable), BANKS);
    let dismissed = run(
        blocked,
        [
            Action::DismissNotice,
            Action::Start(0),
            Action::StorageFailed,
        ],
    );
    assert_eq!(dismissed.notice, None);
}

/// Regression: opening the app with `?lang=` (every iframe embed) erased the language the
/// reader had chosen on this device.
#[test]
fn a_language_in_the_address_keeps_the_readers_stored_choice() {
    let stored_en = items(Some("en"), None);
    let embedded = State::start(
        startup_with(Some(Lang::Id), "", Stored::Values(&stored_en)),
        BANKS,
    );
    assert_eq!(embedded.lang, Lang::Id);
    assert_eq!(embedded.saved(BANKS).get("cek-klien.lang"), Some("en"));
    // The reader's own switch is the new choice.
    let switched = run(embedded, [Action::SetLang(Lang::Id)]);
    assert_eq!(switched.saved(BANKS).get("cek-klien.lang"), Some("id"));
}

/// Regression: "start fresh" from a broken link kept the broken fragment in the address bar
/// (a reload showed the error again) and left it in history for Back to return to.
#[test]
fn leaving_a_broken_link_replaces_it_in_the_address_bar() {
    let broken = "r1.tipe-klien.1.id.zzzz";
    let error = State::start(startup_with(None, broken, no_storage()), BANKS);
    assert!(matches!(error.screen, Screen::LinkError(_)));
    assert!(error.keeps_address());
    let fresh = run(error, [Action::Home]);
    assert!(
        !fresh.keeps_address(),
        "the intro takes the address bar back"
    );
    assert_eq!(fresh.fragment(BANKS), None);
    assert!(
        !needs_history_entry(&fresh, broken, BANKS),
        "the broken entry is replaced, so Back cannot lead to it"
    );
    let started = run(fresh, [Action::Start(0)]);
    assert!(!needs_history_entry(&started, broken, BANKS));
}

#[test]
fn forgetting_the_device_drops_language_and_saved_quiz() {
    let chosen = run(State::new(Lang::Id), [Action::SetLang(Lang::En)]);
    assert_eq!(chosen.saved(BANKS).get("cek-klien.lang"), Some("en"));
    let forgotten = run(chosen, [Action::ForgetDevice, Action::Confirmed]);
    assert!(forgotten
        .saved(BANKS)
        .0
        .iter()
        .all(|(_, value)| value.is_none()));
}

#[test]
fn changing_an_answer_in_review_recomputes_and_unmarks_shared() {
    use cek_klien::core::classify::classify;
    let bank = BANKS[0];
    let polite = common::all_answered(bank, |_| 0);
    let opened = run(
        State::new(Lang::Id),
        [Action::OpenLink {
            fragment: link::encode(bank, &polite, Lang::Id),
        }],
    );
    assert_eq!(
        opened.screen,
        Screen::Result {
            quiz: 0,
            shared: true
        }
    );
    assert_eq!(
        common::outcome_id(bank, classify(bank, &opened.answers).primary),
        "ideal"
    );
    let rude = bank
        .questions
        .iter()
        .position(|q| q.id == "bahasa")
        .unwrap();
    let changed = run(
        opened,
        [Action::SetAnswer {
            question: rude,
            choice: Some(2),
        }],
    );
    assert_eq!(
        changed.screen,
        Screen::Result {
            quiz: 0,
            shared: false
        }
    );
    assert_eq!(
        common::outcome_id(bank, classify(bank, &changed.answers).primary),
        "bermasalah"
    );
    let ignored = run(
        changed.clone(),
        [Action::SetAnswer {
            question: rude,
            choice: Some(9),
        }],
    );
    assert_eq!(ignored, changed);
}

#[test]
fn keys_map_to_actions_only_on_questions_and_never_while_typing() {
    // A question with three choices: klien-kecewa's first asks where the work happens.
    let state = in_progress(1, &[]);
    assert_eq!(BANKS[1].questions[0].choices.len(), 3);
    let key = |k: &str, target| key_action(&state, k, target, BANKS);
    assert_eq!(
        key("2", KeyTarget::Other),
        Some(Action::Choose {
            choice: 1,
            advance: false
        })
    );
    assert_eq!(
        key("3", KeyTarget::Control),
        Some(Action::Choose {
            choice: 2,
            advance: false
        })
    );
    assert_eq!(key("4", KeyTarget::Other), None, "only 3 choices");
    assert_eq!(key("0", KeyTarget::Other), None);
    assert_eq!(key("Enter", KeyTarget::Other), Some(Action::Next));
    assert_eq!(
        key("Enter", KeyTarget::Control),
        None,
        "the button handles its own Enter"
    );
    assert_eq!(key("Backspace", KeyTarget::Other), Some(Action::Back));
    assert_eq!(key("Backspace", KeyTarget::TextEntry), None);
    assert_eq!(key("1", KeyTarget::TextEntry), None);
    assert_eq!(
        key_action(&State::new(Lang::Id), "1", KeyTarget::Other, BANKS),
        None
    );
}

/// Regression: arrows or Space on the question's heading (scrolling) marked the next pointer
/// click as a keyboard selection, which then did not move on.
#[test]
fn only_keys_on_a_radio_select_a_choice_by_themselves() {
    for key in ["ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight", " "] {
        assert!(key_selects_choice(key, KeyTarget::Choice), "{key:?}");
        assert!(
            !key_selects_choice(key, KeyTarget::Other),
            "{key:?} on a heading"
        );
        assert!(
            !key_selects_choice(key, KeyTarget::Control),
            "{key:?} on a button"
        );
    }
    assert!(!key_selects_choice("Enter", KeyTarget::Choice));
    assert!(!key_selects_choice("1", KeyTarget::Choice));
    let asking = run(State::new(Lang::Id), [Action::Start(0)]);
    assert_eq!(
        key_action(&asking, "Enter", KeyTarget::Choice, BANKS),
        Some(Action::Next),
        "Enter on a radio goes on"
    );
}

#[test]
fn only_moving_somewhere_new_adds_a_history_entry() {
    let at_step_2 = in_progress(0, &[1, 2]);
    let step_2_entry = at_step_2.fragment(BANKS).unwrap();
    let step_1_entry = in_progress(0, &[1]).fragment(BANKS).unwrap();
    // Clicking on from step 1: the address bar still shows step 1, so a new entry.
    assert!(needs_history_entry(&at_step_2, &step_1_entry, BANKS));
    // After the back button to step 1, the bar already shows step 1: refresh in place.
    let back = run(
        at_step_2.clone(),
        [Action::OpenLink {
            fragment: step_1_entry.clone(),
        }],
    );
    assert!(!needs_history_entry(&back, &step_1_entry, BANKS));
    // A language switch changes nothing but the answers' language: in place.
    let english = run(at_step_2, [Action::SetLang(Lang::En)]);
    assert!(!needs_history_entry(&english, &step_2_entry, BANKS));
    assert!(needs_history_entry(
        &State::new(Lang::Id),
        &step_2_entry,
        BANKS
    ));
}

#[test]
fn copy_feedback_stays_while_the_result_changes_and_goes_with_the_place() {
    let count = BANKS[0].questions.len();
    let at_result = run(
        State::new(Lang::Id),
        std::iter::once(Action::Start(0)).chain((0..count).map(|_| click(1))),
    );
    let copied = run(
        at_result,
        [Action::Copied(Copied {
            what: CopyTarget::Link,
            ok: false,
        })],
    );
    assert_eq!(
        copied.copied,
        Some(Copied {
            what: CopyTarget::Link,
            ok: false
        })
    );
    // Changing an answer in the review list stays on the result: the feedback stays too.
    let reviewed = run(
        copied,
        [Action::SetAnswer {
            question: 0,
            choice: Some(0),
        }],
    );
    assert_eq!(
        reviewed.copied,
        Some(Copied {
            what: CopyTarget::Link,
            ok: false
        })
    );
    let retaken = run(reviewed, [Action::Retake]);
    assert_eq!(retaken.copied, None);
}

#[test]
fn forgetting_is_confirmed_until_the_reader_moves_on() {
    let forgot = run(
        State::new(Lang::Id),
        [Action::ForgetDevice, Action::Confirmed],
    );
    assert!(forgot.forgotten);
    assert!(run(forgot.clone(), [Action::SetLang(Lang::En)]).forgotten);
    assert!(!run(forgot, [Action::Start(1)]).forgotten);
}

/// Regression: a result link pasted from a chat with a trailing comma opened the error screen.
#[test]
fn a_chat_mangled_link_opens_the_result_and_the_address_is_made_clean() {
    let bank = BANKS[1];
    let answers = Answers::empty(bank);
    let clean = link::encode(bank, &answers, Lang::Id);
    let state = run(
        State::new(Lang::Id),
        [Action::OpenLink {
            fragment: format!("#{clean},%20?fbclid=x"),
        }],
    );
    assert!(matches!(state.screen, Screen::Result { quiz: 1, .. }));
    // The address bar then shows the clean link, in place of the mangled entry.
    assert_eq!(state.fragment(BANKS).as_deref(), Some(clean.as_str()));
    assert!(!needs_history_entry(&state, &format!("{clean},"), BANKS));
}

/// Regression: going back to the menu (the app's Back on question 1, or the browser's Back)
/// deleted the unfinished quiz, so no "continue" was offered.
#[test]
fn going_back_to_the_menu_keeps_the_unfinished_quiz_on_offer() {
    let answered = run(State::new(Lang::Id), [Action::Start(1), click(1)]);
    assert!(matches!(answered.screen, Screen::Question { quiz: 1, .. }));
    for leave in [
        vec![Action::Back, Action::Back],
        vec![Action::OpenLink {
            fragment: String::new(),
        }],
    ] {
        let menu = run(answered.clone(), leave.clone());
        assert_eq!(menu.screen, Screen::Intro, "{leave:?}");
        let offered = menu.resume.first().expect("the quiz is offered again");
        assert_eq!(offered.quiz, 1);
        assert_eq!(offered.answers.get(0), Some(1));
        assert!(
            menu.saved(BANKS).get(&progress_key(BANKS[1])).is_some(),
            "and stays in storage"
        );
        let resumed = run(menu, [Action::Resume(1)]);
        assert_eq!(resumed.answers.get(0), Some(1));
    }
    // Nothing answered yet: nothing to offer.
    let untouched = run(State::new(Lang::Id), [Action::Start(1), Action::Back]);
    assert!(untouched.resume.is_empty());
}

/// Regression: progress was one slot for both quizzes, so starting the other quiz overwrote the
/// unfinished one without a word.
#[test]
fn each_quiz_keeps_its_own_unfinished_answers() {
    let first = run(
        State::new(Lang::Id),
        [Action::Start(0), click(1), Action::Home],
    );
    let both = run(first, [Action::Start(1), click(0)]);
    let saved = both.saved(BANKS);
    assert!(saved.get(&progress_key(BANKS[0])).is_some(), "{saved:?}");
    assert!(saved.get(&progress_key(BANKS[1])).is_some(), "{saved:?}");
    // An older version's single slot is emptied once read into its quiz's own key.
    assert_eq!(saved.get("cek-klien.progress"), None);
    let stored: Vec<(String, String)> = saved
        .0
        .iter()
        .filter_map(|(key, value)| Some((key.clone(), value.clone()?)))
        .collect();
    let reopened = State::start(startup_with(None, "", Stored::Values(&stored)), BANKS);
    let offered: Vec<usize> = reopened.resume.iter().map(|saved| saved.quiz).collect();
    assert_eq!(offered, [0, 1]);
}

/// Regression: starting a quiz with unfinished answers on offer threw them away unasked.
#[test]
fn starting_over_a_quiz_on_offer_asks_first() {
    let offered = run(
        State::new(Lang::Id),
        [Action::Start(1), click(2), Action::Back, Action::Back],
    );
    assert_eq!(offered.resume.len(), 1);
    let asked = run(offered, [Action::Start(1)]);
    assert_eq!(
        (asked.screen.clone(), asked.confirm),
        (Screen::Intro, Some(Confirm::StartOver(1)))
    );
    let declined = run(asked.clone(), [Action::Declined]);
    assert_eq!(declined.resume.len(), 1);
    let started = run(asked, [Action::Confirmed]);
    assert_eq!(started.screen, Screen::Question { quiz: 1, step: 0 });
    assert!(started.resume.is_empty());
    assert_eq!(started.answers.answered_count(BANKS[1]), 0);
}

/// Another tab's progress shows on this tab's menu as it is now, but never replaces the
/// answers this tab is in the middle of.
#[test]
fn another_tabs_progress_is_offered_but_never_replaces_the_quiz_on_screen() {
    let elsewhere = in_progress(0, &[1, 0, 2]);
    let their_items: Vec<(String, String)> = elsewhere
        .saved(BANKS)
        .0
        .into_iter()
        .filter_map(|(key, value)| Some((key, value?)))
        .collect();
    let on_menu = run(
        State::new(Lang::Id),
        [Action::StorageChanged(their_items.clone())],
    );
    assert_eq!(on_menu.resume.len(), 1);
    assert_eq!(on_menu.resume[0].answers, elsewhere.answers);
    let answering = in_progress(0, &[3]);
    let still = run(answering.clone(), [Action::StorageChanged(their_items)]);
    assert_eq!(still.answers, answering.answers);
    assert!(still.resume.is_empty());
    // The other tab discarded it: the offer goes, and so does a question about it.
    let asking = run(on_menu, [Action::DiscardSaved(0)]);
    let gone = run(asking, [Action::StorageChanged(Vec::new())]);
    assert_eq!((gone.resume.len(), gone.confirm), (0, None));
}

/// Regression: reloading or bookmarking one's own result labelled it "shared with you".
#[test]
fn ones_own_result_reopened_later_is_not_labelled_shared() {
    let count = BANKS[1].questions.len();
    let finished = in_progress(1, &vec![1; count]);
    let address = finished.fragment(BANKS).expect("a result has a fragment");
    let reloaded = State::start(startup_with(None, &address, no_storage()), BANKS);
    assert_eq!(
        reloaded.screen,
        Screen::Result {
            quiz: 1,
            shared: false
        }
    );
    assert_eq!(reloaded.answers, finished.answers);
    // The share link of the same result is someone else's result wherever it opens.
    let share = link::encode(BANKS[1], &finished.answers, Lang::Id);
    let elsewhere = State::start(startup_with(None, &share, no_storage()), BANKS);
    assert_eq!(
        elsewhere.screen,
        Screen::Result {
            quiz: 1,
            shared: true
        }
    );
    assert_eq!(elsewhere.fragment(BANKS), Some(share));
}

/// Regression: the app's Back added a history entry, so the browser's Back then went forward
/// through the quiz.
#[test]
fn the_apps_back_steps_back_through_history_or_reuses_the_entry() {
    let at_step_2 = in_progress(0, &[1, 0]);
    let step_1 = in_progress(0, &[1]).fragment(BANKS).unwrap();
    let step_2 = at_step_2.fragment(BANKS).unwrap();
    // The entry before is question 2's: Back goes there through history.
    assert!(cek_klien::core::state::back_retraces(
        &at_step_2,
        Some(&step_1),
        BANKS
    ));
    // Opened straight at question 3 (no entry before it in this app): Back updates the entry
    // in place instead of adding one.
    assert!(!cek_klien::core::state::back_retraces(
        &at_step_2, None, BANKS
    ));
    let back = run(at_step_2, [Action::Back]);
    assert_eq!(
        address_change(&back, &step_2, BANKS),
        AddressChange::Replace
    );
}

/// Regression: under a burst of back and forward, the app wrote one place's answers (or a blank
/// menu) into the entry the browser had already moved on to, and pushed entries that cut off
/// forward history.
#[test]
fn the_address_is_left_alone_while_it_moves_on_ahead_of_the_app() {
    let at_step_2 = in_progress(0, &[1, 0]);
    let step_1 = in_progress(0, &[1]).fragment(BANKS).unwrap();
    let step_2 = at_step_2.fragment(BANKS).unwrap();
    let followed = run(
        at_step_2,
        [Action::OpenLink {
            fragment: step_1.clone(),
        }],
    );
    // The browser is already back at question 3's entry: leave it, its hashchange follows.
    assert_eq!(
        address_change(&followed, &step_2, BANKS),
        AddressChange::Leave
    );
    assert_eq!(
        address_change(&followed, &step_1, BANKS),
        AddressChange::Replace
    );
    let menu = run(
        followed,
        [Action::OpenLink {
            fragment: String::new(),
        }],
    );
    assert_eq!(
        address_change(&menu, &step_2, BANKS),
        AddressChange::Leave,
        "a blank menu is never written into a question's entry"
    );
}

#[test]
fn history_notes_round_trip_and_date_entries_against_a_forget() {
    use cek_klien::core::history::{
        next_epoch, note, read_note, written_before_forget, FIRST_EPOCH,
    };
    let written = note(FIRST_EPOCH, "q1.tipe-klien.2.1.1");
    assert_eq!(
        read_note(&written),
        Some((FIRST_EPOCH, "q1.tipe-klien.2.1.1"))
    );
    assert_eq!(read_note("e "), Some(("e", "")));
    for foreign in ["", "x y", "e", "ex y", "{} a", "1 a"] {
        assert_eq!(read_note(foreign), None, "{foreign:?}");
    }
    let after_forget = next_epoch(FIRST_EPOCH);
    let after_two = next_epoch(&after_forget);
    assert_ne!(after_forget, after_two);
    assert!(!written_before_forget(Some(&written), FIRST_EPOCH));
    assert!(written_before_forget(Some(&written), &after_forget));
    assert!(!written_before_forget(
        Some(&note(&after_forget, "")),
        &after_forget
    ));
    assert!(written_before_forget(
        Some(&note(&after_forget, "")),
        &after_two
    ));
    assert!(!written_before_forget(None, &after_forget));
    assert!(!written_before_forget(Some("garbage"), &after_forget));
}

/// Regression: a page loaded afresh at an early history entry (after a burst of back and forward
/// left the app and came back) walked forward with that entry's few answers, ignored the later
/// entries' answers, and wrote the blank answers back into them and into storage.
#[test]
fn walking_forward_from_an_early_entry_picks_up_the_later_entries_answers() {
    let entry = |clicks: &[u8]| in_progress(0, clicks).fragment(BANKS).unwrap();
    let reloaded_at_first = State::start(startup_with(None, &entry(&[]), no_storage()), BANKS);
    let walked = run(
        reloaded_at_first,
        [&[1][..], &[1, 0], &[1, 0, 1]].map(|clicks| Action::OpenLink {
            fragment: entry(clicks),
        }),
    );
    assert_eq!(walked.answers, in_progress(0, &[1, 0, 1]).answers);
    assert_eq!(walked.fragment(BANKS), Some(entry(&[1, 0, 1])));
}

/// Issue 12, item 25: the theme the reader chose was forgotten at the next visit.
#[test]
fn the_chosen_theme_is_remembered_like_the_language_and_forgotten_on_request() {
    let chosen = run(State::new(Lang::Id), [Action::SetTheme(Theme::Dark)]);
    assert_eq!(chosen.saved(BANKS).get("cek-klien.theme"), Some("dark"));

    let stored_dark = vec![("cek-klien.theme".to_string(), "dark".to_string())];
    let reopened = State::start(startup_with(None, "", Stored::Values(&stored_dark)), BANKS);
    assert_eq!(reopened.theme, Theme::Dark);
    assert_eq!(reopened.saved(BANKS).get("cek-klien.theme"), Some("dark"));

    // A host's theme option (an iframe's `?theme=`) shows its theme without touching the
    // reader's choice, as `?lang=` does.
    let hosted = State::start(
        Startup {
            theme: Some(Theme::Light),
            ..startup_with(None, "", Stored::Values(&stored_dark))
        },
        BANKS,
    );
    assert_eq!(hosted.theme, Theme::Light);
    assert_eq!(hosted.saved(BANKS).get("cek-klien.theme"), Some("dark"));

    // An unreadable stored theme is only a look: the default, and no notice.
    let garbled = vec![("cek-klien.theme".to_string(), "<b>".to_string())];
    let garbled = State::start(startup_with(None, "", Stored::Values(&garbled)), BANKS);
    assert_eq!(garbled.theme, Theme::Auto);
    assert_eq!(garbled.notice, None);

    let forgotten = run(reopened, [Action::ForgetDevice, Action::Confirmed]);
    assert_eq!(forgotten.saved(BANKS).get("cek-klien.theme"), None);
    assert_eq!(
        forgotten.theme,
        Theme::Dark,
        "forgetting does not repaint the page"
    );
}

/// Issue 12, item 23: a change in the review list recomputed the verdict far above it with no
/// sign near the list. The state says an answer changed, until the reader leaves the result.
#[test]
fn a_changed_answer_in_review_is_noted_until_the_reader_leaves_the_result() {
    let count = BANKS[0].questions.len();
    let at_result = run(
        State::new(Lang::Id),
        std::iter::once(Action::Start(0)).chain((0..count).map(|_| click(1))),
    );
    assert!(!at_result.answer_changed);
    let changed = run(
        at_result,
        [Action::SetAnswer {
            question: 0,
            choice: Some(0),
        }],
    );
    assert!(changed.answer_changed);
    assert!(run(changed.clone(), [Action::SetLang(Lang::En)]).answer_changed);
    assert!(!run(changed.clone(), [Action::Retake]).answer_changed);
    assert!(!run(changed, [Action::Home]).answer_changed);
}
