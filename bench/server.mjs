// Serves a folder on loopback with gzip, as a static host would, and remembers nothing.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png' };

export async function serveGzip(root) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\/$/, '/index.html')));
    if (!path.startsWith(normalize(root))) return res.writeHead(403).end();
    try {
      if (!cache.has(path)) {
        const body = await readFile(path);
        cache.set(path, { body, gzip: gzipSync(body, { level: 9 }) });
      }
      const { body, gzip } = cache.get(path);
      const useGzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(useGzip ? gzip : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}
