//! The fit check's screens as markup (see `sections` for why markup): for a prospect, the
//! provider's terms in plain words, one question at a time, and the result with a way to send
//! the answers back; for the provider, a prospect's answers, what does not fit yet and a
//! suggested reply. Everything the provider typed is escaped text.

use super::fit::{check, questions, term_title, way};
use super::link::encode_answers;
use super::page::{CopyTarget, FitStep, Mode, TermsPage};
use super::sections::{button, status, Act};
use super::template::{Fit, FitRule};
use super::{client_summary, text, Bi, DocLang, Terms, TEMPLATE};
use crate::core::html::element;
use crate::core::text::Lang;
use std::fmt::Write;

fn say(bi: &'static Bi, ui: Lang) -> &'static str {
    text(bi, ui)
}

/// The prospect's language decides the terms' language too.
fn doc_lang(ui: Lang) -> DocLang {
    match ui {
        Lang::Id => DocLang::Id,
        Lang::En => DocLang::En,
    }
}

/// The page for a prospect or for the provider reading answers; `None` in the terms mode.
/// `answers_base` is the address answers links start with (`…/terms.html#`).
#[must_use]
pub fn fit_html(page: &TermsPage, answers_base: &str) -> Option<String> {
    let ui = page.ui;
    let mut out = String::with_capacity(4096);
    match &page.mode {
        Mode::Terms => return None,
        Mode::Fit {
            shared,
            answers,
            step,
        } => match step {
            FitStep::Intro => intro(&mut out, shared, ui),
            FitStep::Question(n) => question(&mut out, *n, answers.get(*n).copied().flatten(), ui),
            FitStep::Result => {
                let complete: Vec<u8> = answers.iter().map(|a| a.unwrap_or(0)).collect();
                result(&mut out, shared, &complete, answers_base, ui);
            }
        },
        Mode::Answers { shared, answers } => provider_view(&mut out, shared, answers, ui),
    }
    Some(out)
}

fn intro(out: &mut String, shared: &Terms, ui: Lang) {
    let words = &TEMPLATE.page;
    let name = shared.fields.provider_name.trim();
    out.push_str("<h1 id=fit-title tabindex=-1>");
    element(out, "", say(&words.fit_from, ui), "");
    if !name.is_empty() {
        element(out, " <span class=user>", name, "</span>");
    }
    out.push_str("</h1>");
    element(out, "<p>", say(&words.fit_lead, ui), "</p>");
    element(
        out,
        "<h2>",
        say(&words.fit_terms, ui),
        "</h2><ul class=fit-terms>",
    );
    let lines = client_summary(shared, doc_lang(ui));
    // The summary's first and last lines speak to a client who has the agreement in hand.
    for line in lines.iter().skip(1).take(lines.len().saturating_sub(2)) {
        element(out, "<li>", line, "</li>");
    }
    out.push_str("</ul><div class=steps>");
    button(
        out,
        Act::FitStart,
        "primary",
        "fit-start",
        say(&words.fit_start, ui),
    );
    out.push_str("</div>");
}

fn question(out: &mut String, n: usize, chosen: Option<u8>, ui: Lang) {
    let words = &TEMPLATE.page;
    let Some(question) = questions().get(n) else {
        return;
    };
    let count = questions().len();
    let _ = write!(
        out,
        "<div class=\"question fit-question\" data-testid=question data-question={}><p class=progress data-testid=progress>",
        question.id
    );
    element(
        out,
        "",
        &format!(
            "{} {} {} {count}",
            say(&words.fit_question, ui),
            n + 1,
            say(&words.fit_of, ui)
        ),
        "",
    );
    let _ = write!(out, "<progress max={count} value={}></progress></p>", n + 1);
    out.push_str("<fieldset class=choices><legend><h1 class=title id=fit-title tabindex=-1>");
    element(out, "", text(&question.text, ui), "</h1></legend>");
    for (index, choice) in question.choices.iter().enumerate() {
        let selected = chosen.is_some_and(|c| usize::from(c) == index);
        let _ = write!(
            out,
            "<label class=\"choice{}\" data-testid=choice><input type=radio name=fit-choice value={index}{}>",
            if selected { " selected" } else { "" },
            if selected { " checked" } else { "" }
        );
        element(
            out,
            "<span class=choice-text>",
            text(&choice.text, ui),
            "</span></label>",
        );
    }
    out.push_str("</fieldset><div class=steps>");
    button(
        out,
        Act::FitBack,
        "secondary",
        "back",
        say(&words.fit_back, ui),
    );
    let next = if n + 1 == count {
        &words.fit_see_result
    } else {
        &words.fit_next
    };
    let _ = write!(
        out,
        "<button type=button class=primary data-act=fit-next data-testid=next{}>",
        if chosen.is_some() { "" } else { " disabled" }
    );
    element(out, "", say(next, ui), "</button></div></div>");
}

fn verdict_words(verdict: Fit) -> &'static Bi {
    let words = &TEMPLATE.page;
    match verdict {
        Fit::Fits => &words.fit_fits,
        Fit::Adjust => &words.fit_adjust,
        Fit::No => &words.fit_no,
    }
}

