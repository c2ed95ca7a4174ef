//! Property tests over the shipped banks.

mod common;

use cek_klien::core::bank::{Bank, Severity};
use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::{
    classify, Answers, Lead, CLEAR_SCORE, EVIDENCE_FLOOR_PERCENT, MAX_DRIVERS,
    MIN_ANSWERS_FOR_A_LEAN, MIN_ANSWERS_FOR_CLEAR, WEAK_SCORE,
};
use cek_klien::core::link::{
    decode, decode_fragment, encode, encode_progress, sign, Fragment, LinkError, FORMAT,
};
use cek_klien::core::text::Lang;
use proptest::prelude::*;
use proptest::string::{string_regex, RegexGeneratorStrategy};

/// Any answer set for a bank: each question answered with one of its choices with probability
/// `density`, otherwise skipped.
fn answers_for(bank: &'static Bank, density: f64) -> impl Strategy<Value = Answers> {
    bank.questions
        .iter()
        .map(|q| proptest::option::weighted(density, 0..q.choices.len() as u8))
        .collect::<Vec<_>>()
        .prop_map(Answers::from_slots)
}

/// A bank and answers for it: mostly answered, or only a few answers (which is where ties, "no
/// evidence" and leads short of clear live).
fn any_bank_and_answers() -> impl Strategy<Value = (usize, Answers)> {
    (0..BANKS.len(), prop_oneof![Just(0.85), Just(0.2)])
        .prop_flat_map(|(quiz, density)| (Just(quiz), answers_for(BANKS[quiz], density)))
}

// ---------------------------------------------------------------------------------------------
// The scoring rules, written out again as plainly as possible (exact fractions in floating point,
// a full sort, recursion for conditions, no shared helpers) from the README's "How a result is
// computed" and the doc comments of src/core/classify.rs, so that `classify` is checked against
// an independent reading of them.

/// What the rules say `classify` must answer.
#[derive(Debug)]
struct Expected {
    scores: Vec<u8>,
    primary: usize,
    runner_up: usize,
    lead: Lead,
    flags: Vec<usize>,
    decided_by_severe_flag: bool,
    ruled_out: Vec<usize>,
    /// (question, choice, severe flag for the primary outcome, primary minus runner-up points)
    drivers: Vec<(usize, usize, bool, i32)>,
}

/// The points choice `c` of question `q` gives outcome `o`.
fn points(bank: &Bank, q: usize, c: usize, o: usize) -> i32 {
    bank.questions[q].choices[c]
        .weights
        .iter()
        .filter(|weight| weight.outcome == bank.outcomes[o].id)
        .map(|weight| i32::from(weight.points))
        .sum()
}

/// Whether question `q` is asked: it has no condition, or the earlier question its condition
/// names is asked and answered with one of the condition's choices.
fn is_asked(bank: &Bank, answers: &Answers, q: usize) -> bool {
    let Some(condition) = &bank.questions[q].show_if else {
        return true;
    };
    let Some(target) = bank
        .questions
        .iter()
        .position(|t| t.id == condition.question)
    else {
        return false;
    };
    target < q
        && is_asked(bank, answers, target)
        && answers
            .get(target)
            .is_some_and(|choice| condition.choices.contains(&choice))
}

/// `answers` with the slots of questions that are not asked cleared: what a link carries.
fn only_asked(bank: &Bank, answers: &Answers) -> Answers {
    Answers::from_slots(
        (0..bank.questions.len())
            .map(|q| answers.get(q).filter(|_| is_asked(bank, answers, q)))
            .collect(),
    )
}

