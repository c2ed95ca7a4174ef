// Common user flows for the end-to-end tests.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

const BANKS_DIR = new URL('../../../data/banks/', import.meta.url);

/// The quiz banks the app is built from (data/banks/*.toml), read by the tests to know which
/// question is on screen and which questions a set of answers asks.
export const BANKS = Object.fromEntries(
  readdirSync(BANKS_DIR)
    .filter((file) => file.endsWith('.toml'))
    .map((file) => parse(readFileSync(new URL(file, BANKS_DIR), 'utf8')))
    .map((bank) => [bank.id, bank]),
);

/// The app's own texts (data/ui.toml): key → { id, en }.
export const UI = parse(readFileSync(new URL('../../../data/ui.toml', import.meta.url), 'utf8'));

/// Answer paths per quiz that reach a known outcome: question id → choice index (from 0), or
/// null to skip it. A path names every question its own answers ask, so a question that
/// appears unexpectedly fails the test (see `path`). Most come from the client scenarios in
/// tests/fixtures/scenarios-*.toml, which tests/scenarios.rs checks against the classifier.
export const PATHS = {
  'tipe-klien': {
    // A prospect with the best answer everywhere: 10 questions.
    prospectIdeal: {
      status: 0, 'penyedia-lama': 0, kesiapan: 0, 'harapan-layanan': 0, 'lingkup-kerja': 0,
      'banding-vendor': 0, 'syarat-tertulis': 0, 'cara-pandang': 0, 'mendengar-penjelasan': 0, bahasa: 0,
    },
    // A current client with the best answer everywhere: 17 questions.
    clientIdeal: {
      status: 1, 'penyedia-lama': 0, 'lingkup-kerja': 0, 'banding-vendor': 0, 'syarat-tertulis': 0,
      'cara-pandang': 0, 'mendengar-penjelasan': 0, bahasa: 0, pembayaran: 0, 'nada-saat-gangguan': 0,
      'kendala-kecil': 0, 'harapan-respons': 0, 'jam-kerja': 0, revisi: 0, 'ancam-ulasan': 0,
      'waktu-tersita': 0, 'beban-sumber-daya': 0,
    },
    // "Otherwise model client who complains about one spam mail and phones minutes after
    // emailing" (scenarios-tipe-klien.toml).
    clientDemanding: {
      status: 1, 'penyedia-lama': 0, 'lingkup-kerja': 0, 'banding-vendor': 0, 'syarat-tertulis': 0,
      'cara-pandang': 0, 'mendengar-penjelasan': 0, bahasa: 0, pembayaran: 0, 'nada-saat-gangguan': 0,
      'kendala-kecil': 1, 'harapan-respons': 1, 'jam-kerja': 0, revisi: 0, 'ancam-ulasan': 0,
      'waktu-tersita': 0, 'beban-sumber-daya': 0,
    },
    // "Prospect who expects instant replies or a flawless service and wants to come first".
    prospectDemanding: {
      status: 0, 'penyedia-lama': null, kesiapan: 0, 'harapan-layanan': 1, 'lingkup-kerja': null,
      'banding-vendor': null, 'syarat-tertulis': 1, 'cara-pandang': 1, 'mendengar-penjelasan': null, bahasa: 0,
    },
    // "Perfect record but swears the moment something breaks": one severe answer decides.
    clientSwears: {
      status: 1, 'penyedia-lama': 0, 'lingkup-kerja': 0, 'banding-vendor': 0, 'syarat-tertulis': 0,
      'cara-pandang': 0, 'mendengar-penjelasan': 0, bahasa: 0, pembayaran: 0, 'nada-saat-gangguan': 2,
      'kendala-kecil': 0, 'harapan-respons': 0, 'jam-kerja': 0, revisi: 0, 'ancam-ulasan': 0,
      'waktu-tersita': 0, 'beban-sumber-daya': 0,
    },
    // "Prospect still in a dispute with the old host": 12 questions.
    prospectSwitcher: {
      status: 0, 'penyedia-lama': 2, 'masalah-lama': 3, 'uji-coba': 2, kesiapan: 0, 'harapan-layanan': null,
      'lingkup-kerja': null, 'banding-vendor': null, 'syarat-tertulis': null, 'cara-pandang': null,
      'mendengar-penjelasan': null, bahasa: 0,
    },
    // "Prospect who politely declined the offer": 9 questions.
    prospectNotReady: {
      status: 0, 'penyedia-lama': null, kesiapan: 1, 'lingkup-kerja': null, 'banding-vendor': null,
      'syarat-tertulis': null, 'cara-pandang': null, 'mendengar-penjelasan': null, bahasa: 0,
    },
    // A current client who raises half the bank's red flags (8 of 17): extras for free, vendor
    // comparisons, entitlement, chased invoices, escalation, instant and night-time replies,
    // endless revisions. A long flag list, plan and checklist.
    clientManyFlags: {
      status: 1, 'penyedia-lama': 0, 'lingkup-kerja': 1, 'banding-vendor': 1, 'syarat-tertulis': 0,
      'cara-pandang': 2, 'mendengar-penjelasan': 0, bahasa: 0, pembayaran: 2, 'nada-saat-gangguan': 1,
      'kendala-kecil': 0, 'harapan-respons': 1, 'jam-kerja': 2, revisi: 1, 'ancam-ulasan': 0,
      'waktu-tersita': 0, 'beban-sumber-daya': 0,
    },
    // A current client who came from another provider and raises every red flag the bank has:
    // the most flags, the longest plan and checklist (19 questions).
    clientEveryFlag: {
      status: 1, 'penyedia-lama': 2, 'masalah-lama': 1, 'uji-coba': 1, 'lingkup-kerja': 1, 'banding-vendor': 1,
      'syarat-tertulis': 2, 'cara-pandang': 2, 'mendengar-penjelasan': 2, bahasa: 2, pembayaran: 2,
      'nada-saat-gangguan': 2, 'kendala-kecil': 1, 'harapan-respons': 1, 'jam-kerja': 2, revisi: 1,
      'ancam-ulasan': 1, 'waktu-tersita': 1, 'beban-sumber-daya': 1,
    },
  },
  'klien-kecewa': {
    // "Hourly job on a marketplace: the client refuses to pay the hours and wants the money back".
    acceptRefund: {
      'tempat-kerja': 0, ulasan: 0, 'jenis-kontrak': 0, 'status-bayar': 0, kemajuan: 3, 'permintaan-klien': 0,
      ancaman: 2, 'sumber-masalah': 0, 'sikap-klien': 0, 'nilai-hubungan': 1,
    },
    // "Low stars already on the profile after a fully paid fixed-price job".
    fullRefund: {
      'tempat-kerja': 0, ulasan: 1, 'jenis-kontrak': 1, 'status-bayar': 2, kemajuan: 0, 'permintaan-klien': 0,
      ancaman: 2, 'sumber-masalah': 0, 'sikap-klien': 0, 'nilai-hubungan': 1,
    },
    // "Hosting retainer: an outage outside our control, the client is polite and long-standing".
    fix: {
      'tempat-kerja': 1, 'jenis-kontrak': 2, 'status-bayar': 2, 'permintaan-klien': 2, ancaman: 2,
      'sumber-masalah': 3, penjelasan: 1, 'sikap-klien': 0, 'nilai-hubungan': 0,
    },
    // "Not my fault, the scope kept changing, explained and refused".
    partWays: {
      'tempat-kerja': 1, 'jenis-kontrak': 1, 'status-bayar': null, kemajuan: null, 'permintaan-klien': 3,
      ancaman: null, 'sumber-masalah': 1, penjelasan: 0, 'sikap-klien': 0, 'nilai-hubungan': 1,
    },
  },
};

