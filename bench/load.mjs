// The widget loading and answering in Chromium with the CPU throttled 4× and DevTools' "Slow 4G"
// network (Chrome DevTools Protocol): a page with the script-tag bundle and one
// <safetrade-meetup>, under a strict CSP, for the shipped dataset and for 100k synthetic stations
// as one file and as tiles (a query in the densest metro and one in the countryside). Each run
// gets a fresh browser context (cold cache) and a trace that says what each long task was.
// Used by bench/run.mjs.
import { build } from 'esbuild';
import { rollup } from 'rollup';
import terser from '@rollup/plugin-terser';
import { createServer } from 'node:http';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpuLongTasks, longTasks as traceLongTasks, startTrace } from './trace.mjs';

/** DevTools' "Slow 4G" preset: 562.5 ms round trip, 1.44 Mbps down, 675 kbps up. */
const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };
export const CPU_SLOWDOWN = Number(process.env.BENCH_CPU ?? 4);
/** The policy test/node/csp.test.mjs holds the widget to: no blob: workers, no inline script. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
/** Midtown Manhattan and a buyer in Brooklyn, for the shipped (NYC-heavy) dataset. */
const NYC = { seller: { lat: 40.758, lng: -73.9855 }, buyer: { lat: 40.6782, lng: -73.9442 } };

/**
 * `repeat`: runs per scenario (the one with the median longest task is reported, with the spread);
 * `only`: scenario kinds to run (shipped, single, tiles).
 */
export async function runLoadBench({ root, out, bench, chromium, args, n = 100000, repeat = 1, only }) {
  const shipped = join(root, 'dist/stations.json');
  if (!existsSync(shipped) || !existsSync(join(root, 'dist/script'))) throw new Error('bench: dist/ is missing or old; run `npm run build` first');
  // Per tile format version: a cached tile set of another version (another checkout) is not reused.
  const site = join(out, `site-${n}-tiles-v${bench.TILES_VERSION}`);
  await buildHarness(root, site);
  // The script tag is a loader now: the element (and its configure) exists once its code has run.
  writeFileSync(
    join(site, 'configure.js'),
    "customElements.whenDefined('safetrade-meetup').then((c) => c.configure({ timeoutMs: 120000, maxBytes: 64 * 1024 * 1024 }));\n",
  );
  const world = bench.syntheticWorld(n, 42);
  if (!existsSync(join(site, 'data/tiles/manifest.json'))) {
    // Written gzipped once (seeded, so the same every time); not committed.
    const put = (path, value) => {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), gzipSync(JSON.stringify(value), { level: 9 }));
    };
    put('data/stations.json', { format: 'safetrade-stations', version: 1, stations: world.stations });
    const { manifest, tiles } = bench.buildTiles(world.stations, { maxPerTile: 128 });
    for (const t of tiles) put(`data/tiles/tiles/${t.id}.json`, t.dataset);
    put('data/tiles/manifest.json', manifest);
  }
  // The shipped dataset sits beside the script, where the widget looks by default.
  writeFileSync(join(site, 'stations.json'), gzipSync(readFileSync(shipped), { level: 9 }));
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const headers = { 'cache-control': 'no-store', 'content-security-policy': CSP };
    if (url.pathname === '/page.html') {
      res.writeHead(200, { ...headers, 'content-type': types['.html'] });
      return res.end(pageHtml(url.searchParams));
    }
    // The loader and its files as `npm run build` made them; the rest from the bench's site.
    const built = url.pathname === '/safetrade-meetup.js' || url.pathname.startsWith('/script/');
    const dir = built ? join(root, 'dist') : site;
    const path = join(dir, url.pathname);
    if (!path.startsWith(dir) || !existsSync(path)) return res.writeHead(404).end();
    const gz = path.endsWith('.json');
    res.writeHead(200, { ...headers, 'content-type': types[extname(path)] ?? 'application/octet-stream', ...(gz ? { 'content-encoding': 'gzip' } : {}) });
    res.end(readFileSync(path));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;

  const r = bench.random(99);
  const metroSeller = bench.around(r, world.metro.centre, world.metro.radiusDeg * 0.5);
  const ruralSeller = bench.around(r, world.rural[17], 0.1);
  const runs = [
    { area: 'New York', kind: 'shipped', parties: NYC },
    ...[
      ['dense metro', { seller: metroSeller, buyer: bench.around(r, metroSeller, 0.3) }],
      ['countryside', { seller: ruralSeller, buyer: bench.around(r, ruralSeller, 0.3) }],
    ].flatMap(([area, parties]) => ['single', 'tiles'].map((kind) => ({ area, kind, parties }))),
  ];
  const sources = { shipped: undefined, single: 'data/stations.json', tiles: 'data/tiles/manifest.json' };
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  const once = async (run) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const trace = await startTrace(cdp);
    const query = new URLSearchParams({ parties: JSON.stringify(run.parties) });
    if (sources[run.kind]) query.set('src', sources[run.kind]);
    await page.goto(`${base}/page.html?${query}`);
    const result = await page.evaluate(() => globalThis.result);
    const events = await trace.stop();
    await context.close();
    return {
      ms: result.ms,
      error: result.error,
      ids: result.ids.join(),
      counts: result.counts,
      dataRequests: result.dataRequests.length,
      bytes: result.dataBytes,
      longTasks: result.longTasks.length,
      longestTaskMs: Math.max(0, ...result.longTasks.map((t) => t.ms)),
      traced: traceLongTasks(events, result.longTasks, result.markMs),
      // Long even on an idle machine: over 50 ms of the main thread's own (throttled) CPU time. On
      // a busy machine the wall-clock durations above also count the time other processes ran.
      cpuTasks: cpuLongTasks(events, 50),
    };
  };
  const rows = [];
  try {
    for (const run of runs.filter((r) => !only || only.includes(r.kind))) {
      const tries = [];
      for (let i = 0; i < repeat; i++) tries.push(await once(run));
      // The run with the median longest task stands for the scenario; the others give the spread.
      const sorted = [...tries].sort((a, b) => a.longestTaskMs - b.longestTaskMs);
      const median = sorted[(sorted.length - 1) >> 1];
      rows.push({ ...run, ...median, tries });
    }
  } finally {
    await browser.close();
    server.close();
  }
  for (const row of rows) {
    const other = rows.find((o) => o !== row && o.area === row.area && o.kind !== 'shipped' && row.kind !== 'shipped');
    row.identical = !row.error && row.tries.every((t) => t.ids === row.ids) && (!other || other.ids === row.ids);
  }
  return rows;
}

