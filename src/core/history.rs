//! The note the app keeps on each history entry it writes: the tab's forget epoch when it was
//! written, and the fragment of the entry the reader came from. The app's Back uses the second
//! to step back through history instead of adding entries; "forget" starts a new epoch, so an
//! entry written before the reader made the device forget can never bring their answers back.

/// The epoch of a tab where nothing was forgotten yet.
pub const FIRST_EPOCH: &str = "e";

/// The note for an entry written in `epoch` by a reader who came from `previous` (a fragment,
/// empty for the menu).
#[must_use]
pub fn note(epoch: &str, previous: &str) -> String {
    let mut note = String::from(epoch);
    note.push(' ');
    note.push_str(previous);
    note
}

/// The epoch after a forget: never equal to any earlier one in the tab.
#[must_use]
pub fn next_epoch(epoch: &str) -> String {
    let mut next = String::from(epoch);
    next.push('f');
    next
}

/// A note read back from a history entry: its epoch and the previous entry's fragment. The
/// entry's state may be anything another script put there, so a note that does not have the
/// shape the app writes is no note.
#[must_use]
pub fn read_note(note: &str) -> Option<(&str, &str)> {
    note.split_once(' ').filter(|(epoch, _)| {
        epoch.starts_with(FIRST_EPOCH) && epoch[1..].bytes().all(|b| b == b'f')
    })
}

/// Whether an entry with `note` was written before the tab's current `epoch`, that is before
/// the reader made the device forget. Entries without a note were not written by the app (a
/// link typed or pasted into the address bar) and are the reader's own new request.
#[must_use]
pub fn written_before_forget(note: Option<&str>, epoch: &str) -> bool {
    note.and_then(read_note)
        .is_some_and(|(written_in, _)| written_in != epoch)
}
