// Writes the service worker (static/sw.js with this build's file list and cache name) into a
// built site. Run by scripts/post-build.mjs as its last step, once every page's files are in
// place; also runnable on its own (`node scripts/offline.mjs DIR`), which the offline test uses
// on a changed copy of a build. scripts/size.mjs lists what it keeps.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

// Files a reader's browser never needs from this origin's worker: the worker itself, embed.js
// (blogs load it; their pages are no clients of this worker) and the link preview's image
// (crawlers fetch it).
const NOT_KEPT = new Set(['sw.js', 'embed.js', 'og-image.png']);

/// Every file of the built site in `dir` the worker keeps for offline use: every page (404.html
/// and en.html included), its scripts, wasm, stylesheets, text packs, icons and the manifest.
export function offlineFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.filter((name) => !NOT_KEPT.has(name));
}

/// Writes `dir`/sw.js; returns its cache name, which changes with any kept file's name or bytes.
export async function writeWorker(dir) {
  const files = offlineFiles(dir);
  const digest = createHash('sha256');
  for (const name of files) digest.update(`${name}\0${createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')}\n`);
  const cache = `cek-klien-${digest.digest('hex').slice(0, 16)}`;
  const source = readFileSync(new URL('../static/sw.js', import.meta.url), 'utf8')
    .replace('__CEK_KLIEN_CACHE__', cache)
    .replace('__CEK_KLIEN_FILES__', JSON.stringify(files));
  if (source.includes('__CEK_KLIEN_')) throw new Error('static/sw.js has an unfilled name');
  const { code } = await minify(source, { compress: { passes: 2 }, mangle: true });
  writeFileSync(join(dir, 'sw.js'), code);
  return cache;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node scripts/offline.mjs DIR');
  console.log(`offline: ${dir}/sw.js, cache ${await writeWorker(dir)}`);
}
