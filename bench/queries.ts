// The query benchmark, the same code in Node and in Chromium (bench/run.mjs bundles it for both):
// indexed vs brute force per mode and N, medians of batches (Chromium's clock is coarsened to
// 0.1 ms, so every sample times a whole batch of queries), plus a check that every answer agrees.
import { createStationIndex, searchIndex } from '../src/core/kdtree.js';
import { scan } from '../src/core/rank.js';
import type { RankSettings } from '../src/core/rule.js';
import type { LatLng, Mode, Suggestion } from '../src/core/types.js';
import { around, random, syntheticWorld } from './synthetic.js';

const MODES: Mode[] = ['fair', 'total', 'buyer'];

export interface QueryRow {
  n: number;
  mode: Mode;
  indexedUs: number;
  bruteUs: number;
  /** CPU time per call (Node only): on a shared, loaded machine it is the steadier number. */
  indexedCpuUs?: number;
  bruteCpuUs?: number;
  identical: boolean;
  queries: number;
}
export interface BuildRow {
  n: number;
  buildMs: number;
  indexBytes: number;
}

export function runQueryBench(sizes: number[], budgetMs = 300, cpuUs?: () => number): { queries: QueryRow[]; builds: BuildRow[] } {
  const queries: QueryRow[] = [];
  const builds: BuildRow[] = [];
  for (const n of sizes) {
    const { stations } = syntheticWorld(n, 42);
    // Build: median of several builds (each on a fresh copy of the order).
    const buildTimes: number[] = [];
    let index = createStationIndex(stations);
    for (let i = 0; i < Math.max(3, Math.min(30, Math.floor(3e5 / n))); i++) {
      const t0 = performance.now();
      index = createStationIndex(stations);
      buildTimes.push(performance.now() - t0);
    }
    builds.push({ n, buildMs: median(buildTimes), indexBytes: index.ids.byteLength + index.coords.byteLength + index.cosLat.byteLength });

    // Parties: the seller near a random station, the buyer within ~30 km of the seller.
    const r = random(n);
    const parties = Array.from({ length: 500 }, () => {
      const seller = around(r, stations[Math.floor(r() * n)]!, 0.1);
      return { seller, buyer: around(r, seller, 0.3) as LatLng | null };
    });
    for (const mode of MODES) {
      const settings: RankSettings = { mode, limit: 3, maxDistanceKm: 40 };
      let identical = true;
      for (const p of parties.slice(0, n >= 1e5 ? 100 : 500)) {
        if (key(searchIndex(index, p.seller, p.buyer, settings)) !== key(scan(stations, p.seller, p.buyer, settings))) identical = false;
      }
      const [indexedUs, bruteUs, indexedCpuUs, bruteCpuUs] = timeSideBySide(
        (i) => searchIndex(index, parties[i % 500]!.seller, parties[i % 500]!.buyer, settings),
        (i) => scan(stations, parties[i % 500]!.seller, parties[i % 500]!.buyer, settings),
        budgetMs,
        cpuUs,
      );
      queries.push({ n, mode, indexedUs, bruteUs, indexedCpuUs, bruteCpuUs, identical, queries: 500 });
    }
  }
  return { queries, builds };
}

const key = (list: Suggestion[]) => list.map((s) => `${s.station.id}:${s.sellerKm}:${s.buyerKm}`).join();

/**
 * Median µs per call of two functions, timed in alternating batches so that both see the same
 * machine (this one is shared and noisy). A batch must take ≥ 5 ms twice in a row (one slow batch,
 * e.g. a GC pause, must not size it), so Chromium's 0.1 ms clock costs ≤ 2%.
 */
function timeSideBySide(a: (i: number) => unknown, b: (i: number) => unknown, budgetMs: number, cpuUs?: () => number) {
  let i = 0;
  const cpu = [0, 0];
  const run = (fn: (i: number) => unknown, batch: number) => {
    const c0 = cpuUs?.() ?? 0;
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) fn(i++);
    const ms = performance.now() - t0;
    cpu[0] = (cpuUs?.() ?? 0) - c0;
    return ms;
  };
  const size = (fn: (i: number) => unknown) => {
    let batch = 1;
    while (batch < 1 << 22 && !(run(fn, batch) >= 5 && run(fn, batch) >= 5)) batch *= 2;
    return batch;
  };
  const [batchA, batchB] = [size(a), size(b)];
  const [sa, sb, ca, cb]: number[][] = [[], [], [], []];
  const end = performance.now() + 2 * budgetMs;
  while (sa.length < 7 || (performance.now() < end && sa.length < 200)) {
    sa.push((run(a, batchA) * 1000) / batchA);
    ca.push(cpu[0]! / batchA);
    sb.push((run(b, batchB) * 1000) / batchB);
    cb.push(cpu[0]! / batchB);
  }
  return [median(sa), median(sb), cpuUs ? median(ca) : undefined, cpuUs ? median(cb) : undefined] as const;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
