use super::browser;
use super::chrome::Headings;
use super::raw;
use crate::core::bank::{Bank, Severity};
use crate::core::classify::{Answers, Classification};
use crate::core::html::element;
use crate::core::report::Report;
use crate::core::state::{Action, Copied, CopyTarget};
use crate::core::text::{Lang, Text};
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
    /// The folder of the app's own page: in a blog, other pages are opened from it.
    pub app_base: &'a str,
    pub copied: Option<Copied>,
    /// Whether this copy may store anything (not in someone's blog, whose storage is theirs).
    pub can_save: bool,
    /// After a changed answer in the review list: the line that says the result was
    /// recomputed (the live region's announcement), shown beside the list.
    pub updated: Option<String>,
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
    // Nothing to judge: say so plainly instead of naming a type the answers do not support.
    let no_evidence = report.has_no_evidence();
    let share_url = &report.share_url;
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
    let saved_feedback = feedback(CopyTarget::Saved, Ui::SavedAs, Ui::SaveFailed);
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

    let on_save = {
        let dispatch = props.dispatch.clone();
        // Saved as the reader's own result, whoever shared it: it reopens as theirs.
        let fragment = crate::core::link::encode_own(bank, props.answers, lang);
        Callback::from(move |event: MouseEvent| {
            let name = browser::text_beside(event.target());
            let ok = browser::save_result(&fragment, &name);
            dispatch.emit(Action::Copied(Copied {
                what: CopyTarget::Saved,
                ok,
            }));
        })
    };
    let on_retake = props.dispatch.reform(|_| Action::Retake);
    let on_home = props.dispatch.reform(|_| Action::Home);
    let on_take_yourself = {
        let quiz = props.quiz;
        props.dispatch.reform(move |_| Action::Start(quiz))
    };

    // On a close call the runner-up's advice matters too.
    let runner_up_advice = report.runner_up.as_ref().map(|(runner_up, advice)| {
        let title = Ui::RunnerUpAdvice.fill(lang, &[("outcome", runner_up.name.get(lang))]);
        let mut body = String::new();
        element(&mut body, "<p>", runner_up.summary.get(lang), "</p>");
        text_list(
            &mut body,
            "<ol class=\"plan\">",
            advice.plan.iter().map(|item| &item.text),
            lang,
            "</ol>",
        );
        fold(
            "fold runner-up no-print",
            Some("runner-up"),
            headings,
            &title,
            raw(body),
        )
    });

    let plan_items = advice.plan.iter().enumerate().map(|(step, item)| {
        let message = item.message.as_ref().map(|message| {
            let text = message.get(lang).to_string();
            let what = CopyTarget::Message(u8::try_from(step).unwrap_or(u8::MAX));
            let feedback = feedback(what, Ui::MessageCopied, Ui::CopyFailed);
            let mut shown = String::new();
            element(&mut shown, "<summary>", Ui::MessageToSend.text(lang), "</summary>");
            element(&mut shown, "<p class=\"message-text\">", &text, "</p>");
            let on_copy = copy(what, text);
            html! {
                <details class="message no-print" data-testid="message">
                    { raw(shown) }
                    <button type="button" class="secondary" onclick={on_copy}>{ Ui::CopyMessage.text(lang) }</button>
                    <span class="copy-feedback" role="status">{ feedback }</span>
                </details>
            }
        });
        html! { <li>{ item.text.get(lang) }{ for message }</li> }
    });

    // The parts without listeners, as markup (see `raw`).
    let (open, close) = headings.section_tags();
    let mut top = String::new();
    element(
        &mut top,
        "<p class=\"muted\">",
        bank.title.get(lang),
        "</p>",
    );
    let mut verdict = String::new();
    if no_evidence {
        element(&mut verdict, "<p>", Ui::NoEvidenceText.text(lang), "</p>");
    } else {
        element(
            &mut verdict,
            "<p class=\"summary\">",
            outcome.summary.get(lang),
            "</p>",
        );
        element(
            &mut verdict,
            "<p class=\"lead\">",
            report.certainty().text(lang),
            "</p>",
        );
        element(&mut verdict, open, Ui::PlanHeading.text(lang), close);
    }
    let mut checklist_items = String::new();
    text_list(
        &mut checklist_items,
        "<ul class=\"checklist\">",
        advice.checklist.iter().map(|item| &item.text),
        lang,
        "</ul>",
    );
    // The download, and the work-terms page with this result's clauses (see `Report`). In a
    // blog the page opens from the app's own folder in a new tab, so the reader keeps the post.
    let mut checklist_links = String::new();
    element(
        &mut checklist_links,
        "<a class=\"button secondary\" download=\"cek-klien-checklist.txt\" href=\"",
        &browser::text_data_url(&checklist),
        "\">",
    );
    element(
        &mut checklist_links,
        "",
        Ui::DownloadChecklist.text(lang),
        "</a>",
    );
    if let Some(terms) = &report.terms_link {
        checklist_links
            .push_str("<a class=\"button secondary\" data-testid=\"draft-terms\" href=\"");
        if headings.embedded {
            element(&mut checklist_links, "", props.app_base, "");
        }
        element(&mut checklist_links, "", terms, "\"");
        if headings.embedded {
            checklist_links.push_str(" target=\"_blank\"");
        }
        element(&mut checklist_links, ">", Ui::DraftTerms.text(lang), "</a>");
    }
    let mut share = String::new();
    element(&mut share, open, Ui::ShareHeading.text(lang), close);
    element(
        &mut share,
        "<p class=\"muted\">",
        Ui::ShareHint.text(lang),
        "</p>",
    );
    element(
        &mut share,
        "<label for=\"share-link\">",
        Ui::ShareLabel.text(lang),
        "</label>",
    );
    element(
        &mut share,
        "<input id=\"share-link\" type=\"text\" readonly data-testid=\"share-link\" value=\"",
        share_url,
        "\">",
    );
    // The client's name goes on paper, and into storage only when the reader saves the result;
    // it is never in the link. So it is not state but the field's own value, which prints as
    // typed and is read when saving.
    let mut client = String::new();
    element(
        &mut client,
        "<label for=\"client-name\"><span class=\"no-print\">",
        Ui::ClientNameLabel.text(lang),
        "</span>",
    );
    element(
        &mut client,
        "<span class=\"print-only\">",
        Ui::ClientLabel.text(lang),
        "</span></label>",
    );
    client.push_str("<input id=\"client-name\" name=\"client-name\" type=\"text\" autocomplete=\"off\" maxlength=\"60\" placeholder=\" \">");
    // The page's loader makes the card when this is pressed (static/card.js), so the quiz's
    // wasm carries nothing of it but the button, as markup (see `raw`).
    let mut card_button = String::new();
    element(
        &mut card_button,
        "<button type=\"button\" class=\"secondary\" data-testid=\"result-card\">",
        Ui::CardSave.text(lang),
        "</button>",
    );
    let mut later_summary = String::new();
    element(
        &mut later_summary,
        "<summary>",
        Ui::LaterSteps.text(lang),
        "</summary>",
    );
    let mut printed = String::new();
    element(
        &mut printed,
        "<p class=\"print-only\">",
        &browser::today(lang),
        " · ",
    );
    element(&mut printed, "", Ui::OpenAgain.text(lang), " ");
    element(&mut printed, "", share_url, "</p>");

    let mut plan_items = plan_items.collect::<Vec<Html>>();
    // A phone shows the first steps under the verdict; the rest is one tap away, numbered on.
    let later_steps = plan_items.split_off(FIRST_STEPS.min(plan_items.len()));
    let (outcome_id, retake) = if no_evidence {
        ("none", Ui::AnswerQuestions)
    } else {
        (&*outcome.id, Ui::Retake)
    };

    html! {
        <section
            class="result"
            data-testid="result"
            data-outcome={outcome_id.to_string()}
            aria-labelledby="screen-heading"
        >
            if props.shared && !no_evidence {
                <p class="shared-badge" data-testid="shared">
                    { Ui::SharedBadge.text(lang) }
                    { " " }
                    <button type="button" class="link" onclick={on_take_yourself}>
                        { Ui::TakeItYourself.text(lang) }
                    </button>
                </p>
            }
            { raw(top) }
            if no_evidence {
                { headings.title(None, html! { { Ui::NoEvidenceHeading.text(lang) } }) }
                { raw(verdict) }
            } else {
                { headings.title(None, html! { <><span class="eyebrow">{ Ui::ResultLabel.text(lang) }{ ": " }</span>{ outcome.name.get(lang) }</> }) }
                { raw(verdict) }
                // One box for the whole plan, so print flows it in two columns as one list.
                <div class="plan-all">
                    <ol class="plan">{ plan_items }</ol>
                    if !later_steps.is_empty() {
                        <details class="later-steps">
                            { raw(later_summary) }
                            <ol class="plan" start={(FIRST_STEPS + 1).to_string()}>{ later_steps }</ol>
                        </details>
                    }
                </div>

                { fold("fold why", None, headings, Ui::WhyResult.text(lang), why(headings, bank, result, lang)) }

                { fold("fold", None, headings, Ui::ChecklistHeading.text(lang), html! {
                    <>
                    { raw(checklist_items) }
                    <div class="actions no-print">
                        <button type="button" class="secondary" onclick={on_copy_checklist}>{ Ui::CopyChecklist.text(lang) }</button>
                        { raw(checklist_links) }
                        <span class="copy-feedback" role="status">{ checklist_feedback }</span>
                    </div>
                    </>
                }) }

                { for runner_up_advice }

                <div class="share">
                    { raw(share) }
                    <div class="actions">
                        <button type="button" class="secondary" data-testid="copy-link" onclick={on_copy_link}>{ Ui::Copy.text(lang) }</button>
                        if browser::can_share() {
                            <button type="button" class="secondary" onclick={on_share}>{ Ui::ShareSystem.text(lang) }</button>
                        }
                        { raw(card_button) }
                    </div>
                    <p class="copy-feedback" role="status" data-testid="copy-feedback">{ link_feedback }</p>
                    <p class="client">
                        { raw(client) }
                        <button type="button" class="secondary" onclick={on_print}>{ Ui::Print.text(lang) }</button>
                        if props.can_save {
                            <button type="button" class="secondary" data-testid="save-result" onclick={on_save}>{ Ui::SaveResult.text(lang) }</button>
                            // Right under the button it answers; empty, it takes no room.
                            <span class="copy-feedback" role="status" data-testid="save-feedback">{ saved_feedback }</span>
                        }
                    </p>

                </div>
                { raw(printed) }
            }

            { review(bank, props.answers, lang, headings, props.dispatch, props.updated.as_deref()) }

            <nav class="steps no-print">
                <button type="button" class="secondary" onclick={on_home}>{ Ui::Home.text(lang) }</button>
                // `~className` like the question's Next button, which yew may hand this element
                // to: a plain `class` was then taken off with that property, as "undefined".
                <button type="button" ~className="primary" data-testid="retake" onclick={on_retake}>{ retake.text(lang) }</button>
            </nav>
        </section>
    }
}

