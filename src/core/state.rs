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
    /// Unfinished quizzes found in storage (at most one per quiz, in bank order), offered on
    /// the intro.
    pub resume: Vec<Progress>,
    /// Something that throws answers away, waiting for the reader to confirm it.
    pub confirm: Option<Confirm>,
    /// How the screen last changed place, which decides what the address bar does.
    pub last_move: Move,
    /// The texts only a result shows could not be loaded (they are fetched once a quiz starts).
    pub result_texts_failed: bool,
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

/// An action that throws the reader's answers away, asked before it happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Drop the unfinished quiz with this index.
    Discard(usize),
    /// Drop the unfinished quiz with this index and start it again from the first question.
    StartOver(usize),
    /// Remove everything this device stored.
    Forget,
}

/// How the screen last changed place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// The reader went on (or somewhere new): the address bar gets a new entry.
    Forward,
    /// The app's own Back: the entry is reused, so history never grows with going back.
    Back,
    /// The address changed (back/forward buttons, a pasted link): the app follows it.
    FromAddress,
}

/// What the reader copied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyTarget {
    Link,
    Checklist,
    /// The message to send for one plan step (its position in the plan).
    Message(u8),
    /// Not a copy but a keep: the result saved on this device (see `core::saved::add`), which
    /// is said in the same place.
    Saved,
}

/// Every key the app stores starts with this, so "forget" finds them all, including keys an
/// older version left behind.
pub const STORAGE_PREFIX: &str = "cek-klien.";
pub const LANG_KEY: &str = "cek-klien.lang";
pub const THEME_KEY: &str = "cek-klien.theme";
/// Each quiz's unfinished answers live under this key plus `.` and the quiz's id, so the two
/// quizzes never overwrite each other. The bare key is the single slot of older versions.
const PROGRESS_KEY: &str = "cek-klien.progress";

/// What storage held when the page loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored<'a> {
    /// The host is not ours (script mount): storage is not used at all.
    Disabled,
    Unavailable,
    /// Every item whose key starts with `STORAGE_PREFIX`.
    Values(&'a [(String, String)]),
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

/// What the app wants storage to hold, key by key (`None`: no such key); an effect makes
/// storage match it, writing only what changed, so a tab never writes back a value it did not
/// change over a newer one from another tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved(pub Vec<(String, Option<String>)>);

impl Saved {
    /// The value wanted under `key`.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, value)| value.as_deref())
    }
}

/// The storage key of one quiz's unfinished answers.
#[must_use]
pub fn progress_key(bank: &Bank) -> String {
    let mut key = String::from(PROGRESS_KEY);
    key.push('.');
    key.push_str(&bank.id);
    key
}

