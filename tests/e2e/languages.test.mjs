// Switching language on every screen keeps the state, and no string is left in the
// other language. The word lists come from the same data files the app is built from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'smol-toml';
import { useApp } from './support/app.mjs';
import { UI, answerUntilResult, checkedIndex, outcomeOf, startQuiz, switchLanguage, waitForStep } from './support/flows.mjs';
import { holdRequests } from './support/requests.mjs';

const app = useApp();
const DATA = new URL('../../data/', import.meta.url);

/// Every { id, en } pair anywhere in a parsed TOML value.
function* texts(value) {
  if (Array.isArray(value)) for (const item of value) yield* texts(item);
  else if (value && typeof value === 'object') {
    if (typeof value.id === 'string' && typeof value.en === 'string' && Object.keys(value).length === 2) {
      yield value;
    } else for (const item of Object.values(value)) yield* texts(item);
  }
}

const pairs = [
  ...texts(parse(readFileSync(new URL('ui.toml', DATA), 'utf8'))),
  ...readdirSync(new URL('banks/', DATA)).flatMap((file) => [
    ...texts(parse(readFileSync(new URL(`banks/${file}`, DATA), 'utf8'))),
  ]),
];
// Placeholders such as {question} are names, not words of either language.
const words = (text) => text.replace(/\{[^}]*\}/g, ' ').toLowerCase().match(/\p{L}[\p{L}'-]*/gu) ?? [];
const wordsOf = (lang) => new Set(pairs.flatMap((pair) => words(pair[lang])));
const ID_WORDS = wordsOf('id');
const EN_WORDS = wordsOf('en');
const ONLY = {
  id: new Set([...ID_WORDS].filter((w) => !EN_WORDS.has(w))),
  en: new Set([...EN_WORDS].filter((w) => !ID_WORDS.has(w))),
};

/// Words on screen that exist only in the other language's texts.
async function foreignWords(page, lang) {
  const other = lang === 'en' ? 'id' : 'en';
  const text = await page.evaluate(() => document.querySelector('.cek-klien').innerText);
  return [...new Set(words(text).filter((w) => ONLY[other].has(w)))];
}

/// Switches and waits until the screen shows `lang` (the English texts may still be on their way
/// when the switch is pressed).
async function switchTo(page, lang) {
  await switchLanguage(page, lang);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, lang);
}

async function assertOnlyLanguage(page, lang, screen) {
  assert.deepEqual(await foreignWords(page, lang), [], `${screen} in ${lang} shows words of the other language`);
}

test('the word lists are big enough to catch a missed translation', () => {
  assert.ok(ONLY.id.size > 500 && ONLY.en.size > 500, `${ONLY.id.size} / ${ONLY.en.size}`);
  assert.ok(ONLY.id.has('pertanyaan') && ONLY.en.has('question'));
});

test('every screen switches language both ways and keeps its state', async () => {
  const { context, page, problems } = await app.open();
  await page.waitForSelector('[data-testid=start]');
  for (const lang of ['en', 'id']) {
    await switchTo(page, lang);
    await assertOnlyLanguage(page, lang, 'intro');
  }

  await startQuiz(page, 'tipe-klien');
  // A current client who came from another provider with things still open there.
  await page.locator('[data-testid=choice]').nth(1).click();
  await waitForStep(page, 2);
  await page.keyboard.press('3');
  for (const lang of ['en', 'id']) {
    await switchTo(page, lang);
    await waitForStep(page, 2);
    assert.equal(await checkedIndex(page), 2, 'selection kept across the switch');
    await assertOnlyLanguage(page, lang, 'question');
  }

  // Focus is on the language button now, where Enter would press it; use Next.
  await page.click('[data-testid=next]');
  // The last choice of every question: many "don't know"s, and some red flags.
  await answerUntilResult(page, (id, question) => question.choices - 1);
  await page.click('[data-testid=review] summary');
  const outcome = await outcomeOf(page);
  for (const lang of ['en', 'id']) {
    await switchTo(page, lang);
    assert.equal(await outcomeOf(page), outcome);
    assert.match(await page.inputValue('[data-testid=share-link]'), new RegExp(`\\.${lang}\\.`));
    await assertOnlyLanguage(page, lang, 'result');
  }

  await page.goto(`${app.url}#r1.tidak.ada`);
  await page.waitForSelector('[data-testid=error]');
  for (const lang of ['en', 'id']) {
    await switchTo(page, lang);
    await page.waitForSelector('[data-testid=error]');
    await assertOnlyLanguage(page, lang, 'error');
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a reload keeps the reader's language switch even when the address asked for another", async () => {
  for (const path of ['', 'builder.html']) {
    const { context, page } = await app.open(`${app.url}${path}?lang=en`);
    await page.waitForSelector('[data-testid=lang-switch]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.click('[data-testid=lang-switch]');
    await page.waitForFunction(() => document.documentElement.lang === 'id');
    assert.match(page.url(), /\?lang=id$/);
    await page.reload();
    await page.waitForSelector('[data-testid=lang-switch]');
    assert.equal(await page.getAttribute('html', 'lang'), 'id', `${path || 'the quiz'} after a reload`);
    await context.close();
  }
});

test('right after a switch to English the screen may be Indonesian, then turns English once its texts arrive', async () => {
  const { context, page, problems } = await app.open();
  await page.waitForSelector('[data-testid=start]');
  await startQuiz(page, 'tipe-klien');
  const release = await holdRequests(page, '**/texts-en-*.txt');
  await page.click('[data-testid=lang-switch]');
  await page.waitForTimeout(300);
  // Still waiting for the file: the question is readable, in Indonesian.
  await page.waitForSelector('[data-testid=progress] >> text=Pertanyaan 1 dari');
  release();
  await page.waitForSelector('[data-testid=progress] >> text=Question 1 of');
  await assertOnlyLanguage(page, 'en', 'question');
  // Back to Indonesian and to English again: no second download is needed.
  await switchTo(page, 'id');
  await switchTo(page, 'en');
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the English texts cannot load, a notice says so and the page stays Indonesian', async () => {
  for (const how of ['switch', '?lang=en']) {
    const { context, page, problems } = await app.open(null);
    await page.route('**/texts-en-*.txt', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(how === 'switch' ? app.url : `${app.url}?lang=en`);
    await page.waitForSelector('[data-testid=start]');
    if (how === 'switch') await page.click('[data-testid=lang-switch]');
    await page.waitForSelector('[data-testid=notice]');
    assert.ok((await page.textContent('[data-testid=notice]')).includes(UI['notice-english-unavailable'].id), how);
    await page.waitForFunction(() => document.documentElement.lang === 'id');
    assert.equal(await page.getAttribute('.cek-klien', 'lang'), 'id', how);
    await assertOnlyLanguage(page, 'id', `intro after a failed English load (${how})`);
    // The quiz still works, in Indonesian; and once the file is back, a switch loads it.
    await startQuiz(page, 'klien-kecewa');
    await waitForStep(page, 1);
    await page.unroute('**/texts-en-*.txt');
    await switchTo(page, 'en');
    await page.waitForSelector('[data-testid=progress] >> text=Question 1 of');
    // The browser logs the 404 itself; nothing else may be logged.
    assert.deepEqual(problems.filter((p) => !/Failed to load resource: .* 404/.test(p)), [], how);
    await context.close();
  }
});
