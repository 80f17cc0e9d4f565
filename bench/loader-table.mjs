// Issue #15's table, today's script tag and the loader side by side in one run: Chromium, CPU
// throttled (BENCH_CPU, default 4×), strict CSP, a fresh browser context (cold cache) per page
// load, .js and .json served gzipped as a CDN would. Two pages per build, the shipped NYC data:
// - below: the widget 4,000 px down a listing page, never scrolled to. Bytes of every request the
//   widget made (compressed bodies) and the host's main-thread tasks over 50 ms until the page has
//   been idle for a while after `load`. DevTools "Slow 4G" too, so that a request in flight shows.
// - in view: the widget on the first screen. Time to results (navigation start to the first
//   safetrade-suggest), the bytes fetched until then, the longest task, under 4× CPU + Slow 4G.
// "Before" is the dist/ of BASELINE (the last single-bundle build) built in a temporary git worktree
// (.tmp/baseline-<commit>, with this checkout's node_modules linked), once per commit.
// Used by bench/run.mjs --load-only.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, symlinkSync, realpathSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpuLongTasks, startTrace } from './trace.mjs';

export const BASELINE = 'a47497d';
const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
const NYC = { seller: { lat: 40.758, lng: -73.9855 }, buyer: { lat: 40.6782, lng: -73.9442 } };

/** dist/ of the baseline commit, built once in .tmp/baseline-<commit>. */
export function baselineDist(root) {
  const dir = join(root, '.tmp', `baseline-${BASELINE}`);
  const dist = join(dir, 'dist');
  if (existsSync(join(dist, 'safetrade-meetup.js')) && existsSync(join(dist, 'stations.json'))) return dist;
  if (!existsSync(dir)) execFileSync('git', ['worktree', 'add', '--detach', dir, BASELINE], { cwd: root, stdio: 'ignore' });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(realpathSync(join(root, 'node_modules')), join(dir, 'node_modules'));
  console.error(`bench: building ${BASELINE}'s dist/ in ${dir} (once)…`);
  execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: dir, stdio: 'inherit' });
  execFileSync('node', ['data/build.mjs'], { cwd: dir, stdio: 'inherit' });
  return dist;
}

