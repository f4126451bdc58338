// Typing → results: how long from an input event until the page shows the
// results for it (DOM updated and the URL written), per keystroke, on the
// article list and on the Quotes view. Numbers are printed for the notes.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, serve, launch, withPage, ready } from '../lib.mjs';

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve(DIST);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Type `text` one character at a time; per keystroke, the milliseconds
 * until the URL holds the new query (written after the render). */
function measure(page, text) {
  return page.evaluate(async (text) => {
    const input = document.getElementById('q');
    const times = [];
    for (let i = 1; i <= text.length; i++) {
      const q = text.slice(0, i);
      const want = new URLSearchParams({ q }).toString();
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: q.at(-1), inputType: 'insertText' }));
      while (!location.hash.includes(want)) {
        await new Promise((r) => setTimeout(r, 0));
        if (performance.now() - t0 > 2000) throw new Error(`no update for ${q}`);
      }
      times.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return times;
  }, text);
}

const stats = (t) => {
  const s = [...t].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};

// `cargo xtask bench` runs this file against the app built with the
// 3,788-article NewsArticles corpus (CLIPPINGS_PERF_CORPUS names it): there
// the bar is no visible lag, 100 ms (the classic limit for a response to
// feel instant); on the seeds it is one frame.
const CORPUS = process.env.CLIPPINGS_PERF_CORPUS || 'the seeds';
const BUDGET_MS = process.env.CLIPPINGS_PERF_CORPUS ? 100 : 16.7;

describe('typing → results', () => {
  for (const [view, hash] of [['articles', '#/search'], ['quotes', '#/quotes'], ['coverage', '#/coverage']]) {
    it(`${view}: each keystroke renders within ${BUDGET_MS} ms on ${CORPUS}`, () =>
      withPage(browser, async ({ page }) => {
        await page.goto(server.url + hash);
        await ready(page);
        await page.waitForTimeout(200);
        const times = await measure(page, 'global buy and sell');
        const { median, max } = stats(times);
        const slowest = 'global buy and sell'.slice(0, times.indexOf(max) + 1);
        console.log(`${CORPUS}, ${view}: typing → results per keystroke: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms at "${slowest}" (${times.length} keystrokes)`);
        assert.ok(median < BUDGET_MS, `median ${median} ms is more than ${BUDGET_MS} ms`);
      }));
  }
});
