// Prints each file of a build with its raw and gzip sizes, the total, and the first load (what
// a reader downloads to use the quiz: index.html and every file it or its loader names, so the
// page, its scripts, the wasm, the stylesheet and the icon; not the badges, embed.js or the
// builder page). With --ceiling N it fails when the first load exceeds N.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const ceilingAt = args.indexOf('--ceiling');
const ceiling = ceilingAt >= 0 ? Number(args[ceilingAt + 1]) : null;

// Follows references from index.html: src/href attributes and './file' strings in its scripts.
const firstLoad = new Set();
const follow = (name) => {
  if (firstLoad.has(name) || !existsSync(join(dir, name))) return;
  firstLoad.add(name);
  if (!/\.(html|js)$/.test(name) || /^cek-klien-/.test(name)) return;
  const text = readFileSync(join(dir, name), 'utf8');
  for (const [, ref] of text.matchAll(/(?:src=|href=|['"])\.\/([\w.-]+)/g)) follow(ref);
};
follow('index.html');

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
let firstLoadBytes = 0;
for (const path of files.sort()) {
  const bytes = readFileSync(path);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const name = relative(dir, path);
  total += gzip;
  if (firstLoad.has(name)) firstLoadBytes += gzip;
  console.log(`${String(gzip).padStart(8)} B gzip ${String(bytes.length).padStart(9)} B raw  ${name}`);
}
console.log(`${String(total).padStart(8)} B gzip total (${(total / 1024).toFixed(1)} KiB)`);
console.log(`${String(firstLoadBytes).padStart(8)} B gzip first load (${(firstLoadBytes / 1024).toFixed(1)} KiB; budget: never past 116 KB, aim 100 KB): ${[...firstLoad].join(' ')}`);
if (ceiling !== null && firstLoadBytes > ceiling) {
  console.error(`first load ${firstLoadBytes} B is over the ceiling of ${ceiling} B: a change made the download bigger`);
  process.exit(1);
}
