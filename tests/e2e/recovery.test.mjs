// Getting out of trouble: a broken link, a missing clipboard, full storage, an embed's
// language and keys pressed before a click each leave the reader where they expect to be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { answerUntilResult, checkedIndex, clickChoice, startQuiz, switchLanguage, tabTo, waitForStep } from './support/flows.mjs';

const app = useApp();

/// Gives the app a moment to make `condition` true (effects run after the render), without
/// failing: the assertion that follows says what went wrong.
const settle = (page, condition, arg) =>
  page.waitForFunction(condition, arg, { timeout: 2000 }).then(
    () => {},
    () => {},
  );

const progressText = (page) => page.locator('[data-testid=progress]').innerText();

// "Start fresh" used to leave the broken fragment in the address bar: a reload showed the error
// again, and so did the back button.
test('starting fresh from a broken link leaves the link behind, for reloads and the back button', async () => {
  const { context, page, problems } = await app.open(null);
  await page.goto('about:blank');
  await page.goto(`${app.url}#r1.tipe-klien.2.id.zzzz`);
  await page.waitForSelector('[data-testid=error]');
  await page.click('[data-testid=error] button');
  await page.waitForSelector('[data-testid=start]');
  await settle(page, () => location.hash === '');
  assert.equal(await page.evaluate(() => location.hash), '', 'the broken link is still in the address bar');

  await page.reload();
  await page.waitForSelector('[data-testid=start]');
  assert.equal(await page.locator('[data-testid=error]').count(), 0, 'a reload showed the error again');

  await page.goBack();
  assert.doesNotMatch(page.url(), /zzzz/, 'the back button returned to the broken link');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid=error]').count(), 0, 'the back button showed the error again');
  assert.deepEqual(problems, []);
  await context.close();
});

const BROKEN_CLIPBOARDS = {
  'a browser without navigator.clipboard': () =>
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true }),
  'a clipboard whose writeText throws at once': () =>
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      get: () => ({
        writeText() {
          throw new DOMException('Write permission denied.', 'NotAllowedError');
        },
      }),
      configurable: true,
    }),
};

for (const [name, breakIt] of Object.entries(BROKEN_CLIPBOARDS)) {
  // Copying the link used to throw through the wasm (a page error) instead of saying that the
  // copy failed.
  test(`${name}: copying the link says to copy by hand, with no error`, async () => {
    const { context, page, problems } = await app.open(null);
    await context.addInitScript(breakIt);
    await page.goto(app.url);
    await startQuiz(page, 'klien-kecewa');
    await answerUntilResult(page, () => 0);
    await page.click('[data-testid=copy-link]');
    await settle(page, () => document.querySelector('[data-testid=copy-feedback]')?.textContent.trim());
    assert.deepEqual(problems, []);
    assert.match(await page.textContent('[data-testid=copy-feedback]'), /Tidak bisa menyalin/);
    await context.close();
  });
}

// A dismissed "storage unavailable" notice used to come back at the next answer, and at every
// answer after it.
test('a dismissed storage notice stays dismissed while the quiz goes on', async () => {
  const { context, page, problems } = await app.open(null);
  await context.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  // The first answer is the first thing worth keeping, so the first write.
  await clickChoice(page, 0);
  await page.waitForSelector('[data-testid=notice]');
  await page.click('[data-testid=notice] button');
  await page.waitForSelector('[data-testid=notice]', { state: 'detached' });

  for (const step of [2, 3, 4]) {
    await clickChoice(page, 0);
    await waitForStep(page, step + 1);
    await page.waitForTimeout(300);
    const notices = await page.locator('[data-testid=notice]').count();
    assert.equal(notices, 0, `the notice came back after answer ${step}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// Opening the app with ?lang= (every iframe embed) used to overwrite the language the reader
// had chosen on this device.
test("an address with ?lang= shows that language without replacing the reader's own choice", async () => {
  const { context, page, problems } = await app.open();
  await page.waitForSelector('[data-testid=start]');
  await switchLanguage(page, 'en');
  await page.waitForFunction(() => localStorage.getItem('cek-klien.lang') === 'en');

  for (const query of ['?lang=id', '?embed=1&lang=id']) {
    const asked = await context.newPage();
    await asked.goto(`${app.url}${query}`);
    await asked.waitForSelector('[data-testid=start]');
    assert.equal(await asked.getAttribute('.cek-klien', 'lang'), 'id', `${query} is shown in Indonesian`);
    await settle(asked, () => document.documentElement.lang === 'id');
    await asked.close();

    const plain = await context.newPage();
    await plain.goto(app.url);
    await plain.waitForSelector('[data-testid=start]');
    assert.equal(await plain.getAttribute('.cek-klien', 'lang'), 'en', `the app opened after ${query} forgot English`);
    await settle(plain, () => document.documentElement.lang === 'en');
    assert.equal(await plain.evaluate(() => document.documentElement.lang), 'en');
    const stored = await plain.evaluate(() => localStorage.getItem('cek-klien.lang'));
    assert.equal(stored, 'en', `the stored language after ${query}`);
    await plain.close();
  }
  assert.deepEqual(problems, []);
  await context.close();
});

// Scrolling with the arrow keys or Space used to mark the next click as a keyboard selection,
// so a mouse click picked a choice but stayed on the question.
test('a mouse click moves on after keys scrolled the page; arrow keys on the radios only browse', async () => {
  const { context, page, problems } = await app.open(null, { viewport: { width: 360, height: 500 } });
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  await waitForStep(page, 1);
  // The first question (prospect or client) is short; the second, about a previous provider,
  // has five long choices.
  await clickChoice(page, 1);
  await waitForStep(page, 2);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'screen-heading');
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight),
    'the question fits the window, so the keys below cannot scroll it',
  );
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.scrollY > 0);

  // "Yes, with things still open there": the questions about the old provider follow.
  await clickChoice(page, 2);
  page.setDefaultTimeout(5000);
  await waitForStep(page, 3).catch(async () => {
    const shown = `progress "${await progressText(page)}", choice ${await checkedIndex(page)} picked`;
    assert.fail(`a mouse click after scrolling by keyboard did not move on (${shown})`);
  });
  page.setDefaultTimeout(30_000);

  // A keyboard user browsing the radios stays on the question until they choose to go on.
  await tabTo(page, '[data-testid=choice] input');
  for (const expected of [1, 2]) {
    await page.keyboard.press('ArrowDown');
    assert.equal(await checkedIndex(page), expected, 'the arrow key picked the next choice');
  }
  await page.waitForTimeout(300);
  assert.match(await progressText(page), /^\D*3\b/, 'arrow keys on the radios moved on');
  await page.keyboard.press('Enter');
  await waitForStep(page, 4);
  assert.deepEqual(problems, []);
  await context.close();
});
