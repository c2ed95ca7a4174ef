//! The app's state and its one reducer. Pure: the yew view dispatches `Action`s and renders
//! `State`; effects only mirror the state into the browser (address bar, storage) or turn browser
//! events into actions, so every transition is tested natively.

use super::bank::Bank;
use super::classify::Answers;
use super::link::{self, Fragment, LinkError, Progress};
use super::text::{Lang, Theme};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Intro,
    /// One question at a time; `step` is the question index.
    Question {
        quiz: usize,
        step: usize,
    },
    /// `shared` marks a result opened from someone else's link.
    Result {
        quiz: usize,
        shared: bool,
    },
    LinkError(LinkError),
}

/// A quiet message about something that did not work but does not stop the quiz.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The browser refuses storage: the quiz works, progress will not survive a reload.
    StorageUnavailable,
    /// Saved data could not be read and was dropped.
    StorageCorrupted,
    /// The embedding page set an option this version does not know; the default is used.
    IgnoredOptions,
    /// The English texts could not be loaded, so the page stays in Indonesian.
    EnglishUnavailable,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub lang: Lang,
    /// True when the language came from `?lang=` or the user's own choice; a shared link's
    /// language then does not override it.
    pub lang_fixed: bool,
    /// The language this device remembers the reader choosing (in storage), if any. Only the
    /// reader's own switch or "forget" changes it: a `?lang=` in the address (every iframe
    /// embed has one) shows that language without touching the reader's choice.
    pub remembered_lang: Option<Lang>,
    pub theme: Theme,
    /// The theme this device remembers the reader choosing; like the language, only the
    /// reader's own switch or "forget" changes it, never a host's `theme` option.
    pub remembered_theme: Option<Theme>,
    pub screen: Screen,
    /// Answers to the quiz on screen; kept across language switches, going back and history.
    pub answers: Answers,
    /// An unfinished quiz found in storage, offered on the intro.
    pub resume: Option<Progress>,
    pub notice: Option<Notice>,
    /// Storage refused a write (or was unavailable from the start). Reported once: a reader who
    /// dismissed the notice is not told again at every answer.
    pub storage_failed: bool,
    /// What the last copy to the clipboard was, and whether it worked; shown beside the
    /// button until the reader moves to another place.
    pub copied: Option<Copied>,
    /// The reader just made this device forget everything; confirmed on the intro.
    pub forgotten: bool,
    /// The reader changed an answer in the result's review list since the result appeared:
    /// the verdict, far above the list, was recomputed, and the screen says so beside it.
    pub answer_changed: bool,
}

/// A copy to the clipboard and whether it worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Copied {
    pub what: CopyTarget,
    pub ok: bool,
}

/// What the reader copied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyTarget {
    Link,
    Checklist,
    /// The message to send for one plan step (its position in the plan).
    Message(u8),
}

/// What storage held when the page loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored<'a> {
    /// The host is not ours (script mount): storage is not used at all.
    Disabled,
    Unavailable,
    Values {
        lang: Option<&'a str>,
        theme: Option<&'a str>,
        progress: Option<&'a str>,
    },
}

/// Everything the page tells the app when it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Startup<'a> {
    pub query_lang: Option<Lang>,
    pub browser_lang: Lang,
    /// The host's `theme` option, which wins over the reader's stored choice as `?lang=` does.
    pub theme: Option<Theme>,
    pub fragment: &'a str,
    pub stored: Stored<'a>,
    /// The host gave options that were not recognised.
    pub ignored_options: bool,
}

