// Starts the app. If its files fail to load (offline, a 404 after a half-finished deploy, a
// truncated download) the prerendered intro gets a message and a retry instead of staying
// silently dead; if they are merely slow, the reader is told so. The build fills in the names.
const JS = './__CEK_KLIEN_JS__';
const WASM = './__CEK_KLIEN_WASM__';
// The English side of the texts is a file of its own, which only English readers download.
const ENGLISH = './__CEK_KLIEN_ENGLISH__';
const SLOW_MS = 8000;
const FAILED = 'Kuis tidak bisa dimuat. Periksa koneksi Anda lalu coba lagi. / The quiz could not load. Check your connection and try again.';
const SLOW = 'Kuis masih dimuat; koneksi sedang lambat. / The quiz is still loading; the connection is slow.';

function notice(text, failed) {
  const root = document.getElementById('app');
  if (!root) return;
  root.querySelector('.load-notice')?.remove();
  const note = document.createElement('p');
  note.className = 'load-notice';
  note.setAttribute('role', failed ? 'alert' : 'status');
  if (failed) note.setAttribute('data-testid', 'error');
  note.textContent = text;
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = 'Coba lagi / Try again';
  retry.addEventListener('click', () => window.location.reload());
  note.append(' ', retry);
  (root.querySelector('main') ?? root).prepend(note);
}

// Fetches the English texts once; the app calls this when it needs them. A failed fetch is
// forgotten, so a later switch to English tries again.
let english;
globalThis.cekKlienLoadEnglish = () =>
  (english ??= fetch(ENGLISH)
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .catch((error) => {
      english = undefined;
      throw error;
    }));

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
  const slow = setTimeout(() => notice(SLOW, false), SLOW_MS);
  try {
    const bindings = await import(JS);
    const wasm = await bindings.default({ module_or_path: WASM });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  } catch (error) {
    console.error('Cek Klien could not load', error);
    notice(FAILED, true);
  } finally {
    clearTimeout(slow);
  }
}

// The builder used to live at '#builder' on the quiz's page; old links still reach it.
if (location.hash === '#builder') location.replace(`builder.html${location.search}`);
else await start();