fn fit_code(verdict: Fit) -> &'static str {
    match verdict {
        Fit::Fits => "fits",
        Fit::Adjust => "adjust",
        Fit::No => "no",
    }
}

/// The mismatches, each with the term it touches and its way forward.
fn mismatch_list(out: &mut String, shared: &Terms, mismatches: &[&FitRule], ui: Lang) {
    if mismatches.is_empty() {
        return;
    }
    out.push_str("<ul class=fit-mismatches>");
    for rule in mismatches {
        let _ = write!(
            out,
            "<li data-term={} data-fit={}>",
            rule.term,
            fit_code(rule.fit)
        );
        element(out, "<strong>", term_title(rule, ui), "</strong>: ");
        element(out, "", &way(rule, shared, ui), "</li>");
    }
    out.push_str("</ul>");
}

/// Opens a result (the prospect's or the provider's) with its verdict and heading: `title`,
/// or the verdict's own words; returns the verdict and the mismatches.
fn open_result(
    out: &mut String,
    shared: &Terms,
    answers: &[u8],
    title: Option<&'static Bi>,
    ui: Lang,
) -> (Fit, Vec<&'static FitRule>) {
    let (verdict, mismatches) = check(shared, answers);
    let _ = write!(
        out,
        "<div class=\"result fit-result\" data-testid=fit-result data-fit={}>",
        fit_code(verdict)
    );
    element(
        out,
        "<h1 class=title id=fit-title tabindex=-1>",
        say(title.unwrap_or_else(|| verdict_words(verdict)), ui),
        "</h1>",
    );
    (verdict, mismatches)
}

fn result(out: &mut String, shared: &Terms, answers: &[u8], answers_base: &str, ui: Lang) {
    let words = &TEMPLATE.page;
    let (_, mismatches) = open_result(out, shared, answers, None, ui);
    mismatch_list(out, shared, &mismatches, ui);
    let link = answers_link(shared, answers, answers_base);
    element(out, "<section class=share data-testid=fit-send aria-labelledby=fit-send-heading><h2 id=fit-send-heading class=section-title>", say(&words.fit_send, ui), "</h2>");
    element(
        out,
        "<p id=fit-send-explain>",
        say(&words.fit_send_explain, ui),
        "</p>",
    );
    element(
        out,
        "<input type=text class=terms-link data-testid=fit-answers-link readonly aria-labelledby=fit-send-heading aria-describedby=fit-send-explain value=\"",
        &link,
        "\"><div class=actions>",
    );
    button(
        out,
        Act::FitShare,
        "primary",
        "fit-share",
        say(&words.fit_share, ui),
    );
    button(
        out,
        Act::Copy(CopyTarget::Answers),
        "secondary",
        "fit-copy-answers",
        say(&words.copy_answers, ui),
    );
    status(out, "status-answers");
    out.push_str("</div>");
    let message = prospect_message(&link, ui);
    element(
        out,
        "<textarea class=terms-summary data-testid=fit-message readonly rows=4 aria-label=\"",
        say(&words.copy_message, ui),
        "\">",
    );
    element(out, "", &message, "</textarea><div class=actions>");
    button(
        out,
        Act::Copy(CopyTarget::Message),
        "secondary",
        "fit-copy-message",
        say(&words.copy_message, ui),
    );
    status(out, "status-message");
    out.push_str("</div></section><div class=steps>");
    button(
        out,
        Act::FitChange,
        "secondary",
        "fit-change",
        say(&words.fit_change, ui),
    );
    out.push_str("</div></div>");
}

