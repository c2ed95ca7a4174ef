// Renders the web app manifest's icons and the link preview's image from static/favicon.svg
// with the system Chromium (nothing is fetched). Run by hand after changing the favicon or the
// tagline; the PNGs are committed, so a build needs no browser.
//   icon-192.png, icon-512.png   the favicon as it is (rounded square, transparent corners)
//   icon-maskable-512.png        full bleed: launchers cut it to a circle or a squircle, so the
//                                check mark stays inside the middle 80 % (the safe zone)
//   og-image.png                 1200×630, what chat apps and social sites show for a link
import { readFileSync } from 'node:fs';
import { launch } from '../tests/e2e/support/browser.mjs';

const favicon = readFileSync(new URL('../static/favicon.svg', import.meta.url), 'utf8');
const ACCENT = '#0b6e4f';
const BG = '#f7f7f4';
const out = (name) => new URL(`../static/${name}`, import.meta.url).pathname;
// The check mark alone, from the favicon, on a 32×32 grid.
const check = /<path[^>]*\/>/.exec(favicon)?.[0];
if (!check) throw new Error('static/favicon.svg has no <path> for the check mark');

const browser = await launch();
const shoot = async (name, width, height, body, transparent) => {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.setContent(`<body style="margin:0;width:${width}px;height:${height}px;overflow:hidden">${body}</body>`);
  await page.screenshot({ path: out(name), omitBackground: transparent });
  await page.close();
};
const sized = (svg, size) => svg.replace('<svg ', `<svg width="${size}" height="${size}" style="display:block" `);
for (const size of [192, 512]) await shoot(`icon-${size}.png`, size, size, sized(favicon, size), true);
// The mark spans about 16 of the favicon's 32 units; here 32 units are 60 % of the icon, so
// the mark sits well inside the safe zone's circle (80 % of the width).
await shoot(
  'icon-maskable-512.png',
  512,
  512,
  `<svg width="512" height="512" viewBox="-10.67 -10.67 53.33 53.33" style="display:block"><rect x="-10.67" y="-10.67" width="53.33" height="53.33" fill="${ACCENT}"/>${check}</svg>`,
);
await shoot(
  'og-image.png',
  1200,
  630,
  `<div style="box-sizing:border-box;width:1200px;height:630px;padding:90px 100px;background:${BG};color:#1c1f23;font-family:system-ui,sans-serif;border-bottom:24px solid ${ACCENT}">
    <div style="display:flex;align-items:center;gap:36px">${sized(favicon, 150)}<span style="font-size:96px;font-weight:700">Cek Klien</span></div>
    <p style="font-size:58px;font-weight:600;margin:56px 0 0;line-height:1.2">Klien Anda tipe apa?</p>
    <p style="font-size:40px;margin:20px 0 0;color:#4e5660;line-height:1.3">Kuis untuk freelancer: kenali klien Anda dan apa yang harus dilakukan.<br>What type of client is this, and what to do.</p>
  </div>`,
);
await browser.close();