/// What the app wants storage to hold; an effect makes storage match it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    pub progress: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetLang(Lang),
    SetTheme(Theme),
    Start(usize),
    /// Picks a choice on the current question; `advance` also moves on (a pointer click does,
    /// a keyboard selection does not, so arrow keys can browse the choices).
    Choose {
        choice: u8,
        advance: bool,
    },
    /// Moves on, skipping the question if it has no answer; after the last one, the result.
    Next,
    Back,
    /// Changes one answer from the result's review list; the result recomputes at once.
    SetAnswer {
        question: usize,
        choice: Option<u8>,
    },
    Retake,
    Home,
    /// Continues the unfinished quiz found in storage.
    Resume,
    /// Drops the unfinished quiz found in storage.
    DiscardSaved,
    /// Forgets everything this device stored (language and theme choice, unfinished quiz).
    ForgetDevice,
    DismissNotice,
    /// The clipboard took (or refused) a copy.
    Copied(Copied),
    /// Storage failed while saving.
    StorageFailed,
    /// The English texts could not be loaded: the page shows Indonesian and says why.
    EnglishUnavailable,
    /// A fragment arrived: page load, the back/forward buttons, or a pasted link.
    OpenLink {
        fragment: String,
    },
}

/// What kind of element a key press came from, so typing in a field is never hijacked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyTarget {
    /// A text field or a select: keys belong to it.
    TextEntry,
    /// A button or link: Enter activates it, so the app must not also act.
    Control,
    /// A choice's radio: arrows and Space select it (by firing a click), Enter goes on.
    Choice,
    /// Anything else.
    Other,
}

impl State {
    #[must_use]
    pub fn new(lang: Lang) -> State {
        State {
            lang,
            lang_fixed: false,
            remembered_lang: None,
            theme: Theme::Auto,
            remembered_theme: None,
            screen: Screen::Intro,
            answers: Answers::default(),
            resume: None,
            notice: None,
            storage_failed: false,
            copied: None,
            forgotten: false,
            answer_changed: false,
        }
    }

    /// The state a page load starts in. Language: `?lang=`, then the stored choice, then a
    /// shared link's, then the browser's.
    #[must_use]
    pub fn start(startup: Startup<'_>, banks: &[&Bank]) -> State {
        let mut notice = None;
        let storage_failed = startup.stored == Stored::Unavailable;
        let (stored_lang, stored_theme, stored_progress) = match startup.stored {
            Stored::Disabled => (None, None, None),
            Stored::Unavailable => {
                notice = Some(Notice::StorageUnavailable);
                (None, None, None)
            }
            Stored::Values {
                lang,
                theme,
                progress,
            } => {
                let stored_lang = lang.and_then(Lang::from_code);
                // An unreadable theme is only a look: the default stands in, without a notice.
                let stored_theme = theme.and_then(Theme::from_code);
                let progress = progress.map(|saved| match link::decode_fragment(saved, banks) {
                    Ok(Fragment::Progress(progress)) => Some(progress),
                    _ => None,
                });
                if (lang.is_some() && stored_lang.is_none()) || progress == Some(None) {
                    notice = Some(Notice::StorageCorrupted);
                }
                (stored_lang, stored_theme, progress.flatten())
            }
        };
        if startup.ignored_options {
            notice = Some(Notice::IgnoredOptions);
        }
        let fixed_lang = startup.query_lang.or(stored_lang);
        let mut state = State {
            lang: fixed_lang.unwrap_or(startup.browser_lang),
            lang_fixed: fixed_lang.is_some(),
            remembered_lang: stored_lang,
            theme: startup.theme.or(stored_theme).unwrap_or_default(),
            remembered_theme: stored_theme,
            resume: stored_progress,
            notice,
            storage_failed,
            ..State::new(Lang::Id)
        };
        if !startup.fragment.trim_start_matches('#').is_empty() {
            state = reduce(
                &state,
                Action::OpenLink {
                    fragment: startup.fragment.to_string(),
                },
                banks,
            );
        }
        // A quiz opened from the address bar supersedes the saved one only if it is the same.
        if let (Screen::Question { quiz, .. }, Some(saved)) = (&state.screen, &state.resume) {
            if saved.quiz == *quiz {
                state.resume = None;
            }
        }
        state
    }

    /// The fragment that represents this state, for the address bar and the share link.
    #[must_use]
    pub fn fragment(&self, banks: &[&Bank]) -> Option<String> {
        match &self.screen {
            Screen::Result { quiz, .. } => banks
                .get(*quiz)
                .map(|bank| link::encode(bank, &self.answers, self.lang)),
            Screen::Question { quiz, step } => banks
                .get(*quiz)
                .map(|bank| link::encode_progress(bank, &self.answers, *step)),
            _ => None,
        }
    }

