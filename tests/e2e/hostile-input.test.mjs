// Share links, options and storage are attacker-controlled input. Hostile fragments
// show the error with a way to start and never a panic; payloads in options are dropped or
// shown as text, never run; a full storage still lets the quiz finish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { serveHostPage } from './support/host.mjs';
import { signed } from './support/links.mjs';
import { PATHS, answerUntilResult, clickChoice, path, startQuiz } from './support/flows.mjs';

const app = useApp();

function hostileFragments() {
  const valid = signed('r1.tipe-klien.2.id.1312--013201320132012');
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const fragments = [
    '', '#', 'r1', 'r1.', '....', 'r2.tipe-klien.2.id.00--00000000---------x', 'q1.tipe-klien.2.99.00--00000000---------x',
    `${'x'.repeat(1 << 20)}`, `r1.${'a'.repeat(100000)}`, '%00', '%2523r1', '%E2%80%AE', '%', '%%%', '%zz',
    'r1.tipe-klien.2.id.\u0000\u0001', '😀😀😀', 'r1.tïpe-klien.2.id.00--00000000---------k', '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', "r1.tipe-klien.2.id.00--00000000-----'\"<>", '\u202e\u2066',
    signed('r1.tipe-klien.9.id.00--00000000---------'), signed('r1.tipe-klien.0.id.00--00000000---------'),
    signed('r1.tipe-klien.1.id.012301230123012'),
    signed('r1.kuis-lain.2.id.00--00000000---------'), signed('r1.tipe-klien.2.xx.00--00000000---------'),
    signed('r1.tipe-klien.2.id.90--00000000---------'), signed('r1.tipe-klien.2.id.00--00000000---------0000'),
    signed('r1.tipe-klien.2.id.00--00000000--------_'), signed('q1.tipe-klien.2.21.00--00000000---------'),
    signed('r1.klien-kecewa.2.en.z0000000-00'),
    // Answers to questions the link's own answers hide.
    signed('r1.tipe-klien.2.id.00--000000000--------'), signed('r1.klien-kecewa.2.id.10000000-00'),
  ];
  // Every truncation of a valid link, and every single-character change to it.
  for (let i = 0; i < valid.length - 1; i++) fragments.push(valid.slice(0, i));
  for (let i = 0; i < valid.length; i++) fragments.push(valid.slice(0, i) + (valid[i] === 'z' ? 'y' : 'z') + valid.slice(i + 1));
  // Random bytes, percent-encoded, of random lengths.
  while (fragments.length < 220) {
    const length = 1 + Math.floor(random() * 80);
    fragments.push(Array.from({ length }, () => `%${Math.floor(random() * 256).toString(16).padStart(2, '0')}`).join(''));
  }
  return fragments.filter((f) => f !== valid);
}

/// Whether a fragment holds a letter or a digit, read as the app reads an address (percent
/// escapes decoded). One without any has nothing of a link left once the app has dropped the
/// trailing punctuation a chat adds to links, so it opens the intro like an empty one.
function holdsLinkCharacters(fragment) {
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    // A lone '%' stays as it is.
  }
  return /[0-9a-z]/i.test(decoded);
}

