// axe-core finds no WCAG 2.1 A/AA violations on any screen in either theme; the
// layout holds at 320 px; screenshots at 360 and 1280 px are kept in test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { artifactsIn } from './support/artifacts.mjs';
import { PATHS, answerUntilResult, assertNoAxeViolations, horizontalOverflow, path, startQuiz } from './support/flows.mjs';

const app = useApp();
const screenshot = artifactsIn('screens');

/// Visits every screen, calling `visit(name)` on each.
async function everyScreen(page, visit) {
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=start]');
  await visit('intro');
  await startQuiz(page, 'tipe-klien');
  await visit('question');
  // A severe verdict: flags, a ruled-out row in the chart, and messages to send (one open).
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientSwears));
  await page.click('[data-testid=review] summary');
  await page.locator('[data-testid=message] summary').first().click();
  await visit('result');
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, () => null);
  await page.waitForSelector('[data-testid=result][data-outcome=none]');
  await visit('no-evidence');
  await page.goto(`${app.url}#r1.rusak`);
  await page.waitForSelector('[data-testid=error]');
  await visit('error');
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violations on any screen (${colorScheme} theme)`, async () => {
    const { context, page } = await app.open(undefined, { colorScheme });
    await everyScreen(page, (screen) => assertNoAxeViolations(page, `${screen} (${colorScheme})`));
    await context.close();
  });
}

test('the theme switch overrides the system theme', async () => {
  const { context, page } = await app.open(app.url, { colorScheme: 'light' });
  await page.waitForSelector('[data-testid=start]');
  const background = () => page.evaluate(() => getComputedStyle(document.querySelector('.cek-klien')).backgroundColor);
  const light = await background();
  await page.click('[data-testid=theme-switch]');
  assert.equal(await page.getAttribute('.cek-klien', 'data-theme'), 'dark');
  assert.notEqual(await background(), light);
  await assertNoAxeViolations(page, 'intro (dark by switch)');
  await context.close();
});

test('no horizontal scroll at 320 px (what a 640 px window shows at 200% zoom)', async () => {
  for (const viewport of [{ width: 320, height: 640 }]) {
    const { context, page } = await app.open(undefined, { viewport });
    await everyScreen(page, async (screen) => {
      const overflow = await horizontalOverflow(page);
      assert.ok(overflow <= 0, `${screen} scrolls sideways by ${overflow}px at ${viewport.width}px`);
    });
    await context.close();
  }
});

test('screenshots at 360 and 1280 px are kept as artifacts', async () => {
  for (const width of [360, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page } = await app.open(undefined, { viewport: { width, height: 900 }, colorScheme });
      await everyScreen(page, (screen) =>
        page.screenshot({ path: screenshot(`${screen}-${width}-${colorScheme}.png`), fullPage: true }),
      );
      await context.close();
    }
  }
});
