// Makes the result card: its own wasm (src/bin/card.rs) opens the result's link as the app does
// and writes the card as SVG (core::card), which is drawn onto a canvas, and the PNG is handed to
// the system share sheet where that takes files, else downloaded. The loaders (start.js, and
// embed.js on a blog) import this file only when a reader asks for a card, so none of it is in
// the quiz's first load. Everything happens in the page: the texts are the files the app already
// fetched, and the SVG refers to nothing outside itself, so drawing it fetches nothing. The build
// fills in the names.
const GLUE = './__CEK_KLIEN_CARD_JS__';
const WASM = './__CEK_KLIEN_CARD_WASM__';
const UNAVAILABLE = {
  id: 'Gambar hasil belum bisa dibuat. Periksa koneksi Anda lalu coba lagi.',
  en: 'The result image could not be made yet. Check your connection and try again.',
};

// `button` is the result screen's card button: the result's share link and the app's theme are
// read from the screen around it ('auto' is the system's colours at this moment, as the app's
// stylesheet shows them), so the app hands over nothing. How it went is said beside the button,
// in a status line of its own, so the app keeps no state for it; a reader who closes the share
// sheet is told nothing.
export async function card(button) {
  const link = button.closest('[data-testid=result]')?.querySelector('[data-testid=share-link]')?.value ?? '';
  const theme = button.closest('[data-theme]')?.getAttribute('data-theme');
  const note = statusLine(button);
  if (note) note.textContent = '';
  try {
    const glue = await import(GLUE);
    await glue.default({ module_or_path: new URL(WASM, import.meta.url) });
    // The texts of the result's language: the English pack, or the Indonesian of what only a
    // result shows; the app fetched it before it showed the result, so this waits for nothing.
    const english = glue.card_lang(link) === 'en';
    const pack = await (english ? globalThis.cekKlienLoadEnglish : globalThis.cekKlienLoadLater)();
    const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    const [name, title, downloaded, shared, failed, svg] = glue.card_make(link, pack, dark);
    if (!svg) throw new Error('the result link did not open');
    let said = failed;
    try {
      const made = await share(svg, name, title);
      said = made === 'shared' ? shared : made === 'downloaded' ? downloaded : '';
    } catch (error) {
      console.warn('Cek Klien could not make the result card', error);
    }
    if (note) note.textContent = said;
  } catch (error) {
    // Its own files did not load (offline before the worker kept them), or the link did not
    // open: the card's texts are in its wasm, so this one is here, in the screen's language.
    console.warn('Cek Klien could not load the result card', error);
    if (note) note.textContent = UNAVAILABLE[button.closest('[lang]')?.lang === 'en' ? 'en' : 'id'];
  }
}

// Made once, right after the row of buttons, so a screen reader hears what is written into it
// later.
function statusLine(button) {
  const row = button?.parentElement;
  if (!row?.parentElement) return null;
  let note = row.parentElement.querySelector('[data-testid=card-status]');
  if (!note) {
    note = document.createElement('p');
    note.className = 'copy-feedback';
    note.setAttribute('role', 'status');
    note.setAttribute('data-testid', 'card-status');
    row.after(note);
  }
  return note;
}

// Draws `svg` and shares or downloads the PNG. Resolves to 'shared', 'downloaded' or
// 'cancelled'; rejects when the browser cannot draw or encode the picture, or the share sheet
// refused it.
async function share(svg, name, title) {
  const image = new Image();
  // A blob: address the page made itself (the README's policy allows it with img-src blob:);
  // drawn from it, the picture leaves the canvas readable.
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  const canvas = document.createElement('canvas');
  canvas.width = 1200;
  canvas.height = 630;
  try {
    image.src = url;
    await image.decode();
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0);
  } finally {
    URL.revokeObjectURL(url);
  }
  const png = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!png) throw new Error('the canvas made no PNG');
  const file = new File([png], name, { type: 'image/png' });
  if (navigator.canShare?.({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title });
      return 'shared';
    } catch (error) {
      if (error?.name === 'AbortError') return 'cancelled';
      throw error;
    }
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(png);
  link.download = name;
  // In the page's own document, not the widget's shadow root: some browsers download only
  // from a link in the document.
  document.body.append(link);
  link.click();
  link.remove();
  // The download has the bytes by then; the address would otherwise live as long as the page.
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  return 'downloaded';
}
