// A person can take both quizzes, share the result, switch language, and a broken
// link shows a clear error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { QUESTION_COUNT, clickThrough, outcomeOf, startQuiz, waitForStep } from './support/flows.mjs';

const app = useApp();

test('tipe-klien by clicking gives a result whose share link reopens it in a fresh context', async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'tipe-klien');
  // The second choice of every question describes a demanding client.
  await clickThrough(page, () => 1, QUESTION_COUNT['tipe-klien']);
  assert.equal(await outcomeOf(page), 'penuntut');
  const shareLink = await page.inputValue('[data-testid=share-link]');
  assert.match(shareLink, /^http:\/\/127\.0\.0\.1:\d+\/#r1\.tipe-klien\.1\.id\.[0-9a-z-]+$/);
  assert.ok(shareLink.split('#')[1].length <= 40, shareLink);
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
  await clickThrough(page, () => 0, QUESTION_COUNT['klien-kecewa']);
  const outcome = await outcomeOf(page);
  assert.ok(['terima-refund', 'refund-penuh', 'perbaiki', 'berpisah'].includes(outcome), outcome);
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching language mid-quiz keeps the place and the answers', async () => {
  const { context, page } = await app.open();
  await startQuiz(page, 'tipe-klien');
  await page.locator('[data-testid=choice]').nth(2).click();
  await page.locator('[data-testid=choice]').nth(0).click();
  await waitForStep(page, 3);
  const indonesian = await page.textContent('[data-testid=question]');

  await page.click('[data-testid=lang-switch]');
  await page.waitForSelector(`[data-testid=progress] >> text=Question 3 of ${QUESTION_COUNT['tipe-klien']}`);
  const english = await page.textContent('[data-testid=question]');
  assert.notEqual(english, indonesian);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  // Going back shows the earlier answers still chosen.
  await page.click('[data-testid=back]');
  await page.waitForSelector(`[data-testid=progress] >> text=Question 2 of ${QUESTION_COUNT['tipe-klien']}`);
  assert.equal(await page.locator('[data-testid=choice] input').nth(0).isChecked(), true);
  await page.click('[data-testid=back]');
  assert.equal(await page.locator('[data-testid=choice] input').nth(2).isChecked(), true);
  await context.close();
});

test('?lang=en and an English browser both start in English', async () => {
  const byQuery = await app.open(`${app.url}?lang=en`);
  await byQuery.page.waitForSelector('[data-testid=start]');
  assert.equal(await byQuery.page.getAttribute('html', 'lang'), 'en');
  await byQuery.context.close();

  const byBrowser = await app.open(app.url, { locale: 'en-US' });
  await byBrowser.page.waitForSelector('[data-testid=start]');
  assert.match(await byBrowser.page.textContent('[data-testid=start]'), /Start/);
  await byBrowser.context.close();
});

for (const fragment of ['#garbage', '#r1.tipe-klien.1.id.0000', '#r1.tanya-jawab.1.id.0000k', '#r9.x.y.z.w']) {
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
