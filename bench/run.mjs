// Drive the in-browser benchmark: generate the query set, serve the repo,
// open bench/page in headless Chromium, collect and print the results.
//
//   node bench/run.mjs            (run by `cargo xtask bench`, which builds
//                                  the inputs under bench/data first)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '../e2e/node_modules/playwright-core/index.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const data = path.join(here, 'data');
const outDir = path.join(here, 'output');
fs.mkdirSync(outDir, { recursive: true });

// 1. Documents for the peers: the same analysed documents the bundle holds.
const analysis = JSON.parse(fs.readFileSync(path.join(data, 'news-analysis.json'), 'utf8'));
const docs = analysis.documents.map((d) => ({ id: d.id, title: d.title, text: d.text }));
fs.writeFileSync(path.join(data, 'news-docs.json'), JSON.stringify(docs));
const rawText = docs.reduce((n, d) => n + Buffer.byteLength(d.title) + Buffer.byteLength(d.text), 0);

// 2. Queries, deterministic: a seeded PRNG over the corpus's own words.
let seed = 20151;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rand() * a.length)];
const wordsOf = (s) => s.toLowerCase().match(/[a-z]+/g) || [];
const df = new Map();
for (const d of docs) for (const w of new Set(wordsOf(d.text))) df.set(w, (df.get(w) || 0) + 1);
const mid = [...df.entries()].filter(([w, n]) => n >= 20 && n <= 400 && w.length >= 4).map(([w]) => w).sort();
const runs = (n) => {
  const out = [];
  while (out.length < 30) {
    const ws = wordsOf(pick(docs).text);
    if (ws.length < n + 1) continue;
    const i = Math.floor(rand() * (ws.length - n));
    const seq = ws.slice(i, i + n);
    if (seq.every((w) => w.length >= 3)) out.push(seq.join(' '));
  }
  return out;
};
const typo = (w) => { const i = 1 + Math.floor(rand() * (w.length - 3)); return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); };
const queries = {
  '1-term': Array.from({ length: 30 }, () => pick(mid)),
  '2-term': runs(2),
  '3-term': runs(3),
  'phrase': runs(3).map((q) => `"${q}"`),
  'typo': Array.from({ length: 30 }, () => pick(mid.filter((w) => w.length >= 6))).map(typo),
  'prefix': Array.from({ length: 30 }, () => pick(mid.filter((w) => w.length >= 6))).map((w) => w.slice(0, 4)),
  'no-hit': Array.from({ length: 10 }, (_, i) => `qzx${'vbnm'[i % 4]}plorf${i}`),
};
fs.writeFileSync(path.join(data, 'queries.json'), JSON.stringify(queries, null, 1));