    /// The error screen leaves the broken link in the address bar, so the reader can see it,
    /// repair it or send it back to whoever shared it.
    #[must_use]
    pub fn keeps_address(&self) -> bool {
        matches!(self.screen, Screen::LinkError(_))
    }

    /// What storage should hold now: the language the reader chose, and the quiz
    /// only while it is unfinished (or still on offer to be resumed).
    #[must_use]
    pub fn saved(&self, banks: &[&Bank]) -> Saved {
        let progress = match (&self.screen, &self.resume) {
            (Screen::Question { quiz, step }, _) => banks
                .get(*quiz)
                .map(|bank| link::encode_progress(bank, &self.answers, *step)),
            (_, Some(saved)) => banks
                .get(saved.quiz)
                .map(|bank| link::encode_progress(bank, &saved.answers, saved.step)),
            _ => None,
        };
        Saved {
            lang: self.remembered_lang,
            theme: self.remembered_theme,
            progress,
        }
    }

    fn quiz_on_screen(&self) -> Option<usize> {
        match self.screen {
            Screen::Question { quiz, .. } | Screen::Result { quiz, .. } => Some(quiz),
            _ => None,
        }
    }
}

/// The one reducer: the state after `action`.
#[must_use]
pub fn reduce(state: &State, action: Action, banks: &[&Bank]) -> State {
    let mut next = state.clone();
    match action {
        Action::SetLang(lang) => {
            next.lang = lang;
            next.lang_fixed = true;
            next.remembered_lang = Some(lang);
        }
        Action::SetTheme(theme) => {
            next.theme = theme;
            next.remembered_theme = Some(theme);
        }
        Action::Start(quiz) => start_quiz(&mut next, quiz, banks),
        Action::Choose { choice, advance } => choose(&mut next, choice, advance, banks),
        Action::Next => {
            if let Screen::Question { quiz, step } = state.screen {
                next.screen = forward(quiz, step, &next.answers, banks);
            }
        }
        Action::Back => go_back(&mut next, banks),
        Action::SetAnswer { question, choice } => change_answer(&mut next, question, choice, banks),
        Action::Retake => retake(&mut next, banks),
        Action::Home => {
            next.screen = Screen::Intro;
            next.answers = Answers::default();
        }
        Action::Resume => resume(&mut next, banks),
        Action::DiscardSaved => next.resume = None,
        Action::ForgetDevice => {
            next.resume = None;
            next.remembered_lang = None;
            next.remembered_theme = None;
            next.notice = None;
            next.forgotten = true;
        }
        Action::DismissNotice => next.notice = None,
        Action::Copied(copied) => next.copied = Some(copied),
        Action::StorageFailed => {
            if !state.storage_failed {
                next.notice = Some(Notice::StorageUnavailable);
                next.storage_failed = true;
            }
        }
        Action::EnglishUnavailable => {
            next.lang = Lang::Id;
            next.notice = Some(Notice::EnglishUnavailable);
        }
        Action::OpenLink { fragment } => open_link(state, &mut next, &fragment, banks),
    }
    // Feedback on a copy, a forget or a changed answer belongs to the place it happened in.
    if next.screen.place() != state.screen.place() {
        next.copied = None;
        next.forgotten = false;
        next.answer_changed = false;
    }
    next
}

fn start_quiz(next: &mut State, quiz: usize, banks: &[&Bank]) {
    let Some(bank) = banks.get(quiz) else { return };
    next.answers = Answers::empty(bank);
    next.screen = Screen::Question { quiz, step: 0 };
    if next.resume.as_ref().is_some_and(|saved| saved.quiz == quiz) {
        next.resume = None;
    }
}

fn choose(next: &mut State, choice: u8, advance: bool, banks: &[&Bank]) {
    let Screen::Question { quiz, step } = next.screen else {
        return;
    };
    let exists = banks
        .get(quiz)
        .and_then(|bank| bank.questions.get(step))
        .is_some_and(|question| usize::from(choice) < question.choices.len());
    if exists && next.answers.set(step, Some(choice)) && advance {
        next.screen = forward(quiz, step, &next.answers, banks);
    }
}

