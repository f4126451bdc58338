// Shared helpers for the browser tests: a static file server, Chromium via
// playwright-core, a page that fails the test on uncaught errors,
// screenshots and axe-core.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The release dist/ under test (CLIPPINGS_DIST, relative to the working
 * directory; default the repository's dist/). */
export const DIST = process.env.CLIPPINGS_DIST
  ? path.resolve(process.env.CLIPPINGS_DIST)
  : path.resolve(here, '../dist');
/** The dist built over the hostile corpus, or null when not given. */
export const HOSTILE_DIST = process.env.CLIPPINGS_HOSTILE_DIST
  ? path.resolve(process.env.CLIPPINGS_HOSTILE_DIST)
  : null;

/** The dist built over e2e/fixtures/many (twelve articles in one month
 * from one outlet, six more from another repeating their quotes), or null
 * when not given. */
export const MANY_DIST = process.env.CLIPPINGS_MANY_DIST
  ? path.resolve(process.env.CLIPPINGS_MANY_DIST)
  : null;

for (const [name, dir] of [['CLIPPINGS_DIST', DIST], ['CLIPPINGS_HOSTILE_DIST', HOSTILE_DIST], ['CLIPPINGS_MANY_DIST', MANY_DIST]]) {
  if (dir && !fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${name}: ${dir} has no index.html (build it first)`);
  }
}
/** Screenshots go here (gitignored). */
export const OUTPUT = path.join(here, 'output');

export const WIDE = { width: 1280, height: 900 };
export const NARROW = { width: 360, height: 780 };

/** The seed corpus the release dist/ is built from, and its article ids. */
export const SEEDS = path.resolve(here, '../seeds');
export const SEED_IDS = fs.readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort();

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serve `root` on 127.0.0.1 (a free port) under `prefix` ("/" or
 * "/some/sub/path/"). GET and HEAD only; no listings; nothing outside root.
 * Returns { url, close, requests } where url ends with the prefix and
 * requests lists the paths asked for.
 */
export async function serve(root, { prefix = '/' } = {}) {
  if (!prefix.startsWith('/')) prefix = '/' + prefix;
  if (!prefix.endsWith('/')) prefix += '/';
  const rootAbs = path.resolve(root);
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (pathname === prefix.slice(0, -1)) {
      // /some/sub/path → /some/sub/path/ (relative URLs need the slash).
      res.writeHead(301, { location: prefix });
      return res.end();
    }
    if (!pathname.startsWith(prefix)) return send(404, 'not found');
    let file = path.resolve(rootAbs, '.' + path.posix.normalize('/' + pathname.slice(prefix.length)));
    if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) return send(404, 'not found');
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        file = path.join(file, 'index.html');
      }
      fs.readFile(file, (err2, data) => {
        if (err2) return send(404, 'not found');
        const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
        send(200, data, type);
      });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Headless Debian Chromium. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * A fresh context and page. Console errors and uncaught page errors are
 * collected; `done()` (call it at the end of the test, or use `withPage`)
 * asserts there were no uncaught page errors and closes the context.
 * With `failOnDialog`, any alert/confirm/prompt fails the test.
 */
export async function newPage(browser, { viewport = WIDE, colorScheme = 'light', failOnDialog = true, contextOptions = {} } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, ...contextOptions });
  const page = await context.newPage();
  const consoleErrors = [];
  const pageErrors = [];
  const dialogs = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(err));
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  const done = async () => {
    try {
      if (failOnDialog) assert.deepEqual(dialogs, [], 'a dialog was opened (script from the page ran)');
      assert.deepEqual(
        pageErrors.map((e) => String(e && e.stack ? e.stack : e)),
        [],
        'uncaught errors in the page',
      );
    } finally {
      await context.close().catch(() => {});
    }
  };
  return { context, page, consoleErrors, pageErrors, dialogs, done };
}

/** Run `fn({page, context, ...})` on a fresh page and always clean up. */
export async function withPage(browser, options, fn) {
  if (typeof options === 'function') [options, fn] = [{}, options];
  const p = await newPage(browser, options);
  let failed = null;
  try {
    await fn(p);
  } catch (e) {
    failed = e;
  }
  if (failed) {
    await p.context.close().catch(() => {});
    throw failed;
  }
  await p.done();
}

/** Save a full-page screenshot to output/<name>.png and return its path. */
export async function screenshot(page, name) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const AXE_SOURCE = fs.readFileSync(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Run axe-core on the page (WCAG 2.x A/AA and best practices) and return
 * its violations as plain objects: { id, impact, help, nodes: [{ target, summary }] }.
 */
export async function axe(page, { include } = {}) {
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!has) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (include) => {
    const result = await window.axe.run(include ? { include: [include] } : document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }, include ?? null);
}

/** One line per violating node, for assertion messages and the report. */
export function formatViolations(violations) {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help}\n    at ${n.target}: ${n.html}\n    ${String(n.summary).replace(/\n/g, '\n    ')}`))
    .join('\n');
}

export function fileUrl(p) {
  return pathToFileURL(p).href;
}

// ---------------------------------------------------------------------------
// App-level helpers: how a user finds things on the page.

/** The search box (role searchbox named "Search"). */
export const searchBox = (page) => page.getByRole('searchbox', { name: 'Search' });

/** Wait until the app has rendered (the search box is there). */
export async function ready(page) {
  await searchBox(page).waitFor({ state: 'visible', timeout: 20_000 });
}

/** Result items in the article list. */
export const resultItems = (page) => page.locator('main ol.results > li.result');

/** Titles of the listed results, in order. */
export function resultTitles(page) {
  return page.locator('main ol.results > li.result .result-title a').allInnerTexts();
}

/** Wait for exactly `n` results to be listed. */
export async function expectResultCount(page, n, timeout = 10_000) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('main ol.results > li.result').length === n,
    n,
    { timeout },
  ).catch(async (e) => {
    const got = await page.locator('main ol.results > li.result').count();
    throw new Error(`expected ${n} results, got ${got}: ${e.message}`);
  });
}

/** The location hash, decoded into { view, doc, params }. */
export async function route(page) {
  const hash = await page.evaluate(() => location.hash);
  const [p, qs = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, ...rest] = p.split('/');
  const doc = rest.length ? decodeURIComponent(rest.join('/')) : null;
  return { hash, view, doc, params: new URLSearchParams(qs) };
}

/** Wait until the hash satisfies `pred(route)`. */
export async function waitForRoute(page, pred, what = 'route', timeout = 10_000) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    last = await route(page);
    if (pred(last)) return last;
    await page.waitForTimeout(25);
  }
  throw new Error(`timed out waiting for ${what}; hash is ${last && last.hash}`);
}

/** The reader's article element. */
export const reader = (page) => page.locator('main article.reader');

/** Wait until the search box holds exactly `value`. */
export async function expectQuery(page, value, timeout = 5_000) {
  await page.waitForFunction((v) => document.getElementById('q')?.value === v, value, { timeout })
    .catch(async () => {
      throw new Error(`search box holds ${JSON.stringify(await searchBox(page).inputValue())}, expected ${JSON.stringify(value)}`);
    });
}
