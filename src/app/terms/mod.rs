//! The work-terms page: a form of the provider's own numbers, a live preview of the agreement,
//! and the ways to send it (print, copy, files, a client summary, a link).
//!
//! A page of its own (terms.html, `src/bin/terms.rs`) with its own wasm: readers of the quiz
//! never download it. Its words are the template's (`core::terms::TEMPLATE`), both languages
//! in its wasm, so it needs neither text pack.
//!
//! Unlike the quiz and the builder, this page has no yew. Every part of it is markup the core
//! writes (`core::terms::form`, `sections`, `to_html`), its state is the core's one reducer
//! (`core::terms::page::reduce`), and it listens once for input, change and click; yew's
//! runtime alone is 47 KB gzip, and with it the page measured 111 KB of wasm against a budget
//! of 110 KB for the whole page. What is left here is a view that writes each part's markup
//! into its place when it changed, and the effects (`effects`) that keep the address,
//! storage, the form's marks and the status lines in step with the state.

mod effects;
mod files;

use super::browser;
use crate::core::query::lang_from_query;
use crate::core::state::{LANG_KEY, THEME_KEY};
use crate::core::terms::fit_view::{answers_link, fit_html, prospect_message, suggested_reply};
use crate::core::terms::form::{action_for_input, form_html, form_marks};
use crate::core::terms::json::{to_json, to_text};
use crate::core::terms::link::encode_fit;
use crate::core::terms::page::{
    reduce, CopyTarget, Mode, Notice, TermsAction, TermsPage, TermsStartup, REMEMBERED_KEY,
};
use crate::core::terms::sections::{
    device_html, file_html, header_html, intro_html, notice_marks, preview_heading_html, send_html,
    Act,
};
use crate::core::terms::{client_summary, render, to_html, to_markdown, to_plain_text};
use crate::core::text::{Lang, Theme};
use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The page's parts, each rewritten only when its markup changed.
const PARTS: [&str; 7] = [
    "terms-header",
    "terms-intro",
    "terms-form",
    "terms-preview",
    "terms-send",
    "terms-file",
    "terms-device",
];

/// The skeleton the parts are written into.
fn skeleton(theme: Theme) -> String {
    format!(
        "<div class=\"cek-klien terms-page\" data-theme={}><div class=frame><div id=terms-header></div>\
         <main class=\"screen terms-main\"><div id=terms-intro></div>\
         <form class=terms-form data-testid=terms-form aria-labelledby=terms-form-heading id=terms-form></form>\
         <section class=terms-preview-section aria-labelledby=terms-preview-heading id=terms-preview tabindex=0></section>\
         <div id=terms-send></div><div id=terms-file></div><div id=terms-device></div></main></div></div>",
        theme.code()
    )
}

/// The page as it stands: the state, what each part shows, and what the click listener needs.
struct View {
    page: TermsPage,
    parts: Vec<Option<web_sys::Element>>,
    shown: Vec<String>,
    /// The form's markup is rewritten only for a new page language or terms that changed from
    /// outside the form (see `core::terms::form`).
    form_for: Option<(Lang, u32)>,
    /// What each copy button copies, as shown (by `CopyTarget::index`).
    copies: Vec<String>,
    effects: effects::Memory,
}

/// Mounts the page on terms.html's `[data-cek-klien-terms]` element.
pub fn mount_terms() {
    let Some(root) = browser::element("[data-cek-klien-terms]") else {
        return;
    };
    super::mount::claim_root(&root);
    let (page, theme) = startup();
    root.set_inner_html(&skeleton(theme));
    let parts = PARTS
        .iter()
        .map(|id| browser::element(&format!("#{id}")))
        .collect();
    let view = Rc::new(RefCell::new(View {
        page,
        parts,
        shown: vec![String::new(); PARTS.len()],
        form_for: None,
        copies: vec![String::new(); CopyTarget::ALL.len()],
        effects: effects::Memory::default(),
    }));
    update(&view, None);
    listen(&root, &view);
}

