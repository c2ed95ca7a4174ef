//! Property tests over the shipped banks.

mod common;

use cek_klien::core::bank::Bank;
use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::{classify, Answers};
use cek_klien::core::link::{decode, encode};
use cek_klien::core::text::Lang;
use proptest::prelude::*;

/// Any answer set for a bank: each question skipped or answered with one of its choices.
fn answers_for(bank: &'static Bank) -> impl Strategy<Value = Answers> {
    bank.questions
        .iter()
        .map(|q| proptest::option::weighted(0.85, 0..q.choices.len() as u8))
        .collect::<Vec<_>>()
        .prop_map(Answers::from_slots)
}

fn any_bank_and_answers() -> impl Strategy<Value = (usize, Answers)> {
    (0..BANKS.len()).prop_flat_map(|quiz| (Just(quiz), answers_for(BANKS[quiz])))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_answer_set_gives_a_well_formed_deterministic_result((quiz, answers) in any_bank_and_answers()) {
        let bank = BANKS[quiz];
        let result = classify(bank, &answers);
        prop_assert_eq!(result.scores.len(), bank.outcomes.len());
        prop_assert!(result.scores.iter().all(|&s| s <= 100));
        prop_assert!(result.primary < bank.outcomes.len());
        let top = *result.scores.iter().max().unwrap();
        prop_assert_eq!(result.scores[result.primary], top);
        prop_assert!(result.drivers.iter().all(|d| answers.get(d.question) == Some(d.choice as u8)));
        prop_assert_eq!(&classify(bank, &answers), &result);
    }

    #[test]
    fn share_links_round_trip_for_every_answer_set((quiz, answers) in any_bank_and_answers(), english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::Id };
        let link = encode(BANKS[quiz], &answers, lang);
        prop_assert!(link.len() <= 64);
        let shared = decode(&link, BANKS).expect("own link decodes");
        prop_assert_eq!(shared.quiz, quiz);
        prop_assert_eq!(shared.lang, lang);
        prop_assert_eq!(shared.answers, answers);
    }

    #[test]
    fn arbitrary_strings_never_panic_the_decoder(input in any::<String>()) {
        let _ = decode(&input, BANKS);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_decoder(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = decode(&String::from_utf8_lossy(&bytes), BANKS);
    }

    #[test]
    fn mutated_links_never_panic_and_never_decode_to_out_of_range_answers(
        (quiz, answers) in any_bank_and_answers(),
        position in any::<prop::sample::Index>(),
        byte in 0x20u8..0x7f,
    ) {
        let mut link = encode(BANKS[quiz], &answers, Lang::Id).into_bytes();
        let i = position.index(link.len());
        link[i] = byte;
        let link = String::from_utf8(link).unwrap();
        if let Ok(shared) = decode(&link, BANKS) {
            let bank = BANKS[shared.quiz];
            for (q, answer) in shared.answers.slots().enumerate() {
                if let Some(c) = answer {
                    prop_assert!(usize::from(c) < bank.questions[q].choices.len());
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
