// The fit check, end to end on two browser contexts: a provider makes terms and copies the
// fit link; a prospect opens it, answers the questions with the quiz's hooks, reaches each
// verdict and sends the answers back; the provider opens that link and sees the same answers,
// what does not fit and a suggested reply. Damaged links, hostile names, axe and 320 px too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { artifactsIn } from './support/artifacts.mjs';
import { assertNoAxeViolations, horizontalOverflow } from './support/flows.mjs';

const app = useApp();
const screenshot = artifactsIn('screens');
// Question order: balasan, luar-jam, revisi, uang-muka, pindahan, lingkup, tertulis.
const EASY = [2, 2, 0, 0, 0, 0, 0];
const OLD_PROVIDER_OPEN = [2, 2, 0, 0, 2, 0, 0];
const NO_WRITING = [2, 2, 0, 0, 0, 0, 2];

async function fitLink(name) {
  const { context, page } = await app.open(`${app.url}terms.html`);
  await page.waitForSelector('input[name=provider_name]');
  await page.fill('input[name=provider_name]', name);
  const link = await page.inputValue('[data-testid=fit-link]');
  const where = await page.textContent('.terms-send');
  await context.close();
  return { link, where };
}

async function answer(page, choices, { shots } = {}) {
  await page.click('[data-testid=fit-start]');
  for (const [index, choice] of choices.entries()) {
    const question = page.locator('[data-testid=question]');
    await question.waitFor();
    assert.match(await page.textContent('[data-testid=progress]'), new RegExp(`${index + 1}\\D+${choices.length}`));
    // Next waits for an answer.
    assert.equal(await page.isDisabled('[data-testid=next]'), true);
    await page.locator('[data-testid=choice]').nth(choice).click();
    if (shots && index === 0) await page.screenshot({ path: screenshot(`${shots}-question.png`) });
    await page.click('[data-testid=next]');
  }
  await page.waitForSelector('[data-testid=fit-result]');
}

