#!/usr/bin/env node
// `npm run bench:hostile`: the longest main-thread task while the widget meets a hostile or huge
// dataset, in headless Chromium without CPU or network throttling. Each case is a fresh page with
// the script-tag bundle and one <safetrade-meetup> pointed at it; a Chrome DevTools Protocol trace
// gives every renderer main-thread task from the page's first script to the widget's answer (a
// suggestion or an error) and 250 ms after. The goal is no task over 50 ms. Prints a table;
// asserts nothing.
//   node bench/hostile.mjs                 every case, 3 runs each (the median run is reported)
//   node bench/hostile.mjs --repeat=5      more runs per case
//   node bench/hostile.mjs --root=DIR      the widget built from another checkout (e.g. an older commit), same cases
//   node bench/hostile.mjs --only=m10,big  some cases (m10, m11, m12: 1M, 4M, 16M tiles; m20mb, cap, big)
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildHarness, buildScriptTag } from './load.mjs';
import { cpuLongTasks, describeTask, startTrace } from './trace.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/ensure-chromium.mjs';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const root = resolve(arg('root') ?? here);
const repeat = Number(arg('repeat') ?? 3);
const out = join(here, '.tmp/bench-hostile');
mkdirSync(out, { recursive: true });

// The widget as the script tag ships it (names kept, so the trace can say what ran).
await buildScriptTag(root, join(out, 'safetrade-meetup.js'));
await buildHarness(here, out);
await build({
  entryPoints: [join(here, 'bench/entry.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'es2022',
  outfile: join(out, 'bench.mjs'),
  logLevel: 'error',
});
const bench = await import(pathToFileURL(join(out, 'bench.mjs')).href);

const MAX_BYTES = 20 * 1024 * 1024;
const NYC = { seller: { lat: 40.758, lng: -73.9855 }, buyer: { lat: 40.6782, lng: -73.9442 } };
const TREE = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+,-./:;<=>?';

/** A complete quadtree `levels` deep (4^levels tiles): every cell split ("?"), then every quarter a tile ("e"). */
function fullTree(levels) {
  const splitCells = (4 ** levels - 1) / 3;
  const last = 4 ** (levels - 1);
  return '?'.repeat(splitCells - last) + 'e'.repeat(last);
}
const manifest = (tree, stations) =>
  JSON.stringify({ format: 'safetrade-stations-tiles', version: 2, stations, maxPerTile: 128, build: 'c0ffee', url: 'tiles/{id}.json', tree });

/** The cell of tile `id` (its path from the world cell, as docs/TILES.md spells it). */
function cellOf(id) {
  let [w, s, e, n] = [-180, -90, 180, 90];
  for (const q of id.slice(1)) {
    const [lng, lat] = [(w + e) / 2, (s + n) / 2];
    if (q & 1) w = lng;
    else e = lng;
    if (q & 2) s = lat;
    else n = lat;
  }
  return [w, s, e, n];
}

/** A 20 MB dataset (just under the byte limit): as many synthetic stations as fit. */
function bigDataset() {
  const { stations } = bench.syntheticWorld(100_000, 7);
  const body = (list) => JSON.stringify({ format: 'safetrade-stations', version: 1, stations: list });
  let n = Math.floor((stations.length * MAX_BYTES) / Buffer.byteLength(body(stations)));
  while (Buffer.byteLength(body(stations.slice(0, n))) > MAX_BYTES) n -= 100;
  return body(stations.slice(0, n));
}

// A manifest at the cap, 8 levels (65,536 tiles), whose every tile the server makes up: one station at its cell's centre.
const capTile = (id) => {
  const [w, s, e, n] = cellOf(id);
  const station = { id: `s-${id}`, name: `Station ${id}`, address: `${id} Main St`, country: 'US', lat: (s + n) / 2, lng: (w + e) / 2 };
  return JSON.stringify({ format: 'safetrade-stations', version: 1, build: 'c0ffee', stations: [station] });
};
const twentyMB = bigDataset();
const biggestTree = TREE[80].repeat(MAX_BYTES - 200);
const cases = [
  { name: '1M tiles declared', file: 'm10/manifest.json', body: manifest(fullTree(10), 4 ** 10) },
  { name: '4M tiles declared', file: 'm11/manifest.json', body: manifest(fullTree(11), 4 ** 11) },
  { name: '16M tiles declared', file: 'm12/manifest.json', body: manifest(fullTree(12), 4 ** 12) },
  { name: '21M split cells declared (a 20 MB tree)', file: 'm20mb/manifest.json', body: manifest(biggestTree, 1) },
  { name: '65,536 tiles (at the cap), all served', file: 'cap/manifest.json', body: manifest(fullTree(8), 4 ** 8) },
  { name: `20 MB dataset (${JSON.parse(twentyMB).stations.length.toLocaleString('en-US')} stations)`, file: 'big/stations.json', body: twentyMB },
];
const only = arg('only')?.split(',');
const files = new Map(cases.map((c) => [`/${c.file}`, c.body]));

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const path = url.pathname;
  const send = (type, body) => res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  if (path === '/page.html') return send('text/html; charset=utf-8', page(url.searchParams.get('src')));
  // The loader's pinned files too (dist/script/, copied by buildScriptTag).
  if (path === '/harness.js' || path === '/safetrade-meetup.js' || /^\/script\/[\w.-]+\.js$/.test(path))
    return send('text/javascript', readFileSync(join(out, path)));
  if (files.has(path)) return send('application/json', files.get(path));
  const tile = /^\/cap\/tiles\/(t[0-3]{8})\.json$/.exec(path);
  if (tile) return send('application/json', capTile(tile[1]));
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

function page(src) {
  const { seller, buyer } = NYC;
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>hostile</title><script src="harness.js"></script><script src="safetrade-meetup.js"></script><body><safetrade-meetup seller-lat="${seller.lat}" seller-lng="${seller.lng}" buyer-lat="${buyer.lat}" buyer-lng="${buyer.lng}" stations-src="${src}"></safetrade-meetup></body></html>`;
}

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const once = async (c) => {
  const context = await browser.newContext();
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  const trace = await startTrace(cdp);
  const started = Date.now();
  await p.goto(`${base}/page.html?src=${encodeURIComponent(c.file)}`);
  // A page that never answers (a hung tab) is reported as such after a minute.
  const result = await p.evaluate(() =>
    Promise.race([globalThis.result, new Promise((r) => setTimeout(() => r({ error: 'no answer within 60 s', ids: [] }), 60_000))]),
  );
  const ms = Date.now() - started;
  const events = await trace.stop();
  await context.close();
  // The main-thread tasks from the harness's mark on, by CPU time (which other processes on this
  // busy machine do not inflate); the longest one named by trace.mjs.
  const cpu = mainTaskCpuMs(events);
  const max = Math.max(0, ...cpu);
  const longest = cpuLongTasks(events, max - 0.01)[0] ?? { ms: 0, cpuMs: 0, work: [], functions: [] };
  return { result, ms, longest, tasks: cpu.length, over50: cpu.filter((t) => t > 50).length };
};
/** CPU ms of each renderer main-thread task from the 'bench-harness' mark on (as trace.mjs finds them). */
function mainTaskCpuMs(events) {
  const mark = events.find((e) => e.name === 'bench-harness' && e.cat?.includes('blink.user_timing'));
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && mark && e.pid === mark.pid);
  if (!main) throw new Error('bench: no renderer main thread in the trace');
  return events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts + e.dur >= mark.ts)
    .map((e) => (e.tdur ?? 0) / 1000);
}

const rows = [];
try {
  for (const c of cases.filter((x) => !only || only.includes(x.file.split('/')[0]))) {
    const runs = [];
    for (let i = 0; i < repeat; i++) runs.push(await once(c));
    runs.sort((a, b) => a.longest.cpuMs - b.longest.cpuMs);
    rows.push({ c, run: runs[(runs.length - 1) >> 1], runs });
  }
} finally {
  await browser.close();
  server.close();
}

const f = (x) => x.toFixed(0);
const mb = (s) => `${(Buffer.byteLength(s) / 1024 / 1024).toFixed(2)} MB`;
console.log(
  `\n## Longest main-thread task, hostile and huge datasets (Chromium ${browser.version()}, unthrottled; median of ${repeat} runs; ${root === here ? 'this checkout' : root})\n`,
);
console.log('| case | size | longest task CPU ms (runs) | its wall ms | tasks (over 50 ms CPU) | widget shows | what the longest task was |');
console.log('|---|---|---|---|---|---|---|');
for (const { c, run, runs } of rows) {
  const shows = run.result.error ? `error: ${run.result.error.replace(/^[^:]+: \S+ /, '… ').slice(0, 90)}` : `${run.result.ids.length} suggestions`;
  console.log(
    `| ${c.name} | ${mb(c.body)} | ${f(run.longest.cpuMs)} (${runs.map((r) => f(r.longest.cpuMs)).join(', ')}) | ${f(run.longest.ms)} | ${run.tasks} (${run.over50}) | ${shows.replace(/\|/g, '\\|')} | ${describeTask(run.longest).replace(/\|/g, '\\|')} |`,
  );
}