fn expected(bank: &Bank, answers: &Answers) -> Expected {
    let outcomes = 0..bank.outcomes.len();
    let asked: Vec<usize> = (0..bank.questions.len())
        .filter(|&q| is_asked(bank, answers, q))
        .collect();
    // An asked question's answer counts when it names a choice the question has; anything else
    // is a skip.
    let answered: Vec<(usize, usize)> = asked
        .iter()
        .filter_map(|&q| {
            let c = usize::from(answers.get(q)?);
            (c < bank.questions[q].choices.len()).then_some((q, c))
        })
        .collect();
    let flags: Vec<usize> = (0..bank.flags.len())
        .filter(|&f| {
            answered.iter().any(|&(q, c)| {
                bank.questions[q].choices[c]
                    .flags
                    .contains(&bank.flags[f].id)
            })
        })
        .collect();
    let best = |q: usize, o: usize| {
        let choices = 0..bank.questions[q].choices.len();
        choices.map(|c| points(bank, q, c, o)).max().unwrap().max(0)
    };

    // Share of the possible points on the answered questions, where "possible" is never less
    // than EVIDENCE_FLOOR_PERCENT of what all the asked questions could give (in whole points,
    // rounded down: the doc comment does not say, this is what classify.rs does); rounded,
    // never below 0; then the penalty for every raised flag that is evidence for another outcome.
    let mut scores: Vec<u8> = outcomes
        .clone()
        .map(|o| {
            let possible: i32 = answered.iter().map(|&(q, _)| best(q, o)).sum();
            let possible_if_all: i32 = asked.iter().map(|&q| best(q, o)).sum();
            let floor =
                (f64::from(possible_if_all) * f64::from(EVIDENCE_FLOOR_PERCENT) / 100.0).floor();
            let possible = f64::from(possible).max(floor);
            let earned: i32 = answered.iter().map(|&(q, c)| points(bank, q, c, o)).sum();
            let share = if possible > 0.0 && earned > 0 {
                (100.0 * f64::from(earned) / possible).round()
            } else {
                0.0
            };
            let against = flags
                .iter()
                .filter(|&&f| bank.flags[f].outcome != bank.outcomes[o].id)
                .count();
            let penalty = f64::from(bank.outcomes[o].penalty_per_flag) * against as f64;
            (share - penalty).clamp(0.0, 100.0) as u8
        })
        .collect();

    // A severe flag pins its outcome to 100 and rules out (to 0) every outcome marked so.
    let mut pinned = vec![false; bank.outcomes.len()];
    for &f in &flags {
        if bank.flags[f].severity == Severity::Severe {
            let o = bank.outcome_index(&bank.flags[f].outcome).unwrap();
            scores[o] = 100;
            pinned[o] = true;
        }
    }
    let ruled_out: Vec<usize> = outcomes
        .clone()
        .filter(|&o| pinned.contains(&true) && bank.outcomes[o].ruled_out_by_severe && !pinned[o])
        .collect();
    for &o in &ruled_out {
        scores[o] = 0;
    }

    // Highest score first, then a pinned outcome, then the lower tie rank; with no evidence at
    // all the least alarming outcome (the highest tie rank) comes first instead.
    let no_evidence = scores.iter().all(|&s| s == 0);
    let mut ranking: Vec<usize> = outcomes.collect();
    ranking.sort_by(|&a, &b| {
        let (rank_a, rank_b) = (bank.outcomes[a].tie_rank, bank.outcomes[b].tie_rank);
        scores[b]
            .cmp(&scores[a])
            .then(pinned[b].cmp(&pinned[a]))
            .then(if no_evidence {
                rank_b.cmp(&rank_a)
            } else {
                rank_a.cmp(&rank_b)
            })
    });
    let (primary, runner_up) = (ranking[0], ranking[1]);

    // Lead: a winner with 0 points is no evidence at all, a pinned one is clear; too few answers
    // or a weak winner only lean; otherwise 25 points or more ahead is clear (with enough answers
    // and a strong enough winner), 10 to 24 moderate, under 10 close.
    let (top, margin) = (scores[primary], scores[primary] - scores[runner_up]);
    let lead = if top == 0 {
        Lead::NoEvidence
    } else if pinned[primary] {
        Lead::Clear
    } else if answered.len() < MIN_ANSWERS_FOR_A_LEAN || top < WEAK_SCORE {
        Lead::Tentative
    } else if margin >= 25 && answered.len() >= MIN_ANSWERS_FOR_CLEAR && top >= CLEAR_SCORE {
        Lead::Clear
    } else if margin >= 10 {
        Lead::Moderate
    } else {
        Lead::Close
    };

    // Drivers: answers that favour the primary outcome over the runner-up, an answer with a
    // severe flag for the primary outcome above everything, strongest first, earlier question
    // first among equals, at most MAX_DRIVERS.
    let mut drivers: Vec<(usize, usize, bool, i32)> = answered
        .iter()
        .map(|&(q, c)| {
            let severe = bank.questions[q].choices[c].flags.iter().any(|id| {
                let flag = bank.flag(id).unwrap();
                flag.severity == Severity::Severe && flag.outcome == bank.outcomes[primary].id
            });
            let edge = points(bank, q, c, primary) - points(bank, q, c, runner_up);
            (q, c, severe, edge)
        })
        .filter(|&(_, _, severe, edge)| severe || edge > 0)
        .collect();
    drivers.sort_by(|a, b| b.2.cmp(&a.2).then(b.3.cmp(&a.3)).then(a.0.cmp(&b.0)));
    drivers.truncate(MAX_DRIVERS);

    Expected {
        scores,
        primary,
        runner_up,
        lead,
        flags,
        decided_by_severe_flag: pinned[primary],
        ruled_out,
        drivers,
    }
}