/// How many plan steps a phone shows under the verdict before "the other steps".
const FIRST_STEPS: usize = 3;

/// A section folded behind its heading: one tap opens it, and print shows it whole.
fn fold(
    class: &'static str,
    testid: Option<&'static str>,
    headings: Headings,
    title: &str,
    body: Html,
) -> Html {
    let (open, close) = headings.section_tags();
    let mut summary = String::from("<summary>");
    element(&mut summary, open, title, close);
    summary.push_str("</summary>");
    // `~className`, not a dynamic `class`: see the App's root element.
    html! {
        <details ~className={class} data-testid={testid}>
            { raw(summary) }
            { body }
        </details>
    }
}

/// Every outcome's score as a horizontal bar chart, drawn as inline SVG (no chart library,
/// and no inline styles, so a strict CSP holds). The list beside it carries the same numbers as
/// text for screen readers.
fn score_chart(out: &mut String, bank: &Bank, result: &Classification, lang: Lang) {
    let mut ranked: Vec<usize> = (0..bank.outcomes.len()).collect();
    crate::core::sort_small_by_key(&mut ranked, |&o| std::cmp::Reverse(result.scores[o]));
    element(
        out,
        "<ul class=\"scores\" aria-label=\"",
        Ui::ChartLabel.text(lang),
        "\">",
    );
    for o in ranked {
        let score = result.scores[o].to_string();
        let outcome = &bank.outcomes[o];
        // A severe answer's verdict and the chart agree: what it ruled out says so.
        let label = if result.ruled_out.contains(&o) {
            Ui::RuledOut.text(lang).to_string()
        } else {
            Ui::ScoreOf.fill(lang, &[("score", &score)])
        };
        out.push_str("<li class=\"score ");
        out.push_str(outcome.tone.code());
        if o == result.primary {
            out.push_str(" primary");
        }
        element(
            out,
            "\"><span class=\"score-name\">",
            outcome.name.get(lang),
            "</span>",
        );
        out.push_str("<svg class=\"score-bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"track\" width=\"100\" height=\"10\" rx=\"2\"/><rect class=\"fill\" width=\"");
        out.push_str(&score);
        element(
            out,
            "\" height=\"10\" rx=\"2\"/></svg><span class=\"score-value\">",
            &label,
            "</span></li>",
        );
    }
    out.push_str("</ul>");
}

