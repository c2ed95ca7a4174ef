//! Mounting: which element the app takes over, how it is hosted, and what happens on a panic.

use super::{browser, App, AppProps};
use crate::core::banks::BANKS;
use crate::core::embed::{self, Mode};
use crate::core::query::is_iframe_query;
use crate::core::state::{self, Action, Startup, State, Stored};
use crate::core::text::Lang;
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
    /// The address's fragment when the app read it to start (empty in the script mount).
    pub opened_with: String,
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

/// The event embed.js dispatches on a widget's root to let its app go (see `render`); embed.js
/// spells it too.
const UNMOUNT_EVENT: &str = "cek-klien-unmount";

thread_local! {
    /// Every root the app is mounted on, so a panic can replace each widget with a message.
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

fn install_panic_hook() {
    // Through yew, which would otherwise install its own console-only hook when rendering.
    // The console gets a fixed line: formatting the panic's message, place and stack would cost
    // kilobytes of wasm that every reader downloads.
    yew::set_custom_panic_hook(Box::new(|_| {
        browser::log_error(
            "Cek Klien stopped on an internal error (a bug): the widget shows a reload button.",
        );
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

/// Renders the app for `host`. A reader who opens it in English gets the English texts first
/// (the static intro, or the loading note, stays until then), so the live app never shows the
/// wrong language; if they cannot be loaded, the app opens in Indonesian and says why.
fn render(mut host: Host) {
    if host.owns_page() {
        // A reload of an entry written before the reader made the device forget opens the
        // menu, and the entry loses its answers for good.
        if browser::entry_forgotten() {
            browser::show_fragment(None, false);
        }
        host.opened_with = browser::fragment();
    }
    let initial = initial_state(&host);
    let show = move |initial: State| {
        let root = host.root.clone();
        // A widget let go while its English texts were on their way: embed.js took its root
        // out of the widget, and an app started now would run unseen for good.
        if root.parent_node().is_none() {
            return;
        }
        claim_root(&root);
        let mut app = Some(
            yew::Renderer::<App>::with_root_and_props(
                root.clone(),
                AppProps {
                    host: Rc::new(host),
                    initial,
                },
            )
            .render(),
        );
        // embed.js lets a widget go (removed from the page, or `CekKlien.unmount`) with this
        // event on its root, not with an export of its own: an export cost about 800 B of the
        // wasm every reader downloads. Destroying the app removes its DOM, its listeners and
        // its state. The root itself stays alive (yew never frees its own listeners on it, and
        // `ROOTS` keeps it for the panic message), so embed.js then takes it out of the
        // widget: what stays is one empty element.
        gloo_events::EventListener::new(&root, UNMOUNT_EVENT, move |_| {
            if let Some(app) = app.take() {
                app.destroy();
            }
        })
        .forget();
    };
    if initial.lang == Lang::En {
        browser::load_english(move |loaded| {
            let initial = if loaded {
                initial
            } else {
                state::reduce(&initial, Action::EnglishUnavailable, BANKS)
            };
            show(initial);
        });
    } else {
        show(initial);
    }
}

/// The state the page opens in: its address, its options and what this device stored.
pub fn initial_state(host: &Host) -> State {
    let owns_page = host.owns_page();
    let stored = owns_page.then(browser::read_storage);
    let stored = match &stored {
        None => Stored::Disabled,
        Some(None) => Stored::Unavailable,
        Some(Some(items)) => Stored::Values(items),
    };
    State::start(
        Startup {
            query_lang: host.options.lang,
            browser_lang: browser::browser_lang(),
            theme: host.options.theme,
            fragment: &host.opened_with,
            stored,
            ignored_options: host.options.ignored,
        },
        BANKS,
    )
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
        opened_with: String::new(),
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
        opened_with: String::new(),
    });
}

/// Mounts one of the app's other pages (the builder, the saved results) on the element
/// `selector` finds, once its words are here: they come with a texts pack, fetched first (the
/// page's loading note stays until then), the English one or the result pack, which carries
/// those pages' Indonesian so the quiz's first load does not. An English reader whose pack
/// cannot be loaded gets the page in Indonesian; without either, the page says it could not
/// load instead of staying blank.
pub fn mount_with_texts<Page>(selector: &str)
where
    Page: yew::BaseComponent<Properties = ()>,
{
    let Some(root) = browser::element(selector) else {
        return;
    };
    let show = move |loaded: bool| {
        if loaded {
            claim_root(&root);
            yew::Renderer::<Page>::with_root(root).render();
        } else {
            browser::show_fatal_error(&root);
        }
    };
    if super::builder::page_state().lang == Lang::En {
        browser::load_english(move |loaded| {
            if loaded {
                show(true);
            } else {
                browser::load_later(show);
            }
        });
    } else {
        browser::load_later(show);
    }
}