// ---------------------------------------------------------------------------------------------
// Link-shaped input: most of it gets past the first checks of the decoder.

/// A number as links spell it: decimal, no sign, no leading zero.
fn canonical_number(text: &str) -> Option<u16> {
    text.parse::<u16>().ok().filter(|n| n.to_string() == text)
}

/// The parts of a link-shaped string, kept so a test knows what it generated.
#[derive(Clone, Debug)]
struct Shaped {
    format: &'static str,
    quiz: String,
    version: String,
    detail: String,
    answers: String,
    signed: bool,
}

impl Shaped {
    fn text(&self) -> String {
        let body = format!(
            "{}.{}.{}.{}.{}",
            self.format, self.quiz, self.version, self.detail, self.answers
        );
        if self.signed {
            sign(&body)
        } else {
            body
        }
    }
}

/// Near misses of real links for every bank: known and unknown formats and quiz ids, versions
/// and steps with and without leading zeros, language codes in any case, answers of about the
/// right length, with (half the time) the right check character.
fn shaped_like_a_link() -> impl Strategy<Value = Shaped> {
    (0..BANKS.len())
        .prop_flat_map(|quiz| {
            let bank = BANKS[quiz];
            let n = bank.questions.len();
            let version = bank.version.to_string();
            (
                prop::sample::select(vec!["r1", "q1", "r1", "q1", "r2", "q0", "r", ""]),
                prop_oneof![3 => Just(bank.id.to_string()), 1 => "[a-z-]{0,12}"],
                prop_oneof![
                    3 => Just(version.clone()),
                    1 => Just(format!("0{version}")),
                    1 => "[0-9]{0,6}",
                ],
                prop_oneof!["id|en|ID|iD|En|fr", "0?[0-9]{1,2}", "[a-z]{0,3}"],
                prop_oneof![
                    3 => regex(&format!("[01-]{{{n}}}")),
                    1 => regex(&format!("[0-9a-z_-]{{{},{}}}", n - 1, n + 1)),
                    1 => "[0-9a-z_-]{0,45}",
                ],
                any::<bool>(),
            )
        })
        .prop_map(|(format, quiz, version, detail, answers, signed)| Shaped {
            format,
            quiz,
            version,
            detail,
            answers,
            signed,
        })
}

/// What the encoder writes for a decoded fragment.
fn encode_again(fragment: &Fragment) -> String {
    match fragment {
        Fragment::Result(shared) => encode(BANKS[shared.quiz], &shared.answers, shared.lang),
        Fragment::Progress(progress) => {
            encode_progress(BANKS[progress.quiz], &progress.answers, progress.step)
        }
    }
}

