//! Saved assessments: what the quiz stores when a result is saved, how the saved page reads it
//! back, its reducer (compare, rename, delete, another tab's changes) and its markup, tested
//! without a browser.

use cek_klien::core::banks::BANKS;
use cek_klien::core::classify::Answers;
use cek_klien::core::link;
use cek_klien::core::saved::{
    self, add, clean_name, decode_list, encode_list, ListView, PageNotice, SavedAction, SavedPage,
    SavedResult, MAX_COMPARED, MAX_NAME_CHARS,
};
use cek_klien::core::text::Lang;
use proptest::prelude::*;

/// A result of quiz `quiz` as a saved link: every question answered with its first choice,
/// except that the last `variant` questions asked take the second, so each variant is another
/// result.
fn own_link(quiz: usize, variant: u8) -> String {
    let bank = BANKS[quiz];
    let mut answers = Answers::empty(bank);
    for question in 0..bank.questions.len() {
        answers.set(question, Some(0));
    }
    let asked: Vec<usize> = answers.asked(bank).collect();
    for &question in asked.iter().rev().take(usize::from(variant)) {
        answers.set(question, Some(1));
    }
    link::encode_own(bank, &answers, Lang::Id)
}

/// The list after saving each (`at`, link, name) in turn, as the quiz does.
fn saved_in_turn(saves: &[(u64, &str, &str)]) -> String {
    saves.iter().fold(String::new(), |list, (at, link, name)| {
        add(&list, *at, link, name)
    })
}

fn page(list: &str) -> SavedPage {
    SavedPage::start(Some(Some(list)), BANKS)
}

fn run(page: SavedPage, actions: impl IntoIterator<Item = SavedAction>) -> SavedPage {
    actions
        .into_iter()
        .fold(page, |page, action| saved::reduce(&page, action, BANKS))
}

#[test]
fn saved_results_are_read_back_newest_first_with_their_names_and_answers() {
    let first = own_link(0, 0);
    let second = own_link(1, 1);
    let list = saved_in_turn(&[
        (1_000, &first, "PT Maju\tJaya"),
        (2_000, &second, "Bu Sari"),
    ]);
    let (read, unreadable) = decode_list(&list, BANKS);
    assert!(!unreadable);
    let names: Vec<&str> = read.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Bu Sari", "PT Maju Jaya"]);
    assert_eq!(read[1].fragment(BANKS).as_deref(), Some(first.as_str()));
    assert_eq!(read[0].quiz, 1);
}

#[test]
fn the_same_result_saved_twice_under_one_name_is_listed_once() {
    let link = own_link(0, 0);
    let other = own_link(0, 1);
    let list = saved_in_turn(&[(1, &link, "Andi"), (2, &other, "Budi"), (3, &link, "Andi")]);
    let (read, unreadable) = decode_list(&list, BANKS);
    assert!(!unreadable, "a repeat is not damage");
    let names: Vec<&str> = read.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Andi", "Budi"]);
    assert_eq!(read[0].at, 3, "the newest save is the one kept");
}

/// Two clients can answer alike: a result saved again under another name is another client's,
/// and both stay (a helper's walkthrough lost the older one, then storage did on a rename).
#[test]
fn the_same_answers_saved_under_two_names_are_two_clients() {
    let link = own_link(0, 0);
    let list = saved_in_turn(&[(1, &link, "Budi Santoso"), (2, &link, "Sari")]);
    let opened = page(&list);
    let names: Vec<&str> = opened.list.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Sari", "Budi Santoso"]);
    let renamed = run(
        opened,
        [SavedAction::RenameSaved {
            at: 2,
            name: "Sari W.".to_string(),
        }],
    );
    let value = encode_list(&renamed.list, BANKS).expect("a list");
    assert!(
        value.contains("Budi Santoso") && value.contains("Sari W."),
        "{value}"
    );
}

#[test]
fn an_unreadable_line_is_left_out_with_a_notice_and_the_readable_ones_stay() {
    let good = saved_in_turn(&[(7, &own_link(0, 0), "Baik")]);
    for bad in [
        "garbage",
        "12\tr1.nope\tX",
        "x\t\t",
        "1\t\t",
        "7\tr1.a",
        "99999999999999999999999\tr1\tx",
    ] {
        let opened = page(&format!("{bad}\n{good}"));
        assert_eq!(opened.list.len(), 1, "{bad:?}");
        assert_eq!(opened.list[0].name, "Baik");
        assert_eq!(opened.notice, Some(PageNotice::Unreadable), "{bad:?}");
    }
    assert_eq!(page(&good).notice, None);
    assert_eq!(page("").notice, None);
    assert_eq!(
        SavedPage::start(None, BANKS).notice,
        Some(PageNotice::StorageFailed)
    );
}

