// What the quiz's page does once the app runs, kept out of its first load: the loader imports
// this file right after the app starts. The saved page's loader imports it too, for (3); the
// other pages' never do. The build fills in the names.
// 1. The result card's button is the app's; what it does is card.js's, imported on the first
//    press. If card.js cannot load (offline before the worker kept it), the button does nothing.
// 2. The start screen's list of the results saved on this device, written into the place the app
//    leaves for it (`data-saved-list`) by the result card's wasm (src/bin/card.rs), which opens
//    result links as the app does.
// 3. The result's client name field: a saved result reopened from a list (this one, or the saved
//    page's) comes back with its client's name in it, for the printout or to save it again (the
//    link leaves the name in this tab's session as it is followed, core::saved::REOPENED_KEY);
//    what was typed there survives the screen being drawn again in the other language (a new
//    field); Enter in it saves, as the button beside it does.
const CARD = './__CEK_KLIEN_CARD__';
const GLUE = './__CEK_KLIEN_CARD_JS__';
const WASM = './__CEK_KLIEN_CARD_WASM__';

const REOPENED = 'cek-klien.reopened';

addEventListener('click', (event) => {
  const button = event.target.closest?.('[data-testid=result-card]');
  if (button) import(CARD).then((m) => m.card(button), console.warn);
  const link = event.target.closest?.('a[data-name]');
  if (link) session((storage) => storage.setItem(REOPENED, `${new URL(link.href).hash}\n${link.dataset.name}`));
});

// Storage refused: the name is left out, and the result opens as it would.
function session(use) {
  try {
    return use(sessionStorage);
  } catch {
    return null;
  }
}

// A result's fragment without what a switch of language changes: its language and its last
// character, a check digit over the rest (`#m1.<quiz>.<version>.<lang>.<answers><check>`).
const resultOf = (fragment) => fragment.replace(/^(#[rm]1\.[^.]+\.\d+)\.[a-z]{2}\.(.*).$/, '$1.$2');

// The name typed for the result on screen, as last typed.
let typed = { result: null, name: '' };
const NAME_FIELD = 'input[name=client-name]';
addEventListener('input', (event) => {
  if (event.target.matches?.(NAME_FIELD)) typed = { result: resultOf(location.hash), name: event.target.value };
});
addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target.matches?.(NAME_FIELD)) {
    event.target.parentElement?.querySelector('[data-testid=save-result]')?.click();
  }
});

// Into an empty name field: the name typed for this result before it was drawn again, or once,
// the name a saved result's link left for it (any other result drops that one).
function putBackName() {
  const field = document.querySelector(NAME_FIELD);
  if (!field || field.value) return;
  const note = session((storage) => storage.getItem(REOPENED));
  if (note) session((storage) => storage.removeItem(REOPENED));
  const [fragment, name] = (note ?? '').split('\n');
  if (name && fragment === location.hash) field.value = name;
  else if (typed.name && typed.result === resultOf(location.hash)) field.value = typed.name;
}

// What each place was last written from: storage's value then.
const written = new WeakMap();

// Storage refused: nothing can have been saved, and the quiz says so when saving.
const stored = () => {
  try {
    return localStorage.getItem('cek-klien.saved') ?? '';
  } catch {
    return '';
  }
};

// The app draws the start screen again for each change on it: a new place (the screen opened,
// or its language changed), or the same one after the list changed ("forget" empties it; so does
// another tab). Writing the list changes the page too, and then finds nothing new to write.
function update() {
  const spots = document.querySelectorAll('[data-saved-list]');
  const value = spots.length ? stored() : '';
  for (const spot of spots) {
    if (written.get(spot) === value) continue;
    written.set(spot, value);
    write(spot, value);
  }
}

async function write(spot, value) {
  if (!value) {
    show(spot, '');
    return;
  }
  try {
    const english = spot.closest('[lang]')?.lang === 'en';
    const glue = await import(GLUE);
    await glue.default({ module_or_path: new URL(WASM, import.meta.url) });
    // The verdicts' texts: the English pack, or the Indonesian of what only a result shows.
    const pack = await (english ? globalThis.cekKlienLoadEnglish : globalThis.cekKlienLoadLater)();
    // Unless the list changed meanwhile, and a newer write is on its way.
    if (written.get(spot) === value) show(spot, glue.saved_list(value, pack, english));
  } catch (error) {
    // Offline before the worker kept these files: the start page's link to the saved page
    // still leads to them.
    console.warn('Cek Klien could not list the saved results', error);
  }
}

// The list ends with its own link to the saved page; the plain one below it would repeat it.
function show(spot, markup) {
  spot.innerHTML = markup;
  const plain = spot.parentElement?.querySelector('[data-testid=saved-link]')?.parentElement;
  if (plain) plain.hidden = spot.childElementCount > 0;
}

function watch() {
  update();
  putBackName();
}

new MutationObserver(watch).observe(document, { childList: true, subtree: true });
watch();
