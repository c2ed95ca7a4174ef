// Issue 6: host pages that break common globals. The iframe is a separate document; the
// script mount shares the page's globals (embed.js loads the wasm without a replaced fetch).
// Both must keep working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp } from './support/app.mjs';
import { startServer } from './support/server.mjs';
import { waitForStep } from './support/flows.mjs';

const app = useApp();

const OVERRIDES = {
  'throws on load': `throw new Error('host broke on load');`,
  'replaces fetch': `window.fetch = () => Promise.reject(new Error('fetch is disabled here'));`,
  'replaces Array.prototype.map': `Array.prototype.map = function () { return ['hijacked']; };`,
  'replaces JSON.parse': `JSON.parse = () => { throw new Error('no JSON here'); };`,
  'replaces customElements': `Object.defineProperty(window, 'customElements', { value: undefined });`,
  'blocks storage': `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });`,
};

for (const [name, hostileScript] of Object.entries(OVERRIDES)) {
  test(`a host page that ${name}: both modes still work`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cek-klien-override-'));
    writeFileSync(join(dir, "hostile.js"), hostileScript);
    writeFileSync(
      join(dir, 'post.html'),
      `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script src="hostile.js"></script></head><body>
       <div data-cek-klien data-lang="en"></div><div data-cek-klien data-mode="iframe" data-lang="en"></div>
       <script type="module" src="${app.url}embed.js"></script></body></html>`,
    );
    const host = await startServer(dir);
    const { context, page } = await app.open(`${host.url}post.html`);
    // The iframe: a document of its own, untouched by the host's script.
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-testid=start]').first().click();
    await frame.locator('[data-testid=choice]').first().click();
    await waitForStep(frame, 2);
    // The script mount shares the page's realm, and still works.
    const script = page.locator('[data-cek-klien]:not([data-mode])');
    await script.locator('[data-testid=start]').first().click();
    await script.locator('[data-testid=choice]').first().click();
    await waitForStep(script, 2);
    await context.close();
    await host.close();
  });
}
