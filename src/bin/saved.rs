//! The saved assessments' page (saved.html): a wasm of its own, so the quiz's readers never
//! download the list, the comparison or the renaming.

#[cfg(target_arch = "wasm32")]
fn main() {
    cek_klien::app::mount_saved();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The saved page runs in the browser: build it with `scripts/build`.");
}
