// Small screenshots of the main views for the README:
//   node readme-screenshots.mjs   (CLIPPINGS_DIST=path/to/dist, default ../dist)
// 1280x720 at device scale 1, light theme; each PNG must stay under 150 KB.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, serve, launch, ready } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(here, '../docs/screenshots');
const LIMIT = 150 * 1024;

const SHOTS = [
  ['search', '#/search?q=global+buy', 'main ol.results > li.result'],
  ['reader', '#/read/003_f0f0225e8500f527?q=globalize', 'main article.reader .article-body'],
  ['quotes', '#/quotes?q=globalize', 'main .quotes-view .quote-item'],
  ['coverage', '#/coverage', 'main table.coverage tbody tr'],
];

const browser = await launch();
const server = await serve(DIST);
fs.mkdirSync(OUT, { recursive: true });
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, colorScheme: 'light' });
  const page = await context.newPage();
  for (const [name, hash, selector] of SHOTS) {
    await page.goto(server.url + hash);
    await ready(page);
    await page.locator(selector).first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(OUT, `${name}.png`);
    await page.screenshot({ path: file });
    const size = fs.statSync(file).size;
    console.log(`${path.relative(process.cwd(), file)}: ${(size / 1024).toFixed(0)} KB`);
    if (size > LIMIT) {
      console.error(`  too big (limit ${LIMIT / 1024} KB)`);
      failed = true;
    }
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
if (failed) process.exit(1);
