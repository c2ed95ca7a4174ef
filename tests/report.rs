//! The result report: what the result screen and its announcement read, built once.

mod common;

use cek_klien::core::advice::{advise, advise_for};
use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::{classify, Lead};
use cek_klien::core::link::decode;
use cek_klien::core::report::Report;
use cek_klien::core::text::Lang;
use cek_klien::core::ui_text::Ui;

#[test]
fn the_report_is_the_classification_its_advice_and_a_link_that_reopens_it() {
    let bank = common::bank("tipe-klien");
    let answers = common::answers(bank, &[("status", 1), ("pembayaran", 2), ("bahasa", 0)]);
    let report = Report::new(bank, &answers, Lang::En, "https://example.org/cek/");
    let classification = classify(bank, &answers);
    assert_eq!(report.classification, classification);
    assert_eq!(report.advice, advise(bank, &classification, &answers));
    let (base, fragment) = report.share_url.split_once('#').expect("a fragment");
    assert_eq!(base, "https://example.org/cek/");
    let shared = decode(fragment, BANKS).expect("the share link opens");
    assert_eq!(shared.answers, answers);
    assert_eq!(shared.lang, Lang::En);
    assert_eq!(
        report.certainty(),
        Ui::SevereDecided,
        "chronic late payment decides"
    );
    assert_eq!(
        report.announcement(false),
        format!("Result: {}", report.outcome().unwrap().name.get(Lang::En))
    );
}

/// On a close call the runner-up's plan is the runner-up outcome's own, given the same flags and
/// answers; otherwise there is none.
#[test]
fn a_close_call_carries_the_runner_ups_advice() {
    let mut close = 0;
    for bank in BANKS {
        for q in 0..bank.questions.len() {
            for c in 0..bank.questions[q].choices.len() {
                let mut answers = common::all_answered(bank, |_| 0);
                answers.set(q, Some(c as u8));
                let report = Report::new(bank, &answers, Lang::Id, "");
                let result = &report.classification;
                match &report.runner_up {
                    Some((outcome, advice)) => {
                        close += 1;
                        assert_eq!(result.lead, Lead::Close);
                        assert_eq!(outcome.id, bank.outcomes[result.runner_up].id);
                        assert_eq!(
                            *advice,
                            advise_for(bank, result.runner_up, &result.flags, &answers)
                        );
                    }
                    None => {
                        assert!(result.lead != Lead::Close || result.runner_up == result.primary)
                    }
                }
            }
        }
    }
    assert!(close > 0, "some single change makes a close call");
}

#[test]
fn no_evidence_is_announced_as_such_not_as_an_outcome() {
    let bank = common::bank("klien-kecewa");
    let report = Report::new(bank, &common::answers(bank, &[]), Lang::Id, "");
    assert!(report.has_no_evidence());
    assert_eq!(report.certainty(), Ui::LeadNoEvidence);
    assert_eq!(
        report.announcement(false),
        format!("Hasil: {}", Ui::NoEvidenceHeading.text(Lang::Id))
    );
}

/// Issue 12, item 23: after a change in the review list the announcement (and the line shown
/// beside the list) says the result was recomputed, with the winner's score.
#[test]
fn an_updated_result_is_announced_as_updated_with_its_score() {
    let bank = common::bank("tipe-klien");
    let answers = common::answers(bank, &[("status", 1), ("pembayaran", 2), ("bahasa", 0)]);
    let report = Report::new(bank, &answers, Lang::Id, "");
    let name = report.outcome().unwrap().name.get(Lang::Id);
    assert_eq!(
        report.announcement(true),
        format!("Hasil diperbarui: {name} (100 dari 100)")
    );
    let en = Report::new(bank, &answers, Lang::En, "");
    let name = en.outcome().unwrap().name.get(Lang::En);
    assert_eq!(
        en.announcement(true),
        format!("Result updated: {name} (100 out of 100)")
    );
    let none = Report::new(bank, &common::answers(bank, &[]), Lang::Id, "");
    assert_eq!(
        none.announcement(true),
        format!("Hasil diperbarui: {}", Ui::NoEvidenceHeading.text(Lang::Id))
    );
}
