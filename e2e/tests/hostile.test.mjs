// The app built over fixtures/hostile/: titles, bodies, quotes, outlets,
// bylines and urls full of markup. Corpus text must only ever become text:
// no dialog, no element from the corpus, no javascript: link; the markup is
// visible as characters. Also a hostile query, typed and in the URL.
//
// Needs CLIPPINGS_HOSTILE_DIST (cargo xtask test builds it):
//   CLIPPINGS_CORPUS=e2e/fixtures/hostile trunk build --dist target/dist-hostile

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  HOSTILE_DIST, serve, launch, withPage, screenshot, searchBox, ready, resultItems,
  expectResultCount, expectQuery, route, waitForRoute, reader, NARROW,
} from '../lib.mjs';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(2)>';
const SVG = '"><svg onload=alert(3)>';
const QUERY = '<img src=x onerror=alert(9)>';
const IDS = ["a&b'quote", 'entities', 'javascript-link', 'script-in-title'];

/**
 * Does `text` show `literal`? Straight and curly double quotes are ignored:
 * once a quote is recognised the reader draws it as a <q> without its
 * quotation marks. The angle brackets are what matter here.
 */
function shows(text, literal) {
  const plain = (s) => s.replace(/["“”]/g, '');
  return plain(text).includes(plain(literal));
}

const skip = HOSTILE_DIST
  ? false
  : 'CLIPPINGS_HOSTILE_DIST is not set: build the app over e2e/fixtures/hostile (cargo xtask test does) and point the variable at that dist';

/**
 * Elements that corpus markup could have produced, anywhere in the app
 * (header, filters, main, live region): returns a list of descriptions.
 */
function injected(page) {
  return page.evaluate(() => {
    const app = document.querySelector('.app');
    if (!app) return ['no .app element'];
    const bad = [];
    for (const el of app.querySelectorAll('script, img, svg, iframe, object, embed, b, i, style:not(.reader > style), link, meta, form:not(.search), base')) {
      bad.push(el.outerHTML.slice(0, 120));
    }
    for (const el of app.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${el.tagName} has ${a.name}`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)) {
          bad.push(`${el.tagName} ${a.name}=${a.value}`);
        }
      }
    }
    // The reader's <style> is the app's own (current hit outline): it may
    // only ever hold that one rule.
    for (const s of app.querySelectorAll('.reader > style')) {
      if (s.textContent && !/^#hit-\d+ \{ outline: [^{}]*\}$/.test(s.textContent)) bad.push(`style: ${s.textContent}`);
    }
    return bad;
  });
}

async function assertClean(page, where) {
  assert.deepEqual(await injected(page), [], `elements or attributes from the corpus in ${where}`);
}

let browser;
let server;

before(async () => {
  if (skip) return;
  browser = await launch();
  server = await serve(HOSTILE_DIST);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile corpus', { skip }, () => {
  it('lists hostile articles as text', () =>
    withPage(browser, async ({ page, dialogs }) => {
      await page.goto(server.url);
      await ready(page);
      await expectResultCount(page, IDS.length);
      await assertClean(page, 'the start page');
      const list = page.locator('main ol.results');
      const text = await list.innerText();
      for (const s of [SCRIPT, IMG, SVG, '&lt;b&gt;bold&lt;/b&gt;']) {
        assert.ok(shows(text, s), `results show ${s} as text`);
      }
      // The script title is visible text, not an element.
      const title = page.locator('.result-title a', { hasText: SCRIPT });
      assert.equal(await title.count(), 1);
      assert.ok(await title.isVisible());
      // Hostile outlets in the filters are text too.
      const filters = await page.getByRole('complementary', { name: 'Filters' }).innerText();
      assert.ok(filters.includes('<img src=x onerror=alert(2)> Times'), filters);
      assert.ok(filters.includes('<script>alert(1)</script> Gazette'), filters);
      assert.deepEqual(dialogs, []);
      await screenshot(page, 'hostile-1280-list');
    }));

  it('searching shows marked hostile text, still as text', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url);
      await ready(page);
      await searchBox(page).pressSequentially('alert hostile');
      await page.locator('main ol.results > li.result mark').first().waitFor();
      await assertClean(page, 'results for "alert hostile"');
      const text = await page.locator('main ol.results').innerText();
      assert.ok(shows(text, SCRIPT), 'marks do not break the literal text');
    }));

  it('opens every hostile article in the reader as text, including a&b\'quote', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url + '#/search?q=alert');
      await ready(page);
      for (const id of IDS) {
        await page.goto(server.url + '#/search?q=alert');
        await page.locator('main ol.results > li.result').first().waitFor();
        const ids = await page.locator('main a.result-link').evaluateAll((links) =>
          links.map((a) => decodeURIComponent(a.getAttribute('href').replace(/^#\/read\//, '').split('?')[0])));
        const i = ids.indexOf(id);
        if (i >= 0) {
          await page.locator('main a.result-link').nth(i).click();
        } else {
          // Not among the results for "alert": open it by its URL.
          await page.goto(server.url + `#/read/${encodeURIComponent(id)}?q=alert`);
        }
        await reader(page).waitFor();
        assert.equal((await route(page)).doc, id);
        await assertClean(page, `the reader for ${id}`);
        // Removed page furniture, shown on demand, is text as well.
        const original = page.getByRole('button', { name: /^Show original/ });
        if (await original.count()) {
          await original.click();
          await page.getByRole('button', { name: 'Hide removed page furniture' }).waitFor();
          await assertClean(page, `the reader for ${id} with the original text`);
        }
      }

      // The script article: literal markup in title, byline, outlet and body.
      await page.goto(server.url + '#/read/script-in-title?q=alert');
      await reader(page).waitFor();
      const title = await page.locator('#reader-title').innerText();
      assert.ok(title.includes(SCRIPT), title);
      const body = await reader(page).locator('.article-body').innerText();
      for (const s of [SCRIPT, IMG, SVG, '&lt;b&gt;bold&lt;/b&gt;', '<a href="javascript:alert(6)">click here</a>']) {
        assert.ok(shows(body, s), `the body shows ${s} as text`);
      }
      const meta = await reader(page).locator('.reader-head .meta').innerText();
      assert.ok(meta.includes('<img src=x onerror=alert(2)> Times'), meta);
      assert.ok(meta.includes('"><svg onload=alert(3)> Reporter'), meta);
      // Its url is javascript:…: no "original" link at all.
      assert.equal(await reader(page).getByRole('link', { name: 'original' }).count(), 0);
      await screenshot(page, 'hostile-1280-reader');

      // The id with & and ' survives the URL and a reload.
      await page.goto(server.url + `#/read/${encodeURIComponent("a&b'quote")}`);
      await reader(page).waitFor();
      await page.reload();
      await ready(page);
      await reader(page).waitFor();
      assert.equal((await route(page)).doc, "a&b'quote");
      assert.ok(shows(await page.locator('#reader-title').innerText(), SVG));
      await page.setViewportSize(NARROW);
      await screenshot(page, 'hostile-360-reader');
    }));

  it('a hostile outlet works as a filter', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url);
      await ready(page);
      // click(), not check(): ticking re-sorts the filter list (see the
      // facet keyboard test in serve.test.mjs).
      await page.getByRole('checkbox', { name: /<img src=x onerror=alert\(2\)> Times/ }).click();
      await expectResultCount(page, 1);
      assert.ok(await page.getByRole('checkbox', { name: /<img src=x onerror=alert\(2\)> Times/ }).isChecked());
      const r = await waitForRoute(page, (r) => r.params.getAll('f').length === 1, 'a filter in the hash');
      assert.equal(r.params.get('f'), 'outlet:<img src=x onerror=alert(2)> Times');
      await assertClean(page, 'filtered results');
      await page.reload();
      await ready(page);
      await expectResultCount(page, 1);
      assert.ok(await page.getByRole('checkbox', { name: /<img src=x onerror=alert\(2\)> Times/ }).isChecked());
      await assertClean(page, 'filtered results after a reload');
    }));

  it('every view and the quotes list render hostile text as text', () =>
    withPage(browser, async ({ page }) => {
      for (const hash of ['#/quotes', '#/coverage', '#/timeline', '#/entities', '#/search?kind=quotes', '#/search?q=said&kind=quotes']) {
        await page.goto(server.url + hash);
        await ready(page);
        await page.locator('main section, main article').first().waitFor();
        await assertClean(page, hash);
      }
    }));

  it('a hostile query, typed or in the URL, is text', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url);
      await ready(page);

      // Typed.
      await searchBox(page).pressSequentially(QUERY);
      let r = await waitForRoute(page, (r) => r.params.get('q') === QUERY, 'the typed query in the hash');
      await expectQuery(page, QUERY);
      await page.locator('#results-heading').waitFor();
      await assertClean(page, 'results for a typed hostile query');
      const notes = await page.locator('main').innerText();
      assert.ok(!/undefined|NaN/.test(notes));

      // In the URL, as pasted (not percent-encoded by hand).
      await page.goto(server.url + `#/search?q=${QUERY}`);
      await ready(page);
      await expectQuery(page, QUERY);
      await assertClean(page, 'results for a hostile query from the URL');

      // Percent-encoded, and a phrase that matches nothing: the
      // explanation quotes the query as text.
      await page.goto(server.url + `#/search?q=${encodeURIComponent(`"${QUERY}"`)}`);
      await ready(page);
      await expectQuery(page, `"${QUERY}"`);
      await expectResultCount(page, 0);
      const empty = await page.locator('main .empty').innerText();
      assert.ok(empty.includes(`“"${QUERY}"”`), empty);
      await assertClean(page, 'the explanation for a hostile query');
      await screenshot(page, 'hostile-1280-query');

      // The query also travels into the reader and back.
      await page.goto(server.url + `#/read/script-in-title?q=${encodeURIComponent(QUERY)}`);
      await reader(page).waitFor();
      await assertClean(page, 'the reader with a hostile query');
      await page.getByRole('link', { name: '← Results' }).click();
      r = await waitForRoute(page, (r) => r.view === 'search', 'back to the results');
      assert.equal(r.params.get('q'), QUERY);
      await expectQuery(page, QUERY);
    }));
});