/// Any valid fragment of a bank: a result link in either language, or a quiz in progress on
/// one of the questions the answers ask.
fn any_valid_link() -> impl Strategy<Value = String> {
    (
        any_bank_and_answers(),
        any::<bool>(),
        any::<prop::sample::Index>(),
    )
        .prop_map(|((quiz, answers), progress, pick)| {
            let bank = BANKS[quiz];
            if progress {
                let asked: Vec<usize> = (0..bank.questions.len())
                    .filter(|&q| is_asked(bank, &answers, q))
                    .collect();
                encode_progress(bank, &answers, asked[pick.index(asked.len())])
            } else {
                let lang = if pick.index(2) == 0 {
                    Lang::Id
                } else {
                    Lang::En
                };
                encode(bank, &answers, lang)
            }
        })
}

/// Strings matching `pattern`, for patterns built at run time.
fn regex(pattern: &str) -> RegexGeneratorStrategy<String> {
    string_regex(pattern).expect("a valid pattern")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn classify_follows_the_documented_scoring_rules((quiz, answers) in any_bank_and_answers()) {
        let bank = BANKS[quiz];
        let result = classify(bank, &answers);
        let want = expected(bank, &answers);
        prop_assert_eq!(&result.scores, &want.scores);
        prop_assert_eq!(result.primary, want.primary);
        prop_assert_eq!(result.runner_up, want.runner_up);
        prop_assert_eq!(result.lead, want.lead);
        prop_assert_eq!(&result.flags, &want.flags);
        prop_assert_eq!(result.decided_by_severe_flag, want.decided_by_severe_flag);
        prop_assert_eq!(&result.ruled_out, &want.ruled_out);
        let drivers: Vec<(usize, usize)> =
            result.drivers.iter().map(|d| (d.question, d.choice)).collect();
        let want_drivers: Vec<(usize, usize)> =
            want.drivers.iter().map(|&(q, c, _, _)| (q, c)).collect();
        prop_assert_eq!(drivers, want_drivers);
        for (driver, &(_, _, severe, edge)) in result.drivers.iter().zip(&want.drivers) {
            if !severe {
                prop_assert_eq!(driver.impact, edge);
            }
        }
    }

    #[test]
    fn share_links_round_trip_for_every_answer_set((quiz, answers) in any_bank_and_answers(), english in any::<bool>()) {
        let bank = BANKS[quiz];
        let lang = if english { Lang::En } else { Lang::Id };
        let link = encode(bank, &answers, lang);
        // Format, quiz, version and language, then one character per question and the check.
        let head = format!("{FORMAT}.{}.{}.{}.", bank.id, bank.version, lang.code());
        prop_assert!(link.starts_with(&head), "{}", link);
        prop_assert_eq!(link.len(), head.len() + bank.questions.len() + 1);
        let shared = decode(&link, BANKS).expect("own link decodes");
        prop_assert_eq!(shared.quiz, quiz);
        prop_assert_eq!(shared.lang, lang);
        // Only the answers to questions that are asked travel.
        prop_assert_eq!(shared.answers, only_asked(bank, &answers));
    }

    #[test]
    fn link_shaped_input_decodes_only_to_what_the_encoder_writes(shaped in shaped_like_a_link()) {
        let input = shaped.text();
        match decode_fragment(&input, BANKS) {
            Ok(fragment) => {
                let bank = BANKS.iter().find(|bank| bank.id == shaped.quiz).unwrap();
                // Any spelling of the current version ("1", "01") must be the encoder's own; a
                // link of an older version the bank still reads re-encodes as the current one.
                if shaped.version.parse::<u16>() == Ok(bank.version) {
                    prop_assert_eq!(encode_again(&fragment), input);
                }
            }
            Err(error) => match shaped.format {
                "r2" | "q0" => prop_assert_eq!(error, LinkError::UnknownFormat),
                "r" | "" => prop_assert_eq!(error, LinkError::Malformed),
                _ => {
                    let unknown_quiz = BANKS.iter().all(|bank| bank.id != shaped.quiz);
                    let has_check = shaped.signed || !shaped.answers.is_empty();
                    if unknown_quiz && has_check && canonical_number(&shaped.version).is_some() {
                        prop_assert_eq!(error, LinkError::UnknownQuiz);
                    }
                }
            },
        }
    }

    #[test]
    fn a_non_ascii_character_anywhere_makes_input_malformed(
        shaped in shaped_like_a_link(),
        at in any::<prop::sample::Index>(),
        c in any::<char>().prop_filter("not ASCII", |c| !c.is_ascii()),
    ) {
        let mut input = shaped.text();
        input.insert(at.index(input.len() + 1), c);
        prop_assert_eq!(decode_fragment(&input, BANKS), Err(LinkError::Malformed));
        prop_assert_eq!(decode_fragment(&format!("#{input}"), BANKS), Err(LinkError::Malformed));
    }
}

