// What the screens look like at 1280px and 360px, light and dark: nothing
// wider than the window, the search box and results reachable on a phone.
// Screenshots land in output/ for a human to look at.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIST, WIDE, NARROW, serve, launch, withPage, screenshot, searchBox, ready, resultItems,
  expectResultCount, reader,
} from '../lib.mjs';

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

/** Elements that stick out of the viewport horizontally. */
function overflow(page) {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > w) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${w}`);
    for (const el of document.querySelectorAll('.app *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > w + 1 || r.left < -1) && getComputedStyle(el).position !== 'fixed' && !el.closest('.sr-only')) {
        out.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(r.left)}..${Math.round(r.right)}`);
      }
    }
    return out.slice(0, 10);
  });
}

describe('layout', () => {
  for (const [label, viewport] of [['1280', WIDE], ['360', NARROW]]) {
    for (const scheme of ['light', 'dark']) {
      it(`${label}px ${scheme}: start, results and reader fit the window`, () =>
        withPage(browser, { viewport, colorScheme: scheme }, async ({ page }) => {
          const shot = (what) => screenshot(page, `layout-${label}-${scheme}-${what}`);
          await page.goto(server.url);
          await ready(page);
          await expectResultCount(page, 5);
          assert.ok(await searchBox(page).isVisible());
          assert.deepEqual(await overflow(page), [], 'start page');
          await shot('start');

          await searchBox(page).pressSequentially('global buy');
          await expectResultCount(page, 2);
          // On a phone the first result must be on the first screen.
          const box = await resultItems(page).first().boundingBox();
          assert.ok(box, 'the first result has a box');
          if (viewport === NARROW) {
            assert.ok(box.y < viewport.height, `first result starts at y=${Math.round(box.y)}, below the first screen`);
          }
          assert.deepEqual(await overflow(page), [], 'results');
          await shot('results');

          await resultItems(page).first().locator('a.result-link').click();
          await reader(page).waitFor();
          assert.deepEqual(await overflow(page), [], 'reader');
          const title = await page.locator('#reader-title').boundingBox();
          assert.ok(title && title.y < viewport.height, 'the article title is on the first screen');
          await shot('reader');

          await searchBox(page).fill('qwxzyv');
          await expectResultCount(page, 0);
          await shot('nothing-found');
        }));
    }
  }
});
