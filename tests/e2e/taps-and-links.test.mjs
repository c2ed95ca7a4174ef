// One tap answers one question; a number key's choice takes the focus so Enter goes on from
// it; a result link mangled by a chat still opens; the copied result holds the plan and the link;
// the keyboard hint stays off touch screens; the theme button's name contains what it shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { PATHS, answerUntilResult, checkedIndex, openResultFolds, path, startQuiz, waitForStep } from './support/flows.mjs';

const app = useApp();

const progressText = (page) => page.locator('[data-testid=progress]').innerText();

// A double tap on a choice used to answer the next question too, which the reader never saw.
test('a double tap on a choice answers one question, by mouse and by touch', async () => {
  for (const by of ['mouse', 'touch']) {
    const { context, page, problems } = await app.open(null, {
      viewport: { width: 360, height: 740 },
      hasTouch: by === 'touch',
    });
    await page.goto(app.url);
    await startQuiz(page, 'tipe-klien');
    const box = await page.locator('[data-testid=choice]').nth(1).boundingBox();
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    if (by === 'mouse') {
      await page.mouse.click(x, y);
      await page.waitForTimeout(150);
      await page.mouse.click(x, y);
    } else {
      await page.touchscreen.tap(x, y);
      await page.waitForTimeout(150);
      await page.touchscreen.tap(x, y);
    }
    await waitForStep(page, 2);
    await page.waitForTimeout(300);
    assert.match(await progressText(page), /\b2\b/, `${by}: still on question 2`);
    assert.equal(await checkedIndex(page), -1, `${by}: question 2 has no answer`);
    // A deliberate tap afterwards answers it as usual.
    await page.locator('[data-testid=choice]').nth(0).click();
    await waitForStep(page, 3);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// After a number key, Enter used to activate whatever had the focus before (after a language
// switch: the language switch again).
test('after a number key, Enter goes on from the chosen answer', async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'klien-kecewa');
  // The language switch has the focus, as after switching languages.
  await page.focus('[data-testid=lang-switch]');
  await page.keyboard.press('2');
  assert.equal(await checkedIndex(page), 1);
  assert.equal(
    await page.evaluate(() => document.activeElement?.matches('input[name=answer][value="1"]')),
    true,
    'the chosen radio has the focus',
  );
  await page.keyboard.press('Enter');
  await waitForStep(page, 2);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'id', 'the language did not switch');
  assert.deepEqual(problems, []);
  await context.close();
});

// Links pasted from chats arrive with trailing punctuation, an encoded space, a tracker or in
// capitals; they used to get the "characters changed" error.
test('a result link mangled by a chat opens the result, and the address is made clean', async () => {
  const taken = await app.open();
  await startQuiz(taken.page, 'tipe-klien');
  await answerUntilResult(taken.page, path(PATHS['tipe-klien'].clientDemanding));
  const link = await taken.page.inputValue('[data-testid=share-link]');
  const outcome = await taken.page.getAttribute('[data-testid=result]', 'data-outcome');
  await taken.context.close();
  const [base, fragment] = link.split('#');
  for (const mangled of [`${fragment}),`, `${fragment}%20`, `${fragment}!?fbclid=IwAR0x`, `${fragment}&utm_source=wa`, fragment.toUpperCase()]) {
    // A fresh page load, as when the link is tapped in a chat.
    const { context, page, problems } = await app.open(`${base}#${mangled}`);
    await page.waitForSelector('[data-testid=result]');
    assert.equal(await page.getAttribute('[data-testid=result]', 'data-outcome'), outcome, mangled);
    await page.waitForFunction((clean) => location.hash === `#${clean}`, fragment);
    assert.deepEqual(problems, [], mangled);
    await context.close();
  }
});

// The copied checklist used to leave out the plan and the link, under a heading that read
// "Klien Anda tipe apa?, hasil: …".
test('the copied result holds the verdict, the plan, the checklist and the link', async () => {
  const { context, page, problems } = await app.open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientDemanding));
  await openResultFolds(page);
  await page.locator('.result .actions button').first().click();
  await page.locator('.result .actions .copy-feedback').filter({ hasText: /\S/ }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const link = await page.inputValue('[data-testid=share-link]');
  assert.match(copied, /^Cek Klien: Klien Anda tipe apa\?\nHasil: /);
  assert.doesNotMatch(copied, /\?, hasil/);
  assert.match(copied, /\nRencana tindakan\n1\. /);
  assert.match(copied, /\n\[ \] /);
  assert.ok(copied.trim().endsWith(link), copied);
  assert.deepEqual(problems, []);
  await context.close();
});

