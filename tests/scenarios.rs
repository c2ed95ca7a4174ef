//! Runs every client scenario in tests/fixtures/scenarios.toml through the classifier.

mod common;

use cek_klien::core::classify::classify;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Fixture {
    scenario: Vec<Scenario>,
}

#[derive(Deserialize)]
struct Scenario {
    name: String,
    quiz: String,
    expect: String,
    answers: BTreeMap<String, u8>,
}

fn scenarios() -> Vec<Scenario> {
    let source = include_str!("fixtures/scenarios.toml");
    toml::from_str::<Fixture>(source)
        .expect("scenarios.toml parses")
        .scenario
}

#[test]
fn there_are_at_least_twenty_scenarios_and_every_outcome_is_covered() {
    let all = scenarios();
    assert!(all.len() >= 20, "only {} scenarios", all.len());
    for bank in cek_klien::core::banks::BANKS {
        for outcome in bank.outcomes.iter() {
            assert!(
                all.iter()
                    .any(|s| s.quiz == bank.id && s.expect == outcome.id),
                "no scenario expects {}/{}",
                bank.id,
                outcome.id
            );
        }
    }
}

#[test]
fn every_scenario_gets_its_expected_outcome() {
    let mut failures = Vec::new();
    for scenario in scenarios() {
        let bank = common::bank(&scenario.quiz);
        let picks: Vec<(&str, u8)> = scenario
            .answers
            .iter()
            .map(|(q, c)| (q.as_str(), *c))
            .collect();
        let answers = common::answers(bank, &picks);
        let result = classify(bank, &answers);
        let got = common::outcome_id(bank, result.primary);
        if got != scenario.expect {
            let scores: Vec<String> = bank
                .outcomes
                .iter()
                .zip(&result.scores)
                .map(|(o, s)| format!("{}={s}", o.id))
                .collect();
            failures.push(format!(
                "{}\n    expected {}, got {got} [{}]",
                scenario.name,
                scenario.expect,
                scores.join(" ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "scenarios failed:\n{}",
        failures.join("\n")
    );
}
