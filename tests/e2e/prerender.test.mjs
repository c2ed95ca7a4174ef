// The first screen paints from the HTML itself, before the wasm arrives, and the live app takes
// over without changing what the reader sees. The prerendered intro (src/bin/prerender.rs) and
// the live one show the same text and the same links in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { useApp } from './support/app.mjs';
import { holdRequests } from './support/requests.mjs';

const app = useApp();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const visibleIntro = (page) =>
  page.evaluate(() => ({
    text: document.querySelector('.cek-klien').innerText,
    cards: [...document.querySelectorAll('.quiz-card')].map((c) => c.getBoundingClientRect().toJSON()),
    links: [...document.querySelectorAll('.cek-klien a')].map((a) => a.href),
  }));

/// What a reader can read and follow on the intro: its language, its text with whitespace
/// normalised, and every link's resolved address.
const readableIntro = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('.cek-klien');
    return {
      lang: root.getAttribute('lang'),
      text: root.innerText.replace(/\s+/g, ' ').trim(),
      links: [...root.querySelectorAll('a')].map((a) => a.href),
    };
  });

/// The intro the prerender binary writes for `lang`, as it is baked into index.html.
const prerendered = (lang) =>
  execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'prerender', '--', lang], { cwd: ROOT, encoding: 'utf8' }).trim();

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
  const release = await holdRequests(page, '**/*.wasm');
  await page.goto(app.url);
  await page.waitForSelector('.quiz-card');
  const before = await visibleIntro(page);
  release();
  await page.waitForSelector('[data-testid=start]');
  const after = await visibleIntro(page);
  assert.equal(after.text, before.text);
  assert.deepEqual(after.cards, before.cards);
  assert.deepEqual(after.links, before.links, 'the links changed when the live app took over');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const lang of ['id', 'en']) {
  test(`the prerendered ${lang} intro shows the same text and links as the live ${lang} intro`, async () => {
    const address = `${app.url}?lang=${lang}`;
    const live = await app.open(address);
    await live.page.waitForSelector('[data-testid=start]');
    const expected = await readableIntro(live.page);
    assert.equal(expected.lang, lang);
    await live.context.close();

    // The app's own page with its stylesheet at the same address, its scripts and wasm
    // blocked, showing what `prerender -- <lang>` writes in place of the built-in intro.
    const html = prerendered(lang);
    const { context, page } = await app.open(null);
    await page.route((url) => /\.(js|wasm)$/.test(url.pathname), (route) => route.abort());
    await page.goto(address);
    await page.waitForSelector('.cek-klien');
    await page.evaluate((intro) => (document.querySelector('.cek-klien').outerHTML = intro), html);
    const shown = await readableIntro(page);
    await context.close();

    assert.equal(shown.lang, lang, `\`prerender -- ${lang}\` wrote an intro in another language`);
    assert.equal(shown.text, expected.text);
    assert.deepEqual(shown.links, expected.links, 'the prerendered links differ from the live ones');
  });
}
