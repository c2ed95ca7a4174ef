//! Native benchmarks of the core, on the language's own harness (`cargo bench`): classify
//! throughput, share-link encode/decode, and how often each outcome wins across the answer
//! space (exhaustive where it is small enough, a large uniform sample where not). A bank whose
//! outcomes are badly unbalanced or unreachable is a content bug; this prints the evidence.

use cek_klien::core::bank::Bank;
use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::{classify, Answers, Lead};
use cek_klien::core::link::{decode, encode};
use cek_klien::core::text::Lang;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs `work` repeatedly for about `budget` and returns operations per second.
fn throughput(budget: Duration, mut work: impl FnMut(u64)) -> f64 {
    let start = Instant::now();
    let mut done = 0u64;
    while start.elapsed() < budget {
        for _ in 0..1000 {
            work(done);
            done += 1;
        }
    }
    done as f64 / start.elapsed().as_secs_f64()
}

/// The answer set number `n` in mixed radix: each question has its choices plus "skipped".
fn answers_number(bank: &Bank, mut n: u64) -> Answers {
    Answers::from_slots(
        bank.questions
            .iter()
            .map(|q| {
                let radix = q.choices.len() as u64 + 1;
                let pick = n % radix;
                n /= radix;
                (pick < q.choices.len() as u64).then_some(pick as u8)
            })
            .collect(),
    )
}

fn space_size(bank: &Bank) -> u128 {
    bank.questions
        .iter()
        .map(|q| q.choices.len() as u128 + 1)
        .product()
}

/// splitmix64: a fixed-seed generator, so the sample is the same every run.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const EXHAUSTIVE_LIMIT: u128 = 2_000_000;
const SAMPLE: u64 = 1_000_000;

fn main() {
    // `cargo test --benches` runs this with --bench absent; keep that instant.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let budget = Duration::from_millis(700);
    println!(
        "Cek Klien core benchmarks ({} build)\n",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    println!(
        "{:<14} {:>16} {:>16} {:>16}",
        "bank", "classify/s", "encode/s", "decode/s"
    );
    for bank in BANKS {
        let space = space_size(bank) as u64;
        let classify_rate = throughput(budget, |i| {
            black_box(classify(bank, &answers_number(bank, mix(i) % space)));
        });
        let links: Vec<String> = (0..1000)
            .map(|i| encode(bank, &answers_number(bank, mix(i) % space), Lang::Id))
            .collect();
        let encode_rate = throughput(budget, |i| {
            black_box(encode(bank, &answers_number(bank, i % 1000), Lang::En));
        });
        let decode_rate = throughput(budget, |i| {
            black_box(decode(&links[(i % 1000) as usize], BANKS).ok());
        });
        println!(
            "{:<14} {classify_rate:>16.0} {encode_rate:>16.0} {decode_rate:>16.0}",
            bank.id
        );
    }

    println!("\nHow often each outcome wins across the answer space, per branch:");
    for bank in BANKS {
        let space = space_size(bank);
        let exhaustive = space <= EXHAUSTIVE_LIMIT;
        let count = if exhaustive { space as u64 } else { SAMPLE };
        // The branch: the answer to the first question that conditions depend on (the
        // prospect-or-client question, for example), or none for a bank without conditions.
        let branch_question = bank
            .questions
            .iter()
            .filter_map(|q| q.show_if.as_ref())
            .filter_map(|condition| bank.question_index(&condition.question))
            .min();
        let branches = branch_question.map_or(1, |q| bank.questions[q].choices.len() + 1);
        let started = Instant::now();
        // One row per branch, one column per outcome plus "no evidence".
        let mut wins = vec![vec![0u64; bank.outcomes.len() + 1]; branches];
        for i in 0..count {
            let n = if exhaustive {
                i
            } else {
                (u128::from(mix(i)) * space / u128::from(u64::MAX)) as u64
            };
            let answers = answers_number(bank, n);
            let branch =
                branch_question.map_or(0, |q| answers.get(q).map_or(branches - 1, usize::from));
            let result = classify(bank, &answers);
            let column = if result.lead == Lead::NoEvidence {
                bank.outcomes.len()
            } else {
                result.primary
            };
            wins[branch][column] += 1;
        }
        println!(
            "\n{} ({} of {space} answer sets, {}, {:.1} s)",
            bank.id,
            count,
            if exhaustive {
                "all of them"
            } else {
                "uniform sample"
            },
            started.elapsed().as_secs_f64()
        );
        for (branch, row) in wins.iter().enumerate() {
            let total: u64 = row.iter().sum();
            let name = match branch_question {
                None => "all answers".to_string(),
                Some(q) => match bank.questions[q].choices.get(branch) {
                    Some(choice) => format!("{} = {}", bank.questions[q].id, choice.text.en),
                    None => format!("{} skipped", bank.questions[q].id),
                },
            };
            println!("  {name} ({total} answer sets)");
            let names = bank
                .outcomes
                .iter()
                .map(|o| &*o.id)
                .chain(["(no evidence)"]);
            for (outcome, won) in names.zip(row) {
                let share = 100.0 * *won as f64 / total.max(1) as f64;
                println!(
                    "    {outcome:<16} {share:>6.2} %  {}",
                    "#".repeat((share / 2.0).round() as usize)
                );
            }
        }
        for (o, outcome) in bank.outcomes.iter().enumerate() {
            assert!(
                wins.iter().any(|row| row[o] > 0),
                "{}: {} never wins",
                bank.id,
                outcome.id
            );
        }
    }
}
