// An assignment from start to finish: the instructor makes it and shares
// its link; a student opens the link, answers its questions, codes its
// chart and hands in a submission file; the instructor imports the file
// and sees it graded here, the same score the student saw. Bad links and
// tampered files are refused.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuiz } from './bank.mjs';
import { appReady, openPage, useApp } from './harness.mjs';

const app = useApp();
const HIT = process.env.HIT_BIN ?? new URL('../../target/debug/hit', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'hit-assignments-'));

async function go(page, path) {
  await page.goto(app.server.url + path);
  await appReady(page);
}

describe('assignments', () => {
  test('made, shared, done, handed in and graded by the instructor', async () => {
    const teacher = await openPage(app.browser);
    await go(teacher, '/instructor');
    // Nothing to assign is refused with a reason.
    await teacher.getByRole('textbox', { name: 'Title' }).fill('Week 3: pneumonia');
    await teacher.getByRole('combobox', { name: 'Number of questions' }).selectOption('0');
    await teacher.getByRole('button', { name: 'Create the assignment' }).click();
    await teacher.getByRole('alert').filter({ hasText: 'Add at least one chart or one question.' }).waitFor();

    await teacher.getByRole('textbox', { name: 'Instructions for students' }).fill('Code the chart, then answer the questions.');
    await teacher.getByLabel('Due date (optional)').fill('2026-12-14');
    await teacher.getByRole('button', { name: 'Add this chart' }).click();
    await teacher.getByRole('alert').filter({ hasText: 'Choose a chart to add first.' }).waitFor();
    await teacher.getByRole('combobox', { name: 'Chart', exact: true }).selectOption('lap-appendectomy');
    await teacher.getByRole('button', { name: 'Add this chart' }).click();
    await teacher.getByRole('combobox', { name: 'Chart', exact: true }).selectOption('community-acquired-pneumonia');
    await teacher.getByRole('button', { name: 'Add this chart' }).click();
    await teacher.getByRole('button', { name: /^Remove Acute appendicitis with laparoscopic appendectomy · Inpatient \(seed \d+\)$/ }).click();
    assert.equal(await teacher.getByRole('button', { name: /^Remove / }).count(), 1);
    await teacher.getByRole('combobox', { name: 'Number of questions' }).selectOption('5');
    await teacher.getByRole('checkbox', { name: /^2\. / }).check();
    await teacher.getByRole('button', { name: 'Create the assignment' }).click();
    await teacher.getByRole('status').filter({ hasText: 'Created “Week 3: pneumonia”' }).waitFor();
    const results = teacher.getByRole('region', { name: 'Week 3: pneumonia' });
    await results.getByText('1 chart · 5 questions · due 2026-12-14').waitFor();
    const link = await results.getByRole('textbox', { name: 'Link for students to “Week 3: pneumonia”' }).inputValue();
    assert.match(link, /\/assignments\?open=1\.[A-Za-z0-9_-]+$/);
    await results.getByText('No submissions yet.', { exact: false }).waitFor();

    // A student in another browser opens the link.
    const student = await openPage(app.browser);
    await student.goto(link);
    await appReady(student);
    await student.getByRole('status').filter({ hasText: 'Added “Week 3: pneumonia” to your assignments.' }).waitFor();
    const card = student.getByRole('article', { name: 'Week 3: pneumonia' });
    await card.getByText('Code the chart, then answer the questions.').waitFor();
    await card.getByText(/^Due 2026-12-14 · opened /).waitFor();
    await card.getByText('0 of 5 answered, 0 right.').waitFor();
    await card.getByText('Not finished: 1 chart and 5 questions to go.', { exact: false }).waitFor();
    // Opening it again changes nothing.
    await student.reload();
    await appReady(student);
    await student.getByRole('status').filter({ hasText: 'is already in your assignments' }).waitFor();
    assert.equal(await student.getByRole('article').count(), 1);

    // The questions, three right.
    await card.getByRole('button', { name: 'Answer the questions of “Week 3: pneumonia”' }).click();
    await answerQuiz(student, [true, false, true, true, false]);
    await student.getByRole('button', { name: 'Finish and go back to your assignments' }).click();
    await card.getByText('5 of 5 answered, 3 right.').waitFor();
    await card.getByText('Not finished: 1 chart to go.', { exact: false }).waitFor();
    assert.equal(await card.getByRole('button', { name: /questions of “Week 3/ }).count(), 0, 'nothing left to answer');

    // The chart, coded with its principal diagnosis only.
    const chartLink = card.getByRole('link', { name: /^Code “Community-acquired pneumonia” \(seed \d+\)$/ });
    const seed = (await chartLink.textContent()).match(/seed (\d+)/)[1];
    const key = JSON.parse(execFileSync(HIT, ['chart', 'community-acquired-pneumonia', seed, '--json'], { encoding: 'utf8' })).key;
    await chartLink.click();
    await appReady(student);
    await student.getByText('This chart is part of your assignment “Week 3: pneumonia”: your first graded attempt is the one your instructor sees.').waitFor();
    await student.getByRole('textbox', { name: 'Diagnosis 1 code' }).fill(key.principal_dx.code);
    await student.getByRole('button', { name: 'Grade my coding' }).click();
    await student.getByText('Graded and saved to your history.').waitFor({ timeout: 60_000 });
    await student.getByText(/the attempt your instructor sees scored [\d.]+%\. Grading again is practice\./).waitFor();
    await go(student, '/assignments');
    const graded = await card.getByText(/^Graded: \d+\.\d%$/).textContent();
    const percent = graded.match(/([\d.]+)%/)[1];
    assert.ok(Number(percent) > 0 && Number(percent) < 100, graded);
    assert.equal(await card.getByText('Not finished', { exact: false }).count(), 0);

    // Handing in needs a name.
    await card.getByRole('textbox', { name: 'Your name, as your instructor knows you' }).fill('');
    await card.getByRole('button', { name: 'Download my submission' }).click();
    await card.getByRole('alert').filter({ hasText: 'Type your name' }).waitFor();
    await card.getByRole('textbox', { name: 'Your name, as your instructor knows you' }).fill('Ana Diaz');
    const [download] = await Promise.all([student.waitForEvent('download'), card.getByRole('button', { name: 'Download my submission' }).click()]);
    assert.equal(download.suggestedFilename(), 'hit-trainer-submission-week-3-pneumonia-ana-diaz.json');
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes('"points"'), 'a submission carries answers, not scores');

    // The instructor imports it (and a tampered copy, and a stray file).
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, text.replace('"Ana Diaz"', '"Someone Else"'));
    const stray = join(dir, 'notes.json');
    writeFileSync(stray, '{"hello": "world"}');
    const chooser = teacher.getByLabel('Choose submission files');
    await chooser.setInputFiles([file, tampered, stray]);
    const log = teacher.getByRole('region', { name: 'Import submissions' });
    await log.getByText('added Ana Diaz\'s submission for “Week 3: pneumonia”', { exact: false }).waitFor();
    await log.getByRole('alert').filter({ hasText: 'tampered.json: This submission has been changed since it was saved' }).waitFor();
    await log.getByRole('alert').filter({ hasText: 'notes.json: This file is not a HIT Trainer submission' }).waitFor();
    const row = results.getByRole('row', { name: /^Ana Diaz/ });
    await row.getByRole('cell', { name: new RegExp(`^${percent.replace('.', '\\.')}%`) }).waitFor({ timeout: 60_000 });
    await row.getByRole('cell', { name: '3 of 5 right' }).waitFor();
    await results.getByText(/^1 submission · class average [\d.]+%$/).waitFor();
    // What to go over with the class, and the student's work code by code.
    await results.getByText('Question by question').click();
    await results.getByRole('row', { name: /^1\. .* 1 of 1 \(100%\)$/ }).waitFor();
    await results.getByRole('row', { name: /^2\. .* 0 of 1 \(0%\)$/ }).waitFor();
    await results.getByText(`Codes in Community-acquired pneumonia (seed ${seed})`).click();
    const principal = results.getByRole('table', { name: `How the class coded each answer-key code of Community-acquired pneumonia (seed ${seed})` }).getByRole('row').nth(1);
    // Coded without its POA indicator: partly right.
    assert.match(await principal.textContent(), new RegExp(`^${key.principal_dx.code.replace('.', '\\.')}.*0 of 1 \\(0%\\)1 of 1 \\(100%\\)0 of 1 \\(0%\\)$`));
    await results.getByText('Ana Diaz’s work').click();
    const work = results.getByRole('table', { name: new RegExp(`^Community-acquired pneumonia \\(seed ${seed}\\): ${percent.replace('.', '\\.')}%$`) });
    const first = work.getByRole('row').nth(1).getByRole('cell');
    assert.deepEqual((await first.allTextContents()).slice(0, 3), [key.principal_dx.code, key.principal_dx.code, 'Wrong POA']);
    await results.getByText('Question 1: right · Question 2: wrong · Question 3: right · Question 4: right · Question 5: wrong').waitFor();
    // The same file again is already here.
    await chooser.setInputFiles(file);
    await log.getByText('was already here', { exact: false }).waitFor();
    assert.equal(await results.getByRole('row', { name: /^Ana Diaz/ }).count(), 1);
    // Results as CSV.
    const [csv] = await Promise.all([teacher.waitForEvent('download'), results.getByRole('link', { name: 'Download results for “Week 3: pneumonia” as CSV' }).click()]);
    const csvText = readFileSync(await csv.path(), 'utf8').trim().split('\n');
    assert.equal(csvText[0], `Student,Submitted (UTC),Community-acquired pneumonia (seed ${seed}) %,Questions right of 5,Overall %`);
    assert.match(csvText[1], new RegExp(`^Ana Diaz,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,${percent.replace('.', '\\.')},3,`));
    // The gradebook survives a reload.
    await teacher.reload();
    await appReady(teacher);
    await results.getByRole('row', { name: /^Ana Diaz/ }).waitFor({ timeout: 60_000 });
    assert.deepEqual(teacher.errors, []);
    assert.deepEqual(student.errors, []);
    await teacher.context().close();
    await student.context().close();
  });

  test('a chart in the viewer can be assigned as it is', async () => {
    const page = await openPage(app.browser);
    await go(page, '/charts/lap-appendectomy/3');
    await page.getByRole('link', { name: 'Assign this chart to a class' }).click();
    await page.getByRole('heading', { name: 'New assignment' }).waitFor();
    await page.getByRole('button', { name: 'Remove Acute appendicitis with laparoscopic appendectomy · Inpatient (seed 3)' }).waitFor();
    // A chart this version does not have is not added.
    await go(page, '/instructor?chart=no-such-case&seed=3');
    assert.equal(await page.getByRole('button', { name: /^Remove / }).count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a damaged link is refused with a reason and adds nothing', async () => {
    const page = await openPage(app.browser);
    await go(page, '/assignments?open=1.not-really-an-assignment');
    await page.getByRole('alert').filter({ hasText: 'This link does not hold an assignment' }).waitFor();
    await page.getByText('No assignments yet.', { exact: false }).waitFor();
    await page.getByRole('textbox', { name: 'Assignment link' }).fill('hello');
    await page.getByRole('button', { name: 'Open the assignment' }).click();
    await page.getByRole('alert').filter({ hasText: 'it has no version' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('hit.assignments')), null);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
