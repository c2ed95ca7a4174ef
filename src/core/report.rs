//! The result report: everything the result screen shows, computed once from the bank, the
//! answers, the language and the app's address. The screen and its live announcement read the
//! same report, so they cannot disagree and nothing is classified twice per render.

use super::advice::{advise, advise_for, checklist_text, Advice};
use super::bank::{Bank, Outcome};
use super::classify::Lead;
use super::classify::{classify, Answers, Classification};
use super::link;
use super::pages::{terms_for_result_link, TERMS_QUIZ};
use super::text::Lang;
use super::ui_text::Ui;

#[derive(Clone, Debug, PartialEq)]
pub struct Report<'b> {
    pub bank: &'b Bank,
    pub lang: Lang,
    pub classification: Classification,
    pub advice: Advice<'b>,
    /// On a close call, the runner-up outcome and its own advice.
    pub runner_up: Option<(&'b Outcome, Advice<'b>)>,
    /// The result as plain text, for copying and downloading: the quiz and the verdict, the
    /// action plan, the agreement checklist and the link that reopens it.
    pub plain_text: String,
    /// The full address that reopens this result anywhere.
    pub share_url: String,
    /// The work-terms page for this verdict, relative to the app base: only for the quiz the
    /// page reads ([`TERMS_QUIZ`]), and not when no answer carried any evidence (there is no
    /// verdict, and no checklist, to draft terms from).
    pub terms_link: Option<String>,
}

impl<'b> Report<'b> {
    /// Builds the report for `answers` to `bank`, in `lang`; share links start with `app_base`.
    #[must_use]
    pub fn new(bank: &'b Bank, answers: &Answers, lang: Lang, app_base: &str) -> Report<'b> {
        let classification = classify(bank, answers);
        let advice = advise(bank, &classification, answers);
        let runner_up = (classification.lead == Lead::Close
            && classification.runner_up != classification.primary)
            .then(|| {
                let outcome = bank.outcomes.get(classification.runner_up)?;
                let advice = advise_for(
                    bank,
                    classification.runner_up,
                    &classification.flags,
                    answers,
                );
                Some((outcome, advice))
            })
            .flatten();
        let mut share_url = String::from(app_base);
        share_url.push('#');
        share_url.push_str(&link::encode(bank, answers, lang));
        let plain_text = result_text(bank, &classification, &advice, lang, &share_url);
        let flags = classification
            .flags
            .iter()
            .filter_map(|&f| bank.flags.get(f))
            .map(|flag| &flag.id);
        let terms_link = bank
            .outcomes
            .get(classification.primary)
            .filter(|_| bank.id == TERMS_QUIZ && classification.lead != Lead::NoEvidence)
            .map(|outcome| terms_for_result_link(&outcome.id, flags, lang));
        Report {
            bank,
            lang,
            classification,
            advice,
            runner_up,
            plain_text,
            share_url,
            terms_link,
        }
    }

    /// The winning outcome. A bank always has outcomes (the validator requires two), so this is
    /// `None` only for a hand-made bank without any.
    #[must_use]
    pub fn outcome(&self) -> Option<&'b Outcome> {
        self.bank.outcomes.get(self.classification.primary)
    }

    /// True when no answer carried any evidence: the screen says so instead of naming a type.
    #[must_use]
    pub fn has_no_evidence(&self) -> bool {
        self.classification.lead == Lead::NoEvidence
    }

    /// The sentence under the verdict saying how sure it is.
    #[must_use]
    pub fn certainty(&self) -> Ui {
        if self.classification.decided_by_severe_flag {
            return Ui::SevereDecided;
        }
        match self.classification.lead {
            Lead::Clear => Ui::LeadClear,
            Lead::Moderate => Ui::LeadModerate,
            Lead::Close => Ui::LeadClose,
            Lead::Tentative => Ui::LeadTentative,
            Lead::NoEvidence => Ui::LeadNoEvidence,
        }
    }

    /// What a screen reader announces when the result appears. After the reader changed an
    /// answer (`updated`) it says the result was recomputed, with the winner's score: the same
    /// words twice would not be announced again, and the score moves with most changes. The
    /// screen shows the same line beside the review list.
    #[must_use]
    pub fn announcement(&self, updated: bool) -> String {
        let label = if updated {
            Ui::ResultUpdated
        } else {
            Ui::ResultLabel
        };
        let mut text = String::from(label.text(self.lang));
        text.push_str(": ");
        if self.has_no_evidence() {
            text.push_str(Ui::NoEvidenceHeading.text(self.lang));
        } else if let Some(outcome) = self.outcome() {
            text.push_str(outcome.name.get(self.lang));
            let score = self.classification.scores.get(self.classification.primary);
            if let (true, Some(score)) = (updated, score) {
                text.push_str(" (");
                text.push_str(&Ui::ScoreOf.fill(self.lang, &[("score", &score.to_string())]));
                text.push(')');
            }
        }
        text
    }
}

/// The result as plain text: what a provider pastes into notes or a message to themselves.
fn result_text(
    bank: &Bank,
    classification: &Classification,
    advice: &Advice<'_>,
    lang: Lang,
    share_url: &str,
) -> String {
    let mut text = String::from(Ui::AppName.text(lang));
    text.push_str(": ");
    text.push_str(bank.title.get(lang));
    text.push('\n');
    if let Some(outcome) = bank.outcomes.get(classification.primary) {
        text.push_str(Ui::ResultLabel.text(lang));
        text.push_str(": ");
        text.push_str(outcome.name.get(lang));
        text.push('\n');
    }
    text.push('\n');
    text.push_str(Ui::PlanHeading.text(lang));
    text.push('\n');
    for (step, item) in advice.plan.iter().enumerate() {
        text.push_str(&(step + 1).to_string());
        text.push_str(". ");
        text.push_str(item.text.get(lang));
        text.push('\n');
    }
    text.push('\n');
    text.push_str(&checklist_text(
        Ui::ChecklistHeading.text(lang),
        advice,
        lang,
    ));
    text.push('\n');
    text.push_str(Ui::OpenAgain.text(lang));
    text.push(' ');
    text.push_str(share_url);
    text.push('\n');
    text
}
