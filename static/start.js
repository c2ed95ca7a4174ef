// Starts the app. If its files fail to load (offline, a 404 after a half-finished deploy, a
// truncated download) the prerendered intro gets a message and a retry instead of staying
// silently dead; if they are merely slow, the reader is told so. The build fills in the names.
const JS = './__CEK_KLIEN_JS__';
const WASM = './__CEK_KLIEN_WASM__';
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

async function start() {
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
