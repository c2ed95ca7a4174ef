//! The work-terms link: the whole terms in a URL fragment, `t1.<payload>`.
//!
//! - `t1` names this format; a later format (`t2.`…) is reported as newer, anything else as
//!   foreign.
//! - `<payload>` is base64url (no padding) of bytes:
//!   1. a header byte: the document language in bits 0-1 (0 Indonesian, 1 English, 2 both), bit
//!      2 set when an outcome follows, bits 3-7 zero (reserved for later versions);
//!   2. the switched-on clauses as a varint of bits by clause `code`;
//!   3. with bit 2: the quiz outcome, a varint length and its ASCII id;
//!   4. every field that differs from its default, in rising `tag` order: the tag as a varint,
//!      then a number as a varint, text as a varint byte length and its UTF-8 bytes, and
//!      nothing for a switch (being listed means it is flipped);
//!   5. three check bytes (FNV-1a over the format and everything above, folded to 24 bits).
//!
//! Varints are LEB128 (7 bits a byte, low first). Each terms has exactly one spelling: minimal
//! varints, rising tags, no default values, canonical base64; anything else is refused, so a
//! decoded link re-encodes to itself. Free text travels as base64url of its UTF-8: for
//! Indonesian text (spaces every few letters) that is as short as percent-encoding, much
//! shorter for any non-ASCII, and leaves only `A-Z a-z 0-9 - _ .` in the link for chat apps to
//! see. Decoding takes any string and answers with a typed error; it never panics.

use super::fields::{Kind, Value, FIELDS};
use super::{validate, ClauseSet, DocLang, Fields, Terms};

pub const FORMAT: &str = "t1";
const CHECK_LEN: usize = 3;
/// Longest quiz outcome id a link carries (bank ids are at most 32 characters).
const MAX_OUTCOME_LEN: usize = 32;
const HAS_OUTCOME: u8 = 0b100;
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const fn varint_len(mut n: u64) -> usize {
    let mut len = 1;
    while n >= 0x80 {
        n >>= 7;
        len += 1;
    }
    len
}

/// The longest payload valid terms can need: every field away from its default, every text at
/// its limit in four-byte characters.
const fn max_payload() -> usize {
    let mut len = 1 + varint_len(u64::MAX) + 1 + MAX_OUTCOME_LEN + CHECK_LEN;
    let mut i = 0;
    while i < FIELDS.len() {
        len += 1 + match FIELDS[i].kind {
            Kind::Text { max, .. } => varint_len(4 * max as u64) + 4 * max,
            Kind::Switch => 0,
            _ => varint_len(u64::MAX),
        };
        i += 1;
    }
    len
}

/// No link the encoder writes for valid terms is longer; longer input is refused unread.
pub const MAX_LINK_LEN: usize = FORMAT.len() + 1 + (max_payload() * 4).div_ceil(3);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermsLinkError {
    /// Not a work-terms link: another app's or the quiz's link, or any text.
    Foreign,
    /// Made by a newer version of the app: a later format, or a clause or field this version
    /// does not have.
    Newer,
    /// A work-terms link that is cut off or garbled.
    Malformed,
    /// Characters changed after the link was made.
    Checksum,
    /// Longer than any link the app makes.
    TooLong,
    /// A value outside what its field accepts (see `validate`).
    Invalid { field: &'static str },
}

impl std::fmt::Display for TermsLinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TermsLinkError::Foreign => f.write_str("not a work-terms link"),
            TermsLinkError::Newer => f.write_str("made by a newer version of the app"),
            TermsLinkError::Malformed => f.write_str("cut off or garbled"),
            TermsLinkError::Checksum => f.write_str("characters changed after the link was made"),
            TermsLinkError::TooLong => f.write_str("longer than any work-terms link"),
            TermsLinkError::Invalid { field } => write!(f, "field {field} holds a value it cannot"),
        }
    }
}

impl std::error::Error for TermsLinkError {}

/// The link fragment (without `#`) for `terms`. Valid terms (`validate` finds nothing) decode to
/// exactly themselves; the page validates before it offers a link.
#[must_use]
pub fn encode(terms: &Terms) -> String {
    sign(&body(terms))
}

