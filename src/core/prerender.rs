//! The intro as static HTML, written into index.html at build time so the first screen paints
//! before the wasm arrives (on a slow phone connection that is seconds). It mirrors the yew
//! `Intro` screen's markup and classes; a browser test checks that the two show the same text
//! and layout, so they cannot drift apart unnoticed. Its buttons carry no `data-testid`: the
//! test hooks appear only once the app is live.

use super::bank::Bank;
use super::banks::quiz_facts;
use super::html::element;
use super::pages::{page_in, BUILDER_PAGE, SAVED_PAGE, TERMS_PAGE};
use super::text::Lang;
use super::ui_text::Ui;

/// The intro screen in `lang` as HTML, the same markup the live intro renders.
#[must_use]
pub fn intro(lang: Lang, banks: &[&Bank]) -> String {
    let t = |ui: Ui| ui.text(lang);
    let mut html = String::with_capacity(4096);
    html.push_str("<div class=\"cek-klien\" data-theme=\"auto\" lang=\"");
    html.push_str(lang.code());
    html.push_str("\"><div class=\"frame\"><header class=\"bar\">");
    element(
        &mut html,
        "<span class=\"brand\">",
        t(Ui::AppName),
        "</span>",
    );
    html.push_str("<span class=\"bar-actions\">");
    element(
        &mut html,
        "<button type=\"button\" class=\"theme-switch\" disabled>",
        t(Ui::ThemeAutoShort),
        "</button>",
    );
    html.push_str("<button type=\"button\" class=\"lang-switch\" disabled lang=\"");
    html.push_str(lang.other().code());
    element(&mut html, "\">", t(Ui::SwitchLanguage), "</button>");
    html.push_str("</span></header><main class=\"screen\"><section class=\"intro\">");
    element(&mut html, "<h1 class=\"title\">", t(Ui::Tagline), "</h1>");
    element(
        &mut html,
        "<p class=\"privacy\">",
        t(Ui::PrivacyNote),
        "</p>",
    );
    element(
        &mut html,
        "<h2 class=\"section-title\">",
        t(Ui::ChooseQuiz),
        "</h2>",
    );
    html.push_str("<ul class=\"quiz-list\">");
    for bank in banks {
        html.push_str("<li class=\"quiz-card\">");
        element(
            &mut html,
            "<h3 class=\"item-title\">",
            bank.title.get(lang),
            "</h3>",
        );
        card_text(&mut html, bank, lang);
        element(
            &mut html,
            "<button type=\"button\" class=\"primary\" disabled>",
            t(Ui::Start),
            "</button>",
        );
        html.push_str("</li>");
    }
    html.push_str("</ul>");
    element(
        &mut html,
        "<p class=\"muted keyboard-hint\">",
        t(Ui::HowItWorks),
        "</p>",
    );
    html.push_str("<div class=\"page-links\"><p><a href=\"");
    html.push_str(&page_in(SAVED_PAGE, lang));
    element(&mut html, "\">", t(Ui::SavedLink), "</a></p><p><a href=\"");
    html.push_str(&page_in(TERMS_PAGE, lang));
    element(&mut html, "\">", t(Ui::TermsOpen), "</a></p><p><a href=\"");
    html.push_str(&page_in(BUILDER_PAGE, lang));
    element(&mut html, "\">", t(Ui::BuilderOpen), "</a></p></div>");
    html.push_str("<footer class=\"device-data\">");
    element(&mut html, "<p class=\"muted\">", t(Ui::ForgetHint), "</p>");
    element(
        &mut html,
        "<button type=\"button\" class=\"secondary\" disabled>",
        t(Ui::ForgetDevice),
        "</button>",
    );
    html.push_str("</footer></section></main></div></div>");
    html
}

/// A quiz card's text below its title: the summary and the "N questions, about M minutes"
/// line, as the live intro and this prerender both write it.
pub fn card_text(html: &mut String, bank: &Bank, lang: Lang) {
    element(html, "<p>", bank.summary.get(lang), "</p>");
    element(html, "<p class=\"muted\">", &quiz_facts(bank, lang), "</p>");
}
