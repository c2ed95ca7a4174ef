// A minimal static file server for the built site, so tests need nothing but Node.
// Serves `root` under `base` (e.g. '/tools/cek-klien/') on a free loopback port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/// `notFound`: a file (such as '404.html') sent with every 404, as GitHub Pages and Netlify do.
/// `cors: false`: no Access-Control-Allow-Origin, as a plain static host sends.
export async function startServer(root, { base = '/', headers = {}, notFound, cors = true } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const path = normalize(join(root, rel));
    if (!path.startsWith(normalize(root))) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        // As GitHub Pages and most static hosts do: embed.js, the app module and the wasm
        // are loaded cross-origin by blogs.
        ...(cors ? { 'access-control-allow-origin': '*' } : {}),
        ...headers,
      });
      res.end(body);
    } catch {
      const page = notFound ? await readFile(join(root, notFound)).catch(() => null) : null;
      if (page) res.writeHead(404, { 'content-type': TYPES['.html'], ...headers }).end(page);
      else res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