/// The bytes of `terms` (steps 1-4 of the format), before the check bytes.
fn body(terms: &Terms) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(16);
    let lang = match terms.lang {
        DocLang::Id => 0,
        DocLang::En => 1,
        DocLang::Both => 2,
    };
    let outcome = terms.from_outcome.as_deref();
    bytes.push(lang | if outcome.is_some() { HAS_OUTCOME } else { 0 });
    push_varint(&mut bytes, terms.clauses.bits());
    if let Some(outcome) = outcome {
        push_varint(&mut bytes, outcome.len() as u64);
        bytes.extend_from_slice(outcome.as_bytes());
    }
    let defaults = Fields::default();
    let values = terms.fields.values();
    for ((spec, value), default) in FIELDS.iter().zip(values).zip(defaults.values()) {
        if value == default {
            continue;
        }
        push_varint(&mut bytes, u64::from(spec.tag));
        match value {
            Value::Text(text) => {
                push_varint(&mut bytes, text.len() as u64);
                bytes.extend_from_slice(text.as_bytes());
            }
            Value::Number(n) => push_varint(&mut bytes, n),
            Value::Switch(_) => {}
        }
    }
    bytes
}

/// The link for a payload body: its check bytes appended, base64url, `t1.` in front; what
/// `encode` does with the bytes it writes. Public so tests can build links that pass the check.
#[must_use]
pub fn sign(body: &[u8]) -> String {
    sign_as(FORMAT, body)
}

/// `sign` for another format of the same family (the fit check's `f1`, `a1`). Public so tests
/// can build links that pass the check.
#[must_use]
pub fn sign_as(format: &str, body: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(body.len() + CHECK_LEN);
    bytes.extend_from_slice(body);
    bytes.extend_from_slice(&checksum(format, body));
    let mut link = String::with_capacity(format.len() + 1 + (bytes.len() * 4).div_ceil(3));
    link.push_str(format);
    link.push('.');
    base64_encode(&bytes, &mut link);
    link
}

/// A fragment as it arrives from a chat, with what a chat app added removed: a space or
/// trailing punctuation (`,` `)` `!` `/` `>` `.`), an encoded space or line break, a tracker
/// (`?fbclid=…`, `&utm_…`). A link is made of `A-Z a-z 0-9 - _` and one `.`, so the run of
/// those at the start is kept; the check bytes still catch real damage. Unlike the quiz's links
/// case is kept: base64 needs it.
#[must_use]
pub fn repair(fragment: &str) -> String {
    let trimmed = fragment.trim_start();
    let trimmed = trimmed.strip_prefix('#').unwrap_or(trimmed);
    let link: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    let link = link.trim_end_matches('.');
    if link.is_empty() {
        // Nothing of a link at all: left as it came, for the decoder to call foreign.
        return fragment.to_string();
    }
    link.to_string()
}

/// Decodes a link fragment (with or without the leading `#`).
///
/// # Errors
///
/// A `TermsLinkError` saying what is wrong: not a terms link, a newer one, too long, cut off or
/// garbled, changed characters, or a value its field does not accept.
pub fn decode(fragment: &str) -> Result<Terms, TermsLinkError> {
    let body = open(FORMAT, fragment)?;
    valid(read_terms(&mut Reader {
        bytes: &body,
        at: 0,
    })?)
}

fn valid(terms: Terms) -> Result<Terms, TermsLinkError> {
    match validate(&terms).first() {
        Some(error) => Err(TermsLinkError::Invalid { field: error.field }),
        None => Ok(terms),
    }
}

/// The body of a link of `format` (`t1`, or the fit check's `f1`, `a1`), its check bytes
/// checked: a later version of the same letter is `Newer`, anything else `Foreign`.
fn open(format: &str, fragment: &str) -> Result<Vec<u8>, TermsLinkError> {
    let link = fragment.strip_prefix('#').unwrap_or(fragment);
    // An answers link carries a byte per answer and a count on top of the terms.
    let extra = if format == ANSWERS_FORMAT {
        (MAX_ANSWERS + 1).div_ceil(3) * 4
    } else {
        0
    };
    if link.len() > MAX_LINK_LEN + extra {
        return Err(TermsLinkError::TooLong);
    }
    let Some((found, payload)) = link.split_once('.') else {
        return Err(if link == format {
            TermsLinkError::Malformed
        } else {
            TermsLinkError::Foreign
        });
    };
    if found != format {
        let letter = &format[..1];
        let later = found
            .strip_prefix(letter)
            .filter(|v| !v.is_empty() && v.len() <= 4 && v.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|v| v.parse::<u16>().ok())
            .is_some_and(|version| version > 1);
        return Err(if later {
            TermsLinkError::Newer
        } else {
            TermsLinkError::Foreign
        });
    }
    let mut bytes = base64_decode(payload).ok_or(TermsLinkError::Malformed)?;
    if bytes.len() < 2 + CHECK_LEN {
        return Err(TermsLinkError::Malformed);
    }
    let check = bytes.split_off(bytes.len() - CHECK_LEN);
    if checksum(format, &bytes) != *check {
        return Err(TermsLinkError::Checksum);
    }
    Ok(bytes)
}

