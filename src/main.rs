//! Entry points: the app's own page mounts itself; embed.js calls `mount_widget` for each
//! script-mounted widget on a blog.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

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