/// A `choiceFor` that answers from `answers` (question id → choice, null to skip) and fails on
/// a question the path does not name.
export const path = (answers) => (id) => {
  if (!Object.hasOwn(answers, id)) throw new Error(`the answer path has no answer for question "${id}"`);
  return answers[id];
};

export async function startQuiz(page, quiz) {
  await page.click(`[data-testid=start][data-quiz=${quiz}]`);
  await page.waitForSelector('[data-testid=question]');
}

/// Matches a progress text ("Pertanyaan n dari m" / "Question n of m") whose first number is
/// `n`, and whose second is `m` when given.
const progressPattern = (n, m) => new RegExp(`^\\D*\\b${n}\\b\\D+${m ?? '\\d+'}\\D*$`);

/// Waits until the progress text names question `n` (1-based) of `m` (any total when not
/// given), in either language. Works in a page, a frame locator or an element, and through
/// open shadow roots.
export async function waitForStep(scope, n, m) {
  await scope.locator('[data-testid=progress]').filter({ hasText: progressPattern(n, m) }).waitFor();
}

/// Waits until the progress names question `n`, or the result (or what `done` names) is shown.
export async function waitForStepOrResult(scope, n, done = '[data-testid=result]') {
  const step = scope.locator('[data-testid=progress]').filter({ hasText: progressPattern(n) });
  await scope.locator(done).first().or(step).first().waitFor();
}