export async function runLoaderTable({ root, out, chromium, args, cpu = 4, repeat = 1 }) {
  const builds = { before: baselineDist(root), after: join(root, 'dist') };
  if (!existsSync(join(builds.after, 'script'))) throw new Error('bench: dist/script is missing; run `npm run build` first');
  const harness = join(out, 'harness.js');
  if (!existsSync(harness)) throw new Error('bench: harness.js missing (bench/load.mjs builds it)');
  const gz = new Map();
  const types = { '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const headers = { 'cache-control': 'no-store', 'content-security-policy': CSP };
    if (url.pathname === '/page.html') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      return res.end(page(url.searchParams));
    }
    if (url.pathname === '/page.css') {
      // Not an inline style: the page's CSP (style-src 'self') would drop it, and the widget with it on the first screen.
      res.writeHead(200, { ...headers, 'content-type': 'text/css' });
      return res.end('.listing { height: 4000px }');
    }
    if (url.pathname === '/harness.js') {
      res.writeHead(200, { ...headers, 'content-type': types['.js'] });
      return res.end(readFileSync(harness));
    }
    const [, build, ...rest] = url.pathname.split('/');
    const dir = builds[build];
    const path = dir && join(dir, ...rest);
    if (!path || !path.startsWith(dir) || !existsSync(path) || !types[extname(path)]) return res.writeHead(404).end();
    if (!gz.has(path)) gz.set(path, gzipSync(readFileSync(path), { level: 9 }));
    res.writeHead(200, { ...headers, 'content-type': types[extname(path)], 'content-encoding': 'gzip' });
    res.end(gz.get(path));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  const once = async (build, below) => {
    const context = await browser.newContext();
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const trace = await startTrace(cdp);
    await p.goto(`${base}/page.html?build=${build}${below ? '&below' : ''}`);
    const result = await p.evaluate(() => globalThis.result);
    const events = await trace.stop();
    await context.close();
    return { ...result, cpuTasks: cpuLongTasks(events, 50) };
  };
  const rows = [];
  try {
    // Interleaved, so that a busy moment on the machine falls on both builds alike.
    for (let i = 0; i < repeat; i++) {
      for (const build of ['before', 'after']) {
        rows.push({ build, scenario: 'below', ...(await once(build, true)) });
        rows.push({ build, scenario: 'in view', ...(await once(build, false)) });
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}

function page(params) {
  const build = params.get('build') === 'before' ? 'before' : 'after';
  const below = params.has('below');
  const { seller, buyer } = NYC;
  const element = `<safetrade-meetup seller-lat="${seller.lat}" seller-lng="${seller.lng}" buyer-lat="${buyer.lat}" buyer-lng="${buyer.lng}"></safetrade-meetup>`;
  // Below: the harness reads `below` from its own URL (no inline script under the CSP).
  return (
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"><link rel="stylesheet" href="page.css">` +
    `<script src="harness.js?${below ? 'below' : 'inview'}"></script><script src="${build}/safetrade-meetup.js"></script>` +
    `<body>${below ? '<div class="listing">listing</div>' : ''}${element}</body></html>`
  );
}

/** Medians per build and scenario, and the issue's table as Markdown lines. */
export function loaderTable(rows, cpu) {
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[(s.length - 1) >> 1] : NaN;
  };
  const pick = (build, scenario) => rows.filter((r) => r.build === build && r.scenario === scenario);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const bytes = (r, kind) => r.resources.filter((e) => e.kind === kind).reduce((a, e) => a + e.bytes, 0);
  const fmtBytes = (build, scenario) => {
    const r = pick(build, scenario);
    const js = median(r.map((x) => bytes(x, 'js')));
    const data = median(r.map((x) => bytes(x, 'json')));
    const requests = median(r.map((x) => x.resources.length));
    return `${kb(js)} JS + ${kb(data)} data (${requests} request${requests === 1 ? '' : 's'})`;
  };
  const tasks = (build) => {
    const r = pick(build, 'below');
    const wall = r.map((x) => x.longTasks.map((t) => Math.round(t.ms)));
    const cpuTasks = r.map((x) => x.cpuTasks.map((t) => Math.round(t.cpuMs)));
    const show = (lists) => lists.map((l) => (l.length ? l.join(', ') + ' ms' : 'none')).join(' / ');
    return `${show(wall)} (CPU: ${show(cpuTasks)})`;
  };
  // A run with no task of 50 ms or more (the long-task threshold of both the page's observer and
  // the trace's count) shows "<50".
  const ms = (value) => (value > 0 ? `${value.toFixed(0)} ms` : 'under 50 ms');
  const longest = (build) => {
    const r = pick(build, 'in view');
    const wall = r.map((x) => Math.max(0, ...x.longTasks.map((t) => t.ms)));
    const cpuMs = r.map((x) => Math.max(0, ...x.cpuTasks.map((t) => t.cpuMs)));
    return `${ms(median(wall))} (CPU ${ms(median(cpuMs))}) [${wall.map((v) => (v > 0 ? v.toFixed(0) : '<50')).join(', ')}]`;
  };
  const ttr = (build) => {
    const r = pick(build, 'in view');
    return `${(median(r.map((x) => x.ms)) / 1000).toFixed(2)} s [${r.map((x) => (x.ms / 1000).toFixed(2)).join(', ')}]${r.some((x) => x.error) ? ` **${r.find((x) => x.error).error}**` : ''}`;
  };
  return [
    `| what (shipped NYC data, CPU ${cpu}×, strict CSP, cold cache, gzip) | today (${BASELINE}, one bundle) | loader |`,
    '|---|---|---|',
    `| bytes on every page view (widget 4,000 px down, never scrolled to) | ${fmtBytes('before', 'below')} | ${fmtBytes('after', 'below')} |`,
    `| JS + data to the first suggestion (widget in view) | ${fmtBytes('before', 'in view')} | ${fmtBytes('after', 'in view')} |`,
    `| host main thread during page load, widget below the fold: tasks over 50 ms | ${tasks('before')} | ${tasks('after')} |`,
    `| longest task, widget in view at load, + Slow 4G | ${longest('before')} | ${longest('after')} |`,
    `| time to results, widget in view at load, + Slow 4G | ${ttr('before')} | ${ttr('after')} |`,
  ];
}
