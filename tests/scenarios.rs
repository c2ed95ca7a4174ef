//! Runs every client scenario in tests/fixtures/scenarios-*.toml (one file per bank) through the
//! classifier.
//!
//! A scenario is a client written from the articles the banks draw on, with the outcome a
//! provider who read them would expect. An answer is a choice index, or a list of choices that
//! are equally honest for that client: every combination is run and all must give the expected
//! outcome, so a verdict that flips on an innocent variation fails.

mod common;

use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::{classify, Lead};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    quiz: String,
    scenario: Vec<Scenario>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    name: String,
    /// Which article(s) and idea the scenario comes from.
    source: String,
    expect: String,
    answers: BTreeMap<String, Pick>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Pick {
    One(u8),
    Any(Vec<u8>),
}

impl Pick {
    fn choices(&self) -> Vec<u8> {
        match self {
            Pick::One(choice) => vec![*choice],
            Pick::Any(choices) => choices.clone(),
        }
    }
}

const FIXTURES: [&str; 2] = [
    include_str!("fixtures/scenarios-tipe-klien.toml"),
    include_str!("fixtures/scenarios-klien-kecewa.toml"),
];

/// Every fixture file, each with its quiz.
fn fixtures() -> Vec<Fixture> {
    FIXTURES
        .iter()
        .map(|source| toml::from_str::<Fixture>(source).expect("a scenarios file parses"))
        .collect()
}

/// Every combination of the scenario's picks, as (question id, choice) lists.
fn combinations(scenario: &Scenario) -> Vec<Vec<(&str, u8)>> {
    let mut all: Vec<Vec<(&str, u8)>> = vec![Vec::new()];
    for (question, pick) in &scenario.answers {
        let choices = pick.choices();
        assert!(
            !choices.is_empty(),
            "{}: {question} lists no choice",
            scenario.name
        );
        all = all
            .into_iter()
            .flat_map(|picks| {
                choices.iter().map(move |&choice| {
                    let mut picks = picks.clone();
                    picks.push((question.as_str(), choice));
                    picks
                })
            })
            .collect();
    }
    all
}

/// The minimum number of scenarios per quiz and that every outcome is expected by one.
#[test]
fn every_outcome_has_scenarios_and_each_bank_enough_of_them() {
    let minimum = [("tipe-klien", 50), ("klien-kecewa", 12)];
    let fixtures = fixtures();
    for bank in BANKS {
        let fixture = fixtures
            .iter()
            .find(|f| f.quiz == bank.id)
            .unwrap_or_else(|| panic!("no scenarios file for {}", bank.id));
        let wanted = minimum
            .iter()
            .find(|(id, _)| *id == bank.id)
            .map_or(12, |(_, n)| *n);
        assert!(
            fixture.scenario.len() >= wanted,
            "{} has {} scenarios, wants {wanted}",
            bank.id,
            fixture.scenario.len()
        );
        for outcome in bank.outcomes.iter() {
            assert!(
                fixture.scenario.iter().any(|s| s.expect == outcome.id),
                "no scenario expects {}/{}",
                bank.id,
                outcome.id
            );
        }
    }
}

#[test]
fn every_scenario_and_every_honest_variation_gets_its_expected_outcome() {
    let mut failures = Vec::new();
    for fixture in fixtures() {
        let bank = common::bank(&fixture.quiz);
        for scenario in &fixture.scenario {
            assert!(
                !scenario.source.trim().is_empty(),
                "{}: say which article it comes from",
                scenario.name
            );
            for picks in combinations(scenario) {
                let answers = common::answers(bank, &picks);
                // A scenario answers only questions that are asked for that client.
                for (question, _) in &picks {
                    let q = bank.question_index(question).expect("checked by answers()");
                    if !answers.asks(bank, q) {
                        failures.push(format!(
                            "{}: answers {question}, which its other answers hide",
                            scenario.name
                        ));
                    }
                }
                let result = classify(bank, &answers);
                let got = if result.lead == Lead::NoEvidence {
                    "none"
                } else {
                    common::outcome_id(bank, result.primary)
                };
                if got != scenario.expect {
                    let scores: Vec<String> = bank
                        .outcomes
                        .iter()
                        .zip(&result.scores)
                        .map(|(o, s)| format!("{}={s}", o.id))
                        .collect();
                    failures.push(format!(
                        "{} ({}): {picks:?}\n    expected {}, got {got} [{}]",
                        fixture.quiz,
                        scenario.name,
                        scenario.expect,
                        scores.join(" ")
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} scenario runs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
