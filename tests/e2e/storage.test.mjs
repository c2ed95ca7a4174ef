// An unfinished quiz survives closing the tab; "forget" removes it; corrupted or
// blocked storage never stops the quiz.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { answerUntilResult, checkedIndex, clickChoice, outcomeOf, startQuiz, switchLanguage, waitForStep } from './support/flows.mjs';

const app = useApp();

const storedKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cek-klien')).sort());

test('an unfinished quiz survives closing the tab and can be continued or started over', async () => {
  const { context, page } = await app.open();
  await startQuiz(page, 'tipe-klien');
  // A current client (17 questions) who did not come from another provider, and who asks for
  // extras outside the scope.
  for (const choice of [1, 0, 1]) await clickChoice(page, choice);
  await waitForStep(page, 4, 17);
  await page.close();

  const again = await context.newPage();
  await again.goto(app.url);
  await again.waitForSelector('[data-testid=resume]');
  // Out of the questions these answers ask.
  assert.match(await again.textContent('[data-testid=resume]'), /3 dari 17 pertanyaan/);
  await again.click('[data-testid=resume-continue]');
  await waitForStep(again, 4, 17);
  await again.click('[data-testid=back]');
  await waitForStep(again, 3, 17);
  assert.equal(await checkedIndex(again), 1);

  await again.goto(app.url);
  await again.reload();
  await again.waitForSelector('[data-testid=resume]');
  await again.click('[data-testid=resume-discard]');
  await again.click('[data-testid=confirm-yes]');
  assert.equal(await again.locator('[data-testid=resume]').count(), 0);
  assert.deepEqual(await storedKeys(again), []);
  await context.close();
});

test('forget removes everything the app stored', async () => {
  const { context, page } = await app.open();
  await switchLanguage(page, 'en');
  await startQuiz(page, 'klien-kecewa');
  await clickChoice(page, 0);
  await waitForStep(page, 2);
  assert.deepEqual(await storedKeys(page), ['cek-klien.lang', 'cek-klien.progress.klien-kecewa']);
  await page.goto(app.url);
  await page.click('[data-testid=forget]');
  await page.click('[data-testid=confirm-yes]');
  await page.waitForFunction(() => Object.keys(localStorage).length === 0);
  await page.reload();
  await page.waitForSelector('[data-testid=start]');
  assert.equal(await page.locator('[data-testid=resume]').count(), 0);
  await context.close();
});

const BROKEN_STORAGE = {
  'corrupted saved quiz': () => localStorage.setItem('cek-klien.progress.tipe-klien', 'q1.tipe-klien.2.3.{{{garbage'),
  'corrupted language': () => localStorage.setItem('cek-klien.lang', '<img src=x onerror=alert(1)>'),
  'storage blocked': () =>
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    }),
};

for (const [name, breakIt] of Object.entries(BROKEN_STORAGE)) {
  test(`${name}: a quiet notice, and the quiz still finishes`, async () => {
    const { context, page, problems } = await app.open(null);
    await context.addInitScript(breakIt);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid=notice]');
    await startQuiz(page, 'klien-kecewa');
    await answerUntilResult(page, () => 0);
    assert.ok(await outcomeOf(page));
    assert.deepEqual(problems, []);
    await context.close();
  });
}

// Issue 12, item 25: the theme the reader chose was forgotten at the next visit.
test('the theme choice is remembered on this device, and forget clears it', async () => {
  const { context, page, problems } = await app.open(null, { colorScheme: 'light' });
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=start]');
  await page.click('[data-testid=theme-switch]');
  assert.equal(await page.getAttribute('.cek-klien', 'data-theme'), 'dark');
  await page.waitForFunction(() => localStorage.getItem('cek-klien.theme') === 'dark');
  await page.reload();
  await page.waitForSelector('[data-testid=start]');
  assert.equal(await page.getAttribute('.cek-klien', 'data-theme'), 'dark');
  // A host's theme option shows its theme and leaves the reader's choice alone.
  await page.goto(`${app.url}?embed=1&theme=light`);
  await page.waitForSelector('[data-testid=start]');
  assert.equal(await page.getAttribute('.cek-klien', 'data-theme'), 'light');
  assert.equal(await page.evaluate(() => localStorage.getItem('cek-klien.theme')), 'dark');
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=start]');
  assert.match(await page.textContent('.device-data'), /tema/);
  await page.click('[data-testid=forget]');
  await page.click('[data-testid=confirm-yes]');
  await page.waitForFunction(() => Object.keys(localStorage).length === 0);
  await page.reload();
  await page.waitForSelector('[data-testid=start]');
  assert.equal(await page.getAttribute('.cek-klien', 'data-theme'), 'auto');
  assert.deepEqual(problems, []);
  await context.close();
});