// On touch screens the keyboard hint meant nothing and pushed the first Start button down.
test('the keyboard hint shows with a mouse and not on a touch screen', async () => {
  for (const touch of [false, true]) {
    const { context, page } = await app.open(null, { viewport: { width: 360, height: 740 }, hasTouch: touch, isMobile: touch });
    await page.goto(app.url);
    await page.waitForSelector('[data-testid=start]');
    assert.equal(await page.locator('.keyboard-hint').isVisible(), !touch, touch ? 'touch' : 'mouse');
    await context.close();
  }
});

// The theme button showed "Auto" under the name "Theme: automatic" (WCAG 2.5.3 Label in Name).
test("the theme button's accessible name contains the word it shows", async () => {
  for (const locale of ['id-ID', 'en-GB']) {
    const { context, page } = await app.open(null, { locale });
    await page.goto(app.url);
    await page.waitForSelector('[data-testid=start]');
    const button = page.locator('[data-testid=theme-switch]');
    for (let i = 0; i < 3; i++) {
      const shown = (await button.innerText()).trim().toLowerCase();
      const name = (await button.getAttribute('aria-label')).toLowerCase();
      assert.match(name, new RegExp(`\\b${shown}\\b`), `${locale}: "${shown}" in "${name}"`);
      await button.click();
    }
    await context.close();
  }
});

// Height messages of 0 or 99,999 px from the iframe were applied, hiding the widget or
// stretching the blog; only sensible heights count now.
test("an iframe embed ignores heights no widget can have", async () => {
  const { serveHostPage } = await import('./support/host.mjs');
  const host = await serveHostPage(app.url, '<div data-cek-klien data-mode="iframe" data-lang="id"></div>');
  const { context, page } = await app.open();
  await page.goto(host.page);
  const frame = page.locator('iframe');
  await page.frameLocator('iframe').locator('[data-testid=start]').first().waitFor();
  const height = () => frame.evaluate((f) => f.getBoundingClientRect().height);
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 200);
  const honest = await height();
  const widget = page.frames().find((f) => f !== page.mainFrame());
  for (const lie of [0, 40, 99999]) {
    await widget.evaluate((h) => parent.postMessage({ cekKlienHeight: h }, '*'), lie);
    await page.waitForTimeout(200);
    assert.equal(await height(), honest, `a message of ${lie} px`);
  }
  await context.close();
  await host.close();
});

// Going back to the menu (the app's Back on question 1, or the browser's Back) used to delete
// the unfinished quiz: no "continue" was offered afterwards.
test('going back to the menu keeps the unfinished quiz on offer, also after a reload', async () => {
  for (const how of ['app', 'browser']) {
    const { context, page, problems } = await app.open();
    await page.goto(app.url);
    await startQuiz(page, 'klien-kecewa');
    await page.locator('[data-testid=choice]').nth(0).click();
    await waitForStep(page, 2);
    if (how === 'app') {
      await page.click('[data-testid=back]');
      await waitForStep(page, 1);
      await page.click('[data-testid=back]');
    } else {
      await page.goBack();
      await waitForStep(page, 1);
      await page.goBack();
    }
    await page.waitForSelector('[data-testid=resume]');
    await page.reload();
    await page.waitForSelector('[data-testid=resume]');
    // "Continue" comes before "discard" (on a narrow screen they stack: it sat below).
    const order = await page.$$eval('[data-testid=resume] button', (buttons) => buttons.map((b) => b.dataset.testid));
    assert.deepEqual(order, ['resume-continue', 'resume-discard'], how);
    await page.click('[data-testid=resume-continue]');
    await page.waitForSelector('[data-testid=question]');
    // Back where the reader left: question 1, with its answer kept.
    await waitForStep(page, 1);
    assert.equal(await checkedIndex(page), 0, `${how}: the answer is kept`);
    assert.deepEqual(problems, [], how);
    await context.close();
  }
});
