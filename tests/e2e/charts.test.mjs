// The chart library and viewer as a student and an instructor use them.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appReady, openPage, useApp } from './harness.mjs';

const app = useApp();
// The native CLI (built by `make test-e2e`) gives the reference charts.
const HIT = process.env.HIT_BIN ?? new URL('../../target/debug/hit', import.meta.url).pathname;
const hit = (...args) => execFileSync(HIT, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const SCENARIOS = hit('chart', '--list').trim().split('\n').map((line) => JSON.parse(line));

async function open(path, viewport = { width: 1280, height: 900 }) {
  const page = await openPage(app.browser, { viewport });
  await page.goto(app.server.url + path);
  await appReady(page);
  return page;
}

const cases = (page) => page.getByRole('list', { name: 'Cases' }).getByRole('listitem');

describe('chart library', () => {
  test('filters by setting, body system and difficulty, and keeps them in the URL', async () => {
    const page = await open('/charts');
    assert.equal(await cases(page).count(), SCENARIOS.length);
    await page.getByRole('status').filter({ hasText: `Showing ${SCENARIOS.length} of ${SCENARIOS.length} cases` }).waitFor();

    await page.getByRole('combobox', { name: 'Setting' }).selectOption('inpatient');
    const inpatient = SCENARIOS.filter((s) => s.setting === 'inpatient');
    await page.getByRole('status').filter({ hasText: `Showing ${inpatient.length} of` }).waitFor();
    assert.equal(await cases(page).count(), inpatient.length);
    for (const text of await cases(page).allTextContents()) assert.match(text, /Inpatient/);
    assert.match(page.url(), /setting=inpatient/);

    const level = inpatient[0].difficulty;
    await page.getByRole('combobox', { name: 'Difficulty' }).selectOption(String(level));
    const both = inpatient.filter((s) => s.difficulty === level);
    await page.getByRole('status').filter({ hasText: `Showing ${both.length} of` }).waitFor();
    for (const text of await cases(page).allTextContents()) assert.match(text, new RegExp(`Level ${level}`));

    // A reload, or a shared link, shows the same filtered list.
    await page.reload();
    await appReady(page);
    await page.getByRole('status').filter({ hasText: `Showing ${both.length} of` }).waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Setting' }).inputValue(), 'inpatient');

    await page.getByRole('combobox', { name: 'Body system' }).selectOption({ label: 'Respiratory' });
    const titles = await cases(page).getByRole('heading').allTextContents();
    assert.ok(titles.length <= both.length);
    await page.getByRole('combobox', { name: 'Setting' }).selectOption('');
    await page.getByRole('combobox', { name: 'Difficulty' }).selectOption('');
    await page.getByRole('combobox', { name: 'Body system' }).selectOption('');
    await page.getByRole('status').filter({ hasText: `Showing ${SCENARIOS.length} of` }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('"New random chart" opens a chart of a case that matches the filters', async () => {
    const page = await open('/charts?setting=emergency');
    const emergency = new Set(SCENARIOS.filter((s) => s.setting === 'emergency').map((s) => s.id));
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'New random chart' }).click();
      await page.getByRole('region', { name: 'Patient banner' }).waitFor();
      const [, id, seed] = new URL(page.url()).pathname.split('/').slice(1);
      assert.ok(emergency.has(id), `${id} is an emergency case`);
      assert.match(seed, /^\d+$/);
      await page.goBack();
      await page.getByRole('button', { name: 'New random chart' }).waitFor();
    }
    await page.context().close();
  });

  test('a case title opens a new chart of it; a specific seed can be opened by form', async () => {
    const page = await open('/charts');
    const target = SCENARIOS[0];
    await page.getByRole('link', { name: target.title, exact: true }).click();
    await page.getByRole('region', { name: 'Patient banner' }).waitFor();
    assert.match(new URL(page.url()).pathname, new RegExp(`^/charts/${target.id}/\\d+$`));
    await page.getByRole('link', { name: 'Chart library' }).click();

    const seed = page.getByRole('textbox', { name: 'Seed' });
    await page.getByRole('combobox', { name: 'Case' }).selectOption(target.id);
    await seed.fill('twelve');
    await page.getByRole('button', { name: 'Open chart' }).click();
    await page.getByText('Enter the seed as a whole number').waitFor();
    assert.equal(await seed.getAttribute('aria-invalid'), 'true');
    await seed.fill('4242');
    await seed.press('Enter');
    await page.getByRole('region', { name: 'Patient banner' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/charts/${target.id}/4242`);
    await page.context().close();
  });
});

describe('chart viewer', () => {
  test('banner, document navigator, one document at a time, keyboard navigation', async () => {
    const chart = JSON.parse(hit('chart', 'community-acquired-pneumonia', '7', '--json'));
    const page = await open('/charts/community-acquired-pneumonia/7');
    const banner = page.getByRole('region', { name: 'Patient banner' });
    const [first, last] = chart.patient.name.split(' ');
    await banner.getByText(`${last.toUpperCase()}, ${first}`).waitFor();
    for (const fact of [chart.patient.mrn, chart.patient.birth_date, chart.patient.account, 'Inpatient']) {
      await banner.getByText(fact, { exact: false }).first().waitFor();
    }
    const nav = page.getByRole('navigation', { name: 'Documents in this chart' });
    const links = nav.getByRole('link');
    assert.equal(await links.count(), chart.documents.length);
    // The face sheet opens first; only the selected document is shown.
    assert.equal(await links.first().getAttribute('aria-current'), 'page');
    assert.equal(await page.getByRole('article').count(), 1);
    await page.getByRole('article', { name: 'Face Sheet' }).waitFor();

    const labs = chart.documents.findIndex((d) => d.type === 'lab-results');
    await links.nth(labs).focus();
    await page.keyboard.press('Enter');
    const article = page.getByRole('article', { name: chart.documents[labs].title });
    await article.waitFor();
    assert.match(page.url(), new RegExp(`\\?doc=${labs}$`));
    assert.equal(await links.nth(labs).getAttribute('aria-current'), 'page');
    // Results are a real table with column headers and flagged values.
    const table = article.getByRole('table');
    await table.getByRole('columnheader', { name: 'REFERENCE RANGE' }).waitFor();
    await table.getByRole('rowheader', { name: 'WBC' }).waitFor();
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    assert.match(focused, new RegExp(chart.documents[labs].title));

    // The answer key stays closed until asked for.
    const key = page.getByText('Answer key and rationale');
    assert.equal(await page.getByRole('cell', { name: chart.key.principal_dx.code }).isVisible(), false);
    await key.click();
    await page.getByRole('link', { name: chart.key.principal_dx.code }).first().waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('prints the whole chart without the app around it', async () => {
    const page = await open('/charts/lap-appendectomy/5');
    const count = await page.getByRole('navigation', { name: 'Documents in this chart' }).getByRole('link').count();
    await page.emulateMedia({ media: 'print' });
    const visible = await page.locator('article.clinical-document').evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);
    assert.equal(visible, count, 'every document prints');
    for (const name of ['Documents in this chart', 'Main']) {
      assert.equal(await page.getByRole('navigation', { name }).isVisible(), false, `${name} is not printed`);
    }
    assert.equal(await page.getByRole('region', { name: 'Patient banner' }).isVisible(), true);
    await page.context().close();
  });

  test('an unknown case or a malformed seed says what is wrong', async () => {
    const page = await open('/charts/no-such-case/1');
    await page.getByRole('heading', { level: 1, name: 'Chart not found' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'There is no case named “no-such-case”' }).waitFor();
    await page.goto(app.server.url + '/charts/lap-appendectomy/abc');
    await appReady(page);
    await page.getByRole('alert').filter({ hasText: '“abc” is not a seed' }).waitFor();
    await page.getByRole('link', { name: 'Back to the chart library' }).click();
    await page.getByRole('heading', { level: 1, name: 'Charts' }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('every case gives the same chart in the browser (wasm) as in the native CLI', async () => {
    const page = await open('/charts');
    const timings = [];
    let previous = null;
    for (const [i, s] of SCENARIOS.entries()) {
      const seed = [1, 99_999, 2 ** 40 + i][i % 3];
      const native = JSON.parse(hit('chart', s.id, String(seed), '--json'));
      // Client-side navigation, as a user following a link.
      await page.evaluate((path) => { history.pushState(null, '', path); dispatchEvent(new PopStateEvent('popstate')); }, `/charts/${s.id}/${seed}`);
      await page.waitForFunction((p) => location.pathname === p, `/charts/${s.id}/${seed}`);
      // Wait for this chart's download link (each chart gets a new object URL).
      const link = page.getByRole('link', { name: 'Download chart as JSON' });
      await page.waitForFunction((prev) => {
        const a = [...document.querySelectorAll('a[download]')].find((x) => x.textContent === 'Download chart as JSON');
        return a && a.href !== prev;
      }, previous);
      const href = await link.getAttribute('href');
      previous = href;
      const browser = JSON.parse(await page.evaluate((u) => fetch(u).then((r) => r.text()), href));
      assert.deepEqual(browser, native, `${s.id} seed ${seed}`);
      timings.push(await page.evaluate(() => performance.getEntriesByName('hit:chart-generate').at(-1)?.duration ?? -1));
    }
    assert.ok(timings.every((t) => t >= 0), 'each chart generation is measured');
    await page.context().close();
  });
});
