// Makes the standalone site work offline and installable: links the web app manifest and
// registers the service worker (sw.js, written by the build from its real file names). start.js
// imports this file only once the app has started, so none of it is in the quiz's first load.
// Never inside an embed: an iframe (the `?embed=` page, or any page framed by another) and the
// script mount (embed.js, which never loads this) register nothing, so a blog's reader gets no
// worker and no install prompt from a widget.
const NOTE = 'cek-klien-updated';
const TEXT = {
  id: 'Versi baru Cek Klien sudah dipakai.',
  en: 'Cek Klien has been updated to the new version.',
};

// The same rule as the app's is_iframe_query (src/core/query.rs): ?embed=1, true or yes.
const iframeMode = ['1', 'true', 'yes'].includes(new URLSearchParams(location.search).get('embed'));
if (window === window.top && !iframeMode) {
  const manifest = document.createElement('link');
  manifest.rel = 'manifest';
  manifest.href = './manifest.webmanifest';
  document.head.append(manifest);
  navigator.serviceWorker
    ?.register('./sw.js')
    // A page the worker served came from its cache: ask now whether a new build is out, so it
    // is installed (completely, before it is used) in time for the next visit.
    .then((registration) => navigator.serviceWorker.controller && registration.update())
    .catch(() => {});
  showUpdateNote().catch(() => {});
}

// The worker leaves a mark when a newer build replaced an older one's copy; the first page to
// take it says so once, quietly, in the page's language.
async function showUpdateNote() {
  if (!(await globalThis.caches?.has(NOTE)) || !(await (await caches.open(NOTE)).delete('updated'))) return;
  const note = document.createElement('p');
  note.setAttribute('role', 'status');
  note.setAttribute('data-testid', 'updated');
  note.lang = document.documentElement.lang === 'en' ? 'en' : 'id';
  note.textContent = TEXT[note.lang];
  // Styled here, through the CSSOM (allowed by a strict style-src), so the quiz's stylesheet
  // carries no bytes for a note most visits never show. The app's accent, white on it, reads in
  // either theme.
  Object.assign(note.style, {
    position: 'fixed',
    insetInline: '0',
    bottom: '1em',
    width: 'fit-content',
    maxWidth: 'calc(100% - 2em)',
    margin: '0 auto',
    padding: '0.5em 1em',
    borderRadius: '8px',
    background: '#0b6e4f',
    color: '#fff',
    font: '0.95rem/1.4 system-ui, sans-serif',
    zIndex: '10',
  });
  // Out of the way after a while, or at once when tapped.
  const hide = () => note.remove();
  note.addEventListener('click', hide);
  setTimeout(hide, 10000);
  document.body.append(note);
}
