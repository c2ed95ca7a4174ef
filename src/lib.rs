//! Cek Klien: a quiz that tells a freelancer what kind of client they are dealing with.
//!
//! `core` is pure Rust and tested natively; `app` is the yew view over it, built only for the
//! browser.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
