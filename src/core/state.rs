//! The app's state and its one reducer. Pure: the yew view dispatches `Action`s and renders
//! `State`; effects (URL fragment, storage) only read the state or dispatch actions, so every
//! transition is tested natively.

use super::bank::Bank;
use super::classify::Answers;
use super::link::{self, LinkError};
use super::text::Lang;

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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub lang: Lang,
    pub screen: Screen,
    /// Answers to the quiz on screen; kept across language switches and going back.
    pub answers: Answers,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    SetLang(Lang),
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
    Retake,
    Home,
    /// A fragment arrived (page load or the user pasted a link). `lang_locked` is true when the
    /// page itself asked for a language (`?lang=`), which then wins over the link's.
    OpenLink {
        fragment: String,
        lang_locked: bool,
    },
}

impl State {
    pub fn new(lang: Lang) -> State {
        State {
            lang,
            screen: Screen::Intro,
            answers: Answers::default(),
        }
    }

    /// The fragment that represents this state, for the address bar and the share link.
    pub fn fragment(&self, banks: &[&Bank]) -> Option<String> {
        match &self.screen {
            Screen::Result { quiz, .. } => banks
                .get(*quiz)
                .map(|bank| link::encode(bank, &self.answers, self.lang)),
            _ => None,
        }
    }
}

pub fn reduce(state: &State, action: Action, banks: &[&Bank]) -> State {
    let mut next = state.clone();
    match action {
        Action::SetLang(lang) => next.lang = lang,
        Action::Start(quiz) => {
            if let Some(bank) = banks.get(quiz) {
                next.answers = Answers::empty(bank);
                next.screen = Screen::Question { quiz, step: 0 };
            }
        }
        Action::Choose { choice, advance } => {
            if let Screen::Question { quiz, step } = state.screen {
                let valid = banks
                    .get(quiz)
                    .and_then(|bank| bank.questions.get(step))
                    .is_some_and(|question| usize::from(choice) < question.choices.len());
                if valid {
                    if let Some(slot) = next.answers.0.get_mut(step) {
                        *slot = Some(choice);
                    }
                    if advance {
                        next.screen = forward(quiz, step, banks);
                    }
                }
            }
        }
        Action::Next => {
            if let Screen::Question { quiz, step } = state.screen {
                next.screen = forward(quiz, step, banks);
            }
        }
        Action::Back => match state.screen {
            Screen::Question { step: 0, .. } => next.screen = Screen::Intro,
            Screen::Question { quiz, step } => {
                next.screen = Screen::Question {
                    quiz,
                    step: step - 1,
                }
            }
            Screen::Result {
                quiz,
                shared: false,
            } => {
                let last = banks
                    .get(quiz)
                    .map_or(0, |b| b.questions.len().saturating_sub(1));
                next.screen = Screen::Question { quiz, step: last };
            }
            _ => {}
        },
        Action::Retake => {
            let quiz = match state.screen {
                Screen::Question { quiz, .. } | Screen::Result { quiz, .. } => Some(quiz),
                _ => None,
            };
            match quiz.and_then(|q| banks.get(q).map(|bank| (q, bank))) {
                Some((quiz, bank)) => {
                    next.answers = Answers::empty(bank);
                    next.screen = Screen::Question { quiz, step: 0 };
                }
                None => next.screen = Screen::Intro,
            }
        }
        Action::Home => {
            next.screen = Screen::Intro;
            next.answers = Answers::default();
        }
        Action::OpenLink {
            fragment,
            lang_locked,
        } => {
            let fragment = fragment.strip_prefix('#').unwrap_or(&fragment);
            if fragment.is_empty() {
                if matches!(state.screen, Screen::Result { .. } | Screen::LinkError(_)) {
                    next.screen = Screen::Intro;
                    next.answers = Answers::default();
                }
                return next;
            }
            // Our own fragment coming back (e.g. the back button) is not someone else's link.
            if state.fragment(banks).as_deref() == Some(fragment) {
                return next;
            }
            match link::decode(fragment, banks) {
                Ok(shared) => {
                    if !lang_locked {
                        next.lang = shared.lang;
                    }
                    next.answers = shared.answers;
                    next.screen = Screen::Result {
                        quiz: shared.quiz,
                        shared: true,
                    };
                }
                Err(error) => {
                    next.screen = Screen::LinkError(error);
                    next.answers = Answers::default();
                }
            }
        }
    }
    next
}

fn forward(quiz: usize, step: usize, banks: &[&Bank]) -> Screen {
    let count = banks.get(quiz).map_or(0, |bank| bank.questions.len());
    if step + 1 < count {
        Screen::Question {
            quiz,
            step: step + 1,
        }
    } else {
        Screen::Result {
            quiz,
            shared: false,
        }
    }
}
