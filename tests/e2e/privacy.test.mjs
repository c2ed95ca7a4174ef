// Across both quizzes, sharing, the builder, the work-terms page and both embed modes, the app
// sets no cookie, contacts no third origin, writes storage only under its own keys, and
// "forget" removes all of it. The standalone site's service worker fetches only the app's own
// files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { serveHostPage } from './support/host.mjs';
import { recordRequests } from './support/requests.mjs';
import { PATHS, answerUntilResult, path, startQuiz, switchLanguage } from './support/flows.mjs';

const app = useApp();

test('no cookies, no third origin, storage only under cek-klien.*, and forget removes it all', async () => {
  const blog = await serveHostPage(app.url, '<div data-cek-klien data-quiz="tipe-klien"></div><div data-cek-klien data-mode="iframe"></div>');
  const { context, page, problems } = await app.open(null);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
  const requests = recordRequests(context);
  // What the service worker fetches itself (it keeps the build for offline use).
  const workerRequests = [];
  context.on('request', (request) => request.serviceWorker() && workerRequests.push(request.url()));
  await context.addInitScript(() => {
    const writes = (window.__storageWrites = []);
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      writes.push(key);
      return original.call(this, key, value);
    };
  });
  const writesOf = (p) => p.evaluate(() => window.__storageWrites);

  await page.goto(app.url);
  await switchLanguage(page, 'en');
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientSwears));
  // The ready-to-send messages are copied locally too.
  await page.locator('[data-testid=message] summary').first().click();
  await page.locator('[data-testid=message] button').first().click();
  await page.click('[data-testid=copy-link]');
  const link = await page.inputValue('[data-testid=share-link]');
  // Saved on this device, then compared and renamed on the saved page.
  await page.fill('input[name="client-name"]', 'PT Maju');
  await page.click('[data-testid=save-result]');
  await page.locator('[data-testid=save-feedback]').filter({ hasText: 'Saved' }).waitFor();
  await page.click('[data-testid=retake]');
  await page.goto(app.url);
  // Listed on the start page, by the card's wasm and its texts, all from the app's own files.
  await page.locator('[data-testid=saved-intro] [data-testid=saved-item]').waitFor();
  await startQuiz(page, 'klien-kecewa');
  await answerUntilResult(page, () => 1);
  const writes = await writesOf(page);
  await page.goto(link);
  await page.waitForSelector('[data-testid=result]');
  await page.goto(`${app.url}saved.html`);
  await page.click('[data-testid=saved-rename]');
  await page.fill('#rename-input', 'PT Maju Jaya');
  await page.click('[data-testid=rename-done]');
  await page.locator('[data-testid=saved-open]', { hasText: 'PT Maju Jaya' }).waitFor();
  writes.push(...(await writesOf(page)));
  assert.ok(writes.includes('cek-klien.saved'));
  await page.goto(`${app.url}builder.html`);
  await page.reload();
  await page.waitForSelector('[data-testid=snippet]');
  writes.push(...(await writesOf(page)));
  // The work-terms page, remembering its terms as asked.
  await page.goto(`${app.url}terms.html`);
  await page.fill('input[name=client_name]', 'PT Maju');
  await page.check('[data-testid=terms-remember]');
  await page.click('[data-testid=terms-copy-link]');
  writes.push(...(await writesOf(page)));
  assert.ok(writes.includes('cek-klien.terms'));

  const post = await context.newPage();
  await post.goto(blog.page);
  await post.locator('[data-cek-klien]:not([data-mode]) [data-testid=start]').click();
  await post.locator('[data-testid=choice]').first().click();
  const embedded = post.frameLocator('iframe');
  await embedded.locator('[data-testid=start]').first().click();
  await embedded.locator('[data-testid=choice]').first().click();
  assert.deepEqual(await post.evaluate(() => window.__storageWrites), [], 'the script mount wrote to the blog storage');
  assert.deepEqual(await post.evaluate(() => Object.keys(localStorage)), []);

  assert.ok(writes.length > 0);
  assert.deepEqual([...new Set(writes)].filter((k) => !k.startsWith('cek-klien.')), []);
  assert.deepEqual(await context.cookies(), []);
  assert.equal(await page.evaluate(() => document.cookie), '');
  const origins = new Set(requests.filter((u) => /^https?:/.test(u)).map((u) => new URL(u).origin));
  assert.deepEqual([...origins].sort(), [app.server.origin, blog.origin].sort());
  // The worker installed (it fetched the build's files), and only from the app's origin.
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  assert.ok(workerRequests.some((u) => /\/index\.html$/.test(u)), 'the worker kept the build');
  assert.deepEqual(workerRequests.filter((u) => new URL(u).origin !== app.server.origin), []);

  await page.goto(app.url);
  await page.click('[data-testid=forget]');
  await page.click('[data-testid=confirm-yes]');
  await page.waitForFunction(() => Object.keys(localStorage).length === 0);
  // The tab's session keeps only its forget epoch ("e" plus one "f" per forget), so entries
  // written before the forget stop opening: nothing the reader answered.
  assert.deepEqual(
    await page.evaluate(() => Object.entries(sessionStorage)),
    [['cek-klien.epoch', 'ef']],
  );
  assert.deepEqual(problems, []);
  await context.close();
  await blog.close();
});
