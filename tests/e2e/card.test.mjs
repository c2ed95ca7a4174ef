// The result card (issue 15 item 3): a 1200×630 PNG of the verdict, its scores and the first
// steps, in the result's language and theme, made in the page and downloaded, or handed to the
// share sheet where that takes files; a failure says so and the result stays. Served with the
// README's Content-Security-Policy, which the card must work under (img-src blob:). The PNGs are
// kept in /tmp for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { artifactsIn } from './support/artifacts.mjs';
import { useApp } from './support/app.mjs';
import { appPolicy, blogPolicy } from './support/csp.mjs';
import { serveHostPage } from './support/host.mjs';
import { recordRequests } from './support/requests.mjs';
import { PATHS, UI, answerUntilResult, outcomeOf, path, startQuiz, switchLanguage } from './support/flows.mjs';

const app = useApp({ headers: { 'content-security-policy': appPolicy('*') } });
// The cards, kept for people to look at.
const shot = artifactsIn('card');

// The card's background in each theme (src/core/card.rs, from static/app.css).
const BACKGROUND = { light: [0xf7, 0xf7, 0xf4], dark: [0x15, 0x18, 0x1c] };

/// A result link in `lang`, from answering tipe-klien as a client who raises many red flags
/// (a long plan, long step texts).
async function resultLink(lang) {
  const { context, page } = await app.open(null, { locale: 'id-ID' });
  await page.goto(app.url);
  if (lang === 'en') await switchLanguage(page, 'en');
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientManyFlags));
  const link = await page.inputValue('[data-testid=share-link]');
  await context.close();
  return link;
}

let links;
const linkIn = async (lang) => {
  links ??= { id: await resultLink('id'), en: await resultLink('en') };
  return links[lang];
};

/// Width and height from a PNG's IHDR chunk, after checking the signature.
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/// Draws the PNG in the page and reads it back: the background at a corner the card leaves
/// empty, and how many pixels of the verdict's corner differ from the background (text).
function pixelsOf(page, bytes) {
  return page.evaluate(async (base64) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([data], { type: 'image/png' }));
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const colourAt = (x, y) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)];
    // How many pixels of the area stand well apart from its own ground (text, not anti-aliasing).
    const inked = (x, y, width, height, ground) => {
      const area = context.getImageData(x, y, width, height).data;
      let count = 0;
      for (let i = 0; i < area.length; i += 4) {
        if (Math.abs(area[i] - ground[0]) + Math.abs(area[i + 1] - ground[1]) + Math.abs(area[i + 2] - ground[2]) > 120) count += 1;
      }
      return count;
    };
    const background = colourAt(1180, 615);
    const text = inked(60, 110, 500, 250, background);
    // The steps' panel, on the right, has text too.
    const steps = inked(640, 190, 460, 300, colourAt(1120, 580));
    URL.revokeObjectURL(url);
    return { background, text, steps };
  }, bytes.toString('base64'));
}

