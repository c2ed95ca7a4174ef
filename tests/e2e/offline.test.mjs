// The standalone site after one visit: its service worker keeps the build, so the site and any
// share link open with no network, in both languages; a new deploy is installed in the
// background and used from the next visit on, whole (never a page of one build with files of
// another), with a quiet note once; embeds register no worker; Chromium finds the site
// installable.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './support/app.mjs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, launch, openPage } from './support/browser.mjs';
import { artifactsIn } from './support/artifacts.mjs';
import { startServer } from './support/server.mjs';
import { appPolicy } from './support/csp.mjs';
import { serveHostPage } from './support/host.mjs';
import { answerUntilResult, outcomeOf, startQuiz, switchLanguage } from './support/flows.mjs';

const artifact = artifactsIn('offline');
const OFFLINE_SCRIPT = new URL('../../scripts/offline.mjs', import.meta.url).pathname;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/// A copy of the build served from a folder of its own, so a test can deploy another build
/// over it at the same origin; with the README's Content-Security-Policy, which must let the
/// manifest, the worker and the note work (any page may frame it, as for a blog's iframe).
async function serveCopy() {
  const root = mkdtempSync(join(tmpdir(), 'cek-klien-site-'));
  cpSync(DIST, root, { recursive: true });
  const server = await startServer(root, { notFound: '404.html', headers: { 'content-security-policy': appPolicy('*') } });
  return { ...server, root, close: async () => (await server.close(), rmSync(root, { recursive: true, force: true })) };
}

