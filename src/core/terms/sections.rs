//! The work-terms page's parts other than the form and the agreement, as markup: its heading
//! and notes, the ways to send the terms, the JSON file, and this device's storage.
//!
//! Like the form (see `form`), they are written as text because building them element by
//! element in yew cost more wasm than the page's budget allows. Their buttons carry a
//! `data-act` that the page's one click listener reads (`Act`); the short messages after an
//! action go into status lines left empty here (`notice_marks`), so a message is announced
//! without rewriting the part around it.

use super::page::{label, link_problem, problem_text, CopyTarget, Notice, Opened, TermsPage};
use super::{outcome_note, text, Bi, TEMPLATE};
use crate::core::html::element;
use crate::core::text::Lang;
use std::fmt::Write;

/// What a button of these parts does (its `data-act`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    SwitchLanguage,
    Print,
    Copy(CopyTarget),
    Forget,
    ForgetConfirmed,
    ForgetDeclined,
    /// The fit check's steps (see `page::FitStep`).
    FitStart,
    FitNext,
    FitBack,
    FitChange,
    /// The system share sheet for a prospect's answers link (copied where there is none).
    FitShare,
}

const ACTS: [(&str, Act); 17] = [
    ("lang", Act::SwitchLanguage),
    ("print", Act::Print),
    ("copy-text", Act::Copy(CopyTarget::Text)),
    ("copy-summary", Act::Copy(CopyTarget::Summary)),
    ("copy-link", Act::Copy(CopyTarget::Link)),
    ("copy-fit-link", Act::Copy(CopyTarget::FitLink)),
    ("copy-answers", Act::Copy(CopyTarget::Answers)),
    ("copy-message", Act::Copy(CopyTarget::Message)),
    ("copy-reply", Act::Copy(CopyTarget::Reply)),
    ("forget", Act::Forget),
    ("forget-yes", Act::ForgetConfirmed),
    ("forget-no", Act::ForgetDeclined),
    ("fit-start", Act::FitStart),
    ("fit-next", Act::FitNext),
    ("fit-back", Act::FitBack),
    ("fit-change", Act::FitChange),
    ("fit-share", Act::FitShare),
];

/// The status line next to a copy button.
fn status_id(target: CopyTarget) -> &'static str {
    match target {
        CopyTarget::Text => "status-text",
        CopyTarget::Summary => "status-summary",
        CopyTarget::Link => "status-link",
        CopyTarget::FitLink => "status-fit-link",
        CopyTarget::Answers => "status-answers",
        CopyTarget::Message => "status-message",
        CopyTarget::Reply => "status-reply",
    }
}

impl Act {
    /// The act a button's `data-act` names.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Act> {
        ACTS.iter()
            .find(|(name, _)| *name == code)
            .map(|(_, act)| *act)
    }

    fn code(self) -> &'static str {
        ACTS.iter()
            .find(|(_, act)| *act == self)
            .map_or("", |(name, _)| name)
    }
}

/// A `data:` URL holding `text` as a file of type `mime`, percent-encoded as
/// `encodeURIComponent` does, so any character survives.
#[must_use]
pub fn data_url(mime: &str, text: &str) -> String {
    let mut url = format!("data:{mime};charset=utf-8,");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            url.push(char::from(byte));
        } else {
            let _ = write!(url, "%{byte:02X}");
        }
    }
    url
}

pub(super) fn button(out: &mut String, act: Act, class: &str, testid: &str, words: &str) {
    let _ = write!(
        out,
        "<button type=button class=\"{class}\" data-act={} data-testid={testid}>",
        act.code()
    );
    element(out, "", words, "</button>");
}

pub(super) fn status(out: &mut String, id: &str) {
    let _ = write!(out, "<span class=copy-feedback role=status id={id}></span>");
}