/// Presses the card button and returns the download's file name and bytes.
async function downloadCard(page, scope = page) {
  const [download] = await Promise.all([page.waitForEvent('download'), scope.locator('[data-testid=result-card]').click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 2);

for (const [lang, scheme] of [
  ['id', 'light'],
  ['en', 'dark'],
  ['id', 'dark'],
  ['en', 'light'],
]) {
  test(`the card downloads as a 1200×630 PNG in ${lang}, in the ${scheme} theme the system asks for`, async () => {
    const link = await linkIn(lang);
    const { context, page, problems } = await app.open(null, { locale: 'id-ID', colorScheme: scheme });
    const requests = recordRequests(page);
    await page.goto(link);
    await page.waitForSelector('[data-testid=result]');
    const outcome = await outcomeOf(page);
    assert.equal(await page.textContent('[data-testid=result-card]'), UI['card-save'][lang]);
    const { name, bytes } = await downloadCard(page);
    assert.equal(name, `cek-klien-${outcome}.png`);
    assert.deepEqual(pngSize(bytes), { width: 1200, height: 630 });
    writeFileSync(shot(`card-${lang}-${scheme}.png`), bytes);
    const pixels = await pixelsOf(page, bytes);
    assert.ok(near(pixels.background, BACKGROUND[scheme]), `background ${pixels.background} in ${scheme}`);
    assert.ok(pixels.text > 2000, `text under the verdict: ${pixels.text} pixels`);
    assert.ok(pixels.steps > 2000, `text on the steps' panel: ${pixels.steps} pixels`);
    await page.locator('[data-testid=card-status]', { hasText: UI['card-downloaded'][lang] }).waitFor();
    // Nothing left the app's origin to make it.
    assert.deepEqual(requests.filter((url) => /^https?:/.test(url) && new URL(url).origin !== app.server.origin), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("an explicit theme wins over the system's: a dark app on a light system makes a dark card", async () => {
  const link = await linkIn('id');
  const { context, page, problems } = await app.open(null, { locale: 'id-ID', colorScheme: 'light' });
  await page.goto(link.replace('#', '?theme=dark#'));
  await page.waitForSelector('[data-testid=result]');
  const { bytes } = await downloadCard(page);
  assert.ok(near((await pixelsOf(page, bytes)).background, BACKGROUND.dark));
  assert.deepEqual(problems, []);
  await context.close();
});

test('where the share sheet takes files, the card goes to it as one PNG, and nothing downloads', async () => {
  const link = await linkIn('en');
  const { context, page, problems } = await app.open(null, { locale: 'id-ID' });
  await context.addInitScript(() => {
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.every((f) => f instanceof File);
    navigator.share = async (data) => {
      window.__shared = { title: data.title, files: data.files.map((f) => ({ name: f.name, type: f.type, size: f.size })) };
      const bytes = new Uint8Array(await data.files[0].arrayBuffer());
      window.__size = [new DataView(bytes.buffer).getUint32(16), new DataView(bytes.buffer).getUint32(20)];
    };
  });
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.goto(link);
  await page.waitForSelector('[data-testid=result]');
  const outcome = await outcomeOf(page);
  await page.click('[data-testid=result-card]');
  await page.locator('[data-testid=card-status]', { hasText: UI['card-shared'].en }).waitFor();
  const shared = await page.evaluate(() => window.__shared);
  assert.equal(shared.files.length, 1);
  assert.equal(shared.files[0].name, `cek-klien-${outcome}.png`);
  assert.equal(shared.files[0].type, 'image/png');
  assert.ok(shared.files[0].size > 10000);
  assert.equal(shared.title, await page.textContent('#screen-heading').then((t) => t.replace(/^Result: /, '')));
  assert.deepEqual(await page.evaluate(() => window.__size), [1200, 630]);
  assert.equal(downloads, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('closing the share sheet is no failure: nothing is said and nothing downloads', async () => {
  const link = await linkIn('id');
  const { context, page, problems } = await app.open(null, { locale: 'id-ID' });
  await context.addInitScript(() => {
    navigator.canShare = () => true;
    navigator.share = async () => {
      window.__asked = true;
      throw new DOMException('Share canceled', 'AbortError');
    };
  });
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.goto(link);
  await page.click('[data-testid=result-card]');
  await page.waitForFunction(() => window.__asked === true);
  await page.waitForTimeout(300);
  assert.equal(await page.textContent('[data-testid=card-status]'), '');
  assert.equal(downloads, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a canvas that makes no PNG says so clearly, and the result stays', async () => {
  const link = await linkIn('id');
  const { context, page, problems } = await app.open(null, { locale: 'id-ID' });
  await context.addInitScript(() => {
    HTMLCanvasElement.prototype.toBlob = function (callback) {
      setTimeout(() => callback(null));
    };
  });
  await page.goto(link);
  const outcome = await outcomeOf(page);
  await page.click('[data-testid=result-card]');
  const status = page.locator('[data-testid=card-status]');
  await status.filter({ hasText: UI['card-failed'].id }).waitFor();
  assert.equal(await status.getAttribute('role'), 'status');
  assert.equal(await outcomeOf(page), outcome);
  assert.equal(await page.locator('[data-testid=error]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("when the card's own files cannot load, it says so in the screen's language, and a retry works", async () => {
  const link = await linkIn('en');
  const { context, page } = await app.open(null, { locale: 'en-GB' });
  let refuse = true;
  await page.route(/card-layout-[0-9a-f]+_bg\.wasm$/, (route) => (refuse ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
  await page.goto(link);
  await page.click('[data-testid=result-card]');
  const status = page.locator('[data-testid=card-status]');
  await status.filter({ hasText: 'could not be made yet' }).waitFor();
  await page.waitForSelector('[data-testid=result]');
  refuse = false;
  const download = page.waitForEvent('download');
  await page.click('[data-testid=result-card]');
  assert.match((await download).suggestedFilename(), /\.png$/);
  await context.close();
});

test('in a blog, the script-mounted widget and the iframe make the card too, under the policies the README gives', async () => {
  const blog = await serveHostPage(app.url, '<div data-cek-klien data-quiz="tipe-klien" data-lang="en" data-theme="dark"></div><div data-cek-klien data-mode="iframe" data-quiz="klien-kecewa"></div>', {
    // An icon of its own: the blog's policy allows no data: address.
    head: '<link rel="icon" href="icon.svg">',
    files: { 'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' },
    headers: { 'content-security-policy': blogPolicy(app.server.origin) },
  });
  const { context, page, problems } = await app.open(null, { locale: 'id-ID' });
  await page.goto(blog.page);
  const widget = page.locator('[data-cek-klien]:not([data-mode])');
  await widget.locator('[data-testid=start]').click();
  await answerUntilResult(widget, path(PATHS['tipe-klien'].clientDemanding));
  const mounted = await downloadCard(page, widget);
  assert.deepEqual(pngSize(mounted.bytes), { width: 1200, height: 630 });
  assert.match(mounted.name, /^cek-klien-[a-z-]+\.png$/);
  assert.ok(near((await pixelsOf(page, mounted.bytes)).background, BACKGROUND.dark), 'the widget is dark');
  await widget.locator('[data-testid=card-status]', { hasText: UI['card-downloaded'].en }).waitFor();
  writeFileSync(shot('card-blog-en-dark.png'), mounted.bytes);

  const frame = page.frameLocator('iframe');
  await frame.locator('[data-testid=start]').first().click();
  await answerUntilResult(frame, () => 0);
  const framed = await downloadCard(page, frame);
  assert.deepEqual(pngSize(framed.bytes), { width: 1200, height: 630 });
  await frame.locator('[data-testid=card-status]', { hasText: UI['card-downloaded'].id }).waitFor();
  writeFileSync(shot('card-iframe-id.png'), framed.bytes);
  assert.deepEqual(problems, []);
  await context.close();
  await blog.close();
});
