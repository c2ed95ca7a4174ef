// Host pages that break common globals. The iframe is a separate document; the
// script mount shares the page's globals (embed.js loads the wasm without a replaced fetch).
// Both must keep working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { serveHostPage } from './support/host.mjs';
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
    const host = await serveHostPage(
      app.url,
      '<div data-cek-klien data-lang="en"></div><div data-cek-klien data-mode="iframe" data-lang="en"></div>',
      { head: '<link rel="icon" href="data:,"><script src="hostile.js"></script>', files: { 'hostile.js': hostileScript } },
    );
    const { context, page } = await app.open(host.page);
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