/// The address of a prospect's answers link, `answers_base` being the page's (`…/terms.html#`).
#[must_use]
pub fn answers_link(shared: &Terms, answers: &[u8], answers_base: &str) -> String {
    format!("{answers_base}{}", encode_answers(shared, answers))
}

/// The message a prospect sends with their answers link (for WhatsApp or any chat).
#[must_use]
pub fn prospect_message(link: &str, ui: Lang) -> String {
    format!("{}\n{link}", say(&TEMPLATE.page.fit_message, ui))
}

/// The reply the provider may send after reading the answers: thanks, what needs agreeing
/// with its way forward, and the next step.
#[must_use]
pub fn suggested_reply(shared: &Terms, answers: &[u8], ui: Lang) -> String {
    let words = &TEMPLATE.page;
    let (verdict, mismatches) = check(shared, answers);
    let mut reply = String::from(say(
        match verdict {
            Fit::Fits => &words.reply_fits,
            Fit::Adjust => &words.reply_adjust,
            Fit::No => &words.reply_no,
        },
        ui,
    ));
    for rule in &mismatches {
        let _ = write!(
            reply,
            "\n- {}: {}",
            term_title(rule, ui),
            way(rule, shared, ui)
        );
    }
    if verdict != Fit::Fits {
        reply.push('\n');
        reply.push_str(say(&words.reply_close, ui));
    }
    reply
}

fn provider_view(out: &mut String, shared: &Terms, answers: &[u8], ui: Lang) {
    let words = &TEMPLATE.page;
    let (verdict, mismatches) = open_result(out, shared, answers, Some(&words.answers_title), ui);
    element(out, "<p>", say(&words.answers_lead, ui), "</p>");
    out.push_str("<ol class=fit-answers data-testid=fit-answers>");
    for (question, &answer) in questions().iter().zip(answers) {
        let chosen = question.choices.get(usize::from(answer));
        let _ = write!(
            out,
            "<li data-question={} data-choice={}>",
            question.id,
            chosen.map_or("", |choice| &*choice.id)
        );
        element(
            out,
            "<span class=muted>",
            text(&question.text, ui),
            "</span><br>",
        );
        element(
            out,
            "<strong>",
            chosen.map_or("", |choice| text(&choice.text, ui)),
            "</strong></li>",
        );
    }
    out.push_str("</ol>");
    element(
        out,
        "<p class=lead>",
        say(verdict_words(verdict), ui),
        "</p>",
    );
    mismatch_list(out, shared, &mismatches, ui);
    element(
        out,
        "<h2 id=fit-reply-heading class=section-title>",
        say(&words.answers_reply, ui),
        "</h2>",
    );
    out.push_str("<textarea class=terms-summary data-testid=fit-reply readonly rows=8 aria-labelledby=fit-reply-heading>");
    element(
        out,
        "",
        &suggested_reply(shared, answers, ui),
        "</textarea><div class=actions>",
    );
    button(
        out,
        Act::Copy(CopyTarget::Reply),
        "secondary",
        "fit-copy-reply",
        say(&words.copy_reply, ui),
    );
    status(out, "status-reply");
    out.push_str("</div></div>");
}