/// Leaving an unfinished quiz for the menu keeps it on offer: only finishing it, or the reader
/// discarding it, removes it.
fn keep_unfinished(next: &mut State, banks: &[&Bank]) {
    if let Screen::Question { quiz, step } = next.screen {
        let answered = banks
            .get(quiz)
            .is_some_and(|bank| next.answers.answered_count(bank) > 0);
        if answered {
            next.resume = Some(Progress {
                quiz,
                step,
                answers: next.answers.clone(),
            });
        }
    }
}

fn go_back(next: &mut State, banks: &[&Bank]) {
    let answers = &next.answers;
    let back = match next.screen {
        Screen::Question { quiz, step } => {
            let earlier = banks
                .get(quiz)
                .and_then(|bank| (0..step).rev().find(|&q| answers.asks(bank, q)));
            match earlier {
                Some(step) => Screen::Question { quiz, step },
                None => Screen::Intro,
            }
        }
        Screen::Result {
            quiz,
            shared: false,
        } => {
            let last = banks
                .get(quiz)
                .and_then(|bank| answers.asked(bank).last())
                .unwrap_or(0);
            Screen::Question { quiz, step: last }
        }
        ref other => other.clone(),
    };
    if back == Screen::Intro {
        keep_unfinished(next, banks);
    }
    next.screen = back;
}

fn change_answer(next: &mut State, question: usize, choice: Option<u8>, banks: &[&Bank]) {
    let Screen::Result { quiz, .. } = next.screen else {
        return;
    };
    let exists = banks
        .get(quiz)
        .and_then(|bank| bank.questions.get(question))
        .is_some_and(|q| choice.is_none_or(|c| usize::from(c) < q.choices.len()));
    if exists && next.answers.set(question, choice) {
        // Changed answers are the user's own, no longer the shared result.
        next.screen = Screen::Result {
            quiz,
            shared: false,
        };
        next.answer_changed = true;
    }
}

fn retake(next: &mut State, banks: &[&Bank]) {
    match next
        .quiz_on_screen()
        .and_then(|q| banks.get(q).map(|b| (q, b)))
    {
        Some((quiz, bank)) => {
            next.answers = Answers::empty(bank);
            next.screen = Screen::Question { quiz, step: 0 };
        }
        None => next.screen = Screen::Intro,
    }
}

fn resume(next: &mut State, banks: &[&Bank]) {
    let Some(saved) = next.resume.take() else {
        return;
    };
    if banks.get(saved.quiz).is_some() {
        next.answers = saved.answers;
        next.screen = Screen::Question {
            quiz: saved.quiz,
            step: saved.step,
        };
    }
}

/// A fragment arrived (page load, back/forward, a pasted link): show what it stands for.
fn open_link(state: &State, next: &mut State, fragment: &str, banks: &[&Bank]) {
    // Links pasted from chats come with trailing punctuation, trackers or capitals.
    let repaired = link::repair(fragment);
    let fragment = repaired.as_str();
    if fragment.is_empty() {
        if !matches!(state.screen, Screen::Intro) {
            keep_unfinished(next, banks);
            next.screen = Screen::Intro;
            next.answers = Answers::default();
        }
        return;
    }
    // Our own fragment coming back is not news.
    if state.fragment(banks).as_deref() == Some(fragment) {
        return;
    }
    let same_quiz = |quiz: usize| state.quiz_on_screen() == Some(quiz);
    match link::decode_fragment(fragment, banks) {
        Ok(Fragment::Result(shared)) => {
            if !state.lang_fixed {
                next.lang = shared.lang;
            }
            // Forward to our own result (history) is not someone else's link.
            let own = same_quiz(shared.quiz) && shared.answers == state.answers;
            next.answers = shared.answers;
            next.screen = Screen::Result {
                quiz: shared.quiz,
                shared: !own,
            };
        }
        Ok(Fragment::Progress(progress)) => {
            // Back and forward only move between questions; the answers in memory are newer
            // than the ones recorded in an older history entry.
            if !same_quiz(progress.quiz) {
                next.answers = progress.answers;
            }
            next.screen = Screen::Question {
                quiz: progress.quiz,
                step: progress.step,
            };
        }
        Err(error) => {
            next.screen = Screen::LinkError(error);
            next.answers = Answers::default();
        }
    }
}

