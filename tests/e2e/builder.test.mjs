// The embed builder on its own page (builder.html, its own wasm): reached from the quiz in the
// reader's language, from old '#builder' links, and usable by keyboard and screen reader; its
// preview shows the widget whole; its badge text matches the quiz the link opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { artifactsIn } from './support/artifacts.mjs';
import { assertNoAxeViolations, horizontalOverflow } from './support/flows.mjs';
import { recordRequests } from './support/requests.mjs';

const app = useApp();
const screenshot = artifactsIn('screens');
const pathsOf = (urls) => urls.map((url) => new URL(url).pathname);

test('the quiz links to the builder in its language, and the builder links back', async () => {
  const { context, page } = await app.open(`${app.url}?lang=en`);
  await page.waitForSelector('[data-testid=start]');
  const requests = recordRequests(page);
  await page.click('[data-testid=open-builder]');
  await page.waitForSelector('[data-testid=snippet]');
  assert.match(page.url(), /builder\.html\?lang=en$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /blog/i);
  assert.ok(pathsOf(requests).some((path) => /builder-[0-9a-f]+_bg\.wasm$/.test(path)), 'the builder has its own wasm');

  await page.click('[data-testid=builder-home]');
  await page.waitForSelector('[data-testid=start]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});

test('the quiz page never downloads the builder', async () => {
  const { context, page } = await app.open(app.url);
  const requests = recordRequests(page);
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=start]');
  assert.deepEqual(pathsOf(requests).filter((path) => path.includes('builder')), []);
  await context.close();
});

test("an old '#builder' link opens the builder page", async () => {
  const { context, page } = await app.open(`${app.url}?lang=en#builder`);
  await page.waitForSelector('[data-testid=snippet]');
  assert.match(page.url(), /builder\.html\?lang=en$/);
  await context.close();
});

test('the language switch and the theme switch work on the builder page', async () => {
  const { context, page } = await app.open(`${app.url}builder.html?lang=id`);
  await page.waitForSelector('[data-testid=snippet]');
  const heading = await page.textContent('h1');
  await page.click('[data-testid=lang-switch]');
  await page.waitForFunction((before) => document.querySelector('h1').textContent !== before, heading);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('[data-testid=theme-switch]');
  assert.equal(await page.getAttribute('.cek-klien', 'data-theme'), 'dark');
  await context.close();
});

test('the preview takes the height of the widget inside it', async () => {
  for (const width of [360, 1280]) {
    const { context, page } = await app.open(`${app.url}builder.html?lang=en`, { viewport: { width, height: 800 } });
    const frame = page.frameLocator('[data-testid=builder-preview]');
    await frame.locator('[data-testid=start]').first().waitFor();
    // Inside, a question is shorter than the intro: the frame must follow it down too.
    await frame.locator('[data-testid=start]').first().click();
    await frame.locator('[data-testid=question]').waitFor();
    await page.waitForFunction(() => {
      const iframe = document.querySelector('[data-testid=builder-preview]');
      const inner = iframe.contentDocument.querySelector('.cek-klien');
      return inner && Math.abs(iframe.clientHeight - Math.ceil(inner.getBoundingClientRect().height)) <= 2;
    });
    const scrolls = await page.evaluate(() => {
      const doc = document.querySelector('[data-testid=builder-preview]').contentDocument.documentElement;
      return doc.scrollHeight - doc.clientHeight;
    });
    assert.ok(scrolls <= 1, `the preview scrolls inside by ${scrolls}px at ${width}px`);
    await page.screenshot({ path: screenshot(`builder-${width}.png`), fullPage: true });
    await context.close();
  }
});

test("the badge's text names the quiz its link opens", async () => {
  const { context, page } = await app.open(`${app.url}builder.html?lang=en`);
  await page.waitForSelector('[data-testid=badge]');
  const altOf = async () => (await page.inputValue('[data-testid=badge]')).match(/alt="([^"]*)"/)[1];
  assert.doesNotMatch(await altOf(), /What type of client/, 'all quizzes: no single quiz named');
  await page.selectOption('[data-testid=builder-quiz]', 'klien-kecewa');
  const title = await page.locator('[data-testid=builder-quiz] option:checked').textContent();
  assert.ok((await altOf()).includes(title.trim()), `the badge text names "${title}"`);
  await context.close();
});

test('axe finds no violations on the builder in either theme; nothing overflows at 320 px', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await app.open(`${app.url}builder.html`, { colorScheme, viewport: { width: 320, height: 700 } });
    await page.waitForSelector('[data-testid=snippet]');
    await assertNoAxeViolations(page, `builder (${colorScheme})`);
    const overflow = await horizontalOverflow(page);
    assert.ok(overflow <= 0, `the builder scrolls sideways by ${overflow}px at 320px`);
    await context.close();
  }
});

// The preview used to be an iframe whatever the mode, under the snippet even at 1280 px.
test('the preview shows the chosen mode, beside the snippet where there is room', async () => {
  const { context, page, problems } = await app.open(`${app.url}builder.html?lang=en`, { viewport: { width: 1280, height: 900 } });
  await page.waitForSelector('[data-testid=snippet]');
  const preview = page.locator('[data-testid=builder-preview]');
  assert.equal(await preview.evaluate((e) => e.tagName), 'IFRAME');
  await page.selectOption('[data-testid=builder-mode]', 'script');
  assert.equal(await preview.evaluate((e) => e.tagName), 'DIV');
  await preview.locator('[data-testid=start]').first().waitFor();
  assert.ok(await preview.evaluate((e) => e.shadowRoot !== null), 'mounted in a shadow root, as embed.js does on a blog');
  // A changed option mounts a fresh widget with it.
  await page.selectOption('[data-testid=builder-quiz]', 'klien-kecewa');
  await preview.locator('[data-testid=start][data-quiz=klien-kecewa]').waitFor();
  assert.equal(await preview.locator('[data-testid=start]').count(), 1);
  await page.selectOption('[data-testid=builder-lang]', 'id');
  await preview.locator('.cek-klien[lang=id]').waitFor();
  const code = await page.locator('[data-testid=snippet]').boundingBox();
  const shown = await preview.boundingBox();
  assert.ok(shown.x >= code.x + code.width, `the preview (x=${shown.x}) is beside the snippet (right edge ${code.x + code.width})`);
  assert.ok(shown.y < code.y + code.height, `the preview (y=${shown.y}) starts level with the snippet (y=${code.y})`);
  await page.screenshot({ path: screenshot('builder-1280-script.png'), fullPage: true });
  await page.selectOption('[data-testid=builder-mode]', 'iframe');
  assert.equal(await preview.evaluate((e) => e.tagName), 'IFRAME');
  await page.frameLocator('[data-testid=builder-preview]').locator('[data-testid=start]').first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
