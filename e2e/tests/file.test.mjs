// dist/clippings.html, the single self-contained file, opened from file://
// on its own (copied to an empty folder, so nothing next to it can help):
// it searches and opens articles and never touches the network.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DIST, launch, withPage, screenshot, fileUrl, searchBox, ready, resultItems,
  expectResultCount, expectQuery, route, waitForRoute, reader,
} from '../lib.mjs';

let browser;
let dir;
let url;

before(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clippings-single-'));
  fs.copyFileSync(path.join(DIST, 'clippings.html'), path.join(dir, 'clippings.html'));
  url = fileUrl(path.join(dir, 'clippings.html'));
});
after(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('clippings.html from file://', () => {
  it('searches and opens an article without any network request', () =>
    withPage(browser, async ({ page, context, consoleErrors }) => {
      const requests = [];
      context.on('request', (r) => requests.push(r.url()));

      await page.goto(url);
      await ready(page);
      await expectResultCount(page, 5);

      await searchBox(page).pressSequentially('global buy');
      await expectResultCount(page, 2);
      await waitForRoute(page, (r) => r.params.get('q') === 'global buy', 'q in the hash');
      for (const item of await resultItems(page).all()) {
        assert.ok((await item.locator('.snippet mark').count()) > 0);
      }
      await screenshot(page, 'file-1280-results');

      await resultItems(page).first().locator('a.result-link').click();
      await reader(page).waitFor();
      assert.ok((await reader(page).locator('.article-body mark').count()) > 0);
      const r = await route(page);
      assert.equal(r.view, 'read');

      await page.reload();
      await ready(page);
      await reader(page).waitFor();
      assert.equal((await route(page)).doc, r.doc);
      await expectQuery(page, 'global buy');

      await page.goBack();
      await expectResultCount(page, 2);

      const bad = requests.filter((u) => !/^(file|data|blob):/.test(u));
      assert.deepEqual(bad, [], 'network requests from the single file');
      const files = [...new Set(requests.filter((u) => u.startsWith('file:')).map((u) => u.split('#')[0]))];
      assert.deepEqual(files, [url], 'the single file loads nothing else from disk');
      assert.deepEqual(consoleErrors, []);
    }));
});
