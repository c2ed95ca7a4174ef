//! The fit check: every rule can be set off, the verdict is the worst mismatch, answers that
//! ask for nothing the terms lack fit, the template's fit section is validated with places, and
//! the fit and answers links round trip, keep the agreement's private words out, and turn any
//! input into a typed error (100k cases).

mod terms_common;

use cek_klien::core::terms::fit::{check, complete, questions, term_title, way};
use cek_klien::core::terms::link::{
    decode, decode_answers, decode_fit, encode, encode_answers, encode_fit, fit_terms,
    TermsLinkError,
};
use cek_klien::core::terms::template::{parse, Fit, Problem};
use cek_klien::core::terms::{terms_for_result, ClauseSet, Terms, TEMPLATE};
use cek_klien::core::text::Lang;
use proptest::prelude::*;
use terms_common::{string_from_seed, terms_from_seed};

const SOURCE: &str = include_str!("../data/terms/clauses.toml");

/// Terms that switch the conditions the rules read both ways.
fn variations() -> Vec<Terms> {
    let mut all = Vec::new();
    for (on_call, by_email) in [(false, true), (true, true), (false, false)] {
        for deposit in [0, 50] {
            for revisions in [0, 2, 5] {
                for clauses in [ClauseSet::default(), ClauseSet::all()] {
                    let mut terms = Terms {
                        clauses,
                        ..Terms::default()
                    };
                    terms.fields.on_call = on_call;
                    terms.fields.evidence_email = by_email;
                    terms.fields.on_call_price = 500_000;
                    terms.fields.deposit_percent = deposit;
                    terms.fields.revisions = revisions;
                    terms.fields.revision_rate = 150_000;
                    all.push(terms);
                }
            }
        }
    }
    all
}

/// Every way to answer (a few thousand: 3·3·3·3·3·2·3).
fn every_answer() -> Vec<Vec<u8>> {
    let mut all = vec![Vec::new()];
    for question in questions() {
        all = all
            .into_iter()
            .flat_map(|answers| {
                (0..question.choices.len()).map(move |choice| {
                    let mut next = answers.clone();
                    next.push(u8::try_from(choice).unwrap_or(u8::MAX));
                    next
                })
            })
            .collect();
    }
    all
}

#[test]
fn every_rule_can_be_set_off_and_the_verdict_is_the_worst_mismatch() {
    let answers = every_answer();
    assert!(answers.iter().all(|a| complete(a)));
    let mut fired = vec![false; TEMPLATE.fit.rules.len()];
    let mut verdicts = std::collections::BTreeSet::new();
    for terms in variations() {
        for answer in &answers {
            let (verdict, mismatches) = check(&terms, answer);
            verdicts.insert(verdict);
            assert_eq!(
                verdict,
                mismatches.iter().map(|r| r.fit).max().unwrap_or(Fit::Fits)
            );
            for rule in mismatches {
                let index = TEMPLATE
                    .fit
                    .rules
                    .iter()
                    .position(|r| std::ptr::eq(r, rule))
                    .expect("a template rule");
                fired[index] = true;
                for lang in [Lang::Id, Lang::En] {
                    let words = way(rule, &terms, lang);
                    assert!(!words.is_empty() && !words.contains('{'), "{words}");
                    assert!(!term_title(rule, lang).is_empty());
                }
            }
        }
    }
    let never: Vec<_> = fired
        .iter()
        .enumerate()
        .filter(|(_, fired)| !**fired)
        .map(|(i, _)| i)
        .collect();
    assert!(never.is_empty(), "rules never set off: {never:?}");
    assert_eq!(
        verdicts.into_iter().collect::<Vec<_>>(),
        [Fit::Fits, Fit::Adjust, Fit::No]
    );
}

