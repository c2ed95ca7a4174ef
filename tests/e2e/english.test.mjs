// The English texts are a file of their own: Indonesian readers never download it, English
// readers get it with the app (never a live screen in the wrong language), a switch fetches it
// once, and when it cannot load the page stays usable in Indonesian and says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { recordRequests } from './support/requests.mjs';

const app = useApp();

const englishRequests = (urls) => urls.filter((url) => /\/texts-en-[0-9a-f]+\.txt$/.test(url));

test('an Indonesian reader never downloads the English texts', async () => {
  const { context, page, problems } = await app.open(null, { locale: 'id-ID' });
  const requests = recordRequests(page);
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=start]');
  await page.click('[data-testid=start][data-quiz=tipe-klien]');
  await page.waitForSelector('[data-testid=question]');
  assert.deepEqual(englishRequests(requests), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an English reader gets the live app in English from its first screen', async () => {
  const { context, page, problems } = await app.open(null, { locale: 'en-GB' });
  const requests = recordRequests(page);
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=start]');
  // The first live render is already English: the Start button never said "Mulai".
  assert.equal(await page.locator('[data-testid=start]').first().innerText(), 'Start');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(englishRequests(requests).length, 1, 'fetched once');
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching to English fetches the texts once, and back and forth keeps the place', async () => {
  const { context, page, problems } = await app.open(null, { locale: 'id-ID' });
  const requests = recordRequests(page);
  await page.goto(app.url);
  await page.click('[data-testid=start][data-quiz=klien-kecewa]');
  await page.waitForSelector('[data-testid=question]');
  await page.click('[data-testid=lang-switch]');
  await page.locator('[data-testid=progress]').filter({ hasText: /Question 1 of/ }).waitFor();
  await page.click('[data-testid=lang-switch]');
  await page.locator('[data-testid=progress]').filter({ hasText: /Pertanyaan 1 dari/ }).waitFor();
  await page.click('[data-testid=lang-switch]');
  await page.locator('[data-testid=progress]').filter({ hasText: /Question 1 of/ }).waitFor();
  assert.equal(englishRequests(requests).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the English texts cannot load, the page stays in Indonesian and says why', async () => {
  for (const how of ['an English browser', 'a switch to English']) {
    const { context, page } = await app.open(null, { locale: how === 'an English browser' ? 'en-US' : 'id-ID' });
    await page.route('**/texts-en-*.txt', (route) => route.abort());
    await page.goto(app.url);
    if (how === 'a switch to English') {
      await page.waitForSelector('[data-testid=start]');
      await page.click('[data-testid=lang-switch]');
    }
    const notice = page.locator('[data-testid=notice]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /bahasa Inggris tidak bisa dimuat/, how);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'id', how);
    // The quiz still works.
    await page.click('[data-testid=start][data-quiz=tipe-klien]');
    await page.waitForSelector('[data-testid=question]');
    await context.close();
  }
});

test('an English pack from another build is refused, not mixed in', async () => {
  const { context, page } = await app.open(null, { locale: 'en-US' });
  await page.route('**/texts-en-*.txt', (route) =>
    route.fulfill({ status: 200, contentType: 'text/plain', body: '0000000000000000\u001eStale' }),
  );
  await page.goto(app.url);
  const notice = page.locator('[data-testid=notice]');
  await notice.waitFor();
  assert.equal(await page.locator('[data-testid=start]').first().innerText(), 'Mulai');
  await context.close();
});
