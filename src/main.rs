//! Entry points: the app's own page mounts itself; embed.js calls `mount_widget` for each
//! script-mounted widget on a blog.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

/// A small free-list allocator instead of the default dlmalloc: the quiz allocates little and
/// briefly, and every kilobyte of wasm is downloaded by someone else's readers. The wasm runs on
/// one thread, which is what `AssumeSingleThreaded` requires.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without the atomics feature has exactly one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
fn main() {
    cek_klien::app::mount_page();
}

/// Called by embed.js with the element inside the widget's shadow root, the host element that
/// carries the `data-*` options, and the app's base URL.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn mount_widget(root: web_sys::Element, host: web_sys::Element, app_base: String) {
    cek_klien::app::mount_widget(root, &host, app_base);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Cek Klien runs in the browser: build it with `trunk build --release`.");
}
