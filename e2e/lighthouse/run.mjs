// Lighthouse audit of the served release build, in Debian's Chromium.
// Usage: cargo xtask lighthouse  (builds dist/, installs this folder's npm
// packages, serves dist/ on 127.0.0.1 and audits it, mobile and desktop).
// Prints one line per category and writes the HTML reports to e2e/output/.

import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import http from 'node:http';
import zlib from 'node:zlib';
import { DIST, CHROMIUM_ARGS, OUTPUT } from '../lib.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json', '.json': 'application/json', '.png': 'image/png',
};

// Served as a static host would: brotli when asked for, long caching for
// the hashed assets, revalidation for the page and the service worker.
function serve(root) {
  const server = http.createServer((req, res) => {
    let pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(root, '.' + path.posix.normalize(pathname));
    if (!file.startsWith(path.resolve(root))) { res.writeHead(404); return res.end(); }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); return res.end(); }
      const ext = path.extname(file);
      const headers = {
        'content-type': TYPES[ext] || 'application/octet-stream',
        'cache-control': /-[0-9a-f]{16}\./.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (/\bbr\b/.test(req.headers['accept-encoding'] || '') && ext !== '.png') {
        headers['content-encoding'] = 'br';
        data = zlib.brotliCompressSync(data);
      }
      res.writeHead(200, headers);
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  })));
}

const server = await serve(DIST);
const url = `${server.url}#/search?q=global`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  chromeFlags: CHROMIUM_ARGS.filter((a) => !a.startsWith('--user-data-dir')),
});
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const rows = [];
try {
  for (const [name, config] of [['mobile', undefined], ['desktop', desktopConfig]]) {
    const result = await lighthouse(url, { port: chrome.port, output: 'html', onlyCategories: categories, logLevel: 'error' }, config);
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.writeFileSync(path.join(OUTPUT, `lighthouse-${name}.html`), result.report);
    const lhr = result.lhr;
    const scores = categories.map((c) => Math.round((lhr.categories[c].score ?? 0) * 100));
    rows.push([name, ...scores]);
    for (const c of categories) {
      for (const ref of lhr.categories[c].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.log(`  ${name} ${c}: ${audit.id} ${Math.round(audit.score * 100)} ${audit.displayValue ?? ''}`);
        }
      }
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
console.log(`\n| Lighthouse ${lighthouse.version ?? ''} | ${categories.join(' | ')} |`);
console.log(`|---|${categories.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
