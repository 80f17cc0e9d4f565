// The harness bench/load.mjs puts in the <head> of the page it opens under CPU and network
// throttling, before the markup <safetrade-meetup …> and the script-tag bundle: it records the
// long tasks and the widget's events, and resolves `result` once the first answer (or error) is
// on screen.

const longTasks: { start: number; ms: number }[] = [];
new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push({ start: e.startTime, ms: e.duration }))).observe({
  type: 'longtask',
  buffered: true,
});

const counts: Record<string, number> = {};
// Ties the page's clock to the trace's: the trace records this mark too.
const markMs = performance.mark('bench-harness').startTime;
const frame = () => new Promise((r) => requestAnimationFrame(r));
/** bench/loader-table.mjs's page with the widget far below the first screen: no answer is coming. */
const below = /[?&]below\b/.test((document.currentScript as HTMLScriptElement | null)?.src ?? '');

/** What the widget fetched so far (the page and this harness left out), by compressed body size. */
function widgetResources() {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((e) => !/\/(harness\.js|page\.css)$/.test(new URL(e.name).pathname))
    .map((e) => ({ path: new URL(e.name).pathname, kind: new URL(e.name).pathname.endsWith('.json') ? 'json' : 'js', bytes: e.encodedBodySize }));
}

(globalThis as unknown as { result: Promise<unknown> }).result = new Promise((resolve) => {
  let settled = false;
  const finish = async (ms: number, ids: string[], error?: string) => {
    if (settled) return;
    settled = true;
    // The answer's style, layout and paint come in the next frame; then let the observer report.
    await frame();
    await frame();
    await new Promise((r) => setTimeout(r, 250));
    const data = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('.json')) as PerformanceResourceTiming[];
    const dataBytes = data.reduce((a, e) => a + e.transferSize, 0);
    resolve({ ms, ids, error, counts, longTasks, markMs, dataRequests: data.map((e) => new URL(e.name).pathname), dataBytes, resources: widgetResources() });
  };
  if (below) {
    // Page load, then 3 s of (throttled) quiet for anything the widget might still start.
    addEventListener('load', () => setTimeout(() => finish(performance.now(), [], undefined), 3000));
    return;
  }
  for (const name of ['safetrade-ready', 'safetrade-suggest', 'safetrade-error']) {
    document.addEventListener(name, (e) => {
      counts[name] = (counts[name] ?? 0) + 1;
      const detail = (e as CustomEvent).detail;
      if (name === 'safetrade-suggest')
        finish(
          performance.now(),
          detail.suggestions.map((s: { station: { id: string } }) => s.station.id),
        );
      if (name === 'safetrade-error') finish(performance.now(), [], `${detail.code}: ${detail.message}`);
    });
  }
});