/// The bar above the page: back to the quiz (for a prospect, who never came from it, the app's
/// name), and the page's language.
#[must_use]
pub fn header_html(ui: Lang, for_provider: bool) -> String {
    let words = &TEMPLATE.page;
    let mut out = format!(
        "<header class=\"bar terms-bar\"><a class=terms-back href=\"./?lang={}\">",
        ui.code()
    );
    let back = if for_provider {
        text(&words.back_to_quiz, ui)
    } else {
        "Cek Klien"
    };
    element(&mut out, "", back, "</a>");
    let _ = write!(
        out,
        "<button type=button class=lang-switch data-act={} data-testid=lang-switch lang={}>",
        Act::SwitchLanguage.code(),
        ui.other().code(),
    );
    element(
        &mut out,
        "",
        text(&words.other_language, ui),
        "</button></header>",
    );
    out
}

/// The heading, what the page is for, that it is not legal advice, and how the terms on screen
/// came to be there when the reader should know.
#[must_use]
pub fn intro_html(page: &TermsPage) -> String {
    let ui = page.ui;
    let words = &TEMPLATE.page;
    let say = |bi: &'static Bi| text(bi, ui);
    let mut out = String::new();
    element(&mut out, "<h1>", say(&words.heading), "</h1>");
    element(&mut out, "<p>", say(&words.lead), "</p>");
    element(
        &mut out,
        "<p class=terms-not-advice data-testid=terms-not-advice>",
        say(&words.not_advice),
        "</p>",
    );
    match &page.opened {
        Opened::BadLink(error) => {
            element(
                &mut out,
                "<div class=\"notice error\" role=alert data-testid=error><p>",
                link_problem(*error, ui),
                "</p>",
            );
            element(&mut out, "<p>", say(&words.link_way_forward), "</p></div>");
        }
        Opened::BadRemembered => element(
            &mut out,
            "<p class=\"notice error\" role=alert data-testid=error>",
            say(&words.stored_unreadable),
            "</p>",
        ),
        Opened::FromResult => {
            out.push_str("<div class=notice data-testid=terms-from-result>");
            if let Some(note) = page.terms.from_outcome.as_deref().and_then(outcome_note) {
                element(&mut out, "<p>", text(note, ui), "</p>");
            }
            element(&mut out, "<p>", say(&words.from_result), "</p></div>");
        }
        Opened::Fresh | Opened::FromLink | Opened::Remembered => {}
    }
    out
}

/// The agreement's heading above it (the agreement itself is `to_html`'s), and a warning
/// while a field is not right (printed too, should the reader print the page anyway).
#[must_use]
pub fn preview_heading_html(ui: Lang, ready: bool) -> String {
    let mut out = String::new();
    element(
        &mut out,
        "<h2 id=terms-preview-heading>",
        text(&TEMPLATE.page.preview, ui),
        "</h2>",
    );
    if !ready {
        element(
            &mut out,
            "<p class=\"notice error not-ready\" data-testid=terms-not-ready>",
            text(&TEMPLATE.page.preview_not_ready, ui),
            "</p>",
        );
    }
    out
}

