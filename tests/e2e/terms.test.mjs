// The work-terms page (terms.html, its own wasm): filling the form updates the agreement as it
// is typed, the user's words stay text, the link reopens exactly the same terms on another
// device, damaged links and files are explained without losing anything, and the agreement
// prints on numbered A4 pages with a clause never split where it can be avoided.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp } from './support/app.mjs';
import { artifactsIn } from './support/artifacts.mjs';
import { assertNoAxeViolations, horizontalOverflow } from './support/flows.mjs';
import { pageCount, pdfText } from './support/pdf.mjs';
import { recordRequests } from './support/requests.mjs';

const app = useApp();
const screenshot = artifactsIn('screens');
const terms = (query = '') => `${app.url}terms.html${query}`;
const HOSTILE = '<img src=x onerror=alert(1)> "Rina" {price}';

async function openTerms(url, options) {
  const opened = await app.open(url, options);
  await opened.page.waitForSelector('[data-testid=terms-form] input[name=provider_name]');
  return opened;
}

const previewText = (page) => page.textContent('[data-testid=terms-preview]');

test('typing fills the agreement at once, the words stay text, and money reads the Indonesian way', async () => {
  const { context, page, problems } = await openTerms(terms(), { viewport: { width: 360, height: 740 } });
  assert.equal(await page.getAttribute('html', 'lang'), 'id');
  await page.fill('input[name=provider_name]', HOSTILE);
  await page.fill('input[name=price]', '1500000');
  await page.fill('textarea[name=included]', 'Desain logo\nTiga konsep');
  const text = await previewText(page);
  assert.ok(text.includes(HOSTILE), 'the name is printed as typed');
  assert.ok(text.includes('Rp 1.500.000'), text);
  assert.equal(await page.locator('[data-testid=terms-preview] img').count(), 0);
  assert.equal(await page.textContent('#count-provider_name'), `${HOSTILE.length}/80 karakter`);
  assert.equal(await page.textContent('#rupiah-price'), 'Rp 1.500.000');
  // Switching a clause off takes it out of the agreement and hides its fields.
  assert.ok(text.includes('Revisi'));
  await page.uncheck('input[name="clause:revisi"]');
  assert.ok(!(await previewText(page)).includes('kali revisi'));
  assert.equal(await page.isVisible('input[name=revisions]'), false);
  // The typed text is still there: the form is not rewritten as the reader types.
  assert.equal(await page.inputValue('input[name=provider_name]'), HOSTILE);
  assert.ok((await horizontalOverflow(page)) <= 0, 'no sideways scrolling at 360 px');
  await page.screenshot({ path: screenshot('terms-form-360.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a number out of range is marked, and no link or file is made until it is fixed', async () => {
  const { context, page } = await openTerms(terms());
  await page.fill('input[name=revisions]', '50');
  assert.equal(await page.getAttribute('#field-revisions', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#error-revisions'), /0–20/);
  assert.equal(await page.locator('[data-testid=terms-link]').count(), 0);
  assert.equal(await page.locator('[data-testid=terms-export]').count(), 0);
  assert.ok(await page.isVisible('[data-testid=terms-fix-first]'));
  await page.fill('input[name=revisions]', '3');
  assert.equal(await page.getAttribute('#field-revisions', 'aria-invalid'), null);
  assert.equal(await page.textContent('#error-revisions'), '');
  assert.ok(await page.isVisible('[data-testid=terms-link]'));
  await context.close();
});

test('the link reopens exactly these terms on another device, and a reload keeps them', async () => {
  const { context, page } = await openTerms(terms());
  await page.fill('input[name=provider_name]', HOSTILE);
  await page.fill('input[name=client_name]', 'PT Maju Jaya');
  await page.fill('input[name=price]', '2750000');
  await page.check('input[name=doc-lang][value=both]');
  await page.check('input[name="clause:siaga"]');
  await page.check('input[name=on_call]');
  await page.uncheck('input[name=work_days][value="4"]');
  const link = await page.inputValue('[data-testid=terms-link]');
  assert.match(link, /\/terms\.html#t1\.[A-Za-z0-9_-]+$/);
  const text = await previewText(page);
  // A reload keeps them (the address holds the link).
  await page.reload();
  await page.waitForSelector('[data-testid=terms-preview]');
  assert.equal(await previewText(page), text);
  assert.equal(await page.inputValue('input[name=provider_name]'), HOSTILE);
  await context.close();

  const other = await openTerms(link, { locale: 'en-GB' });
  assert.equal(await previewText(other.page), text, 'the same agreement, word for word');
  assert.equal(await other.page.inputValue('input[name=price]'), '2.750.000', 'money shown the Indonesian way');
  assert.equal(await other.page.isChecked('input[name=work_days][value="4"]'), false);
  assert.deepEqual(other.problems, []);
  await other.context.close();
});

test('damaged and foreign links say so in the reader’s language, and the form starts empty', async () => {
  const { context, page } = await openTerms(terms());
  await page.fill('input[name=client_name]', 'Toko Sinar');
  const link = await page.inputValue('[data-testid=terms-link]');
  await context.close();
  const fragment = link.split('#')[1];
  const damaged = `${link.split('#')[0]}#${fragment.slice(0, 5)}${fragment[5] === 'A' ? 'B' : 'A'}${fragment.slice(6)}`;
  for (const [url, locale, expected] of [
    [damaged, 'id-ID', /berubah/],
    [`${terms()}#t1.AAA`, 'en-GB', /cut off or damaged/],
    [`${terms()}#t9.AAAA`, 'en-GB', /newer version/],
    [`${terms()}#r1.tipe-klien.1.id.x`, 'id-ID', /bukan tautan ketentuan/],
  ]) {
    const opened = await openTerms(url, { locale });
    const error = await opened.page.textContent('[data-testid=error]');
    assert.match(error, expected, url);
    assert.equal(await opened.page.inputValue('input[name=client_name]'), '');
    // The damaged link stays in the address for the reader to see.
    assert.equal(new URL(opened.page.url()).hash, new URL(url).hash);
    assert.deepEqual(opened.problems, []);
    await opened.context.close();
  }
  // A link pasted from a chat with punctuation and a tracker after it still opens.
  const chat = await openTerms(`${link}),?fbclid=abc`);
  assert.equal(await chat.page.inputValue('input[name=client_name]'), 'Toko Sinar');
  assert.equal(await chat.page.locator('[data-testid=error]').count(), 0);
  await chat.context.close();
});

test('a quiz result opens the page with its recommended clauses on and says so', async () => {
  const { context, page } = await openTerms(terms('?lang=en#from.penuntut'));
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('[data-testid=terms-from-result]'), /demanding client/);
  for (const clause of ['jam-kerja', 'waktu-balas', 'siaga', 'revisi']) {
    assert.equal(await page.isChecked(`input[name="clause:${clause}"]`), true, clause);
  }
  assert.equal(await page.isChecked('input[name=on_call]'), true);
  // An English reader gets the agreement in both languages, side by side.
  assert.equal(await page.getAttribute('[data-testid=terms-preview]', 'data-doc-lang'), 'both');
  await context.close();
});

test('copy, downloads and the client summary hold what the preview shows, without contact details', async () => {
  const { context, page } = await openTerms(terms());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
  await page.fill('input[name=provider_contact]', 'rina@example.com, 0812-3456-7890');
  await page.fill('input[name=provider_name]', 'Rina # Desain');
  await page.click('[data-testid=terms-copy]');
  await page.waitForFunction(() => document.querySelector('#status-text').textContent !== '');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.includes('rina@example.com'), 'the agreement has the contact');
  assert.ok(copied.startsWith('PERJANJIAN KERJA SAMA PENYEDIAAN JASA'), copied.slice(0, 80));

  const [txt] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=terms-download]')]);
  assert.equal(txt.suggestedFilename(), 'perjanjian-kerja.txt');
  assert.equal(readFileSync(await txt.path(), 'utf8'), copied);
  const [md] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=terms-download-md]')]);
  const markdown = readFileSync(await md.path(), 'utf8');
  assert.match(markdown, /^# Perjanjian Kerja Sama/);
  assert.ok(markdown.includes('Rina \\# Desain'), 'the user’s words are escaped in Markdown');

  const summary = await page.inputValue('[data-testid=terms-summary]');
  const lines = summary.split('\n');
  assert.ok(lines.length >= 5 && lines.length <= 8, `${lines.length} lines`);
  assert.ok(!/@|0812|https?:|Rina/.test(summary), summary);
  await page.click('[data-testid=terms-copy-summary]');
  await page.waitForFunction(() => document.querySelector('#status-summary').textContent !== '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), summary);
  await context.close();
});

test('the terms travel as a JSON file; a file with wrong values is refused field by field', async () => {
  const { context, page } = await openTerms(terms());
  await page.fill('input[name=service]', 'Perawatan server');
  await page.fill('input[name=price]', '900000');
  const [exported] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=terms-export]')]);
  const json = readFileSync(await exported.path(), 'utf8');
  assert.equal(JSON.parse(json).fields.service, 'Perawatan server');
  const text = await previewText(page);
  await context.close();

  const dir = mkdtempSync(join(tmpdir(), 'cek-klien-terms-'));
  const good = join(dir, 'good.json');
  writeFileSync(good, json);
  const other = await openTerms(terms());
  await other.page.setInputFiles('[data-testid=terms-import]', good);
  await other.page.waitForFunction(() => document.querySelector('#status-file').textContent !== '');
  assert.equal(await previewText(other.page), text);
  assert.equal(await other.page.inputValue('input[name=service]'), 'Perawatan server');

  const bad = JSON.parse(json);
  bad.fields.revisions = 99;
  bad.fields.price = 'sejuta';
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
  await other.page.fill('input[name=client_name]', 'Tetap');
  await other.page.setInputFiles('[data-testid=terms-import]', join(dir, 'bad.json'));
  await other.page.waitForSelector('[data-testid=terms-import-errors]');
  const listed = await other.page.locator('[data-testid=terms-import-errors] li').evaluateAll((items) => items.map((li) => li.dataset.field));
  assert.deepEqual(listed.sort(), ['price', 'revisions']);
  assert.equal(await other.page.inputValue('input[name=client_name]'), 'Tetap', 'the form is unchanged');

  writeFileSync(join(dir, 'not.json'), '{ this is not json');
  await other.page.setInputFiles('[data-testid=terms-import]', join(dir, 'not.json'));
  await other.page.waitForFunction(() => /Formulir tidak diubah/.test(document.querySelector('#status-file').textContent));
  assert.equal(await other.page.inputValue('input[name=client_name]'), 'Tetap');
  assert.deepEqual(other.problems, []);
  await other.context.close();
});

test('remembering is asked for, and forgetting asks first and removes the terms', async () => {
  const { context, page } = await openTerms(terms());
  await page.fill('input[name=client_name]', 'CV Kopi');
  assert.equal(await page.evaluate(() => localStorage.getItem('cek-klien.terms')), null, 'nothing is kept unasked');
  await page.check('[data-testid=terms-remember]');
  assert.match(await page.evaluate(() => localStorage.getItem('cek-klien.terms')), /^t1\./);
  await page.goto(terms());
  await page.waitForSelector('input[name=client_name]');
  assert.equal(await page.inputValue('input[name=client_name]'), 'CV Kopi');
  await page.click('[data-testid=terms-forget]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'terms-forget-question');
  assert.match(await page.evaluate(() => localStorage.getItem('cek-klien.terms')), /^t1\./, 'nothing goes before the yes');
  await page.click('[data-testid=confirm-yes]');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cek-klien.')).length), 0);
  assert.equal(await page.isChecked('[data-testid=terms-remember]'), false);
  assert.match(await page.textContent('#status-device'), /sudah dihapus/);
  await context.close();
});

test('the agreement prints alone on numbered A4 pages, with the signatures and room for a duty stamp', async () => {
  const { context, page } = await openTerms(terms());
  await page.fill('input[name=provider_name]', 'Rina Desain');
  await page.check('input[name=doc-lang][value=both]');
  for (const clause of ['waktu-balas', 'siaga', 'uji-coba', 'batas-sumber-daya', 'masalah-lama', 'sopan', 'bukti']) {
    const box = page.locator(`input[name="clause:${clause}"]`);
    if ((await box.count()) && !(await box.isChecked())) await box.check();
  }
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(screenshot('terms-print.pdf'), pdf);
  const pages = pageCount(pdf);
  // Text as printed, spaces left out (the PDF spaces out some glyphs).
  const printed = pdfText(pdf).map((text) => text.replace(/\s+/g, ''));
  assert.ok(pages >= 2, `${pages} pages`);
  printed.forEach((text, index) => assert.ok(text.startsWith(`${index + 1}/${pages}`), `page ${index + 1} has its number`));
  const all = printed.join('');
  assert.ok(all.includes('RinaDesain'));
  assert.ok(all.includes('Tempatmeterai'), 'room for a duty stamp');
  for (const gone of ['Sertakanpasalini', 'Salinteksnya', 'Kembalikekuis', 'Ringkasanuntukklien']) {
    assert.ok(!all.includes(gone), `the printout has no "${gone}"`);
  }
  // No clause is cut across pages: each page ends where a clause or the signing part ends.
  for (const text of printed.slice(0, -1)) {
    assert.ok(/[.:)]$/.test(text), `a page ends mid-sentence: …${text.slice(-60)}`);
  }
  await context.close();
});

test('the page is accessible at 320 px and on a wide screen, in both languages, and by keyboard', async () => {
  for (const [width, lang] of [[320, 'id'], [1280, 'en']]) {
    const { context, page } = await openTerms(terms(`?lang=${lang}`), { viewport: { width, height: 800 } });
    await page.fill('input[name=revisions]', '50');
    await page.check('input[name=doc-lang][value=both]');
    await page.selectOption('select[name=prevailing]', '1');
    assert.ok(await page.isVisible('[data-testid=terms-prevailing-caution]'));
    await assertNoAxeViolations(page, `terms.html at ${width}px in ${lang}`);
    assert.ok((await horizontalOverflow(page)) <= 0, `no sideways scrolling at ${width}px`);
    await page.screenshot({ path: screenshot(`terms-${width}-${lang}.png`), fullPage: width > 400 });
    await context.close();
  }
  const { context, page } = await openTerms(terms());
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // The second stop is the language switch: Enter switches the page to English.
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('h1'), 'Draft your work terms');
  await context.close();
});

test('the quiz never downloads the work-terms page, and the page never downloads the quiz’s texts', async () => {
  const { context, page } = await app.open(app.url);
  const requests = recordRequests(page);
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=start]');
  assert.deepEqual(requests.filter((url) => url.includes('terms')), []);
  const english = await app.open(undefined, { locale: 'en-GB' });
  const seen = recordRequests(english.page);
  await english.page.goto(terms());
  await english.page.waitForSelector('input[name=provider_name]');
  assert.deepEqual(seen.filter((url) => /texts-(en|id)-/.test(url)), []);
  assert.ok(seen.some((url) => /terms-[0-9a-f]+_bg\.wasm$/.test(url)));
  await english.context.close();
  await context.close();
});

// What a new user on a phone found, each a regression test: cents on an invoice made the price
// a hundred times larger; out-of-range values went into the printout; a field in error stopped
// the address from keeping anything, so a reload lost the rest; text in a number field was
// dropped without a word; the summary for chat carried blanks; "forget" left the terms in the
// address; the file button did not look like one; a slow load spoke of the quiz.
test('what a new user found: cents, errors kept out of the printout, reloads, blanks, forget, loader words', async () => {
  const { context, page, problems } = await openTerms(terms(), { viewport: { width: 360, height: 740 } });
  await page.fill('input[name=price]', 'Rp1.500.000,00');
  assert.ok((await previewText(page)).includes('Rp 1.500.000,'), 'zero cents are not thousands');
  await page.fill('input[name=price]', '1500000.50');
  assert.match(await page.textContent('#error-price'), /angka bulat/);
  await page.fill('input[name=price]', '2000000');
  assert.equal(await page.textContent('#error-price'), '');
  assert.ok(!(await page.inputValue('[data-testid=terms-summary]')).includes('....'), 'no blanks in the summary');

  await page.fill('input[name=provider_name]', 'Rina Desain');
  await page.fill('input[name=revisions]', '50');
  assert.ok(await page.isVisible('[data-testid=terms-not-ready]'));
  assert.equal(await page.locator('[data-testid=terms-print]').count(), 0, 'nothing to print while a field is wrong');
  assert.match(await page.textContent('[data-testid=terms-fix-first]'), /Jumlah revisi yang termasuk/);
  await page.reload();
  await page.waitForSelector('input[name=provider_name]');
  assert.equal(await page.inputValue('input[name=provider_name]'), 'Rina Desain', 'a reload keeps the rest');
  assert.equal(await page.inputValue('input[name=price]'), '2.000.000');

  const clause = page.getByRole('checkbox', { name: /Lingkup Pekerjaan/ });
  assert.equal(await clause.count(), 1, 'each clause box names its clause');
  const button = await page.locator('.file-button').evaluate((e) => ({ height: e.getBoundingClientRect().height, border: getComputedStyle(e).borderTopWidth }));
  assert.ok(button.height >= 44 && button.border !== '0px', JSON.stringify(button));
  assert.ok((await page.locator('.terms-back').evaluate((e) => e.getBoundingClientRect().height)) >= 44);

  await page.click('[data-testid=terms-forget]');
  await page.click('[data-testid=confirm-yes]');
  assert.equal(await page.evaluate(() => location.hash), '', 'the address no longer holds the terms');

  const loader = await page.locator('script[src*=start-]').getAttribute('src');
  const code = await (await page.request.get(new URL(loader, page.url()).href)).text();
  assert.ok(code.includes('Halaman ini') && !code.includes('Kuis'), 'the loader speaks of this page');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a language switch on the work-terms page carries over to the quiz', async () => {
  const { context, page } = await openTerms(terms());
  await page.click('[data-testid=lang-switch]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=start]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});