#[test]
fn a_prospect_who_asks_for_what_the_terms_give_fits() {
    let terms = terms_for_result("ideal", &[]);
    let easy: Vec<u8> = questions()
        .iter()
        .map(|question| {
            // The undemanding answer of each question.
            let id = match &*question.id {
                "balasan" => "tidak-mendesak",
                "luar-jam" => "tidak",
                "revisi" => "sedikit",
                "uang-muka" => "bisa",
                "pindahan" => "tidak",
                "lingkup" => "penawaran",
                "tertulis" => "ya",
                other => panic!("a new question {other}: say which answer asks nothing"),
            };
            u8::try_from(question.choices.iter().position(|c| c.id == id).expect(id)).unwrap_or(0)
        })
        .collect();
    assert_eq!(check(&terms, &easy), (Fit::Fits, vec![]));
    // Refusing written terms never fits, whatever the terms.
    let mut refuses = easy.clone();
    let tertulis = questions()
        .iter()
        .position(|q| q.id == "tertulis")
        .unwrap_or(0);
    refuses[tertulis] = 2;
    assert_eq!(check(&terms, &refuses).0, Fit::No);
    // Too few answers set off nothing and are not complete.
    assert_eq!(check(&terms, &easy[..2]).0, Fit::Fits);
    assert!(!complete(&easy[..2]));
    assert!(!complete(&[9; 7]));
}

#[test]
fn the_ways_forward_use_the_terms_numbers() {
    let mut terms = Terms::default();
    terms.fields.on_call = true;
    terms.fields.on_call_price = 750_000;
    terms.clauses.set("siaga", true);
    let luar = questions()
        .iter()
        .position(|q| q.id == "luar-jam")
        .unwrap_or(0);
    let mut answers = vec![0; questions().len()];
    answers[luar] = 0;
    let (_, mismatches) = check(&terms, &answers);
    let on_call = mismatches
        .iter()
        .find(|rule| rule.term == "siaga")
        .expect("the on-call rule");
    assert!(way(on_call, &terms, Lang::Id).contains("Rp 750.000"));
    assert_eq!(term_title(on_call, Lang::En), "Out-of-Hours Support");
}

fn broken(from: &str, to: &str) -> Vec<cek_klien::core::terms::template::TemplateError> {
    assert!(SOURCE.contains(from), "test setup: {from:?}");
    match parse(&SOURCE.replacen(from, to, 1)) {
        Ok(_) => panic!("accepted {to:?}"),
        Err(errors) => errors,
    }
}

#[test]
fn mistakes_in_the_fit_check_name_their_place() {
    let has = |errors: &[cek_klien::core::terms::template::TemplateError],
               place: &str,
               problem: Problem| {
        assert!(
            errors
                .iter()
                .any(|e| e.place.contains(place) && e.problem == problem),
            "expected {problem:?} at {place}: {errors:#?}"
        );
    };
    let errors = broken("question = \"pindahan\"", "question = \"pindah\"");
    has(
        &errors,
        "fit.rules[9].question",
        Problem::UnknownQuestion("pindah".into()),
    );
    let errors = broken("choices = [\"belum-beres\"]", "choices = [\"belum\"]");
    has(
        &errors,
        "fit.rules[9].choices",
        Problem::UnknownChoice("belum".into()),
    );
    let errors = broken("above = \"reply_inside_hours\"", "above = \"reply_hours\"");
    has(
        &errors,
        "fit.rules[0].above",
        Problem::UnknownField("reply_hours".into()),
    );
    let errors = broken("term = \"masalah-lama\"", "term = \"lama\"");
    has(
        &errors,
        "fit.rules[9].term",
        Problem::UnknownClause("lama".into()),
    );
    let errors = broken(
        "Sebaiknya urusan dengan penyedia lama",
        "Sebaiknya urusan dengan {client_name}",
    );
    has(
        &errors,
        "fit.rules[9].way",
        Problem::FreeTextInSummary("client_name".into()),
    );
    let errors = broken(
        "en = \"It is best to settle things with the previous provider first (access, data, invoices). If you need help clearing up after the earlier work, that help is extra work with its own quote.\"",
        "en = \"\"",
    );
    has(&errors, "fit.rules[9].way", Problem::MissingLanguage("en"));
    let errors = broken(
        "fit = \"adjust\"\nterm = \"masalah-lama\"",
        "fit = \"fits\"\nterm = \"masalah-lama\"",
    );
    has(&errors, "fit.rules[9].fit", Problem::BadRule);
}