/// The unfinished quizzes among stored items, one per quiz in bank order, and whether any
/// stored progress could not be read.
fn read_offers(items: &[(String, String)], banks: &[&Bank]) -> (Vec<Progress>, bool) {
    let mut offers: Vec<Progress> = Vec::new();
    let mut corrupted = false;
    for (key, value) in items {
        if !key.starts_with(PROGRESS_KEY) {
            continue;
        }
        match link::decode_fragment(value, banks) {
            // The per-quiz key wins over an older version's shared slot for the same quiz.
            Ok(Fragment::Progress(progress)) => {
                let answered = banks
                    .get(progress.quiz)
                    .is_some_and(|bank| progress.answers.answered_count(bank) > 0);
                if !answered {
                    continue;
                }
                let newer_key = key.len() > PROGRESS_KEY.len();
                match offers.iter_mut().find(|offer| offer.quiz == progress.quiz) {
                    Some(offer) if newer_key => *offer = progress,
                    Some(_) => {}
                    None => offers.push(progress),
                }
            }
            _ => corrupted = true,
        }
    }
    crate::core::sort_small_by_key(&mut offers, |offer| offer.quiz);
    (offers, corrupted)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetLang(Lang),
    SetTheme(Theme),
    /// Starts a quiz; with its unfinished answers on offer, asks first.
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
    /// Continues this quiz's unfinished answers found in storage.
    Resume(usize),
    /// Asks whether to drop this quiz's unfinished answers.
    DiscardSaved(usize),
    /// Asks whether to forget everything this device stored (language and theme choice,
    /// unfinished quizzes).
    ForgetDevice,
    /// The reader confirmed what `confirm` asked.
    Confirmed,
    /// The reader declined what `confirm` asked.
    Declined,
    /// Another tab changed storage: every item under `STORAGE_PREFIX` as it is now.
    StorageChanged(Vec<(String, String)>),
    DismissNotice,
    /// The clipboard took (or refused) a copy.
    Copied(Copied),
    /// Storage failed while saving.
    StorageFailed,
    /// The English texts could not be loaded: the page shows Indonesian and says why.
    EnglishUnavailable,
    /// The result's texts could not be loaded: the result says so, with a retry.
    ResultTextsFailed,
    /// The reader asked to load the result's texts again.
    RetryResultTexts,
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
            resume: Vec::new(),
            confirm: None,
            last_move: Move::Forward,
            result_texts_failed: false,
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
        let mut stored_lang = None;
        let mut stored_theme = None;
        let mut stored_progress = Vec::new();
        match startup.stored {
            Stored::Disabled => {}
            Stored::Unavailable => notice = Some(Notice::StorageUnavailable),
            Stored::Values(items) => {
                let (offers, mut corrupted) = read_offers(items, banks);
                stored_progress = offers;
                for (key, value) in items {
                    if key == LANG_KEY {
                        stored_lang = Lang::from_code(value);
                        corrupted |= stored_lang.is_none();
                    } else if key == THEME_KEY {
                        // An unreadable theme is only a look: the default stands in, unannounced.
                        stored_theme = Theme::from_code(value);
                    }
                }
                if corrupted {
                    notice = Some(Notice::StorageCorrupted);
                }
            }
        }
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
        if let Screen::Question { quiz, .. } = state.screen {
            state.resume.retain(|saved| saved.quiz != quiz);
        }
        state
    }

    /// The fragment that represents this state, for the address bar and the share link.
    #[must_use]
    pub fn fragment(&self, banks: &[&Bank]) -> Option<String> {
        match &self.screen {
            // A shared result keeps its share link; the reader's own says it is theirs.
            Screen::Result { quiz, shared } => banks.get(*quiz).map(|bank| {
                if *shared {
                    link::encode(bank, &self.answers, self.lang)
                } else {
                    link::encode_own(bank, &self.answers, self.lang)
                }
            }),
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

    /// What storage should hold now: the language the reader chose, each quiz only while it
    /// is unfinished (or still on offer to be resumed).
    #[must_use]
    pub fn saved(&self, banks: &[&Bank]) -> Saved {
        let mut items = vec![
            (
                LANG_KEY.to_string(),
                self.remembered_lang.map(|lang| lang.code().to_string()),
            ),
            (
                THEME_KEY.to_string(),
                self.remembered_theme.map(|theme| theme.code().to_string()),
            ),
            // An older version's single slot: its quiz was moved to its own key when read.
            (PROGRESS_KEY.to_string(), None),
        ];
        for (index, bank) in banks.iter().enumerate() {
            // A quiz with nothing answered yet has nothing to keep, or to ask about discarding.
            let progress = match self.screen {
                Screen::Question { quiz, step } if quiz == index => {
                    (self.answers.answered_count(bank) > 0)
                        .then(|| link::encode_progress(bank, &self.answers, step))
                }
                _ => self
                    .resume
                    .iter()
                    .find(|saved| saved.quiz == index)
                    .map(|saved| link::encode_progress(bank, &saved.answers, saved.step)),
            };
            items.push((progress_key(bank), progress));
        }
        Saved(items)
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
    let mut moved = Move::Forward;
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
        Action::Start(quiz) => {
            if next.resume.iter().any(|saved| saved.quiz == quiz) {
                next.screen = Screen::Intro;
                next.confirm = Some(Confirm::StartOver(quiz));
            } else {
                start_quiz(&mut next, quiz, banks);
            }
        }
        Action::Choose { choice, advance } => choose(&mut next, choice, advance, banks),
        Action::Next => {
            if let Screen::Question { quiz, step } = state.screen {
                next.screen = forward(quiz, step, &next.answers, banks);
            }
        }
        Action::Back => {
            moved = Move::Back;
            go_back(&mut next, banks);
        }
        Action::SetAnswer { question, choice } => change_answer(&mut next, question, choice, banks),
        Action::Retake => retake(&mut next, banks),
        Action::Home => {
            keep_unfinished(&mut next, banks);
            next.screen = Screen::Intro;
            next.answers = Answers::default();
        }
        Action::Resume(quiz) => resume(&mut next, quiz, banks),
        Action::DiscardSaved(quiz) => next.confirm = Some(Confirm::Discard(quiz)),
        Action::ForgetDevice => next.confirm = Some(Confirm::Forget),
        Action::Confirmed => match next.confirm.take() {
            Some(Confirm::Discard(quiz)) => next.resume.retain(|saved| saved.quiz != quiz),
            Some(Confirm::StartOver(quiz)) => {
                next.resume.retain(|saved| saved.quiz != quiz);
                start_quiz(&mut next, quiz, banks);
            }
            Some(Confirm::Forget) => {
                next.resume.clear();
                next.remembered_lang = None;
                next.remembered_theme = None;
                next.notice = None;
                next.forgotten = true;
            }
            None => {}
        },
        Action::Declined => next.confirm = None,
        Action::StorageChanged(items) => {
            // Another tab moved on: its unfinished quizzes are offered here as they are now,
            // except the one this tab is answering, whose answers on screen are this tab's.
            let (offers, _) = read_offers(&items, banks);
            let answering = match next.screen {
                Screen::Question { quiz, .. } => Some(quiz),
                _ => None,
            };
            next.resume = offers
                .into_iter()
                .filter(|offer| Some(offer.quiz) != answering)
                .collect();
            if let Some(Confirm::Discard(quiz) | Confirm::StartOver(quiz)) = next.confirm {
                if !next.resume.iter().any(|saved| saved.quiz == quiz) {
                    next.confirm = None;
                }
            }
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
        Action::ResultTextsFailed => next.result_texts_failed = true,
        Action::RetryResultTexts => next.result_texts_failed = false,
        Action::OpenLink { fragment } => {
            moved = Move::FromAddress;
            open_link(state, &mut next, &fragment, banks);
        }
    }
    if next.screen.place() != state.screen.place() {
        // Feedback on a copy, a forget or a changed answer, and a question asked, belong to
        // the place they happened in.
        next.copied = None;
        next.forgotten = false;
        if next.screen != Screen::Intro {
            next.confirm = None;
        }
        next.answer_changed = false;
        next.last_move = moved;
    } else if moved == Move::FromAddress && next.answers != state.answers {
        next.last_move = moved;
    }
    next
}

fn start_quiz(next: &mut State, quiz: usize, banks: &[&Bank]) {
    let Some(bank) = banks.get(quiz) else { return };
    next.answers = Answers::empty(bank);
    next.screen = Screen::Question { quiz, step: 0 };
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
            next.resume.retain(|saved| saved.quiz != quiz);
            next.resume.push(Progress {
                quiz,
                step,
                answers: next.answers.clone(),
            });
            crate::core::sort_small_by_key(&mut next.resume, |saved| saved.quiz);
        }
    }
}