fn flag_list(out: &mut String, bank: &Bank, result: &Classification, lang: Lang) {
    if result.flags.is_empty() {
        element(out, "<p>", Ui::NoFlags.text(lang), "</p>");
        return;
    }
    out.push_str("<ul class=\"flags\">");
    for flag in result.flags.iter().filter_map(|&f| bank.flags.get(f)) {
        // The flag's id is for the browser tests (the work-terms link carries the same ids).
        element(out, "<li data-flag=\"", &flag.id, "\"");
        if flag.severity == Severity::Severe {
            element(out, " class=\"severe\">", flag.label.get(lang), "");
            element(
                out,
                " <strong class=\"tag\">",
                Ui::SevereLabel.text(lang),
                "</strong></li>",
            );
        } else {
            element(out, ">", flag.label.get(lang), "</li>");
        }
    }
    out.push_str("</ul>");
}

/// Why this verdict: every outcome's score, the red flags and the answers that counted most.
fn why(headings: Headings, bank: &Bank, result: &Classification, lang: Lang) -> Html {
    let (open, close) = headings.section_tags();
    let mut out = String::from("<div class=\"result-grid\"><div>");
    element(&mut out, open, bank.scores_heading.get(lang), close);
    score_chart(&mut out, bank, result, lang);
    out.push_str("</div><div>");
    element(&mut out, open, Ui::FlagsHeading.text(lang), close);
    flag_list(&mut out, bank, result, lang);
    out.push_str("</div></div>");
    if !result.drivers.is_empty() {
        element(&mut out, open, Ui::WhyHeading.text(lang), close);
        out.push_str("<ul class=\"drivers\">");
        for driver in &result.drivers {
            let question = bank.questions.get(driver.question);
            let choice = question.and_then(|q| q.choices.get(driver.choice));
            if let (Some(question), Some(choice)) = (question, choice) {
                element(
                    &mut out,
                    "<li><span class=\"muted\">",
                    question.text.get(lang),
                    "</span> ",
                );
                element(
                    &mut out,
                    "<strong>",
                    choice.text.get(lang),
                    "</strong></li>",
                );
            }
        }
        out.push_str("</ul>");
    }
    raw(out)
}

