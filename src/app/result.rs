use super::browser;
use super::chrome::Headings;
use crate::core::bank::{Bank, Severity};
use crate::core::classify::{Answers, Classification};
use crate::core::report::Report;
use crate::core::state::{Action, Copied, CopyTarget};
use crate::core::text::Lang;
use crate::core::ui_text::Ui;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// What the result screen is drawn from: the report, and what only the view needs.
pub struct ResultScreen<'a> {
    pub headings: Headings,
    pub quiz: usize,
    pub shared: bool,
    pub answers: &'a Answers,
    pub report: &'a Report<'a>,
    pub copied: Option<Copied>,
    pub dispatch: &'a Callback<Action>,
}

pub fn view(props: &ResultScreen) -> Html {
    let headings = props.headings;
    let report = props.report;
    let bank = report.bank;
    let lang = report.lang;
    let result = &report.classification;
    let advice = &report.advice;
    let Some(outcome) = report.outcome() else {
        return Html::default();
    };
    let lead = report.certainty();
    let share_url = report.share_url.clone();
    let copy = |what: CopyTarget, text: String| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            browser::copy_text(&text, move |ok| {
                dispatch.emit(Action::Copied(Copied { what, ok }));
            });
        })
    };
    // The feedback beside a copy button: said only for what was copied last.
    let feedback = |what: CopyTarget, done: Ui, failed: Ui| match props.copied {
        Some(copied) if copied.what == what => {
            if copied.ok {
                done.text(lang)
            } else {
                failed.text(lang)
            }
        }
        _ => "",
    };
    let on_copy_link = copy(CopyTarget::Link, share_url.clone());
    let checklist = report.plain_text.clone();
    let on_copy_checklist = copy(CopyTarget::Checklist, checklist.clone());
    let link_feedback = feedback(CopyTarget::Link, Ui::Copied, Ui::CopyFailed);
    let checklist_feedback = feedback(
        CopyTarget::Checklist,
        Ui::ChecklistCopied,
        Ui::ChecklistCopyFailed,
    );
    let on_share = {
        let title = outcome.name.get(lang).to_string();
        let url = share_url.clone();
        Callback::from(move |_: MouseEvent| browser::share(&title, &url))
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });

    let on_retake = props.dispatch.reform(|_| Action::Retake);
    let on_home = props.dispatch.reform(|_| Action::Home);
    let on_take_yourself = {
        let quiz = props.quiz;
        props.dispatch.reform(move |_| Action::Start(quiz))
    };

    // Nothing to judge: say so plainly instead of naming a type the answers do not support.
    if report.has_no_evidence() {
        return html! {
            <section
                class="result"
                data-testid="result"
                data-outcome="none"
                aria-labelledby="screen-heading"
            >
                <p class="muted">{ bank.title.get(lang) }</p>
                { headings.title(None, html! { { Ui::NoEvidenceHeading.text(lang) } }) }
                <p>{ Ui::NoEvidenceText.text(lang) }</p>
                { review(bank, props.answers, lang, headings, props.dispatch) }
                <nav class="steps">
                    <button type="button" class="secondary" onclick={on_home}>{ Ui::Home.text(lang) }</button>
                    <button type="button" class="primary" onclick={on_retake}>{ Ui::AnswerQuestions.text(lang) }</button>
                </nav>
            </section>
        };
    }

    // On a close call the runner-up's advice matters too.
    let runner_up_advice = report.runner_up.as_ref().map(|(runner_up, advice)| {
        let title = Ui::RunnerUpAdvice.fill(lang, &[("outcome", runner_up.name.get(lang))]);
        html! {
            <details class="runner-up no-print" data-testid="runner-up">
                <summary>{ headings.section(html! { { title } }) }</summary>
                <p>{ runner_up.summary.get(lang) }</p>
                <ol class="plan">
                    { for advice.plan.iter().map(|item| html! { <li>{ item.text.get(lang) }</li> }) }
                </ol>
            </details>
        }
    });

    html! {
        <section
            class="result"
            data-testid="result"
            data-outcome={outcome.id.to_string()}
            aria-labelledby="screen-heading"
        >
            if props.shared {
                <p class="shared-badge" data-testid="shared">
                    { Ui::SharedBadge.text(lang) }
                    { " " }
                    <button type="button" class="link" onclick={on_take_yourself}>
                        { Ui::TakeItYourself.text(lang) }
                    </button>
                </p>
            }
            <p class="muted">{ bank.title.get(lang) }</p>
            { headings.title(None, html! { <><span class="eyebrow">{ Ui::ResultLabel.text(lang) }{ ": " }</span>{ outcome.name.get(lang) }</> }) }
            <p class="summary">{ outcome.summary.get(lang) }</p>
            <p class="lead">{ lead.text(lang) }</p>

            <div class="result-grid">
                <div>
                    { headings.section(html! { { bank.scores_heading.get(lang) } }) }
                    { score_chart(bank, result, lang) }
                </div>
                <div>
                    { headings.section(html! { { Ui::FlagsHeading.text(lang) } }) }
                    { flag_list(bank, result, lang) }
                </div>
            </div>

            if !result.drivers.is_empty() {
                { headings.section(html! { { Ui::WhyHeading.text(lang) } }) }
                <ul class="drivers">
                    { for result.drivers.iter().filter_map(|driver| {
                        let question = bank.questions.get(driver.question)?;
                        let choice = question.choices.get(driver.choice)?;
                        Some(html! {
                            <li>
                                <span class="muted">{ question.text.get(lang) }</span>
                                { " " }
                                <strong>{ choice.text.get(lang) }</strong>
                            </li>
                        })
                    }) }
                </ul>
            }

            { headings.section(html! { { Ui::PlanHeading.text(lang) } }) }
            <ol class="plan">
                { for advice.plan.iter().enumerate().map(|(step, item)| {
                    let message = item.message.as_ref().map(|message| {
                        let text = message.get(lang).to_string();
                        let what = CopyTarget::Message(u8::try_from(step).unwrap_or(u8::MAX));
                        let feedback = feedback(what, Ui::MessageCopied, Ui::CopyFailed);
                        let on_copy = copy(what, text.clone());
                        html! {
                            <details class="message no-print" data-testid="message">
                                <summary>{ Ui::MessageToSend.text(lang) }</summary>
                                <p class="message-text">{ text }</p>
                                <button type="button" class="secondary" onclick={on_copy}>{ Ui::CopyMessage.text(lang) }</button>
                                <span class="copy-feedback" role="status">{ feedback }</span>
                            </details>
                        }
                    });
                    html! { <li>{ item.text.get(lang) }{ for message }</li> }
                }) }
            </ol>

            { headings.section(html! { { Ui::ChecklistHeading.text(lang) } }) }
            <ul class="checklist">
                { for advice.checklist.iter().map(|item| html! { <li>{ item.text.get(lang) }</li> }) }
            </ul>
            <div class="actions no-print">
                <button type="button" class="secondary" onclick={on_copy_checklist}>{ Ui::CopyChecklist.text(lang) }</button>
                <a class="button secondary" download="cek-klien-checklist.txt" href={browser::text_data_url(&checklist)}>
                    { Ui::DownloadChecklist.text(lang) }
                </a>
                <span class="copy-feedback" role="status">{ checklist_feedback }</span>
            </div>

            { for runner_up_advice }

            <div class="share no-print">
                { headings.section(html! { { Ui::ShareHeading.text(lang) } }) }
                <p class="muted">{ Ui::ShareHint.text(lang) }</p>
                <label for="share-link">{ Ui::ShareLabel.text(lang) }</label>
                <input id="share-link" type="text" readonly=true value={share_url} data-testid="share-link" />
                <div class="actions">
                    <button type="button" class="secondary" data-testid="copy-link" onclick={on_copy_link}>{ Ui::Copy.text(lang) }</button>
                    if browser::can_share() {
                        <button type="button" class="secondary" onclick={on_share}>{ Ui::ShareSystem.text(lang) }</button>
                    }
                    <button type="button" class="secondary" onclick={on_print}>{ Ui::Print.text(lang) }</button>
                </div>
                <p class="copy-feedback" role="status" data-testid="copy-feedback">{ link_feedback }</p>
            </div>

            { review(bank, props.answers, lang, headings, props.dispatch) }

            <nav class="steps no-print">
                <button type="button" class="secondary" onclick={on_home}>{ Ui::Home.text(lang) }</button>
                <button type="button" class="primary" data-testid="retake" onclick={on_retake}>{ Ui::Retake.text(lang) }</button>
            </nav>
        </section>
    }
}

