// The Quotes, Coverage, Timeline and Entities views, export downloads,
// copying a citation, the dark-mode toggle, keyboard-only use, axe on every
// view (light and dark), and screenshots of every view at 1280px and 360px.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  DIST, WIDE, NARROW, serve, launch, withPage, screenshot, searchBox, ready,
  expectResultCount, route, waitForRoute, reader, axe, formatViolations,
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

const live = (page) => page.locator('div.sr-only[role="status"]');
const viewHeading = (page) => page.locator('#view-heading');

/** Open a view by URL and wait for its content. */
async function open(page, hash, selector) {
  await page.goto(server.url + hash);
  await ready(page);
  await page.locator(selector).first().waitFor({ timeout: 15_000 });
}

const VIEWS = {
  search: { hash: '#/search', ready: 'main ol.results > li.result' },
  reader: { hash: '#/read/001_a31c8d53c7f2617f?q=zulily', ready: 'main article.reader .article-body' },
  quotes: { hash: '#/quotes', ready: 'main .quotes-view .quote-item' },
  coverage: { hash: '#/coverage', ready: 'main table.coverage tbody tr' },
  timeline: { hash: '#/timeline', ready: 'main .timeline-view .month' },
  entities: { hash: '#/entities', ready: 'main table.entities tbody tr' },
};

