// In-browser search benchmark: Clippings (wasm) vs MiniSearch vs FlexSearch,
// same documents, same queries, same page, same run. Driven by bench/run.mjs,
// which reads `window.benchResults` when it appears.
import init, { Bench } from '../../target/bench-wasm/clippings_bench_wasm.js';
import MiniSearch from '../node_modules/minisearch/dist/es/index.js';
import { Index as FlexIndex } from '../node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs';

const status = (s) => { document.getElementById('status').textContent = s; };
const now = () => performance.now();
const params = new URLSearchParams(location.search);
const REPS = Number(params.get('reps') || 7);

async function fetchBytes(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

function percentile(sorted, p) {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

// Time every query of every type REPS times after one warm-up run.
function timeQueries(run, queries) {
  const out = {};
  for (const [type, list] of Object.entries(queries)) {
    const samples = [];
    let hits = 0;
    for (const q of list) {
      hits += run(q, type);
      for (let r = 0; r < REPS; r++) {
        const t = now();
        run(q, type);
        samples.push(now() - t);
      }
    }
    samples.sort((a, b) => a - b);
    out[type] = { p50: percentile(samples, 50), p95: percentile(samples, 95), queries: list.length, hits };
  }
  return out;
}

async function main() {
  const docs = await (await fetch('../data/news-docs.json')).json();
  const queries = await (await fetch('../data/queries.json')).json();
  const results = { docs: docs.length, engines: {} };

  // Clippings: instantiate the wasm, open the bundle in place.
  status('clippings');
  let t = now();
  await init({ module_or_path: '../../target/bench-wasm/clippings_bench_wasm_bg.wasm' });
  const wasmInit = now() - t;
  const bundle = await fetchBytes('../data/news.bin');
  t = now();
  const ours = new Bench(bundle);
  const open = now() - t;
  const ourQuery = (q, type) => ours.search(type === 'prefix' ? q : q + ' ');
  results.engines.clippings = {
    load: { wasm_instantiate_ms: wasmInit, open_ms: open },
    latency: timeQueries(ourQuery, queries),
    latency_full: timeQueries((q, type) => ours.search_full(type === 'prefix' ? q : q + ' '), queries),
  };

  // MiniSearch 7.2: build, serialize, load from JSON, query.
  status('minisearch');
  t = now();
  const mini = new MiniSearch({ fields: ['title', 'text'], idField: 'id' });
  mini.addAll(docs);
  const miniBuild = now() - t;
  const miniJson = JSON.stringify(mini);
  t = now();
  const miniLoaded = MiniSearch.loadJSON(miniJson, { fields: ['title', 'text'], idField: 'id' });
  const miniLoad = now() - t;
  const miniQuery = (q, type) =>
    miniLoaded.search(q.replaceAll('"', ''), {
      prefix: type === 'prefix',
      fuzzy: type === 'typo' ? 0.2 : false,
    }).length;
  results.engines.minisearch = {
    load: { build_ms: miniBuild, load_json_ms: miniLoad },
    index_json: miniJson,
    latency: timeQueries(miniQuery, queries),
  };

  // FlexSearch 0.8: forward tokenizer (prefix search), build, export, query.
  status('flexsearch');
  t = now();
  const flex = new FlexIndex({ tokenize: 'forward' });
  for (const d of docs) flex.add(d.id, d.title + ' ' + d.text);
  const flexBuild = now() - t;
  const parts = {};
  await flex.export((key, data) => { parts[key] = data; });
  const flexExport = JSON.stringify(parts);
  t = now();
  const flex2 = new FlexIndex({ tokenize: 'forward' });
  for (const [k, v] of Object.entries(parts)) flex2.import(k, v);
  const flexLoad = now() - t;
  const flexQuery = (q) => flex2.search(q.replaceAll('"', ''), { limit: 10000 }).length;
  results.engines.flexsearch = {
    load: { build_ms: flexBuild, import_ms: flexLoad },
    index_json: flexExport,
    latency: timeQueries(flexQuery, queries),
  };

  // Agreement: how many of MiniSearch's top 10 for 1-term queries we also find.
  const sample = queries['1-term'].slice(0, 10);
  let overlap = 0, total = 0;
  for (const q of sample) {
    const a = new Set(ours.top(q + ' ', 10));
    const b = miniLoaded.search(q).slice(0, 10).map((r) => String(r.id));
    total += b.length;
    overlap += b.filter((id) => a.has(id)).length;
  }
  results.top10_overlap_with_minisearch = total ? overlap / total : 0;
  status('done');
  window.benchResults = results;
}

main().catch((e) => { status('error: ' + e.message); window.benchError = String(e.stack || e); });
