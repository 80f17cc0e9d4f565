// What each long task was: a Chrome DevTools Protocol trace of the page (timeline events and the
// V8 sampling profiler), cut at the renderer main thread's tasks over 50 ms. For each such task it
// names the top-level work (script evaluation, a timer, a fetch callback, style, layout…) and the
// JavaScript functions with the most self time. Used by bench/load.mjs; asserts nothing.

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'];

/** Starts tracing on a CDP session; `stop()` ends it and resolves to the trace events. */
export async function startTrace(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      return events;
    },
  };
}

/** Top-level work inside a task worth naming, and how to label it. */
const ACTIVITY = {
  EvaluateScript: (d) => `evaluate ${file(d?.url)}`,
  'v8.compile': (d) => `compile ${file(d?.url)}`,
  'v8.compileModule': (d) => `compile ${file(d?.url)}`,
  FunctionCall: (d) => `call ${d?.functionName || '(anonymous)'} ${file(d?.url)}`,
  TimerFire: () => 'timer',
  FireAnimationFrame: () => 'animation frame',
  RunMicrotasks: () => 'microtasks',
  EventDispatch: (d) => `event ${d?.type ?? ''}`,
  ParseHTML: () => 'parse HTML',
  UpdateLayoutTree: () => 'style recalc',
  Layout: () => 'layout',
  Paint: () => 'paint',
  PrePaint: () => 'pre-paint',
  Layerize: () => 'layerize',
  ParseAuthorStyleSheet: () => 'parse stylesheet',
  MajorGC: () => 'major GC',
  MinorGC: () => 'minor GC',
  'BlinkGC.AtomicPhase': () => 'Blink GC',
};

const file = (url) => (url ? url.replace(/^.*\//, '').replace(/\?.*$/, '') : '');

/**
 * The page's long tasks as its PerformanceObserver saw them (`{ start, ms }`, page clock), each
 * matched to the renderer main thread's task in the trace (`markMs`: the page-clock time of the
 * 'bench-harness' mark, which the trace also holds). Each gets `ms`, `work` (the outermost
 * activities with their ms) and `functions` (JS self time by leaf function, top 4).
 */
export function longTasks(events, pageTasks, markMs) {
  const mark = events.find((e) => e.name === 'bench-harness' && e.cat?.includes('blink.user_timing'));
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const main = mains.find((m) => mark && m.pid === mark.pid) ?? mains[0];
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const runTasks = onMain.filter((e) => e.name === 'RunTask');
  const samples = cpuSamples(events, main.pid);
  const offset = mark ? mark.ts - markMs * 1000 : 0;
  return pageTasks.map(({ start, ms }) => {
    const at = start * 1000 + offset;
    // The trace's task that starts nearest and lasts most alike (the two clocks agree within a ms or so).
    const score = (t) => Math.abs(t.ts - at) + Math.abs(t.dur - ms * 1000);
    const task = mark ? runTasks.filter((t) => t.dur > 30000).sort((a, b) => score(a) - score(b))[0] : undefined;
    if (!task) return { ms, work: [], functions: [] };
    return { ms, cpuMs: (task.tdur ?? 0) / 1000, ...attribute(task, onMain, samples) };
  });
}

/**
 * Main-thread tasks from the 'bench-harness' mark on whose CPU time (the trace's thread time,
 * which other processes on the machine do not inflate) exceeds `cpuMs`, each as longTasks gives.
 */
export function cpuLongTasks(events, cpuMs) {
  const mark = events.find((e) => e.name === 'bench-harness' && e.cat?.includes('blink.user_timing'));
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && mark && e.pid === mark.pid);
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const samples = cpuSamples(events, main.pid);
  return onMain
    .filter((e) => e.name === 'RunTask' && e.ts + e.dur >= mark.ts && (e.tdur ?? 0) > cpuMs * 1000)
    .map((task) => ({ ms: task.dur / 1000, cpuMs: task.tdur / 1000, ...attribute(task, onMain, samples) }));
}

function attribute(task, onMain, samples) {
  const end = task.ts + task.dur;
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end && ACTIVITY[e.name]);
  // Outermost activities only: a FunctionCall inside EvaluateScript is part of it.
  const outer = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur));
  const byLabel = new Map();
  if (outer.length === 0) {
    // Nothing named: the longest events directly inside the task, by their trace names.
    const all = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end);
    const direct = all.filter((e) => !all.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur));
    for (const e of direct) byLabel.set(e.name, (byLabel.get(e.name) ?? 0) + e.dur / 1000);
  }
  for (const e of outer) {
    const label = ACTIVITY[e.name](e.args?.data ?? e.args?.beginData ?? {}).trim();
    byLabel.set(label, (byLabel.get(label) ?? 0) + e.dur / 1000);
  }
  const self = new Map();
  for (const s of samples) {
    if (s.ts < task.ts || s.ts > end) continue;
    self.set(s.frame, (self.get(s.frame) ?? 0) + s.ms);
  }
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .filter(([, ms]) => ms >= 1)
      .map(([name, ms]) => ({ name, ms }));
  return { work: top(byLabel, 3), functions: top(self, 4) };
}

/** The sampling profiler's samples on the renderer `pid`: `{ ts, ms, frame }`, frame = the leaf function. */
function cpuSamples(events, pid) {
  const profiles = new Map();
  for (const e of events) {
    if (e.pid !== pid || (e.name !== 'Profile' && e.name !== 'ProfileChunk')) continue;
    let p = profiles.get(e.id);
    if (!p) profiles.set(e.id, (p = { start: 0, nodes: new Map(), chunks: [] }));
    if (e.name === 'Profile') p.start = e.args.data.startTime;
    else p.chunks.push(e.args.data);
  }
  const out = [];
  for (const p of profiles.values()) {
    let ts = p.start;
    for (const chunk of p.chunks) {
      for (const n of chunk.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
      const ids = chunk.cpuProfile?.samples ?? [];
      const deltas = chunk.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) {
        ts += deltas[i] ?? 0;
        const next = deltas[i + 1] ?? 0;
        const frame = p.nodes.get(ids[i])?.callFrame;
        if (!frame) continue;
        const name = frame.functionName || (frame.url ? '(anonymous)' : '(program)');
        if (name === '(idle)') continue;
        out.push({ ts, ms: Math.max(0, next) / 1000, frame: frame.url ? `${name} ${file(frame.url)}:${frame.lineNumber + 1}` : name });
      }
    }
  }
  return out;
}

/** One line: "evaluate safetrade-meetup.js 80 ms; style recalc 12 ms — parseStation 40, (garbage collector) 9". */
export function describeTask(t) {
  const f = (ms) => ms.toFixed(0);
  const work = t.work.map((w) => `${w.name} ${f(w.ms)}`).join('; ') || 'browser work (no script, style, layout or named event in it)';
  const fns = t.functions.map((x) => `${x.name.replace(/ \S+:\d+$/, '')} ${f(x.ms)}`).join(', ');
  return `${f(t.ms)} ms (CPU ${f(t.cpuMs ?? 0)}): ${work}${fns ? ` — ${fns}` : ''}`;
}
