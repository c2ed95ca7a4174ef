//! Generators shared by the work-terms link tests and their long fuzz run.
#![allow(dead_code)]

use cek_klien::core::terms::fields::{Kind, Value, FIELDS};
use cek_klien::core::terms::{range, ClauseSet, DocLang, Terms};

/// Every text at its limit in `letter` (a line break in each multi-line one), every number at
/// its largest, every switch flipped, all clauses on, both languages, an outcome noted: the
/// longest link valid terms give for that kind of letter.
#[must_use]
pub fn maximal_terms(letter: &str) -> Terms {
    let mut terms = Terms {
        lang: DocLang::Both,
        clauses: ClauseSet::all(),
        from_outcome: Some("belum-siap".into()),
        ..Terms::default()
    };
    let defaults = Terms::default();
    for spec in FIELDS {
        let value = match spec.kind {
            Kind::Text { max, multiline } => {
                let mut text = letter.repeat(max - 1);
                text.push(if multiline { '\n' } else { 'z' });
                assert!(terms.fields.set(spec.name, Value::Text(&text)));
                continue;
            }
            Kind::Switch => match defaults.fields.get(spec.name) {
                Some(Value::Switch(on)) => Value::Switch(!on),
                _ => continue,
            },
            kind => Value::Number(range(kind).map_or(0, |(_, max)| max)),
        };
        assert!(terms.fields.set(spec.name, value));
    }
    terms.fields.hours_start = 23;
    terms
}

/// SplitMix64: a whole case from one `u64`, so proptest draws (and reports) a single number.
/// Drawing every field through proptest costs ten times as much in a debug build, and the
/// normal run has 100k cases to get through in seconds.
pub struct Stream(u64);

impl Stream {
    #[must_use]
    pub fn new(seed: u64) -> Stream {
        Stream(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Any character at all: ASCII, the link's own alphabet, separators, any scalar value.
    pub fn any_char(&mut self) -> char {
        const SPECIAL: &[char] = &[
            '.',
            '#',
            '-',
            '_',
            '%',
            '?',
            '&',
            ' ',
            '\n',
            '\u{0}',
            '\u{202e}',
            '\u{fffd}',
            '\u{1f642}',
        ];
        match self.below(4) {
            0 => char::from(
                b"t1.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                    [self.below(67) as usize],
            ),
            1 => SPECIAL[self.below(SPECIAL.len() as u64) as usize],
            2 => char::from(self.below(128) as u8),
            _ => char::from_u32(self.below(0x11_0000) as u32).unwrap_or('\u{fffd}'),
        }
    }

    /// A character a form field could hold (no controls or bidirectional overrides).
    fn form_char(&mut self, multiline: bool) -> char {
        const LETTERS: &[char] = &[
            'a', 'Z', ' ', ' ', '.', ',', '{', '}', '*', '#', '<', 'é', 'ü', '中', '🙂', '7',
        ];
        match self.below(10) {
            0 if multiline => '\n',
            0..=6 => LETTERS[self.below(LETTERS.len() as u64) as usize],
            _ => match char::from_u32(self.below(0x11_0000) as u32) {
                Some(c)
                    if !c.is_control()
                        && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
                {
                    c
                }
                _ => 'x',
            },
        }
    }

    /// A text a form could hold: often empty (the default), usually short, sometimes at the limit.
    fn form_text(&mut self, max: usize, multiline: bool) -> String {
        // Texts at the limit are rare here: `maximal_terms` and the limit tests cover them, and
        // a long text costs a hundred short ones in a debug build.
        let len = match self.below(64) {
            0..=20 => 0,
            21 => max,
            _ => 1 + self.below(16) as usize,
        };
        (0..len.min(max))
            .map(|_| self.form_char(multiline))
            .collect()
    }
}

/// Any valid terms: every field anywhere in its range (its default a third of the time, so
/// links with and without it are both common).
#[must_use]
pub fn terms_from_seed(seed: u64) -> Terms {
    const OUTCOMES: [&str; 5] = ["ideal", "penuntut", "bermasalah", "pindahan", "belum-siap"];
    let mut stream = Stream::new(seed);
    let mut terms = Terms {
        lang: DocLang::ALL[stream.below(3) as usize],
        clauses: ClauseSet::from_bits(stream.next() & ClauseSet::all().bits()).unwrap_or_default(),
        from_outcome: match stream.below(6) {
            5 => None,
            i => Some(OUTCOMES[i as usize].to_string()),
        },
        ..Terms::default()
    };
    for spec in FIELDS {
        let value = match spec.kind {
            Kind::Text { max, multiline } => {
                let text = stream.form_text(max, multiline);
                terms.fields.set(spec.name, Value::Text(&text));
                continue;
            }
            _ if stream.below(3) == 0 => continue,
            Kind::Switch => Value::Switch(stream.below(2) == 0),
            kind => {
                let (min, max) = range(kind).unwrap_or((0, 0));
                Value::Number(min + stream.below(max - min + 1))
            }
        };
        terms.fields.set(spec.name, value);
    }
    if terms.fields.hours_end <= terms.fields.hours_start {
        std::mem::swap(&mut terms.fields.hours_start, &mut terms.fields.hours_end);
        if terms.fields.hours_end == terms.fields.hours_start {
            terms.fields.hours_start = 0;
            terms.fields.hours_end = 24;
        }
    }
    terms
}

/// Any string: up to 40 of `Stream::any_char`, sometimes behind a real link's start.
#[must_use]
pub fn string_from_seed(seed: u64) -> String {
    let mut stream = Stream::new(seed);
    let len = stream.below(41) as usize;
    let prefix = ["", "t1.", "#t1.", "t2.", "r1."][stream.below(5) as usize];
    let mut text = String::from(prefix);
    text.extend((0..len).map(|_| stream.any_char()));
    text
}

/// Any payload bytes, signed so they get past the check and reach the reader; shaped like real
/// payloads half of the time (a valid header, then tags and small numbers).
#[must_use]
pub fn payload_from_seed(seed: u64) -> Vec<u8> {
    let mut stream = Stream::new(seed);
    let len = stream.below(48) as usize;
    let mut bytes: Vec<u8> = (0..len).map(|_| stream.below(256) as u8).collect();
    if stream.below(2) == 0 && bytes.len() >= 2 {
        bytes[0] = (stream.below(3) as u8) | if stream.below(2) == 0 { 0b100 } else { 0 };
        bytes[1] = (stream.below(128) as u8) & (ClauseSet::all().bits() as u8);
        let mut tag = 0u8;
        for byte in bytes.iter_mut().skip(2).step_by(2) {
            tag = tag.saturating_add(1 + stream.below(4) as u8);
            *byte = tag;
        }
    }
    bytes
}
