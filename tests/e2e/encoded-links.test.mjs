// Some chat apps send a share link's '#' as '%23'. In the path that is a missing page: the
// build's 404.html (served by GitHub Pages, Netlify and most static hosts for any missing
// address) sends the link back to the app with its '#'. After a '?lang=…' it lands in the query:
// the app moves it back to the fragment itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startServer } from './support/server.mjs';
import { launch, openPage } from './support/browser.mjs';
import { DIST } from './support/app.mjs';
import { appPolicy } from './support/csp.mjs';
import { signed } from './support/links.mjs';

const LINK = signed('r1.tipe-klien.2.id.1312--013201320132012');

let browser;
const servers = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(options) {
  const server = await startServer(DIST, { notFound: '404.html', ...options });
  servers.push(server);
  return server;
}

async function opensResult(url, { lang = 'id' } = {}) {
  const { context, page, problems } = await openPage(browser, url);
  await page.waitForSelector('[data-testid=result]', { timeout: 10000 }).catch(async () => {
    assert.fail(`${url} showed ${page.url()}: ${(await page.textContent('body')).slice(0, 200)}`);
  });
  // The link's answers, in the language the address asked for.
  assert.equal(await page.evaluate(() => location.hash.replace(/^#(r1\.tipe-klien\.2\.)..(\.[^.]*).$/, '$1$2')), LINK.replace(/^(r1\.tipe-klien\.2\.)..(\.[^.]*).$/, '$1$2'));
  assert.equal(await page.getAttribute('.cek-klien', 'lang'), lang);
  assert.equal(await page.locator('[data-testid=notice]').count(), 0, 'no "ignored option" notice');
  // The browser reports the missing page 404.html stood in for; nothing else.
  assert.deepEqual(problems.filter((p) => !/status of 404/.test(p)), []);
  await context.close();
}

test("a link whose '#' became '%23' in the path opens the result (404.html sends it back)", async () => {
  const server = await serve();
  await opensResult(`${server.url}%23${LINK}`);
  await opensResult(`${server.url}index.html%23${LINK}`);
  // A '?' escaped as well.
  await opensResult(`${server.url}%3Flang=en%23${LINK}`, { lang: 'en' });
});

test("a link whose '#' became '%23' after '?lang=' opens the result in that language", async () => {
  const server = await serve();
  await opensResult(`${server.url}?lang=en%23${LINK}`, { lang: 'en' });
  // An accent colour's escaped '#' is still an accent colour.
  const { context, page, problems } = await openPage(browser, `${server.url}?accent=%237a3e9d`);
  await page.waitForSelector('[data-testid=start]');
  assert.equal(await page.evaluate(() => location.search), '?accent=%237a3e9d');
  assert.equal(await page.locator('[data-testid=notice]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("404.html recovers the link under a sub-path and the README's strict policy", async () => {
  const server = await serve({ base: '/tools/cek-klien/', headers: { 'content-security-policy': appPolicy("'self'") } });
  await opensResult(`${server.url}%23${LINK}`);
  // A missing page that is not a mangled link says so, in both languages.
  const { context, page } = await openPage(browser, `${server.url}no-such-page`);
  assert.match(await page.textContent('h1'), /tidak ditemukan.*not found/i);
  await context.close();
});

test("404.html's inline script is the one the README's policy allows by hash", () => {
  const script = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(`${DIST}404.html`, 'utf8'))[1];
  const hash = createHash('sha256').update(script).digest('base64');
  assert.ok(appPolicy("'self'").includes(`'sha256-${hash}'`), `the policy lacks 'sha256-${hash}'`);
});
