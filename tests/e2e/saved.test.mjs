// Saved assessments: a result saved under a client's name on the quiz, listed on the saved page
// (newest first, with date and verdict) to reopen, compare, rename and delete; "forget" removes
// them; damaged or refused storage gets a message and a way on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { artifactsIn } from './support/artifacts.mjs';
import { PATHS, UI, answerUntilResult, assertNoAxeViolations, horizontalOverflow, outcomeOf, path, startQuiz, switchLanguage } from './support/flows.mjs';

const app = useApp();
const shot = artifactsIn('saved');

/// Answers `answers` of tipe-klien to its result, types `name` and saves it.
async function saveResult(page, answers, name) {
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(answers));
  const outcome = await outcomeOf(page);
  await page.fill('input[name="client-name"]', name);
  await page.click('[data-testid=save-result]');
  await page.locator('[data-testid=save-feedback]').filter({ hasText: /Tersimpan|Saved/ }).waitFor();
  return outcome;
}

const savedItems = (page) => page.locator('[data-testid=saved-item]');

test('results saved on the quiz are listed newest first, reopen, compare, rename and delete', async () => {
  const { context, page } = await app.open(undefined, { viewport: { width: 360, height: 740 }, hasTouch: true });
  const first = await saveResult(page, PATHS['tipe-klien'].prospectIdeal, 'PT Maju <b>Jaya</b>');
  // Saving the same result again does not list it twice: a second click, and a double tap.
  await page.click('[data-testid=save-result]');
  const save = await page.locator('[data-testid=save-result]').boundingBox();
  await page.touchscreen.tap(save.x + save.width / 2, save.y + save.height / 2);
  await page.touchscreen.tap(save.x + save.width / 2, save.y + save.height / 2);
  assert.equal((await page.evaluate(() => localStorage.getItem('cek-klien.saved'))).split('\n').length, 4, 'each tap saved a line');
  const second = await saveResult(page, PATHS['tipe-klien'].clientSwears, 'Bu Sari');
  assert.notEqual(first, second);

  await page.goto(app.url);
  await page.click('[data-testid=saved-all]');
  await savedItems(page).first().waitFor();
  assert.equal(await savedItems(page).count(), 2);
  const names = await page.locator('[data-testid=saved-open]').allTextContents();
  assert.deepEqual(names, ['Bu Sari', 'PT Maju <b>Jaya</b>'], 'newest first, the name as typed');
  assert.deepEqual(
    await savedItems(page).evaluateAll((items) => items.map((item) => item.dataset.outcome)),
    [second, first],
  );
  // The day and the time, as Indonesian writes them ("7 Des 2026, 14.05").
  const today = await page.evaluate(() => new Date().toLocaleDateString('id-ID', { dateStyle: 'medium' }));
  assert.match(await savedItems(page).first().textContent(), new RegExp(`${today}, \\d{2}\\.\\d{2}`));
  assert.ok((await horizontalOverflow(page)) <= 0, 'the list fits a 360 px phone');
  await page.screenshot({ path: shot('list-360-id.png'), fullPage: true });

  // Compare: both ticked, a table of every outcome's score, each verdict in bold.
  await page.locator('[data-testid=saved-compare]').nth(0).check();
  await page.locator('[data-testid=saved-compare]').nth(1).check();
  const table = page.locator('[data-testid=compare]');
  await table.waitFor();
  assert.equal(await table.locator('thead th').count(), 2);
  assert.equal(await table.locator('tbody td strong').count(), 2);
  assert.ok((await horizontalOverflow(page)) <= 0, 'the comparison scrolls in its own box');
  await page.screenshot({ path: shot('compare-360-id.png'), fullPage: true });
  await assertNoAxeViolations(page, 'saved page, comparing, 360 px');

  // Rename by keyboard: Enter saves the new name, and the name is kept after a reload.
  await page.locator('[data-testid=saved-rename]').nth(1).click();
  const field = page.locator('#rename-input');
  await field.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'rename-input');
  // Escape leaves the old name, and the focus goes back to the button that opened the field.
  await field.fill('salah ketik');
  await field.press('Escape');
  await page.waitForFunction(() => !document.getElementById('rename-input'));
  assert.match(await page.evaluate(() => document.activeElement?.dataset.testid), /saved-rename/);
  await page.keyboard.press('Enter');
  await field.waitFor();
  await field.fill('PT Maju Jaya (minggu 2)');
  await field.press('Enter');
  await page.locator('[data-testid=saved-open]', { hasText: 'PT Maju Jaya (minggu 2)' }).waitFor();
  await page.reload();
  await page.locator('[data-testid=saved-open]', { hasText: 'PT Maju Jaya (minggu 2)' }).waitFor();

  // Reopen: the quiz shows the same verdict, as the reader's own result, with the client's name.
  await page.locator('[data-testid=saved-open]').first().click();
  await page.waitForSelector('[data-testid=result]');
  assert.equal(await outcomeOf(page), second);
  assert.equal(await page.locator('[data-testid=shared]').count(), 0);
  await page.waitForFunction(() => document.querySelector('input[name=client-name]')?.value === 'Bu Sari');

  // Delete asks first; "Cancel" keeps it, "Yes" removes it.
  await page.goBack();
  await savedItems(page).first().waitFor();
  await page.locator('[data-testid=saved-delete]').first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'confirm-question');
  // Asked in the item itself, naming whose result it is.
  assert.match(await savedItems(page).first().locator('[data-testid=confirm]').textContent(), /“Bu Sari”/);
  await page.click('[data-testid=confirm-no]');
  assert.match(await page.evaluate(() => document.activeElement?.dataset.testid), /saved-delete/);
  assert.equal(await savedItems(page).count(), 2);
  await page.locator('[data-testid=saved-delete]').first().click();
  await page.click('[data-testid=confirm-yes]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=saved-item]').length === 1);
  assert.match(await page.evaluate(() => localStorage.getItem('cek-klien.saved')), /PT Maju Jaya \(minggu 2\)$/);

  // "Forget" on the quiz removes the saved list too.
  await page.goto(app.url);
  await page.click('[data-testid=forget]');
  await page.click('[data-testid=confirm-yes]');
  await page.waitForFunction(() => Object.keys(localStorage).length === 0);
  await page.goto(new URL('saved.html', app.url).href);
  await page.locator('[data-testid=saved-empty]').waitFor();
  await context.close();
});

