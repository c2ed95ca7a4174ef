// Prints each file of a build with its raw and gzip sizes, and the total gzip size.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
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
const rows = files.sort().map((path) => {
  const bytes = readFileSync(path);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  total += gzip;
  return [relative(dir, path), bytes.length, gzip];
});
for (const [name, raw, gzip] of rows) {
  console.log(`${String(gzip).padStart(8)} B gzip ${String(raw).padStart(9)} B raw  ${name}`);
}
console.log(`${String(total).padStart(8)} B gzip total (${(total / 1024).toFixed(1)} KiB)`);