test('a prospect reaches every verdict, sends the answers back, and the provider sees the same', async () => {
  const { link, where } = await fitLink('Rina Desain');
  assert.match(link, /\/terms\.html#f1\.[A-Za-z0-9_-]+$/);
  assert.match(where, /Upwork/, 'the page says where not to post it');
  const verdicts = [];
  let answersLink;
  for (const [choices, lang] of [[EASY, 'en-GB'], [OLD_PROVIDER_OPEN, 'id-ID'], [NO_WRITING, 'en-GB']]) {
    const { context, page, problems } = await app.open(link, { locale: lang, viewport: { width: 360, height: 740 } });
    await page.waitForSelector('[data-testid=fit-start]');
    assert.match(await page.textContent('h1'), /Rina Desain/);
    await answer(page, choices, { shots: `fit-${lang}` });
    const fit = await page.getAttribute('[data-testid=fit-result]', 'data-fit');
    verdicts.push(fit);
    if (fit !== 'fits') assert.ok((await page.locator('.fit-mismatches li').count()) > 0);
    await page.screenshot({ path: screenshot(`fit-result-${fit}.png`), fullPage: true });
    if (choices === OLD_PROVIDER_OPEN) {
      assert.match(await page.textContent('.fit-mismatches'), /penyedia lama/);
      answersLink = await page.inputValue('[data-testid=fit-answers-link]');
      assert.ok((await page.inputValue('[data-testid=fit-message]')).endsWith(answersLink));
    }
    assert.ok((await horizontalOverflow(page)) <= 0);
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.deepEqual(verdicts, ['fits', 'adjust', 'no']);

  const provider = await app.open(answersLink);
  await provider.page.waitForSelector('[data-testid=fit-answers]');
  const chosen = await provider.page.locator('[data-testid=fit-answers] li').evaluateAll((items) => items.map((li) => li.dataset.choice));
  assert.deepEqual(chosen, ['tidak-mendesak', 'tidak', 'sedikit', 'bisa', 'belum-beres', 'penawaran', 'ya']);
  assert.equal(await provider.page.getAttribute('[data-testid=fit-result]', 'data-fit'), 'adjust');
  assert.match(await provider.page.inputValue('[data-testid=fit-reply]'), /^Terima kasih sudah mengisi cek kecocokan/);
  await provider.page.screenshot({ path: screenshot('fit-provider.png'), fullPage: true });
  assert.deepEqual(provider.problems, []);
  await provider.context.close();
});

test('changing the answers keeps them, and Back steps to the previous question', async () => {
  const { link } = await fitLink('Budi');
  const { context, page } = await app.open(link);
  await page.waitForSelector('[data-testid=fit-start]');
  await answer(page, OLD_PROVIDER_OPEN);
  await page.click('[data-testid=fit-change]');
  await page.waitForSelector('[data-testid=question]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'fit-title', 'focus on the question');
  assert.equal(await page.isChecked('input[name=fit-choice][value="2"]'), true);
  await page.click('[data-testid=next]');
  await page.click('[data-testid=back]');
  assert.equal(await page.getAttribute('[data-testid=question]', 'data-question'), 'balasan');
  await context.close();
});

test('a double tap on Next moves one question on, by mouse and by touch', async () => {
  const { link } = await fitLink('Rina');
  const { context, page } = await app.open(link, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await page.tap('[data-testid=fit-start]');
  await page.waitForSelector('[data-testid=question]');
  await page.locator('[data-testid=choice]').nth(0).tap();
  await page.dblclick('[data-testid=next]');
  assert.equal(await page.getAttribute('[data-testid=question]', 'data-question'), 'luar-jam');
  await page.locator('[data-testid=choice]').nth(0).tap();
  await page.tap('[data-testid=next]');
  await page.waitForTimeout(120);
  // A finger lands on the next question's Next, which waits for an answer.
  await page.tap('[data-testid=next]', { force: true });
  assert.equal(await page.getAttribute('[data-testid=question]', 'data-question'), 'revisi');
  await context.close();
});

test('a damaged fit link says so, and a provider name is shown as text', async () => {
  const { link } = await fitLink('<img src=x onerror=alert(1)> Rina');
  const { context, page, problems } = await app.open(link);
  await page.waitForSelector('[data-testid=fit-start]');
  assert.equal(await page.locator('h1 img').count(), 0);
  assert.match(await page.textContent('h1'), /<img src=x onerror=alert\(1\)> Rina/);
  await context.close();
  const fragment = link.split('#')[1];
  const damaged = `${link.split('#')[0]}#${fragment.slice(0, 4)}${fragment[4] === 'A' ? 'B' : 'A'}${fragment.slice(5)}`;
  const broken = await app.open(damaged);
  await broken.page.waitForSelector('[data-testid=error]');
  assert.match(await broken.page.textContent('[data-testid=error]'), /berubah|rusak|terpotong/);
  assert.deepEqual([...problems, ...broken.problems], []);
  await broken.context.close();
});

test('the fit check is accessible at 320 px in both languages', async () => {
  const { link } = await fitLink('Rina');
  for (const locale of ['id-ID', 'en-GB']) {
    const { context, page } = await app.open(link, { locale, viewport: { width: 320, height: 700 } });
    await page.waitForSelector('[data-testid=fit-start]');
    await assertNoAxeViolations(page, `fit intro (${locale})`);
    await page.click('[data-testid=fit-start]');
    await page.waitForSelector('[data-testid=question]');
    await assertNoAxeViolations(page, `fit question (${locale})`);
    await page.click('[data-testid=back]');
    await answer(page, NO_WRITING);
    await assertNoAxeViolations(page, `fit result (${locale})`);
    assert.ok((await horizontalOverflow(page)) <= 0);
    const back = await page.inputValue('[data-testid=fit-answers-link]');
    await page.goto(back);
    await page.reload();
    await page.waitForSelector('[data-testid=fit-reply]');
    await assertNoAxeViolations(page, `fit answers for the provider (${locale})`);
    await context.close();
  }
});