/// The page's language (`?lang=`, else the one this device chose in the quiz, else the
/// browser's), its theme (the quiz's), and the remembered terms, read once.
fn startup() -> (TermsPage, Theme) {
    let stored = browser::read_storage().unwrap_or_default();
    let item = |key: &str| {
        stored
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, value)| value.as_str())
    };
    let ui = lang_from_query(&browser::search())
        .or_else(|| item(LANG_KEY).and_then(Lang::from_code))
        .unwrap_or_else(browser::browser_lang);
    let theme = item(THEME_KEY)
        .and_then(Theme::from_code)
        .unwrap_or_default();
    let fragment = browser::fragment();
    let page = TermsPage::start(TermsStartup {
        fragment: &fragment,
        ui,
        remembered: item(REMEMBERED_KEY),
    });
    (page, theme)
}

/// Applies an action (none on the first draw), redraws what changed and runs the effects; an
/// effect's own follow-up actions are applied after, never inside, the view's borrow.
fn update(view: &Rc<RefCell<View>>, action: Option<TermsAction>) {
    let follow_up = {
        let Ok(mut view) = view.try_borrow_mut() else {
            return;
        };
        if let Some(action) = action {
            view.page = reduce(view.page.clone(), action);
        }
        draw(&mut view);
        let View { page, effects, .. } = &mut *view;
        effects::run(page, effects)
    };
    for action in follow_up {
        update(view, Some(action));
    }
}

fn draw(view: &mut View) {
    let page = &view.page;
    let lang = page.ui;
    let mut base = browser::app_base();
    base.push_str(crate::core::pages::TERMS_PAGE);
    base.push('#');
    if let Some(fit) = fit_html(page, &base) {
        let for_provider = !matches!(page.mode, Mode::Fit { .. });
        let markup = [
            header_html(lang, for_provider),
            fit,
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ];
        show(view, markup.map(Some));
        let page = &view.page;
        let mut copies = vec![String::new(); CopyTarget::ALL.len()];
        match &page.mode {
            Mode::Fit { shared, .. } => {
                if let Some(answers) = page.mode.complete_answers() {
                    let link = answers_link(shared, &answers, &base);
                    copies[CopyTarget::Message.index()] = prospect_message(&link, lang);
                    copies[CopyTarget::Answers.index()] = link;
                }
            }
            Mode::Answers { shared, answers } => {
                copies[CopyTarget::Reply.index()] = suggested_reply(shared, answers, lang);
            }
            Mode::Terms => {}
        }
        view.copies = copies;
        effects::write_status_lines(&notice_marks(page.notice, lang));
        return;
    }
    let errors = page.errors();
    let doc = render(&page.terms, page.terms.lang);
    let plain = to_plain_text(&doc);
    let summary = client_summary(&page.terms, page.terms.lang).join("\n");
    let link = page.link().map(|fragment| format!("{base}{fragment}"));
    let fit_link = link
        .as_ref()
        .map(|_| format!("{base}{}", encode_fit(&page.terms)));
    let json = errors.is_empty().then(|| to_text(&to_json(&page.terms)));
    let form_for = (lang, page.form_generation);
    let form = if view.form_for == Some(form_for) {
        None
    } else {
        Some(form_html(&page.terms, lang))
    };
    let markup = [
        Some(header_html(lang, true)),
        Some(intro_html(page)),
        form,
        Some(preview_heading_html(lang, errors.is_empty()) + &to_html(&doc)),
        Some(send_html(
            page,
            &plain,
            &to_markdown(&doc),
            &summary,
            link.as_deref().zip(fit_link.as_deref()),
        )),
        Some(file_html(page, json.as_deref())),
        Some(device_html(page)),
    ];
    show(view, markup);
    view.form_for = Some(form_for);
    let page = &view.page;
    effects::write_marks(&form_marks(&page.terms, &errors, lang));
    effects::write_status_lines(&notice_marks(page.notice, lang));
    let mut copies = vec![String::new(); CopyTarget::ALL.len()];
    copies[CopyTarget::Text.index()] = plain;
    copies[CopyTarget::Summary.index()] = summary;
    copies[CopyTarget::Link.index()] = link.unwrap_or_default();
    copies[CopyTarget::FitLink.index()] = fit_link.unwrap_or_default();
    view.copies = copies;
}

/// Writes each part whose markup changed (`None`: leave it as it is); an empty part is hidden,
/// so no empty region or form is left for a screen reader.
fn show(view: &mut View, markup: [Option<String>; 7]) {
    for (index, markup) in markup.into_iter().enumerate() {
        let Some(markup) = markup else { continue };
        if view.shown[index] != markup {
            if let Some(Some(part)) = view.parts.get(index) {
                part.set_inner_html(&markup);
                let _ = if markup.is_empty() {
                    part.set_attribute("hidden", "")
                } else {
                    part.remove_attribute("hidden")
                };
            }
            view.shown[index] = markup;
        }
    }
}

