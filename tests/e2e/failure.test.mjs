// A panic anywhere shows the error element with a reload button, never a blank or
// frozen widget. A host page that breaks document.createElement makes yew panic for real.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { answerUntilResult, startQuiz } from './support/flows.mjs';

const app = useApp();

test('a panic replaces the widget with a message and a working reload button', async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'tipe-klien');
  // Only the result screen creates <select> elements (the review list).
  await page.evaluate(() => {
    const original = Document.prototype.createElement;
    Document.prototype.createElement = function (tag, ...rest) {
      if (tag === 'select') throw new Error('host page broke createElement');
      return original.call(this, tag, ...rest);
    };
  });
  await answerUntilResult(page, () => 0, { done: '[data-testid=error] button' });
  assert.match(await page.textContent('[data-testid=error]'), /Reload the page/);
  // The console gets a fixed line, not the panic's message (which would cost wasm size).
  assert.ok(problems.some((p) => /internal error \(a bug\)/.test(p)), `the panic is still logged for developers: ${problems}`);

  await Promise.all([page.waitForEvent('load'), page.click('[data-testid=error] button')]);
  await page.waitForSelector('[data-testid=result], [data-testid=question], [data-testid=start]');
  await context.close();
});