test('the start page lists the saved results, newest first, to reopen them, and a link to all of them', async () => {
  const { context, page } = await app.open(undefined, { viewport: { width: 360, height: 740 }, hasTouch: true });
  const first = await saveResult(page, PATHS['tipe-klien'].prospectIdeal, 'PT Maju Jaya');
  const second = await saveResult(page, PATHS['tipe-klien'].clientSwears, 'Bu <i>Sari</i>');
  await page.goto(app.url);
  const onIntro = page.locator('[data-testid=saved-intro] [data-testid=saved-item]');
  // Indonesian verdicts come with the result pack, which the start page fetches for the list.
  await onIntro.first().waitFor();
  assert.deepEqual(await page.locator('[data-testid=saved-intro] [data-testid=saved-open]').allTextContents(), ['Bu <i>Sari</i>', 'PT Maju Jaya']);
  assert.deepEqual(await onIntro.evaluateAll((items) => items.map((item) => item.dataset.outcome)), [second, first]);
  for (const item of await onIntro.all()) {
    assert.ok((await item.locator('strong').textContent()).trim().length > 3, 'each one shows its verdict');
  }
  const today = await page.evaluate(() => new Date().toLocaleDateString('id-ID', { dateStyle: 'medium' }));
  assert.match(await onIntro.first().textContent(), new RegExp(today));
  // Below the quizzes: a returning reader scrolls to them, a new one starts a quiz first.
  assert.ok(await page.evaluate(() => document.querySelector('.quiz-list').compareDocumentPosition(document.querySelector('[data-testid=saved-intro]')) & Node.DOCUMENT_POSITION_FOLLOWING));
  assert.ok((await horizontalOverflow(page)) <= 0, 'the list fits a 360 px phone');
  // Its own link to the saved page stands in for the plain one, which would repeat it.
  assert.equal(await page.isVisible('[data-testid=saved-link]'), false);
  await page.screenshot({ path: shot('intro-list-360-id.png'), fullPage: true });
  await assertNoAxeViolations(page, 'start page with saved results, 360 px');
  // Drawn again for another theme, the list stays; in another language it is written again.
  await page.click('[data-testid=theme-switch]');
  assert.equal(await onIntro.count(), 2);
  await switchLanguage(page, 'en');
  await page.locator('[data-testid=saved-intro] h2', { hasText: UI['saved-heading'].en }).waitFor();
  assert.match(await page.textContent('[data-testid=saved-all]'), /All saved results \(2\)/);
  await switchLanguage(page, 'id');
  await page.locator('[data-testid=saved-intro] h2', { hasText: UI['saved-heading'].id }).waitFor();

  // A name reopens its result on this page, with the name in its field for the printout, and
  // Back comes back to the list. A result opened otherwise gets no name.
  await onIntro.first().locator('[data-testid=saved-open]').click();
  await page.waitForSelector('[data-testid=result]');
  assert.equal(await outcomeOf(page), second);
  await page.waitForFunction(() => document.querySelector('input[name=client-name]')?.value === 'Bu <i>Sari</i>');
  const link = await page.evaluate(() => location.href);
  await page.goBack();
  await onIntro.first().waitFor();
  await page.goto(link);
  await page.waitForSelector('[data-testid=result]');
  await page.waitForTimeout(300);
  assert.equal(await page.inputValue('input[name=client-name]'), '');
  await page.goto(app.url);
  await onIntro.first().waitFor();

  // Only the newest five are listed here; the link says how many there are and leads to all.
  await page.evaluate(() => {
    const [line] = localStorage.getItem('cek-klien.saved').split('\n');
    const [, link] = line.split('\t');
    const more = [1, 2, 3, 4, 5].map((n) => `${Date.now() + n}\t${link}\tKlien ${n}`);
    localStorage.setItem('cek-klien.saved', `${more.reverse().join('\n')}\n${localStorage.getItem('cek-klien.saved')}`);
  });
  await page.reload();
  await onIntro.first().waitFor();
  assert.equal(await onIntro.count(), 5);
  assert.equal(await onIntro.first().locator('[data-testid=saved-open]').textContent(), 'Klien 5');
  assert.match(await page.textContent('[data-testid=saved-all]'), /\(7\)/);
  await page.click('[data-testid=saved-all]');
  await page.waitForURL(/saved\.html/);
  await savedItems(page).nth(6).waitFor();

  // "Forget" takes the list off the start page at once.
  await page.goto(app.url);
  await onIntro.first().waitFor();
  await page.click('[data-testid=forget]');
  await page.click('[data-testid=confirm-yes]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=saved-intro]'));
  assert.equal(await page.evaluate(() => localStorage.getItem('cek-klien.saved')), null);
  assert.equal(await page.isVisible('[data-testid=saved-link]'), true);
  await context.close();
});

