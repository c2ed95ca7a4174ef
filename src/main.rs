//! Mounts the app. Everything else lives in the library so it can be tested.

#[cfg(target_arch = "wasm32")]
fn main() {
    cek_klien::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Cek Klien runs in the browser: build it with `trunk build --release`.");
}
