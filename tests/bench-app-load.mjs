// `make bench` (app part): how long the release app takes in headless
// Chromium to download, parse and index the code sets, read from the
// performance measures the app records (hit:codes-*). Median of 5 loads.

import { appReady, launch, openPage, serveDist } from './e2e/harness.mjs';

const server = await serveDist();
const browser = await launch();
const runs = [];
for (let i = 0; i < 5; i++) {
  const page = await openPage(browser);
  await page.goto(server.url + '/codebook');
  await appReady(page);
  await page.waitForFunction(() => performance.getEntriesByName('hit:codes-total').length > 0, null, { timeout: 60_000 });
  runs.push(await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('hit:codes-')).map((m) => [m.name, m.duration])),
  ));
  await page.context().close();
}
await browser.close();
await server.close();
const median = (name) => runs.map((r) => r[name]).sort((a, b) => a - b)[2];
console.log('App in headless Chromium, code sets from a local server (median of 5 loads):');
for (const name of ['hit:codes-download', 'hit:codes-parse', 'hit:codes-index', 'hit:codes-total']) {
  console.log(`  ${name.padEnd(20)} ${median(name).toFixed(1)} ms`);
}
