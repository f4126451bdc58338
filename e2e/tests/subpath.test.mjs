// dist/ served under a subpath (/some/sub/path/), as on a project page of a
// static host: relative URLs must resolve under the prefix.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIST, serve, launch, withPage, searchBox, ready, resultItems, expectResultCount,
  expectQuery, route, waitForRoute, reader,
} from '../lib.mjs';

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve(DIST, { prefix: '/some/sub/path/' });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('dist/ under /some/sub/path/', () => {
  it('searches, opens an article and survives a reload', () =>
    withPage(browser, async ({ page, consoleErrors }) => {
      const failed = [];
      page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
      page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));

      await page.goto(server.url);
      await ready(page);
      await expectResultCount(page, 5);
      assert.ok(new URL(page.url()).pathname.startsWith('/some/sub/path/'));

      await searchBox(page).pressSequentially('global buy');
      await expectResultCount(page, 2);
      await waitForRoute(page, (r) => r.params.get('q') === 'global buy', 'q in the hash');

      await resultItems(page).first().locator('a.result-link').click();
      await reader(page).waitFor();
      assert.ok((await reader(page).locator('.article-body mark').count()) > 0);
      const r = await route(page);
      assert.equal(r.view, 'read');
      assert.equal(new URL(page.url()).pathname, '/some/sub/path/', 'the path stays, state is in the hash');

      await page.reload();
      await ready(page);
      await reader(page).waitFor();
      assert.equal((await route(page)).doc, r.doc);
      await expectQuery(page, 'global buy');
      assert.ok((await reader(page).locator('.article-body mark').count()) > 0);

      // Every asset came from under the prefix; nothing 404ed.
      assert.deepEqual(failed, []);
      const outside = server.requests.filter((u) => !u.startsWith('/some/sub/path/'));
      assert.deepEqual(outside, [], 'requests outside the subpath');
      assert.deepEqual(consoleErrors, []);
    }));

  it('also works from the path without its trailing slash', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url.replace(/\/$/, '') + '#/search?q=zhang');
      await ready(page);
      assert.ok((await resultItems(page).count()) > 0);
      await expectQuery(page, 'zhang');
    }));
});
