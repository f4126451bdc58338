// The release dist/ served over http: searching, reading, the URL as the
// state, history, shortcuts. Everything the way a user clicks and types.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  DIST, SEEDS, SEED_IDS, serve, launch, withPage, screenshot, searchBox, ready,
  resultItems, expectResultCount, expectQuery, route, waitForRoute, reader,
} from '../lib.mjs';


/** Ids of the seed files whose text has `phrase` (whitespace-insensitive). */
function seedsWith(phrase) {
  const words = phrase.toLowerCase().split(/\s+/).join('\\s+');
  const re = new RegExp(`\\b${words}\\b`);
  return fs.readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .filter((f) => re.test(fs.readFileSync(path.join(SEEDS, f), 'utf8').toLowerCase()))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
}

/** Doc ids of the listed results, from their links. */
async function resultIds(page) {
  const hrefs = await page.locator('main ol.results > li.result a.result-link').evaluateAll(
    (links) => links.map((a) => a.getAttribute('href')),
  );
  return hrefs.map((h) => decodeURIComponent(h.replace(/^#\/read\//, '').split('?')[0]));
}

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

describe('served dist/', () => {
  it('loads and lists the five articles', () =>
    withPage(browser, async ({ page, consoleErrors }) => {
      await page.goto(server.url);
      await ready(page);
      await expectResultCount(page, 5);
      assert.deepEqual((await resultIds(page)).sort(), SEED_IDS);
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Clippings' }).waitFor());
      assert.match(await page.locator('#results-heading').innerText(), /^5 articles/);
      assert.deepEqual(consoleErrors, [], 'console errors on load');
      await screenshot(page, 'serve-1280-start');
    }));

  it('searches as you type, opens an article, keeps it all in the URL, back and forward', () =>
    withPage(browser, async ({ page }) => {
      const expected = seedsWith('global buy');
      assert.equal(expected.length, 2, `seeds with "global buy": ${expected}`);

      await page.goto(server.url);
      await ready(page);
      await expectResultCount(page, 5);

      // Type like a user, never press Enter: the list follows the typing.
      const box = searchBox(page);
      await box.click();
      await box.pressSequentially('global buy', { delay: 30 });
      await expectResultCount(page, 2);
      assert.deepEqual((await resultIds(page)).sort(), expected);

      // A list, with an accessible name.
      const list = page.getByRole('list', { name: 'Articles' });
      await assert.doesNotReject(list.waitFor());
      assert.equal(await list.getByRole('listitem').count(), 2);

      // Each result: title link, outlet · date line, snippet with marks.
      for (const item of await resultItems(page).all()) {
        const title = item.locator('.result-title a');
        assert.ok((await title.innerText()).trim().length > 5, 'a title');
        const meta = await item.locator('.meta').innerText();
        assert.match(meta, /^.+ · (\d{4}-\d{2}-\d{2}|Undated)( |$)/, `meta line: ${meta}`);
        const marks = await item.locator('.snippet mark').allInnerTexts();
        assert.ok(marks.length > 0, 'snippet has <mark>s');
        for (const m of marks) assert.match(m, /^(global\w*|buy\w*)$/i, `marked: ${m}`);
        assert.ok(marks.some((m) => /^buy$/i.test(m)), 'the rarer term is marked too');
      }

      // The live region says how many.
      const status = page.getByRole('status');
      await page.waitForFunction(() => /\b2 articles\b/.test(document.querySelector('[role=status]').textContent));
      assert.equal(await status.getAttribute('aria-live'), 'polite');
      assert.match(await status.innerText(), /^2 articles\b/);

      // The URL holds the query.
      let r = await waitForRoute(page, (r) => r.params.get('q') === 'global buy', 'q in the hash');
      assert.equal(r.view, 'search');
      await screenshot(page, 'serve-1280-results');

      // Open the first result.
      const firstId = (await resultIds(page))[0];
      const firstTitle = (await resultItems(page).first().locator('.result-title a').innerText()).trim();
      await resultItems(page).first().locator('.result-title a').click();
      await reader(page).waitFor();
      const heading = page.getByRole('heading', { level: 2, name: firstTitle.replace(/…$/, '') });
      await assert.doesNotReject(heading.first().waitFor(), 'the reader shows the clicked article');
      const bodyMarks = await reader(page).locator('.article-body mark').allInnerTexts();
      assert.ok(bodyMarks.length >= 2, `search terms marked in the article (${bodyMarks.length})`);
      assert.ok(bodyMarks.some((m) => /^buy$/i.test(m)) && bodyMarks.some((m) => /^global$/i.test(m)), `marks: ${bodyMarks}`);
      r = await waitForRoute(page, (r) => r.view === 'read', 'the reader in the hash');
      assert.equal(r.doc, firstId);
      assert.equal(r.params.get('q'), 'global buy');
      await screenshot(page, 'serve-1280-reader');

      // Reload: same article, same query, same marks.
      await page.reload();
      await ready(page);
      await reader(page).waitFor();
      r = await route(page);
      assert.equal(r.view, 'read');
      assert.equal(r.doc, firstId);
      await expectQuery(page, 'global buy');
      assert.ok((await reader(page).locator('.article-body mark').count()) >= 2, 'marks after reload');

      // Back: the results, query intact.
      await page.goBack();
      await ready(page);
      await expectResultCount(page, 2);
      r = await route(page);
      assert.equal(r.view, 'search');
      assert.equal(r.params.get('q'), 'global buy');
      await expectQuery(page, 'global buy');
      assert.equal(await reader(page).count(), 0, 'the reader is gone');

      // Forward: the article again.
      await page.goForward();
      await ready(page);
      await reader(page).waitFor();
      r = await route(page);
      assert.equal(r.view, 'read');
      assert.equal(r.doc, firstId);
      assert.ok((await reader(page).locator('.article-body mark').count()) >= 2);
    }));

  it('back and forward without a reload in between', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url);
      await ready(page);
      await searchBox(page).fill('zhang');
      await page.waitForFunction(() => location.hash.includes('q=zhang'));
      const n = await resultItems(page).count();
      assert.ok(n > 0);
      await resultItems(page).nth(1).locator('a.result-link').click();
      await reader(page).waitFor();
      await page.goBack();
      await expectResultCount(page, n);
      await expectQuery(page, 'zhang');
      await page.goForward();
      await reader(page).waitFor();
      assert.equal((await route(page)).params.get('q'), 'zhang');
    }));

  it('finds a quoted phrase', () =>
    withPage(browser, async ({ page }) => {
      const expected = seedsWith('global buy and global sell');
      assert.equal(expected.length, 2);
      await page.goto(server.url);
      await ready(page);
      await searchBox(page).fill('"global buy and global sell"');
      await expectResultCount(page, 2);
      assert.deepEqual((await resultIds(page)).sort(), expected);
      assert.equal((await route(page)).params.get('q'), '"global buy and global sell"');
    }));

  it('explains a query that finds nothing', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url);
      await ready(page);
      await searchBox(page).fill('qwxzyv blorftang');
      await expectResultCount(page, 0);
      const main = page.locator('main');
      const text = (await main.innerText()).trim();
      assert.match(text, /0 articles/);
      const empty = main.locator('.empty');
      await empty.waitFor();
      assert.match(await empty.innerText(), /No article matches “qwxzyv blorftang”/);
      assert.ok((await empty.innerText()).length > 40, 'more than a bare "no results"');
      await page.waitForFunction(() => /\b0 articles\b/.test(document.querySelector('[role=status]').textContent));
      await screenshot(page, 'serve-1280-nothing-found');
    }));

  it('"/" focuses the search box and Esc clears it', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url);
      await ready(page);
      await expectResultCount(page, 5);
      await page.locator('#results-heading').click(); // focus nowhere in particular
      assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'q');
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'focus is in the search box');
      assert.equal(await searchBox(page).inputValue(), '', 'the "/" is not typed');
      await page.keyboard.type('global buy');
      await expectResultCount(page, 2);
      await page.keyboard.press('Escape');
      await expectQuery(page, '');
      await expectResultCount(page, 5);
      await waitForRoute(page, (r) => !r.params.has('q'), 'no q in the hash');

      // With a query already there, "/" selects it so typing replaces it.
      await searchBox(page).fill('zhang');
      await page.locator('#results-heading').click();
      await page.keyboard.press('/');
      await page.keyboard.type('global buy');
      await expectQuery(page, 'global buy');
      await expectResultCount(page, 2);
    }));

  it('j/k move through the results and Enter opens one', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url);
      await ready(page);
      await expectResultCount(page, 5);
      const ids = await resultIds(page);
      const focused = () => page.evaluate(() => {
        const a = document.activeElement;
        return a && a.classList.contains('result-link')
          ? decodeURIComponent(a.getAttribute('href').replace(/^#\/read\//, '').split('?')[0])
          : null;
      });
      await page.locator('#results-heading').click();
      await page.keyboard.press('j');
      assert.equal(await focused(), ids[0]);
      await page.keyboard.press('j');
      assert.equal(await focused(), ids[1]);
      await page.keyboard.press('j');
      assert.equal(await focused(), ids[2]);
      await page.keyboard.press('k');
      assert.equal(await focused(), ids[1]);
      await page.keyboard.press('Enter');
      await reader(page).waitFor();
      assert.equal((await route(page)).doc, ids[1]);
      // Esc in the reader goes back to the results.
      await page.keyboard.press('Escape');
      await expectResultCount(page, 5);
      assert.equal((await route(page)).view, 'search');
    }));

  it('filters by outlet with a click, in the URL, undone with "Clear all"', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url);
      await ready(page);
      await searchBox(page).fill('alibaba');
      await expectResultCount(page, 5);
      await page.getByRole('checkbox', { name: /The Stack/ }).click();
      await expectResultCount(page, 1);
      assert.ok(await page.getByRole('checkbox', { name: /The Stack/ }).isChecked());
      assert.match(await resultItems(page).first().locator('.meta').innerText(), /^The Stack · /);
      const r = await waitForRoute(page, (r) => r.params.has('f'), 'the filter in the hash');
      assert.equal(r.params.get('f'), 'outlet:The Stack');
      assert.equal(r.params.get('q'), 'alibaba');
      await page.reload();
      await ready(page);
      await expectResultCount(page, 1);
      assert.ok(await page.getByRole('checkbox', { name: /The Stack/ }).isChecked());
      await page.getByRole('button', { name: 'Clear all' }).click();
      await expectResultCount(page, 5);
      assert.equal(await page.getByRole('checkbox', { name: /The Stack/ }).isChecked(), false);
    }));

  it('ticking a filter with the keyboard leaves focus on that filter', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url);
      await ready(page);
      await page.getByRole('checkbox', { name: /The Stack/ }).focus();
      await page.keyboard.press('Space');
      await expectResultCount(page, 1);
      const focused = await page.evaluate(() => {
        const a = document.activeElement;
        return { checked: a.checked, label: document.querySelector(`label[for="${a.id}"]`)?.innerText ?? '' };
      });
      assert.match(focused.label, /The Stack/, 'focus stays on the ticked checkbox');
      assert.equal(focused.checked, true);
      await page.keyboard.press('Space');
      await expectResultCount(page, 5);
      assert.equal((await route(page)).params.has('f'), false, 'Space again unticks it');
    }));

  it('the reader steps through hits, shows the original, pages between articles', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url + '#/search?q=global+buy');
      await ready(page);
      await expectResultCount(page, 2);
      const ids = await resultIds(page);
      await resultItems(page).first().locator('a.result-link').click();
      await reader(page).waitFor();
      const marks = await reader(page).locator('.article-body mark').count();
      const label = page.locator('.hit-label');
      assert.equal(await label.innerText(), `${marks} hits`);
      await page.getByRole('button', { name: 'Next hit' }).click();
      await page.getByText(`Hit 1 of ${marks}`).waitFor();
      await page.getByRole('button', { name: 'Next hit' }).click();
      await page.getByText(`Hit 2 of ${marks}`).waitFor();
      await page.getByRole('button', { name: 'Previous hit' }).click();
      await page.getByRole('button', { name: 'Previous hit' }).click();
      await page.getByText(`Hit ${marks} of ${marks}`).waitFor();
      // The current hit is on screen.
      const current = page.locator(`#hit-${marks - 1}`);
      assert.ok(await current.isVisible());
      const box = await current.boundingBox();
      const vh = page.viewportSize().height;
      assert.ok(box.y >= 0 && box.y + box.height <= vh, `hit ${marks} is scrolled into view (y=${box.y})`);

      // Removed page furniture on demand, in the URL.
      const show = page.getByRole('button', { name: /^Show original \(\d+ removed blocks?\)$/ });
      if (await show.count()) {
        await show.click();
        await page.getByRole('button', { name: 'Hide removed page furniture', pressed: true }).waitFor();
        assert.ok((await reader(page).locator('.removed').count()) > 0);
        await waitForRoute(page, (r) => r.params.get('orig') === '1', 'orig=1 in the hash');
        await page.getByRole('button', { name: 'Hide removed page furniture' }).click();
        await show.waitFor();
        assert.equal(await reader(page).locator('.removed').count(), 0);
      }

      // Next article: the next result, query kept.
      await page.getByRole('link', { name: 'Next article →' }).click();
      let r = await waitForRoute(page, (r) => r.doc === ids[1], 'the next result in the reader');
      assert.equal(r.params.get('q'), 'global buy');
      await page.getByRole('link', { name: '← Previous article' }).click();
      r = await waitForRoute(page, (r) => r.doc === ids[0], 'the previous result in the reader');
      await page.getByRole('link', { name: '← Results' }).click();
      await expectResultCount(page, 2);
      await expectQuery(page, 'global buy');
    }));

  it('sorts by date, and the sort is in the URL', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url);
      await ready(page);
      await expectResultCount(page, 5);
      await page.getByRole('combobox', { name: 'Sort results' }).selectOption({ label: 'Newest first' });
      await waitForRoute(page, (r) => r.params.get('sort') === 'newest', 'sort=newest in the hash');
      const dates = async () => (await page.locator('main ol.results > li.result .meta').allInnerTexts())
        .map((m) => (m.match(/\d{4}-\d{2}-\d{2}/) || [null])[0]).filter(Boolean);
      let d = await dates();
      assert.ok(d.length >= 2);
      assert.deepEqual(d, [...d].sort().reverse(), `newest first: ${d}`);
      await page.getByRole('combobox', { name: 'Sort results' }).selectOption({ label: 'Oldest first' });
      await waitForRoute(page, (r) => r.params.get('sort') === 'oldest', 'sort=oldest in the hash');
      d = await dates();
      assert.deepEqual(d, [...d].sort(), `oldest first: ${d}`);
    }));

  it('a link to an unknown article explains itself', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url + '#/read/no-such-article?q=zhang');
      await ready(page);
      await page.getByRole('heading', { name: 'Article not found' }).waitFor();
      await page.getByRole('link', { name: 'Back to the results' }).click();
      await page.locator('main ol.results > li.result').first().waitFor();
      await expectQuery(page, 'zhang');
    }));
});
