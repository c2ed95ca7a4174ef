//! The English pack: the English side of every text, in a file of its own (`texts-en-<id>.txt`)
//! that only readers who use English download. build.rs writes it with one text per key; the
//! browser build looks texts up here, the native build keeps both languages in its statics.
//!
//! The pack starts with its build's id, so a page never mixes texts of two builds (a cached
//! pack from before a deploy is refused and fetched again).

include!(concat!(env!("OUT_DIR"), "/english.rs"));

/// Separates the id and the texts in the pack.
pub const SEPARATOR: char = '\u{1e}';

/// The pack file's name, relative to the app's folder: `texts-en-<id>.txt`.
#[must_use]
pub fn file_name() -> String {
    let mut name = String::from("texts-en-");
    name.push_str(PACK_ID);
    name.push_str(".txt");
    name
}

/// Why a pack was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackError {
    /// The pack belongs to another build (or is not a pack at all).
    OtherBuild,
    /// It is this build's but holds the wrong number of texts (cut off, or changed in transit).
    WrongLength,
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PackError::OtherBuild => "the English texts belong to another version of the app",
            PackError::WrongLength => "the English texts are incomplete",
        })
    }
}

impl std::error::Error for PackError {}

/// The texts of a pack, in key order.
///
/// # Errors
///
/// `OtherBuild` when the pack's id is not this build's, `WrongLength` when it does not hold
/// exactly one text per key.
pub fn texts(pack: &str) -> Result<Vec<&str>, PackError> {
    let mut parts = pack.split(SEPARATOR);
    if parts.next() != Some(PACK_ID) {
        return Err(PackError::OtherBuild);
    }
    let texts: Vec<&str> = parts.collect();
    if texts.len() == PACK_LEN {
        Ok(texts)
    } else {
        Err(PackError::WrongLength)
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The installed pack's texts. Installed once per page and kept for its life.
    static INSTALLED: std::cell::Cell<Option<&'static [&'static str]>> =
        const { std::cell::Cell::new(None) };
}

/// Installs a pack for this page: after this, English texts come from it.
///
/// # Errors
///
/// The pack's `PackError`; nothing is installed then.
#[cfg(target_arch = "wasm32")]
pub fn install(pack: String) -> Result<(), PackError> {
    install_in(&INSTALLED, pack)
}

/// Keeps `pack` in `slot` for the page's life (every text borrows from it), unless one is there.
#[cfg(target_arch = "wasm32")]
fn install_in(
    slot: &'static std::thread::LocalKey<std::cell::Cell<Option<&'static [&'static str]>>>,
    pack: String,
) -> Result<(), PackError> {
    if slot.with(std::cell::Cell::get).is_some() {
        return Ok(());
    }
    texts(&pack)?;
    let pack: &'static str = Box::leak(pack.into_boxed_str());
    let texts: &'static [&'static str] = Box::leak(texts(pack)?.into_boxed_slice());
    slot.with(|installed| installed.set(Some(texts)));
    Ok(())
}

/// Whether English texts are available on this page.
#[cfg(target_arch = "wasm32")]
#[must_use]
pub fn is_installed() -> bool {
    INSTALLED.with(std::cell::Cell::get).is_some()
}

/// The English text with this key, once the pack is installed.
#[cfg(target_arch = "wasm32")]
#[must_use]
pub fn get(key: u16) -> Option<&'static str> {
    INSTALLED.with(|installed| installed.get()?.get(usize::from(key)).copied())
}

/// The result pack's file: the Indonesian side of the texts only a result shows (an outcome's
/// name and summary, flags, advice), fetched once the reader starts a quiz or opens a result,
/// so a reader who only looks at the menu never downloads it. It has the English pack's id
/// and one text per key, empty for the texts the binary keeps.
#[must_use]
pub fn later_file_name() -> String {
    let mut name = String::from("texts-id-");
    name.push_str(PACK_ID);
    name.push_str(".txt");
    name
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static LATER: std::cell::Cell<Option<&'static [&'static str]>> =
        const { std::cell::Cell::new(None) };
}

/// Keeps the result pack for the page's life.
///
/// # Errors
///
/// A pack of another build, or one with the wrong number of texts, is refused.
#[cfg(target_arch = "wasm32")]
pub fn install_later(pack: String) -> Result<(), PackError> {
    install_in(&LATER, pack)
}

#[cfg(target_arch = "wasm32")]
#[must_use]
pub fn later_installed() -> bool {
    LATER.with(std::cell::Cell::get).is_some()
}

/// The Indonesian of a text only a result shows, once the result pack is installed.
#[cfg(target_arch = "wasm32")]
#[must_use]
pub fn later(key: u16) -> Option<&'static str> {
    LATER.with(|later| later.get()?.get(usize::from(key)).copied())
}
