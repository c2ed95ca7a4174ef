// Prints each file of a build with its raw and gzip sizes, the total, and each page's first load
// (what a reader downloads to use it: the page and every file it or its loader names, so its
// scripts, wasm, stylesheet and icon; the English texts, fetched only for English readers, the
// result pack, fetched only once a quiz starts or a result link opens, and the explanation of a
// failed start, fetched only then, the result card's drawing, fetched only when a reader
// makes one, and the card's button and the start page's list of saved results, after the app
// has started, on lines of their own; so are offline use and the install
// prompt: offline.js, imported once the app has started, the service worker, the manifest and
// its icons, and what the worker then keeps in the background). The quiz (index.html) has a ceiling: with --ceiling N the command fails
// when its first load exceeds N. Every other page has the product's budget of 110 KB gzip, and
// terms.html, which is also the fit check a prospect opens, 100 KB.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { offlineFiles } from './offline.mjs';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const ceilingAt = args.indexOf('--ceiling');
const ceiling = ceilingAt >= 0 ? Number(args[ceilingAt + 1]) : null;
const OTHER_PAGE_BUDGET = 110_000;
// The fit check a prospect opens is terms.html (the work-terms page's wasm): its budget is lower.
const PAGE_BUDGETS = { 'terms.html': 100_000 };

const OFFLINE_ONLY = /^(offline-[0-9a-f]+\.js|sw\.js|manifest\.webmanifest|icon-[\w-]+\.png)$/;
const gzipOf = (name) => gzipSync(readFileSync(join(dir, name)), { level: 9 }).length;

// Follows references from a page: src/href attributes and './file' strings in its scripts.
function firstLoadOf(page) {
  const names = new Set();
  const follow = (name) => {
    if (names.has(name) || !existsSync(join(dir, name))) return;
    names.add(name);
    if (!/\.(html|js)$/.test(name) || /_bg\.wasm$|^(cek-klien|builder|terms)-[0-9a-f]+\.js$/.test(name)) return;
    const text = readFileSync(join(dir, name), 'utf8');
    for (const [, ref] of text.matchAll(/(?:src=|href=|['"])\.\/([\w.-]+)/g)) follow(ref);
  };
  follow(page);
  const english = [...names].filter((name) => /^texts-en-/.test(name));
  for (const name of english) names.delete(name);
  // Fetched only when the app failed to start, to say why.
  const onFailure = [...names].filter((name) => /^load-failed-/.test(name));
  for (const name of onFailure) names.delete(name);
  // The Indonesian of what only a result shows: fetched once the reader starts a quiz (or opens
  // a result link), never by a reader who only looks at the first screen.
  const results = [...names].filter((name) => /^texts-id-/.test(name));
  for (const name of results) names.delete(name);
  // Offline use: offline.js (and what it names) loads only after the app has started.
  const offline = [...names].filter((name) => OFFLINE_ONLY.test(name));
  for (const name of offline) names.delete(name);
  // The result card (card.js, and the layout's wasm and glue it loads): only when a reader asks
  // for a card.
  const card = [...names].filter((name) => /^card-(layout-)?[0-9a-f]+(\.js|_bg\.wasm)$/.test(name));
  for (const name of card) names.delete(name);
  // The result card's button and the start page's list of saved results (quiz-extras.js, which
  // uses the card's files): imported once the app has started.
  const extras = [...names].filter((name) => /^quiz-extras-[0-9a-f]+\.js$/.test(name));
  for (const name of extras) names.delete(name);
  return { names, english, onFailure, results, offline, card, extras };
}

const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dir);
let total = 0;
for (const path of files.sort()) {
  const bytes = readFileSync(path);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  total += gzip;
  console.log(`${String(gzip).padStart(8)} B gzip ${String(bytes.length).padStart(9)} B raw  ${relative(dir, path)}`);
}
console.log(`${String(total).padStart(8)} B gzip total (${(total / 1024).toFixed(1)} KiB)`);

let failed = false;
const pages = readdirSync(dir).filter((name) => /\.html$/.test(name) && name !== '404.html').sort();
for (const page of ['index.html', ...pages.filter((p) => p !== 'index.html')]) {
  const { names, english, onFailure, results, offline, card, extras } = firstLoadOf(page);
  const bytes = [...names].reduce((sum, name) => sum + gzipOf(name), 0);
  // en.html is the quiz's page with its intro in English (English iframes load it).
  const quiz = page === 'index.html' || page === 'en.html';
  const pageBudget = PAGE_BUDGETS[page] ?? OTHER_PAGE_BUDGET;
  const budget = quiz ? 'budget: never past 116 KB, aim 100 KB' : `budget ${pageBudget / 1000} KB`;
  console.log(`${String(bytes).padStart(8)} B gzip first load of ${page} (${(bytes / 1024).toFixed(1)} KiB; ${budget}): ${[...names].join(' ')}`);
  for (const name of english) console.log(`${String(gzipOf(name)).padStart(8)} B gzip more for English readers: ${name}`);
  for (const name of results) console.log(`${String(gzipOf(name)).padStart(8)} B gzip more once a quiz starts or a result opens (Indonesian): ${name}`);
  for (const name of onFailure) console.log(`${String(gzipOf(name)).padStart(8)} B gzip more only when the app fails to start: ${name}`);
  for (const name of card) console.log(`${String(gzipOf(name)).padStart(8)} B gzip more only when a reader makes a result card: ${name}`);
  for (const name of extras) console.log(`${String(gzipOf(name)).padStart(8)} B gzip more once the app has started (the card's button, the saved results' list, a reopened one's name): ${name}`);
  // (The worker, the manifest and the icons it names are listed once, below.)
  for (const name of offline.filter((n) => /^offline-/.test(n))) console.log(`${String(gzipOf(name)).padStart(8)} B gzip offline only, after first load: ${name}`);
  // An og:image made absolute by CEK_KLIEN_BASE_URL (scripts/post-build.mjs) is the deployer's
  // address, not the app's code: its bytes are shown, and not held against the ceiling.
  const html = readFileSync(join(dir, page), 'utf8');
  const relative = html.replace(/content="https?:\/\/[^"]*?og-image\.png"/, 'content=og-image.png');
  const address = gzipSync(html, { level: 9 }).length - gzipSync(relative, { level: 9 }).length;
  if (address !== 0) console.log(`${String(address).padStart(8)} B gzip of it the og:image address CEK_KLIEN_BASE_URL made absolute (not held against the ceiling)`);
  if (quiz && ceiling !== null && bytes - address > ceiling) {
    console.error(`first load ${bytes - address} B is over the ceiling of ${ceiling} B: a change made the download bigger`);
    failed = true;
  }
  if (!quiz && bytes > pageBudget) {
    console.error(`${page}'s first load ${bytes} B is over its budget of ${pageBudget} B`);
    failed = true;
  }
}
// What the standalone site's worker fetches in the background after the first visit (the
// browser fetches the manifest's icons too, when it considers an install).
if (existsSync(join(dir, 'sw.js'))) {
  for (const name of readdirSync(dir).filter((n) => /^(manifest\.webmanifest|icon-[\w-]+\.png)$/.test(n)).sort()) {
    console.log(`${String(gzipOf(name)).padStart(8)} B gzip offline only, after first load: ${name}`);
  }
  const kept = offlineFiles(dir);
  const keptBytes = kept.reduce((sum, name) => sum + gzipOf(name), 0);
  console.log(`${String(gzipOf('sw.js')).padStart(8)} B gzip offline only, after first load: sw.js (keeps ${kept.length} files, ${keptBytes} B gzip, fetched once in the background)`);
}
if (failed) process.exit(1);
