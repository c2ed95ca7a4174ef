// History and storage as a reader on a phone meets them: the app's Back and the browser's move
// the same way; a burst of back and forward never rewrites entries or loses progress; each quiz
// keeps its own unfinished answers, across tabs; one's own result stays one's own after a
// reload or a bookmark; "forget" asks first, removes every key, and Back cannot bring the
// answers back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { PATHS, answerUntilResult, checkedIndex, clickChoice, path, startQuiz, waitForStep } from './support/flows.mjs';

const app = useApp();

const historyLength = (page) => page.evaluate(() => history.length);
const storedKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cek-klien')).sort());

// The app's Back used to add an entry, so the browser's Back then went forward through the quiz.
test("the app's Back and the browser's Back move the same way, and history does not grow", async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'klien-kecewa');
  for (const [n, choice] of [[1, 0], [2, 1], [3, 0]]) {
    await waitForStep(page, n);
    await clickChoice(page, choice);
  }
  await waitForStep(page, 4);
  const before = await historyLength(page);
  await page.click('[data-testid=back]');
  await waitForStep(page, 3);
  await page.click('[data-testid=back]');
  await waitForStep(page, 2);
  assert.equal(await historyLength(page), before, 'going back adds no entries');
  assert.equal(await checkedIndex(page), 1, 'the answer to question 2 is still there');
  // The browser's Back goes on backwards, to question 1, never forward to question 3 or 4.
  await page.goBack();
  await waitForStep(page, 1);
  assert.equal(await checkedIndex(page), 0);
  // And forward retraces the way: question 2, then 3.
  await page.goForward();
  await waitForStep(page, 2);
  await page.goForward();
  await waitForStep(page, 3);
  assert.equal(await checkedIndex(page), 0, 'question 3 kept its answer');
  assert.deepEqual(problems, []);
  await context.close();
});

// Under a burst of back() and forward() calls the browser itself can drop some of the calls
// and leave the app for the page before it (Chromium does so with a plain page too). What the
// app must never write one place's answers, or a blank menu, into another entry, drop answers an
// entry held, add or cut off entries, or delete the unfinished quiz.
test('a burst of 200 back and forward calls leaves every entry and the progress intact', async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'tipe-klien');
  for (const [n, choice] of [[1, 1], [2, 0], [3, 1], [4, 0], [5, 0]]) {
    await waitForStep(page, n);
    await clickChoice(page, choice);
  }
  await waitForStep(page, 6);
  const length = await historyLength(page);
  const entries = async () => {
    // From the app's first entry forward to its last, reading each address.
    await page.evaluate((back) => history.go(-back), length - 2).catch(() => {});
    await page.waitForTimeout(500);
    if (!page.url().startsWith(app.url)) await page.goForward();
    await page.waitForSelector('[data-testid=start]');
    const hashes = [];
    for (let i = 0; i < 6; i++) {
      await page.goForward();
      await page.waitForSelector('[data-testid=question]');
      hashes.push(await page.evaluate(() => location.hash));
    }
    return hashes;
  };
  const before = await entries();
  // The calls are queued in one go; leaving the app ends this evaluation.
  await page
    .evaluate(() => {
      for (let i = 0; i < 100; i++) {
        history.back();
        history.forward();
      }
    })
    .catch(() => {});
  await page.waitForTimeout(1500);
  if (page.url().startsWith(app.url)) {
    assert.equal(await historyLength(page), length, 'no entry was added or cut off');
  }
  // Visiting an entry may refresh it with answers given since it was written, never with fewer:
  // each entry keeps its place and every answer it held.
  const after = await entries();
  const parts = (hash) => /^#q1\.tipe-klien\.\d+\.(\d+)\.([0-9a-z-]+)[0-9a-z]$/.exec(hash)?.slice(1);
  before.forEach((hash, i) => {
    const [step, answers] = parts(hash);
    const [stepAfter, answersAfter] = parts(after[i]) ?? [];
    assert.equal(stepAfter, step, `entry ${i} kept its place: ${after[i]}`);
    assert.ok([...answers].every((a, q) => a === '-' || a === answersAfter[q]), `entry ${i} kept its answers: ${hash} → ${after[i]}`);
  });
  assert.equal(await historyLength(page), length, 'no entry was added or cut off');
  // The reader's five answers are still kept for later.
  await page.click('[data-testid=back]');
  await page.waitForTimeout(300);
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=resume]');
  assert.match(await page.textContent('[data-testid=resume]'), /\b5\b/);
  assert.deepEqual(problems, []);
  await context.close();
});

