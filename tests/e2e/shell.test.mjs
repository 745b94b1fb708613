// User journeys through the app shell, against the release build.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { appReady, openPage, useApp } from './harness.mjs';

const ROUTES = [
  ['/', /Welcome to HIT Trainer/],
  ['/charts', /^Charts$/],
  ['/code', /^Coding$/],
  ['/exam', /^Exam prep$/],
  ['/codebook', /^Codebook$/],
  ['/progress', /^Progress$/],
  ['/assignments', /^Assignments$/],
  ['/instructor', /^Instructor$/],
  ['/about', /^About HIT Trainer$/],
  ['/settings', /^Settings$/],
  ['/no/such/page', /^Page not found$/],
];

const app = useApp();

describe('every route', () => {
  for (const [path, heading] of ROUTES) {
    test(`${path} renders its page with no console error`, async () => {
      const page = await openPage(app.browser);
      await page.goto(app.server.url + path);
      await appReady(page);
      const h1 = page.getByRole('heading', { level: 1 });
      assert.match((await h1.textContent()).trim(), heading);
      assert.equal(await page.getByRole('banner').count(), 1);
      assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 1);
      assert.equal(await page.getByRole('contentinfo').count(), 1);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }

  test('Home lists every section as available', async () => {
    const page = await openPage(app.browser);
    await page.goto(app.server.url + '/');
    await appReady(page);
    const cards = page.getByRole('main').getByRole('listitem').filter({ has: page.locator('.status-chip') });
    assert.ok((await cards.count()) >= 7);
    for (const card of await cards.all()) {
      const href = await card.getByRole('link').getAttribute('href');
      assert.equal((await card.locator('.status-chip').textContent()).trim(), 'Available', href);
    }
    await page.context().close();
  });

  test('at 360 px wide no page scrolls sideways', async () => {
    const page = await openPage(app.browser, { viewport: { width: 360, height: 740 } });
    const codePages = ['/codebook/icd10cm/S72.001A', '/codebook/icd10pcs/0DTJ4ZZ', '/code/community-acquired-pneumonia/7'];
    for (const path of ['/charts/community-acquired-pneumonia/7?doc=1', '/charts/lap-appendectomy/3?doc=0']) {
      await page.goto(app.server.url + path);
      await appReady(page);
      await page.getByRole('region', { name: 'Patient banner' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    }
    for (const path of codePages) {
      await page.goto(app.server.url + path);
      await appReady(page);
      await page.waitForFunction(() => performance.getEntriesByName('hit:codes-total').length > 0, null, { timeout: 60_000 });
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    }
    for (const [path] of ROUTES) {
      await page.goto(app.server.url + path);
      await appReady(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
    }
    // The menu folds behind a button that opens it.
    const menu = page.getByRole('button', { name: 'Menu' });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('link', { name: 'Codebook' }).isVisible(), false);
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await page.getByRole('link', { name: 'Codebook' }).click();
    await page.getByRole('heading', { level: 1, name: 'Codebook' }).waitFor();
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await page.context().close();
  });
});

describe('layout', () => {
  test('the header stays on one row from phone to desktop widths', async () => {
    for (const width of [360, 414, 768, 1024, 1100, 1160, 1190, 1280, 1600]) {
      const page = await openPage(app.browser, { viewport: { width, height: 800 } });
      await page.goto(app.server.url + '/about');
      await appReady(page);
      const height = await page.getByRole('banner').evaluate((el) => el.getBoundingClientRect().height);
      assert.ok(height <= 64, `header is ${height}px tall at ${width}px wide`);
      await page.context().close();
    }
  });
});

describe('keyboard', () => {
  test('skip link and main navigation work with the keyboard alone', async () => {
    const page = await openPage(app.browser);
    await page.goto(app.server.url + '/');
    await appReady(page);

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    assert.ok(await skip.evaluate((el) => el === document.activeElement), 'first Tab reaches the skip link');
    assert.ok(await skip.isVisible(), 'the focused skip link is visible');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

    // From the top, Tab through the header until the Exam prep link has focus.
    await page.goto(app.server.url + '/');
    await appReady(page);
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement.textContent.trim() === 'Exam prep');
    }
    assert.ok(reached, 'Tab reaches the Exam prep link');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(ring, 'solid', 'focused links show a focus ring');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Exam prep' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/exam');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'focus moves to the new page');
    assert.equal(await page.getByRole('link', { name: 'Exam prep' }).getAttribute('aria-current'), 'page');
    assert.match(await page.title(), /^Exam prep · HIT Trainer$/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe('settings', () => {
  test('display name and theme survive a reload', async () => {
    const page = await openPage(app.browser, { colorScheme: 'light' });
    await page.goto(app.server.url + '/settings');
    await appReady(page);
    await page.getByLabel('Display name').fill('  Ada   Lovelace ');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('status').filter({ hasText: 'Name saved.' }).waitFor();
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');

    await page.goto(app.server.url + '/');
    await page.reload();
    await appReady(page);
    await page.getByRole('heading', { level: 1, name: 'Welcome back, Ada Lovelace' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(14, 22, 29)', 'dark tokens apply');

    // "Match my device" removes the override.
    await page.goto(app.server.url + '/settings');
    await appReady(page);
    await page.getByLabel('Match my device').check();
    await page.reload();
    await appReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
    assert.ok(await page.getByLabel('Match my device').isChecked());
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('an over-long name is refused with a message', async () => {
    const page = await openPage(app.browser);
    await page.goto(app.server.url + '/settings');
    await appReady(page);
    await page.getByLabel('Display name').fill('x'.repeat(41));
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('Use at most 40 characters').waitFor();
    assert.equal(await page.getByLabel('Display name').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => localStorage.getItem('hit.settings')), null);
    await page.context().close();
  });
});

describe('damaged storage', () => {
  test('a corrupt record is moved aside, reported, downloadable, and the app still works', async () => {
    const page = await openPage(app.browser);
    await page.goto(app.server.url + '/');
    await page.evaluate(() => localStorage.setItem('hit.settings', '{"schema":1,"data":{"theme":'));
    await page.reload();
    await appReady(page);

    const alert = page.getByRole('alert').filter({ hasText: "We couldn't read your settings" });
    await alert.waitFor();
    const download = alert.getByRole('link', { name: 'Download the unreadable data' });
    assert.match(await download.getAttribute('href'), /^blob:/);
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    assert.equal(file.suggestedFilename(), 'hit-trainer-unreadable-settings.json');

    const stored = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('hit.quarantine.')).map((k) => localStorage.getItem(k)),
    );
    assert.deepEqual(stored, ['{"schema":1,"data":{"theme":']);
    assert.equal(await page.evaluate(() => localStorage.getItem('hit.settings')), null);

    // The app keeps working: navigate and save a setting.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Display name').fill('Grace');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('status').filter({ hasText: 'Name saved.' }).waitFor();
    assert.match(await page.evaluate(() => localStorage.getItem('hit.settings')), /"display_name":"Grace"/);
    await page.getByRole('button', { name: 'Delete the unreadable copy of hit.settings' }).waitFor();

    // Dismissing hides the message but keeps the data.
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await alert.count(), 0);
    assert.equal(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hit.quarantine.')).length),
      1,
    );
    // Uncaught exceptions would break the app; console errors from the
    // unreadable record are not expected either.
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a full storage reports that the change could not be saved', async () => {
    const page = await openPage(app.browser);
    await page.goto(app.server.url + '/settings');
    await appReady(page);
    await page.evaluate(() => {
      const chunk = 'x'.repeat(256 * 1024);
      for (let i = 0; ; i++) {
        try { localStorage.setItem(`filler.${i}`, chunk); } catch { break; }
      }
      for (let i = 0; ; i++) {
        try { localStorage.setItem(`filler.small.${i}`, 'y'.repeat(64)); } catch { break; }
      }
    });
    await page.getByLabel('Display name').fill('Someone with a name');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('alert').filter({ hasText: "Couldn't save your change" }).waitFor();
    await page.getByText('storage for this site is full').waitFor();
    await page.getByRole('status').filter({ hasText: 'could not be saved' }).waitFor();
    // The change still applies in this tab.
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome back, Someone with a name' }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe('screenshots', () => {
  test('Home in light and dark themes', async () => {
    const dir = new URL('../../target/e2e-screenshots/', import.meta.url).pathname;
    await mkdir(dir, { recursive: true });
    for (const colorScheme of ['light', 'dark']) {
      const page = await openPage(app.browser, { colorScheme, viewport: { width: 1280, height: 900 } });
      await page.goto(app.server.url + '/');
      await appReady(page);
      const theme = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
      assert.equal(theme, 'light dark');
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, colorScheme === 'dark' ? 'rgb(14, 22, 29)' : 'rgb(244, 247, 249)');
      await page.screenshot({ path: `${dir}home-${colorScheme}.png`, fullPage: true });
      await page.context().close();
    }
    const mobile = await openPage(app.browser, { viewport: { width: 360, height: 740 } });
    await mobile.goto(app.server.url + '/');
    await appReady(mobile);
    await mobile.screenshot({ path: `${dir}home-360px.png`, fullPage: true });
    await mobile.context().close();
  });
});
