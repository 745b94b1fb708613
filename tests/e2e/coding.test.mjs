// The coding workspace as a student uses it: code a chart beside it, check
// codes as they are typed, reorder by keyboard and pointer, use the codebook
// panel, see the live MS-DRG, grade, and find the attempt in the history.
// Expected figures come from the native CLI (`hit group`, `hit grade`).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appReady, openPage, useApp } from './harness.mjs';

const app = useApp();
const HIT = process.env.HIT_BIN ?? new URL('../../target/debug/hit', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const hit = (...args) => execFileSync(HIT, args, { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 << 20 });

const CASE = 'lap-appendectomy';
const SEED = 7;
const chart = JSON.parse(hit('chart', CASE, String(SEED), '--json'));
const sex = chart.patient.sex;
const age = String(chart.patient.age);
const drgOf = (pdx, sdx, procs) => {
  const args = ['group', '--pdx', pdx, '--age', age, '--sex', sex, '--discharge-status', chart.key.discharge_disposition, '--json'];
  if (sdx.length) args.push('--sdx', ...sdx);
  if (procs.length) args.push('--proc', ...procs);
  return JSON.parse(hit(...args));
};

async function open(path) {
  const page = await openPage(app.browser, { viewport: { width: 1400, height: 1000 } });
  await page.goto(app.server.url + path);
  await appReady(page);
  return page;
}

const dxInput = (page, n) => page.getByRole('textbox', { name: `Diagnosis ${n} code` });
const rows = (page) => page.getByRole('list', { name: 'Your diagnosis codes' }).getByRole('listitem');

describe('coding workspace', () => {
  test('a chart opens in the workspace; codes are checked as typed and the MS-DRG follows the coding', async () => {
    const page = await open(`/charts/${CASE}/${SEED}`);
    await page.getByRole('link', { name: 'Code this chart' }).click();
    await page.getByRole('heading', { name: 'Your coding', exact: true }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/code/${CASE}/${SEED}`);
    // The chart is beside the form: its documents are navigable here.
    await page.getByRole('navigation', { name: 'Documents in this chart' }).getByRole('link').nth(1).click();
    assert.match(page.url(), /\?doc=1$/);

    const first = dxInput(page, 1);
    await first.fill('K35');
    await page.getByText('not billable').first().waitFor({ timeout: 60_000 });
    await first.fill('K35.80');
    await page.getByText('Unspecified acute appendicitis').waitFor();
    await page.getByText('Choose a POA indicator').waitFor();
    await page.getByRole('combobox', { name: 'POA indicator for K35.80' }).selectOption('Y');
    await page.getByText('Choose a POA indicator').waitFor({ state: 'detached' });

    const medical = drgOf('K35.80', [], []);
    const live = page.getByRole('region', { name: 'MS-DRG for your coding' });
    await live.getByText(`MS-DRG ${medical.drg}`).waitFor();

    // A code from the other code set is caught.
    await page.getByRole('button', { name: 'Add a diagnosis' }).click();
    const second = dxInput(page, 2);
    assert.equal(await second.evaluate((el) => el === document.activeElement), true, 'the new line has focus');
    await second.fill('0DTJ4ZZ');
    await page.getByText('is an ICD-10-PCS procedure code; add it under procedures').waitFor();
    await second.fill('J45.909');
    await page.getByRole('combobox', { name: 'POA indicator for J45.909' }).selectOption('Y');

    // Keyboard reorder: J45.909 up to principal, and focus stays with it.
    await page.getByRole('button', { name: 'Move J45.909 up' }).focus();
    await page.keyboard.press('Enter');
    await rows(page).first().getByText('Principal').waitFor();
    assert.equal(await dxInput(page, 1).inputValue(), 'J45.909');
    assert.equal(await dxInput(page, 1).evaluate((el) => el === document.activeElement), true);
    await live.getByText(`MS-DRG ${drgOf('J45.909', ['K35.80'], []).drg}`).waitFor();

    // Pointer reorder: drag K35.80 back to the top.
    await rows(page).nth(1).locator('.drag-handle').dragTo(rows(page).first());
    await page.waitForFunction(() => document.querySelector('#main input.code-input')?.value === 'K35.80');

    // The codebook panel adds the procedure.
    const finder = page.getByRole('region', { name: 'Codebook' });
    await finder.getByRole('radio', { name: 'ICD-10-PCS' }).check();
    await finder.getByRole('searchbox', { name: 'Search codes' }).fill('0DTJ4ZZ');
    await finder.getByRole('button', { name: 'Add 0DTJ4ZZ to my codes' }).click();
    await page.getByRole('textbox', { name: 'Procedure 1 code' }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Procedure 1 code' }).inputValue(), '0DTJ4ZZ');
    await page.getByRole('combobox', { name: 'Date of 0DTJ4ZZ' }).selectOption(chart.key.procedures[0].date);
    const surgical = drgOf('K35.80', ['J45.909'], ['0DTJ4ZZ']);
    await live.getByText(`MS-DRG ${surgical.drg}`).waitFor();
    await live.getByText('Surgical DRG from 0DTJ4ZZ').waitFor();

    // Unfinished work survives a reload.
    await page.reload();
    await appReady(page);
    assert.equal(await dxInput(page, 1).inputValue(), 'K35.80');
    assert.equal(await dxInput(page, 2).inputValue(), 'J45.909');
    assert.equal(await page.getByRole('textbox', { name: 'Procedure 1 code' }).inputValue(), '0DTJ4ZZ');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('grading scores every code as the CLI does, prices both MS-DRGs, and lands in the history', async () => {
    const page = await open(`/settings`);
    await page.getByRole('textbox', { name: 'MS-DRG base rate (dollars)' }).fill('7000');
    await page.getByRole('button', { name: 'Save base rate' }).click();
    await page.getByText('Base rate saved').waitFor();
    await page.goto(`${app.server.url}/code/${CASE}/${SEED}`);
    await appReady(page);

    const answer = {
      diagnoses: [{ code: 'K35.890', poa: 'Y' }, { code: 'R10.31', poa: 'N' }],
      procedures: [{ code: '0DTJ0ZZ', date: chart.patient.admitted }],
    };
    await dxInput(page, 1).fill(answer.diagnoses[0].code);
    await page.getByRole('combobox', { name: 'POA indicator for K35.890' }).selectOption('Y');
    await page.getByRole('button', { name: 'Add a diagnosis' }).click();
    await dxInput(page, 2).fill(answer.diagnoses[1].code);
    await page.getByRole('combobox', { name: 'POA indicator for R10.31' }).selectOption('N');
    await page.getByRole('button', { name: 'Add a procedure' }).click();
    await page.getByRole('textbox', { name: 'Procedure 1 code' }).fill('0DTJ0ZZ');
    await page.getByText('Resection Appendix, Open Approach').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Grade my coding' }).click();

    const dir = mkdtempSync(join(tmpdir(), 'hit-e2e-'));
    writeFileSync(join(dir, 'answer.json'), JSON.stringify(answer));
    const expected = JSON.parse(hit('grade', CASE, String(SEED), '--answer', join(dir, 'answer.json'), '--base-rate', '7000'));
    const heading = page.getByRole('heading', { name: `Your score: ${expected.score.percent}%` });
    await heading.waitFor();
    assert.equal(await heading.evaluate((el) => el === document.activeElement), true, 'focus moves to the result');
    const table = page.getByRole('table', { name: 'Each code in the answer key, what you coded, and the points earned' });
    assert.equal(await table.getByRole('row').count(), expected.items.length + 1);
    for (const item of expected.items) {
      await table.getByRole('row').filter({ hasText: item.message }).waitFor();
    }
    await table.getByText('Wrong specificity').first().waitFor();
    await table.getByText('Extra').first().waitFor();
    // Both MS-DRGs, priced at the base rate just saved.
    const payment = (v) => `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const drgTable = page.getByRole('region', { name: 'MS-DRG and payment' });
    const cells = async (text) => drgTable.getByRole('cell', { name: text, exact: true }).count();
    assert.ok((await cells(`${expected.drg.yours.drg} ${expected.drg.yours.description}`)) >= 1);
    assert.ok((await cells(`${expected.drg.correct.drg} ${expected.drg.correct.description}`)) >= 1);
    assert.ok((await cells(payment(expected.drg.correct_payment))) >= 1);
    await page.getByText('Payment at $7,000.00 base rate').waitFor();
    // The rationale comes with the grade.
    await page.getByText(expected.rationale.slice(0, 60)).waitFor();

    await page.getByRole('link', { name: 'Coding' }).first().click();
    const history = page.getByRole('table', { name: 'Your graded coding attempts, newest first' });
    await history.getByRole('row').nth(1).getByText(`${expected.score.percent}%`).waitFor();
    await history.getByRole('link', { name: /seed 7/ }).click();
    await page.getByRole('heading', { name: 'Your coding', exact: true }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('outpatient charts take no POA and no procedures', async () => {
    const ed = JSON.parse(hit('chart', 'ed-distal-radius-fracture', '3', '--json'));
    const page = await open('/code/ed-distal-radius-fracture/3');
    await dxInput(page, 1).fill(ed.key.principal_dx.code);
    await rows(page).first().getByText(/fracture/i).waitFor({ timeout: 60_000 });
    assert.equal(await page.getByRole('combobox', { name: /POA indicator/ }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Add a procedure' }).count(), 0);
    assert.equal(await page.getByRole('region', { name: 'MS-DRG for your coding' }).count(), 0);
    await rows(page).first().getByText('First-listed').waitFor();
    await page.context().close();
  });
});
