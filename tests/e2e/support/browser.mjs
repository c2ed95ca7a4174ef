// Launches the system Chromium (Debian's) through playwright-core; never downloads a browser.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/// A fresh context whose page fails the test on any uncaught error or console error.
/// Other context options (hasTouch, isMobile…) are passed on as they are.
export async function openPage(browser, url, { locale = 'id-ID', viewport, colorScheme, ...more } = {}) {
  const context = await browser.newContext({ locale, viewport, colorScheme, ...more });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  if (url) await page.goto(url);
  return { context, page, problems };
}
