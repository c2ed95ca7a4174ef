// Switching language on every screen keeps the state, and no string is left in the
// other language. The word lists come from the same data files the app is built from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'smol-toml';
import { useApp } from './support/app.mjs';
import { QUESTION_COUNT, checkedIndex, clickThrough, outcomeOf, startQuiz, waitForStep } from './support/flows.mjs';

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

async function switchTo(page, lang) {
  await page.click('[data-testid=lang-switch]');
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
  await clickThrough(page, () => 3, QUESTION_COUNT['tipe-klien'], 2);
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
