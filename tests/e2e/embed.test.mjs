// A blogger copies snippets from the builder into a real Hugo blog on another origin;
// the widget works there in both modes, the iframe follows its content's height, two widgets
// live side by side, hostile host pages cannot break it, and nothing is fetched from any third
// origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './support/server.mjs';
import { launch, openPage } from './support/browser.mjs';
import { DIST } from './support/app.mjs';
import { artifactsIn } from './support/artifacts.mjs';
import { buildBlog } from './support/blog.mjs';
import { PATHS, answerUntilResult, openResultFolds, path, waitForStep } from './support/flows.mjs';
import { recordRequests } from './support/requests.mjs';

const artifact = artifactsIn('embed');
const shot = (page, name) => page.screenshot({ path: artifact(`${name}.png`), fullPage: true });

let app;
let blog;
let browser;
let hostile;

function assertOnlyOrigins(urls, origins) {
  const foreign = urls.filter((u) => /^https?:/.test(u) && !origins.includes(new URL(u).origin));
  assert.deepEqual(foreign, [], 'requests to other origins');
}

/// Reads the snippet the builder writes for the given choices.
async function snippetFromBuilder(choices) {
  const { context, page } = await openPage(browser, `${app.url}builder.html`);
  await page.waitForSelector('[data-testid=snippet]');
  for (const [name, value] of Object.entries(choices)) {
    await page.selectOption(`[data-testid=builder-${name}]`, value);
  }
  const snippet = await page.inputValue('[data-testid=snippet]');
  await context.close();
  return snippet;
}

before(async () => {
  browser = await launch();
  app = await startServer(DIST);
  const iframeSnippet = await snippetFromBuilder({ mode: 'iframe', quiz: 'tipe-klien', lang: 'en' });
  const scriptSnippet = await snippetFromBuilder({ mode: 'script', quiz: 'klien-kecewa', lang: 'id', theme: 'dark' });
  assert.match(iframeSnippet, /data-mode="iframe"/);
  assert.doesNotMatch(scriptSnippet, /data-mode/);
  const twoWidgets = [
    await snippetFromBuilder({ mode: 'script', quiz: 'tipe-klien', lang: 'id' }),
    await snippetFromBuilder({ mode: 'script', quiz: 'tipe-klien', lang: 'en' }),
  ].join('\n\n');
  blog = await startServer(
    buildBlog({
      iframe: { title: 'Klien Anda tipe apa? (iframe)', body: `Sebelum menerima proyek, coba kuis ini.\n\n${iframeSnippet}` },
      script: { title: 'Klien kecewa (skrip)', body: `Klien kecewa? Coba ini.\n\n${scriptSnippet}` },
      two: { title: 'Dua widget', body: twoWidgets },
    }),
  );
  hostile = hostilePages(scriptSnippet, iframeSnippet);
});

after(async () => {
  await browser?.close();
  await app?.close();
  await blog?.close();
  await hostile?.server?.close();
});

async function takeQuizInIframe(page) {
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-testid=start][data-quiz=tipe-klien]').click();
  await answerUntilResult(frame, path(PATHS['tipe-klien'].clientDemanding));
  return frame.locator('[data-testid=result]').getAttribute('data-outcome');
}

/// The iframe's document fits the iframe: no inner scrollbar. The frame is cross-origin, so
/// its height is read inside it.
async function assertNoInnerScroll(page) {
  const frame = () => page.frames().find((f) => f.url().includes('embed=1'));
  for (let attempt = 0; ; attempt++) {
    const inner = await frame()?.evaluate(() => document.documentElement.scrollHeight);
    const outer = await page.$eval('iframe', (f) => f.clientHeight);
    if (inner !== undefined && Math.abs(inner - outer) <= 2) return;
    if (attempt > 50) assert.fail(`iframe is ${outer}px tall but its content is ${inner}px`);
    await page.waitForTimeout(100);
  }
}

