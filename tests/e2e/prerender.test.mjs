// Issue 5: the first screen paints from the HTML itself, before the wasm arrives, and the live
// app takes over without changing what the reader sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';

const app = useApp();

const visibleIntro = (page) =>
  page.evaluate(() => ({
    text: document.querySelector('.cek-klien').innerText,
    cards: [...document.querySelectorAll('.quiz-card')].map((c) => c.getBoundingClientRect().toJSON()),
  }));

test('the intro is on screen from the HTML alone, with no wasm at all', async () => {
  const { context, page } = await app.open(null, { viewport: { width: 360, height: 740 } });
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(app.url);
  await page.waitForSelector('text=Kenali tipe klien Anda');
  const { text } = await visibleIntro(page);
  assert.match(text, /Klien Anda tipe apa\?/);
  assert.match(text, /Klien kecewa, langkah apa sekarang\?/);
  await context.close();
});

test('the live app replaces the prerendered intro without a visible change', async () => {
  const { context, page, problems } = await app.open(null, { viewport: { width: 1280, height: 900 } });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(app.url);
  await page.waitForSelector('.quiz-card');
  const before = await visibleIntro(page);
  release();
  await page.waitForSelector('[data-testid=start]');
  const after = await visibleIntro(page);
  assert.equal(after.text, before.text);
  assert.deepEqual(after.cards, before.cards);
  assert.deepEqual(problems, []);
  await context.close();
});