/// A list of texts, as markup.
fn text_list<'t>(
    out: &mut String,
    open: &str,
    items: impl Iterator<Item = &'t Text>,
    lang: Lang,
    close: &str,
) {
    out.push_str(open);
    for item in items {
        element(out, "<li>", item.get(lang), "</li>");
    }
    out.push_str(close);
}

/// All answers, each changeable in place; the result above recomputes on every change, and a
/// line beside the list (`updated`) says so.
fn review(
    bank: &Bank,
    answers: &Answers,
    lang: Lang,
    headings: Headings,
    dispatch: &Callback<Action>,
    updated: Option<&str>,
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
        let mut label = String::from("<label for=\"");
        label.push_str(&id);
        element(&mut label, "\">", question.text.get(lang), "</label>");
        let mut options = String::from("<option value=\"\"");
        if selected.is_none() {
            options.push_str(" selected");
        }
        element(&mut options, ">— ", Ui::Skipped.text(lang), " —</option>");
        let mut chosen = String::new();
        for (c, choice) in question.choices.iter().enumerate() {
            options.push_str("<option value=\"");
            options.push_str(&c.to_string());
            options.push('"');
            if selected == Some(c as u8) {
                options.push_str(" selected");
                // A closed drop-down shows one line, and a phone cuts a long answer short: the
                // chosen answer in full below it (screen readers hear it from the drop-down).
                element(
                    &mut chosen,
                    "<p class=\"chosen\" aria-hidden=\"true\">",
                    choice.text.get(lang),
                    "</p>",
                );
            }
            element(&mut options, ">", choice.text.get(lang), "</option>");
        }
        html! {
            <li>
                { raw(label) }
                <select {id} data-testid="review-answer" {onchange}>{ raw(options) }</select>
                { raw(chosen) }
            </li>
        }
    });
    // Shown once the reader changed an answer, and kept in view while the list is (CSS).
    let mut updated_line = String::new();
    if let Some(updated) = updated {
        element(
            &mut updated_line,
            "<p class=\"updated\" data-testid=\"result-updated\">",
            updated,
            "</p>",
        );
    }
    let mut hint = String::new();
    element(
        &mut hint,
        "<p class=\"muted\">",
        Ui::ReviewHint.text(lang),
        "</p>",
    );
    fold(
        "fold review no-print",
        Some("review"),
        headings,
        Ui::ReviewHeading.text(lang),
        html! {
            <>
            { raw(hint) }
            <ol class="review-list">{ for rows }</ol>
            // Shown once the reader changed an answer, and kept in view while the list is.
            { raw(updated_line) }
            </>
        },
    )
}

/// The result while its texts are on their way (they come with the result pack), or the
/// message and a retry if they could not be loaded: never a blank widget.
pub fn waiting(lang: Lang, failed: bool, dispatch: &Callback<Action>) -> Html {
    if failed {
        html! {
            <p class="notice" role="alert" data-testid="error">
                { Ui::ResultTextsFailed.text(lang) }{ " " }
                <button type="button" class="secondary" onclick={dispatch.reform(|_| Action::RetryResultTexts)}>
                    { Ui::Retry.text(lang) }
                </button>
            </p>
        }
    } else {
        html! { <p class="muted" role="status">{ Ui::ResultLoading.text(lang) }</p> }
    }
}
