#!/usr/bin/env node
// `npm run bench`: the query benchmark in Node and in headless Chromium side by side, index build
// cost, and bytes/requests per query for tiles vs one file. Prints tables; asserts nothing.
//   npm run bench                   everything
//   npm run bench -- --quick        N up to 10k, fewer samples (a smoke run)
//   npm run bench -- --no-browser   Node only
//   npm run bench -- --queries-only just the query and index-build tables (with or without --no-browser)
//   npm run bench -- --load-only    just the throttled page load: issue #15's table, today's bundle
//                                   (a47497d) beside the loader (--repeat=N runs each, default 3); with
//                                   --only=shipped,single,tiles also the per-dataset table (100k data);
//                                   BENCH_CPU=1 in the environment: no CPU throttling, default 4
//   npm run bench -- --tiles-only   just bytes and requests per query, tiles vs one file
//                                   (PER=96,128 picks the max/tile values; default 64, 128, 256)
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/ensure-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// In the checkout's .tmp/ (ignored), not node_modules/.cache: worktrees may share node_modules.
const out = join(root, '.tmp/bench');
const quick = process.argv.includes('--quick');
const browser = !process.argv.includes('--no-browser');
const loadOnly = process.argv.includes('--load-only');
const tilesOnly = process.argv.includes('--tiles-only');
const queriesOnly = process.argv.includes('--queries-only');
const sizes = quick ? [100, 1000, 10000] : [100, 1000, 10000, 100000];
const budgetMs = quick ? 100 : 400;

mkdirSync(out, { recursive: true });
const common = { entryPoints: [join(root, 'bench/entry.ts')], bundle: true, target: 'es2022', logLevel: 'error' };
await build({ ...common, format: 'esm', platform: 'node', outfile: join(out, 'bench.mjs') });
await build({ ...common, format: 'iife', globalName: 'Bench', platform: 'browser', outfile: join(out, 'bench.iife.js') });
const bench = await import(pathToFileURL(join(out, 'bench.mjs')).href);

console.log(
  `safetrade-meetup bench: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; limit 3, maxDistanceKm 40, buyer ~30 km from seller`,
);
async function queryTables() {
  const cpu = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  const node = bench.runQueryBench(sizes, budgetMs, cpu);
  let chrome = null;
  let chromeVersion = '';
  if (browser) {
    const { chromium } = await import('playwright-core');
    const b = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    chromeVersion = b.version();
    const page = await b.newPage();
    await page.addScriptTag({ path: join(out, 'bench.iife.js') });
    chrome = await page.evaluate(([s, ms]) => globalThis.Bench.runQueryBench(s, ms), [sizes, budgetMs]);
    await b.close();
  }

  const f = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  console.log(`\n## Query time per call (µs, median of batches; wall clock, and CPU time of the Node process)${chrome ? `; Chromium ${chromeVersion}` : ''}\n`);
  console.log(
    `| N | mode | Node indexed | Node brute | Node × | Node CPU indexed | Node CPU brute | ${chrome ? 'Chromium indexed | Chromium brute | Chromium × | ' : ''}identical |`,
  );
  console.log(`|---:|---|---:|---:|---:|---:|---:|${chrome ? '---:|---:|---:|' : ''}---|`);
  node.queries.forEach((q, i) => {
    const c = chrome?.queries[i];
    const cells = [q.n, q.mode, f(q.indexedUs), f(q.bruteUs), `${f(q.bruteUs / q.indexedUs)}×`, f(q.indexedCpuUs), f(q.bruteCpuUs)];
    if (c) cells.push(f(c.indexedUs), f(c.bruteUs), `${f(c.bruteUs / c.indexedUs)}×`);
    cells.push(q.identical && (!c || c.identical) ? `yes (${q.queries}${c ? ' + ' + c.queries : ''})` : '**NO**');
    console.log(`| ${cells.join(' | ')} |`);
  });

  console.log("\n## Index build (median) and memory (the typed arrays; stations are the caller's)\n");
  console.log(`| N | Node build ms | ${chrome ? 'Chromium build ms | ' : ''}index bytes | bytes/station |`);
  console.log(`|---:|---:|${chrome ? '---:|' : ''}---:|---:|`);
  node.builds.forEach((b, i) => {
    const cells = [b.n, f(b.buildMs)];
    if (chrome) cells.push(f(chrome.builds[i].buildMs));
    cells.push(b.indexBytes.toLocaleString('en'), (b.indexBytes / b.n).toFixed(0));
    console.log(`| ${cells.join(' | ')} |`);
  });
}

async function tilesTable() {
  const n = quick ? 10000 : 100000;
  const gz = (text) => gzipSync(text, { level: 9 }).length;
  const rows = await bench.runTilesBench(n, process.env.PER ? process.env.PER.split(',').map(Number) : [64, 128, 256], gz, quick ? 50 : 200);
  const kb = (x) => (x / 1024).toFixed(1);
  console.log(`\n## One query against ${n.toLocaleString('en')} synthetic stations: bytes (gzip -9) and requests, tiles vs one file (median / p90)\n`);
  console.log(
    '| area | plan | max/tile | tiles | one file KB | manifest KB | tile KB per query | manifest + tiles KB | tile requests | tile rounds | one round | identical |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(
      `| ${r.area} | ${r.plan} | ${r.maxPerTile} | ${r.tiles} | ${kb(r.singleFileGz)} | ${kb(r.manifestGz)} | ${kb(r.tilesGz[0])} / ${kb(r.tilesGz[1])} | ${kb(r.totalGz[0])} / ${kb(r.totalGz[1])} | ${r.requests[0]} / ${r.requests[1]} | ${r.rounds[0]} / ${r.rounds[1]} | ${Math.round(r.oneRound * 100)}% | ${r.identical ? 'yes' : '**NO**'} |`,
    );
  }
  console.log('\nOne file = 1 request, 1 round trip. Tiles = manifest (1 round trip, cached per page) + the tile rounds above.');
}

