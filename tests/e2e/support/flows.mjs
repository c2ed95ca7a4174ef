// Common user flows for the end-to-end tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const QUESTION_COUNT = { 'tipe-klien': 15, 'klien-kecewa': 8 };

export async function startQuiz(page, quiz) {
  await page.click(`[data-testid=start][data-quiz=${quiz}]`);
  await page.waitForSelector('[data-testid=question]');
}

/// Waits until the progress text names question `n` (1-based), in either language. Works in
/// a page, a frame locator or an element, and through open shadow roots.
export async function waitForStep(scope, n) {
  await scope
    .locator('[data-testid=progress]')
    .filter({ hasText: new RegExp(`\\b${n}\\b`) })
    .waitFor();
}

/// Clicks choice `choiceFor(step)` (step 0-based) on every question from step `from` to the
/// last of `count`, then waits for the result. Works in a page, a frame locator or an element.
export async function clickThrough(scope, choiceFor, count, from = 0) {
  for (let step = from; step < count; step++) {
    await waitForStep(scope, step + 1);
    await scope.locator('[data-testid=choice]').nth(choiceFor(step)).click();
  }
  await scope.locator('[data-testid=result]').first().waitFor();
}

/// Presses Tab until the focused element matches `selector` (at most 30 times).
export async function tabTo(page, selector) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/// How far the page scrolls sideways, in CSS pixels (0 or less: not at all).
export const horizontalOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

export const outcomeOf = (page) => page.getAttribute('[data-testid=result]', 'data-outcome');

export async function checkedIndex(page) {
  return page.$$eval('[data-testid=choice] input', (inputs) => inputs.findIndex((i) => i.checked));
}

const AXE = readFileSync(fileURLToPath(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

/// Runs axe-core's WCAG 2.1 A/AA rules on the page and fails with a readable list.
export async function assertNoAxeViolations(page, label) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  assert.deepEqual(violations, [], `axe violations on ${label}`);
}
