// Every page, and the states a user reaches by working (a question and its
// feedback, a mock exam and its results, a graded chart, a filled dashboard,
// an assignment on both sides, the open phone menu), checked with axe-core
// against WCAG 2.2 A and AA and axe's best practices, in light and dark
// themes. A violation fails with the rule, the elements and the fix.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { answerQuiz, startQuiz } from './bank.mjs';
import { appReady, openPage, useApp } from './harness.mjs';

const app = useApp();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * The violations axe finds on the page as it stands, one readable line each.
 * Audited from the top of the page: the sticky header covers whatever
 * scrolls under it, which axe's target-size rule would count against the
 * control beneath.
 */
async function audit(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.evaluate(async (rules) => {
    const { violations } = await window.axe.run(document, { runOnly: rules });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
  }, RULES);
}

async function check(page, where) {
  assert.deepEqual(await audit(page), [], `accessibility problems on ${where}`);
}

async function go(page, path) {
  await page.goto(app.server.url + path);
  await appReady(page);
}

const ROUTES = ['/', '/charts', '/charts/community-acquired-pneumonia/7?doc=1', '/code', '/exam', '/codebook', '/progress', '/assignments', '/instructor', '/about', '/settings', '/no/such/page'];

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark']) {
    test(`every route in the ${colorScheme} theme`, async () => {
      const page = await openPage(app.browser, { colorScheme });
      for (const path of ROUTES) {
        await go(page, path);
        await check(page, `${path} (${colorScheme})`);
      }
      // Pages that wait for the code sets.
      for (const [path, ready] of [
        ['/codebook/icd10cm/S72.001A', 'S72.001A'],
        ['/codebook/icd10pcs/0DTJ4ZZ', '0DTJ4ZZ'],
        ['/code/lap-appendectomy/7', 'Add a principal diagnosis to see the MS-DRG'],
      ]) {
        await go(page, path);
        await page.getByText(ready).first().waitFor({ timeout: 60_000 });
        await check(page, `${path} (${colorScheme})`);
      }
      await page.context().close();
    });
  }

  test('states reached by working: quiz, mock exam, graded chart, dashboard, search', async () => {
    const page = await openPage(app.browser);
    await startQuiz(page, app.server.url, 4, 5);
    await page.getByRole('heading', { name: 'Question 1 of 5' }).waitFor();
    await check(page, 'a quiz question');
    await answerQuiz(page, [false, true, true, true, true]);
    await check(page, 'the quiz summary');
    await page.getByRole('button', { name: 'Question 1: wrong' }).click();
    await page.getByRole('heading', { name: 'Not correct', exact: true }).waitFor();
    await check(page, 'a question with its feedback');

    await go(page, '/exam/mock');
    await page.getByRole('button', { name: 'Start the mock exam' }).click();
    await page.getByRole('heading', { name: 'Question 1 of 150' }).waitFor();
    await page.getByRole('button', { name: 'Flag for review' }).click();
    await check(page, 'a mock exam question');
    await page.getByRole('button', { name: 'Review and submit' }).click();
    await check(page, 'the mock exam review screen');
    await page.getByRole('button', { name: 'Submit the exam', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, submit the exam' }).click();
    await page.waitForURL(/\/exam\/mock\/results\/1$/);
    await page.getByText('How the estimate is worked out').click();
    await check(page, 'mock exam results');

    await go(page, '/code/lap-appendectomy/7');
    await page.getByRole('textbox', { name: 'Diagnosis 1 code' }).fill('K35.80');
    await page.getByRole('button', { name: 'Grade my coding' }).click();
    await page.getByText('Graded and saved to your history.').waitFor({ timeout: 60_000 });
    await check(page, 'a graded chart');

    await go(page, '/progress');
    await check(page, 'the dashboard with progress');

    await go(page, '/codebook');
    await page.getByRole('searchbox', { name: 'Search codes' }).fill('pneumonia');
    await page.getByRole('link', { name: /^J18\.9/ }).first().waitFor({ timeout: 60_000 });
    await check(page, 'codebook search results');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('an assignment on both sides, and the phone menu', async () => {
    const page = await openPage(app.browser);
    await go(page, '/instructor');
    await page.getByRole('textbox', { name: 'Title' }).fill('Week 1');
    await page.getByRole('combobox', { name: 'Chart', exact: true }).selectOption('lap-appendectomy');
    await page.getByRole('button', { name: 'Add this chart' }).click();
    await check(page, 'the assignment form with a chart');
    await page.getByRole('button', { name: 'Create the assignment' }).click();
    const link = await page.getByRole('textbox', { name: 'Link for students to “Week 1”' }).inputValue();
    await check(page, 'the instructor page with an assignment');
    await page.goto(link);
    await appReady(page);
    await page.getByRole('article', { name: 'Week 1' }).waitFor();
    await check(page, 'a student’s assignment');
    await page.getByRole('textbox', { name: 'Your name, as your instructor knows you' }).fill('Ana Diaz');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my submission' }).click()]);
    await go(page, '/instructor');
    await page.getByLabel('Choose submission files').setInputFiles(await download.path());
    await page.getByRole('row', { name: /^Ana Diaz/ }).waitFor({ timeout: 60_000 });
    for (const summary of await page.locator('.class-analysis summary, .student-work summary').all()) await summary.click();
    await check(page, 'class results, every detail open');
    await go(page, '/assignments');
    await page.getByRole('link', { name: /^Code “/ }).click();
    await page.getByText('This chart is part of your assignment “Week 1”', { exact: false }).waitFor();
    await check(page, 'a chart of an assignment');

    const phone = await openPage(app.browser, { viewport: { width: 360, height: 740 } });
    await go(phone, '/');
    await phone.getByRole('button', { name: 'Menu' }).click();
    await phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).waitFor();
    await check(phone, 'the open phone menu');
    await phone.context().close();
    await page.context().close();
  });
});
