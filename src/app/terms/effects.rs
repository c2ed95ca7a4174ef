//! The work-terms page's effects, run after each draw: the address, storage, the document's
//! language, focus, and the marks and status lines the markup leaves empty. Each remembers
//! what it last did, so it acts only on a change.

use super::super::browser;
use crate::core::pages::{page_in, TERMS_PAGE};
use crate::core::state::LANG_KEY;
use crate::core::terms::fields::FIELDS;
use crate::core::terms::form::FormMarks;
use crate::core::terms::page::{
    FitStep, Mode, Notice, Remembered, TermsAction, TermsPage, REMEMBERED_KEY,
};
use crate::core::terms::{text, TEMPLATE};
use crate::core::text::Lang;
use wasm_bindgen::JsCast;

/// What the effects last did.
#[derive(Default)]
pub struct Memory {
    address: Option<(Option<String>, Lang)>,
    remembered: Option<Remembered>,
    document_lang: Option<Lang>,
    asked_forget: bool,
    /// Where a prospect was in the fit check.
    fit_step: Option<FitStep>,
}

/// Runs every effect for `page`; returns the actions they call for (a refused storage write).
pub fn run(page: &TermsPage, memory: &mut Memory) -> Vec<TermsAction> {
    keep_address(page, memory);
    if memory.document_lang != Some(page.ui) {
        // A switch (not the first draw) is the reader's choice, kept as the quiz keeps it, so
        // going back to the quiz does not undo it.
        if memory.document_lang.is_some() {
            browser::store_item(LANG_KEY, Some(page.ui.code()));
        }
        memory.document_lang = Some(page.ui);
        browser::set_document_lang(page.ui, text(&TEMPLATE.page.heading, page.ui));
    }
    move_focus(page.confirm_forget, memory);
    follow_fit_step(page, memory);
    remember(page, memory)
}

/// Keeps the terms' link in the address, so a reload or a bookmark keeps them, and the page's
/// language in its query. Not on the first draw: the address is then what the reader opened
/// (a damaged link stays there for them to see). While a field is not right, the address keeps
/// the rest (`TermsPage::nearest_valid`). Replacing never adds a history entry.
fn keep_address(page: &TermsPage, memory: &mut Memory) {
    let shown = (page.address_link(), page.ui);
    if memory.address.as_ref() == Some(&shown) {
        return;
    }
    let first = memory.address.is_none();
    if let (false, (Some(link), lang)) = (first, &shown) {
        let mut url = browser::app_base();
        url.push_str(&page_in(TERMS_PAGE, *lang));
        url.push('#');
        url.push_str(link);
        browser::replace_address(&url);
    }
    memory.address = Some(shown);
}

/// Keeps storage in step with "remember": the terms' link while it is on, nothing once it is
/// off. A refused write turns remembering off and says so, rather than pretending.
fn remember(page: &TermsPage, memory: &mut Memory) -> Vec<TermsAction> {
    let wanted = page.to_remember();
    if memory.remembered.as_ref() == Some(&wanted) {
        return Vec::new();
    }
    let stored = match &wanted {
        Remembered::Nothing => browser::store_item(REMEMBERED_KEY, None),
        Remembered::Link(link) => browser::store_item(REMEMBERED_KEY, Some(link)),
        Remembered::Unchanged => true,
    };
    let refused = !stored && wanted != Remembered::Nothing;
    memory.remembered = Some(wanted);
    if refused {
        vec![
            TermsAction::Remember(false),
            TermsAction::Notice(Notice::StorageUnavailable),
        ]
    } else {
        Vec::new()
    }
}

/// Moves focus to the forget question when it appears, so a keyboard or screen-reader user is
/// taken to it, and back to the forget button once it is answered.
fn move_focus(asking: bool, memory: &mut Memory) {
    let target = match (asking, memory.asked_forget) {
        (true, false) => "#terms-forget-question",
        (false, true) => "[data-act=forget]",
        _ => return,
    };
    memory.asked_forget = asking;
    if let Some(element) =
        browser::element(target).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Each new step of the fit check takes focus to its heading (as the quiz does for each new
/// question), so a screen reader reads it and the keyboard starts there.
fn follow_fit_step(page: &TermsPage, memory: &mut Memory) {
    let Mode::Fit { step, .. } = &page.mode else {
        return;
    };
    let moved = memory.fit_step.is_some_and(|before| before != *step);
    memory.fit_step = Some(*step);
    if moved {
        if let Some(heading) =
            browser::element("#fit-title").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    }
}

fn write_text(id: &str, words: &str) {
    if let Some(element) = browser::element(&format!("#{id}")) {
        if element.text_content().as_deref() != Some(words) {
            element.set_text_content(Some(words));
        }
    }
}

/// Writes the form's counters, rupiah amounts and problem lines, and marks the fields with a
/// problem (the form's markup is not rewritten as the reader types; see `core::terms::form`).
pub fn write_marks(marks: &FormMarks) {
    for (id, words) in &marks.texts {
        write_text(id, words);
    }
    for spec in FIELDS {
        if let Some(input) = browser::element(&format!("#field-{}", spec.name)) {
            let _ = if marks.invalid.contains(&spec.name) {
                input.set_attribute("aria-invalid", "true")
            } else {
                input.remove_attribute("aria-invalid")
            };
        }
    }
}

/// Writes the status lines (a copy done, a file opened, the device forgotten), which the
/// markup leaves empty, so a message is announced without rewriting the part around it.
pub fn write_status_lines(lines: &[(&str, &str)]) {
    for (id, words) in lines {
        write_text(id, words);
    }
}