fn four_and_another_quiz() -> SavedPage {
    let mut saves = Vec::new();
    let links: Vec<String> = (0..4).map(|c| own_link(0, c)).collect();
    for (at, link) in (1..=4u64).zip(&links) {
        saves.push((at, link.as_str(), "x"));
    }
    let other = own_link(1, 0);
    saves.push((10, other.as_str(), "other"));
    page(&saved_in_turn(&saves))
}

#[test]
fn compare_takes_two_or_three_results_of_one_quiz() {
    let opened = four_and_another_quiz();
    assert_eq!(opened.list.len(), 5);
    let picked = run(
        opened,
        (1..=4)
            .map(SavedAction::ToggleCompare)
            .chain([SavedAction::ToggleCompare(10)]),
    );
    assert_eq!(picked.compared.len(), MAX_COMPARED);
    assert!(
        !picked.compared.contains(&10),
        "another quiz's outcomes are not the same"
    );
    let unpicked = run(
        picked,
        [SavedAction::ToggleCompare(2), SavedAction::ToggleCompare(4)],
    );
    assert_eq!(unpicked.compared, [1, 3, 4]);
    // Deleting one takes it out of the comparison too, and only once confirmed.
    let asked = run(unpicked, [SavedAction::Delete(3)]);
    assert_eq!(asked.deleting, Some(3));
    assert_eq!(asked.list.len(), 5);
    let declined = run(asked.clone(), [SavedAction::Declined]);
    assert_eq!(declined.list.len(), 5);
    assert_eq!(declined.deleting, None);
    let deleted = run(asked, [SavedAction::Confirmed]);
    assert_eq!(deleted.list.len(), 4);
    assert_eq!(deleted.compared, [1, 4]);
    assert_eq!(deleted.deleting, None);
}

#[test]
fn rename_changes_only_that_name_and_cleans_it() {
    let opened = four_and_another_quiz();
    let renaming = run(opened, [SavedAction::Rename(Some(2))]);
    assert_eq!(renaming.renaming, Some(2));
    let renamed = run(
        renaming,
        [SavedAction::RenameSaved {
            at: 2,
            name: " Klien\r\n <b>baru</b> ".to_string(),
        }],
    );
    assert_eq!(renamed.renaming, None);
    let names: Vec<&str> = renamed.list.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["other", "x", "x", "Klien <b>baru</b>", "x"]);
    let abandoned = run(
        renamed.clone(),
        [SavedAction::Rename(Some(1)), SavedAction::Rename(None)],
    );
    assert_eq!(abandoned.list, renamed.list);
    // What storage then holds reads back the same.
    let value = encode_list(&renamed.list, BANKS).expect("a list");
    assert_eq!(decode_list(&value, BANKS).0, renamed.list);
}

#[test]
fn another_tabs_list_replaces_this_ones_and_what_was_open_on_a_gone_item_closes() {
    let opened = run(
        four_and_another_quiz(),
        [
            SavedAction::ToggleCompare(1),
            SavedAction::ToggleCompare(2),
            SavedAction::Delete(1),
        ],
    );
    let elsewhere = saved_in_turn(&[(2, &own_link(0, 1), "kept")]);
    let synced = run(opened, [SavedAction::StorageChanged(Some(elsewhere))]);
    assert_eq!(synced.list.len(), 1);
    assert_eq!(synced.compared, [2]);
    assert_eq!(
        synced.deleting, None,
        "no question about an item that is gone"
    );
    let forgotten = run(synced, [SavedAction::StorageChanged(None)]);
    assert!(forgotten.list.is_empty());
    assert!(forgotten.compared.is_empty());
    assert_eq!(
        encode_list(&forgotten.list, BANKS),
        None,
        "an empty list leaves no key"
    );
}

#[test]
fn a_failed_write_is_said_and_can_be_dismissed() {
    let failed = run(page(""), [SavedAction::StorageFailed]);
    assert_eq!(failed.notice, Some(PageNotice::StorageFailed));
    assert_eq!(run(failed, [SavedAction::DismissNotice]).notice, None);
}

