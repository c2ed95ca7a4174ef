// Version 2 of the banks asks questions that depend on earlier answers (`show_if`): a prospect
// and a current client get different questions, the progress counts only the questions asked,
// and a remembered answer from the other branch never counts. Also the result's newer parts: the
// "not enough answers" result, a severe answer's chart, and ready-to-send messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp } from './support/app.mjs';
import { signed } from './support/links.mjs';
import {
  BANKS,
  PATHS,
  UI,
  answerUntilResult,
  clickChoice,
  askedQuestions,
  outcomeOf,
  path,
  startQuiz,
  switchLanguage,
  waitForStep,
} from './support/flows.mjs';

const app = useApp();

/// The questions of tipe-klien asked only when `status` is answered with `choice`.
const onlyFor = (choice) =>
  BANKS['tipe-klien'].questions
    .filter((q) => q.show_if?.question === 'status' && q.show_if.choices.length === 1 && q.show_if.choices[0] === choice)
    .map((q) => q.id);
const PROSPECT_ONLY = onlyFor(0);
const CLIENT_ONLY = onlyFor(1);

/// Checks that every question shown said "n of m" with n its place and m the number of questions
/// the answers given so far ask (the oracle in flows.mjs reads the bank's conditions).
function assertProgressFollowsTheAnswers(quiz, asked) {
  const given = {};
  asked.forEach((question, i) => {
    assert.equal(question.n, i + 1, `position of ${question.id}`);
    const expected = askedQuestions(quiz, given);
    assert.ok(expected.includes(question.id), `${question.id} was asked, but the answers so far hide it`);
    assert.equal(question.m, expected.length, `total shown on ${question.id} (question ${i + 1})`);
    given[question.id] = question.choice;
  });
  assert.equal(asked.at(-1).n, asked.at(-1).m, 'the last question is "m of m"');
  assert.deepEqual(
    asked.map((q) => q.id),
    askedQuestions(quiz, given),
    'the questions asked are exactly those the answers call for, in bank order',
  );
}

const reviewIds = (page) =>
  page.locator('[data-testid=review-answer]').evaluateAll((selects) => selects.map((s) => Number(s.id.replace('review-', ''))));

test('the two branches of tipe-klien are told apart: a prospect gets 10 questions, a client 17', () => {
  // What the tests below rely on, read from the bank itself.
  assert.deepEqual(PROSPECT_ONLY, ['kesiapan']);
  assert.ok(CLIENT_ONLY.length >= 8 && CLIENT_ONLY.includes('pembayaran'), CLIENT_ONLY.join());
  assert.equal(askedQuestions('tipe-klien', PATHS['tipe-klien'].prospectIdeal).length, 10);
  assert.equal(askedQuestions('tipe-klien', PATHS['tipe-klien'].clientIdeal).length, 17);
});

test('a prospect is asked only the questions for prospects, and the total follows the answers', async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'tipe-klien');
  const asked = await answerUntilResult(page, path(PATHS['tipe-klien'].prospectIdeal));
  assert.equal(await outcomeOf(page), 'ideal');
  assertProgressFollowsTheAnswers('tipe-klien', asked);
  // Before the first answer the total counts the questions for everyone (8); a prospect keen to
  // start is asked about readiness and expectations: 10 in all.
  assert.deepEqual(asked.map((q) => q.m), [8, 9, 9, 10, 10, 10, 10, 10, 10, 10]);
  const ids = asked.map((q) => q.id);
  assert.ok(ids.includes('kesiapan') && ids.includes('harapan-layanan'), ids.join());
  for (const id of CLIENT_ONLY) assert.ok(!ids.includes(id), `a prospect was asked "${id}", a question for clients`);

  // The review lists the same questions, and the link leaves the client's slots empty.
  await page.click('[data-testid=review] summary');
  assert.deepEqual(await reviewIds(page), asked.map((q) => q.index));
  assert.match(await page.inputValue('[data-testid=share-link]'), /#r1\.tipe-klien\.2\.id\.00--00000000-{9}[0-9a-z]$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an existing client is asked the questions for clients, never the prospect ones', async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'tipe-klien');
  const asked = await answerUntilResult(page, path(PATHS['tipe-klien'].clientIdeal));
  assert.equal(await outcomeOf(page), 'ideal');
  assertProgressFollowsTheAnswers('tipe-klien', asked);
  // From the second question on, the client's total: 17, not the prospect's 9 or 10.
  assert.deepEqual([...new Set(asked.map((q) => q.m))], [8, 17]);
  const ids = asked.map((q) => q.id);
  for (const id of CLIENT_ONLY) assert.ok(ids.includes(id), `a client was not asked "${id}"`);
  for (const id of [...PROSPECT_ONLY, 'harapan-layanan']) assert.ok(!ids.includes(id), `a client was asked "${id}"`);
  await page.click('[data-testid=review] summary');
  assert.deepEqual(await reviewIds(page), asked.map((q) => q.index));
  assert.deepEqual(problems, []);
  await context.close();
});

