//! Assessments the provider saved on this device under a client's name: what storage holds for
//! them (only each result's link and the name, under the app's own key), and the intro's list
//! and side-by-side comparison as markup. A freelancer comes back to the same client after a
//! trial week; the list is how they find the first verdict again and see what changed.

use super::bank::Bank;
use super::classify::{classify, Answers, Lead};
use super::html::element;
use super::link::{self, Fragment};
use super::pages::{page_in, SAVED_PAGE};
use super::text::Lang;
use super::ui_text::Ui;

/// The one storage key of the whole list: one key keeps a rename or a delete a single write,
/// which another tab then reads whole.
pub const SAVED_KEY: &str = "cek-klien.saved";

/// The key, in the tab's session, under which a saved result's link leaves its client's name
/// as it is followed (`#fragment`, a line break, the name): the quiz puts it back in the
/// result's name field, for the printout or to save it again.
pub const REOPENED_KEY: &str = "cek-klien.reopened";

/// A name longer than this is cut: it labels a list item on a phone, not a contract.
pub const MAX_NAME_CHARS: usize = 60;

/// A comparison shows at most this many results side by side; more do not fit a phone.
pub const MAX_COMPARED: usize = 3;

/// One saved assessment. `at` (milliseconds since 1970, when it was saved) is also its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedResult {
    pub at: u64,
    pub name: String,
    pub quiz: usize,
    pub lang: Lang,
    pub answers: Answers,
}

impl SavedResult {
    /// The address-bar fragment that reopens it as the provider's own result.
    #[must_use]
    pub fn fragment(&self, banks: &[&Bank]) -> Option<String> {
        banks
            .get(self.quiz)
            .map(|bank| link::encode_own(bank, &self.answers, self.lang))
    }
}

/// A name as typed, made fit to label a list item: no line breaks or other control characters
/// (which would also break the stored line), spaces collapsed, at most `MAX_NAME_CHARS`.
#[must_use]
pub fn clean_name(typed: &str) -> String {
    let spaced: String = typed
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut name = String::new();
    for word in spaced.split_whitespace() {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(word);
    }
    name.chars()
        .take(MAX_NAME_CHARS)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// `list` (as stored) with an assessment added at the top: the result `fragment` under `name`
/// (as typed, which the saved page cleans when it reads it), saved at `at`. The quiz saves with
/// this alone, so its readers download nothing else of the saved list: the same result saved
/// again under the same name is listed once, by `decode_list`.
#[must_use]
pub fn add(list: &str, at: u64, fragment: &str, name: &str) -> String {
    let mut value = at.to_string();
    value.push('\t');
    value.push_str(fragment);
    value.push('\t');
    // A text field's value holds no line break; a pasted tab would start another column.
    value.extend(name.chars().map(|c| if c == '\t' { ' ' } else { c }));
    if !list.is_empty() {
        value.push('\n');
        value.push_str(list);
    }
    value
}

/// The stored form of the list: a line per assessment, `at`, the result's link and the name,
/// separated by tabs (a cleaned name holds neither tabs nor line breaks); `None` for an empty
/// list, so storage holds no key at all.
#[must_use]
pub fn encode_list(list: &[SavedResult], banks: &[&Bank]) -> Option<String> {
    let mut value = String::new();
    for saved in list {
        let Some(fragment) = saved.fragment(banks) else {
            continue;
        };
        if !value.is_empty() {
            value.push('\n');
        }
        value.push_str(&saved.at.to_string());
        value.push('\t');
        value.push_str(&fragment);
        value.push('\t');
        value.push_str(&saved.name);
    }
    (!value.is_empty()).then_some(value)
}

/// The list storage holds (newest first, as the reducer keeps it), and whether any line could not be read (it is left
/// out, and the reader is told). Never panics, whatever the stored text.
#[must_use]
pub fn decode_list(value: &str, banks: &[&Bank]) -> (Vec<SavedResult>, bool) {
    let mut list: Vec<SavedResult> = Vec::new();
    let mut corrupted = false;
    for line in value.lines().filter(|line| !line.trim().is_empty()) {
        let mut parts = line.splitn(3, '\t');
        let at = parts.next().and_then(|at| at.parse::<u64>().ok());
        let result = parts
            .next()
            .map(|fragment| link::decode_fragment(fragment, banks));
        let name = parts.next().map(clean_name);
        match (at, result, name) {
            // The same result saved again under the same name (a newer line, read first: a
            // second tap) is listed once; under another name it is another client's.
            (Some(_), Some(Ok(Fragment::Result(result))), Some(name))
                if list.iter().any(|saved| {
                    saved.quiz == result.quiz
                        && saved.answers == result.answers
                        && saved.name == name
                }) => {}
            (Some(at), Some(Ok(Fragment::Result(result))), Some(name))
                if !list.iter().any(|saved| saved.at == at) =>
            {
                list.push(SavedResult {
                    at,
                    name,
                    quiz: result.quiz,
                    lang: result.lang,
                    answers: result.answers,
                });
            }
            _ => corrupted = true,
        }
    }
    (list, corrupted)
}

/// Whether `saved` may join the comparison as it stands: results of one quiz only (their
/// scores are of the same outcomes), and at most `MAX_COMPARED`.
#[must_use]
pub fn can_compare(list: &[SavedResult], compared: &[u64], saved: &SavedResult) -> bool {
    if compared.contains(&saved.at) {
        return true;
    }
    let first_quiz = list
        .iter()
        .find(|other| compared.contains(&other.at))
        .map(|other| other.quiz);
    compared.len() < MAX_COMPARED && first_quiz.is_none_or(|quiz| quiz == saved.quiz)
}

/// What the view needs to write the list and the comparison.
pub struct ListView<'a> {
    pub lang: Lang,
    pub banks: &'a [&'a Bank],
    /// The quiz's address from this page; a result's fragment follows it.
    pub quiz: &'a str,
    /// The date an assessment was saved, as the reader's language writes it.
    pub date: &'a dyn Fn(u64) -> String,
}

