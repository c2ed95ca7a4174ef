// A person can take both quizzes, share the result, switch language, and a broken
// link shows a clear error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { signed } from './support/links.mjs';
import { PATHS, UI, answerUntilResult, clickChoice, outcomeOf, path, startQuiz, switchLanguage, waitForStep } from './support/flows.mjs';

const app = useApp();

test('tipe-klien by clicking gives a result whose share link reopens it in a fresh context', async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'tipe-klien');
  // A client who pays and is polite, but complains about one spam mail and phones minutes
  // after emailing: a demanding client.
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientDemanding));
  assert.equal(await outcomeOf(page), 'penuntut');
  const shareLink = await page.inputValue('[data-testid=share-link]');
  // Version 2 of the bank, one character per question (21), then the check character.
  assert.match(shareLink, /^http:\/\/127\.0\.0\.1:\d+\/#r1\.tipe-klien\.2\.id\.[0-9a-z-]{21}[0-9a-z]$/);
  assert.ok(shareLink.split('#')[1].length <= 41, shareLink);
  assert.deepEqual(problems, []);
  await context.close();

  const fresh = await app.open(shareLink);
  await fresh.page.waitForSelector('[data-testid=result]');
  assert.equal(await outcomeOf(fresh.page), 'penuntut');
  assert.match(await fresh.page.textContent('.shared-badge'), /dibagikan/);
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
});

test('klien-kecewa by clicking reaches a result', async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'klien-kecewa');
  const asked = await answerUntilResult(page, () => 0);
  // The first choice of the first questions opens the marketplace and progress questions.
  assert.ok(asked.some((q) => q.id === 'ulasan') && asked.some((q) => q.id === 'kemajuan'), asked.map((q) => q.id).join());
  const outcome = await outcomeOf(page);
  assert.ok(['terima-refund', 'refund-penuh', 'perbaiki', 'berpisah'].includes(outcome), outcome);
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching language mid-quiz keeps the place and the answers', async () => {
  const { context, page } = await app.open();
  await startQuiz(page, 'tipe-klien');
  // A current client who came from another provider: the switcher questions follow.
  await clickChoice(page, 1);
  await waitForStep(page, 2);
  await clickChoice(page, 2);
  await waitForStep(page, 3);
  const indonesian = await page.textContent('[data-testid=question]');
  const total = (await page.textContent('[data-testid=progress]')).match(/\d+/g)[1];

  await switchLanguage(page, 'en');
  await page.waitForSelector(`[data-testid=progress] >> text=Question 3 of ${total}`);
  const english = await page.textContent('[data-testid=question]');
  assert.notEqual(english, indonesian);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  // Going back shows the earlier answers still chosen.
  await page.click('[data-testid=back]');
  await page.waitForSelector(`[data-testid=progress] >> text=Question 2 of ${total}`);
  assert.equal(await page.locator('[data-testid=choice] input').nth(2).isChecked(), true);
  await page.click('[data-testid=back]');
  await waitForStep(page, 1);
  assert.equal(await page.locator('[data-testid=choice] input').nth(1).isChecked(), true);
  await context.close();
});

test('?lang=en and an English browser both start in English', async () => {
  const byQuery = await app.open(`${app.url}?lang=en`);
  await byQuery.page.waitForSelector('[data-testid=start]');
  assert.equal(await byQuery.page.getAttribute('html', 'lang'), 'en');
  await byQuery.context.close();

  const byBrowser = await app.open(app.url, { locale: 'en-US' });
  await byBrowser.page.waitForSelector('[data-testid=start]');
  // The English texts come in a file of their own, loaded before the app opens in English.
  assert.match(await byBrowser.page.textContent('[data-testid=start]'), /Start/);
  await byBrowser.context.close();
});

for (const fragment of ['#garbage', '#r1.tipe-klien.2.id.0000', '#r1.tanya-jawab.2.id.0000k', '#r9.x.y.z.w']) {
  test(`a broken link (${fragment}) shows the error with a way to start`, async () => {
    const { context, page, problems } = await app.open(`${app.url}${fragment}`);
    await page.waitForSelector('[data-testid=error]');
    assert.match(await page.textContent('[data-testid=error]'), /Tautan/);
    await page.click('[data-testid=error] button');
    await page.waitForSelector('[data-testid=start]');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a link made with version 1 of the bank says it is from an older version, in both languages', async () => {
  const link = signed('r1.tipe-klien.1.id.012301230123012');
  const { context, page, problems } = await app.open(`${app.url}#${link}`);
  await page.waitForSelector('[data-testid=error]');
  assert.ok((await page.textContent('[data-testid=error]')).includes(UI['error-outdated'].id));
  await switchLanguage(page, 'en');
  assert.ok((await page.textContent('[data-testid=error]')).includes(UI['error-outdated'].en));
  assert.equal(await page.locator('[data-testid=result]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

// Yew keeps an element from one screen for the next where their tags line up, and a class set as
// a property (`~className`, the question's Next button) was then taken off as the string
// "undefined": the result's "Retake" button came up white, unstyled, until a reload.
test('every button keeps its own look when the screen changes', async () => {
  const { context, page } = await app.open(undefined, { viewport: { width: 360, height: 740 }, hasTouch: true });
  const classes = (selector) => page.locator(selector).evaluateAll((nodes) => nodes.map((node) => node.className));
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  await clickChoice(page, 0);
  await page.click('[data-testid=back]');
  await waitForStep(page, 1);
  await page.click('[data-testid=back]');
  await page.locator('[data-testid=start]').first().waitFor();
  assert.deepEqual(await classes('[data-testid=start]'), ['primary', 'primary'], 'the intro after a question');
  // A fresh start, without the offer to continue the answer given above.
  await page.evaluate(() => localStorage.clear());
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].prospectIdeal));
  assert.deepEqual(await classes('[data-testid=retake]'), ['primary'], 'the result after the last question');
  assert.doesNotMatch(await page.locator('.screen').innerHTML(), /class="undefined"/);
  await context.close();
});
