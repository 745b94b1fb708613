// The codebook as a coder uses it: search, details, deep links, table builder.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { appReady, openPage, useApp } from './harness.mjs';

const app = useApp();

/** Opens a codebook URL and waits until the code sets are ready. */
async function openCodebook(path = '/codebook') {
  const page = await openPage(app.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(app.server.url + path);
  await appReady(page);
  await page.waitForFunction(() => performance.getEntriesByName('hit:codes-total').length > 0, null, { timeout: 60_000 });
  return page;
}

describe('codebook', () => {
  test('shows download progress, then finds E11.65 by words in any order', async () => {
    const page = await openPage(app.browser);
    // Hold one file back so the loading state is observable.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/codes/icd10pcs-index.tsv', async (route) => { await held; await route.continue(); });
    await page.goto(app.server.url + '/codebook');
    await appReady(page);
    await page.getByRole('status').filter({ hasText: 'Loading the FY2026 code sets' }).waitFor();
    await page.getByRole('progressbar').first().waitFor();
    // The rest of the app stays usable meanwhile.
    await page.getByRole('link', { name: 'About' }).click();
    await page.getByRole('heading', { level: 1, name: 'About HIT Trainer' }).waitFor();
    await page.getByRole('link', { name: 'Codebook' }).click();
    await page.getByRole('status').filter({ hasText: 'Loading the FY2026 code sets' }).waitFor();
    release();
    await page.waitForFunction(() => performance.getEntriesByName('hit:codes-total').length > 0, null, { timeout: 60_000 });
    const search = page.getByRole('searchbox', { name: 'Search codes' });
    await search.fill('diabetes hyperglycemia type 2');
    const results = page.getByRole('list', { name: 'Search results' }).getByRole('link');
    await results.first().waitFor();
    const top3 = (await results.allTextContents()).slice(0, 3).join(' | ');
    assert.match(top3, /E11\.65/);
    await results.filter({ hasText: 'E11.65' }).click();
    await page.getByRole('heading', { level: 2, name: /E11\.65 Type 2 diabetes mellitus with hyperglycemia/ }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/codebook/icd10cm/E11.65');
    // Inherited notes say where they come from.
    const e11 = page.getByRole('region', { name: 'Notes at E11' });
    await e11.getByText('Use additional code').waitFor();
    await e11.getByText('insulin (Z79.4)').waitFor();
    await page.getByText('Billable', { exact: true }).waitFor();
    // Codes named in notes are links.
    await e11.getByRole('link', { name: 'E10.-' }).click();
    await page.getByRole('heading', { level: 2, name: /^E10 Type 1 diabetes mellitus/ }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('code prefixes list codes and categories say what is missing', async () => {
    const page = await openCodebook();
    await page.getByRole('searchbox', { name: 'Search codes' }).fill('E11.6');
    const first = page.getByRole('list', { name: 'Search results' }).getByRole('link').first();
    assert.match(await first.textContent(), /^E11\.6\b/);
    await first.click();
    await page.getByText('Not billable', { exact: true }).waitFor();
    await page.getByText(/add more characters/).waitFor();
    await page.getByRole('link', { name: /E11\.65/ }).first().waitFor();
    await page.context().close();
  });

  test('deep link to a 7th-character code shows its choices', async () => {
    const page = await openCodebook('/codebook/icd10cm/S72.001A');
    await page.getByRole('heading', { level: 2, name: /S72\.001A .*initial encounter for closed fracture/ }).waitFor();
    await page.getByRole('columnheader', { name: 'Meaning' }).waitFor();
    assert.equal(await page.getByRole('row').filter({ hasText: 'sequela' }).count(), 1);
    await page.getByRole('navigation', { name: 'Hierarchy' }).getByRole('link', { name: 'S72', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Notes at S72' }).getByText('Excludes1').waitFor();
    await page.context().close();
  });

  test('deep link to a PCS code explains each character', async () => {
    const page = await openCodebook('/codebook/icd10pcs/0DTJ4ZZ');
    await page.getByRole('heading', { level: 2, name: /0DTJ4ZZ Resection Appendix/ }).waitFor();
    const rows = page.getByRole('row');
    assert.equal(await rows.count(), 8);
    await rows.filter({ hasText: 'Percutaneous Endoscopic' }).first().waitFor();
    await page.getByText(/Cutting out or off, without replacement/).waitFor();
    assert.ok(await page.getByRole('radio', { name: 'ICD-10-PCS' }).isChecked());
    await page.context().close();
  });

  test('the PCS table builder offers only valid values and reaches a code', async () => {
    const page = await openCodebook();
    await page.getByRole('radio', { name: 'ICD-10-PCS' }).check();
    await page.getByRole('heading', { name: 'PCS table builder' }).waitFor();
    for (const [heading, choice] of [
      ['Character 1: Section', '0 Medical and Surgical'],
      ['Character 2: Body System', 'D Gastrointestinal System'],
      ['Character 3: Operation', 'T Resection'],
      ['Character 4: Body Part', 'J Appendix'],
      ['Character 5: Approach', '4 Percutaneous Endoscopic'],
      ['Character 6: Device', 'Z No Device'],
      ['Character 7: Qualifier', 'Z No Qualifier'],
    ]) {
      await page.getByRole('heading', { name: heading }).waitFor();
      await page.getByRole('button', { name: choice, exact: true }).click();
    }
    // Body parts under 0DT never include values the table lacks.
    await page.getByRole('link', { name: 'View 0DTJ4ZZ' }).click();
    await page.getByRole('heading', { level: 2, name: /0DTJ4ZZ/ }).waitFor();
    await page.context().close();
  });

  test('a PCS index entry opens the builder at its partial code', async () => {
    const page = await openCodebook();
    await page.getByRole('radio', { name: 'ICD-10-PCS' }).check();
    await page.getByRole('searchbox', { name: 'Search codes' }).fill('cholecystectomy');
    await page.getByRole('link', { name: /^0FT4 Cholecystectomy/ }).click();
    await page.getByRole('heading', { name: 'Character 5: Approach' }).waitFor();
    await page.getByText('Code so far: 0FT4').or(page.getByLabel('Code so far: 0FT4')).first().waitFor();
    await page.getByRole('button', { name: '4 Percutaneous Endoscopic', exact: true }).click();
    await page.getByRole('heading', { name: 'Character 6: Device' }).waitFor();
    await page.context().close();
  });

  test('invalid codes in a link get a reason, not a crash', async () => {
    const page = await openCodebook('/codebook/icd10cm/S0000A');
    await page.getByText('Not a valid code').waitFor();
    await page.getByText(/missing placeholder X: did you mean S00\.00XA\?/).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('screenshot of a code', async () => {
    const page = await openCodebook('/codebook/icd10cm/E11.65');
    const dir = new URL('../../target/e2e-screenshots/', import.meta.url).pathname;
    await mkdir(dir, { recursive: true });
    await page.getByRole('searchbox', { name: 'Search codes' }).fill('diabetes hyperglycemia');
    await page.screenshot({ path: `${dir}codebook-e11.65.png`, fullPage: true });
    await page.context().close();
  });
});
