// Trunk post-build hook (see Trunk.toml), run on the staging folder before it becomes dist/.
// For every page (index.html, and builder.html, terms.html and saved.html, which the index build
// builds too):
// 1. replaces Trunk's inline loader <script> with static/start.js in its own file, so the page
//    works under a Content-Security-Policy without 'unsafe-inline' and reports failed loads;
// 2. minifies the wasm-bindgen JS glue (Trunk leaves it as written), keeping its SRI hash true;
//    writes the English texts (texts-en-<id>.txt), which the loader fetches for English readers.
// For index.html only:
// 3. puts the prerendered intro (src/bin/prerender.rs) into the page, so the first screen
//    paints from the HTML before the wasm arrives, and writes en.html, the same page with the
//    English intro (English iframes load it), and 404.html (recovers links with '%23');
// 4. writes embed.js with the current build's hashed file names and the embed option names;
// 5. builds builder.html (the embed builder), terms.html (the work-terms page) and saved.html (the
//    saved assessments), each with its own wasm so the quiz never downloads them, and adds their
//    files;
// 6. last, once every page's files are in place: writes the service worker (scripts/offline.mjs)
//    from the final file list. A page added like builder.html goes before this step.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { minify } from 'terser';
import { writeWorker } from './offline.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is unset)');
const page = basename(process.env.TRUNK_HTML_FILE ?? 'index.html');
// The other pages, each built by a Trunk run of its own (step 5), and the wasm binary of each.
const OTHER_PAGES = { 'builder.html': 'builder', 'terms.html': 'terms', 'saved.html': 'saved' };
const bin = OTHER_PAGES[page] ?? 'cek-klien';
const files = readdirSync(dir);
const find = (pattern) => {
  const found = files.filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`expected one file matching ${pattern}, found ${found}`);
  return found[0];
};
const build = {
  js: find(new RegExp(`^${bin}-[0-9a-f]+\\.js$`)),
  wasm: find(new RegExp(`^${bin}-[0-9a-f]+_bg\\.wasm$`)),
  css: find(/^app-[0-9a-f]+\.css$/),
};

const pagePath = join(dir, page);
let html = readFileSync(pagePath, 'utf8');

const gluePath = join(dir, build.js);
const glue = readFileSync(gluePath, 'utf8');
const minified = await minify(glue, { module: true, compress: { passes: 2 }, mangle: true });
writeFileSync(gluePath, minified.code);
// A page's files have sha256 or (Trunk's default) sha384 digests.
const sri = (algorithm, text) => `${algorithm}-${createHash(algorithm).update(text).digest('base64')}`;
const algorithm = ['sha256', 'sha384'].find((a) => html.includes(sri(a, glue)));
if (!algorithm) throw new Error(`no integrity attribute for ${build.js} in ${page}`);
html = html.replace(sri(algorithm, glue), sri(algorithm, minified.code));
// Trunk's inline loader is replaced by static/start.js: an external file (strict CSP) that also
// reports a failed or slow load on the page's static content.
const inline = /<script type=("?)module\1>([\s\S]*?)<\/script>/;
if (!inline.test(html)) throw new Error(`no inline module script in ${page}`);
const prerender = (...args) =>
  execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'prerender', '--', ...args], { encoding: 'utf8' }).trim();
