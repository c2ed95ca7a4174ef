// The Indonesian of what only a result shows is a file of its own (the result pack), so the
// quiz's first load stays small: a reader who only looks at the menu never downloads it, a
// quiz fetches it once while the reader answers, a result link fetches it with the app, and
// when it cannot load the result says so, with a retry that works, never a blank widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { recordRequests } from './support/requests.mjs';
import { PATHS, answerUntilResult, outcomeOf, path, startQuiz } from './support/flows.mjs';

const app = useApp();

const RESULT_PACK = /\/texts-id-[0-9a-f]+\.txt$/;
const packRequests = (urls) => urls.filter((url) => RESULT_PACK.test(url));

test('the menu alone never downloads the result pack; a quiz fetches it once', async () => {
  const { context, page, problems } = await app.open(null, { locale: 'id-ID' });
  const requests = recordRequests(page);
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=start]');
  await page.waitForTimeout(500);
  assert.deepEqual(packRequests(requests), []);
  await startQuiz(page, 'klien-kecewa');
  await answerUntilResult(page, () => 0);
  assert.ok(await outcomeOf(page));
  // The verdict, its plan and its checklist are all there, in Indonesian.
  assert.match(await page.textContent('[data-testid=result]'), /Langkah|langkah/);
  assert.equal(packRequests(requests).length, 1, 'fetched once');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a result link opens its result with the pack fetched alongside the app', async () => {
  const first = await app.open(null, { locale: 'id-ID' });
  await first.page.goto(app.url);
  await startQuiz(first.page, 'tipe-klien');
  await answerUntilResult(first.page, path(PATHS['tipe-klien'].prospectIdeal));
  const share = await first.page.inputValue('[data-testid=share-link]');
  const outcome = await outcomeOf(first.page);
  const verdict = await first.page.textContent('#screen-heading');
  await first.context.close();

  const { context, page, problems } = await app.open(null, { locale: 'id-ID' });
  const requests = recordRequests(page);
  await page.goto(share);
  await page.waitForSelector('[data-testid=result]');
  assert.equal(await outcomeOf(page), outcome);
  assert.equal(await page.textContent('#screen-heading'), verdict);
  assert.equal(packRequests(requests).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the result pack cannot load, the result says so and its retry works', async () => {
  const { context, page } = await app.open(null, { locale: 'id-ID' });
  let blocked = true;
  await context.route(RESULT_PACK, (route) => (blocked ? route.abort() : route.continue()));
  await page.goto(app.url);
  await startQuiz(page, 'klien-kecewa');
  await answerUntilResult(page, () => 0, { done: '[data-testid=error]' });
  assert.match(await page.textContent('[data-testid=error]'), /Coba lagi/);
  blocked = false;
  await page.click('[data-testid=error] button');
  await page.waitForSelector('[data-testid=result]');
  assert.ok(await outcomeOf(page));
  await context.close();
});