/// Every outcome's score as a horizontal bar chart, drawn as inline SVG (no chart library,
/// and no inline styles, so a strict CSP holds). The list beside it carries the same numbers as
/// text for screen readers.
fn score_chart(bank: &Bank, result: &Classification, lang: Lang) -> Html {
    let mut ranked: Vec<usize> = (0..bank.outcomes.len()).collect();
    crate::core::sort_small_by_key(&mut ranked, |&o| std::cmp::Reverse(result.scores[o]));
    let rows = ranked.into_iter().map(|o| {
        let score = result.scores[o];
        let outcome = &bank.outcomes[o];
        // A severe answer's verdict and the chart agree: what it ruled out says so.
        let label = if result.ruled_out.contains(&o) {
            Ui::RuledOut.text(lang).to_string()
        } else {
            Ui::ScoreOf.fill(lang, &[("score", &score.to_string())])
        };
        html! {
            <li class={classes!("score", outcome.tone.code(), (o == result.primary).then_some("primary"))}>
                <span class="score-name">{ outcome.name.get(lang) }</span>
                <svg class="score-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                    <rect class="track" width="100" height="10" rx="2" />
                    <rect class="fill" width={score.to_string()} height="10" rx="2" />
                </svg>
                <span class="score-value">{ label }</span>
            </li>
        }
    });
    html! {
        <ul class="scores" aria-label={Ui::ChartLabel.text(lang)}>{ for rows }</ul>
    }
}