// The English texts (core::english): a file of their own, named by the build's pack id.
const englishFile = prerender('--english-file');
writeFileSync(join(dir, englishFile), execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'prerender', '--', '--english-pack']));
// The result pack: the Indonesian of what only a result shows, fetched once a quiz starts.
const laterFile = prerender('--later-file');
writeFileSync(join(dir, laterFile), execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'prerender', '--', '--later-pack']));
// A script of static/ that a loader imports only when needed, minified under a name that
// carries its content's hash (so a new build's copy never mixes with an old one's).
const writeLater = async (file, prefix, names = {}) => {
  let source = readFileSync(new URL(`../static/${file}`, import.meta.url), 'utf8');
  for (const [placeholder, name] of Object.entries(names)) source = source.replace(placeholder, name);
  if (source.includes('__CEK_KLIEN_')) throw new Error(`static/${file} has an unfilled name`);
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  const name = `${prefix}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  return name;
};
// Why a load failed, when the connection is not to blame: fetched by both loaders only after a
// failure, so it is a file of its own.
const explainName = await writeLater('load-failed.js', 'load-failed');
// Offline and installable (the standalone pages only): imported by the loader once the app has
// started, so it is no part of the first load.
const offlineName = await writeLater('offline.js', 'offline');
// The result card (the quiz only): its layout, a wasm of its own (src/bin/card.rs) built and
// optimised as Trunk builds the quiz's, and card.js, which loads it and draws the picture;
// quiz-extras.js (on the quiz's page) or embed.js (on a blog) imports card.js only when a reader
// asks for a card.
async function writeCard() {
  const release = new URL('../target/wasm32-unknown-unknown/release/', import.meta.url).pathname;
  const glueDir = new URL('../target/card-wasm/', import.meta.url).pathname;
  const profile = process.env.TRUNK_PROFILE === 'release' ? ['--release'] : [];
  const built = profile.length ? release : release.replace('/release/', '/debug/');
  execFileSync('cargo', ['build', ...profile, '--locked', '--target', 'wasm32-unknown-unknown', '--bin', 'card'], { stdio: ['ignore', 'inherit', 'inherit'] });
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', glueDir, join(built, 'card.wasm')]);
  // The quiz's own wasm-opt settings, read from index.html, so the two never differ.
  const params = /data-bin="cek-klien"[^>]*data-wasm-opt-params="([^"]*)"/.exec(readFileSync(new URL('../index.html', import.meta.url), 'utf8'))?.[1];
  if (!params) throw new Error('index.html no longer names the wasm-opt settings');
  execFileSync('wasm-opt', ['-Oz', ...params.split(/\s+/), '-o', join(glueDir, 'card_opt.wasm'), join(glueDir, 'card_bg.wasm')]);
  const wasm = readFileSync(join(glueDir, 'card_opt.wasm'));
  const wasmName = `card-layout-${createHash('sha256').update(wasm).digest('hex').slice(0, 16)}_bg.wasm`;
  writeFileSync(join(dir, wasmName), wasm);
  const glue = await minify(readFileSync(join(glueDir, 'card.js'), 'utf8'), { module: true, compress: { passes: 2 }, mangle: true });
  const glueName = `card-layout-${createHash('sha256').update(glue.code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, glueName), glue.code);
  const names = { __CEK_KLIEN_CARD_JS__: glueName, __CEK_KLIEN_CARD_WASM__: wasmName };
  const card = await writeLater('card.js', 'card', names);
  // The quiz's loader imports quiz-extras.js once the app runs: the card's button imports
  // card.js, and the start page's list of saved results opens their links with the same wasm.
  const extras = await writeLater('quiz-extras.js', 'quiz-extras', { ...names, __CEK_KLIEN_CARD__: card });
  return [card, extras];
}
// The saved page's loader imports them too: its links to saved results leave the client's name
// for the quiz's page. The index build, which writes them, passes their name on (step 5).
const [cardName, extrasName] = page in OTHER_PAGES ? [null, process.env.CEK_KLIEN_QUIZ_EXTRAS] : await writeCard();
if (page === 'saved.html' && !extrasName) throw new Error('saved.html is built by the index build, which names quiz-extras.js');
let loaderSource = readFileSync(new URL('../static/start.js', import.meta.url), 'utf8');
// The work-terms page carries both languages of its words in its wasm: its loader must not
// fetch the quiz's English texts for an English reader (the minifier drops the dead call).
if (page === 'terms.html') {
  const prefetch = 'if (likelyEnglish())';
  if (!loaderSource.includes(prefetch)) throw new Error(`static/start.js no longer has ${prefetch}`);
  loaderSource = loaderSource.replace(prefetch, 'if (false)');
}
// The builder's and the saved results' Indonesian words come with the result pack: fetched
// alongside their wasm, as the quiz does for a result link.
if (page === 'builder.html' || page === 'saved.html') {
  const later = 'else if (/^#[rm]1\\./.test(location.hash))';
  if (!loaderSource.includes(later)) throw new Error(`static/start.js no longer has ${later}`);
  loaderSource = loaderSource.replace(later, 'else');
}
// Only the quiz makes result cards and lists saved results, and only the saved page links to
// them: the other pages' loaders import nothing of them.
if (page === 'builder.html' || page === 'terms.html') {
  const extras = '    import(QUIZ_EXTRAS).catch(() => {});\n';
  if (!loaderSource.includes(extras)) throw new Error('static/start.js no longer imports quiz-extras.js');
  loaderSource = loaderSource.replace(extras, '');
}
// On a page other than the quiz, a slow or failed load speaks of that page, not the quiz.
if (page in OTHER_PAGES) {
  for (const [quiz, other] of [['Kuis tidak', 'Halaman ini tidak'], ['Kuis masih', 'Halaman ini masih'], ['The quiz', 'This page']]) {
    if (!loaderSource.includes(quiz)) throw new Error(`static/start.js no longer says ${quiz}`);
    loaderSource = loaderSource.replaceAll(quiz, other);
  }
}
loaderSource = loaderSource
  .replace('__CEK_KLIEN_EXPLAIN__', explainName)
  .replace('__CEK_KLIEN_OFFLINE__', offlineName)
  .replace('__CEK_KLIEN_QUIZ_EXTRAS__', extrasName ?? '')
  .replace('__CEK_KLIEN_JS__', build.js)
  .replace('__CEK_KLIEN_WASM__', build.wasm)
  .replace('__CEK_KLIEN_ENGLISH__', englishFile)
  .replace('__CEK_KLIEN_LATER__', laterFile);
