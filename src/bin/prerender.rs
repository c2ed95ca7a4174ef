//! Prints the intro screen as static HTML for scripts/post-build.mjs to put into index.html.

fn main() {
    let html = cek_klien::core::prerender::intro(
        cek_klien::core::text::Lang::Id,
        cek_klien::core::banks::BANKS,
    );
    println!("{html}");
}