/** Elements sticking out of the window sideways (see layout.test.mjs). */
function overflow(page) {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > w) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${w}`);
    for (const el of document.querySelectorAll('.app *')) {
      if (el.closest('.table-wrap') && !el.classList.contains('table-wrap')) continue; // scrolls inside its own box
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > w + 1 || r.left < -1) && getComputedStyle(el).position !== 'fixed' && !el.closest('.sr-only')) {
        out.push(`${el.tagName.toLowerCase()}.${el.className}: ${Math.round(r.left)}..${Math.round(r.right)}`);
      }
    }
    return out.slice(0, 10);
  });
}

/** Click `button` and return { name, text } of the download it starts. */
async function downloadFrom(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

describe('Quotes view', () => {
  it('groups every matching quote by speaker, unattributed last, with statements shown once', () =>
    withPage(browser, async ({ page }) => {
      await open(page, '#/quotes', VIEWS.quotes.ready);
      const heading = await viewHeading(page).innerText();
      const [, total] = heading.match(/^(\d+) quotes? by (\d+) speakers?/) || [];
      assert.ok(Number(total) > 3, heading);
      const speakers = await page.locator('.quotes-view section.speaker h3').allInnerTexts();
      assert.ok(speakers.length >= 2, `speakers: ${speakers}`);
      const unattributed = speakers.findIndex((s) => s.startsWith('Unattributed'));
      if (unattributed >= 0) assert.equal(unattributed, speakers.length - 1, 'Unattributed comes last');
      // Each speaker's quotes are a labelled list.
      assert.ok(await page.getByRole('list', { name: /^Quotes by / }).first().isVisible());

      // A statement several outlets reported: shown once, with its reports.
      const group = page.locator('.quote-item:has(.group)').first();
      await group.waitFor();
      assert.match(await group.locator('.reported').innerText(), /^Reported by [2-9]\d* outlets$/);
      const members = await group.locator('.members > li').count();
      assert.ok(members >= 2, `${members} reports listed`);
      const diffs = await page.locator('.members .diff').count();
      if (diffs > 0) {
        assert.ok(await page.locator('.members .diff :is(ins, del)').count() > 0, 'a diff marks added or removed words');
      }

      // Each quote: outlet, date, a link that opens it in the reader.
      const first = page.locator('.quote-item').first();
      assert.match(await first.locator('.meta').innerText(), /·.*·\s*Open “/);
      await first.locator('a.result-link').click();
      await reader(page).waitFor();
      assert.equal((await route(page)).view, 'read');
      await page.goBack();
      await page.locator(VIEWS.quotes.ready).first().waitFor();
      assert.equal((await route(page)).view, 'quotes');
    }));

  it('follows the query and filters, in the URL, and reloads to itself', () =>
    withPage(browser, async ({ page }) => {
      await open(page, '#/quotes', VIEWS.quotes.ready);
      const all = await page.locator('.quote-item').count();
      await searchBox(page).pressSequentially('globalize', { delay: 20 });
      await waitForRoute(page, (r) => r.view === 'quotes' && r.params.get('q') === 'globalize', 'q=globalize on the quotes view');
      await page.waitForFunction((n) => document.querySelectorAll('.quote-item').length < n, all);
      const texts = await page.locator('.quote-item blockquote').allInnerTexts();
      assert.ok(texts.length >= 1);
      assert.ok(await page.locator('.quote-item blockquote mark').count() >= 1, 'hits are marked in the quotes');
      await page.reload();
      await ready(page);
      await page.locator(VIEWS.quotes.ready).first().waitFor();
      assert.equal(await page.locator('.quote-item').count(), texts.length, 'reload shows the same quotes');
      assert.equal(await searchBox(page).inputValue(), 'globalize');
    }));

  it('copies a citation to the clipboard and says so in the live region', () =>
    withPage(browser, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } }, async ({ page }) => {
      await open(page, '#/quotes?q=globalize', VIEWS.quotes.ready);
      const item = page.locator('.quote-item').first();
      const speaker = (await page.locator('section.speaker h3').first().innerText()).split(' · ')[0];
      await item.getByRole('button', { name: 'Copy citation' }).click();
      await page.waitForFunction(() => document.querySelector('div.sr-only[role="status"]')?.textContent === 'Citation copied');
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(clip, /^.+, “.+”, .+, (\d{4}-\d\d-\d\d.*|undated)$/, clip);
      assert.ok(clip.startsWith(speaker === 'Unattributed' ? 'Unattributed speaker' : speaker), `${clip} starts with ${speaker}`);
      const words = (await item.locator('blockquote q').innerText()).replace(/\s+/g, ' ').trim().replace(/[,;:]+$/, '');
      assert.ok(clip.includes(`“${words}”`), `${clip} quotes ${words}`);
    }));
});

describe('Coverage view', () => {
  it('has one row per outlet, the statements it carried, and the Zulily disagreement', () =>
    withPage(browser, async ({ page }) => {
      await open(page, '#/coverage', VIEWS.coverage.ready);
      const table = page.getByRole('table', { name: /Coverage by outlet/ });
      await table.waitFor();
      const outlets = await table.locator('tbody th[scope="row"]').allInnerTexts();
      assert.equal(new Set(outlets).size, outlets.length, 'one row per outlet');
      const articles = (await table.locator('tbody td.num').allInnerTexts()).map(Number);
      assert.equal(articles.reduce((a, b) => a + b, 0), 5, 'every article counted once');
      assert.equal(await table.locator('thead th[scope="col"]').count(), 5);

      const disagree = page.getByRole('region', { name: 'Where outlets disagree' });
      const text = await disagree.innerText();
      assert.match(text, /stake in zulily/i);
      assert.match(text, /9%/);
      assert.match(text, /roughly 10 percent/);
      // Both outlets are named next to their figures.
      assert.ok((await disagree.locator('mark.figure').count()) >= 2);
      assert.ok(await table.locator('mark.figure').count() >= 2, 'the figures are highlighted in the table too');
    }));

  it('filters by an outlet with a click, staying on the view', () =>
    withPage(browser, async ({ page }) => {
      await open(page, '#/coverage', VIEWS.coverage.ready);
      const first = page.locator('table.coverage tbody button.outlet-filter').first();
      const name = await first.innerText();
      await first.click();
      const r = await waitForRoute(page, (r) => r.params.getAll('f').includes(`outlet:${name}`), `f=outlet:${name}`);
      assert.equal(r.view, 'coverage');
      await page.waitForFunction(() => document.querySelectorAll('table.coverage tbody tr').length === 1);
      assert.ok(await page.getByRole('checkbox', { name: new RegExp(name) }).isChecked());
      await page.goBack();
      await page.waitForFunction(() => document.querySelectorAll('table.coverage tbody tr').length > 1);
    }));
});

describe('Timeline view', () => {
  it('lists articles by year and month, undated apart, and filters by a year', () =>
    withPage(browser, async ({ page }) => {
      await open(page, '#/timeline', VIEWS.timeline.ready);
      const heading = await viewHeading(page).innerText();
      const m = heading.match(/^(\d+) dated articles?(?:, (\d+) undated)?/);
      assert.ok(m, heading);
      const dated = Number(m[1]);
      const undated = Number(m[2] || 0);
      assert.equal(dated + undated, 5);
      const listed = await page.locator('.timeline-view .year:not(.undated) .articles > li').count();
      assert.equal(listed, dated);
      if (undated) {
        assert.equal(await page.locator('.timeline-view .year.undated .articles > li').count(), undated);
      }
      const years = await page.locator('.year-head h3').allInnerTexts();
      assert.ok(years.length >= 1);
      const year = years[0].slice(0, 4);
      await page.getByRole('button', { name: `Filter by ${year}` }).click();
      const r = await waitForRoute(page, (r) => r.params.getAll('f').includes(`year:${year}`), `f=year:${year}`);
      assert.equal(r.view, 'timeline');
      await page.waitForFunction(() => document.querySelectorAll('.year-head').length === 1);
      // An article opens in the reader.
      await page.locator('.timeline-view a.result-link').first().click();
      await reader(page).waitFor();
    }));
});

describe('Entities view', () => {
  it('shows people, organizations and places with counts and aliases; a name filters', () =>
    withPage(browser, async ({ page }) => {
      await open(page, '#/entities', VIEWS.entities.ready);
      const people = page.getByRole('table', { name: /^People \(\d+\)$/ });
      await people.waitFor();
      assert.ok(await page.getByRole('table', { name: /^Organizations \(\d+\)$/ }).isVisible());
      const zhang = people.getByRole('button', { name: 'Daniel Zhang', exact: true });
      const row = people.locator('tbody tr', { has: page.getByRole('button', { name: 'Daniel Zhang', exact: true }) });
      const [docs, mentions] = (await row.locator('td.num').allInnerTexts()).map(Number);
      assert.ok(docs >= 2 && mentions >= docs, `Daniel Zhang: ${docs} articles, ${mentions} mentions`);
      assert.match(await row.locator('td.aliases').innerText(), /Zhang/);
      await zhang.click();
      const r = await waitForRoute(page, (r) => r.params.getAll('f').includes('person:Daniel Zhang'), 'f=person:Daniel Zhang');
      assert.equal(r.view, 'entities');
      await page.waitForFunction(() => document.querySelector('#view-heading')?.textContent.includes(' in '));
      assert.equal(await people.getByRole('button', { name: 'Daniel Zhang', exact: true }).getAttribute('aria-pressed'), 'true');
    }));
});

describe('export', () => {
  for (const view of ['search', 'quotes', 'coverage', 'timeline', 'entities', 'reader']) {
    it(`${view}: CSV and JSON downloads named after the query and filters`, () =>
      withPage(browser, async ({ page }) => {
        const hash = view === 'reader'
          ? VIEWS.reader.hash
          : `${VIEWS[view].hash}?q=zhang&f=outlet%3AThe+Stack`;
        await open(page, hash, view === 'reader' ? VIEWS.reader.ready : 'main .export');
        const key = view === 'reader' ? 'read' : view;
        const stem = view === 'reader' ? `clippings-read-zulily` : `clippings-${key}-zhang-outlet-the-stack`;
        const csv = await downloadFrom(page, page.getByRole('button', { name: 'Download CSV' }));
        assert.equal(csv.name, `${stem}.csv`);
        const lines = csv.text.replace(/^\uFEFF/, '').trim().split(/\r\n/);
        assert.ok(lines.length >= 2, `a header and rows: ${csv.text.slice(0, 300)}`);
        const json = await downloadFrom(page, page.getByRole('button', { name: 'Download JSON' }));
        assert.equal(json.name, `${stem}.json`);
        const data = JSON.parse(json.text);
        assert.equal(data.view, key);
        assert.equal(data.query, view === 'reader' ? 'zulily' : 'zhang');
        if (view !== 'reader') assert.deepEqual(data.filters, ['outlet:The Stack']);
        assert.ok(Array.isArray(data.rows) && data.rows.length >= 1);
        assert.equal(Object.keys(data.rows[0]).join(','), lines[0]);
        await page.waitForFunction(() => /^Downloaded clippings-/.test(document.querySelector('div.sr-only[role="status"]')?.textContent || ''));
        if (view === 'coverage') {
          assert.equal(data.rows.length, 1);
          assert.equal(data.rows[0].outlet, 'The Stack');
        }
      }));
  }

  it('sanitises hostile queries in file names', () =>
    withPage(browser, async ({ page }) => {
      await open(page, '#/quotes?q=' + encodeURIComponent('<img src=x onerror=alert(1)>/../"x"'), 'main .export');
      const csv = await downloadFrom(page, page.getByRole('button', { name: 'Download CSV' }));
      assert.match(csv.name, /^[a-z0-9-]+\.csv$/);
      assert.equal(csv.name, 'clippings-quotes-img-src-x-onerror-alert-1-x.csv');
    }));
});

describe('dark mode toggle', () => {
  it('switches the theme, is remembered across reloads, and back', () =>
    withPage(browser, { colorScheme: 'light' }, async ({ page }) => {
      await open(page, '#/quotes', VIEWS.quotes.ready);
      const toggle = page.getByRole('button', { name: 'Dark mode' });
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
      const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const light = await bg();
      await toggle.click();
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.notEqual(await bg(), light);
      await page.reload();
      await ready(page);
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      assert.equal(await page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed'), 'true');
      await page.getByRole('button', { name: 'Dark mode' }).click();
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
      assert.equal(await bg(), light);
    }));

  it('follows the system preference until toggled', () =>
    withPage(browser, { colorScheme: 'dark' }, async ({ page }) => {
      await open(page, '#/search', VIEWS.search.ready);
      assert.equal(await page.getByRole('button', { name: 'Dark mode' }).getAttribute('aria-pressed'), 'true');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null);
    }));
});

describe('keyboard only', () => {
  it('reaches a view tab, moves through its items with j/k, opens with Enter, copies with the keyboard', () =>
    withPage(browser, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } }, async ({ page }) => {
      await page.goto(server.url);
      await ready(page);
      await expectResultCount(page, 5);
      // Tab until the Quotes tab has focus.
      let found = false;
      for (let i = 0; i < 30 && !found; i++) {
        await page.keyboard.press('Tab');
        found = await page.evaluate(() => document.activeElement?.textContent === 'Quotes' && document.activeElement.classList.contains('tab'));
      }
      assert.ok(found, 'the Quotes tab is reachable with Tab');
      // The focus ring is visible.
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none');
      await page.keyboard.press('Enter');
      await page.locator(VIEWS.quotes.ready).first().waitFor();
      assert.equal((await route(page)).view, 'quotes');

      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('k');
      const focused = await page.evaluate(() => document.activeElement?.classList.contains('result-link')
        && document.activeElement === document.querySelectorAll('.result-link')[0]);
      assert.ok(focused, 'j j k lands on the first quote link');
      // Tab from the link reaches its Copy citation button; Space presses it.
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.textContent === 'Copy citation')) break;
      }
      await page.keyboard.press('Space');
      await page.waitForFunction(() => document.querySelector('div.sr-only[role="status"]')?.textContent === 'Citation copied');

      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await reader(page).waitFor();
      await page.keyboard.press('Escape');
      await waitForRoute(page, (r) => r.view === 'search', 'Esc closes the reader');

      // "/" focuses the search box from anywhere.
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
    }));
});

describe('layout fixes', () => {
  it('at 360px the filters are collapsed and results lead; at 1280px they are open', () =>
    withPage(browser, { viewport: NARROW }, async ({ page }) => {
      await open(page, '#/search', VIEWS.search.ready);
      const details = page.locator('aside.facets details');
      assert.equal(await details.getAttribute('open'), null, 'collapsed on a phone');
      const box = await page.locator('main ol.results > li.result').first().boundingBox();
      assert.ok(box.y < NARROW.height * 0.6, `first result at y=${box.y}: the results lead on a phone`);
      await page.locator('aside.facets summary').click();
      assert.ok(await page.getByRole('checkbox').first().isVisible());
      await page.setViewportSize(WIDE);
      await page.reload();
      await ready(page);
      assert.notEqual(await page.locator('aside.facets details').getAttribute('open'), null, 'open on a wide screen');
    }));

  it('no empty Filters panel when nothing matches; facet names have tooltips; the reader is centred', () =>
    withPage(browser, async ({ page }) => {
      await open(page, '#/search', VIEWS.search.ready);
      const names = page.locator('.facet-name');
      assert.equal(await names.first().getAttribute('title'), await names.first().innerText());
      await searchBox(page).fill('qwxzyv');
      await expectResultCount(page, 0);
      assert.equal(await page.getByRole('complementary', { name: 'Filters' }).count(), 0);

      await page.goto(server.url + VIEWS.reader.hash);
      await reader(page).waitFor();
      const r = await reader(page).boundingBox();
      const centre = r.x + r.width / 2;
      assert.ok(Math.abs(centre - WIDE.width / 2) < 40, `reader centred: centre at ${centre}`);
    }));

  it('facet values keep their identity (and focus) when counts re-sort them', () =>
    withPage(browser, async ({ page }) => {
      await open(page, '#/search', VIEWS.search.ready);
      const box = page.getByRole('checkbox', { name: /Global Times/ });
      await box.focus();
      await box.press('Space');
      await waitForRoute(page, (r) => r.params.getAll('f').includes('outlet:Global Times'), 'outlet filter');
      const active = await page.evaluate(() => document.activeElement?.labels?.[0]?.textContent || '');
      assert.match(active, /Global Times/, 'focus stays on the checkbox that was pressed');
    }));

  it('has a print stylesheet that drops the chrome around the article', () =>
    withPage(browser, async ({ page }) => {
      await page.goto(server.url + VIEWS.reader.hash);
      await reader(page).waitFor();
      await page.emulateMedia({ media: 'print' });
      for (const sel of ['header.top', '.reader-tools', '.reader-nav']) {
        assert.equal(await page.locator(sel).evaluate((el) => getComputedStyle(el).display), 'none', sel);
      }
      assert.ok(await page.locator('.article-body').isVisible());
    }));
});

describe('every view: axe, layout and screenshots', () => {
  for (const [label, viewport] of [['1280', WIDE], ['360', NARROW]]) {
    for (const scheme of ['light', 'dark']) {
      for (const [name, v] of Object.entries(VIEWS)) {
        it(`${name} at ${label}px, ${scheme}`, () =>
          withPage(browser, { viewport, colorScheme: scheme }, async ({ page }) => {
            await open(page, v.hash, v.ready);
            await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))));
            await screenshot(page, `views-${label}-${scheme}-${name}`);
            assert.deepEqual(await overflow(page), [], 'nothing wider than the window');
            const violations = await axe(page);
            assert.equal(violations.length, 0, `axe violations:\n${formatViolations(violations)}`);
          }));
      }
    }
  }

  it('axe with the toggle overriding a light system (dark via data-theme) on the quotes view', () =>
    withPage(browser, { colorScheme: 'light' }, async ({ page }) => {
      await open(page, '#/quotes', VIEWS.quotes.ready);
      await page.getByRole('button', { name: 'Dark mode' }).click();
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      const violations = await axe(page);
      assert.equal(violations.length, 0, `axe violations:\n${formatViolations(violations)}`);
    }));
});
