// Trunk post-build hook (see Trunk.toml), run on the staging folder before it becomes dist/:
// 1. replaces Trunk's inline loader <script> with static/start.js in its own file, so the page
//    works under a Content-Security-Policy without 'unsafe-inline' and reports failed loads;
// 2. writes embed.js with the current build's hashed file names;
// 3. minifies the wasm-bindgen JS glue (Trunk leaves it as written), keeping its SRI hash true;
// 4. puts the prerendered intro (src/bin/prerender.rs) into index.html, so the first screen
//    paints from the HTML before the wasm arrives.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is unset)');
const files = readdirSync(dir);
const find = (pattern) => {
  const found = files.filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`expected one file matching ${pattern}, found ${found}`);
  return found[0];
};
const build = {
  js: find(/^cek-klien-[0-9a-f]+\.js$/),
  wasm: find(/^cek-klien-[0-9a-f]+_bg\.wasm$/),
  css: find(/^app-[0-9a-f]+\.css$/),
};

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const gluePath = join(dir, build.js);
const glue = readFileSync(gluePath, 'utf8');
const minified = await minify(glue, { module: true, compress: { passes: 2 }, mangle: true });
writeFileSync(gluePath, minified.code);
const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
if (!html.includes(sri(glue))) throw new Error(`no integrity attribute for ${build.js} in index.html`);
html = html.replace(sri(glue), sri(minified.code));
// Trunk's inline loader is replaced by static/start.js: an external file (strict CSP) that also
// reports a failed or slow load on the prerendered screen.
const inline = /<script type=("?)module\1>([\s\S]*?)<\/script>/;
if (!inline.test(html)) throw new Error('no inline module script in index.html');
const loader = readFileSync(new URL('../static/start.js', import.meta.url), 'utf8')
  .replace('__CEK_KLIEN_JS__', build.js)
  .replace('__CEK_KLIEN_WASM__', build.wasm);
const loaderName = `start-${createHash('sha256').update(loader).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, loaderName), loader);
html = html.replace(inline, `<script type=module src=./${loaderName}></script>`);

const MARKER = 'CEK_KLIEN_PRERENDERED_INTRO';
if (!html.includes(MARKER)) throw new Error('index.html has no prerender marker');
const intro = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'prerender'], { encoding: 'utf8' }).trim();
writeFileSync(indexPath, html.replace(MARKER, intro));

const template = readFileSync(new URL('../static/embed.js', import.meta.url), 'utf8');
const embed = template
  .replace('__CEK_KLIEN_JS__', build.js)
  .replace('__CEK_KLIEN_WASM__', build.wasm)
  .replace('__CEK_KLIEN_CSS__', build.css);
if (embed.includes('__CEK_KLIEN_')) throw new Error('embed.js template has an unfilled name');
writeFileSync(join(dir, 'embed.js'), embed);
console.log(`post-build: ${loaderName}, embed.js -> ${build.js}`);
