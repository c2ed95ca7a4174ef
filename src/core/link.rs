//! The share-link codec: a quiz result as a short, versioned URL fragment.
//!
//! Format: `r1.<quiz id>.<bank version>.<lang>.<answers><check>`
//! - `r1` names this format, so a future format can be told apart;
//!   `q1.<quiz id>.<bank version>.<step>.<answers><check>` is the same shape for a quiz in
//!   progress (the address bar mid-quiz, and the saved unfinished quiz);
//! - one character per question: the choice index in base 36 (`0-9a-z`), `-` for skipped;
//! - `<check>` is one base-36 character over everything before it, so a mistyped or
//!   truncated link is caught instead of silently showing someone else's result.
//!
//! Only choice indices travel, never free text. `tipe-klien` links are 35 characters.
//! Decoding takes any string and answers with a typed error; it never panics.

use super::bank::Bank;
use super::classify::Answers;
use super::text::Lang;

pub const FORMAT: &str = "r1";
pub const PROGRESS_FORMAT: &str = "q1";
/// A result the reader reached by answering, as the address bar shows it: a reload or a
/// bookmark of it is theirs, not "shared with you". Share links always use `FORMAT`.
pub const OWN_FORMAT: &str = "m1";
/// Longer input is rejected before any parsing, whatever it holds.
pub const MAX_LINK_LEN: usize = 128;
const SKIPPED: u8 = b'-';
const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedResult {
    /// Index into the bank list given to `decode`.
    pub quiz: usize,
    pub lang: Lang,
    pub answers: Answers,
    /// The reader's own result (`OWN_FORMAT`), from their address bar, not a share link.
    pub own: bool,
}

/// A quiz in progress: which quiz, the question on screen, and the answers so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub quiz: usize,
    pub step: usize,
    pub answers: Answers,
}

/// What a fragment can hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fragment {
    Result(SharedResult),
    Progress(Progress),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not the shape of a result link at all: garbage, truncated or too long.
    Malformed,
    /// Looks like a result link of a format this version does not know.
    UnknownFormat,
    /// The checksum does not match: characters changed after sharing.
    Checksum,
    UnknownQuiz,
    UnknownLanguage,
    /// Made with an older bank version whose answers cannot be mapped any more.
    Outdated {
        link: u16,
        current: u16,
    },
    /// Made with a newer bank version than this copy of the app has.
    Newer {
        link: u16,
        current: u16,
    },
    /// An answer names a choice or a question the quiz does not have.
    ImpossibleAnswers,
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::Malformed => f.write_str("not a share link, or cut off"),
            LinkError::UnknownFormat => f.write_str("a link format this version does not know"),
            LinkError::Checksum => f.write_str("characters changed after the link was made"),
            LinkError::UnknownQuiz => f.write_str("no quiz with this id"),
            LinkError::UnknownLanguage => f.write_str("an unknown language code"),
            LinkError::Outdated { link, current } => {
                write!(
                    f,
                    "made with version {link}, which version {current} cannot read"
                )
            }
            LinkError::Newer { link, current } => {
                write!(
                    f,
                    "made with version {link}, newer than this copy's {current}"
                )
            }
            LinkError::ImpossibleAnswers => f.write_str("answers the quiz does not have"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The share link for `answers` to `bank`, shown in `lang`.
#[must_use]
pub fn encode(bank: &Bank, answers: &Answers, lang: Lang) -> String {
    encode_as(FORMAT, bank, lang.code(), answers)
}

/// The address-bar fragment of a result the reader reached themselves (see `OWN_FORMAT`).
#[must_use]
pub fn encode_own(bank: &Bank, answers: &Answers, lang: Lang) -> String {
    encode_as(OWN_FORMAT, bank, lang.code(), answers)
}

/// The fragment for a quiz in progress, on question `step`.
#[must_use]
pub fn encode_progress(bank: &Bank, answers: &Answers, step: usize) -> String {
    let mut step_text = String::new();
    push_number(&mut step_text, u16::try_from(step).unwrap_or(u16::MAX));
    encode_as(PROGRESS_FORMAT, bank, &step_text, answers)
}

fn encode_as(format: &str, bank: &Bank, detail: &str, answers: &Answers) -> String {
    let mut link = String::with_capacity(24 + bank.questions.len());
    link.push_str(format);
    link.push('.');
    link.push_str(&bank.id);
    link.push('.');
    push_number(&mut link, bank.version);
    link.push('.');
    link.push_str(detail);
    link.push('.');
    for q in 0..bank.questions.len() {
        // A hidden question's slot may remember an answer from an earlier branch; links carry
        // only what was asked.
        let asked = answers.get(q).filter(|_| answers.asks(bank, q));
        let symbol = match asked {
            Some(choice) => DIGITS.get(usize::from(choice)).copied().unwrap_or(SKIPPED),
            None => SKIPPED,
        };
        link.push(char::from(symbol));
    }
    link.push(char::from(check_digit(link.as_bytes())));
    link
}

/// `u16` to decimal without the formatting machinery, which costs kilobytes in the wasm.
fn push_number(out: &mut String, mut n: u16) {
    let mut digits = [0u8; 5];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        out.push(char::from(d));
    }
}

/// `body` with its check character appended: what `encode` does to every link it writes. Public
/// so tests can build links that pass the check (the browser tests get theirs from a fixture this
/// function generates).
#[must_use]
pub fn sign(body: &str) -> String {
    let mut signed = String::with_capacity(body.len() + 1);
    signed.push_str(body);
    signed.push(char::from(check_digit(body.as_bytes())));
    signed
}

fn check_digit(bytes: &[u8]) -> u8 {
    let hash = bytes
        .iter()
        .fold(7u32, |h, &b| (h * 33 + u32::from(b)) % 1_000_003);
    DIGITS[(hash % 36) as usize]
}

