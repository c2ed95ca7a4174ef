//! Cek Klien: a quiz that tells a freelancer what kind of client they are dealing with.
//!
//! `core` is pure Rust and tested natively; `app` is the yew view over it, built only for the
//! browser.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// A small free-list allocator instead of the default dlmalloc: the quiz allocates little and
/// briefly, and every kilobyte of wasm is downloaded by someone else's readers. The wasm runs on
/// one thread, which is what `AssumeSingleThreaded` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without the atomics feature has exactly one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
