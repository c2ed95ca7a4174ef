// The quiz's ways to the work-terms page: the first screen links to it in the reader's
// language, and every `tipe-klien` verdict offers to draft its terms, with the result's outcome
// and raised flags in the link (the page switches on the clauses they call for). A
// `klien-kecewa` result has no terms to draft. In a blog (either embed mode) the link opens the
// app's own page in a new tab, and the first screen offers no other page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { serveHostPage } from './support/host.mjs';
import { PATHS, UI, answerUntilResult, openResultFolds, outcomeOf, path, startQuiz, switchLanguage, tabTo } from './support/flows.mjs';

const app = useApp();

/// The link a result's draft-terms link must have: its outcome (`data-outcome`) and its flags
/// (`data-flag` on the flag list, in the order shown), in `lang`.
async function expectedTermsLink(scope, lang) {
  const result = scope.locator('[data-testid=result]');
  const outcome = await result.getAttribute('data-outcome');
  const flags = await result.locator('[data-flag]').evaluateAll((items) => items.map((item) => item.dataset.flag));
  return `terms.html?lang=${lang}#from.${[outcome, ...flags].join('.')}`;
}

for (const lang of ['id', 'en']) {
  test(`the first screen links to the work-terms page, in ${lang}, and the keyboard reaches it`, async () => {
    const { context, page, problems } = await app.open(null, { locale: lang === 'id' ? 'id-ID' : 'en-US' });
    await page.goto(`${app.url}?lang=${lang}`);
    const link = page.locator('[data-testid=terms-link]');
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), `terms.html?lang=${lang}`);
    assert.equal((await link.textContent()).trim(), UI['terms-open'][lang]);
    await tabTo(page, '[data-testid=terms-link]');
    // The builder's link is still beside it.
    assert.equal(await page.locator('.page-links [data-testid=open-builder]').count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a tipe-klien verdict drafts its terms: outcome and flags in the link, in both languages, by keyboard', async () => {
  const { context, page, problems } = await app.open(null, { locale: 'id-ID' });
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientManyFlags));
  await openResultFolds(page);
  const link = page.locator('[data-testid=draft-terms]');
  const expected = await expectedTermsLink(page, 'id');
  assert.match(expected, /^terms\.html\?lang=id#from\.bermasalah(\.[a-z-]+){8}$/, 'eight flags raised');
  assert.equal(await link.getAttribute('href'), expected);
  assert.equal(await link.getAttribute('target'), null, "the app's own page opens it in place");
  assert.equal((await link.textContent()).trim(), UI['draft-terms'].id);
  // It resolves next to the app's page, whatever folder the site is served from.
  assert.equal(await link.evaluate((a) => a.href), new URL(expected, app.url).href);

  await switchLanguage(page, 'en');
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), await expectedTermsLink(page, 'en'));
  assert.equal(await link.getAttribute('href'), expected.replace('lang=id', 'lang=en'));
  assert.equal((await link.textContent()).trim(), UI['draft-terms'].en);

  // Tab reaches it, and Enter follows it (the work-terms page is built apart from the quiz; a
  // stand-in answers for it here).
  await context.route(/\/terms\.html/, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>terms</title>' }));
  await page.focus('#screen-heading');
  await tabTo(page, '[data-testid=draft-terms]');
  await Promise.all([page.waitForURL(/\/terms\.html/), page.keyboard.press('Enter')]);
  assert.equal(page.url(), new URL(expected.replace('lang=id', 'lang=en'), app.url).href);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a verdict without flags carries its outcome alone; klien-kecewa results have no terms link', async () => {
  const { context, page, problems } = await app.open(null, { locale: 'id-ID' });
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].prospectIdeal));
  await openResultFolds(page);
  assert.equal(await outcomeOf(page), 'ideal');
  assert.equal(await page.getAttribute('[data-testid=draft-terms]', 'href'), 'terms.html?lang=id#from.ideal');

  await page.goto(app.url);
  await startQuiz(page, 'klien-kecewa');
  await answerUntilResult(page, path(PATHS['klien-kecewa'].fix));
  await openResultFolds(page);
  // The checklist is there, without a way to terms this quiz does not write.
  assert.ok(await page.locator('.checklist li').count() > 0);
  assert.equal(await page.locator('[data-testid=draft-terms]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('in a blog, both embed modes open the app’s own terms page in a new tab; the first screen links to no other page', async () => {
  const host = await serveHostPage(
    app.url,
    `<div data-cek-klien data-mode="iframe" data-quiz="tipe-klien" data-lang="en"></div>
     <div data-cek-klien data-quiz="tipe-klien" data-lang="id"></div>`,
  );
  const { context, page, problems } = await app.open(host.page);
  const frame = page.frameLocator('iframe');
  const mounted = page.locator('div[data-cek-klien]:not([data-mode])');
  for (const [scope, lang] of [[frame, 'en'], [mounted, 'id']]) {
    await scope.locator('[data-testid=start]').waitFor();
    assert.equal(await scope.locator('[data-testid=terms-link]').count(), 0);
    assert.equal(await scope.locator('[data-testid=open-builder]').count(), 0);
    await scope.locator('[data-testid=start]').click();
    await answerUntilResult(scope, path(PATHS['tipe-klien'].prospectDemanding));
    await openResultFolds(scope);
    const link = scope.locator('[data-testid=draft-terms]');
    assert.equal(await link.getAttribute('href'), `${app.url}${await expectedTermsLink(scope, lang)}`);
    assert.equal(await link.getAttribute('target'), '_blank');
  }
  assert.deepEqual(problems, []);
  await context.close();
  await host.close();
});
