// The build works under any sub-path of a static host, and under a strict Content
// Security Policy (no 'unsafe-inline', no 'unsafe-eval') in every mode, with no violations.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './support/server.mjs';
import { launch, openPage } from './support/browser.mjs';
import { DIST } from './support/app.mjs';
import { appPolicy, blogPolicy } from './support/csp.mjs';
import { serveHostPage } from './support/host.mjs';
import { PATHS, answerUntilResult, outcomeOf, path, startQuiz, switchLanguage } from './support/flows.mjs';

let browser;
const servers = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(root, options) {
  const server = await startServer(root, options);
  servers.push(server);
  return server;
}

/// Opens a page that records every CSP violation, in the page and in its frames.
async function openWatched(url, options) {
  const opened = await openPage(browser, undefined, options);
  await opened.context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const cspMessages = [];
  opened.page.on('console', (m) => /Content.Security.Policy/i.test(m.text()) && cspMessages.push(m.text()));
  await opened.page.goto(url);
  const violations = async () => {
    const all = [...cspMessages];
    for (const frame of opened.page.frames()) all.push(...((await frame.evaluate(() => window.__violations).catch(() => [])) ?? []));
    return all;
  };
  return { ...opened, violations };
}

test('the site works under a sub-path', async () => {
  const server = await serve(DIST, { base: '/tools/cek-klien/' });
  const { context, page, problems } = await openPage(browser, server.url);
  await startQuiz(page, 'klien-kecewa');
  await answerUntilResult(page, () => 0);
  const link = await page.inputValue('[data-testid=share-link]');
  assert.ok(link.startsWith(`${server.url}#r1.klien-kecewa.`), link);
  const fresh = await openPage(browser, link);
  await fresh.page.waitForSelector('[data-testid=result]');
  assert.equal(await outcomeOf(fresh.page), await outcomeOf(page));
  await fresh.context.close();
  // embed.js and the badges are served from the same sub-path.
  for (const file of ['embed.js', 'badge-id.svg', 'badge-en.png']) {
    const response = await page.request.get(`${server.url}${file}`);
    assert.equal(response.status(), 200, file);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the standalone site completes a quiz under the strict policy with no violations', async () => {
  const server = await serve(DIST, { headers: { 'content-security-policy': appPolicy("'self'") } });
  const { context, page, violations } = await openWatched(server.url);
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientDemanding));
  await page.click('[data-testid=review] summary');
  await page.click('[data-testid=theme-switch]');
  // The builder (with its preview iframe) too.
  await page.goto(`${server.url}builder.html`);
  await page.reload();
  await page.waitForSelector('[data-testid=snippet]');
  await page.selectOption('[data-testid=builder-theme]', 'dark');
  await page.frameLocator('[data-testid=builder-preview]').locator('[data-testid=start]').first().waitFor();
  // The work-terms page too: its markup, downloads and file input.
  await page.goto(`${server.url}terms.html`);
  await page.fill('input[name=provider_name]', 'Rina');
  await page.check('input[name=doc-lang][value=both]');
  await page.waitForSelector('[data-testid=terms-export]');
  // A result saved on the quiz, then listed, compared and renamed on the saved page.
  await page.goto(server.url);
  await startQuiz(page, 'klien-kecewa');
  await answerUntilResult(page, () => 0);
  await page.click('[data-testid=save-result]');
  await page.goto(`${server.url}saved.html`);
  await page.click('[data-testid=saved-compare]');
  await page.click('[data-testid=saved-rename]');
  await page.press('#rename-input', 'Enter');
  await page.waitForSelector('[data-testid=saved-rename]');
  assert.deepEqual(await violations(), []);
  await context.close();
});

test('both embed modes work on a blog with a strict policy, and the iframe under frame-ancestors', async () => {
  const probe = await serve(DIST);
  const blogOrigin = { value: '' };
  const app = await serve(DIST, {
    headers: { get 'content-security-policy'() { return appPolicy(`'self' ${blogOrigin.value}`); } },
  });
  const snippet = (mode, lang) =>
    `<div data-cek-klien ${mode === 'iframe' ? 'data-mode="iframe" ' : ''}data-quiz="klien-kecewa" data-lang="${lang}" data-accent="#7a3e9d"></div>`;
  const blog = await serveHostPage(app.url, `${snippet('script', 'id')}${snippet('iframe', 'en')}`, {
    head: '<title>Post</title>',
    headers: { 'content-security-policy': blogPolicy(app.origin) },
  });
  servers.push(blog);
  blogOrigin.value = blog.origin;
  await probe.close();

  const { context, page, violations } = await openWatched(blog.page);
  await page.waitForSelector('[data-testid=start]');
  await page.click('[data-testid=start]');
  await answerUntilResult(page, () => 0);
  // The accent colour reached the widget through the CSSOM, which the policy allows.
  const accent = await page.$eval('[data-cek-klien]', (h) => getComputedStyle(h.shadowRoot.querySelector('.cek-klien')).getPropertyValue('--accent').trim());
  assert.equal(accent, '#7a3e9d');
  // The soft tint follows it (no longer the default green), also under the strict policy.
  const soft = await page.$eval('[data-cek-klien]', (h) => getComputedStyle(h.shadowRoot.querySelector('.cek-klien')).getPropertyValue('--accent-soft').trim());
  assert.match(soft, /7a3e9d/);
  // The script mount fetches the English texts from the app's origin, which the policy allows.
  const script = page.locator('[data-cek-klien]:not([data-mode])');
  await switchLanguage(script, 'en');
  await script.locator('[data-testid=result]').waitFor();

  const frame = page.frameLocator('iframe');
  await frame.locator('[data-testid=start]').click();
  await answerUntilResult(frame, () => 0);
  assert.deepEqual(await violations(), []);
  await context.close();
});
