// Long lists at scale: Timeline and Coverage show the first few articles and
// statements of each group, say how many are left out, and one "Show all"
// switch lists everything (and back). Exports always hold everything.
//
// Needs CLIPPINGS_MANY_DIST (cargo xtask test builds it):
//   CLIPPINGS_CORPUS=e2e/fixtures/many trunk build --dist target/dist-many
// The corpus: twelve articles from one outlet in January 2021, each with one
// quote of its own, and six from a second outlet in February repeating six
// of those quotes (so the first outlet carries six reported statements).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { MANY_DIST, serve, launch, withPage, ready, axe, formatViolations } from '../lib.mjs';

const skip = MANY_DIST
  ? false
  : 'CLIPPINGS_MANY_DIST is not set: build the app over e2e/fixtures/many (cargo xtask test does) and point the variable at that dist';

let browser;
let server;

before(async () => {
  if (skip) return;
  browser = await launch();
  server = await serve(MANY_DIST);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('capped lists', { skip }, () => {
  it('timeline: ten articles of a month, "… and 2 more", Show all lists the twelve', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url + '#/timeline');
      await ready(page);
      const month = page.locator('li.month').first();
      await month.locator('ul.articles > li a.result-link').first().waitFor();
      assert.equal(await month.locator('ul.articles > li a.result-link').count(), 10);
      assert.equal((await month.locator('li.capped-more').textContent()).trim(), '… and 2 more');
      const toggle = page.getByRole('button', { name: 'Show all articles (2 more)' });
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      await toggle.click();
      await page.getByRole('button', { name: 'Show fewer articles' }).waitFor();
      assert.equal(await month.locator('ul.articles > li a.result-link').count(), 12);
      assert.equal(await month.locator('li.capped-more').count(), 0);
      const violations = await axe(page);
      assert.equal(violations.length, 0, `axe violations:\n${formatViolations(violations)}`);
      await page.getByRole('button', { name: 'Show fewer articles' }).click();
      await page.getByRole('button', { name: 'Show all articles (2 more)' }).waitFor();
      assert.equal(await month.locator('ul.articles > li a.result-link').count(), 10);
    }));

  it('coverage: five statements per outlet, the rest counted, Show all lists them', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url + '#/coverage');
      await ready(page);
      const cell = page.locator('table.coverage tbody tr').first().locator('td').nth(2);
      await cell.locator('li').first().waitFor();
      assert.equal(await cell.locator('li:not(.capped-more)').count(), 5);
      assert.equal((await cell.locator('li.capped-more').textContent()).trim(), '… and 1 more');
      await page.getByRole('button', { name: /^Show all statements and figures/ }).click();
      await page.getByRole('button', { name: 'Show fewer statements and figures' }).waitFor();
      assert.equal(await cell.locator('li:not(.capped-more)').count(), 6);
      assert.equal(await cell.locator('li.capped-more').count(), 0);
    }));
});