if (!loadOnly && !tilesOnly) await queryTables();
if (!loadOnly && !queriesOnly) await tilesTable();
if (browser && !tilesOnly && !queriesOnly && (!quick || loadOnly)) {
  const { runLoadBench, buildHarness, CPU_SLOWDOWN } = await import('./load.mjs');
  const { chromium } = await import('playwright-core');
  const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const repeat = Number(arg('repeat') ?? 1);
  const only = arg('only')?.split(',');

  // Issue #15's table: today's single bundle and the loader side by side.
  const { runLoaderTable, loaderTable, BASELINE } = await import('./loader-table.mjs');
  const harnessDir = join(out, 'loader-table');
  await buildHarness(root, harnessDir);
  const table = await runLoaderTable({ root, out: harnessDir, chromium, args: CHROMIUM_ARGS, cpu: CPU_SLOWDOWN, repeat: Number(arg('repeat') ?? 3) });
  console.log(
    `\n## The script tag before (${BASELINE}, one bundle) and after (the loader), in Chromium, ${CPU_SLOWDOWN === 1 ? 'CPU not throttled' : `CPU ${CPU_SLOWDOWN}× slower`}, DevTools "Slow 4G"\n`,
  );
  console.log('Medians of the runs, [each run] beside them; builds interleaved. Bytes: compressed bodies (gzip -9) of every request the widget made.');
  console.log("Tasks: as the page's PerformanceObserver saw them (wall clock) / per run; CPU: the main thread's own time from the trace.\n");
  for (const line of loaderTable(table, CPU_SLOWDOWN)) console.log(line);
  const { describeTask: describe } = await import('./trace.mjs');
  console.log('\nEach run: what it fetched, and each task over 50 ms of CPU (from the trace: top-level work, then JS self time by function, ms):');
  for (const r of table) {
    const tasks = r.cpuTasks.length ? r.cpuTasks.map((t) => `\n  - ${describe(t)}`).join('') : ' no task over 50 ms of CPU';
    console.log(
      `- ${r.build}, ${r.scenario}: ${r.resources.map((e) => `${e.path.replace(/^\/(before|after)\//, '')} ${(e.bytes / 1024).toFixed(1)} KB`).join(', ')};${tasks}`,
    );
  }
  if (!only) process.exit(0);

  const load = await runLoadBench({ root, out, bench, chromium, args: CHROMIUM_ARGS, repeat, only });
  const { describeTask } = await import('./trace.mjs');
  const source = { shipped: 'shipped file', single: 'one file (100k)', tiles: 'tiles (100k)' };
  console.log(
    `\n## The widget loading and answering in Chromium, ${CPU_SLOWDOWN === 1 ? 'CPU not throttled' : `CPU ${CPU_SLOWDOWN}× slower`}, DevTools "Slow 4G" (562 ms RTT, 1.44 Mbps), cold cache, one query\n`,
  );
  console.log('Script-tag bundle + one <safetrade-meetup>, strict CSP. Time to results = navigation start to safetrade-suggest.\n');
  if (repeat > 1) console.log(`${repeat} runs per scenario: the run with the median longest task is shown, [all runs] beside it.\n`);
  console.log("Long tasks: as the page's PerformanceObserver saw them (wall clock), and by the main thread's own CPU time in the trace,");
  console.log('which other processes on a busy machine do not inflate (throttled CPU time: what the wall clock would be on an idle one).\n');
  console.log(
    '| area | source | time to results ms | data requests | data bytes (wire) | long tasks > 50 ms | longest task ms | tasks > 50 ms CPU | longest task CPU ms | events ready/suggest/error | same answer |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
  const spread = (r, f) => (r.tries.length > 1 ? ` [${r.tries.map(f).join(', ')}]` : '');
  for (const r of load) {
    const c = ['safetrade-ready', 'safetrade-suggest', 'safetrade-error'].map((k) => r.counts[k] ?? 0).join('/');
    const tasks = `${r.longTasks}${spread(r, (t) => t.longTasks)}`;
    const longest = `${r.longestTaskMs.toFixed(0)}${spread(r, (t) => t.longestTaskMs.toFixed(0))}`;
    const cpuLongest = (t) => Math.max(0, ...t.cpuTasks.map((x) => x.cpuMs)).toFixed(0);
    const cpu = `${r.cpuTasks.length}${spread(r, (t) => t.cpuTasks.length)} | ${cpuLongest(r)}${spread(r, cpuLongest)}`;
    console.log(
      `| ${r.area} | ${source[r.kind]} | ${r.ms.toFixed(0)} | ${r.dataRequests} | ${r.bytes.toLocaleString('en')} | ${tasks} | ${longest} | ${cpu} | ${c} | ${r.identical ? 'yes' : r.error ? `**${r.error}**` : '**NO**'} |`,
    );
  }
  console.log('\nWhat each task over 50 ms was (wall ms, CPU ms; from the trace: top-level work, then JS self time by function, ms):\n');
  for (const r of load) {
    const tasks = r.traced.length ? r.traced.map((t) => `\n  - ${describeTask(t)}`).join('') : ' none';
    console.log(`- ${r.area}, ${source[r.kind]}:${tasks}`);
  }
}