// 3. Serve the repository and run the page.
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = http.createServer((req, res) => {
  const p = path.join(root, decodeURIComponent(req.url.split('?')[0]));
  if (!p.startsWith(root) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) { res.writeHead(404); return res.end(); }
  // Cross-origin isolation (COOP + COEP) gives the page a high-resolution
  // performance.now() (5 µs instead of 100 µs in Chromium).
  res.writeHead(200, {
    'content-type': types[path.extname(p)] || 'application/octet-stream',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cross-origin-resource-policy': 'same-origin',
  });
  fs.createReadStream(p).pipe(res);
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
page.on('pageerror', (e) => console.error('page error:', e.message));
const reps = process.env.BENCH_REPS || 7;
await page.goto(`http://127.0.0.1:${server.address().port}/bench/page/index.html?reps=${reps}`);
await page.waitForFunction(() => window.benchResults || window.benchError, null, { timeout: 30 * 60 * 1000, polling: 1000 });
const error = await page.evaluate(() => window.benchError);
if (error) { console.error(error); process.exit(1); }
const results = await page.evaluate(() => window.benchResults);
const version = await browser.version();
await browser.close();
server.close();

// 4. Payloads: raw, gzip, brotli.
const sizes = (buf) => ({
  raw: buf.length,
  gzip: zlib.gzipSync(buf, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const bundleStats = JSON.parse(fs.readFileSync(path.join(data, 'news-bundle-stats.json'), 'utf8'));
const payload = {
  clippings: { ...sizes(fs.readFileSync(path.join(data, 'news.bin'))), index_only: bundleStats.index_bytes, note: 'bundle = documents + analysis + positional index' },
  minisearch: { ...sizes(Buffer.from(results.engines.minisearch.index_json)), note: 'index JSON only, no documents, no positions' },
  flexsearch: { ...sizes(Buffer.from(results.engines.flexsearch.index_json)), note: 'exported index only, no documents' },
};
delete results.engines.minisearch.index_json;
delete results.engines.flexsearch.index_json;

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${version}`;
const report = { date: new Date().toISOString(), machine, raw_text_bytes: rawText, payload, ...results };
fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(report, null, 2));

// 5. Print.
const ms = (x) => x.toFixed(3);
if (!results.timer.cross_origin_isolated) console.error('warning: page not cross-origin isolated; timer resolution is coarse');
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const lines = [];
const tm = results.timer;
lines.push(`NewsArticles: ${results.docs} documents, ${(rawText / 2 ** 20).toFixed(1)} MiB of text. ${machine}. Per query, after a warm-up run: ${reps} samples per engine, each the mean of a batch of back-to-back runs lasting ≥ ${tm.min_batch_ms} ms (≤ ${tm.max_batch} runs), the engines taking turns sample by sample. Timer: cross-origin isolated ${tm.cross_origin_isolated}, resolution ${(tm.resolution_ms * 1000).toFixed(1)} µs.`);
lines.push('');
lines.push('| query type | Clippings p50 / p95 ms | (with facets+quotes) | MiniSearch p50 / p95 ms | MiniSearch + stemmer p50 / p95 ms | FlexSearch p50 / p95 ms | p95 vs MiniSearch | p95 vs MiniSearch + stemmer | p95 vs FlexSearch |');
lines.push('|---|---|---|---|---|---|---|---|---|');
for (const type of Object.keys(results.engines.clippings.latency)) {
  const c = results.engines.clippings.latency[type];
  const f = results.engines.clippings.latency_full[type];
  const m = results.engines.minisearch.latency[type];
  const s = results.engines.minisearch_stemmed.latency[type];
  const x = results.engines.flexsearch.latency[type];
  lines.push(`| ${type} | ${ms(c.p50)} / ${ms(c.p95)} | ${ms(f.p50)} / ${ms(f.p95)} | ${ms(m.p50)} / ${ms(m.p95)} | ${ms(s.p50)} / ${ms(s.p95)} | ${ms(x.p50)} / ${ms(x.p95)} | ${(c.p95 / m.p95).toFixed(2)}× | ${(c.p95 / s.p95).toFixed(2)}× | ${(c.p95 / x.p95).toFixed(2)}× |`);
}
lines.push('');
// How much each engine finds is how much work a query is: ours and the
// stemmed MiniSearch match a word's whole family, default MiniSearch one
// exact term.
const found = (e, type) => results.engines[e].latency[type].hits;
lines.push(`Documents returned over the ${results.engines.clippings.latency['1-term'].queries} one-word queries: Clippings ${found('clippings', '1-term')}, MiniSearch ${found('minisearch', '1-term')}, MiniSearch + stemmer ${found('minisearch_stemmed', '1-term')}, FlexSearch ${found('flexsearch', '1-term')}.`);
lines.push('');
const cl = results.engines.clippings.load, mi = results.engines.minisearch.load, fl = results.engines.flexsearch.load;
lines.push('| load | Clippings | MiniSearch | FlexSearch |');
lines.push('|---|---|---|---|');
lines.push(`| open / load index | ${ms(cl.open_ms)} ms (open bundle in place; median of ${cl.open_ms_runs.map(ms).join(', ')}; copying the bytes into wasm memory first, which the app's embedded bundle does not need: ${ms(cl.copy_bytes_ms)} ms) + ${ms(cl.wasm_instantiate_ms)} ms wasm instantiate | ${ms(mi.load_json_ms)} ms loadJSON (build ${ms(mi.build_ms)} ms) | ${ms(fl.import_ms)} ms import (build ${ms(fl.build_ms)} ms) |`);
lines.push(`| payload raw / gzip / brotli | ${kib(payload.clippings.raw)} / ${kib(payload.clippings.gzip)} / ${kib(payload.clippings.brotli)} (${payload.clippings.note}) | ${kib(payload.minisearch.raw)} / ${kib(payload.minisearch.gzip)} / ${kib(payload.minisearch.brotli)} (${payload.minisearch.note}) | ${kib(payload.flexsearch.raw)} / ${kib(payload.flexsearch.gzip)} / ${kib(payload.flexsearch.brotli)} (${payload.flexsearch.note}) |`);
lines.push(`| index with positions vs raw text | ${(bundleStats.index_bytes / rawText).toFixed(2)}× | ${(payload.minisearch.raw / rawText).toFixed(2)}× (no positions) | ${(payload.flexsearch.raw / rawText).toFixed(2)}× |`);
lines.push('');
lines.push(`Top-10 overlap with MiniSearch on 1-term queries: ${(results.top10_overlap_with_minisearch * 100).toFixed(0)}%.`);
const md = lines.join('\n');
fs.writeFileSync(path.join(outDir, 'results.md'), md + '\n');
console.log(md);