#[test]
fn a_fit_link_carries_the_terms_but_none_of_the_agreements_private_words() {
    let mut terms = terms_for_result("penuntut", &[]);
    terms.fields.provider_name = "Rina Desain".into();
    terms.fields.client_name = "PT Rahasia".into();
    terms.fields.provider_contact = "rina@example.com".into();
    terms.fields.included = "Logo".into();
    let link = encode_fit(&terms);
    assert!(link.starts_with("f1."), "{link}");
    let shared = decode_fit(&link).expect("a fit link");
    assert_eq!(shared, fit_terms(&terms));
    assert_eq!(shared.fields.provider_name, "Rina Desain");
    assert_eq!(shared.fields.client_name, "");
    assert_eq!(shared.fields.provider_contact, "");
    assert_eq!(shared.fields.on_call, terms.fields.on_call);
    // Each kind of link opens only where it belongs.
    assert_eq!(decode(&link), Err(TermsLinkError::Foreign));
    assert_eq!(decode_fit(&encode(&terms)), Err(TermsLinkError::Foreign));
    assert_eq!(
        decode_fit(&link.replacen("f1.", "f2.", 1)),
        Err(TermsLinkError::Newer)
    );
    let damaged = format!(
        "{}{}",
        &link[..6],
        if &link[6..7] == "A" { "B" } else { "A" }
    ) + &link[7..];
    assert_eq!(decode_fit(&damaged), Err(TermsLinkError::Checksum));

    let answers = vec![0, 1, 2, 1, 2, 1, 0];
    let back = encode_answers(&terms, &answers);
    assert!(back.starts_with("a1."));
    assert_eq!(decode_answers(&back), Ok((fit_terms(&terms), answers)));
    assert_eq!(
        decode_answers(&encode_answers(&terms, &[0, 1])),
        Err(TermsLinkError::Malformed)
    );
    assert_eq!(
        decode_answers(&encode_answers(&terms, &[9; 7])),
        Err(TermsLinkError::Malformed)
    );
    assert_eq!(decode_answers(&link), Err(TermsLinkError::Foreign));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100_000))]
    #[test]
    fn any_text_decodes_to_a_typed_error_or_to_what_the_encoder_writes(seed in any::<u64>()) {
        let text = string_from_seed(seed);
        for fragment in [text.clone(), format!("f1.{text}"), format!("a1.{text}")] {
            if let Ok(terms) = decode_fit(&fragment) {
                prop_assert_eq!(encode_fit(&terms), fragment.trim_start_matches('#'));
            }
            if let Ok((terms, answers)) = decode_answers(&fragment) {
                prop_assert_eq!(encode_answers(&terms, &answers), fragment.trim_start_matches('#'));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]
    #[test]
    fn fit_and_answer_links_round_trip(seed in any::<u64>()) {
        let terms = terms_from_seed(seed);
        let answers: Vec<u8> = questions()
            .iter()
            .enumerate()
            .map(|(i, q)| u8::try_from((seed as usize >> i) % q.choices.len()).unwrap_or(0))
            .collect();
        prop_assert_eq!(decode_fit(&encode_fit(&terms)), Ok(fit_terms(&terms)));
        prop_assert_eq!(
            decode_answers(&encode_answers(&terms, &answers)),
            Ok((fit_terms(&terms), answers))
        );
    }
}

mod page_flow {
    use cek_klien::core::terms::fit::questions;
    use cek_klien::core::terms::fit_view::{fit_html, suggested_reply};
    use cek_klien::core::terms::link::{encode_answers, encode_fit, fit_terms};
    use cek_klien::core::terms::page::{
        reduce, FitStep, Mode, Remembered, TermsAction, TermsPage, TermsStartup,
    };
    use cek_klien::core::terms::Terms;
    use cek_klien::core::text::Lang;

    fn open(fragment: &str, ui: Lang) -> TermsPage {
        TermsPage::start(TermsStartup {
            fragment,
            ui,
            remembered: Some("t1.APNQCMlr"),
        })
    }

    fn step(page: &TermsPage) -> FitStep {
        match &page.mode {
            Mode::Fit { step, .. } => *step,
            other => panic!("not a fit check: {other:?}"),
        }
    }

    #[test]
    fn a_prospect_goes_through_the_questions_one_answered_step_at_a_time() {
        let mut terms = Terms::default();
        terms.fields.provider_name = "<b>Rina</b>".into();
        let mut page = open(&encode_fit(&terms), Lang::Id);
        assert_eq!(step(&page), FitStep::Intro);
        assert_eq!(
            page.link(),
            None,
            "a prospect's page never writes a terms link"
        );
        assert_eq!(page.to_remember(), Remembered::Unchanged);
        let intro = fit_html(&page, "x#").unwrap_or_default();
        assert!(
            intro.contains("&lt;b&gt;Rina&lt;/b&gt;") && !intro.contains("<b>"),
            "{intro}"
        );
        page = reduce(page, TermsAction::FitStart);
        assert_eq!(step(&page), FitStep::Question(0));
        // Next waits for an answer.
        page = reduce(page, TermsAction::FitNext);
        assert_eq!(step(&page), FitStep::Question(0));
        let markup = fit_html(&page, "x#").unwrap_or_default();
        for hook in ["question", "choice", "next", "back", "progress"] {
            assert!(markup.contains(&format!("data-testid={hook}")), "no {hook}");
        }
        assert!(markup.contains("data-testid=next disabled"));
        page = reduce(page, TermsAction::FitChoose(9));
        page = reduce(page, TermsAction::FitNext);
        assert_eq!(
            step(&page),
            FitStep::Question(0),
            "an option the question lacks is no answer"
        );
        page = reduce(page, TermsAction::FitBack);
        assert_eq!(step(&page), FitStep::Intro);
        page = reduce(page, TermsAction::FitStart);
        for n in 0..questions().len() {
            assert_eq!(step(&page), FitStep::Question(n));
            page = reduce(page, TermsAction::FitChoose(1));
            page = reduce(page, TermsAction::FitNext);
        }
        assert_eq!(step(&page), FitStep::Result);
        let result = fit_html(&page, "https://x/terms.html#").unwrap_or_default();
        assert!(result.contains("data-testid=fit-result data-fit="));
        let answers = vec![1; questions().len()];
        assert!(
            result.contains(&encode_answers(&terms, &answers)),
            "the answers link"
        );
        page = reduce(page, TermsAction::FitChange);
        assert_eq!(step(&page), FitStep::Question(0));
        assert_eq!(
            page.mode.complete_answers(),
            Some(answers),
            "answers are kept"
        );
    }

    #[test]
    fn the_provider_reads_the_same_answers_and_a_reply() {
        let terms = Terms::default();
        let answers: Vec<u8> = questions().iter().map(|_| 0).collect();
        let page = open(&encode_answers(&terms, &answers), Lang::En);
        assert_eq!(
            page.mode,
            Mode::Answers {
                shared: fit_terms(&terms),
                answers: answers.clone()
            }
        );
        let markup = fit_html(&page, "x#").unwrap_or_default();
        for question in questions() {
            assert!(markup.contains(&format!(
                "data-question={} data-choice={}",
                question.id, question.choices[0].id
            )));
        }
        let reply = suggested_reply(&fit_terms(&terms), &answers, Lang::En);
        assert!(
            reply.starts_with("Thank you for filling in the fit check."),
            "{reply}"
        );
        // A damaged answers link opens the ordinary page with its message.
        let damaged = encode_answers(&terms, &answers).replacen('A', "B", 1);
        assert!(matches!(open(&damaged, Lang::Id).mode, Mode::Terms));
    }
}

#[test]
fn a_fit_link_with_private_words_was_not_written_by_the_app() {
    let mut terms = Terms::default();
    terms.fields.client_name = "PT Rahasia".into();
    // The terms link's bytes under the fit check's format: the client's name travels.
    let body_link = encode(&terms);
    let payload = body_link.trim_start_matches("t1.");
    assert!(decode(&body_link).is_ok());
    let forged = cek_klien::core::terms::link::sign_as("f1", &base64_payload_bytes(payload));
    assert_eq!(decode_fit(&forged), Err(TermsLinkError::Malformed));
}

/// The body bytes of a `t1.` payload (without its check bytes).
fn base64_payload_bytes(payload: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = 0u32;
    let mut count = 0;
    let mut bytes = Vec::new();
    for c in payload.bytes() {
        let value = ALPHABET.iter().position(|&a| a == c).unwrap_or(0) as u32;
        bits = (bits << 6) | value;
        count += 6;
        if count >= 8 {
            count -= 8;
            bytes.push((bits >> count) as u8);
        }
    }
    bytes.truncate(bytes.len() - 3);
    bytes
}