// Progress was one slot for both quizzes and all tabs: starting the other quiz overwrote it, and
// a stale tab wrote back older progress.
test('each quiz keeps its own progress, tabs follow each other, and discarding asks first', async () => {
  const { context, page: first, problems } = await app.open();
  await startQuiz(first, 'tipe-klien');
  await clickChoice(first, 1);
  await waitForStep(first, 2);
  // A second tab on the menu sees the first tab's quiz on offer, without a reload.
  const second = await context.newPage();
  await second.goto(app.url);
  await second.waitForSelector('[data-testid=resume][data-quiz=tipe-klien]');
  // The first tab goes on; the second tab's offer follows it.
  await clickChoice(first, 0);
  await waitForStep(first, 3);
  await second.locator('[data-testid=resume][data-quiz=tipe-klien]').filter({ hasText: /\b2\b/ }).waitFor();
  // A language switch in the second tab writes its own choice, not its older copy of the quiz.
  const before = await first.evaluate(() => localStorage.getItem('cek-klien.progress.tipe-klien'));
  await second.click('[data-testid=lang-switch]');
  await second.waitForFunction(() => localStorage.getItem('cek-klien.lang') === 'en');
  assert.equal(await second.evaluate(() => localStorage.getItem('cek-klien.progress.tipe-klien')), before);
  // The second tab starts the other quiz: the first one's answers stay.
  await startQuiz(second, 'klien-kecewa');
  await clickChoice(second, 0);
  await waitForStep(second, 2);
  assert.deepEqual(await storedKeys(second), [
    'cek-klien.lang',
    'cek-klien.progress.klien-kecewa',
    'cek-klien.progress.tipe-klien',
  ]);
  await second.goto(app.url);
  await second.waitForSelector('[data-testid=resume][data-quiz=klien-kecewa]');
  await second.waitForSelector('[data-testid=resume][data-quiz=tipe-klien]');
  // Discarding asks; cancelling keeps the answers.
  const offer = second.locator('[data-testid=resume][data-quiz=tipe-klien]');
  await offer.locator('[data-testid=resume-discard]').click();
  await offer.locator('[data-testid=confirm-no]').click();
  await offer.locator('[data-testid=resume-continue]').waitFor();
  // Starting a quiz that is on offer asks too.
  await second.click('[data-testid=start][data-quiz=tipe-klien]');
  await offer.locator('[data-testid=confirm]').waitFor();
  assert.equal(await second.evaluate(() => document.activeElement?.id), 'confirm-question');
  await offer.locator('[data-testid=confirm-yes]').click();
  await waitForStep(second, 1);
  assert.equal(await checkedIndex(second), -1, 'started from the beginning');
  // Both tabs: nothing printed an error.
  assert.deepEqual(problems, []);
  await context.close();
});

// Reloading or bookmarking one's own result labelled it "shared with you".
test('a reload or a bookmark of your own result is not labelled shared; a fresh device is', async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].prospectIdeal));
  const url = page.url();
  await page.reload();
  await page.waitForSelector('[data-testid=result]');
  assert.equal(await page.locator('[data-testid=shared]').count(), 0, 'after a reload');
  const bookmark = await context.newPage();
  await bookmark.goto(url);
  await bookmark.waitForSelector('[data-testid=result]');
  assert.equal(await bookmark.locator('[data-testid=shared]').count(), 0, 'from a bookmark');
  // The share link is someone else's result on any other device; the address bar's link,
  // copied and sent instead, opens the result too.
  const share = await page.inputValue('[data-testid=share-link]');
  const fresh = await app.open(share);
  await fresh.page.waitForSelector('[data-testid=shared]');
  await fresh.page.goto(url);
  await fresh.page.waitForSelector('[data-testid=result]');
  await fresh.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

// "Forget" left other cek-klien.* keys, asked nothing, and Back brought the answers back.
test('forget asks first, removes every key, and Back cannot bring the answers back', async () => {
  const { context, page, problems } = await app.open();
  await page.evaluate(() => localStorage.setItem('cek-klien.from-an-older-version', 'x'));
  await startQuiz(page, 'klien-kecewa');
  for (const [n, choice] of [[1, 1], [2, 1]]) {
    await waitForStep(page, n);
    await clickChoice(page, choice);
  }
  await waitForStep(page, 3);
  await page.click('[data-testid=back]');
  await waitForStep(page, 2);
  await page.click('[data-testid=back]');
  await waitForStep(page, 1);
  await page.click('[data-testid=back]');
  await page.waitForSelector('[data-testid=resume]');
  await page.click('[data-testid=forget]');
  await page.waitForSelector('[data-testid=confirm]');
  assert.notDeepEqual(await storedKeys(page), [], 'nothing is removed before the reader confirms');
  await page.click('[data-testid=confirm-yes]');
  await page.waitForFunction(() => Object.keys(localStorage).every((k) => !k.startsWith('cek-klien')));
  assert.equal(await page.locator('[data-testid=resume]').count(), 0);
  // Back and forward through every entry: no answer shows again.
  for (const move of ['goForward', 'goForward', 'goForward', 'goBack', 'goBack', 'goBack']) {
    await page[move]();
    await page.waitForTimeout(200);
    assert.equal(await page.locator('[data-testid=question]').count(), 0, `after ${move}: ${page.url()}`);
  }
  await page.reload();
  await page.waitForSelector('[data-testid=start]');
  assert.equal(await page.locator('[data-testid=resume]').count(), 0);
  assert.deepEqual(await storedKeys(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
