// Cek Klien browser benchmark: `./scripts/bench` builds the release and runs this.
// Serves our app, a static floor and SurveyJS with gzip on loopback, measures each in fresh
// headless Chromium contexts, runs Lighthouse (mobile) on our intro, and prints tables.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser.mjs';
import { serveGzip } from './server.mjs';
import { QUESTION_COUNT, makeFloor, makeSurveyJs } from './sites.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DIST = new URL('../dist/', import.meta.url).pathname;

const work = mkdtempSync(join(tmpdir(), 'cek-klien-bench-'));
makeFloor(join(work, 'floor'));
makeSurveyJs(join(work, 'surveyjs'));

const SITES = [
  {
    name: 'Cek Klien',
    root: DIST,
    content: '.intro h1',
    ready: '[data-testid=start]',
    start: async (page) => page.click('[data-testid=start][data-quiz=tipe-klien]'),
    choice: (page) => page.locator('[data-testid=choice]').nth(1),
  },
  {
    name: 'static floor',
    root: join(work, 'floor'),
    content: '[data-testid=question]',
    ready: 'body[data-ready]',
    start: async () => {},
    choice: (page) => page.locator('[data-testid=choice] input').nth(1),
  },
  {
    name: 'SurveyJS 2.5.38',
    root: join(work, 'surveyjs'),
    content: '.sd-question__title',
    ready: '.sd-item__control',
    start: async () => {},
    choice: (page) => page.locator('.sd-item').nth(1),
  },
];

// Recorded inside the page: first frame with the content, first frame where it can be used,
// and for every click the time from the event to the next frame after the page changed.
const PROBE = ({ content, ready }) => {
  const bench = (window.__bench = { clicks: [], content: null, ready: null, pending: null });
  addEventListener('TrunkApplicationStarted', (e) => (window.__wasm = e.detail.wasm));
  document.addEventListener('click', (e) => (bench.pending = e.timeStamp), true);
  new MutationObserver(() => {
    if (bench.pending === null) return;
    const clicked = bench.pending;
    bench.pending = null;
    requestAnimationFrame(() => bench.clicks.push(performance.now() - clicked));
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  const poll = () => {
    if (bench.content === null && document.querySelector(content)) bench.content = performance.now();
    if (bench.ready === null && document.querySelector(ready)) bench.ready = performance.now();
    if (bench.content === null || bench.ready === null) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
};

async function measure(browser, site, url, throttle) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'id-ID' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  await page.addInitScript(PROBE, { content: site.content, ready: site.ready });
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.content !== null && window.__bench.ready !== null);
  // Paint entries are recorded a moment after the frame; wait for them rather than race.
  await page.waitForFunction(() => performance.getEntriesByType('paint').length >= 2, null, { timeout: 5000 }).catch(() => {});
  const paints = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime])));
  const { content, ready } = await page.evaluate(() => window.__bench);
  await site.start(page);
  await page.evaluate(() => (window.__bench.clicks = []));
  for (let i = 0; i < QUESTION_COUNT; i++) {
    const before = await page.evaluate(() => window.__bench.clicks.length);
    await site.choice(page).click();
    await page.waitForFunction((n) => window.__bench.clicks.length > n, before);
    // Let the next question settle, as a reader would before the next click.
    await page.waitForTimeout(30);
  }
  await page.waitForSelector('[data-testid=result]', { state: 'attached' });
  const clicks = await page.evaluate(() => window.__bench.clicks);
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const wasmBytes = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  await context.close();
  return {
    bytes,
    firstPaint: paints['first-paint'],
    firstContentfulPaint: paints['first-contentful-paint'],
    contentVisible: content,
    interactive: ready,
    clicks,
    memory: metrics.JSHeapUsedSize + wasmBytes,
  };
}

const median = (values) => {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (values) => {
  const xs = values.filter(Number.isFinite);
  return `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
};
const kb = (b) => (b / 1024).toFixed(1);

function fileTable(dir) {
  const rows = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const body = readFileSync(path);
        rows.push([path.slice(dir.length), body.length, gzipSync(body, { level: 9 }).length, brotliCompressSync(body).length]);
      }
    }
  };
  walk(dir);
  return rows.sort((a, b) => b[2] - a[2]);
}

async function lighthouseScores(url) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    return Object.fromEntries(Object.entries(result.lhr.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
  } finally {
    await chrome.kill();
  }
}

const browser = await chromium.launch({ executablePath: CHROME, headless: true, args: CHROMIUM_ARGS });
const results = {};
for (const site of SITES) {
  const server = await serveGzip(site.root);
  results[site.name] = { 1: [], 4: [] };
  for (const throttle of [1, 4]) {
    for (let i = 0; i < RUNS; i++) results[site.name][throttle].push(await measure(browser, site, server.url, throttle));
  }
  if (site.name === 'Cek Klien') results.lighthouse = await lighthouseScores(server.url).catch((e) => ({ error: String(e.message ?? e).slice(0, 200) }));
  await server.close();
  process.stderr.write(`measured ${site.name}\n`);
}
await browser.close();

console.log(`\nCek Klien benchmark: ${RUNS} fresh contexts per site and CPU setting, headless Chromium, gzip on loopback, 412x823 viewport`);
console.log(`machine: ${process.env.BENCH_MACHINE ?? 'this machine'}; median [min–max]\n`);
const rows = [
  ['transferred (KiB)', (r) => r[1].map((x) => x.bytes / 1024)],
  ['first paint (ms)', (r) => r[1].map((x) => x.firstPaint)],
  ['first contentful paint (ms)', (r) => r[1].map((x) => x.firstContentfulPaint)],
  ['first screen content visible (ms)', (r) => r[1].map((x) => x.contentVisible)],
  ['interactive (ms)', (r) => r[1].map((x) => x.interactive)],
  ['click → next painted, 1× CPU (ms)', (r) => r[1].flatMap((x) => x.clicks)],
  ['click → next painted, 4× CPU (ms)', (r) => r[4].flatMap((x) => x.clicks)],
  ['memory after the quiz (MB)', (r) => r[1].map((x) => x.memory / 1e6)],
];
const names = SITES.map((s) => s.name);
const pad = (s, n) => String(s).padEnd(n);
console.log(`| ${pad('measure', 34)} | ${names.map((n) => pad(n, 22)).join(' | ')} | vs floor | vs SurveyJS |`);
console.log(`|${'-'.repeat(36)}|${names.map(() => '-'.repeat(24)).join('|')}|----------|-------------|`);
for (const [label, pick] of rows) {
  const values = names.map((n) => pick(results[n]));
  const medians = values.map(median);
  const cells = values.map((v, i) => pad(`${medians[i].toFixed(1)} [${spread(v)}]`, 22));
  const ratio = (i) => (medians[i] > 0 ? `${(medians[0] / medians[i]).toFixed(2)}×` : '–');
  console.log(`| ${pad(label, 34)} | ${cells.join(' | ')} | ${pad(ratio(1), 8)} | ${pad(ratio(2), 11)} |`);
}
console.log('\nLighthouse (mobile preset) on the Cek Klien intro:', JSON.stringify(results.lighthouse));
console.log('\nCek Klien files (bytes): raw, gzip -9, brotli');
for (const [name, raw, gz, br] of fileTable(DIST)) console.log(`  ${pad(name, 42)} ${String(raw).padStart(8)} ${String(gz).padStart(8)} ${String(br).padStart(8)}`);
