// Renders static/badge-{id,en}.svg to PNG with the system Chromium, for places that do not
// show SVG (email, some forums). Run by hand after changing a badge; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { launch } from '../tests/e2e/support/browser.mjs';

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 200, height: 40 }, deviceScaleFactor: 2 });
for (const lang of ['id', 'en']) {
  const svg = readFileSync(new URL(`../static/badge-${lang}.svg`, import.meta.url), 'utf8');
  await page.setContent(`<body style="margin:0">${svg}</body>`);
  await page.locator('svg').screenshot({ path: new URL(`../static/badge-${lang}.png`, import.meta.url).pathname, omitBackground: true });
}
await browser.close();
