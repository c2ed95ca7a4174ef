// The full quiz experience: keyboard, history, reload, review, share, print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { QUESTION_COUNT, checkedIndex, clickThrough, outcomeOf, startQuiz, tabTo, waitForStep } from './support/flows.mjs';

const app = useApp();

// Key "1" everywhere describes the calm answer; going back to change one answer to an abusive
// one must flip the outcome, which proves the change was kept.
const KEYBOARD_RUNS = [
  { quiz: 'tipe-klien', changeStep: 2, changeKey: '3', expected: 'bermasalah' },
  { quiz: 'klien-kecewa', changeStep: 7, changeKey: '3', expected: 'berpisah' },
];

for (const { quiz, changeStep, changeKey, expected } of KEYBOARD_RUNS) {
  test(`${quiz} by keyboard only, going back to change an answer`, async () => {
    const { context, page, problems } = await app.open();
    await page.waitForSelector('[data-testid=start]');
    await tabTo(page, `[data-testid=start][data-quiz=${quiz}]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=question]');
    // Focus moved to the question's heading.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'screen-heading');

    const count = QUESTION_COUNT[quiz];
    for (let step = 1; step <= count; step++) {
      await waitForStep(page, step);
      if (step === changeStep + 1) {
        await page.keyboard.press('Backspace');
        await waitForStep(page, changeStep);
        assert.equal(await checkedIndex(page), 0, 'the earlier answer is kept');
        await page.keyboard.press(changeKey);
        assert.equal(await checkedIndex(page), Number(changeKey) - 1);
        await page.keyboard.press('Enter');
        await waitForStep(page, step);
      }
      await page.keyboard.press('1');
      assert.equal(await checkedIndex(page), 0);
      await page.keyboard.press('Enter');
    }
    await page.waitForSelector('[data-testid=result]');
    assert.equal(await outcomeOf(page), expected);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'screen-heading');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the browser back button and a reload keep the place and the answers', async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'tipe-klien');
  await page.locator('[data-testid=choice]').nth(2).click();
  await waitForStep(page, 2);
  await page.locator('[data-testid=choice]').nth(1).click();
  await waitForStep(page, 3);

  await page.goBack();
  await waitForStep(page, 2);
  assert.equal(await checkedIndex(page), 1, 'answer to question 2 kept after back');
  await page.goBack();
  await waitForStep(page, 1);
  assert.equal(await checkedIndex(page), 2, 'answer to question 1 kept after back');
  await page.goForward();
  await waitForStep(page, 2);

  await page.reload();
  await waitForStep(page, 2);
  assert.equal(await checkedIndex(page), 1, 'answer kept after reload');
  await page.click('[data-testid=back]');
  await waitForStep(page, 1);
  assert.equal(await checkedIndex(page), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('changing one answer in the review list recomputes the result at once', async () => {
  const { context, page } = await app.open();
  await startQuiz(page, 'tipe-klien');
  await clickThrough(page, () => 0, QUESTION_COUNT['tipe-klien']);
  assert.equal(await outcomeOf(page), 'ideal');
  await page.click('[data-testid=review] summary');
  // The last question is about everyday language; its third choice is abusive.
  await page.locator('[data-testid=review-answer]').nth(14).selectOption('2');
  await page.waitForSelector('[data-testid=result][data-outcome=bermasalah]');
  assert.match(page.url(), /#r1\.tipe-klien\.1\.id\.0{14}2/);
  await page.locator('[data-testid=review-answer]').nth(14).selectOption('');
  await page.waitForSelector('[data-testid=result][data-outcome=ideal]');
  await context.close();
});

test('the copied share link opens the same result, marked as shared, in a fresh context', async () => {
  const { context, page } = await app.open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
  await startQuiz(page, 'klien-kecewa');
  await clickThrough(page, () => 1, QUESTION_COUNT['klien-kecewa']);
  const outcome = await outcomeOf(page);
  assert.equal(await page.locator('[data-testid=shared]').count(), 0, 'own result is not marked shared');
  await page.click('[data-testid=copy-link]');
  await page.waitForSelector('[data-testid=copy-feedback]:has-text("tersalin")');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.inputValue('[data-testid=share-link]'));
  await context.close();

  const fresh = await app.open(copied);
  await fresh.page.waitForSelector('[data-testid=result]');
  assert.equal(await outcomeOf(fresh.page), outcome);
  await fresh.page.waitForSelector('[data-testid=shared]');
  await fresh.page.click('[data-testid=shared] button');
  await fresh.page.waitForSelector('[data-testid=question]');
  await fresh.context.close();
});

test('the result prints on exactly one A4 page, even with many flags', async () => {
  const { context, page } = await app.open();
  await startQuiz(page, 'tipe-klien');
  // Choices 2 and 3 raise most flags and the longest plan.
  await clickThrough(page, (step) => (step % 2 ? 1 : 2), QUESTION_COUNT['tipe-klien']);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  assert.equal(pages, 1, `printed ${pages} pages`);
  await context.close();
});

test('the checklist downloads as a text file', async () => {
  const { context, page } = await app.open();
  await startQuiz(page, 'tipe-klien');
  await clickThrough(page, () => 2, QUESTION_COUNT['tipe-klien']);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[download]')]);
  assert.equal(download.suggestedFilename(), 'cek-klien-checklist.txt');
  const text = await (await download.createReadStream()).toArray();
  const body = Buffer.concat(text).toString('utf8');
  assert.match(body, /^Klausul untuk perjanjian tertulis\nKlien Anda tipe apa\?, hasil: .+\n\[ \] /);
  await context.close();
});

test('skipping every question gives a neutral "not enough answers" result, not a verdict', async () => {
  const { context, page } = await app.open();
  await startQuiz(page, 'tipe-klien');
  for (let step = 1; step <= QUESTION_COUNT['tipe-klien']; step++) {
    await waitForStep(page, step);
    await page.click('[data-testid=next]');
  }
  await page.waitForSelector('[data-testid=result][data-evidence=none]');
  assert.match(await page.textContent('#screen-heading'), /Belum cukup jawaban/);
  assert.equal(await page.locator('.plan').count(), 0, 'no action plan without evidence');
  // Answering one question in the review turns it into a real result.
  await page.click('[data-testid=review] summary');
  await page.locator('[data-testid=review-answer]').nth(0).selectOption('0');
  await page.waitForSelector('[data-testid=result]:not([data-evidence])');
  await context.close();
});
