// axe-core on the three main screens, light and dark, at 1280px: the
// search view with results, with a query and a facet ticked, and the reader.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIST, WIDE, serve, launch, withPage, screenshot, searchBox, ready, resultItems,
  expectResultCount, reader, axe, formatViolations,
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

const screens = {
  'search view with results': async (page) => {
    await page.goto(server.url);
    await ready(page);
    await expectResultCount(page, 5);
  },
  'search view with a query and a facet checked': async (page) => {
    await page.goto(server.url);
    await ready(page);
    await searchBox(page).fill('zhang');
    await page.getByRole('checkbox', { name: /The Stack/ }).click();
    await expectResultCount(page, 1);
    assert.ok(await page.getByRole('checkbox', { name: /The Stack/ }).isChecked());
    await resultItems(page).first().locator('.snippet mark').first().waitFor();
  },
  'reader view': async (page) => {
    await page.goto(server.url + '#/search?q=global+buy');
    await ready(page);
    await expectResultCount(page, 2);
    await resultItems(page).first().locator('a.result-link').click();
    await reader(page).waitFor();
    await reader(page).locator('.article-body mark').first().waitFor();
    // A current hit, as after pressing "Next hit".
    await page.getByRole('button', { name: 'Next hit' }).click();
    await page.getByText(/^Hit 1 of \d+$/).waitFor();
  },
};

describe('accessibility (axe-core, 1280px)', () => {
  for (const scheme of ['light', 'dark']) {
    for (const [name, open] of Object.entries(screens)) {
      it(`${name}, ${scheme}`, () =>
        withPage(browser, { viewport: WIDE, colorScheme: scheme }, async ({ page }) => {
          await open(page);
          assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), scheme === 'dark');
          // Let transitions finish before colours are measured.
          await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))));
          const violations = await axe(page);
          await screenshot(page, `a11y-1280-${scheme}-${name.replace(/\W+/g, '-')}`);
          assert.equal(violations.length, 0, `axe violations:\n${formatViolations(violations)}`);
        }));
    }
  }
});