/// The saved page's list, newest first: each one's name reopens it in the quiz, and its
/// controls compare, rename or delete it; then the comparison. Every control carries
/// `data-act` (see `action_for`) and an id the view gives the focus back to once the list is
/// drawn again.
#[must_use]
pub fn list_markup(view: &ListView, page: &SavedPage) -> String {
    let lang = view.lang;
    let list = &page.list;
    let compared = &page.compared;
    let mut out = String::new();
    if list.len() > 1 {
        element(
            &mut out,
            "<p class=\"muted\">",
            Ui::CompareHint.text(lang),
            "</p>",
        );
    }
    out.push_str("<ul class=\"saved-list\">");
    for saved in list {
        let at = saved.at.to_string();
        item_start(&mut out, view, saved);
        if page.renaming == Some(saved.at) {
            // No form: Enter and Escape in the field are the view's (see `key_action`).
            element(
                &mut out,
                "<div class=\"rename\"><label for=\"rename-input\">",
                Ui::RenameLabel.text(lang),
                "</label>",
            );
            element(&mut out, "<input id=\"rename-input\" type=\"text\" autocomplete=\"off\" maxlength=\"60\" value=\"", &saved.name, "\">");
            control(
                &mut out,
                "button type=\"button\" class=\"primary\" data-testid=\"rename-done\"",
                'n',
                &at,
                Ui::RenameDone.text(lang),
                "button",
            );
            control(
                &mut out,
                "button type=\"button\" class=\"secondary\"",
                'x',
                &at,
                Ui::ConfirmNo.text(lang),
                "button",
            );
            out.push_str("</div>");
        } else if page.deleting == Some(saved.at) {
            // Asked in the item itself, naming whose result goes; keeping it comes first.
            let question =
                Ui::ConfirmDeleteSaved.fill(lang, &[("name", display_name(saved, lang))]);
            element(&mut out, "<div class=\"confirm\" data-testid=\"confirm\"><p id=\"confirm-question\" tabindex=\"-1\"><strong>", &question, "</strong></p><div class=\"steps\">");
            control(
                &mut out,
                "button type=\"button\" class=\"secondary\" data-testid=\"confirm-no\"",
                'k',
                &at,
                Ui::ConfirmNo.text(lang),
                "button",
            );
            control(
                &mut out,
                "button type=\"button\" class=\"primary\" data-testid=\"confirm-yes\"",
                'y',
                &at,
                Ui::ConfirmYes.text(lang),
                "button",
            );
            out.push_str("</div></div>");
        } else {
            out.push_str("<span class=\"saved-actions\"><label>");
            control(
                &mut out,
                "input type=\"checkbox\" data-testid=\"saved-compare\"",
                'c',
                &at,
                "",
                "",
            );
            if compared.contains(&saved.at) {
                out.push_str(" checked");
            }
            if !can_compare(list, compared, saved) {
                out.push_str(" disabled");
            }
            element(&mut out, ">", Ui::ComparePick.text(lang), "</label>");
            control(
                &mut out,
                "button type=\"button\" class=\"link\" data-testid=\"saved-rename\"",
                'r',
                &at,
                Ui::RenameSaved.text(lang),
                "button",
            );
            control(
                &mut out,
                "button type=\"button\" class=\"link\" data-testid=\"saved-delete\"",
                'd',
                &at,
                Ui::DeleteSaved.text(lang),
                "button",
            );
            out.push_str("</span>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out.push_str(&comparison_markup(view, list, compared));
    out
}

/// How many saved assessments the quiz's start page lists: enough to find this week's
/// clients without pushing the quizzes themselves off a phone's screen.
pub const ON_INTRO: usize = 5;

/// The quiz's start page's list of what is saved (`stored`, storage's value), newest first, at
/// most `ON_INTRO`: each name reopens its result on that page, and a link leads to the saved
/// page, where they are compared, renamed or deleted. Empty when nothing readable is stored.
/// Only the app's own page lists them, so its heading is a section's there.
#[must_use]
pub fn intro_markup(view: &ListView, stored: &str) -> String {
    let lang = view.lang;
    let list = decode_list(stored, view.banks).0;
    let mut out = String::new();
    if list.is_empty() {
        return out;
    }
    out.push_str("<section class=\"saved-intro\" data-testid=\"saved-intro\">");
    element(
        &mut out,
        "<h2 class=\"section-title\">",
        Ui::SavedHeading.text(lang),
        "</h2>",
    );
    out.push_str("<ul class=\"saved-list\">");
    for saved in list.iter().take(ON_INTRO) {
        item_start(&mut out, view, saved);
        out.push_str("</li>");
    }
    element(
        &mut out,
        "</ul><p><a data-testid=\"saved-all\" href=\"",
        &page_in(SAVED_PAGE, lang),
        "\">",
    );
    let all = Ui::SavedAll.fill(lang, &[("n", &list.len().to_string())]);
    element(&mut out, "", &all, "</a></p></section>");
    out
}

/// A list item's opening tag and its words (see `item_markup`).
fn item_start(out: &mut String, view: &ListView, saved: &SavedResult) {
    let (words, outcome) = item_markup(view, saved);
    element(
        out,
        "<li class=\"saved-item\" data-testid=\"saved-item\" data-outcome=\"",
        outcome,
        "\">",
    );
    out.push_str(&words);
}

/// One control: `<tag id=… data-act=… aria-describedby=…>label</end>`, its act a letter and
/// the assessment's `at`, described by the assessment's name (each "Delete" says whose). An
/// empty `end` leaves the tag open for more attributes.
fn control(out: &mut String, tag: &str, act: char, at: &str, label: &str, end: &str) {
    out.push('<');
    out.push_str(tag);
    out.push_str(" id=\"");
    out.push(act);
    out.push_str(at);
    out.push_str("\" data-act=\"");
    out.push(act);
    out.push_str(at);
    out.push_str("\" aria-describedby=\"saved-");
    out.push_str(at);
    out.push('"');
    if !end.is_empty() {
        element(out, ">", label, "</");
        out.push_str(end);
        out.push('>');
    }
}

/// The action a control's `data-act` stands for (`typed`: the name field's text, for a rename).
#[must_use]
pub fn action_for(act: &str, typed: String) -> Option<SavedAction> {
    let mut chars = act.chars();
    let kind = chars.next()?;
    let at = chars.as_str().parse::<u64>().ok()?;
    Some(match kind {
        'c' => SavedAction::ToggleCompare(at),
        'r' => SavedAction::Rename(Some(at)),
        'x' => SavedAction::Rename(None),
        'n' => SavedAction::RenameSaved { at, name: typed },
        'd' => SavedAction::Delete(at),
        'y' => SavedAction::Confirmed,
        'k' => SavedAction::Declined,
        _ => return None,
    })
}

/// The saved page: the list as read from storage, and what the reader has open on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedPage {
    pub list: Vec<SavedResult>,
    /// The assessments chosen for the comparison, by `at`, in the order chosen.
    pub compared: Vec<u64>,
    pub renaming: Option<u64>,
    /// The assessment the reader asked to delete, until they confirm or decline.
    pub deleting: Option<u64>,
    pub notice: Option<PageNotice>,
}

/// Something the saved page tells the reader above the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageNotice {
    /// Some stored lines could not be read; the readable ones are listed.
    Unreadable,
    /// Storage is refused: nothing can be kept or changed beyond this visit.
    StorageFailed,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedAction {
    ToggleCompare(u64),
    /// Starts (`Some`) or abandons (`None`) editing a name.
    Rename(Option<u64>),
    RenameSaved {
        at: u64,
        name: String,
    },
    /// Asks whether to delete one.
    Delete(u64),
    Confirmed,
    Declined,
    /// Another tab changed the stored list (`None`: removed).
    StorageChanged(Option<String>),
    StorageFailed,
    DismissNotice,
}

impl SavedPage {
    /// The page as storage holds the list (`None`: storage is refused).
    #[must_use]
    pub fn start(stored: Option<Option<&str>>, banks: &[&Bank]) -> SavedPage {
        let (list, unreadable) = match stored {
            Some(value) => decode_list(value.unwrap_or_default(), banks),
            None => (Vec::new(), false),
        };
        let notice = match stored {
            None => Some(PageNotice::StorageFailed),
            Some(_) if unreadable => Some(PageNotice::Unreadable),
            Some(_) => None,
        };
        SavedPage {
            list,
            compared: Vec::new(),
            renaming: None,
            deleting: None,
            notice,
        }
    }
}

/// The saved page's one reducer.
#[must_use]
pub fn reduce(page: &SavedPage, action: SavedAction, banks: &[&Bank]) -> SavedPage {
    let mut next = page.clone();
    match action {
        SavedAction::ToggleCompare(at) => {
            if next.compared.contains(&at) {
                next.compared.retain(|&compared| compared != at);
            } else if let Some(saved) = next.list.iter().find(|saved| saved.at == at) {
                if can_compare(&next.list, &next.compared, saved) {
                    next.compared.push(at);
                }
            }
        }
        SavedAction::Rename(at) => next.renaming = at,
        SavedAction::RenameSaved { at, name } => {
            if let Some(saved) = next.list.iter_mut().find(|saved| saved.at == at) {
                saved.name = clean_name(&name);
            }
            next.renaming = None;
        }
        SavedAction::Delete(at) => next.deleting = Some(at),
        SavedAction::Declined => next.deleting = None,
        SavedAction::Confirmed => {
            if let Some(at) = next.deleting.take() {
                next.list.retain(|saved| saved.at != at);
            }
        }
        SavedAction::StorageChanged(value) => {
            // The other tab's list is the newest; what was open on a gone item closes.
            next.list = decode_list(value.as_deref().unwrap_or_default(), banks).0;
        }
        SavedAction::StorageFailed => next.notice = Some(PageNotice::StorageFailed),
        SavedAction::DismissNotice => next.notice = None,
    }
    let kept = |at: &u64| next.list.iter().any(|saved| saved.at == *at);
    next.compared.retain(|at| kept(at));
    next.renaming = next.renaming.filter(|at| kept(at));
    next.deleting = next.deleting.filter(|at| kept(at));
    next
}

/// The id of what takes the focus once the list is drawn again after `act`: the control
/// itself (a ticked box), the name field when renaming starts, the "Rename" button when it
/// ends, the question asked before a delete.
#[must_use]
pub fn focus_after(act: &str) -> Option<String> {
    let (kind, at) = act.split_at(act.chars().next()?.len_utf8());
    match kind {
        "c" => Some(act.to_string()),
        "r" => Some("rename-input".to_string()),
        "n" | "x" => Some(["r", at].concat()),
        "d" => Some("confirm-question".to_string()),
        "k" => Some(["d", at].concat()),
        "y" => Some("screen-heading".to_string()),
        _ => None,
    }
}

/// What a key pressed in the name field does: Enter keeps the new name (`typed`), Escape
/// leaves the old one.
#[must_use]
pub fn key_action(key: &str, renaming: Option<u64>, typed: String) -> Option<SavedAction> {
    let at = renaming?;
    match key {
        "Enter" => Some(SavedAction::RenameSaved { at, name: typed }),
        "Escape" => Some(SavedAction::Rename(None)),
        _ => None,
    }
}

/// The words of one list item: the name (a link that reopens the result, carrying the name as
/// saved in `data-name`, see `REOPENED_KEY`), the quiz, the date and the verdict; its
/// `data-outcome` is the verdict's id ("none" without evidence).
#[must_use]
pub fn item_markup<'a>(view: &ListView<'a>, saved: &SavedResult) -> (String, &'a str) {
    let lang = view.lang;
    let mut out = String::new();
    let Some(bank) = view.banks.get(saved.quiz) else {
        return (out, "none");
    };
    let classification = classify(bank, &saved.answers);
    let outcome = bank
        .outcomes
        .get(classification.primary)
        .filter(|_| classification.lead != Lead::NoEvidence);
    let at = saved.at.to_string();
    element(
        &mut out,
        "<a class=\"saved-name\" data-testid=\"saved-open\" id=\"saved-",
        &at,
        "\" href=\"",
    );
    element(&mut out, "", view.quiz, "#");
    element(
        &mut out,
        "",
        &saved.fragment(view.banks).unwrap_or_default(),
        "\" data-name=\"",
    );
    element(&mut out, "", &saved.name, "\">");
    element(&mut out, "", display_name(saved, lang), "</a>");
    element(
        &mut out,
        "<span class=\"muted\">",
        &(view.date)(saved.at),
        " · ",
    );
    element(&mut out, "", bank.title.get(lang), "</span><strong>");
    let verdict = outcome.map_or(Ui::NoEvidenceHeading.text(lang), |o| o.name.get(lang));
    element(&mut out, "", verdict, "</strong>");
    (out, outcome.map_or("none", |outcome| &*outcome.id))
}

fn display_name(saved: &SavedResult, lang: Lang) -> &str {
    if saved.name.is_empty() {
        Ui::SavedUnnamed.text(lang)
    } else {
        &saved.name
    }
}

/// The chosen results side by side: a row per outcome with each one's score (the verdict in
/// bold), and a row of the warning signs each raised. Empty unless two or more are chosen.
#[must_use]
pub fn comparison_markup(view: &ListView, list: &[SavedResult], compared: &[u64]) -> String {
    let lang = view.lang;
    let chosen: Vec<&SavedResult> = list
        .iter()
        .filter(|saved| compared.contains(&saved.at))
        .collect();
    let mut out = String::new();
    let Some(bank) = chosen.first().and_then(|first| view.banks.get(first.quiz)) else {
        return out;
    };
    if chosen.len() < 2 {
        return out;
    }
    let results: Vec<_> = chosen
        .iter()
        .map(|saved| classify(bank, &saved.answers))
        .collect();
    // Focusable, so a keyboard can scroll a table wider than a phone.
    element(&mut out, "<div class=\"compare\" data-testid=\"compare\" tabindex=\"0\" role=\"region\" aria-label=\"", Ui::CompareCaption.text(lang), "\"><table>");
    element(
        &mut out,
        "<caption>",
        Ui::CompareCaption.text(lang),
        "</caption><thead><tr><td></td>",
    );
    for saved in &chosen {
        element(
            &mut out,
            "<th scope=\"col\">",
            display_name(saved, lang),
            "<br><span class=\"muted\">",
        );
        element(&mut out, "", &(view.date)(saved.at), "</span></th>");
    }
    out.push_str("</tr></thead><tbody>");
    for (index, outcome) in bank.outcomes.iter().enumerate() {
        element(
            &mut out,
            "<tr><th scope=\"row\">",
            outcome.name.get(lang),
            "</th>",
        );
        for result in &results {
            let score = result.scores.get(index).copied().unwrap_or(0).to_string();
            if index == result.primary && result.lead != Lead::NoEvidence {
                element(&mut out, "<td><strong>", &score, "</strong></td>");
            } else {
                element(&mut out, "<td>", &score, "</td>");
            }
        }
        out.push_str("</tr>");
    }
    element(
        &mut out,
        "<tr><th scope=\"row\">",
        Ui::FlagsHeading.text(lang),
        "</th>",
    );
    for result in &results {
        out.push_str("<td>");
        let mut labels = result
            .flags
            .iter()
            .filter_map(|&f| bank.flags.get(f))
            .map(|flag| flag.label.get(lang));
        element(
            &mut out,
            "",
            labels.next().unwrap_or(Ui::NoFlags.text(lang)),
            "",
        );
        for label in labels {
            element(&mut out, "; ", label, "");
        }
        out.push_str("</td>");
    }
    out.push_str("</tr></tbody></table></div>");
    out
}
