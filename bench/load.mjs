// Time to results in Chromium with the CPU throttled 4× and DevTools' "Slow 4G" network (Chrome
// DevTools Protocol), one 100k-station file vs its tiles, for a query in the densest metro and one
// in the countryside. Each run gets a fresh browser context (cold cache). Used by bench/run.mjs.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

/** DevTools' "Slow 4G" preset: 562.5 ms round trip, 1.44 Mbps down, 675 kbps up. */
const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };
const CPU_SLOWDOWN = 4;

export async function runLoadBench({ root, out, bench, chromium, args, n = 100000 }) {
  // Per tile format version: a cached tile set of another version (another checkout) is not reused.
  const site = join(out, `site-${n}-tiles-v${bench.TILES_VERSION}`);
  await build({
    entryPoints: [join(root, 'bench/page.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    outfile: join(site, 'page.js'),
    logLevel: 'error',
  });
  writeFileSync(join(site, 'page.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script src="page.js"></script>');
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
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const path = join(site, new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(site) || !existsSync(path)) return res.writeHead(404).end();
    const gz = path.endsWith('.json');
    res.writeHead(200, {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      ...(gz ? { 'content-encoding': 'gzip' } : {}),
      'cache-control': 'no-store',
    });
    res.end(readFileSync(path));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;

  const r = bench.random(99);
  const metroSeller = bench.around(r, world.metro.centre, world.metro.radiusDeg * 0.5);
  const ruralSeller = bench.around(r, world.rural[17], 0.1);
  const queries = [
    ['dense metro', { seller: metroSeller, buyer: bench.around(r, metroSeller, 0.3) }],
    ['countryside', { seller: ruralSeller, buyer: bench.around(r, ruralSeller, 0.3) }],
  ];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  const rows = [];
  try {
    for (const [area, parties] of queries) {
      const answers = {};
      for (const kind of ['single', 'tiles']) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', NETWORK);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
        let dataBytes = 0;
        let dataRequests = 0;
        const dataIds = new Set();
        cdp.on('Network.requestWillBeSent', (e) => e.request.url.includes('/data/') && (dataIds.add(e.requestId), dataRequests++));
        cdp.on('Network.loadingFinished', (e) => dataIds.has(e.requestId) && (dataBytes += e.encodedDataLength));
        const src = kind === 'single' ? 'data/stations.json' : 'data/tiles/manifest.json';
        const url = `${base}/page.html?kind=${kind}&src=${encodeURIComponent(src)}&parties=${encodeURIComponent(JSON.stringify(parties))}`;
        await page.goto(url);
        const result = await page.evaluate(() => globalThis.result);
        answers[kind] = result.ids.join();
        rows.push({
          area,
          kind,
          ms: result.ms,
          dataRequests,
          bytes: dataBytes,
          longTasks: result.longTasks.length,
          longestTaskMs: Math.max(0, ...result.longTasks),
        });
        await context.close();
      }
      rows.at(-1).identical = answers.single === answers.tiles;
      rows.at(-2).identical = answers.single === answers.tiles;
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}
