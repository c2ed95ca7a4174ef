//! The embed builder's page (builder.html): a wasm of its own, so the quiz's readers never
//! download the builder.

#[cfg(target_arch = "wasm32")]
fn main() {
    cek_klien::app::mount_builder();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The embed builder runs in the browser: build it with `scripts/build`.");
}
