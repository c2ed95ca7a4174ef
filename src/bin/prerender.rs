//! Prints what the build writes into static files, for scripts/post-build.mjs:
//! - `prerender [id|en]`: the intro screen as static HTML (Indonesian by default), for index.html;
//! - `prerender --embed-options`: the names of the embed options, as a JSON array, for embed.js;
//! - `prerender --english-file` / `--english-pack`: the English texts' file name and contents;
//! - `prerender --later-file` / `--later-pack`: the same for the result pack (the Indonesian of
//!   the texts only a result shows).

use cek_klien::core::banks::BANKS;
use cek_klien::core::embed::OPTION_NAMES;
use cek_klien::core::prerender::intro;
use cek_klien::core::text::Lang;

fn main() {
    let argument = std::env::args().nth(1).unwrap_or_default();
    if argument == "--english-file" {
        println!("{}", cek_klien::core::english::file_name());
        return;
    }
    if argument == "--english-pack" {
        print!(
            "{}",
            include_str!(concat!(env!("OUT_DIR"), "/texts-en.txt"))
        );
        return;
    }
    if argument == "--later-file" {
        println!("{}", cek_klien::core::english::later_file_name());
        return;
    }
    if argument == "--later-pack" {
        print!(
            "{}",
            include_str!(concat!(env!("OUT_DIR"), "/texts-id.txt"))
        );
        return;
    }
    if argument == "--embed-options" {
        let quoted: Vec<String> = OPTION_NAMES
            .iter()
            .map(|name| format!("{name:?}"))
            .collect();
        println!("[{}]", quoted.join(", "));
        return;
    }
    let Some(lang) = Lang::from_code(if argument.is_empty() { "id" } else { &argument }) else {
        eprintln!("usage: prerender [id|en] | --embed-options");
        std::process::exit(2);
    };
    println!("{}", intro(lang, BANKS));
}
