// When the app's files fail to load (404, truncated, slow), the prerendered first
// screen says so with a retry; the page is never a blank or silently dead box. A cause that is
// not the connection (no WebAssembly, a policy against it) is named, without a retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, useApp } from './support/app.mjs';
import { startServer } from './support/server.mjs';
import { serveHostPage } from './support/host.mjs';
import { holdRequests } from './support/requests.mjs';

const app = useApp();

const FAULTS = {
  'wasm 404': { pattern: '**/*_bg.wasm', fulfil: { status: 404, body: 'not found' } },
  'JS glue 404': { pattern: /cek-klien-[0-9a-f]+\.js$/, fulfil: { status: 404, body: 'not found' } },
  'wasm truncated': { pattern: '**/*_bg.wasm', truncate: true },
};

for (const [name, fault] of Object.entries(FAULTS)) {
  test(`${name}: the intro stays, with a message and a working retry`, async () => {
    const { context, page } = await app.open(null);
    await page.route(fault.pattern, async (route) => {
      if (fault.truncate) {
        const response = await route.fetch();
        const body = await response.body();
        await route.fulfill({ response, body: body.subarray(0, body.length >> 1) });
      } else {
        await route.fulfill(fault.fulfil);
      }
    });
    await page.goto(app.url);
    await page.waitForSelector('[data-testid=error][role=alert]');
    assert.match(await page.textContent('[data-testid=error]'), /could not load/);
    assert.match(await page.textContent('.intro h1'), /Kenali tipe klien/, 'the prerendered intro is still there');
    await page.unroute(fault.pattern);
    await Promise.all([page.waitForEvent('load'), page.click('[data-testid=error] button')]);
    await page.waitForSelector('[data-testid=start]');
    await context.close();
  });
}

test('a slow connection is told the quiz is still loading, then the quiz works', async () => {
  const { context, page } = await app.open(null);
  const release = await holdRequests(page, '**/*_bg.wasm');
  await page.goto(app.url);
  await page.waitForSelector('.load-notice[role=status]', { timeout: 15000 });
  release();
  await page.waitForSelector('[data-testid=start]');
  assert.equal(await page.locator('.load-notice').count(), 0);
  await context.close();
});

test('embedded: a failed wasm load shows the message in the script mount, and the iframe says so too', async () => {
  const blog = await serveHostPage(app.url, '<div data-cek-klien></div><div data-cek-klien data-mode="iframe"></div>');
  const { context, page } = await app.open(null);
  await context.route('**/*_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(blog.page);
  const script = page.locator('[data-cek-klien]:not([data-mode])');
  await script.locator('[data-testid=error]').waitFor();
  assert.match(await script.locator('[data-testid=error]').textContent(), /could not load/);
  await page.frameLocator('iframe').locator('[data-testid=error]').waitFor();
  await context.close();
  await blog.close();
});

// A failure that is not the connection's used to get "check your connection" and a retry that
// could not help. Each cause is named, in both languages, with no retry, and points the site
// owner to the README.
test('a policy that forbids WebAssembly, or a browser without it, is named as the cause', async (t) => {
  const strict = await startServer(DIST, {
    headers: { 'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'" },
  });
  t.after(() => strict.close());
  const cases = [
    { url: strict.url, id: /Kebijakan keamanan/, en: /Content-Security-Policy does not allow WebAssembly \('wasm-unsafe-eval'\)/ },
    { url: app.url, init: () => delete globalThis.WebAssembly, id: /butuh WebAssembly/, en: /needs WebAssembly/ },
  ];
  for (const { url, init, id, en } of cases) {
    const { context, page } = await app.open(null);
    if (init) await context.addInitScript(init);
    await page.goto(url);
    await page.waitForSelector('[data-testid=error][role=alert]');
    const text = await page.textContent('[data-testid=error]');
    assert.match(text, id);
    assert.match(text, en);
    assert.match(text, /README.*When the widget cannot start/);
    assert.doesNotMatch(text, /connection|koneksi/);
    assert.equal(await page.locator('[data-testid=error] button').count(), 0, 'no retry that cannot help');
    assert.match(await page.textContent('.intro h1'), /Kenali tipe klien/, 'the prerendered intro is still there');
    await context.close();
  }
});