/// The app ignores a pointer click on a choice that comes this soon after a click that moved on:
/// it is the second half of a double tap, landing on a question the reader has not seen yet
/// (src/app/question.rs, DOUBLE_TAP_MS = 400, plus a margin).
export const DOUBLE_TAP_GAP_MS = 450;
let lastChoiceClick = -Infinity;

/// Clicks choice `index` (from 0) as a reader would: never as the second half of a double tap.
/// Works in a page, a frame locator or an element.
export async function clickChoice(scope, index) {
  const wait = lastChoiceClick + DOUBLE_TAP_GAP_MS - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  await scope.locator('[data-testid=choice]').nth(index).click();
  lastChoiceClick = Date.now();
}

const PROGRESS_FRAGMENT = /^#q1\.([a-z0-9-]+)\.\d+\.(\d+)\.([0-9a-z-]+)[0-9a-z]$/;

/// The question an in-progress address (`#q1.<quiz>.<version>.<step>.<answers><check>`) stands
/// for, if it is one and agrees with the position `n` on screen (the address follows the
/// screen a moment later).
function questionOfAddress(hash, n) {
  const match = PROGRESS_FRAGMENT.exec(hash);
  const bank = match && BANKS[match[1]];
  if (!bank || match[3].length !== bank.questions.length) return undefined;
  const index = Number(match[2]);
  const answers = Object.fromEntries(bank.questions.map((q, i) => [q.id, /[0-9a-z]/.test(match[3][i]) ? parseInt(match[3][i], 36) : null]));
  const asked = askedQuestions(bank.id, answers);
  const position = bank.questions.slice(0, index).filter((q) => asked.includes(q.id)).length + 1;
  return position === n && index < bank.questions.length ? { quiz: bank.id, index } : undefined;
}

/// The question of any bank whose text (in either language) is `text`.
function questionOfText(text) {
  for (const [quiz, bank] of Object.entries(BANKS)) {
    const index = bank.questions.findIndex((q) => q.text.id === text || q.text.en === text);
    if (index >= 0) return { quiz, index };
  }
  return undefined;
}