test("the client's name typed on a result stays through a language switch, and Enter saves it", async () => {
  const { context, page } = await app.open(undefined, { viewport: { width: 360, height: 740 }, hasTouch: true });
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].prospectIdeal));
  const field = page.locator('input[name="client-name"]');
  await field.fill('Bu Rina');
  await switchLanguage(page, 'en');
  await page.locator('[data-testid=save-result]', { hasText: UI['save-result'].en }).waitFor();
  await page.waitForFunction(() => document.querySelector('input[name=client-name]')?.value === 'Bu Rina');
  await switchLanguage(page, 'id');
  await page.locator('[data-testid=save-result]', { hasText: UI['save-result'].id }).waitFor();
  await page.waitForFunction(() => document.querySelector('input[name=client-name]')?.value === 'Bu Rina');
  await field.press('Enter');
  await page.locator('[data-testid=save-feedback]').filter({ hasText: /Tersimpan/ }).waitFor();
  assert.match(await page.evaluate(() => localStorage.getItem('cek-klien.saved')), /\tBu Rina$/);
  // Another result's field starts empty.
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientSwears));
  await page.waitForTimeout(300);
  assert.equal(await field.inputValue(), '');
  await context.close();
});

test("the start page's list in English, and never inside an embed", async () => {
  const { context, page } = await app.open(undefined, { locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  await saveResult(page, PATHS['tipe-klien'].prospectDemanding, 'Acme Ltd');
  await page.goto(new URL('en.html', app.url).href);
  const item = page.locator('[data-testid=saved-intro] [data-testid=saved-item]');
  await item.waitFor();
  assert.match(await page.textContent('[data-testid=saved-intro] h2'), new RegExp(UI['saved-heading'].en));
  assert.match(await page.textContent('[data-testid=saved-all]'), /All saved results \(1\)/);
  await page.screenshot({ path: shot('intro-list-1280-en.png'), fullPage: true });
  // A blog's readers are not the freelancer: the widget lists nothing of this device's.
  await page.goto(`${app.url}?embed=1`);
  await page.locator('[data-testid=start]').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('[data-testid=saved-intro]').count(), 0);
  await context.close();
});

test('the saved page in English, at desktop width, with the axe rules', async () => {
  const { context, page } = await app.open(undefined, { locale: 'en-GB', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  await saveResult(page, PATHS['tipe-klien'].prospectDemanding, 'Acme Ltd');
  await saveResult(page, PATHS['tipe-klien'].prospectIdeal, 'Globex');
  await page.goto(new URL('saved.html?lang=en', app.url).href);
  await savedItems(page).first().waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), new RegExp(UI['saved-heading'].en));
  await page.locator('[data-testid=saved-compare]').nth(0).check();
  await page.locator('[data-testid=saved-compare]').nth(1).check();
  await page.locator('[data-testid=compare]').waitFor();
  await page.screenshot({ path: shot('compare-1280-en-dark.png'), fullPage: true });
  await assertNoAxeViolations(page, 'saved page, English, 1280 px');
  // A switch of language redraws the list in Indonesian, verdicts included.
  await switchLanguage(page, 'id');
  await page.locator('h1', { hasText: UI['saved-heading'].id }).waitFor();
  assert.match(await page.locator('[data-testid=compare] caption').textContent(), new RegExp(UI['compare-caption'].id));
  await context.close();
});

test('damaged or refused storage gets a message, and the readable results stay', async () => {
  const { context, page } = await app.open();
  await saveResult(page, PATHS['tipe-klien'].prospectIdeal, 'Baik');
  const good = await page.evaluate(() => localStorage.getItem('cek-klien.saved'));
  await page.evaluate((good) => localStorage.setItem('cek-klien.saved', `garbage\n12\tr1.x\tY\n${good}`), good);
  await page.goto(new URL('saved.html', app.url).href);
  await page.locator('[data-testid=notice]').waitFor();
  assert.match(await page.textContent('[data-testid=notice]'), new RegExp(UI['saved-unreadable'].id.slice(0, 30)));
  assert.equal(await savedItems(page).count(), 1);
  // Nothing is written back until the reader changes the list.
  assert.match(await page.evaluate(() => localStorage.getItem('cek-klien.saved')), /^garbage/);
  await context.close();

  // Storage that refuses: the quiz says the result was not saved; the saved page says why.
  const blocked = await app.open();
  await blocked.page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await blocked.page.goto(app.url);
  await startQuiz(blocked.page, 'tipe-klien');
  await answerUntilResult(blocked.page, path(PATHS['tipe-klien'].prospectIdeal));
  await blocked.page.fill('input[name="client-name"]', 'X');
  await blocked.page.click('[data-testid=save-result]');
  await blocked.page.locator('[data-testid=save-feedback]').filter({ hasText: UI['save-failed'].id.slice(0, 20) }).waitFor();
  await blocked.page.waitForSelector('[data-testid=result]');
  await blocked.context.close();
});

test('the saved and builder pages say so when their words cannot load, and never stay blank', async () => {
  for (const file of ['saved.html', 'builder.html']) {
    const { context, page } = await app.open(null);
    await page.route(/texts-id-[0-9a-f]+\.txt$/, (route) => route.fulfill({ status: 500, body: '' }));
    await page.goto(new URL(file, app.url).href);
    await page.locator('[data-testid=error]').waitFor();
    assert.match(await page.textContent('[data-testid=error]'), /Muat ulang \/ Reload/, file);
    await context.close();
  }
});