/// The fit check's link to a prospect: the provider's terms without what only the agreement
/// needs (the client's details, the provider's contact, the scope's words, the signing place
/// and date), as `f1.<payload>` in the same byte form as `t1`.
pub const FIT_FORMAT: &str = "f1";
/// The prospect's answers sent back: `a1.<payload>`, the payload a byte with the number of
/// answers, one byte per answer (the chosen option), then the terms as in `f1`.
pub const ANSWERS_FORMAT: &str = "a1";
/// Questions a fit check may have (the template's limit, with room).
const MAX_ANSWERS: usize = 16;

/// The terms a fit link shares.
#[must_use]
pub fn fit_terms(terms: &Terms) -> Terms {
    let mut shared = terms.clone();
    for name in [
        "provider_contact",
        "client_name",
        "client_contact",
        "included",
        "excluded",
        "trial_measure",
        "place",
        "date",
    ] {
        shared.fields.set(name, Value::Text(""));
    }
    shared
}

/// The fit link for `terms` (only what `fit_terms` keeps travels).
#[must_use]
pub fn encode_fit(terms: &Terms) -> String {
    sign_as(FIT_FORMAT, &body(&fit_terms(terms)))
}

/// Decodes a fit link.
///
/// # Errors
///
/// As `decode`.
pub fn decode_fit(fragment: &str) -> Result<Terms, TermsLinkError> {
    let body = open(FIT_FORMAT, fragment)?;
    shared_only(valid(read_terms(&mut Reader {
        bytes: &body,
        at: 0,
    })?)?)
}

/// Fit and answers links never carry the agreement's private words (`fit_terms`): one that
/// does was not written by the app, and would have a second spelling.
fn shared_only(terms: Terms) -> Result<Terms, TermsLinkError> {
    if terms == fit_terms(&terms) {
        Ok(terms)
    } else {
        Err(TermsLinkError::Malformed)
    }
}

/// The link a prospect sends back: their answers with the terms they answered.
#[must_use]
pub fn encode_answers(terms: &Terms, answers: &[u8]) -> String {
    let answers = &answers[..answers.len().min(MAX_ANSWERS)];
    let mut bytes = Vec::with_capacity(answers.len() + 16);
    bytes.push(u8::try_from(answers.len()).unwrap_or(0));
    bytes.extend_from_slice(answers);
    bytes.extend_from_slice(&body(&fit_terms(terms)));
    sign_as(ANSWERS_FORMAT, &bytes)
}

/// Decodes an answers link: the terms and one answer per question.
///
/// # Errors
///
/// As `decode`; `Malformed` too when the answers are not one valid choice per question.
pub fn decode_answers(fragment: &str) -> Result<(Terms, Vec<u8>), TermsLinkError> {
    let body = open(ANSWERS_FORMAT, fragment)?;
    let mut reader = Reader {
        bytes: &body,
        at: 0,
    };
    let count = reader.length(MAX_ANSWERS)?;
    let answers = reader.take(count)?.to_vec();
    if !super::fit::complete(&answers) {
        return Err(TermsLinkError::Malformed);
    }
    Ok((shared_only(valid(read_terms(&mut reader)?)?)?, answers))
}