/// The question on screen, read in one go: its quiz, id and index in the bank, its number of
/// choices, and the progress n of m. Told by the address mid-quiz (a page or an iframe), else by
/// its text, which must then match data/banks/ (a copy edit not yet built into dist/ shows as
/// an unknown question); when both tell, they must agree.
export async function currentQuestion(scope) {
  for (let attempt = 0; ; attempt++) {
    const [heading, progress, shown, hash] = await scope
      .locator('section.question')
      .evaluate((s) => [
        s.querySelector('[data-testid=question]').textContent,
        s.querySelector('[data-testid=progress]').textContent,
        s.querySelectorAll('[data-testid=choice]').length,
        location.hash,
      ]);
    const text = heading.trim();
    const [n, m] = (progress.match(/\d+/g) ?? []).map(Number);
    const byAddress = questionOfAddress(hash, n);
    const byText = questionOfText(text);
    const found = byAddress ?? byText;
    if (byAddress && byText) {
      assert.deepEqual(byText, byAddress, `the question on screen, ${JSON.stringify(text)}, is not the one its address names (${hash})`);
    }
    if (found) {
      const question = BANKS[found.quiz].questions[found.index];
      assert.equal(shown, question.choices.length, `choices shown for "${question.id}"`);
      return { quiz: found.quiz, id: question.id, index: found.index, choices: shown, n, m };
    }
    if (attempt >= 10) {
      throw new Error(`no bank in data/banks/ has the question on screen: ${JSON.stringify(text)} (is dist/ older than data/?)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/// Answers every question until the result appears: `choiceFor(id, question)` (the question's
/// id in the bank, and what `currentQuestion` says about it) gives the choice to click, or
/// null/undefined to skip the question with Next. Works in a page, a frame locator or an
/// element. Returns the questions asked, in order, each with the choice given. `done` names
/// what ends the run (the result by default).
export async function answerUntilResult(scope, choiceFor, { done = '[data-testid=result]', maxSteps = 40 } = {}) {
  const asked = [];
  const finished = scope.locator(done).first();
  for (;;) {
    await finished.or(scope.locator('section.question')).first().waitFor();
    if ((await finished.count()) > 0) return asked;
    const question = await currentQuestion(scope);
    if (asked.length >= maxSteps) throw new Error(`no result after ${maxSteps} questions`);
    const choice = choiceFor(question.id, question);
    if (choice !== null && choice !== undefined && !(Number.isInteger(choice) && choice >= 0 && choice < question.choices)) {
      throw new Error(`choice ${choice} asked for question "${question.id}", which has ${question.choices}`);
    }
    asked.push({ ...question, choice: choice ?? null });
    if (choice === null || choice === undefined) await scope.locator('[data-testid=next]').click();
    else await clickChoice(scope, choice);
    // The screen moved on: the next question, or the end.
    await waitForStepOrResult(scope, question.n + 1, done);
  }
}

/// The questions of `quiz` that `answers` (question id → choice) ask, as the app decides it: a
/// question with a condition (`show_if`) is asked when the question it names is asked and
/// answered with one of the listed choices. An oracle for the progress totals.
export function askedQuestions(quiz, answers) {
  const asked = new Set();
  for (const question of BANKS[quiz].questions) {
    const condition = question.show_if;
    if (!condition || (asked.has(condition.question) && condition.choices.includes(answers[condition.question]))) {
      asked.add(question.id);
    }
  }
  return [...asked];
}

/// Clicks the language switch and waits until the screen is in `lang`: the English texts are
/// a file of their own, so a switch to English shows Indonesian until it has arrived. The
/// switch button names the other language, in that language.
export async function switchLanguage(scope, lang) {
  const button = scope.locator('[data-testid=lang-switch]');
  await button.click();
  await button.filter({ hasText: UI['switch-language'][lang] }).waitFor();
}

/// Opens every folded section of the result (the later plan steps, why, the checklist), as a
/// reader taps them open. Works in a page, a frame locator or an element.
export async function openResultFolds(scope) {
  const closed = scope.locator('[data-testid=result] :is(details.fold, details.later-steps):not([open]):not(.no-print) > summary');
  for (let left = await closed.count(); left > 0; left--) await closed.first().click();
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

/// Runs axe-core on the page (the WCAG 2.1 A/AA rules and the default rule set) and fails with
/// a readable list.
export async function assertNoAxeViolations(page, label) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // The WCAG 2.1 A/AA rules, then axe's default rule set (best practices included, and
    // label-content-name-mismatch, WCAG 2.5.3, which the tag list alone leaves out).
    const wcag = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    const defaults = await window.axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: true } } });
    const seen = new Set();
    return [...wcag.violations, ...defaults.violations]
      .filter((v) => !seen.has(v.id) && seen.add(v.id))
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  assert.deepEqual(violations, [], `axe violations on ${label}`);
}
