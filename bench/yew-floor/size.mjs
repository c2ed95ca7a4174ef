// Prints the yew floor's download (gzip -9): its wasm and its JS glue, minified as ours is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';

const dir = process.argv[2];
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const wasm = gzip(readFileSync(join(dir, 'yew-floor_bg.wasm')));
const glue = await minify(readFileSync(join(dir, 'yew-floor.js'), 'utf8'), {
  module: true,
  compress: { passes: 2 },
  mangle: true,
});
const js = gzip(Buffer.from(glue.code));
console.log(`yew floor (a counter): wasm ${wasm} B gzip + JS glue ${js} B gzip = ${wasm + js} B`);
console.log(`that is ${Math.round(((wasm + js) / 70000) * 100)}% of the 70 KB first-load budget before any quiz code, text or CSS`);
