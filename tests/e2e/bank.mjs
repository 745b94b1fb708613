// The question bank with its answers (from the CLI), and answering a quiz
// on screen with it: shared by the journeys that take quizzes.

import { execFileSync } from 'node:child_process';
import { appReady } from './harness.mjs';

const HIT = process.env.HIT_BIN ?? new URL('../../target/debug/hit', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;

/** Every item by id, with its options and answer indexes. */
export const bank = new Map(
  execFileSync(HIT, ['quiz', 'sample', '--count', '100000', '--json'], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .map((i) => [i.id, i]),
);

/** Answers the quiz on screen: `pattern[i]` says whether question i is answered right. Returns the ids. */
export async function answerQuiz(page, pattern) {
  const ids = [];
  for (let i = 0; i < pattern.length; i++) {
    await page.getByRole('heading', { name: `Question ${i + 1} of ${pattern.length}` }).waitFor();
    const id = await page.locator('form[data-item]').getAttribute('data-item');
    ids.push(id);
    const item = bank.get(id);
    const correct = item.answer.map((n) => item.options[n].text);
    const wrong = item.options.map((o) => o.text).filter((t) => !correct.includes(t));
    const picks = pattern[i] ? correct : wrong.slice(0, item.choose);
    const role = item.type === 'multiple' ? 'checkbox' : 'radio';
    for (const text of picks) await page.getByRole(role, { name: text, exact: true }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByRole('heading', { name: pattern[i] ? 'Correct' : 'Not correct', exact: true }).waitFor();
    await page.getByRole('button', { name: i + 1 < pattern.length ? 'Next question' : 'See your results' }).click();
  }
  return ids;
}

/** Starts a custom quiz of `count` questions from one domain, without calculations. */
export async function startQuiz(page, baseUrl, domain, count) {
  await page.goto(baseUrl + '/exam');
  await appReady(page);
  await page.getByRole('checkbox', { name: new RegExp(`^${domain}\\. `) }).check();
  await page.getByRole('combobox', { name: 'Number of questions' }).selectOption(String(count));
  await page.getByRole('checkbox', { name: 'Include calculation questions' }).uncheck();
  await page.getByRole('button', { name: 'Start the quiz' }).click();
}