/// What the page offers to send the terms: print, copy, the two downloads, the client summary
/// and the links. Only for terms without a problem (`links` is `Some` then): an agreement with
/// a value its field does not accept is never printed, copied or sent; the fields to fix are
/// named instead.
#[must_use]
pub fn send_html(
    page: &TermsPage,
    plain: &str,
    markdown: &str,
    summary: &str,
    links: Option<(&str, &str)>,
) -> String {
    let ui = page.ui;
    let words = &TEMPLATE.page;
    let say = |bi: &'static Bi| text(bi, ui);
    let mut out = String::with_capacity(4 * (plain.len() + markdown.len()));
    out.push_str("<section class=terms-send aria-labelledby=terms-send-heading>");
    let Some((link, fit_link)) = links else {
        element(
            &mut out,
            "<h2 id=terms-send-heading>",
            say(&words.send),
            "</h2>",
        );
        element(
            &mut out,
            "<div class=\"notice error\" data-testid=terms-fix-first><p>",
            say(&words.fix_first),
            "</p><ul>",
        );
        for error in page.errors() {
            let _ = write!(out, "<li><a href=#field-{}>", error.field);
            element(&mut out, "", label(error.field, ui), "</a></li>");
        }
        out.push_str("</ul></div></section>");
        return out;
    };
    element(
        &mut out,
        "<h2 id=terms-send-heading>",
        say(&words.send),
        "</h2>",
    );
    out.push_str("<div class=actions>");
    button(
        &mut out,
        Act::Print,
        "primary",
        "terms-print",
        say(&words.print),
    );
    button(
        &mut out,
        Act::Copy(CopyTarget::Text),
        "secondary",
        "terms-copy",
        say(&words.copy_text),
    );
    status(&mut out, "status-text");
    out.push_str("</div><div class=actions>");
    for (name, mime, body, testid, words) in [
        (
            "perjanjian-kerja.txt",
            "text/plain",
            plain,
            "terms-download",
            &words.download_txt,
        ),
        (
            "perjanjian-kerja.md",
            "text/markdown",
            markdown,
            "terms-download-md",
            &words.download_md,
        ),
    ] {
        let _ = write!(
            out,
            "<a class=\"button secondary\" data-testid={testid} download={name} href=\"{}\">",
            data_url(mime, body)
        );
        element(&mut out, "", say(words), "</a>");
    }
    out.push_str("</div>");
    element(
        &mut out,
        "<h3 id=terms-summary-heading>",
        say(&words.summary),
        "</h3>",
    );
    element(
        &mut out,
        "<p id=terms-summary-explain>",
        say(&words.summary_explain),
        "</p>",
    );
    let _ = write!(
        out,
        "<textarea class=terms-summary data-testid=terms-summary readonly rows={} aria-labelledby=terms-summary-heading aria-describedby=terms-summary-explain>",
        summary.lines().count() + 1
    );
    element(&mut out, "", summary, "</textarea><div class=actions>");
    button(
        &mut out,
        Act::Copy(CopyTarget::Summary),
        "secondary",
        "terms-copy-summary",
        say(&words.copy_summary),
    );
    status(&mut out, "status-summary");
    out.push_str("</div>");
    element(
        &mut out,
        "<h3 id=terms-link-heading>",
        say(&words.link),
        "</h3>",
    );
    element(
        &mut out,
        "<p id=terms-link-explain>",
        say(&words.link_explain),
        "</p>",
    );
    element(
        &mut out,
        "<input type=text class=terms-link data-testid=terms-link readonly aria-labelledby=terms-link-heading aria-describedby=terms-link-explain value=\"",
        link,
        "\"><div class=actions>",
    );
    button(
        &mut out,
        Act::Copy(CopyTarget::Link),
        "secondary",
        "terms-copy-link",
        say(&words.copy_link),
    );
    status(&mut out, "status-link");
    out.push_str("</div>");
    element(&mut out, "<h3 id=fit-heading>", say(&words.fit), "</h3>");
    element(
        &mut out,
        "<p id=fit-explain>",
        say(&words.fit_explain),
        "</p>",
    );
    element(&mut out, "<p class=hint>", say(&words.fit_where), "</p>");
    element(
        &mut out,
        "<input type=text class=terms-link data-testid=fit-link readonly aria-labelledby=fit-heading aria-describedby=fit-explain value=\"",
        fit_link,
        "\"><div class=actions>",
    );
    button(
        &mut out,
        Act::Copy(CopyTarget::FitLink),
        "secondary",
        "fit-copy-link",
        say(&words.copy_fit_link),
    );
    status(&mut out, status_id(CopyTarget::FitLink));
    out.push_str("</div>");
    out.push_str("</section>");
    out
}

