#!/usr/bin/env node
// `npm run bench:privacy`: what an attacker recovers about the other party, before and after
// contract v1.1 (the other party enters the widget only as the centre of its 0.01° cell).
//
// 1. Trilateration through the UI (issue 12, item 1): bench/attack.js, run in headless Chromium
//    against the built dist/safetrade-meetup.js of this checkout ("after") and of commit a47497d
//    ("before", built once into .tmp/privacy/before), for sellers at seeded random points of
//    Manhattan, in mode="total" (the card's rounded total) and mode="fair" (rank flips). Prints the
//    distance from the attacker's estimate to the true seller and to the seller's cell centre.
// 2. Rings (item 2 and SECURITY.md's table): bench/triangulation-analysis.mjs, the seller positions
//    consistent with the coarse distances shown, before and after.
// 3. What tile ids reveal (item 5): bench/tile-privacy.ts on the synthetic 100k-station dataset.
//
//   npm run build && npm run bench:privacy                  everything (several minutes)
//   npm run bench:privacy -- --sellers=4 --queries=4        fewer samples
//   npm run bench:privacy -- --no-tiles | --tiles-only | --no-attack
// Prints tables; asserts nothing.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/ensure-chromium.mjs';
import { runRings } from './triangulation-analysis.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.tmp/privacy');
const BEFORE_COMMIT = 'a47497d';
const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SELLERS = arg('sellers', 10);
const QUERIES = arg('queries', 8);
const tilesOnly = process.argv.includes('--tiles-only');
const noTiles = process.argv.includes('--no-tiles');
mkdirSync(out, { recursive: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];

/** dist/ of commit a47497d, the last build before v1.1, built once with the shared node_modules. */
function beforeDist() {
  const dir = join(out, 'before');
  if (existsSync(join(dir, 'dist/safetrade-meetup.js'))) return join(dir, 'dist');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log(`building ${BEFORE_COMMIT} into ${dir} (once)…`);
  execFileSync('sh', ['-c', `git archive ${BEFORE_COMMIT} | tar -x -C "${dir}"`], { cwd: root, stdio: 'inherit' });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  execFileSync('npx', ['rollup', '-c', '--silent'], { cwd: dir, stdio: 'inherit' });
  execFileSync('node', ['data/build.mjs'], { cwd: dir, stdio: 'inherit' });
  return join(dir, 'dist');
}

// Seeded, so every run attacks the same sellers.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function trilateration() {
  const afterDist = join(root, 'dist');
  if (!existsSync(join(afterDist, 'safetrade-meetup.js'))) throw new Error('no dist/: run `npm run build` first');
  const builds = [
    ['before', beforeDist()],
    ['after', afterDist],
  ];
  const dataset = JSON.parse(readFileSync(join(afterDist, 'stations.json'), 'utf8'));
  const r = random(2026);
  // Manhattan below Central Park, where the shipped NYPD exchange zones are densest.
  const sellers = Array.from({ length: SELLERS }, () => ({ lat: 40.705 + r() * 0.06, lng: -74.005 + r() * 0.04 }));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const results = [];
  try {
    for (const [name, dist] of builds) {
      const page = await browser.newPage();
      await page.route('http://privacy.bench/**', (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/')
          return route.fulfill({
            contentType: 'text/html',
            body: `<!doctype html><html lang="en-US"><meta charset="utf-8"><script src="/dist/safetrade-meetup.js"></script>
<script type="module">import * as attack from '/bench/attack.js'; window.attack = attack;</script>
<body><!-- in view, so that the script tag's loader fetches the widget's code (the old bundle defines it at once) --><safetrade-meetup></safetrade-meetup></body></html>`,
          });
        const file = path.startsWith('/dist/') ? join(dist, path.slice(6)) : path === '/bench/attack.js' ? join(root, 'bench/attack.js') : null;
        if (!file || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
        return route.fulfill({ contentType: file.endsWith('.json') ? 'application/json' : 'text/javascript', body: readFileSync(file) });
      });
      await page.goto('http://privacy.bench/');
      await page.waitForFunction(() => window.attack && customElements.get('safetrade-meetup'));
      for (const mode of ['total', 'fair'])
        for (const seller of sellers) {
          const found = await page.evaluate(
            async ({ seller, mode, stations }) => {
              const el = await window.attack.mountListing({ seller, mode, stations });
              const result = await (mode === 'total' ? window.attack.trilaterateTotal : window.attack.trilaterateFair)(el, stations);
              el.remove();
              return result;
            },
            { seller, mode, stations: dataset.stations },
          );
          const centre = { lat: (Math.floor(seller.lat * 100) + 0.5) / 100, lng: (Math.floor(seller.lng * 100) + 0.5) / 100 };
          const km = await page.evaluate(([a, b, c]) => [window.attack.distanceKm(a, b), window.attack.distanceKm(a, c)], [found.estimate, seller, centre]);
          results.push({ build: name, mode, toTrueM: km[0] * 1000, toCentreM: km[1] * 1000, probes: found.probes });
        }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`\nTrilateration through the rendered card only (bench/attack.js), ${SELLERS} sellers in Manhattan, shipped NYPD stations`);
  console.log('build    mode    error to the true seller (m)      error to its cell centre (m)   positions typed');
  console.log('                 median        p10       max      median        max              median');
  for (const build of ['before', 'after'])
    for (const mode of ['total', 'fair']) {
      const rows = results.filter((x) => x.build === build && x.mode === mode);
      const f = (v) => v.toFixed(1).padStart(9);
      const toTrue = rows.map((x) => x.toTrueM);
      const toCentre = rows.map((x) => x.toCentreM);
      console.log(
        `${build.padEnd(8)} ${mode.padEnd(6)} ${f(median(toTrue))} ${f(quantile(toTrue, 0.1))} ${f(Math.max(...toTrue))}   ${f(median(toCentre))} ${f(Math.max(...toCentre))}   ${String(median(rows.map((x) => x.probes))).padStart(15)}`,
      );
    }
}

async function tileAreas() {
  await build({
    entryPoints: [join(root, 'bench/tile-privacy.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    logLevel: 'error',
    outfile: join(out, 'tile-privacy.mjs'),
  });
  const { runTilePrivacy } = await import(pathToFileURL(join(out, 'tile-privacy.mjs')).href);
  const halfKm = 6;
  const stepKm = 0.2;
  const { tiles, rows } = await runTilePrivacy({ queries: QUERIES, halfKm, stepKm });
  console.log(
    `\nWhat the tile host can tell from the tile ids fetched (bench/tile-privacy.ts): synthetic 100k stations, ${tiles} tiles of ≤ 128,` +
      `\n${QUERIES} queries in the densest metro (mode fair, limit 3), the other party granted to the host; area of the positions that fetch the same ids` +
      `\n(flood fill on a ${stepKm * 1000} m grid out to ±${halfKm} km; "≥" where that query's fill reached the edge)`,
  );
  console.log('party                                               median km²      p10 km²   reached the edge');
  for (const row of rows) {
    const sorted = [...row.areas].sort((a, b) => a.areaKm2 - b.areaKm2);
    const at = (q) => sorted[Math.floor(q * (sorted.length - 1))];
    const f = (entry) => `${entry.edge ? '≥' : ''}${entry.areaKm2.toFixed(2)}`.padStart(12);
    const edges = row.areas.filter((a) => a.edge).length;
    console.log(`${row.who.padEnd(50)} ${f(at(0.5))} ${f(at(0.1))}   ${String(edges).padStart(10)} of ${row.areas.length}`);
  }
}

console.log(`safetrade-meetup privacy bench (Node ${process.version}); before = ${BEFORE_COMMIT}, after = this checkout's dist/`);
if (!tilesOnly && !process.argv.includes('--no-attack')) await trilateration();
if (!tilesOnly) runRings(join(root, 'dist/stations.json'));
if (!noTiles) await tileAreas();