#[test]
fn names_are_cleaned_of_line_breaks_and_cut_to_length() {
    assert_eq!(clean_name("  a\r\n b\u{0}c\t "), "a b c");
    let long = "é".repeat(MAX_NAME_CHARS + 20);
    assert_eq!(clean_name(&long).chars().count(), MAX_NAME_CHARS);
    assert_eq!(clean_name(""), "");
    // The quiz keeps a pasted tab from starting another column.
    assert_eq!(add("", 5, "m1.x", "a\tb"), "5\tm1.x\ta b");
}

#[test]
fn every_control_stands_for_its_action_and_gives_the_focus_back_sensibly() {
    assert_eq!(
        saved::action_for("c12", String::new()),
        Some(SavedAction::ToggleCompare(12))
    );
    assert_eq!(
        saved::action_for("r12", String::new()),
        Some(SavedAction::Rename(Some(12)))
    );
    assert_eq!(
        saved::action_for("x12", String::new()),
        Some(SavedAction::Rename(None))
    );
    assert_eq!(
        saved::action_for("n12", "Nama".to_string()),
        Some(SavedAction::RenameSaved {
            at: 12,
            name: "Nama".to_string()
        })
    );
    assert_eq!(
        saved::action_for("d12", String::new()),
        Some(SavedAction::Delete(12))
    );
    for junk in ["", "c", "q12", "c-1", "cx", "é1"] {
        assert_eq!(saved::action_for(junk, String::new()), None, "{junk:?}");
    }
    assert_eq!(saved::focus_after("c12").as_deref(), Some("c12"));
    assert_eq!(saved::focus_after("r12").as_deref(), Some("rename-input"));
    assert_eq!(saved::focus_after("n12").as_deref(), Some("r12"));
    assert_eq!(saved::focus_after("x12").as_deref(), Some("r12"));
    assert_eq!(
        saved::focus_after("d12").as_deref(),
        Some("confirm-question")
    );
    assert_eq!(saved::focus_after(""), None);
}

fn date(at: u64) -> String {
    format!("day {at}")
}

/// What the views are drawn with, in `lang`, reopening results at `quiz` (the saved page's
/// "./", the quiz's own start page's "").
fn view_in(lang: Lang, quiz: &str) -> ListView<'_> {
    ListView {
        lang,
        banks: BANKS,
        quiz,
        date: &date,
    }
}

#[test]
fn the_list_and_comparison_escape_every_name_and_carry_their_hooks() {
    let hostile = "<img src=x onerror=alert(1)> \"&'";
    let list = saved_in_turn(&[(1, &own_link(0, 0), hostile), (2, &own_link(0, 1), "")]);
    let opened = run(
        page(&list),
        [SavedAction::ToggleCompare(1), SavedAction::ToggleCompare(2)],
    );
    for lang in Lang::ALL {
        let view = view_in(lang, "./");
        let markup = saved::list_markup(&view, &opened);
        assert!(!markup.contains("<img"), "{markup}");
        assert!(markup.contains("&lt;img"));
        assert_eq!(markup.matches("data-testid=\"saved-item\"").count(), 2);
        assert!(
            markup.contains("href=\"./#m1."),
            "reopens in the quiz: {markup}"
        );
        assert!(markup.contains("day 1") && markup.contains("day 2"));
        // Each link carries its name as saved, escaped, for the quiz's name field; an unnamed
        // one an empty name, never the "Unnamed" it shows.
        assert!(
            markup.contains("data-name=\"&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;\""),
            "{markup}"
        );
        assert!(markup.contains("data-name=\"\">"), "{markup}");
        assert_eq!(markup.matches(" checked").count(), 2);
        assert!(markup.contains("data-testid=\"compare\""));
        assert_eq!(
            markup.matches("<tr><th scope=\"row\">").count(),
            BANKS[0].outcomes.len() + 1,
            "a row per outcome and one of warning signs"
        );
        for saved in &opened.list {
            let (_, outcome) = saved::item_markup(&view, saved);
            assert!(BANKS[0].outcomes.iter().any(|o| *o.id == *outcome) || outcome == "none");
        }
        let renaming = run(opened.clone(), [SavedAction::Rename(Some(1))]);
        let form = saved::list_markup(&view, &renaming);
        assert!(form.contains("id=\"rename-input\""));
        assert!(form.contains("value=\"&lt;img src=x onerror=alert(1)&gt; &quot;&amp;&#39;\""));
    }
    let one = run(opened, [SavedAction::ToggleCompare(2)]);
    let view = view_in(Lang::En, "./");
    assert!(
        saved::comparison_markup(&view, &one.list, &one.compared).is_empty(),
        "one result is not a comparison"
    );
}

