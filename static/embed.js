// Cek Klien embed loader: https://…/embed.js keeps this name across releases; the build fills
// in the current file names below, so snippets pasted today keep working after an update.
//
//   <div data-cek-klien data-quiz="tipe-klien" data-lang="en" data-theme="auto"></div>
//   <script defer src="https://…/embed.js"></script>
//
// data-mode="iframe" shows the widget in an iframe that follows its content's height.
// Without it, the widget mounts in an open shadow root, so the page's CSS cannot reach it.
//
// It runs as a classic script (no CORS needed for the iframe mode) and as a module (older
// snippets say type="module"), so it uses neither import.meta nor top-level declarations, and a
// second copy on the same page hands over to the first.
//
// Widgets added later (a single-page blog, infinite scroll) mount when they appear; a widget
// removed from the page is let go, app and all. window.CekKlien.mount(element) mounts one
// explicitly, window.CekKlien.unmount(element) lets one go.
(() => {
  if (typeof window.CekKlien?.mount === 'function') {
    window.CekKlien.mountAll?.();
    return;
  }

  const BUILD = { js: '__CEK_KLIEN_JS__', wasm: '__CEK_KLIEN_WASM__', css: '__CEK_KLIEN_CSS__', english: '__CEK_KLIEN_ENGLISH__', later: '__CEK_KLIEN_LATER__', explain: '__CEK_KLIEN_EXPLAIN__', card: '__CEK_KLIEN_CARD__' };
  // The option names the app reads (core::embed::OPTION_NAMES), written in by the build.
  const OPTIONS = __CEK_KLIEN_OPTIONS__;
  // The app's page with its intro prerendered in English, so an English iframe never shows
  // (or falls back to) the Indonesian one.
  const ENGLISH_PAGE = 'en.html';

  const LOADING = 'Memuat kuis… / Loading the quiz…';
  const SLOW = 'Kuis masih dimuat. Sepertinya koneksi sedang lambat. / The quiz is still loading. The connection seems slow.';
  const FAILED = 'Kuis tidak bisa dimuat. Periksa koneksi Anda lalu coba lagi. / The quiz could not load. Check your connection and try again.';
  const SLOW_MS = 6000;

  // The heights (px) accepted from an iframe's messages.
  const MIN_HEIGHT = 120;
  const MAX_HEIGHT = 20000;

  // This file's folder, which is the app's. A classic script knows its element; a module (the
  // older snippets) does not, and import.meta would be a syntax error in a classic script, so
  // a module finds its address in a stack trace, or else among the page's scripts.
  function findBase() {
    const current = document.currentScript;
    if (current instanceof HTMLScriptElement && current.src) return new URL('./', current.src);
    const frame = /(https?:\/\/[^\s'"()]+?\/)embed\.js/.exec(new Error().stack ?? '');
    if (frame) return new URL(frame[1]);
    const script = [...document.querySelectorAll('script[src]')].find((s) => /\/embed\.js([?#]|$)/.test(s.src));
    return new URL('./', script?.src ?? location.href);
  }
  const base = findBase();

  // Every widget this script mounted, by its host element: { frame } or { root, retry, timer }.
  const widgets = new Map();
  let appModule;

  // A host page may have replaced fetch (to log, to block, or by accident). The wasm's loader
  // uses fetch, so when it is not the browser's own, the bytes come by XMLHttpRequest instead.
  const isNative = (f) => typeof f === 'function' && /\[native code\]/.test(Function.prototype.toString.call(f));
  const nativeFetch = isNative(window.fetch);

  function fetchBytes(url) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('GET', url);
      request.responseType = 'arraybuffer';
      request.onload = () => (request.status === 200 ? resolve(request.response) : reject(new Error(`HTTP ${request.status}`)));
      request.onerror = () => reject(new Error('network error'));
      request.send();
    });
  }

  // The English side of the texts, a file of its own that only English readers download, and the
  // Indonesian of what only a result shows, fetched once a quiz starts. The app calls these when
  // a widget needs them; a failed fetch is forgotten so a later try can succeed.
  const loads = {};
  const loader = (name) => () => {
    const url = new URL(name, base).href;
    loads[url] ??= (nativeFetch ? fetch(url).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`)))) : fetchBytes(url))
      .then((bytes) => new TextDecoder().decode(bytes))
      .catch((error) => {
        delete loads[url];
        throw error;
      });
    return loads[url];
  };
  globalThis.cekKlienLoadEnglish = loader(BUILD.english);
  globalThis.cekKlienLoadLater = loader(BUILD.later);
  // The result card's drawing (static/card.js), imported only when a reader asks for a card.
  // The result card's button is the app's; what it does is card.js's, imported on the first press.
  // The click comes from a widget's shadow root, so the button is the first on its path.
  addEventListener('click', (event) => {
    const button = event.composedPath()[0]?.closest?.('[data-testid=result-card]');
    if (button) import(new URL(BUILD.card, base).href).then((m) => m.card(button), console.warn);
  });

  function loadApp() {
    appModule ??= import(new URL(BUILD.js, base).href).then(async (module) => {
      const wasm = new URL(BUILD.wasm, base);
      await module.default({ module_or_path: nativeFetch ? wasm : await fetchBytes(wasm.href) });
      return module;
    });
    appModule.catch(() => (appModule = undefined));
    return appModule;
  }

  // Says why a load failed when the connection is not to blame (no WebAssembly, a policy
  // that forbids it); a file of its own, shared with start.js, fetched only after a failure.
  // Null when the connection (or the app's host) may be to blame, so a retry may help.
  function explain(error) {
    return import(new URL(BUILD.explain, base).href).then((m) => m.explain(error)).catch(() => null);
  }

  // A host page that changed how every promise resolves (a "then" on Object.prototype turns
  // every object into a thenable) stalls any async load in its realm; the iframe is a realm of
  // its own.
  const realmIsBroken = () => 'then' in Object.prototype || !isNative(Promise.prototype.then);

  function setImportant(element, styles) {
    for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
  }

  function willSpeakEnglish(host) {
    return /^en\b/i.test(host.getAttribute('data-lang') || navigator.language || '');
  }

  function mountIframe(host) {
    const url = new URL(willSpeakEnglish(host) ? ENGLISH_PAGE : './', base);
    url.searchParams.set('embed', '1');
    for (const name of OPTIONS) {
      const value = host.getAttribute(`data-${name}`);
      if (value) url.searchParams.set(name, value);
    }
    const frame = document.createElement('iframe');
    // Copying the share link and the checklist needs the clipboard inside the frame.
    frame.allow = 'clipboard-write';
    frame.src = url.href;
    frame.title = 'Cek Klien';
    // Styles through the CSSOM, which a strict CSP allows (style attributes it would not), and
    // important, so a page's "* { … !important }" cannot collapse the frame. It may scroll
    // inside until its first height arrives: a frame whose messages never come (blocked by the
    // page, say) stays usable.
    setImportant(frame, { width: '100%', 'min-width': '0', height: '32rem', border: '0', display: 'block', padding: '0', margin: '0' });
    // At least phone width, the narrowest layout the widget is designed for.
    setImportant(host, { display: 'block', width: '100%', 'min-width': '280px', flex: '1 1 100%', 'box-sizing': 'border-box' });
    host.replaceChildren(frame);
    widgets.set(host, { frame });
  }

  // The iframe a message came from, if this script made it. Told apart by its window, never by
  // origin: a sandboxed frame (the page's or a CMS's sandbox) has an opaque origin, "null".
  function frameOf(source) {
    for (const widget of widgets.values()) {
      if (widget.frame && source && widget.frame.contentWindow === source) return widget.frame;
    }
    return null;
  }

  window.addEventListener('message', (event) => {
    const frame = frameOf(event.source);
    const data = event.data;
    if (!frame || typeof data !== 'object' || data === null) return;
    const height = data.cekKlienHeight;
    // A widget is never shorter than its bar and a question, nor as tall as a novel: anything
    // outside that is not the app's honest height and would hide it or stretch the page.
    if (typeof height !== 'number' || !Number.isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) return;
    frame.style.setProperty('height', `${Math.ceil(height)}px`, 'important');
    frame.setAttribute('scrolling', 'no');
  });

  function message(widget, text, { failed = false, slow = false } = {}) {
    const note = document.createElement('p');
    note.textContent = text;
    note.className = 'embed-status';
    if (failed || slow) {
      note.setAttribute('role', failed ? 'alert' : 'status');
      if (failed) note.setAttribute('data-testid', 'error');
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.textContent = 'Coba lagi / Try again';
      // Retry this widget only: reloading the blog would lose the reader's place on it.
      retry.addEventListener('click', widget.retry);
      note.append(' ', retry);
    }
    widget.root.replaceChildren(note);
  }

  // Only a blog's own readers see this box: a link to the app is what it shows when nothing
  // else can be shown.
  function showLink(host) {
    const link = document.createElement('a');
    link.href = new URL('./', base).href;
    link.textContent = 'Cek Klien';
    if (!host.querySelector('a[href]')) host.replaceChildren(link);
  }

  function mountScript(host) {
    if (realmIsBroken()) {
      console.warn('Cek Klien: this page changes how promises resolve; the widget is shown in an iframe instead.');
      mountIframe(host);
      return;
    }
    let shadow;
    try {
      shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    } catch (error) {
      // Elements such as <a>, <li> or <td>, or one that already has a closed shadow root, take
      // no shadow root: an iframe works in any of them.
      console.warn('Cek Klien: this element cannot hold a shadow root; the widget is shown in an iframe instead.', error);
      try {
        mountIframe(host);
        // A shadow root of someone else's hides what is put inside the element: the widget
        // goes right after it instead.
        const { frame } = widgets.get(host);
        if (frame.getClientRects().length === 0) {
          const box = document.createElement('div');
          box.setAttribute('data-cek-klien-fallback', '');
          host.after(box);
          box.append(frame);
          widgets.get(host).box = box;
        }
      } catch {
        showLink(host);
      }
      return;
    }
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL(BUILD.css, base).href;
    const root = document.createElement('div');
    shadow.replaceChildren(style, root);
    const widget = {
      root,
      retry: () => {
        unmount(host);
        mount(host);
      },
    };
    widgets.set(host, widget);
    message(widget, LOADING);
    widget.timer = setTimeout(() => message(widget, SLOW, { slow: true }), SLOW_MS);
    // A widget that will speak English gets its texts alongside the app, not after it.
    if (willSpeakEnglish(host)) globalThis.cekKlienLoadEnglish().catch(() => {});
    loadApp().then(
      (app) => {
        clearTimeout(widget.timer);
        if (widgets.get(host) !== widget) return;
        app.mount_widget(root, host, base.href);
      },
      async (error) => {
        clearTimeout(widget.timer);
        if (widgets.get(host) !== widget) return;
        console.error('Cek Klien could not load', error);
        const why = await explain(error);
        if (widgets.get(host) !== widget) return;
        if (why) {
          const note = document.createElement('p');
          note.className = 'embed-status';
          note.setAttribute('data-testid', 'error');
          note.setAttribute('role', 'alert');
          note.textContent = why;
          root.replaceChildren(note);
        } else {
          message(widget, FAILED, { failed: true });
        }
      },
    );
  }

  function mount(host) {
    if (!(host instanceof Element)) throw new TypeError('CekKlien.mount needs an element');
    if (widgets.has(host)) return;
    host.setAttribute('data-cek-klien-mounted', '');
    if (host.getAttribute('data-mode') === 'iframe') mountIframe(host);
    else mountScript(host);
  }

  // The event that tells a widget's app to let go of it (UNMOUNT_EVENT in the app's mount.rs):
  // an event on the root, because one more export of the wasm would cost every reader its
  // bytes.
  const UNMOUNT_EVENT = 'cek-klien-unmount';

  // Lets go of a widget: its app (listeners, state, DOM) and this script's hold on it. A script
  // mount's shadow root then shows the element's own content again (the link readers without
  // JavaScript see), and keeps nothing of the widget: the app's root outlives the app (its
  // listeners are never freed), so it must not hold the element or the page.
  function unmount(host) {
    const widget = widgets.get(host);
    if (!widget) return;
    widgets.delete(host);
    clearTimeout(widget.timer);
    widget.box?.remove();
    host.removeAttribute('data-cek-klien-mounted');
    if (widget.root) {
      try {
        widget.root.dispatchEvent(new Event(UNMOUNT_EVENT));
        host.shadowRoot?.replaceChildren(document.createElement('slot'));
      } catch (error) {
        // A page that broke the DOM's own methods: the other widgets are still let go.
        console.error('Cek Klien could not unmount a widget', error);
      }
    }
  }

  function mountAll() {
    for (const host of document.querySelectorAll('[data-cek-klien]:not([data-cek-klien-mounted])')) mount(host);
  }

  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.removedNodes.length)) {
      for (const host of [...widgets.keys()]) if (!host.isConnected) unmount(host);
    }
    if (records.some((r) => r.addedNodes.length || r.type === 'attributes')) mountAll();
  });

  function start() {
    mountAll();
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-cek-klien'] });
  }

  window.CekKlien = Object.freeze({ mount, unmount, mountAll });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
