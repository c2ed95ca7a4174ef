// Starts the app. If its files fail to load (offline, a 404 after a half-finished deploy, a
// truncated download) the prerendered intro gets a message and a retry instead of staying
// silently dead; if they are merely slow, the reader is told so. The build fills in the names.
const JS = './__CEK_KLIEN_JS__';
const WASM = './__CEK_KLIEN_WASM__';
// The English side of the texts is a file of its own, which only English readers download; so
// is the Indonesian of what only a result shows, fetched once a quiz starts or a result opens.
const ENGLISH = './__CEK_KLIEN_ENGLISH__';
const LATER = './__CEK_KLIEN_LATER__';
// Says why a load failed when the connection is not to blame; fetched only after a failure.
const EXPLAIN = './__CEK_KLIEN_EXPLAIN__';
// Offline use and the install prompt (never in an embed), once the app runs.
const OFFLINE = './__CEK_KLIEN_OFFLINE__';
// The result card's button and the start screen's list of saved results, once the app runs.
const QUIZ_EXTRAS = './__CEK_KLIEN_QUIZ_EXTRAS__';
const SLOW_MS = 8000;
const FAILED = 'Kuis tidak bisa dimuat. Periksa koneksi Anda lalu coba lagi. / The quiz could not load. Check your connection and try again.';
const SLOW = 'Kuis masih dimuat. Sepertinya koneksi sedang lambat. / The quiz is still loading. The connection seems slow.';

// A failure the connection did not cause (`hopeless`) gets no retry: it could not help.
function notice(text, failed, hopeless) {
  const root = document.getElementById('app');
  if (!root) return;
  root.querySelector('.load-notice')?.remove();
  const note = document.createElement('p');
  note.className = 'load-notice';
  note.setAttribute('role', failed ? 'alert' : 'status');
  if (failed) note.setAttribute('data-testid', 'error');
  note.textContent = text;
  if (!hopeless) {
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = 'Coba lagi / Try again';
    retry.addEventListener('click', () => window.location.reload());
    note.append(' ', retry);
  }
  (root.querySelector('main') ?? root).prepend(note);
}

// Fetches a texts file once; the app calls these when it needs them. A failed fetch is
// forgotten, so the next need (a switch to English, a retry) tries again.
const loads = {};
const loader = (url) => () =>
  (loads[url] ??= fetch(url)
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .catch((error) => {
      delete loads[url];
      throw error;
    }));
globalThis.cekKlienLoadEnglish = loader(ENGLISH);
globalThis.cekKlienLoadLater = loader(LATER);

// The app's own rule for its language (the address's ?lang=, the reader's stored choice, a shared
// result's language, the browser's): when it will say English, the texts are fetched alongside
// the wasm instead of after it.
function likelyEnglish() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'en' || asked === 'id') return asked === 'en';
  let stored = null;
  try {
    stored = localStorage.getItem('cek-klien.lang');
  } catch {
    // Storage refused: the app does without it too.
  }
  if (stored === 'en' || stored === 'id') return stored === 'en';
  if (/^#[rm]1\.[^.]+\.\d+\.en\./.test(location.hash)) return true;
  return /^en\b/i.test(navigator.language ?? '');
}

async function start() {
  if (likelyEnglish()) globalThis.cekKlienLoadEnglish().catch(() => {});
  // A result link needs the result's texts at once: fetched alongside the wasm.
  else if (/^#[rm]1\./.test(location.hash)) globalThis.cekKlienLoadLater().catch(() => {});
  const slow = setTimeout(() => notice(SLOW, false), SLOW_MS);
  try {
    const bindings = await import(JS);
    const wasm = await bindings.default({ module_or_path: WASM });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
    import(OFFLINE).catch(() => {});
    import(QUIZ_EXTRAS).catch(() => {});
  } catch (error) {
    console.error('Cek Klien could not load', error);
    // If even this file cannot be fetched, the connection it is.
    const why = await import(EXPLAIN).then((m) => m.explain(error)).catch(() => null);
    notice(why ?? FAILED, true, why);
  } finally {
    clearTimeout(slow);
  }
}

// A share link whose '#' a chat app sent as '%23' (?lang=en%23r1.…) has its fragment in the
// query: it goes back where it belongs before the app reads the address. (In the path, such a
// link is a missing page: 404.html recovers it.)
const [query, link] = location.search.split(/%23(?=[a-z]\d\.)/i, 2);
if (link) history.replaceState(null, '', location.pathname + query + '#' + link);

// The builder used to live at '#builder' on the quiz's page; old links still reach it.
if (location.hash === '#builder') location.replace(`builder.html${location.search}`);
else await start();