/// The action a key press stands for on the current screen, if any: number keys pick a choice,
/// Enter goes on, Backspace goes back.
#[must_use]
pub fn key_action(state: &State, key: &str, target: KeyTarget, banks: &[&Bank]) -> Option<Action> {
    let Screen::Question { quiz, step } = state.screen else {
        return None;
    };
    if target == KeyTarget::TextEntry {
        return None;
    }
    match key {
        "Enter" if target != KeyTarget::Control => Some(Action::Next),
        "Backspace" => Some(Action::Back),
        _ => {
            let digit = key.parse::<u8>().ok().filter(|d| (1..=9).contains(d))?;
            let choices = banks.get(quiz)?.questions.get(step)?.choices.len();
            (usize::from(digit) <= choices).then_some(Action::Choose {
                choice: digit - 1,
                advance: false,
            })
        }
    }
}

/// Whether this key, pressed on this target, selects a choice by itself: the browser then fires
/// a click on the radio that must only select, so a keyboard user can browse the choices. The
/// same keys elsewhere (on the question's heading) scroll the page and select nothing.
#[must_use]
pub fn key_selects_choice(key: &str, target: KeyTarget) -> bool {
    target == KeyTarget::Choice && (key.starts_with("Arrow") || key == " ")
}

/// Where the user is, ignoring answers and language. Moving to another place adds a history
/// entry; anything else updates the current one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Intro,
    Question(usize, usize),
    Result(usize),
    Error,
}

impl Screen {
    #[must_use]
    pub fn place(&self) -> Place {
        match self {
            Screen::Intro => Place::Intro,
            Screen::Question { quiz, step } => Place::Question(*quiz, *step),
            Screen::Result { quiz, .. } => Place::Result(*quiz),
            Screen::LinkError(_) => Place::Error,
        }
    }
}

/// The place a fragment in the address bar stands for.
#[must_use]
pub fn place_of_fragment(fragment: &str, banks: &[&Bank]) -> Place {
    let repaired = link::repair(fragment);
    let fragment = repaired.as_str();
    if fragment.is_empty() {
        return Place::Intro;
    }
    match link::decode_fragment(fragment, banks) {
        Ok(Fragment::Progress(progress)) => Place::Question(progress.quiz, progress.step),
        Ok(Fragment::Result(shared)) => Place::Result(shared.quiz),
        Err(_) => Place::Error,
    }
}

/// Whether showing `state` should add a history entry: only when the user moved somewhere the
/// address bar does not show yet. After the back button, the address bar is already there and
/// only its answers need refreshing, so forward history survives. A broken link in the address
/// bar is replaced, never kept behind a new entry: Back must not lead to it again.
#[must_use]
pub fn needs_history_entry(state: &State, shown_fragment: &str, banks: &[&Bank]) -> bool {
    let shown = place_of_fragment(shown_fragment, banks);
    shown != Place::Error && shown != state.screen.place()
}

/// The next asked question after `step` (answers decide which are asked), or the result.
fn forward(quiz: usize, step: usize, answers: &Answers, banks: &[&Bank]) -> Screen {
    let next = banks
        .get(quiz)
        .and_then(|bank| (step + 1..bank.questions.len()).find(|&q| answers.asks(bank, q)));
    match next {
        Some(step) => Screen::Question { quiz, step },
        None => Screen::Result {
            quiz,
            shared: false,
        },
    }
}

/// "Question 3 of 12": the place of `step` among the questions asked, and how many are asked
/// with the answers so far (a branch answered differently asks a different number).
#[must_use]
pub fn progress(bank: &Bank, answers: &Answers, step: usize) -> (usize, usize) {
    let asked: Vec<usize> = answers.asked(bank).collect();
    let position = asked.iter().filter(|&&q| q < step).count() + 1;
    (position, asked.len().max(position))
}