/// The page's listeners, one per kind of event, for the page's lifetime.
fn listen(root: &web_sys::Element, view: &Rc<RefCell<View>>) {
    let on = |kind: &'static str, handle: fn(&Rc<RefCell<View>>, &web_sys::Event)| {
        let view = view.clone();
        EventListener::new(root, kind, move |event| handle(&view, event)).forget();
    };
    on("input", |view, event| input(view, event, false));
    on("change", |view, event| input(view, event, true));
    on("click", click);
    on("submit", |_, event| event.prevent_default());
}

/// A button's `data-act` says what to do.
fn click(view: &Rc<RefCell<View>>, event: &web_sys::Event) {
    let act = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|target| target.closest("[data-act]").ok().flatten())
        .and_then(|button| button.get_attribute("data-act"))
        .and_then(|code| Act::from_code(&code));
    let Some(act) = act else { return };
    let Ok((lang, copies)) = view
        .try_borrow()
        .map(|view| (view.page.ui, view.copies.clone()))
    else {
        return;
    };
    let copy = |target: CopyTarget| {
        let view = view.clone();
        browser::copy_text(&copies[target.index()], move |ok| {
            let notice = if ok {
                Notice::Copied(target)
            } else {
                Notice::CopyFailed(target)
            };
            update(&view, Some(TermsAction::Notice(notice)));
        });
    };
    let action = match act {
        Act::SwitchLanguage => TermsAction::Ui(lang.other()),
        Act::Print => return browser::print(),
        Act::Copy(target) => return copy(target),
        Act::FitShare if browser::can_share() => {
            let title = crate::core::terms::text(&crate::core::terms::TEMPLATE.page.fit_send, lang);
            return browser::share(title, &copies[CopyTarget::Answers.index()]);
        }
        Act::FitShare => return copy(CopyTarget::Answers),
        Act::FitStart => TermsAction::FitStart,
        Act::FitNext => TermsAction::FitNext,
        Act::FitBack => TermsAction::FitBack,
        Act::FitChange => TermsAction::FitChange,
        Act::Forget => TermsAction::Forget,
        Act::ForgetConfirmed => {
            browser::forget_device();
            // The address holds the terms too: after a forget, a reload must not bring them
            // back.
            let mut address = browser::app_base();
            address.push_str(&crate::core::pages::page_in(
                crate::core::pages::TERMS_PAGE,
                lang,
            ));
            browser::replace_address(&address);
            TermsAction::ForgetConfirmed
        }
        Act::ForgetDeclined => TermsAction::ForgetDeclined,
    };
    update(view, Some(action));
}

/// What is typed, ticked or picked: the target's name, value and state go to the core
/// (`action_for_input`); "remember" and the file input are the page's own. A checkbox, radio,
/// list or file input fires both `input` and `change`: only its `change` counts (`choices`),
/// and only `input` for what is typed.
fn input(view: &Rc<RefCell<View>>, event: &web_sys::Event, choices: bool) {
    let Some(target) = event.target() else {
        return;
    };
    let get = |property: &str| js_sys::Reflect::get(&target, &property.into()).ok();
    let string = |property: &str| {
        get(property)
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    };
    let kind = string("type");
    if matches!(kind.as_str(), "checkbox" | "radio" | "select-one" | "file") != choices {
        return;
    }
    let name = string("name");
    let checked = get("checked").and_then(|v| v.as_bool()).unwrap_or(false);
    if kind == "file" {
        let Ok(file_input) = target.dyn_into::<web_sys::HtmlInputElement>() else {
            return;
        };
        let Some(file) = file_input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // The same file can be chosen again after it is fixed.
        file_input.set_value("");
        let view = view.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let read = files::read_terms(file).await;
            update(&view, Some(TermsAction::Import(Box::new(read))));
        });
    } else if name == "remember" {
        update(view, Some(TermsAction::Remember(checked)));
    } else if name == "fit-choice" {
        if let Ok(choice) = string("value").parse() {
            update(view, Some(TermsAction::FitChoose(choice)));
        }
    } else if let Some(action) = action_for_input(&name, &string("value"), checked) {
        update(view, Some(action));
    }
}
