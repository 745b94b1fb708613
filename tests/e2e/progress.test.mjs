// Progress as a student lives with it: the dashboard after practice and a
// graded chart, the review queue bringing misses back the next day, backup
// export then import into another browser, two tabs at once, a corrupted
// record, and starting over.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuiz, bank, startQuiz as startBankQuiz } from './bank.mjs';
import { appReady, openPage, useApp } from './harness.mjs';

const app = useApp();
const dir = mkdtempSync(join(tmpdir(), 'hit-progress-'));

async function go(page, path) {
  await page.goto(app.server.url + path);
  await appReady(page);
}

const startQuiz = (page, domain, count) => startBankQuiz(page, app.server.url, domain, count);

const stat = (page, name) => page.getByRole('definition').filter({ has: page.locator(`xpath=preceding-sibling::dt[.="${name}"]`) });
const stored = (page, key) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);

describe('progress', () => {
  test('the dashboard reflects practice and a graded chart; misses come back the next day', async () => {
    const page = await openPage(app.browser, { viewport: { width: 1300, height: 1000 } });
    await page.clock.install({ time: new Date('2026-11-16T15:00:00Z') });
    await startQuiz(page, 3, 5);
    const ids = await answerQuiz(page, [false, false, true, true, true]);
    // A chart graded with one code of several.
    await go(page, '/code/lap-appendectomy/7');
    await page.getByRole('textbox', { name: 'Diagnosis 1 code' }).fill('K35.80');
    await page.getByRole('button', { name: 'Grade my coding' }).click();
    await page.getByText('Graded and saved to your history.').waitFor({ timeout: 60_000 });

    await go(page, '/progress');
    assert.equal((await stat(page, 'Questions answered').textContent()).trim(), '5');
    assert.equal((await stat(page, 'Charts graded').textContent()).trim(), '1');
    assert.equal((await stat(page, 'Streak').textContent()).trim(), '1 day');
    // Every chart has a text alternative that carries its numbers.
    await page.getByRole('img', { name: /^Share right by RHIT domain .*3\. Data Analytics and Use: 60% right over 5 questions/ }).waitFor();
    await page.getByRole('img', { name: /^Share right by coding skill ICD-10-CM codes: \d+% right over \d+ scored items/ }).waitFor();
    await page.getByRole('img', { name: /Activity calendar Active on 1 of the last \d+ days: 5 questions answered and 1 charts graded/ }).waitFor();
    await page.getByRole('img', { name: /Score trend by week Weekly scores over the last 12 weeks\. Questions right: 60%/ }).waitFor();
    const readiness = page.getByRole('region', { name: 'Readiness for the RHIT exam' });
    await readiness.getByText(/^Estimated \d+ on the 100–400 scale/).waitFor();
    await readiness.getByText('little evidence').waitFor();
    await readiness.getByText(/No recent answers in domain 1, 2, 4, 5, 6/).waitFor();
    // Weakest areas offer one-click practice.
    await page.getByRole('button', { name: /^(Practise 10 questions|Code a chart for)/ }).first().waitFor();
    const queue = page.getByRole('region', { name: 'Review queue' });
    await queue.getByText(/^0 due now, \d+ in the queue/).waitFor();

    // The next day the two missed questions, and the missed codes, are due.
    await page.clock.fastForward('24:00:00');
    await go(page, '/progress');
    await queue.getByRole('button', { name: 'Review 2 due questions' }).waitFor();
    const codeCards = queue.getByRole('textbox', { name: /^ICD-10-(CM|PCS) code for: / });
    assert.ok((await codeCards.count()) >= 1, 'a missed code is due');
    const first = codeCards.first();
    const label = await first.getAttribute('id');
    assert.ok(label.startsWith('review-'));
    await first.fill('A00.0');
    await queue.getByRole('button', { name: 'Check' }).first().click();
    await queue.getByText(/^Not quite: the code is /).waitFor();
    await queue.getByRole('button', { name: 'Review 2 due questions' }).click();
    await page.getByRole('heading', { name: 'Review queue', level: 1 }).waitFor();
    const reviewed = await answerQuiz(page, [true, true]);
    assert.deepEqual([...reviewed].sort(), ids.slice(0, 2).sort());
    await go(page, '/progress');
    await queue.getByText(/^0 due now/).waitFor();
    assert.equal((await stat(page, 'Streak').textContent()).trim(), '2 days');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('export, then import into another browser: both sides kept, nothing counted twice; bad files refused', async () => {
    const a = await openPage(app.browser);
    await startQuiz(a, 2, 5);
    await answerQuiz(a, [true, false, true, false, true]);
    await go(a, '/progress');
    const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: 'Export my progress' }).click()]);
    assert.match(download.suggestedFilename(), /^hit-trainer-progress-\d{4}-\d\d-\d\d\.json$/);
    const file = join(dir, 'backup.json');
    await download.saveAs(file);
    await a.getByText(/^Saved hit-trainer-progress-/).waitFor();
    assert.equal(await a.getByText('You have never backed up.', { exact: false }).count(), 0, 'the reminder goes after a backup');

    const b = await openPage(app.browser);
    await startQuiz(b, 6, 5);
    await answerQuiz(b, [true, true, true, true, false]);
    await go(b, '/progress');
    await b.getByText(/You have never backed up/).waitFor();
    const importer = b.getByLabel('Import a backup file');
    await importer.setInputFiles(file);
    await b.getByText(/^Imported 0 coding attempts, 5 practice answers, 0 mock exams and 2 review cards/).waitFor();
    assert.equal((await stat(b, 'Questions answered').textContent()).trim(), '10');
    await importer.setInputFiles(file);
    await b.getByText(/^Imported 0 coding attempts, 0 practice answers/).waitFor();
    assert.equal((await stat(b, 'Questions answered').textContent()).trim(), '10', 'the same answers count once');

    // An edited file and a file that is not a backup are refused; nothing changes.
    const before = await stored(b, 'hit.quiz-history');
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, readFileSync(file, 'utf8').replace(/"a": \[\s*\[\s*0,\s*1/, '"a": [[0, 0'));
    await importer.setInputFiles(tampered);
    await b.getByRole('alert').filter({ hasText: 'has been changed since it was exported' }).waitFor();
    const notBackup = join(dir, 'other.json');
    writeFileSync(notBackup, '{"hello": "world"}');
    await importer.setInputFiles(notBackup);
    await b.getByRole('alert').filter({ hasText: 'This file is not a HIT Trainer backup' }).waitFor();
    assert.deepEqual(await stored(b, 'hit.quiz-history'), before);

    // Starting over asks first.
    await b.getByRole('button', { name: 'Delete all my progress…' }).click();
    await b.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await stat(b, 'Questions answered').textContent()).trim(), '10');
    await b.getByRole('button', { name: 'Delete all my progress…' }).click();
    await b.getByRole('button', { name: 'Yes, delete all my progress' }).click();
    await b.getByText('All progress in this browser was deleted.').waitFor();
    assert.equal((await stat(b, 'Questions answered').textContent()).trim(), '0');
    assert.equal(await stored(b, 'hit.quiz-history'), null);
    assert.deepEqual([...a.errors, ...b.errors], []);
    await a.context().close();
    await b.context().close();
  });

  test('two tabs at once lose no answer and see each other’s work', async () => {
    const one = await openPage(app.browser);
    const context = one.context();
    const two = await context.newPage();
    two.errors = [];
    two.on('pageerror', (e) => two.errors.push(e.message));
    await go(one, '/progress');
    // One tab at a time is in front, as for a person.
    await two.bringToFront();
    await startQuiz(two, 4, 5);
    await answerQuiz(two, [true, true, false, true, true]);
    // Tab one, opened before tab two's answers, now practises too.
    await one.bringToFront();
    await startQuiz(one, 5, 5);
    await answerQuiz(one, [false, true, true, true, true]);
    const history = await stored(one, 'hit.quiz-history');
    assert.equal(history.data.a.length, 10, 'both tabs’ answers are stored');
    // Tab two hears about tab one's answers without a reload: its in-app
    // navigation shows them.
    await two.bringToFront();
    await two.getByRole('link', { name: 'Progress' }).click();
    await two.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
    assert.equal((await stat(two, 'Questions answered').textContent()).trim(), '10');
    await one.bringToFront();
    await go(one, '/progress');
    assert.equal((await stat(one, 'Questions answered').textContent()).trim(), '10');
    assert.deepEqual([...one.errors, ...two.errors], []);
    await context.close();
  });

  test('a corrupted record is set aside and offered for download; practice goes on', async () => {
    const page = await openPage(app.browser);
    await go(page, '/');
    await page.evaluate(() => localStorage.setItem('hit.quiz-history', '{"schema":1,"data":{"a":[[0,'));
    await go(page, '/progress');
    const alert = page.getByRole('alert').filter({ hasText: "We couldn't read your practice answers" });
    await alert.waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), alert.getByRole('link', { name: 'Download the unreadable data' }).click()]);
    assert.equal(file.suggestedFilename(), 'hit-trainer-unreadable-quiz-history.json');
    assert.equal((await stat(page, 'Questions answered').textContent()).trim(), '0');
    await startQuiz(page, 1, 5);
    await answerQuiz(page, [true, true, true, true, true]);
    assert.equal((await stored(page, 'hit.quiz-history')).data.a.length, 5);
    const quarantined = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hit.quarantine.')).map((k) => localStorage.getItem(k)));
    assert.deepEqual(quarantined, ['{"schema":1,"data":{"a":[[0,']);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('when storage is full, old detail is compacted, the user is told, and the answer is saved', async () => {
    const page = await openPage(app.browser);
    await go(page, '/');
    // A long history from an earlier visit: 20,000 answers over the past year and more.
    await page.evaluate(() => {
      const items = Array.from({ length: 400 }, (_, i) => [`old-item-${i}`, (i % 6) + 1]);
      const start = Date.now() - 400 * 86_400_000;
      const a = Array.from({ length: 20_000 }, (_, i) => [i % 400, i % 3 ? 1 : 0, start + i * 61_000 + ((i * 7919) % 50_000), 30 + (i % 90)]);
      localStorage.setItem('hit.quiz-history', JSON.stringify({ schema: 1, data: { items, a, flags: {}, days: {} } }));
    });
    await startQuiz(page, 1, 5);
    await page.getByRole('heading', { name: 'Question 1 of 5' }).waitFor();
    // Another site's data (keys without "hit.") fills whatever quota is left.
    await page.evaluate(() => {
      let lo = 0;
      let hi = 12_000_000;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        try {
          localStorage.setItem('other.filler', 'x'.repeat(mid));
          lo = mid;
        } catch {
          hi = mid - 1;
        }
      }
      localStorage.setItem('other.filler', 'x'.repeat(lo));
    });
    const id = await page.locator('form[data-item]').getAttribute('data-item');
    const item = bank.get(id);
    const role = item.type === 'multiple' ? 'checkbox' : 'radio';
    for (const i of item.answer) await page.getByRole(role, { name: item.options[i].text, exact: true }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Browser storage was full, so older detail was compacted' });
    await alert.waitFor();
    await alert.getByText(/the detail of \d+ practice answers older than 90 days/).waitFor();
    await page.evaluate(() => localStorage.removeItem('other.filler'));
    const kept = await stored(page, 'hit.quiz-history');
    assert.ok(!('deflate' in kept), 'compacted history is small enough to store plainly');
    assert.ok(kept.data.items.some(([i]) => i === id), 'the new answer was saved');
    assert.ok(kept.data.a.length < 20_001 && Object.keys(kept.data.days).length > 0, 'old detail folded into daily totals');
    await go(page, '/progress');
    assert.equal((await stat(page, 'Questions answered').textContent()).trim(), '20,001', 'folded answers still count');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
