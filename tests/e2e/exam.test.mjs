// Exam prep as a candidate uses it: practice with instant feedback, a custom
// quiz that resumes after a reload, a calculation drill with its worked
// solution, and the mock exam (flags, navigator, reload, review screen,
// submit, results, and the clock submitting it). Answers are looked up in
// the bank printed by the native CLI (`hit quiz sample`).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appReady, openPage, useApp } from './harness.mjs';

const app = useApp();
const HIT = process.env.HIT_BIN ?? new URL('../../target/debug/hit', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const bank = new Map(
  execFileSync(HIT, ['quiz', 'sample', '--count', '100000', '--json'], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .map((i) => [i.id, i]),
);

async function open(path, setup) {
  const page = await openPage(app.browser, { viewport: { width: 1300, height: 1000 } });
  if (setup) await setup(page);
  await page.goto(app.server.url + path);
  await appReady(page);
  return page;
}

/** The item on screen, from the bank (calculation items are not in it). */
async function shownItem(page) {
  const id = await page.locator('form[data-item]').getAttribute('data-item');
  return { id, item: bank.get(id) };
}

/** Ticks the right (or a wrong) option of the item on screen by its accessible name. */
async function choose(page, item, right) {
  const correct = item.answer.map((i) => item.options[i].text);
  const wrong = item.options.map((o) => o.text).filter((t) => !correct.includes(t));
  const picks = right ? correct : item.choose > 1 ? wrong.slice(0, item.choose) : [wrong[0]];
  const role = item.type === 'multiple' ? 'checkbox' : 'radio';
  for (const text of picks) await page.getByRole(role, { name: text, exact: true }).check();
}

const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);

describe('exam prep', () => {
  test('the CLI prints the whole bank: at least 400 + 40 items, each with its answer', () => {
    const items = [...bank.values()];
    assert.ok(items.filter((i) => i.type === 'single').length >= 400);
    assert.ok(items.filter((i) => i.type === 'multiple').length >= 40);
    for (const i of items) assert.equal(i.answer.length, i.choose, i.id);
  });

  test('a custom quiz gives feedback at once, keeps flags, resumes after a reload and sums up', async () => {
    const page = await open('/exam');
    await page.getByRole('checkbox', { name: '2. Access, Disclosure, Privacy and Security' }).check();
    await page.getByRole('combobox', { name: 'Number of questions' }).selectOption('5');
    await page.getByRole('checkbox', { name: 'Include calculation questions' }).uncheck();
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.getByRole('heading', { name: 'Question 1 of 5' }).waitFor();

    // Checking with nothing chosen says so.
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByText('Choose an answer first.').waitFor();

    const first = await shownItem(page);
    assert.equal(first.item.domain, 2);
    await choose(page, first.item, true);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByRole('heading', { name: 'Correct', exact: true }).waitFor();
    await page.getByText(first.item.reference, { exact: false }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Check answer' }).count(), 0, 'answered once');
    await page.getByRole('button', { name: 'Flag for review' }).click();
    await page.getByRole('button', { name: 'Flagged for review' }).waitFor();
    await page.getByRole('button', { name: 'Next question' }).click();

    await page.getByRole('heading', { name: 'Question 2 of 5' }).waitFor();
    const second = await shownItem(page);
    await choose(page, second.item, false);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByRole('heading', { name: 'Not correct' }).waitFor();
    await page.getByText(/^The answers?: /).waitFor();

    // A reload resumes on the same question, with its feedback.
    await page.reload();
    await appReady(page);
    await page.getByRole('heading', { name: 'Question 2 of 5' }).waitFor();
    assert.equal((await shownItem(page)).id, second.id);
    await page.getByRole('heading', { name: 'Not correct' }).waitFor();

    // The hub offers to resume it and counts the miss.
    await page.goto(app.server.url + '/exam');
    await appReady(page);
    await page.getByText('Custom quiz: 2 of 5 answered.').waitFor();
    await page.getByText('1 question you got wrong last time.').waitFor();
    await page.getByRole('link', { name: 'Resume “Custom quiz”' }).click();

    for (let n = 3; n <= 5; n++) {
      await page.getByRole('button', { name: n === 3 ? 'Next question' : 'Next question' }).click();
      await page.getByRole('heading', { name: `Question ${n} of 5` }).waitFor();
      await choose(page, (await shownItem(page)).item, true);
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.getByRole('heading', { name: 'Correct', exact: true }).waitFor();
    }
    await page.getByRole('button', { name: 'See your results' }).click();
    await page.getByRole('heading', { name: 'You got 4 of 5 right (80%)' }).waitFor();
    await page.getByRole('button', { name: 'Question 2: wrong' }).waitFor();

    // Stored compactly: item ids once, answers as [item, right, time, seconds].
    const history = await stored(page, 'hit.quiz-history');
    assert.equal(history.data.a.length, 5);
    assert.deepEqual(Object.entries(history.data.flags).filter(([, [on]]) => on === 1).map(([id]) => id), [first.id]);
    const missed = history.data.items.findIndex(([id]) => id === second.id);
    assert.equal(history.data.a.find((a) => a[0] === missed)[1], 0);

    // Retrying the missed one asks exactly that question.
    await page.getByRole('button', { name: 'Retry the questions you missed' }).click();
    await page.getByRole('heading', { name: 'Question 1 of 1' }).waitFor();
    assert.equal((await shownItem(page)).id, second.id);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a question can be answered with the keyboard alone, and focus follows', async () => {
    const page = await open('/exam');
    await page.getByRole('button', { name: 'Start a quick 10' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Question 1 of 10' }).waitFor();
    const { item } = await shownItem(page);
    const first = page.locator('.item-option input').first();
    await first.focus();
    if (item?.type === 'multiple') {
      await page.keyboard.press('Space');
      for (let n = 1; n < item.choose; n++) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('Space');
      }
      await page.locator('.item-option input').last().focus();
    } else {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Check answer');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^(Correct|Not correct)$/ }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'feedback-heading');
    await page.getByRole('button', { name: 'Next question' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Question 2 of 10' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'question-heading');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a calculation drill states its rounding and shows a worked solution', async () => {
    const page = await open('/exam');
    await page.getByRole('combobox', { name: 'Calculation' }).selectOption({ label: 'Case-mix index' });
    await page.getByRole('button', { name: 'Start the drill' }).click();
    await page.getByRole('heading', { name: 'Question 1 of 5' }).waitFor();
    const { id } = await shownItem(page);
    assert.match(id, /^calc-cmi-\d+$/);
    await page.getByText(/Round to/).first().waitFor();
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByRole('heading', { name: /^(Correct|Not correct)$/ }).waitFor();
    await page.getByText(/^The answer: /).waitFor();
    // Each option explains itself.
    assert.equal(await page.locator('.option-reason').count(), 4);
    await page.getByRole('button', { name: 'Next question' }).click();
    const next = await shownItem(page);
    assert.notEqual(next.id, id, 'new numbers each question');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the mock exam: flag, navigate, reload, review, submit and read the results', async () => {
    const page = await open('/exam/mock');
    await page.getByRole('button', { name: 'Start the mock exam' }).click();
    await page.getByRole('heading', { name: 'Question 1 of 150' }).waitFor();
    assert.match(await page.getByRole('timer', { name: 'Time left' }).textContent(), /^3:(30:00|29:\d\d)$/);

    // No feedback while the exam is under way.
    const q1 = await shownItem(page);
    await choose(page, q1.item, true);
    assert.equal(await page.getByRole('heading', { name: /^(Correct|Not correct)$/ }).count(), 0);
    await page.getByText('1 of 150 answered').waitFor();
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByRole('heading', { name: 'Question 2 of 150' }).waitFor();
    await page.getByRole('button', { name: 'Flag for review' }).click();

    const nav = page.getByRole('navigation', { name: 'Question navigator' });
    await nav.getByRole('button', { name: 'Question 2, not answered, flagged' }).waitFor();
    await nav.getByRole('button', { name: 'Question 1, answered' }).waitFor();
    await nav.getByRole('button', { name: 'Question 10, not answered' }).click();
    await page.getByRole('heading', { name: 'Question 10 of 150' }).waitFor();

    // The exam is in storage, compactly, and survives a reload on question 10.
    const saved = await stored(page, 'hit.mock-exam');
    assert.equal(saved.data.exam.slots.length, 150);
    assert.equal(saved.data.exam.slots.filter((s) => s.pretest).length, 20);
    assert.ok(JSON.stringify(saved).length < 12_000, `mock exam record is ${JSON.stringify(saved).length} bytes`);
    await page.reload();
    await appReady(page);
    await page.getByRole('heading', { name: 'Question 10 of 150' }).waitFor();
    await nav.getByRole('button', { name: 'Question 1, answered' }).waitFor();
    await page.getByRole('button', { name: 'Previous question' }).click();
    await page.getByRole('heading', { name: 'Question 9 of 150' }).waitFor();

    // The review screen lists what is open and submits after a confirmation.
    await page.getByRole('button', { name: 'Review and submit' }).click();
    await page.getByText('1 of 150 answered, 149 not answered, 1 flagged for review.').waitFor();
    await page.getByRole('radio', { name: 'Flagged' }).check();
    const list = page.locator('.review-list');
    assert.deepEqual(await list.getByRole('button').allTextContents(), ['Question 2: not answered, flagged']);
    await page.getByRole('button', { name: 'Submit the exam', exact: true }).click();
    await page.getByText(/Submit with 149 questions not answered\?/).waitFor();
    await page.getByRole('button', { name: 'Keep working' }).click();
    await page.getByRole('button', { name: 'Submit the exam', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, submit the exam' }).click();

    await page.waitForURL(/\/exam\/mock\/results\/1$/);
    await page.getByRole('heading', { name: /^Estimated scaled score: \d+$/ }).waitFor();
    await page.getByText('How the estimate is worked out').click();
    await page.getByText(/does not publish how many correct answers a pass takes/).waitFor();
    const domains = page.getByRole('table', { name: 'Scored questions right in each RHIT domain' }).getByRole('row');
    assert.equal(await domains.count(), 7, 'a header and six domains');
    const review = page.locator('.result-items > li');
    assert.equal(await review.count(), 150);
    await page.getByText(/^Question 1: (right|wrong), \d+ seconds/).click();
    await page.getByText(/^Reference: /).first().waitFor();
    assert.equal(await stored(page, 'hit.mock-exam').then((r) => r.data.exam), null, 'nothing left in progress');
    assert.equal((await stored(page, 'hit.mock-exams')).data.exams.length, 1);

    // The hub lists the result.
    await page.goto(app.server.url + '/exam');
    await appReady(page);
    await page.getByRole('link', { name: /^Mock exam 1, / }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the clock submits the mock exam when time runs out', async () => {
    const page = await open('/exam/mock', (p) => p.clock.install());
    await page.getByRole('button', { name: 'Start the mock exam' }).click();
    await page.getByRole('heading', { name: 'Question 1 of 150' }).waitFor();
    await page.locator('.item-option input').first().check();
    await page.clock.fastForward('03:29:50');
    await page.getByRole('timer', { name: 'Time left' }).filter({ hasText: /^0:00:\d\d$/ }).waitFor();
    await page.clock.fastForward('00:00:15');
    await page.waitForURL(/\/exam\/mock\/results\/1$/);
    await page.getByText('Time ran out, so the exam was submitted with the answers you had given.').waitFor();
    assert.equal((await stored(page, 'hit.mock-exams')).data.exams[0].timed_out, true);

    await page.context().close();
  });

  test('a mock exam whose time ran out while no tab was open is submitted on return', async () => {
    const page = await open('/exam/mock');
    await page.getByRole('button', { name: 'Start the mock exam' }).click();
    await page.getByRole('heading', { name: 'Question 1 of 150' }).waitFor();
    await page.locator('.item-option input').first().check();
    await page.getByText('1 of 150 answered').waitFor();
    // Leave the exam, then let its deadline pass.
    await page.goto(app.server.url + '/about');
    await appReady(page);
    await page.evaluate(() => {
      const record = JSON.parse(localStorage.getItem('hit.mock-exam'));
      record.data.exam.deadline_ms = Date.now() - 60_000;
      localStorage.setItem('hit.mock-exam', JSON.stringify(record));
    });
    await page.goto(app.server.url + '/exam');
    await appReady(page);
    await page.getByRole('link', { name: /^Mock exam 1, / }).click();
    await page.getByText('Time ran out, so the exam was submitted with the answers you had given.').waitFor();
    await page.getByText(/^You answered 1 of 150 questions/).waitFor();
    assert.equal((await stored(page, 'hit.mock-exam')).data.exam, null);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
