// Cek Klien embed loader: https://…/embed.js keeps this name across releases; the build fills
// in the current file names below, so snippets pasted today keep working after an update.
//
//   <div data-cek-klien data-quiz="tipe-klien" data-lang="en" data-theme="auto"></div>
//   <script type="module" src="https://…/embed.js"></script>
//
// data-mode="iframe" shows the widget in an iframe that follows its content's height.
// Without it, the widget mounts in an open shadow root, so the page's CSS cannot reach it.
const BUILD = { js: '__CEK_KLIEN_JS__', wasm: '__CEK_KLIEN_WASM__', css: '__CEK_KLIEN_CSS__', english: '__CEK_KLIEN_ENGLISH__' };
// The option names the app reads (core::embed::OPTION_NAMES), written in by the build.
const OPTIONS = __CEK_KLIEN_OPTIONS__;
const base = new URL('./', import.meta.url);
const LOADING = 'Memuat kuis… / Loading the quiz…';
const FAILED = 'Kuis tidak bisa dimuat. Periksa koneksi lalu coba lagi. / The quiz could not load. Check your connection and try again.';

// The heights (px) accepted from an iframe's messages.
const MIN_HEIGHT = 120;
const MAX_HEIGHT = 20000;

// Iframes this script made, by their window: only their messages are listened to.
const frames = new Map();
let appModule;

// A host page may have replaced fetch (to log, to block, or by accident). The wasm's loader
// uses fetch, so when it is not the browser's own, the bytes come by XMLHttpRequest instead.
const nativeFetch =
  typeof window.fetch === 'function' && /\[native code\]/.test(Function.prototype.toString.call(window.fetch));

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

// The English side of the texts, a file of its own that only English readers download. The app
// calls this when a widget needs it; a failed fetch is forgotten so a later try can succeed.
let english;
function loadEnglish() {
  const url = new URL(BUILD.english, base).href;
  english ??= (nativeFetch ? fetch(url).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`)))) : fetchBytes(url))
    .then((bytes) => new TextDecoder().decode(bytes))
    .catch((error) => {
      english = undefined;
      throw error;
    });
  return english;
}
globalThis.cekKlienLoadEnglish = loadEnglish;

function loadApp() {
  appModule ??= import(new URL(BUILD.js, base).href).then(async (module) => {
    const wasm = new URL(BUILD.wasm, base);
    await module.default({ module_or_path: nativeFetch ? wasm : await fetchBytes(wasm.href) });
    return module;
  });
  return appModule;
}

function mountIframe(host) {
  const url = new URL('./', base);
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
  frame.setAttribute('scrolling', 'no');
  // Styles through the CSSOM, which a strict CSP allows (style attributes it would not), and
  // important, so a page's "* { … !important }" cannot collapse the frame.
  setImportant(frame, { width: '100%', 'min-width': '0', height: '32rem', border: '0', display: 'block', padding: '0', margin: '0' });
  // At least phone width, the narrowest layout the widget is designed for.
  setImportant(host, { display: 'block', width: '100%', 'min-width': '280px', flex: '1 1 100%', 'box-sizing': 'border-box' });
  host.replaceChildren(frame);
  frames.set(frame.contentWindow, frame);
}

function setImportant(element, styles) {
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
}

window.addEventListener('message', (event) => {
  const frame = frames.get(event.source);
  if (!frame || event.origin !== base.origin) return;
  const height = event.data?.cekKlienHeight;
  // A widget is never shorter than its bar and a question, nor as tall as a novel: anything
  // outside that is not the app's honest height and would hide it or stretch the page.
  if (typeof height !== 'number' || !Number.isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) return;
  frame.style.setProperty('height', `${Math.ceil(height)}px`, 'important');
});

function message(root, text, failed, host) {
  const note = document.createElement('p');
  note.textContent = text;
  note.className = 'embed-status';
  if (failed) {
    note.setAttribute('data-testid', 'error');
    note.setAttribute('role', 'alert');
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = 'Coba lagi / Try again';
    // Retry this widget only: reloading the blog would lose the reader's place on it.
    retry.addEventListener('click', () => {
      appModule = undefined;
      host.removeAttribute('data-cek-klien-mounted');
      mountScript(host);
    });
    note.append(' ', retry);
  }
  root.replaceChildren(note);
}

async function mountScript(host) {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL(BUILD.css, base).href;
  const root = document.createElement('div');
  shadow.replaceChildren(style, root);
  message(root, LOADING, false, host);
  // A widget that will speak English gets its texts alongside the app, not after it.
  if (/^en\b/i.test(host.getAttribute('data-lang') || navigator.language || '')) loadEnglish().catch(() => {});
  try {
    const app = await loadApp();
    app.mount_widget(root, host, base.href);
  } catch (error) {
    message(root, FAILED, true, host);
    console.error('Cek Klien could not load', error);
  }
}

function mountAll() {
  for (const host of document.querySelectorAll('[data-cek-klien]:not([data-cek-klien-mounted])')) {
    host.setAttribute('data-cek-klien-mounted', '');
    if (host.getAttribute('data-mode') === 'iframe') mountIframe(host);
    else mountScript(host);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
else mountAll();