/// Deploys a changed build over `root`, as a host would: the stylesheet gains a rule (so it has a
/// new hashed name, which every page and its integrity attribute follow), index.html a mark of
/// the build, and the worker is written again from the new file list.
function deployChangedBuild(root, mark) {
  const oldCss = readdirSync(root).find((name) => /^app-[0-9a-f]+\.css$/.test(name));
  const css = `${readFileSync(join(root, oldCss), 'utf8')}\n:root { --cek-klien-build: "${mark}"; }\n`;
  const newCss = `app-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  const sri = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
  const oldSri = sri(readFileSync(join(root, oldCss)));
  writeFileSync(join(root, newCss), css);
  for (const page of readdirSync(root).filter((name) => name.endsWith('.html') || name === 'embed.js')) {
    let text = readFileSync(join(root, page), 'utf8').replaceAll(oldCss, newCss).replaceAll(oldSri, sri(css));
    if (page === 'index.html') text = text.replace(/(<meta name=cek-klien-build content=\w+>)?<title>/, `<meta name=cek-klien-build content=${mark}><title>`);
    writeFileSync(join(root, `${page}.new`), text);
    renameSync(join(root, `${page}.new`), join(root, page));
  }
  rmSync(join(root, oldCss));
  execFileSync('node', [OFFLINE_SCRIPT, root]);
  return { css: newCss, oldCss };
}

/// Waits until `check` (run in the page, may be async) returns true.
async function until(page, check, what) {
  const deadline = Date.now() + 20000;
  while (!(await page.evaluate(check))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/// Waits until the site's worker is active (it has kept every file) and returns its script's
/// address.
async function workerActive(page) {
  await until(page, async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated', 'an active worker');
  return page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).active.scriptURL);
}

/// Waits until a newer build's worker has installed and waits to take over.
const newBuildWaiting = (page) => until(page, async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), 'a waiting worker');

/// The build a page shows: its mark (none for the original), its stylesheet, and every app
/// file it loaded.
function buildOf(page) {
  return page.evaluate(() => ({
    mark: document.querySelector('meta[name=cek-klien-build]')?.content ?? null,
    stylesheets: [...document.querySelectorAll('link[rel=stylesheet]')].map((link) => new URL(link.href).pathname.split('/').pop()),
    styled: getComputedStyle(document.documentElement).getPropertyValue('--cek-klien-build').trim(),
    files: performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname.split('/').pop()),
    controlled: navigator.serviceWorker.controller !== null,
  }));
}

test('after one visit the site and a share link open with no network, in Indonesian and English', async (t) => {
  const site = await serveCopy();
  t.after(() => site.close());
  const { context, page, problems } = await openPage(browser, site.url);
  assert.match(await workerActive(page), /\/sw\.js$/);
  await startQuiz(page, 'klien-kecewa');
  await answerUntilResult(page, () => 1);
  const outcome = await outcomeOf(page);
  const link = await page.inputValue('[data-testid=share-link]');
  assert.match(link, /#r1\.klien-kecewa\.\d+\.id\./);
  await switchLanguage(page, 'en');
  const englishLink = await page.inputValue('[data-testid=share-link]');
  assert.match(englishLink, /#r1\.klien-kecewa\.\d+\.en\./);
  await page.click('[data-testid=save-result]');
  await page.locator('[data-testid=save-feedback]').filter({ hasText: 'Saved' }).waitFor();
  await page.close();

  await context.setOffline(true);
  const offline = await context.newPage();
  offline.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await offline.goto(link);
  await offline.waitForSelector('[data-testid=result]');
  assert.equal(await outcomeOf(offline), outcome);
  assert.equal((await buildOf(offline)).controlled, true, 'the page came from the worker');
  // The result's texts (the result pack) came from the worker's copy too.
  assert.doesNotMatch(await offline.textContent('[data-testid=result]'), /Coba lagi|disiapkan/);
  await offline.screenshot({ path: artifact('offline-result-id.png'), fullPage: true });

  // The English result, by its link and with ?lang=en: the query and the fragment never stop
  // the worker from finding the page.
  for (const address of [englishLink, link.replace('#', '?lang=en#')]) {
    await offline.goto(address);
    await offline.waitForSelector('[data-testid=result]');
    assert.equal(await offline.getAttribute('html', 'lang'), 'en');
    assert.equal(await outcomeOf(offline), outcome);
    assert.match(await offline.textContent('[data-testid=result]'), /\b(the|your)\b/i, 'English texts');
  }
  await offline.screenshot({ path: artifact('offline-result-en.png'), fullPage: true });

  // The other pages, and a chat-mangled link (its '#' sent as '%23'), which 404.html recovers.
  await offline.goto(`${site.url}builder.html?lang=en`);
  await offline.waitForSelector('[data-testid=snippet]');
  await offline.goto(`${site.url}en.html`);
  await offline.waitForSelector('[data-testid=start]');
  // The start page lists the saved result: the list's code and texts came from the worker too.
  const saved = offline.locator('[data-testid=saved-intro] [data-testid=saved-item]');
  await saved.waitFor();
  assert.equal(await saved.getAttribute('data-outcome'), outcome);
  await offline.goto(link.replace('#', '%23'));
  await offline.waitForSelector('[data-testid=result]');
  assert.equal(await outcomeOf(offline), outcome);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a new deploy is installed whole in the background, used from the next visit, and noted once', async (t) => {
  const site = await serveCopy();
  t.after(() => site.close());
  const { context, page, problems } = await openPage(browser, site.url);
  await workerActive(page);
  const first = await buildOf(page);
  await page.close();

  const { css, oldCss } = deployChangedBuild(site.root, 'b');
  // The next visit still comes from the kept build, whole, while the new one is installed.
  const visit = await context.newPage();
  await visit.goto(site.url);
  await visit.waitForSelector('[data-testid=start]');
  const old = await buildOf(visit);
  assert.equal(old.controlled, true);
  assert.equal(old.mark, null);
  assert.deepEqual(old.stylesheets, first.stylesheets);
  assert.equal(old.stylesheets[0], oldCss);
  assert.ok(!old.files.includes(css), 'no file of the new build in the old page');
  await newBuildWaiting(visit);
  assert.equal(await visit.locator('[data-testid=updated]').count(), 0);

  // Reloading it (the only page open) is the next visit: all new, with the note once.
  await visit.reload();
  await visit.waitForSelector('[data-testid=start]');
  const fresh = await buildOf(visit);
  assert.equal(fresh.controlled, true);
  assert.equal(fresh.mark, 'b');
  assert.deepEqual(fresh.stylesheets, [css]);
  assert.equal(fresh.styled, '"b"', 'the new stylesheet applies');
  assert.ok(!fresh.files.includes(oldCss), 'no file of the old build in the new page');
  const note = visit.locator('[data-testid=updated]');
  await note.waitFor();
  assert.equal(await note.getAttribute('role'), 'status');
  assert.equal(await note.textContent(), 'Versi baru Cek Klien sudah dipakai.');
  await visit.screenshot({ path: artifact('updated-note-id.png') });
  // The newer worker took over, and the old build's copy is gone.
  await until(visit, async () => (await caches.keys()).filter((name) => name !== 'cek-klien-updated').length === 1, 'one kept build');
  assert.equal(await visit.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting), null);

  const later = await context.newPage();
  await later.goto(site.url);
  await later.waitForSelector('[data-testid=start]');
  assert.equal((await buildOf(later)).mark, 'b');
  // offline.js has run (it links the manifest first), and had time to look for the mark.
  await later.waitForSelector('link[rel=manifest]', { state: 'attached' });
  await later.waitForTimeout(500);
  assert.equal(await later.locator('[data-testid=updated]').count(), 0, 'the note shows once');
  await later.close();

  // Another deploy, found by an English reader's visit: the note speaks English. (The page is
  // the tab in front again, as a reader's would be after closing the other.)
  deployChangedBuild(site.root, 'c');
  await visit.bringToFront();
  await visit.goto(`${site.url}?lang=en`);
  await newBuildWaiting(visit);
  assert.equal((await buildOf(visit)).mark, 'b');
  await visit.reload();
  await visit.waitForSelector('[data-testid=start]');
  assert.equal((await buildOf(visit)).mark, 'c');
  await visit.locator('[data-testid=updated]').waitFor();
  assert.equal(await visit.textContent('[data-testid=updated]'), 'Cek Klien has been updated to the new version.');
  assert.equal(await visit.getAttribute('[data-testid=updated]', 'lang'), 'en');
  await visit.screenshot({ path: artifact('updated-note-en.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('embeds register no worker and link no manifest: the iframe, the script mount, the builder preview', async (t) => {
  const site = await serveCopy();
  t.after(() => site.close());
  const blog = await serveHostPage(site.url, '<div data-cek-klien data-quiz="tipe-klien"></div><div data-cek-klien data-mode="iframe"></div>');
  t.after(() => blog.close());
  const { context, page, problems } = await openPage(browser, blog.page);
  await page.locator('[data-cek-klien]:not([data-mode]) [data-testid=start]').first().waitFor();
  const frame = page.frames().find((f) => f.url().startsWith(site.url));
  await frame.waitForSelector('[data-testid=start]');
  // The iframe's loader did load offline.js, which chose to do nothing there.
  await frame.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /\/offline-[0-9a-f]+\.js$/.test(entry.name)));
  await page.waitForTimeout(1000);
  assert.deepEqual(await frame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.equal(await frame.locator('link[rel=manifest]').count(), 0);
  assert.equal(await page.locator('link[rel=manifest]').count(), 0);

  // The builder's live preview: the app's own page at the app's origin, in an iframe.
  const builder = await context.newPage();
  await builder.goto(`${site.url}builder.html`);
  const preview = builder.frameLocator('[data-testid=builder-preview]');
  await preview.locator('[data-testid=start]').first().waitFor();
  const previewFrame = builder.frames().find((f) => f !== builder.mainFrame());
  await previewFrame.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /\/offline-[0-9a-f]+\.js$/.test(entry.name)));
  assert.equal(await previewFrame.locator('link[rel=manifest]').count(), 0);
  // The builder page itself is a standalone page: it registers, once.
  await workerActive(builder);
  assert.equal(await builder.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Chromium finds the standalone site installable, with the manifest it links', async (t) => {
  const site = await serveCopy();
  t.after(() => site.close());
  // A profile of its own on disk: Chromium never offers to install from an incognito context,
  // which is what every other test's context is.
  const profile = mkdtempSync(join(tmpdir(), 'cek-klien-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'id-ID',
  });
  t.after(() => rmSync(profile, { recursive: true, force: true }));
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(site.url);
  await workerActive(page);
  await page.waitForSelector('link[rel=manifest]', { state: 'attached' });
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, []);
  assert.match(manifest.url, /\/manifest\.webmanifest$/);
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.display, 'standalone');
  assert.equal(parsed.scope, './');
  assert.deepEqual(
    parsed.icons.map((icon) => `${icon.sizes} ${icon.purpose}`),
    ['192x192 any', '512x512 any', '512x512 maskable'],
  );
  // The theme colours are the app's own (static/app.css): its accent and its light background.
  const css = readFileSync(new URL('../../static/app.css', import.meta.url), 'utf8');
  assert.ok(css.includes(`--accent: ${parsed.theme_color};`) && css.includes(`--bg: ${parsed.background_color};`));
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  // The address bar takes the same colour on every page (Lighthouse's themed-omnibox audit).
  for (const name of ['index.html', 'en.html', 'builder.html', 'terms.html', 'saved.html']) {
    const html = readFileSync(join(DIST, name), 'utf8');
    assert.match(html, new RegExp(`<meta content="?${parsed.theme_color}"? name=theme-color>`), name);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('every page carries its link preview: Open Graph and a large Twitter card, with an image of the build', async () => {
  for (const name of ['index.html', 'en.html', 'builder.html', 'terms.html', 'saved.html']) {
    const html = readFileSync(join(DIST, name), 'utf8');
    const meta = (key) => new RegExp(`<meta content=("?)([^">]+)\\1 (?:property|name)=${key}>`).exec(html)?.[2];
    assert.ok(meta('og:title')?.startsWith('Cek Klien'), `${name} og:title`);
    assert.ok(meta('og:description')?.length > 50, `${name} og:description`);
    assert.equal(meta('twitter:card'), 'summary_large_image', `${name} twitter:card`);
    const image = meta('og:image');
    assert.ok(image, `${name} og:image`);
    const file = image.split('/').pop();
    const png = readFileSync(join(DIST, file));
    // 1200×630, read from the PNG's header.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], file);
  }
});
