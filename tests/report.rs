//! The result report: what the result screen and its announcement read, built once.

mod common;

use cek_klien::core::advice::{advise, advise_for};
use cek_klien::core::bank::Bank;
use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::{classify, Answers, Lead};
use cek_klien::core::link::decode;
use cek_klien::core::pages::{result_of_terms_fragment, TERMS_QUIZ};
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

/// The first choice everywhere, with one question's answer changed to each of its choices: the
/// answers and their report (in Indonesian), for every such change.
fn one_answer_changed(bank: &Bank) -> impl Iterator<Item = (Answers, Report<'_>)> {
    (0..bank.questions.len()).flat_map(move |q| {
        (0..bank.questions[q].choices.len()).map(move |c| {
            let mut answers = common::all_answered(bank, |_| 0);
            answers.set(q, Some(c as u8));
            let report = Report::new(bank, &answers, Lang::Id, "");
            (answers, report)
        })
    })
}

/// On a close call the runner-up's plan is the runner-up outcome's own, given the same flags and
/// answers; otherwise there is none.
#[test]
fn a_close_call_carries_the_runner_ups_advice() {
    let mut close = 0;
    for bank in BANKS {
        for (answers, report) in one_answer_changed(bank) {
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

/// The work-terms link: a `tipe-klien` verdict opens the page in the reader's language with its
/// outcome and raised flags; the link reads back to exactly those.
#[test]
fn a_tipe_klien_verdict_links_to_the_terms_page_with_its_outcome_and_flags() {
    let bank = common::bank("tipe-klien");
    // A current client who is hard to bill, asks for extras and revises without end: the
    // flags in bank order.
    let answers = common::answers(
        bank,
        &[
            ("status", 1),
            ("lingkup-kerja", 1),
            ("pembayaran", 2),
            ("revisi", 1),
        ],
    );
    let english = Report::new(bank, &answers, Lang::En, "https://example.org/cek/");
    let indonesian = Report::new(bank, &answers, Lang::Id, "https://example.org/cek/");
    assert_eq!(
        english.terms_link.as_deref(),
        Some("terms.html?lang=en#from.bermasalah.sulit-ditagih.minta-tambahan.revisi-berulang")
    );
    assert_eq!(
        indonesian.terms_link.as_deref(),
        Some("terms.html?lang=id#from.bermasalah.sulit-ditagih.minta-tambahan.revisi-berulang")
    );
    // The address is relative: the result screen puts the app's folder before it in a blog.
    assert!(!english
        .terms_link
        .unwrap_or_default()
        .contains("example.org"));
    for bank in BANKS.iter().filter(|bank| bank.id == TERMS_QUIZ) {
        for (_, report) in one_answer_changed(bank) {
            let result = &report.classification;
            let link = report.terms_link.expect("every verdict has a terms link");
            let fragment = link.strip_prefix("terms.html?lang=id#").expect(&link);
            let flags: Vec<&str> = result.flags.iter().map(|&f| &*bank.flags[f].id).collect();
            assert_eq!(
                result_of_terms_fragment(fragment),
                Some((common::outcome_id(bank, result.primary), flags)),
                "{link}"
            );
        }
    }
}

/// No terms link where there is nothing to draft: another quiz's results (the page's
/// recommendations name `tipe-klien` outcomes only), or answers without any evidence.
#[test]
fn only_a_tipe_klien_verdict_has_a_terms_link() {
    let kecewa = common::bank("klien-kecewa");
    assert_ne!(kecewa.id, TERMS_QUIZ);
    for pick in 0..3 {
        for lang in [Lang::Id, Lang::En] {
            let answers = common::all_answered(kecewa, |_| pick);
            assert_eq!(Report::new(kecewa, &answers, lang, "").terms_link, None);
        }
    }
    let tipe = common::bank(TERMS_QUIZ);
    let nothing = Report::new(tipe, &Answers::empty(tipe), Lang::En, "");
    assert!(nothing.has_no_evidence());
    assert_eq!(nothing.terms_link, None);
}