fn flag_list(bank: &Bank, result: &Classification, lang: Lang) -> Html {
    if result.flags.is_empty() {
        return html! { <p>{ Ui::NoFlags.text(lang) }</p> };
    }
    let items = result
        .flags
        .iter()
        .filter_map(|&f| bank.flags.get(f))
        .map(|flag| {
            let severe = flag.severity == Severity::Severe;
            html! {
                <li class={classes!(severe.then_some("severe"))}>
                    { flag.label.get(lang) }
                    if severe { <strong class="tag">{ Ui::SevereLabel.text(lang) }</strong> }
                </li>
            }
        });
    html! { <ul class="flags">{ for items }</ul> }
}

/// All answers, each changeable in place; the result above recomputes on every change.
fn review(
    bank: &Bank,
    answers: &Answers,
    lang: Lang,
    headings: Headings,
    dispatch: &Callback<Action>,
) -> Html {
    // Only the questions asked: a hidden one was never a question for this client.
    let rows = answers.asked(bank).map(|q| {
        let question = &bank.questions[q];
        let selected = answers.get(q);
        let onchange = dispatch.reform(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            Action::SetAnswer {
                question: q,
                choice: value.parse::<u8>().ok(),
            }
        });
        let id = {
            let mut id = String::from("review-");
            id.push_str(&q.to_string());
            id
        };
        html! {
            <li>
                <label for={id.clone()}>{ question.text.get(lang) }</label>
                <select {id} data-testid="review-answer" {onchange}>
                    <option value="" selected={selected.is_none()}>{ "— " }{ Ui::Skipped.text(lang) }{ " —" }</option>
                    { for question.choices.iter().enumerate().map(|(c, choice)| html! {
                        <option value={c.to_string()} selected={selected == Some(c as u8)}>
                            { choice.text.get(lang) }
                        </option>
                    }) }
                </select>
            </li>
        }
    });
    html! {
        <details class="review no-print" data-testid="review">
            <summary>{ headings.section(html! { { Ui::ReviewHeading.text(lang) } }) }</summary>
            <p class="muted">{ Ui::ReviewHint.text(lang) }</p>
            <ol class="review-list">{ for rows }</ol>
        </details>
    }
}
