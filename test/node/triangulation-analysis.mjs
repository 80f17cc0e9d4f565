#!/usr/bin/env node
// Triangulation analysis quoted in SECURITY.md (run by hand: `node test/node/triangulation-analysis.mjs`
// after `npm run build`). For random seller and buyer positions in Manhattan it finds, on a 20 m
// grid, every point consistent with the coarse seller distances a buyer sees, using the widget's
// rounding (src/element/format.ts coarseValue, miles) and the shipped NYPD stations.
import { readFileSync } from 'node:fs';
const data = JSON.parse(readFileSync('dist/stations.json', 'utf8'));
const R = 6378137;
const rad = (d) => (d * Math.PI) / 180;
const km = (a, b) => {
  const dLat = rad(b.lat - a.lat),
    dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return (2 * R * Math.asin(Math.sqrt(h))) / 1000;
};
const coarse = (d) => {
  const v = d / 1.609344;
  const step = v < 5 ? 0.5 : v < 20 ? 1 : 5;
  return Math.max(step, Math.round(v / step) * step);
};
const nyc = data.stations.filter((s) => s.id.startsWith('nypd-'));
console.log('nypd stations', nyc.length);
function region(seller, stations) {
  const obs = stations.map((s) => coarse(km(seller, s)));
  // grid ±3 km at 20 m
  const pts = [];
  const dLat = 0.00018,
    dLng = 0.00024; // ~20 m
  for (let i = -150; i <= 150; i++)
    for (let j = -150; j <= 150; j++) {
      const p = { lat: seller.lat + i * dLat, lng: seller.lng + j * dLng };
      if (stations.every((s, k) => coarse(km(p, s)) === obs[k])) pts.push(p);
    }
  const areaKm2 = pts.length * 0.02 * 0.02;
  let far = 0;
  for (const p of pts) far = Math.max(far, km(p, seller));
  return { areaKm2: +areaKm2.toFixed(3), farthestKm: +far.toFixed(2), clipped: far > 2.9 };
}
const rank = (seller, buyer, limit) =>
  nyc
    .map((s) => ({ s, a: km(seller, s), b: km(buyer, s) }))
    .filter((r) => r.a <= 40 && r.b <= 40)
    .sort((x, y) => Math.max(x.a, x.b) - Math.max(y.a, y.b) || x.a + x.b - (y.a + y.b))
    .slice(0, limit)
    .map((r) => r.s);
let seed = 1;
const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const rows = { three: [], twenty: [], all: [] };
for (let t = 0; t < 12; t++) {
  const seller = { lat: 40.7 + rnd() * 0.1, lng: -74.0 + rnd() * 0.08 };
  const buyer = { lat: 40.7 + rnd() * 0.1, lng: -74.0 + rnd() * 0.08 };
  rows.three.push(region(seller, rank(seller, buyer, 3)));
  rows.twenty.push(region(seller, rank(seller, buyer, 20)));
  rows.all.push(
    region(
      seller,
      nyc.filter((s) => km(seller, s) <= 40),
    ),
  );
}
const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, v] of Object.entries(rows))
  console.log(
    k,
    'median area km2',
    med(v.map((r) => r.areaKm2)),
    'median farthest km',
    med(v.map((r) => r.farthestKm)),
    'min farthest',
    Math.min(...v.map((r) => r.farthestKm)),
    'clipped',
    v.filter((r) => r.clipped).length,
  );