/// The terms as a JSON file to keep, and a way to open one; a file that was refused lists
/// its fields and what is wrong with each.
#[must_use]
pub fn file_html(page: &TermsPage, json: Option<&str>) -> String {
    let ui = page.ui;
    let words = &TEMPLATE.page;
    let say = |bi: &'static Bi| text(bi, ui);
    let mut out = String::from("<section class=terms-file aria-labelledby=terms-file-heading>");
    element(
        &mut out,
        "<h2 id=terms-file-heading>",
        say(&words.file),
        "</h2>",
    );
    element(
        &mut out,
        "<p>",
        say(&words.file_explain),
        "</p><div class=actions>",
    );
    if let Some(json) = json {
        let _ = write!(
            out,
            "<a class=\"button secondary\" data-testid=terms-export download=ketentuan-kerja.json href=\"{}\">",
            data_url("application/json", json)
        );
        element(&mut out, "", say(&words.export_json), "</a>");
    }
    element(
        &mut out,
        "<label class=\"button secondary file-button\">",
        say(&words.import_json),
        "",
    );
    out.push_str("<input type=file accept=\".json,application/json\" data-testid=terms-import></label></div>");
    out.push_str(
        "<p class=copy-feedback role=status id=status-file data-testid=terms-import-status></p>",
    );
    if !page.rejected_import.is_empty() {
        element(
            &mut out,
            "<div class=\"notice error\" role=alert data-testid=terms-import-errors><p>",
            say(&words.import_rejected),
            "</p><ul>",
        );
        for error in &page.rejected_import {
            let name = match label(error.field, ui) {
                "" => error.field,
                name => name,
            };
            let _ = write!(out, "<li data-field={}>", error.field);
            element(
                &mut out,
                "",
                &format!("{name}: {}", problem_text(error, ui)),
                "</li>",
            );
        }
        out.push_str("</ul></div>");
    }
    out.push_str("</section>");
    out
}

/// Remembering the terms on this device, and forgetting everything the app keeps here.
#[must_use]
pub fn device_html(page: &TermsPage) -> String {
    let ui = page.ui;
    let words = &TEMPLATE.page;
    let say = |bi: &'static Bi| text(bi, ui);
    let mut out = String::from("<section class=terms-device aria-labelledby=terms-device-heading>");
    element(
        &mut out,
        "<h2 id=terms-device-heading>",
        say(&words.device),
        "</h2>",
    );
    let checked = if page.remember { " checked" } else { "" };
    let _ = write!(
        out,
        "<label class=check><input type=checkbox name=remember data-testid=terms-remember aria-describedby=terms-remember-explain{checked}>"
    );
    element(&mut out, "", say(&words.remember), "</label>");
    element(
        &mut out,
        "<p id=terms-remember-explain class=hint>",
        say(&words.remember_explain),
        "</p>",
    );
    if page.confirm_forget {
        element(
            &mut out,
            "<div class=confirm role=group aria-labelledby=terms-forget-question data-testid=confirm><p id=terms-forget-question tabindex=-1>",
            say(&words.forget_question),
            "</p>",
        );
        button(
            &mut out,
            Act::ForgetConfirmed,
            "",
            "confirm-yes",
            say(&words.forget_yes),
        );
        button(
            &mut out,
            Act::ForgetDeclined,
            "secondary",
            "confirm-no",
            say(&words.forget_no),
        );
        out.push_str("</div>");
    } else {
        button(
            &mut out,
            Act::Forget,
            "secondary",
            "terms-forget",
            say(&words.forget),
        );
    }
    out.push_str("<p class=copy-feedback role=status id=status-device></p></section>");
    out
}

/// The status lines of the page by id, each with the message it shows now (most empty).
#[must_use]
pub fn notice_marks(notice: Option<Notice>, ui: Lang) -> Vec<(&'static str, &'static str)> {
    let words = &TEMPLATE.page;
    let shown = notice.map(|notice| match notice {
        Notice::Copied(target) | Notice::CopyFailed(target) => {
            let id = status_id(target);
            let bi = if matches!(notice, Notice::Copied(_)) {
                &words.copied
            } else {
                &words.copy_failed
            };
            (id, bi)
        }
        Notice::Imported => ("status-file", &words.imported),
        Notice::ImportUnreadable => ("status-file", &words.import_unreadable),
        Notice::Forgotten => ("status-device", &words.forgotten),
        Notice::StorageUnavailable => ("status-device", &words.storage_unavailable),
    });
    CopyTarget::ALL
        .into_iter()
        .map(status_id)
        .chain(["status-file", "status-device"])
        .map(|id| match shown {
            Some((shown_id, bi)) if shown_id == id => (id, text(bi, ui)),
            _ => (id, ""),
        })
        .collect()
}
