// The page bench/load.mjs opens under CPU and network throttling: load one file or a tile set the
// way the widget does, answer one query, report the time to results and the long tasks seen.
import { parseDataset } from '../src/core/dataset.js';
import { rankStations } from '../src/core/rank.js';
import { loadDataset } from '../src/element/load.js';

const longTasks: number[] = [];
new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });

const params = new URLSearchParams(location.search);
const src = new URL(params.get('src')!, location.href).href;
const parties = JSON.parse(params.get('parties')!);

async function answer() {
  const t0 = performance.now();
  let ids: string[];
  if (params.get('kind') === 'tiles') {
    const { tiles } = await loadDataset(src);
    ids = (await tiles!.rank(parties, {})).map((s) => s.station.id);
  } else {
    const json = await (await fetch(src)).json();
    ids = rankStations(parseDataset(json).stations, parties).map((s) => s.station.id);
  }
  // Let the long-task observer see the last task.
  await new Promise((r) => setTimeout(r, 50));
  const bytes = performance.getEntriesByType('resource').reduce((a, e) => a + (e as PerformanceResourceTiming).transferSize, 0);
  const requests = performance.getEntriesByType('resource').length;
  return { ms: performance.now() - t0, sinceNavigationMs: performance.now(), ids, longTasks, bytes, requests };
}

(globalThis as unknown as { result: Promise<unknown> }).result = answer();