test('answers that open more questions raise the total as they are given', async () => {
  const { context, page } = await app.open();
  await startQuiz(page, 'tipe-klien');
  // A prospect who came from another provider with a dispute still open there.
  const asked = await answerUntilResult(page, path(PATHS['tipe-klien'].prospectSwitcher));
  assert.equal(await outcomeOf(page), 'pindahan');
  assertProgressFollowsTheAnswers('tipe-klien', asked);
  // 8 for everyone; +1 for a prospect (readiness); +2 for a switcher (old provider, trial);
  // +1 once the prospect wants to start (expectations).
  assert.deepEqual(asked.slice(0, 6).map((q) => q.m), [8, 9, 11, 11, 11, 12]);
  await context.close();
});

test('klien-kecewa asks its follow-up questions only when the answers call for them', async () => {
  const { context, page } = await app.open();
  for (const [name, expected, opened] of [
    ['fix', 'perbaiki', ['penjelasan']],
    ['acceptRefund', 'terima-refund', ['ulasan', 'kemajuan']],
  ]) {
    await page.goto(app.url);
    await startQuiz(page, 'klien-kecewa');
    const asked = await answerUntilResult(page, path(PATHS['klien-kecewa'][name]));
    assert.equal(await outcomeOf(page), expected, name);
    assertProgressFollowsTheAnswers('klien-kecewa', asked);
    const ids = asked.map((q) => q.id);
    const followUps = ['ulasan', 'kemajuan', 'penjelasan'];
    assert.deepEqual(ids.filter((id) => followUps.includes(id)), opened, name);
    assert.ok(asked.length >= 9 && asked.length <= 11, `${name}: ${asked.length} questions`);
  }
  await context.close();
});

test("changing the branch answer on the way back leaves the other branch's answers out", async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'tipe-klien');
  // A prospect who declined: the strongest "not ready" answer.
  await clickChoice(page, 0);
  await waitForStep(page, 2, 9);
  await clickChoice(page, 0);
  await waitForStep(page, 3, 9);
  await clickChoice(page, 1);
  await waitForStep(page, 4, 9);
  // Back to the first question: now it is a current client.
  for (const step of [3, 2, 1]) {
    await page.click('[data-testid=back]');
    await waitForStep(page, step, 9);
  }
  await clickChoice(page, 1);
  await waitForStep(page, 2, 17);
  const asked = await answerUntilResult(page, path(PATHS['tipe-klien'].clientIdeal));
  assert.ok(!asked.some((q) => q.id === 'kesiapan'), 'the readiness question came back');
  // The remembered "declined" answer would make this "not ready yet"; it does not count.
  assert.equal(await outcomeOf(page), 'ideal');
  assert.match(await page.inputValue('[data-testid=share-link]'), /#r1\.tipe-klien\.2\.id\.10----0{15}[0-9a-z]$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the advice follows the branch: a prospect is told to decline, a client to put terms in writing or end', async () => {
  const advice = (id) => BANKS['tipe-klien'].advice.find((a) => a.id === id).text.id;
  const [decline, inWriting, end] = ['s-tolak', 's-tulis-ulang', 's-akhiri'].map(advice);
  const { context, page } = await app.open();
  await startQuiz(page, 'tipe-klien');
  // A prospect who is rude during the negotiation.
  await answerUntilResult(page, (id) => ({ status: 0, kesiapan: 0, bahasa: 2 })[id] ?? null);
  assert.equal(await outcomeOf(page), 'bermasalah');
  // The whole plan: its first steps and the ones folded below them.
  const prospectPlan = await page.textContent('.plan-all');
  assert.ok(prospectPlan.includes(decline), prospectPlan);
  assert.ok(!prospectPlan.includes(inWriting) && !prospectPlan.includes(end), prospectPlan);

  await page.goto(app.url);
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientSwears));
  assert.equal(await outcomeOf(page), 'bermasalah');
  const clientPlan = await page.textContent('.plan-all');
  assert.ok(clientPlan.includes(inWriting) && clientPlan.includes(end), clientPlan);
  assert.ok(!clientPlan.includes(decline), clientPlan);
  await context.close();
});