fn read_terms(reader: &mut Reader<'_>) -> Result<Terms, TermsLinkError> {
    let header = reader.byte()?;
    if header & !(HAS_OUTCOME | 0b11) != 0 {
        return Err(TermsLinkError::Newer);
    }
    let lang = match header & 0b11 {
        0 => DocLang::Id,
        1 => DocLang::En,
        2 => DocLang::Both,
        _ => return Err(TermsLinkError::Malformed),
    };
    let clauses = ClauseSet::from_bits(reader.varint()?).ok_or(TermsLinkError::Newer)?;
    let from_outcome = if header & HAS_OUTCOME != 0 {
        let len = reader.length(MAX_OUTCOME_LEN)?;
        let id = reader.take(len)?;
        if id.is_empty() || !id.is_ascii() {
            return Err(TermsLinkError::Malformed);
        }
        Some(String::from_utf8_lossy(id).into_owned())
    } else {
        None
    };
    let defaults = Fields::default();
    let default_values = defaults.values();
    let mut fields = Fields::default();
    let mut last_tag = 0;
    while !reader.is_done() {
        let tag = reader.varint()?;
        if tag <= last_tag {
            return Err(TermsLinkError::Malformed);
        }
        last_tag = tag;
        let index = FIELDS
            .iter()
            .position(|spec| u64::from(spec.tag) == tag)
            .ok_or(TermsLinkError::Newer)?;
        let spec = &FIELDS[index];
        let default = default_values[index];
        let text;
        let value = match spec.kind {
            Kind::Text { max, .. } => {
                let len = reader.length(4 * max)?;
                text = std::str::from_utf8(reader.take(len)?)
                    .map_err(|_| TermsLinkError::Malformed)?;
                Value::Text(text)
            }
            Kind::Switch => Value::Switch(default == Value::Switch(false)),
            _ => Value::Number(reader.varint()?),
        };
        // Fields at their default are left out; one that is present must differ.
        if value == default {
            return Err(TermsLinkError::Malformed);
        }
        if !fields.set_at(index, value) {
            return Err(TermsLinkError::Invalid { field: spec.name });
        }
    }
    Ok(Terms {
        lang,
        clauses,
        from_outcome,
        fields,
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn is_done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn byte(&mut self) -> Result<u8, TermsLinkError> {
        let byte = *self.bytes.get(self.at).ok_or(TermsLinkError::Malformed)?;
        self.at += 1;
        Ok(byte)
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], TermsLinkError> {
        let end = self.at.checked_add(len).ok_or(TermsLinkError::Malformed)?;
        let taken = self
            .bytes
            .get(self.at..end)
            .ok_or(TermsLinkError::Malformed)?;
        self.at = end;
        Ok(taken)
    }

    /// A length of at most `max` bytes.
    fn length(&mut self, max: usize) -> Result<usize, TermsLinkError> {
        usize::try_from(self.varint()?)
            .ok()
            .filter(|&len| len <= max)
            .ok_or(TermsLinkError::Malformed)
    }

    /// A minimal LEB128 varint of at most 64 bits.
    fn varint(&mut self) -> Result<u64, TermsLinkError> {
        let mut value = 0u64;
        for i in 0..10 {
            let byte = self.byte()?;
            let part = u64::from(byte & 0x7f);
            if i == 9 && part > 1 {
                return Err(TermsLinkError::Malformed);
            }
            value |= part << (7 * i);
            if byte & 0x80 == 0 {
                // A last byte of 0 after others is a longer spelling of a shorter number.
                if i > 0 && byte == 0 {
                    return Err(TermsLinkError::Malformed);
                }
                return Ok(value);
            }
        }
        Err(TermsLinkError::Malformed)
    }
}

fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// FNV-1a over the format and the body, folded to 24 bits: a changed or lost character is
/// caught with near certainty, for four characters of link.
fn checksum(format: &str, body: &[u8]) -> [u8; CHECK_LEN] {
    let mut hash: u32 = 0x811c_9dc5;
    for &byte in format.as_bytes().iter().chain(body) {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    let folded = (hash ^ (hash >> 24)) & 0x00ff_ffff;
    let [_, a, b, c] = folded.to_be_bytes();
    [a, b, c]
}

fn base64_encode(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        let symbols = chunk.len() + 1;
        for i in 0..symbols {
            let index = (n >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
}

/// The value of one base64url symbol (the inverse of `ALPHABET`).
fn sextet(symbol: u8) -> Option<u32> {
    let value = match symbol {
        b'A'..=b'Z' => symbol - b'A',
        b'a'..=b'z' => symbol - b'a' + 26,
        b'0'..=b'9' => symbol - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// Strict: only the alphabet, no padding, and unused low bits zero, so each byte string has
/// one spelling.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &symbol) in chunk.iter().enumerate() {
            n |= sextet(symbol)? << (18 - 6 * i);
        }
        let len = chunk.len() - 1;
        let unused_bits = n & (0x00ff_ffff >> (8 * len));
        if unused_bits != 0 {
            return None;
        }
        for i in 0..len {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}