fn any_saved() -> impl Strategy<Value = SavedResult> {
    (
        any::<u64>(),
        ".{0,80}",
        0..BANKS.len(),
        prop::bool::ANY,
        prop::collection::vec(prop::option::of(0u8..4), 0..40),
    )
        .prop_map(|(at, name, quiz, en, slots)| {
            let bank = BANKS[quiz];
            let mut answers = Answers::empty(bank);
            for (question, choice) in slots.into_iter().enumerate().take(bank.questions.len()) {
                let valid =
                    choice.filter(|&c| usize::from(c) < bank.questions[question].choices.len());
                answers.set(question, valid);
            }
            // A link carries only the questions asked: the answers as a link gives them back.
            let answers = match link::decode(&link::encode(bank, &answers, Lang::Id), BANKS) {
                Ok(shared) => shared.answers,
                Err(_) => Answers::empty(bank),
            };
            SavedResult {
                at,
                name: clean_name(&name),
                quiz,
                lang: if en { Lang::En } else { Lang::Id },
                answers,
            }
        })
}

proptest! {
    /// Whatever the names and answers, storage gives back the list it was given.
    #[test]
    fn the_stored_list_reads_back_the_same(list in prop::collection::vec(any_saved(), 0..8)) {
        let mut list = list;
        list.sort_by_key(|saved| std::cmp::Reverse(saved.at));
        list.dedup_by_key(|saved| saved.at);
        let mut distinct: Vec<SavedResult> = Vec::new();
        for saved in list {
            if !distinct.iter().any(|d| d.quiz == saved.quiz && d.answers == saved.answers && d.name == saved.name) {
                distinct.push(saved);
            }
        }
        let value = encode_list(&distinct, BANKS);
        prop_assert_eq!(value.is_none(), distinct.is_empty());
        let (read, corrupted) = decode_list(value.as_deref().unwrap_or(""), BANKS);
        prop_assert!(!corrupted);
        prop_assert_eq!(read, distinct);
    }

    /// No stored text makes reading, or the page's reducer, panic.
    #[test]
    fn any_stored_text_is_read_without_panicking(value in ".{0,400}", act in ".{0,12}") {
        let opened = page(&value);
        if let Some(action) = saved::action_for(&act, value.clone()) {
            let _ = saved::reduce(&opened, action, BANKS);
        }
    }
}

#[test]
fn the_start_page_lists_the_newest_few_and_links_to_all_of_them() {
    let saves: Vec<(u64, String, String)> = (0..7u8)
        .map(|n| {
            (
                u64::from(n) + 1,
                own_link(0, n % 3),
                format!("Klien {n} <b>"),
            )
        })
        .collect();
    let list = saves.iter().fold(String::new(), |list, (at, link, name)| {
        add(&list, *at, link, name)
    });
    for lang in Lang::ALL {
        let view = view_in(lang, "");
        let markup = saved::intro_markup(&view, &list);
        assert_eq!(
            markup.matches("data-testid=\"saved-item\"").count(),
            saved::ON_INTRO
        );
        // Newest first: the last one saved heads the list, the two oldest are left to the
        // saved page.
        let first = markup.find("Klien 6").expect("the newest is listed");
        assert!(first < markup.find("Klien 2").expect("the fifth newest is listed"));
        assert!(!markup.contains("Klien 1 ") && !markup.contains("Klien 0 "));
        assert!(!markup.contains("<b>"), "names are escaped: {markup}");
        // Each name reopens its result on this very page.
        assert!(markup.contains("href=\"#m1."), "{markup}");
        let all = cek_klien::core::ui_text::Ui::SavedAll.fill(lang, &[("n", "7")]);
        let page = format!("href=\"saved.html?lang={}\">{all}</a>", lang.code());
        assert!(markup.contains(&page), "{markup}");
    }
}

#[test]
fn the_start_page_lists_nothing_when_nothing_saved_can_be_read() {
    let view = view_in(Lang::Id, "");
    for stored in ["", "garbage", "12\tr1.x\tY\n\n"] {
        assert_eq!(saved::intro_markup(&view, stored), "");
    }
}