// Every reader downloads the loader before the app: its comments stay in the source.
const loader = (await minify(loaderSource, { module: true, compress: { passes: 2 }, mangle: true })).code;
const loaderName = `start-${createHash('sha256').update(loader).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, loaderName), loader);
html = html.replace(inline, `<script type=module src=./${loaderName}></script>`);
// Trunk checks the stylesheets' integrity but fetches them without CORS, so in a sandboxed
// iframe (an opaque origin, for which every file is cross-origin) the check fails and the page
// has no styles: they are fetched with CORS, like the module and the wasm already are.
const stylesheet = /<link (?![^>]*crossorigin)([^>]*rel=stylesheet)/g;
if (!stylesheet.test(html)) throw new Error(`no stylesheet link to fetch with CORS in ${page}`);
html = html.replace(stylesheet, '<link crossorigin $1');
// Trunk copies a stylesheet's data-integrity option into the page, where it means nothing.
html = html.replace(/ data-integrity=\w+/g, '');
// Link previews: most crawlers want og:image as an absolute address, which only the site owner
// knows (the site runs under any path of any host); CEK_KLIEN_BASE_URL, the address dist/ is
// served from, makes it one. Without it the image stays relative, which some apps resolve.
const ogImage = /content=("?)og-image\.png\1/;
if (!ogImage.test(html)) throw new Error(`no og:image in ${page}`);
const baseUrl = process.env.CEK_KLIEN_BASE_URL;
if (baseUrl) {
  const absolute = new URL('og-image.png', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  if (!/^https?:$/.test(absolute.protocol)) throw new Error(`CEK_KLIEN_BASE_URL must be an http(s) address: ${baseUrl}`);
  html = html.replace(ogImage, `content="${absolute.href.replace(/"/g, '%22')}"`);
}

if (page in OTHER_PAGES) {
  writeFileSync(pagePath, html);
  console.log(`post-build: ${page} -> ${loaderName}, ${build.js}`);
  process.exit(0);
}

const MARKER = 'CEK_KLIEN_PRERENDERED_INTRO';
if (!html.includes(MARKER)) throw new Error('index.html has no prerender marker');
writeFileSync(pagePath, html.replace(MARKER, prerender('id')));
// The same page with the intro in English, for English iframes (embed.js): their first paint,
// and what stays on screen if the app cannot start, is then in the reader's language.
const htmlLang = /<html lang="?id"?>/;
if (!htmlLang.test(html)) throw new Error('index.html has no <html lang="id">');
writeFileSync(join(dir, 'en.html'), html.replace(htmlLang, '<html lang=en>').replace(MARKER, prerender('en')));

// The page static hosts show for a missing address; it sends a share link whose '#' a chat
// app escaped as '%23' back to the app. Its one inline script is allowed by the README's CSP
// through its hash, so the README must name the current one.
const notFound = readFileSync(new URL('../static/404.html', import.meta.url), 'utf8');
const inlineScript = /<script>([\s\S]*?)<\/script>/.exec(notFound)?.[1];
if (inlineScript === undefined) throw new Error('static/404.html has no inline script');
const notFoundHash = `'sha256-${createHash('sha256').update(inlineScript).digest('base64')}'`;
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
if (!readme.includes(notFoundHash)) throw new Error(`README.md's Content-Security-Policy must allow 404.html's script: ${notFoundHash}`);
writeFileSync(join(dir, '404.html'), notFound);

const template = readFileSync(new URL('../static/embed.js', import.meta.url), 'utf8');
const embed = template
  .replace('__CEK_KLIEN_JS__', build.js)
  .replace('__CEK_KLIEN_WASM__', build.wasm)
  .replace('__CEK_KLIEN_CSS__', build.css)
  .replace('__CEK_KLIEN_OPTIONS__', prerender('--embed-options'))
  .replace('__CEK_KLIEN_ENGLISH__', englishFile)
  .replace('__CEK_KLIEN_LATER__', laterFile)
  .replace('__CEK_KLIEN_EXPLAIN__', explainName)
  .replace('__CEK_KLIEN_CARD__', cardName);
if (embed.includes('__CEK_KLIEN_')) throw new Error('embed.js template has an unfilled name');
writeFileSync(join(dir, 'embed.js'), embed);
console.log(`post-build: ${loaderName}, embed.js -> ${build.js}`);

// The other pages: a Trunk build of each (its own hook run handles steps 1-2), whose files are
// added next to the app's. Trunk's own variables are left out so the inner build reads only
// its arguments and Trunk.toml.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TRUNK_')));
env.CEK_KLIEN_QUIZ_EXTRAS = extrasName;
const release = process.env.TRUNK_PROFILE === 'release' ? ['--release'] : [];
for (const [other, name] of Object.entries(OTHER_PAGES)) {
  const otherDist = new URL(`../target/${name}-dist/`, import.meta.url).pathname;
  execFileSync('trunk', ['build', ...release, '--dist', otherDist, '--html-output', other, other], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (const file of readdirSync(otherDist)) {
    if (!existsSync(join(dir, file))) copyFileSync(join(otherDist, file), join(dir, file));
  }
}

// The service worker, from the files every page now has.
console.log(`post-build: sw.js, cache ${await writeWorker(dir)}`);