for (const width of [360, 1280]) {
  test(`iframe snippet in a Hugo post at ${width}px: takes the quiz and follows its height`, async () => {
    const { context, page, problems } = await openPage(browser, undefined, { viewport: { width, height: 800 } });
    const requests = recordRequests(page);
    await page.goto(`${blog.url}posts/iframe/`);
    await page.frameLocator('iframe').locator('[data-testid=start]').waitFor();
    await assertNoInnerScroll(page);
    const introHeight = await page.$eval('iframe', (f) => f.clientHeight);
    assert.equal(await takeQuizInIframe(page), 'penuntut');
    await assertNoInnerScroll(page);
    const resultHeight = await page.$eval('iframe', (f) => f.clientHeight);
    assert.ok(resultHeight > introHeight, `iframe grew from ${introHeight} to ${resultHeight}`);
    // The English option from the builder reached the widget.
    assert.equal(await page.frameLocator('iframe').locator('.cek-klien').getAttribute('lang'), 'en');
    await shot(page, `hugo-iframe-${width}`);
    assertOnlyOrigins(requests, [blog.origin, app.origin]);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('script snippet in a Hugo post: mounts in a shadow root and takes the quiz', async () => {
  const { context, page, problems } = await openPage(browser, undefined, { viewport: { width: 360, height: 800 } });
  const requests = recordRequests(page);
  await page.goto(`${blog.url}posts/script/`);
  await page.waitForSelector('[data-testid=start][data-quiz=klien-kecewa]');
  assert.equal(await page.locator('[data-testid=start]').count(), 1, 'only the chosen quiz');
  assert.ok(await page.$eval('[data-cek-klien]', (host) => host.shadowRoot !== null));
  // The blog's own stylesheet did not reach inside.
  const font = await page.$eval('[data-cek-klien]', (h) => getComputedStyle(h.shadowRoot.querySelector('.cek-klien')).fontFamily);
  assert.doesNotMatch(font, /Georgia/);
  // And the widget's stylesheet did not leak out onto the blog.
  const blogText = await page.$eval('article p', (p) => [getComputedStyle(p).fontFamily, getComputedStyle(document.body).backgroundColor]);
  assert.deepEqual(blogText, ['Georgia, serif', 'rgb(255, 253, 247)']);
  assert.equal(await page.getAttribute('.cek-klien', 'data-theme'), 'dark');
  await page.click('[data-testid=start]');
  await answerUntilResult(page, () => 0);
  // Share links point at the app's own page, never the blog's.
  assert.ok((await page.inputValue('[data-testid=share-link]')).startsWith(`${app.url}#r1.klien-kecewa.`));
  // The host page's address and storage were left alone.
  assert.equal(new URL(page.url()).hash, '');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  await shot(page, 'hugo-script-360');
  assertOnlyOrigins(requests, [blog.origin, app.origin]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two script-mounted widgets with different languages work independently', async () => {
  const { context, page, problems } = await openPage(browser, `${blog.url}posts/two/`);
  const widgets = page.locator('[data-cek-klien]');
  await widgets.nth(1).locator('[data-testid=start]').waitFor();
  const [first, second] = [widgets.nth(0), widgets.nth(1)];
  assert.equal(await first.locator('.cek-klien').getAttribute('lang'), 'id');
  assert.equal(await second.locator('.cek-klien').getAttribute('lang'), 'en');
  await first.locator('[data-testid=start]').click();
  // A current client in the first widget: 17 questions.
  await first.locator('[data-testid=choice]').nth(1).click();
  await second.locator('[data-testid=start]').click();
  // Keys pressed in one widget move only that one: a prospect in the second, 9 questions so far.
  await second.locator('[data-testid=question]').focus();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await second.locator('[data-testid=progress]').filter({ hasText: 'Question 2 of 9' }).waitFor();
  await first.locator('[data-testid=progress]').filter({ hasText: 'Pertanyaan 2 dari 17' }).waitFor();
  await first.locator('[data-testid=lang-switch]').click();
  await first.locator('.cek-klien[lang=en]').waitFor();
  await first.locator('[data-testid=progress]').filter({ hasText: 'Question 2 of 17' }).waitFor();
  assert.equal(await second.locator('.cek-klien').getAttribute('lang'), 'en');
  await second.locator('[data-testid=lang-switch]').click();
  await second.locator('.cek-klien[lang=id]').waitFor();
  await second.locator('[data-testid=progress]').filter({ hasText: 'Pertanyaan 2 dari 9' }).waitFor();
  assert.equal(await first.locator('.cek-klien').getAttribute('lang'), 'en');
  assert.deepEqual(problems, []);
  await context.close();
});

/// Host pages that try to break the widget; each embeds both modes.
function hostilePages(scriptSnippet, iframeSnippet) {
  const dir = mkdtempSync(join(tmpdir(), 'cek-klien-hostile-'));
  const cases = {
    'global-css': `<style>* { color: red !important; background: yellow; margin: 3px; padding: 9px; }
      button { all: unset; border: 5px dashed blue; } div { border: 2px solid green; }</style>`,
    'big-flex-theme': `<style>* { font-size: 30px !important; display: flex !important; line-height: 3 !important; box-sizing: content-box; }
      html { font-size: 30px; } body { font-family: "Comic Sans MS", cursive; }</style>`,
    'throwing-script': `<script>
      window.init = 1; window.wasm = null; window.bindings = 'x'; window.app = {}; window.$ = () => { throw new Error('jq'); };
      window.addEventListener('error', () => {});
      setTimeout(() => { throw new Error('host script failed'); });
      throw new Error('host script failed on load');
    </script>`,
  };
  for (const [name, head] of Object.entries(cases)) {
    writeFileSync(join(dir, `${name}.html`), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">${head}</head>
      <body><h1>Hostile host: ${name}</h1>${scriptSnippet}<p>Between the widgets.</p>${iframeSnippet}</body></html>`);
  }
  const state = { cases: Object.keys(cases) };
  startServer(dir).then((server) => (state.server = server));
  return state;
}

test('hostile host pages leave both modes usable and looking as designed', async () => {
  while (!hostile.server) await new Promise((r) => setTimeout(r, 20));
  // The clean reference: the same widget on the plain Hugo post.
  const reference = await openPage(browser, `${blog.url}posts/script/`, { viewport: { width: 800, height: 900 } });
  await reference.page.waitForSelector('[data-testid=start]');
  const styleOf = (page) =>
    page.$eval('[data-cek-klien]', (host) => {
      const button = host.shadowRoot.querySelector('[data-testid=start]');
      const s = getComputedStyle(button);
      return { font: s.fontSize, display: s.display, color: s.color, border: s.borderTopStyle, height: button.getBoundingClientRect().height };
    });
  const expected = await styleOf(reference.page);
  await reference.context.close();

  for (const name of hostile.cases) {
    const { context, page } = await openPage(browser, `${hostile.server.url}${name}.html`, { viewport: { width: 800, height: 900 } });
    await page.waitForSelector('[data-testid=start][data-quiz=klien-kecewa]');
    assert.deepEqual(await styleOf(page), expected, `${name}: script-mounted widget looks different`);
    await page.frameLocator('iframe').locator('[data-testid=start]').waitFor();
    await shot(page, `hostile-${name}`);
    await page.click('[data-testid=start][data-quiz=klien-kecewa]');
    await page.locator('[data-testid=choice]').first().click();
    await waitForStep(page, 2);
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-testid=start]').click();
    await frame.locator('[data-testid=choice]').first().click();
    await waitForStep(frame, 2);
    await context.close();
  }
});

test('embed.js ignores forged height messages', async () => {
  const { context, page } = await openPage(browser, `${blog.url}posts/iframe/`, { viewport: { width: 800, height: 900 } });
  await page.frameLocator('iframe').locator('[data-testid=start]').waitFor();
  await assertNoInnerScroll(page);
  const before = await page.$eval('iframe', (f) => f.style.getPropertyValue('height'));
  await page.evaluate(() => {
    window.postMessage({ cekKlienHeight: 5 }, '*');
    const other = document.createElement('iframe');
    document.body.append(other);
    other.contentWindow.parent.postMessage({ cekKlienHeight: 7 }, '*');
  });
  await page.waitForTimeout(200);
  assert.equal(await page.$eval('iframe', (f) => f.style.getPropertyValue('height')), before);
  await context.close();
});

test("in a post, the widget's headings sit under the post's h1, and its layout follows its own width", async () => {
  const { context, page, problems } = await openPage(browser, undefined, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${blog.url}posts/two/`);
  const widget = page.locator('[data-cek-klien]').first();
  await widget.locator('[data-testid=start]').click();
  // Locators pierce the open shadow roots: the post's title is the page's only h1.
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await widget.locator('[data-testid=question]').evaluate((h) => h.tagName), 'H2');
  // A client who raises many red flags, so the flag column has content.
  await answerUntilResult(widget, path(PATHS['tipe-klien'].clientManyFlags));
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await widget.locator('#screen-heading').evaluate((h) => h.tagName), 'H2');
  assert.ok((await widget.locator('.section-title').count()) > 3);
  assert.deepEqual(await widget.locator('.section-title').evaluateAll((hs) => [...new Set(hs.map((h) => h.tagName))]), ['H3']);
  // The blog's column is 640 px wide on a 1280 px screen: one column, as on a tablet, and
  // every score bar keeps a readable length.
  const columns = await widget.locator('.result-grid').evaluate((g) => getComputedStyle(g).gridTemplateColumns.split(' ').length);
  assert.equal(columns, 1);
  await openResultFolds(widget);
  const bars = await widget.locator('.score-bar').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().width));
  assert.ok(bars.length > 0 && bars.every((w) => w >= 100), `score bars ${bars}`);
  await shot(page, 'hugo-script-result-1280');

  // In the iframe mode too: the frame's outline joins the post's.
  await page.goto(`${blog.url}posts/iframe/`);
  const frame = page.frameLocator('iframe');
  await frame.locator('#screen-heading').waitFor();
  assert.equal(await frame.locator('#screen-heading').evaluate((h) => h.tagName), 'H2');
  assert.equal(await frame.locator('h1').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('in the iframe mode on a blog, copying the share link works (the frame may use the clipboard)', async () => {
  const { context, page, problems } = await openPage(browser, undefined, { viewport: { width: 360, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await page.goto(`${blog.url}posts/iframe/`);
  assert.match(await page.getAttribute('iframe', 'allow'), /clipboard-write/);
  await takeQuizInIframe(page);
  const frame = page.frameLocator('iframe');
  await frame.locator('[data-testid=copy-link]').click();
  await frame.locator('.share .copy-feedback').filter({ hasText: /copied/i }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a one-quiz embed is headed by that quiz, with no menu to choose from', async () => {
  const { context, page } = await openPage(browser, `${blog.url}posts/script/`);
  await page.waitForSelector('[data-testid=start][data-quiz=klien-kecewa]');
  const title = (await page.textContent('[data-cek-klien] #screen-heading')).trim();
  assert.match(title, /kecewa/i);
  assert.equal(await page.locator('[data-cek-klien] .quiz-card .item-title').count(), 0, 'the title is not repeated');
  assert.equal(await page.locator('[data-cek-klien] .section-title').count(), 0, 'no "choose a quiz"');
  assert.equal(await page.getAttribute('[data-testid=start]', 'aria-describedby'), 'screen-heading');
  await context.close();
});
