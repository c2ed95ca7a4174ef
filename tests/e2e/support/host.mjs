// A host page (someone's blog post) on an origin of its own that embeds the app with embed.js.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';

/// Serves post.html from a fresh temporary folder: `body` (the widgets' markup) followed by the
/// `embed.js` of the app at `appUrl`. `head` goes into the page's head (by default an empty
/// favicon, so the browser asks for nothing else); `files` are written next to the page;
/// `headers` are sent with every file. Returns the server with `page`, the post's address.
export async function serveHostPage(appUrl, body, { head = '<link rel="icon" href="data:,">', files = {}, headers } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cek-klien-host-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(
    join(dir, 'post.html'),
    `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>
     ${body}
     <script type="module" src="${appUrl}embed.js"></script></body></html>`,
  );
  const server = await startServer(dir, { headers });
  return { ...server, page: `${server.url}post.html` };
}
