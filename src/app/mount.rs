//! Mounting: which element the app takes over, how it is hosted, and what happens on a panic.

use super::{browser, App, AppProps};
use crate::core::banks::BANKS;
use crate::core::embed::{self, Mode};
use crate::core::query::is_iframe_query;
use std::cell::RefCell;
use std::rc::Rc;

/// How and where this copy of the app is hosted.
#[derive(Clone, PartialEq)]
pub struct Host {
    pub mode: Mode,
    pub options: embed::Options,
    /// The folder of the app's own page (never a blog's): share links and other pages start
    /// with it.
    pub app_base: String,
    /// The element the app renders into; keyboard and focus stay inside it.
    pub root: web_sys::Element,
}

impl Host {
    /// The app's own page, standalone or in its iframe, owns the address bar and storage; the
    /// script mount lives in someone else's page and touches neither.
    pub fn owns_page(&self) -> bool {
        self.mode != Mode::Script
    }

    /// Inside a blog post, in either embed mode.
    pub fn embedded(&self) -> bool {
        self.mode != Mode::Standalone
    }
}

thread_local! {
    /// Every root the app is mounted on, so a panic can replace each widget with a message.
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

fn install_panic_hook() {
    // Through yew, which would otherwise install its own console-only hook when rendering.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        ROOTS.with(|roots| {
            for root in roots.borrow().iter() {
                browser::show_fatal_error(root);
            }
        });
    }));
}

/// Prepares `root` for rendering into: a panic replaces it with a message, and its static
/// fallback content gives way to the app.
pub fn claim_root(root: &web_sys::Element) {
    install_panic_hook();
    ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
    root.set_text_content(None);
}

fn render(host: Host) {
    let root = host.root.clone();
    claim_root(&root);
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            host: Rc::new(host),
        },
    )
    .render();
}

/// Mounts the app on its own page (standalone, or inside an iframe with `?embed=1`). Only a
/// page that marks its root with `data-cek-klien-app` gets one, so loading the module on a
/// blog (the script mount) never takes over the host page.
pub fn mount_page() {
    let Some(root) = browser::element("[data-cek-klien-app]") else {
        return;
    };
    let search = browser::search();
    let mode = if is_iframe_query(&search) {
        Mode::Iframe
    } else {
        Mode::Standalone
    };
    render(Host {
        mode,
        options: embed::Options::from_query(&search, BANKS),
        app_base: browser::app_base(),
        root,
    });
}

/// Mounts a widget in `root` (inside the shadow root embed.js made) with the host element's
/// `data-*` options. `app_base` is where the app's own page lives, for share links.
pub fn mount_widget(root: web_sys::Element, attributes: &web_sys::Element, app_base: String) {
    let options =
        embed::Options::from_data_attributes(|name| attributes.get_attribute(name), BANKS);
    render(Host {
        mode: Mode::Script,
        options,
        app_base,
        root,
    });
}