for (const quiz of ['tipe-klien', 'klien-kecewa']) {
  test(`${quiz}: skipping everything gives the "not enough answers" result (data-outcome="none")`, async () => {
    const { context, page, problems } = await app.open();
    await startQuiz(page, quiz);
    const asked = await answerUntilResult(page, () => null);
    // With the branching questions unanswered, only the questions for everyone are asked.
    assert.deepEqual(asked.map((q) => q.id), askedQuestions(quiz, {}));
    assert.equal(await outcomeOf(page), 'none');
    assert.equal((await page.textContent('#screen-heading')).trim(), UI['no-evidence-heading'].id);
    assert.equal(await page.locator('.scores, .plan, [data-testid=share-link]').count(), 0, 'no chart, plan or link');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('"don\'t know" everywhere is no evidence either', async () => {
  const { context, page } = await app.open();
  await startQuiz(page, 'tipe-klien');
  // The last choice of every question a prospect keen to start is asked is "don't know" or
  // "not discussed yet"; the first question itself carries no weight.
  const noWeight = (id, question) => {
    const bankQuestion = BANKS['tipe-klien'].questions[question.index];
    if (id === 'status' || id === 'kesiapan') return 0;
    const last = bankQuestion.choices.length - 1;
    assert.equal(bankQuestion.choices[last].weights, undefined, `the last choice of ${id} carries weight`);
    return last;
  };
  await answerUntilResult(page, noWeight);
  assert.equal(await outcomeOf(page), 'none');
  await context.close();
});

test('a severe answer decides: the avoid bar is "bad", the ideal row is ruled out at 0', async () => {
  const { context, page, problems } = await app.open();
  await startQuiz(page, 'tipe-klien');
  // An otherwise perfect client who swears the moment something breaks.
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientSwears));
  assert.equal(await outcomeOf(page), 'bermasalah');
  const rows = () =>
    page.locator('.scores .score').evaluateAll((items) =>
      items.map((li) => ({
        classes: [...li.classList],
        name: li.querySelector('.score-name').textContent.trim(),
        value: li.querySelector('.score-value').textContent.trim(),
        width: li.querySelector('.fill').getAttribute('width'),
      })),
    );
  const outcomes = BANKS['tipe-klien'].outcomes;
  const named = (list, id) => list.find((row) => row.name === outcomes.find((o) => o.id === id).name.id || row.name === outcomes.find((o) => o.id === id).name.en);

  let chart = await rows();
  assert.equal(chart.length, outcomes.length);
  // Every bar carries its outcome's tone.
  for (const outcome of outcomes) assert.ok(named(chart, outcome.id).classes.includes(outcome.tone), `${outcome.id}: ${named(chart, outcome.id).classes}`);
  const avoid = named(chart, 'bermasalah');
  assert.deepEqual(avoid.classes.filter((c) => c !== 'score').sort(), ['bad', 'primary']);
  assert.match(avoid.value, /^100\D+100$/);
  const ideal = named(chart, 'ideal');
  assert.ok(ideal.classes.includes('good') && !ideal.classes.includes('primary'));
  assert.equal(ideal.value, UI['ruled-out'].id);
  assert.equal(ideal.width, '0');
  const avoidName = outcomes.find((o) => o.id === 'bermasalah').name;
  assert.ok((await page.textContent('#screen-heading')).includes(avoidName.id));
  const rude = BANKS['tipe-klien'].flags.find((f) => f.id === 'kata-kasar').label;
  assert.ok((await page.textContent('.flags')).includes(rude.id));

  await switchLanguage(page, 'en');
  chart = await rows();
  assert.equal(named(chart, 'ideal').value, UI['ruled-out'].en);
  assert.equal(named(chart, 'ideal').width, '0');
  assert.ok(named(chart, 'bermasalah').classes.includes('bad'));
  assert.ok((await page.textContent('#screen-heading')).includes(avoidName.en));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a ready-to-send message opens and copies, and the feedback says so, in both languages', async () => {
  const { context, page, problems } = await app.open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.origin });
  await startQuiz(page, 'tipe-klien');
  await answerUntilResult(page, path(PATHS['tipe-klien'].clientSwears));

  // A message goes with exactly the plan steps whose advice has one in the bank.
  const advice = BANKS['tipe-klien'].advice;
  const steps = await page.locator('ol.plan').first().locator(':scope > li').evaluateAll((items) =>
    items.map((li) => ({ text: li.firstChild.textContent.trim(), message: li.querySelector('[data-testid=message]') !== null })),
  );
  assert.ok(steps.length > 0);
  for (const step of steps) {
    const item = advice.find((a) => a.text.id === step.text);
    assert.ok(item, `no advice reads "${step.text}"`);
    assert.equal(step.message, item.message !== undefined, `message on "${item.id}"`);
  }

  const message = page.locator('[data-testid=message]').first();
  const text = message.locator('.message-text');
  assert.equal(await text.isVisible(), false, 'the message starts closed');
  await message.locator('summary').click();
  assert.equal((await message.locator('summary').textContent()).trim(), UI['message-to-send'].id);
  assert.equal(await text.isVisible(), true);
  const expected = advice.find((a) => a.text.id === steps.find((s) => s.message).text).message;
  assert.equal((await text.textContent()).trim(), expected.id);
  await message.locator('button').click();
  await message.locator('.copy-feedback').filter({ hasText: UI['message-copied'].id }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.id);
  // Only the message copied says so.
  assert.equal(await page.locator('[data-testid=copy-feedback]').textContent(), '');

  await switchLanguage(page, 'en');
  await message.locator('summary').filter({ hasText: UI['message-to-send'].en }).waitFor();
  if (!(await text.isVisible())) await message.locator('summary').click();
  assert.equal((await text.textContent()).trim(), expected.en);
  await message.locator('button').click();
  await message.locator('.copy-feedback').filter({ hasText: UI['message-copied'].en }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.en);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a valid version 2 link opens its result with the questions its answers ask', async () => {
  const link = signed('r1.tipe-klien.2.id.1312--013201320132012');
  const { context, page, problems } = await app.open(`${app.url}#${link}`);
  await page.waitForSelector('[data-testid=result]');
  await page.waitForSelector('[data-testid=shared]');
  await page.click('[data-testid=review] summary');
  // A client who came from another provider: the switcher's and the client's questions, not the
  // prospect's.
  const given = Object.fromEntries(
    BANKS['tipe-klien'].questions.map((q, i) => [q.id, /\d/.test(link.split('.')[4][i]) ? Number(link.split('.')[4][i]) : null]),
  );
  const expected = askedQuestions('tipe-klien', given).map((id) => BANKS['tipe-klien'].questions.findIndex((q) => q.id === id));
  assert.equal(expected.length, 19);
  assert.deepEqual(await reviewIds(page), expected);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const body of ['r1.tipe-klien.2.id.00--000000000--------', 'r1.klien-kecewa.2.id.10000000-00']) {
  test(`a link answering a question its own answers hide is rejected (${body})`, async () => {
    const { context, page, problems } = await app.open(`${app.url}#${signed(body)}`);
    await page.waitForSelector('[data-testid=error]');
    assert.ok((await page.textContent('[data-testid=error]')).includes(UI['error-answers'].id));
    assert.equal(await page.locator('[data-testid=result]').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
