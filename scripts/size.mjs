// Prints each file of a build with its raw and gzip sizes, the total, and the first load (what
// a reader downloads to use the quiz: the page, its scripts, the wasm, the stylesheet, the
// icon; not the badges or embed.js). With --ceiling N it fails when the first load exceeds N.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const ceilingAt = args.indexOf('--ceiling');
const ceiling = ceilingAt >= 0 ? Number(args[ceilingAt + 1]) : null;
const FIRST_LOAD = /^(index\.html|start-[0-9a-f]+\.js|cek-klien-[0-9a-f]+\.js|cek-klien-[0-9a-f]+_bg\.wasm|app-[0-9a-f]+\.css|favicon-[0-9a-f]+\.svg)$/;

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
let firstLoad = 0;
for (const path of files.sort()) {
  const bytes = readFileSync(path);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const name = relative(dir, path);
  total += gzip;
  if (FIRST_LOAD.test(name)) firstLoad += gzip;
  console.log(`${String(gzip).padStart(8)} B gzip ${String(bytes.length).padStart(9)} B raw  ${name}`);
}
console.log(`${String(total).padStart(8)} B gzip total (${(total / 1024).toFixed(1)} KiB)`);
console.log(`${String(firstLoad).padStart(8)} B gzip first load (${(firstLoad / 1024).toFixed(1)} KiB; budget 70 KB)`);
if (ceiling !== null && firstLoad > ceiling) {
  console.error(`first load ${firstLoad} B is over the ceiling of ${ceiling} B: a change made the download bigger`);
  process.exit(1);
}