test('220 hostile fragments each show the error (or the intro when nothing of a link is left), never a panic', async () => {
  const fragments = hostileFragments();
  assert.ok(fragments.length >= 200);
  const { context, page, problems } = await app.open();
  await page.waitForSelector('[data-testid=start]');
  let errors = 0;
  for (const fragment of fragments) {
    await page.evaluate((f) => (location.hash = f), fragment);
    const empty = fragment === '' || fragment === '#';
    // A fragment with no letter or digit may open the intro like an empty one.
    const expected = empty ? '[data-testid=start]' : holdsLinkCharacters(fragment) ? '[data-testid=error]' : '[data-testid=error], [data-testid=start]';
    await page
      .waitForSelector(expected, { timeout: 5000 })
      .catch(async () => {
        const shown = await page.evaluate(() => [location.hash.slice(0, 80), document.querySelector('.cek-klien')?.innerText.slice(0, 120)]);
        assert.fail(`fragment ${JSON.stringify(fragment.slice(0, 80))} showed ${JSON.stringify(shown)}`);
      });
    if (!empty) {
      assert.equal(await page.locator('[data-testid=result], [data-testid=question]').count(), 0, `no result for ${fragment.slice(0, 60)}`);
      if ((await page.locator('[data-testid=error]').count()) > 0) errors++;
    }
  }
  assert.ok(errors >= 200, `${errors} error screens`);
  // A few fresh loads too: a broken link as the first thing a reader opens.
  for (const fragment of fragments.filter((f, i) => i % 20 === 2 && holdsLinkCharacters(f))) {
    await page.goto(`${app.url}#${fragment}`);
    await page.waitForSelector('[data-testid=error]');
  }
  // Still usable afterwards.
  await page.click('[data-testid=error] button');
  await startQuiz(page, 'klien-kecewa');
  await answerUntilResult(page, () => 0);
  assert.deepEqual(problems.filter((p) => /panick|unreachable/.test(p)), []);
  assert.deepEqual(problems, []);
  await context.close();
});

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=1">',
  "' onmouseover='window.__xss=1",
  'javascript:window.__xss=1',
  '{{constructor.constructor("window.__xss=1")()}}',
  '%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E',
  '#ff0000;background:url(javascript:window.__xss=1)',
];

test('script and markup in query options are never run, and the app falls back with a notice', async () => {
  const { context, page, problems } = await app.open();
  page.on('dialog', () => assert.fail('a dialog opened'));
  for (const payload of PAYLOADS) {
    for (const name of ['lang', 'quiz', 'theme', 'accent']) {
      await page.goto(`${app.url}?${name}=${encodeURIComponent(payload)}`);
      await page.waitForSelector('[data-testid=start]');
      await page.waitForSelector('[data-testid=notice]');
      assert.equal(await page.evaluate(() => window.__xss), undefined, `${name}=${payload}`);
      assert.equal(await page.locator('.cek-klien img, .cek-klien script').count(), 0);
    }
  }
  const iframe = await app.open(`${app.url}?embed=1&accent=${encodeURIComponent(PAYLOADS[1])}`);
  await iframe.page.waitForSelector('[data-testid=notice]');
  await iframe.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

const attribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const HOSTILE_WIDGETS = PAYLOADS.map(
  (p, i) => `<div data-cek-klien ${i % 2 ? 'data-mode="iframe" ' : ''}data-quiz="${attribute(p)}" data-lang="${attribute(p)}" data-theme="${attribute(p)}" data-accent="${attribute(p)}"></div>`,
).join('\n');

test('script and markup in the script mount\'s data-* attributes are never run', async (t) => {
  const host = await serveHostPage(app.url, HOSTILE_WIDGETS);
  t.after(() => host.close());
  const { context, page, problems } = await app.open(host.page);
  page.on('dialog', () => assert.fail('a dialog opened'));
  await page.waitForFunction(() => document.querySelectorAll('[data-cek-klien]').length > 0);
  const scripts = page.locator('[data-cek-klien]:not([data-mode])');
  await scripts.first().locator('[data-testid=start]').first().waitFor();
  for (let i = 0; i < (await scripts.count()); i++) {
    await scripts.nth(i).locator('[data-testid=notice]').waitFor();
  }
  for (const frame of page.frames().filter((f) => f.url().includes('embed=1'))) {
    await frame.waitForSelector('[data-testid=notice]');
    assert.equal(await frame.evaluate(() => window.__xss), undefined);
  }
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a full storage (quota exceeded): the quiz says progress will not be kept, and finishes', async () => {
  const { context, page, problems } = await app.open(null);
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  // The first answer is the first thing worth keeping, so the first write.
  await clickChoice(page, 0);
  await page.waitForSelector('[data-testid=notice]');
  assert.match(await page.textContent('[data-testid=notice]'), /tidak akan tersimpan/);
  await answerUntilResult(page, path(PATHS['tipe-klien'].prospectIdeal));
  assert.deepEqual(problems, []);
  await context.close();
});
