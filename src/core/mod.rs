//! The pure core: quiz banks, classifier, advice, share links, texts and the app's reducer.
//! Nothing here touches the browser, so all of it is tested natively with `cargo test`.

pub mod advice;
pub mod bank;
pub mod banks;
pub mod classify;
pub mod embed;
pub mod link;
pub mod state;
pub mod text;
pub mod ui_text;
