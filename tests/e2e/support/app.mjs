// Test fixture: the built site (dist/) on a loopback port and one headless Chromium.
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { startServer } from './server.mjs';
import { launch, openPage } from './browser.mjs';

// CEK_KLIEN_DIST points the tests at another build (for example an older one, to see a new
// regression test fail before its fix).
export const DIST = process.env.CEK_KLIEN_DIST ?? fileURLToPath(new URL('../../../dist/', import.meta.url));

/// Registers before/after hooks and returns an object whose fields are filled in by then.
export function useApp(options = {}) {
  const app = {};
  before(async () => {
    if (!existsSync(`${DIST}index.html`)) {
      throw new Error('dist/ is missing: build with `trunk build --release` (scripts/test does)');
    }
    app.server = await startServer(DIST, options);
    app.browser = await launch();
    app.url = app.server.url;
    app.open = (url = app.url, pageOptions) => openPage(app.browser, url, pageOptions);
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