proptest! {
    // Each case decodes every single-character change of a link, about 3,000 decodes.
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_single_character_change_decodes_to_the_original_result(link in any_valid_link()) {
        let original = decode_fragment(&link, BANKS).expect("own link decodes");
        let quiz = match &original {
            Fragment::Result(shared) => shared.quiz,
            Fragment::Progress(progress) => progress.quiz,
        };
        let check = link.len() - 1;
        for i in 0..link.len() {
            for byte in 0x20u8..0x7f {
                if byte == link.as_bytes()[i] {
                    continue;
                }
                let mut changed = link.clone().into_bytes();
                changed[i] = byte;
                let changed = String::from_utf8(changed).unwrap();
                let decoded = decode_fragment(&changed, BANKS);
                if i == check {
                    let want = if byte == b'.' { LinkError::Malformed } else { LinkError::Checksum };
                    prop_assert_eq!(decoded, Err(want), "{}", changed);
                } else if decoded.as_ref() == Ok(&original) {
                    // Only a version the bank still reads may stand in for the current one.
                    let version = changed.split('.').nth(2).and_then(canonical_number);
                    prop_assert!(
                        version.is_some_and(|v| BANKS[quiz].compatible_versions.contains(&v)),
                        "{} decodes to the same result as {}", changed, link
                    );
                }
            }
        }
    }
}

/// A small deterministic generator, so the search tests below explore the same sets every run.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn answers(&mut self, bank: &Bank) -> Answers {
        Answers::from_slots(
            bank.questions
                .iter()
                .map(|q| {
                    let pick = self.below(q.choices.len() + 1);
                    (pick < q.choices.len()).then_some(pick as u8)
                })
                .collect(),
        )
    }
}

const SAMPLES: usize = 20_000;

#[test]
fn every_outcome_is_reachable() {
    for bank in BANKS {
        let mut rng = XorShift(0x5eed_0000 + bank.questions.len() as u64);
        let mut wins = vec![0usize; bank.outcomes.len()];
        for _ in 0..SAMPLES {
            wins[classify(bank, &rng.answers(bank)).primary] += 1;
        }
        for (o, outcome) in bank.outcomes.iter().enumerate() {
            assert!(
                wins[o] > 0,
                "{}/{} never wins in {SAMPLES} samples: {wins:?}",
                bank.id,
                outcome.id
            );
        }
    }
}

#[test]
fn every_question_can_change_the_outcome() {
    for bank in BANKS {
        let mut rng = XorShift(0xc0ffee);
        let mut can_change = vec![false; bank.questions.len()];
        for _ in 0..2_000 {
            let context = rng.answers(bank);
            for (q, question) in bank.questions.iter().enumerate() {
                if can_change[q] {
                    continue;
                }
                let mut outcomes = (0..=question.choices.len()).map(|c| {
                    let mut answers = context.clone();
                    answers.set(q, (c < question.choices.len()).then_some(c as u8));
                    classify(bank, &answers).primary
                });
                let first = outcomes.next();
                can_change[q] = outcomes.any(|o| Some(o) != first);
            }
        }
        for (q, changed) in can_change.iter().enumerate() {
            assert!(
                changed,
                "{}: question {:?} never changes the outcome",
                bank.id, bank.questions[q].id
            );
        }
    }
}
