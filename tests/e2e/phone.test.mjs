// On a phone (360×740, touch): the intro's first Start button without scrolling, a result that
// leads with the verdict and the first steps, a visible sign beside the review list when a
// change recomputes the verdict, review answers readable in full, and a progress bar whose
// track stands apart from its filled part whatever the host's accent colour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { artifactsIn } from './support/artifacts.mjs';
import { holdRequests } from './support/requests.mjs';
import { BANKS, PATHS, UI, answerUntilResult, assertNoAxeViolations, openResultFolds, horizontalOverflow, outcomeOf, path, startQuiz, switchLanguage } from './support/flows.mjs';

const app = useApp();
const screenshot = artifactsIn('phone');
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

/// The bottom of the first Start button on the page as it opens, against the screen's height.
const firstStart = (page) =>
  page.evaluate(() => {
    const button = document.querySelector('.quiz-card button');
    return { bottom: button.getBoundingClientRect().bottom + scrollY, screen: innerHeight };
  });

// Issue 12, item 21: the first Start button sat below the fold on a 360×740 phone (and in a
// 360 px window with a mouse, where the keyboard hint shows too).
test('on a 360×740 screen the first Start button is on screen without scrolling, live and prerendered', async () => {
  for (const touch of [true, false]) {
    for (const lang of ['id', 'en']) {
      const label = `${lang}, ${touch ? 'touch' : 'mouse'}`;
      const { context, page, problems } = await app.open(null, { ...PHONE, hasTouch: touch, isMobile: touch });
      await page.goto(`${app.url}?lang=${lang}`);
      await page.waitForSelector('[data-testid=start]');
      const live = await firstStart(page);
      await page.screenshot({ path: screenshot(`intro-${lang}-${touch ? 'touch' : 'mouse'}.png`) });
      assert.ok(live.bottom <= live.screen, `${label}: the first Start button ends at ${live.bottom}px of ${live.screen}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
  // The first paint, from the HTML alone (its intro is the Indonesian one), while the wasm is
  // still on its way.
  const { context, page } = await app.open(null, PHONE);
  const release = await holdRequests(page, '**/*.wasm');
  await page.goto(app.url);
  await page.waitForSelector('.quiz-card button');
  const prerendered = await firstStart(page);
  await page.screenshot({ path: screenshot('intro-prerendered.png') });
  release();
  assert.ok(prerendered.bottom <= prerendered.screen, `prerendered: the first Start button ends at ${prerendered.bottom}px`);
  await context.close();
});

// Issue 12, item 22: the heaviest result was 2,500–4,800 px tall on a phone and its plan began
// a screen and a half down.
test('on a phone the result leads with the verdict and the first steps; the rest is one tap away', async () => {
  for (const lang of ['id', 'en']) {
    const { context, page, problems } = await app.open(null, PHONE);
    await page.goto(`${app.url}?lang=${lang}`);
    await startQuiz(page, 'tipe-klien');
    await answerUntilResult(page, path(PATHS['tipe-klien'].clientEveryFlag));
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: screenshot(`result-${lang}.png`) });
    await page.screenshot({ path: screenshot(`result-${lang}-full.png`), fullPage: true });
    const layout = await page.evaluate(() => {
      const top = (selector) => document.querySelector(selector).getBoundingClientRect().top + scrollY;
      return {
        firstStep: top('.plan li'),
        height: document.documentElement.scrollHeight,
        screen: innerHeight,
      };
    });
    // The first step begins on the first screen, with room to read it.
    assert.ok(layout.firstStep <= layout.screen - 120, `${lang}: the first step starts at ${layout.firstStep}px`);
    assert.ok(layout.height <= layout.screen * 2.5, `${lang}: the result is ${layout.height}px tall`);
    // Everything is still there, one tap away, and the test hooks still work.
    assert.equal(await page.locator('.flags li').count(), 16);
    const steps = await page.locator('.plan li').count();
    assert.ok(steps > 3, `${steps} plan steps`);
    await openResultFolds(page);
    assert.ok(await page.locator('.plan li').nth(steps - 1).isVisible(), 'the last plan step opens');
    assert.ok(await page.locator('.checklist li').first().isVisible(), 'the checklist opens');
    assert.ok(await page.locator('.flags li').first().isVisible(), 'the red flags open');
    await page.click('[data-testid=review] summary');
    assert.ok(await page.locator('[data-testid=review-answer]').first().isVisible());
    assert.ok(await page.locator('[data-testid=share-link]').isVisible());
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll');
    // Nor at 320 px (a 640 px window at 200% zoom), every section open.
    await page.setViewportSize({ width: 320, height: 740 });
    assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scroll at 320 px');
    await page.setViewportSize(PHONE.viewport);
    await assertNoAxeViolations(page, `result on a phone (${lang}), every section open`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// Issue 12, item 23: changing an answer in the review list recomputed the verdict far above
// without any sign a sighted reader could see.
test('a changed answer in the review list says beside the list that the result was recomputed', async () => {
  const { context, page, problems } = await app.open(null, PHONE);
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientIdeal));
  assert.equal(await outcomeOf(page), 'ideal');
  await page.click('[data-testid=review] summary');
  // The client turns rude: the verdict, a screen away, becomes "to avoid".
  const rude = BANKS['tipe-klien'].questions.findIndex((q) => q.id === 'bahasa');
  const select = page.locator(`#review-${rude}`);
  await select.scrollIntoViewIfNeeded();
  await select.selectOption('2');
  await page.waitForSelector('[data-testid=result][data-outcome=bermasalah]');
  const avoid = BANKS['tipe-klien'].outcomes.find((o) => o.id === 'bermasalah').name.id;
  const status = page.locator('[data-testid=result-updated]');
  await status.waitFor();
  const line = (await status.textContent()).trim();
  assert.ok(line.startsWith(`${UI['result-updated'].id}: ${avoid}`), line);
  // In view while the changed drop-down is, and said by the live region too.
  const seen = await status.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
  assert.ok(seen, 'the line is on screen next to the list');
  assert.equal((await page.textContent('[aria-live=polite]')).trim(), line);
  await page.screenshot({ path: screenshot('review-updated.png') });
  await assertNoAxeViolations(page, 'result with the recompute line');
  // In the other language too.
  await switchLanguage(page, 'en');
  assert.ok((await status.textContent()).trim().startsWith(`${UI['result-updated'].en}: `));
  // Leaving the result ends it.
  await page.click('[data-testid=retake]');
  await page.waitForSelector('[data-testid=question]');
  assert.equal(await status.count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

// Issue 12, item 25: at 360 px a review drop-down cut a long answer short.
test('at 360 px every review answer can be read in full', async () => {
  const { context, page, problems } = await app.open(null, PHONE);
  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientEveryFlag));
  await page.click('[data-testid=review] summary');
  const rows = await page.locator('.review-list > li').evaluateAll((items) =>
    items.map((li) => {
      const select = li.querySelector('select');
      const chosen = select.selectedIndex > 0 ? select.options[select.selectedIndex].text.trim() : null;
      // Some element of the row, not the drop-down, shows the chosen answer whole.
      const shown = [...li.querySelectorAll(':scope > :not(select, label)')].some(
        (element) => element.textContent.trim() === chosen && element.getClientRects().length > 0 && element.scrollWidth <= element.clientWidth,
      );
      return { chosen, shown };
    }),
  );
  assert.ok(rows.length >= 19 && rows.every((row) => row.chosen !== null));
  for (const row of rows) assert.ok(row.shown, `"${row.chosen}" is not shown in full`);
  await page.locator('.review-list > li').nth(4).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('review-360.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

/// WCAG's contrast ratio between two colours given as [r, g, b] (0–255).
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, bl] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// Issue 12, item 25: with a light accent (#ffe066) the progress track looked nearly full.
test('the progress track stands apart from its filled part whatever the accent', async () => {
  for (const [accent, colorScheme] of [['ffe066', 'light'], ['ffe066', 'dark'], ['0b6e4f', 'light'], ['5fd3a8', 'dark'], ['f7f7f4', 'light']]) {
    const { context, page, problems } = await app.open(null, { ...PHONE, colorScheme });
    await page.goto(`${app.url}?accent=%23${accent}`);
    await startQuiz(page, 'tipe-klien');
    const bar = page.locator('progress');
    const box = await bar.boundingBox();
    const png = await page.screenshot({ clip: box, path: screenshot(`progress-${accent}-${colorScheme}.png`) });
    // The filled part is the first tenth (question 1 of 10); read one pixel inside it and one
    // well inside the track, on the bar's middle line.
    const pixels = await page.evaluate(async ({ data, width, height }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context2d = canvas.getContext('2d');
      context2d.drawImage(image, 0, 0);
      const at = (x) => [...context2d.getImageData(Math.round((x * image.width) / width), Math.round(image.height / 2), 1, 1).data].slice(0, 3);
      return { fill: at(width * 0.05), track: at(width * 0.7), height };
    }, { data: png.toString('base64'), width: box.width, height: box.height });
    const ratio = contrast(pixels.fill, pixels.track);
    assert.ok(ratio >= 3, `accent #${accent} (${colorScheme}): fill ${pixels.fill} vs track ${pixels.track}, contrast ${ratio.toFixed(2)}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