/** The host page: harness first, then the script tag and the page's settings, then the widget's markup. */
function pageHtml(params) {
  const { seller, buyer } = JSON.parse(params.get('parties'));
  const src = params.get('src');
  const attr = (name, value) => ` ${name}="${String(value).replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`)}"`;
  const element =
    '<safetrade-meetup' +
    attr('seller-lat', seller.lat) +
    attr('seller-lng', seller.lng) +
    attr('buyer-lat', buyer.lat) +
    attr('buyer-lng', buyer.lng) +
    (src ? attr('stations-src', src) : '') +
    '></safetrade-meetup>';
  // configure.js lets the 100k file (3 MB gzip, 24 MB of JSON: ~17 s over Slow 4G) load: the
  // defaults (10 s, 20 MB) refuse it.
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title><script src="harness.js"></script><script src="safetrade-meetup.js"></script><script src="configure.js"></script><body>${element}</body></html>`;
}

/**
 * The script tag of the checkout at `root`, beside `outfile`. Since the loader (issue #15): its
 * built dist/safetrade-meetup.js and dist/script/ (run `npm run build` there first). Before: the
 * one bundle built with the same Rollup config, except that terser keeps function names so that
 * the trace can name them.
 */
/** bench/page.ts (the page-side harness every browser bench drives) as `dir/harness.js`. */
export function buildHarness(root, dir) {
  return build({
    entryPoints: [join(root, 'bench/page.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    outfile: join(dir, 'harness.js'),
    logLevel: 'error',
  });
}

export async function buildScriptTag(root, outfile) {
  const configs = (await import(pathToFileURL(join(root, 'rollup.config.mjs')).href)).default;
  if (typeof configs === 'function') {
    if (!existsSync(join(root, 'dist/script'))) throw new Error(`bench: ${root}/dist/script is missing; run \`npm run build\` there first`);
    cpSync(join(root, 'dist/safetrade-meetup.js'), outfile);
    rmSync(join(dirname(outfile), 'script'), { recursive: true, force: true });
    cpSync(join(root, 'dist/script'), join(dirname(outfile), 'script'), { recursive: true });
    return;
  }
  const cwd = process.cwd();
  process.chdir(root); // the config's plugins (TypeScript: tsconfig.json, src/) resolve paths from here when made
  try {
    const config = configs[0];
    const bundle = await rollup({ ...config, onwarn: () => {} });
    const minify = terser({ ecma: 2022, module: false, compress: { passes: 2 }, keep_fnames: true, keep_classnames: true });
    await bundle.write({ ...config.output, file: outfile, sourcemap: false, plugins: [minify] });
    await bundle.close();
  } finally {
    process.chdir(cwd);
  }
}
