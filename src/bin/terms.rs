//! The work-terms page (terms.html): a wasm of its own, so the quiz's readers never download
//! the agreement's template or its form.

#[cfg(target_arch = "wasm32")]
fn main() {
    cek_klien::app::mount_terms();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The work-terms page runs in the browser: build it with `scripts/build`.");
}