/// A number as `push_number` writes it: decimal digits, no leading zero, so each number has
/// exactly one spelling and a decoded link re-encodes to itself.
fn parse_number(text: &str) -> Option<u16> {
    let canonical = text == "0" || !text.starts_with('0');
    if !canonical || text.is_empty() || text.len() > 5 || !text.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    text.parse().ok()
}

/// A fragment as it arrives from a chat, repaired where the link's own characters are intact:
/// trailing punctuation or spaces (`,` `)` `!` `/` `>`, an encoded space or line break), a
/// tracker appended by an app (`?fbclid=…`, `&utm_…`), and capitals. A link is made of `a-z`,
/// `0-9`, `.` and `-` and ends with its check character, so the repair keeps the run of those
/// characters at the start and what ends it with a letter or a digit; the check character still
/// guards the rest, so real damage is still reported as such.
#[must_use]
pub fn repair(fragment: &str) -> String {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut link: String = fragment
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    while link.ends_with(['.', '-']) {
        link.pop();
    }
    // Nothing of a link at all: left as it came, for the decoder to call malformed.
    if link.is_empty() {
        return fragment.to_string();
    }
    link
}

/// Decodes a result link (with or without the leading `#`) against the given banks.
///
/// # Errors
///
/// Any `LinkError` of `decode_fragment`, and `UnknownFormat` for a quiz-in-progress fragment.
pub fn decode(fragment: &str, banks: &[&Bank]) -> Result<SharedResult, LinkError> {
    match decode_fragment(fragment, banks)? {
        Fragment::Result(shared) => Ok(shared),
        Fragment::Progress(_) => Err(LinkError::UnknownFormat),
    }
}

/// Decodes either a result link or a quiz-in-progress fragment.
///
/// # Errors
///
/// A `LinkError` saying what is wrong with the fragment: its shape, its check character, its
/// quiz, language or version, or answers the quiz does not have.
pub fn decode_fragment(fragment: &str, banks: &[&Bank]) -> Result<Fragment, LinkError> {
    let link = fragment.strip_prefix('#').unwrap_or(fragment);
    if link.len() > MAX_LINK_LEN || !link.is_ascii() {
        return Err(LinkError::Malformed);
    }
    let parts: Vec<&str> = link.split('.').collect();
    let format = parts[0];
    let own = format == OWN_FORMAT;
    if format != FORMAT && format != PROGRESS_FORMAT && !own {
        let looks_like_a_format = format.len() <= 3
            && (format.starts_with('r') || format.starts_with('q'))
            && format.len() > 1
            && format[1..].bytes().all(|b| b.is_ascii_digit());
        return Err(if looks_like_a_format && parts.len() > 1 {
            LinkError::UnknownFormat
        } else {
            LinkError::Malformed
        });
    }
    let [_, quiz_id, version, detail, answers_and_check] = parts[..] else {
        return Err(LinkError::Malformed);
    };
    let Some((&check, answer_symbols)) = answers_and_check.as_bytes().split_last() else {
        return Err(LinkError::Malformed);
    };
    let version = parse_number(version).ok_or(LinkError::Malformed)?;
    let quiz = banks
        .iter()
        .position(|bank| bank.id == quiz_id)
        .ok_or(LinkError::UnknownQuiz)?;
    let bank = banks[quiz];
    let readable = version == bank.version || bank.compatible_versions.contains(&version);
    if !readable {
        return Err(if version > bank.version {
            LinkError::Newer {
                link: version,
                current: bank.version,
            }
        } else {
            LinkError::Outdated {
                link: version,
                current: bank.version,
            }
        });
    }
    // A link of the current version has one symbol per question: fewer means it was cut off,
    // which deserves that message rather than "characters changed".
    if version == bank.version && answer_symbols.len() < bank.questions.len() {
        return Err(LinkError::Malformed);
    }
    let body = &link.as_bytes()[..link.len() - 1];
    if check_digit(body) != check {
        return Err(LinkError::Checksum);
    }
    let answers = decode_answers(bank, answer_symbols)?;
    if format == FORMAT || own {
        // Exactly as `encode` writes it: one spelling per link.
        let lang = Lang::from_code(detail)
            .filter(|lang| lang.code() == detail)
            .ok_or(LinkError::UnknownLanguage)?;
        Ok(Fragment::Result(SharedResult {
            quiz,
            lang,
            answers,
            own,
        }))
    } else {
        let step = parse_number(detail)
            .map(usize::from)
            .filter(|&step| answers.asks(bank, step))
            .ok_or(LinkError::Malformed)?;
        Ok(Fragment::Progress(Progress {
            quiz,
            step,
            answers,
        }))
    }
}

fn decode_answers(bank: &Bank, symbols: &[u8]) -> Result<Answers, LinkError> {
    if symbols.len() > bank.questions.len() {
        return Err(LinkError::ImpossibleAnswers);
    }
    let mut answers = Answers::empty(bank);
    for (q, &symbol) in symbols.iter().enumerate() {
        if symbol == SKIPPED {
            continue;
        }
        let choice = DIGITS
            .iter()
            .position(|&d| d == symbol)
            .ok_or(LinkError::ImpossibleAnswers)?;
        if choice >= bank.questions[q].choices.len() {
            return Err(LinkError::ImpossibleAnswers);
        }
        answers.set(q, Some(choice as u8));
    }
    // Only asked questions travel: an answer to a question its conditions hide was not made
    // by this app.
    if (0..bank.questions.len()).any(|q| answers.get(q).is_some() && !answers.asks(bank, q)) {
        return Err(LinkError::ImpossibleAnswers);
    }
    Ok(answers)
}