/// Where Back leads from the screen `state` shows: the asked question before, the menu from the
/// first one, the last question from one's own result.
fn back_screen(state: &State, banks: &[&Bank]) -> Screen {
    let answers = &state.answers;
    match state.screen {
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
    }
}

fn go_back(next: &mut State, banks: &[&Bank]) {
    let back = back_screen(next, banks);
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

fn resume(next: &mut State, quiz: usize, banks: &[&Bank]) {
    let Some(at) = next.resume.iter().position(|saved| saved.quiz == quiz) else {
        return;
    };
    let saved = next.resume.remove(at);
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
            // Forward to our own result (history), or a reload or bookmark of one, is not
            // someone else's link.
            let own = shared.own || (same_quiz(shared.quiz) && shared.answers == state.answers);
            next.answers = shared.answers;
            next.screen = Screen::Result {
                quiz: shared.quiz,
                shared: !own,
            };
        }
        Ok(Fragment::Progress(progress)) => {
            // Back and forward only move between questions. Going back, the answers in memory
            // are newer than the ones an older entry recorded; going forward on a page loaded
            // afresh at an earlier entry, the entry has answers memory lacks. Each question
            // keeps memory's answer, else the entry's, so neither way loses one.
            if same_quiz(progress.quiz) {
                for (question, entry) in progress.answers.slots().enumerate() {
                    if next.answers.get(question).is_none() {
                        next.answers.set(question, entry);
                    }
                }
            } else {
                next.answers = progress.answers;
            }
            next.resume.retain(|saved| saved.quiz != progress.quiz);
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

/// What the address bar does to show the state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddressChange {
    /// Leave the address as it is.
    Leave,
    /// Update the current history entry.
    Replace,
    /// Add a history entry, so the back button retraces the move.
    Push,
}

/// How the address bar follows `state`, given the fragment it shows now. Only the reader's
/// moves forward add entries. Their Back reuses the entry, so history never grows with going
/// back. After the back button the address is already at the right place and only its answers
/// need refreshing, so forward history survives. When the address has moved on again (a burst of
/// back and forward), its own hashchange is on the way: writing now would put this place's
/// answers into another place's entry. A broken link is replaced, never kept behind a new
/// entry: Back must not lead to it again.
#[must_use]
pub fn address_change(state: &State, shown_fragment: &str, banks: &[&Bank]) -> AddressChange {
    if state.keeps_address() {
        return AddressChange::Leave;
    }
    let shown = place_of_fragment(shown_fragment, banks);
    if shown == state.screen.place() || shown == Place::Error {
        return AddressChange::Replace;
    }
    match state.last_move {
        Move::FromAddress => AddressChange::Leave,
        Move::Back => AddressChange::Replace,
        Move::Forward => AddressChange::Push,
    }
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

/// Whether the app's Back lands where the previous history entry already is (`previous` is
/// that entry's fragment, from the note on the current one), so the app steps back through
/// history, exactly as the browser's Back would, instead of writing over the current entry.
#[must_use]
pub fn back_retraces(state: &State, previous: Option<&str>, banks: &[&Bank]) -> bool {
    let target = back_screen(state, banks).place();
    target != state.screen.place()
        && previous.is_some_and(|previous| place_of_fragment(previous, banks) == target)
}
