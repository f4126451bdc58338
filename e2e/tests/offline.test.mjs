// Offline: after one visit over http, the service worker serves the app
// with the network off; search and the reader still work, deep links too.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIST, serve, launch, withPage, searchBox, ready, resultItems, expectResultCount,
  expectQuery, route, reader, screenshot,
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

describe('offline with the service worker', () => {
  it('searches and opens an article with the network off', () =>
    withPage(browser, async ({ page, context }) => {
      await page.goto(server.url);
      await ready(page);
      // Installed and active (precache done)…
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      // …and, after one reload, in control of the page.
      await page.reload();
      await ready(page);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });

      const seen = server.requests.length;
      await context.setOffline(true);
      assert.equal(await page.evaluate(() => navigator.onLine), false);

      // A full load with the network off.
      await page.reload();
      await ready(page);
      await expectResultCount(page, 5);
      await searchBox(page).pressSequentially('global buy');
      await expectResultCount(page, 2);
      await screenshot(page, 'offline-1280-results');

      await resultItems(page).first().locator('a.result-link').click();
      await reader(page).waitFor();
      assert.ok((await reader(page).locator('.article-body mark').count()) > 0);
      const r = await route(page);
      assert.equal(r.view, 'read');

      // A deep link, loaded from scratch, offline.
      await page.goto('about:blank');
      await page.goto(server.url + r.hash);
      await ready(page);
      await reader(page).waitFor();
      assert.equal((await route(page)).doc, r.doc);
      await expectQuery(page, 'global buy');
      assert.ok((await reader(page).locator('.article-body mark').count()) > 0);

      assert.deepEqual(server.requests.slice(seen), [], 'requests reached the server while offline');
    }));
});
