#!/usr/bin/env node
// Rings analysis quoted in SECURITY.md and docs/PRIVACY.md (part of `npm run bench:privacy`, or on
// its own: `node bench/triangulation-analysis.mjs` after `npm run build`). For seeded random seller
// and buyer positions in Manhattan it finds, on a 20 m grid, every seller position consistent
// with the coarse seller distances a buyer sees ("about 1.5 mi for the seller", the widget's
// rounding: src/element/format.ts coarseValue, miles), using the shipped NYPD stations. Before
// (a47497d) those distances came from the seller's exact point; after (contract v1.1) from its
// 0.01° cell centre, so every position in a consistent cell stays consistent.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const R = 6378137;
const rad = (d) => (d * Math.PI) / 180;
const km = (a, b) => {
  const h = Math.sin((rad(b.lat) - rad(a.lat)) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin((rad(b.lng) - rad(a.lng)) / 2) ** 2;
  return (2 * R * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h))) / 1000;
};
const coarse = (d) => {
  const v = d / 1.609344;
  const step = v < 5 ? 0.5 : v < 20 ? 1 : 5;
  return Math.max(step, Math.round(v / step) * step);
};
// The contract's expression (src/core/geo.ts cellCenter), away from the poles and the antimeridian.
const cell = (v) => (Math.floor(v * 100) + 0.5) / 100;
const cellCenter = (p) => ({ lat: cell(p.lat), lng: cell(p.lng) });

/** Area (km²) of the 20 m grid points within ±3 km whose shown distances match, and the farthest one. */
function region(seller, stations, snap) {
  const enter = snap ? cellCenter : (p) => p;
  const obs = stations.map((s) => coarse(km(enter(seller), s)));
  let count = 0;
  let far = 0;
  const dLat = 0.00018;
  const dLng = 0.00024; // ~20 m
  for (let i = -150; i <= 150; i++)
    for (let j = -150; j <= 150; j++) {
      const p = { lat: seller.lat + i * dLat, lng: seller.lng + j * dLng };
      const q = enter(p);
      if (stations.every((s, k) => coarse(km(q, s)) === obs[k])) {
        count++;
        far = Math.max(far, km(p, seller));
      }
    }
  return { areaKm2: count * 0.02 * 0.02, farthestKm: far, clipped: far > 2.9 };
}

export function runRings(stationsPath = 'dist/stations.json', sellers = 12) {
  const data = JSON.parse(readFileSync(stationsPath, 'utf8'));
  const nyc = data.stations.filter((s) => s.id.startsWith('nypd-'));
  // The widget's fair ranking (src/core/rank.ts), enough to pick which stations a buyer sees.
  const rank = (seller, buyer, limit) =>
    nyc
      .map((s) => ({ s, a: km(seller, s), b: km(buyer, s) }))
      .filter((r) => r.a <= 40 && r.b <= 40)
      .sort((x, y) => Math.max(x.a, x.b) - Math.max(y.a, y.b) || x.a + x.b - (y.a + y.b))
      .slice(0, limit)
      .map((r) => r.s);
  let seed = 1;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const rows = [];
  for (let t = 0; t < sellers; t++) {
    const seller = { lat: 40.7 + rnd() * 0.1, lng: -74.0 + rnd() * 0.08 };
    const buyer = { lat: 40.7 + rnd() * 0.1, lng: -74.0 + rnd() * 0.08 };
    for (const snap of [false, true]) {
      // Which stations are shown depends on where the seller enters the widget too.
      const shown = snap ? cellCenter(seller) : seller;
      rows.push({ snap, what: 'three', ...region(seller, rank(shown, buyer, 3), snap) });
      rows.push({ snap, what: 'twenty', ...region(seller, rank(shown, buyer, 20), snap) });
      rows.push({
        snap,
        what: 'all',
        ...region(
          seller,
          nyc.filter((s) => km(shown, s) <= 40),
          snap,
        ),
      });
    }
  }
  const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\nRings: seller positions consistent with the coarse distances shown (${sellers} sellers in Manhattan, ${nyc.length} NYPD stations, 20 m grid)`);
  console.log('build    distances shown                        median area km²   median farthest (m)   min farthest (m)');
  const label = { three: '3 suggestions (default)', twenty: '20 suggestions (limit="20")', all: 'every station within reach' };
  for (const snap of [false, true])
    for (const what of ['three', 'twenty', 'all']) {
      const v = rows.filter((r) => r.snap === snap && r.what === what);
      console.log(
        `${(snap ? 'after' : 'before').padEnd(8)} ${label[what].padEnd(38)} ${med(v.map((r) => r.areaKm2))
          .toFixed(3)
          .padStart(15)}   ${(med(v.map((r) => r.farthestKm)) * 1000).toFixed(0).padStart(19)}   ${(Math.min(...v.map((r) => r.farthestKm)) * 1000)
          .toFixed(0)
          .padStart(16)}${v.some((r) => r.clipped) ? '  (some reach the ±3 km grid edge)' : ''}`,
      );
    }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runRings();
