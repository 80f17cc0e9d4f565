#!/usr/bin/env node
// `npm test`: makes sure the browsers are there (scripts/ensure-browsers.mjs: Chromium, Firefox,
// WebKit; as root on Debian it installs the missing packages), type-checks src and tests, builds
// dist/, then runs side by side the Node tests (test/node, node:test: SSR imports, the examples
// and a strict-CSP page in every engine, the packed tarball, README vs custom-elements.json) and
// one web-test-runner per engine. It prints a line per engine, `chromium: N passed, N failed,
// N skipped (Ts)`, and one closing line for everything, `N passed, N failed, N skipped`, which CI
// reads; it fails if anything failed. BROWSERS=chromium (a comma list) runs a subset.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { ensure, selectedEngines } from './ensure-browsers.mjs';

const started = Date.now();
const args = process.argv.slice(2).filter((a) => a !== '--no-build');

let engines;
try {
  engines = selectedEngines();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

const step = (cmd, cmdArgs) => {
  console.log(`\n$ ${[cmd, ...cmdArgs].join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`\n0 passed, 1 failed, 0 skipped (${[cmd, ...cmdArgs].join(' ')} failed)`);
    process.exit(1);
  }
};

console.log(`\n$ node scripts/ensure-browsers.mjs (${engines.join(', ')})`);
ensure(engines);
step('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
if (!process.argv.includes('--no-build')) step('npm', ['run', 'build', '--silent']);
// The React example is bundled from dist/ like a host app would; its e2e test needs it.
step('node', ['scripts/build-examples.mjs']);

// TEST_JOBS=1 runs them one after the other (to compare); by default all start at once.
const jobs = Math.max(1, Number(process.env.TEST_JOBS) || Infinity);
let running = 0;
const queue = [];
const slot = () => (running < jobs ? (running++, Promise.resolve()) : new Promise((r) => queue.push(r)));
const release = () => (queue.length ? queue.shift()() : running--);

/** Runs a command with its output collected, so parallel runs print one after the other. */
async function collect(label, cmd, cmdArgs, env = {}) {
  await slot();
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (status, signal) => {
      release();
      resolve({ label, command: [cmd, ...cmdArgs].join(' '), out, status, signal, seconds: (Date.now() - t0) / 1000 });
    });
  });
}

const nodeTests = existsSync('test/node')
  ? readdirSync('test/node')
      .filter((f) => f.endsWith('.test.mjs'))
      .map((f) => `test/node/${f}`)
  : [];

// One runner per engine, at the same time: each browser mostly waits (page loads, timers), so
// on 2 cores the three together take little longer than the slowest alone.
// A browser runner that ends without its closing line broke itself (once in a few dozen full runs
// on this 2-core machine, WebKit's stopped half-way with nothing on its output): it is said, with
// how it ended, and run once more. A test that fails is never run again.
const closing = /^wtr: (\d+) passed, (\d+) failed, (\d+) skipped/gm;
async function browserRun(engine) {
  const run = () => collect(engine, 'npx', ['wtr', ...args], { BROWSERS: engine });
  const first = await run();
  if ([...first.out.matchAll(closing)].length) return first;
  const how = first.signal ? `signal ${first.signal}` : `exit status ${first.status}`;
  const again = await run();
  const note = `\n(${engine}: the runner ended without its closing line (${how}) after ${first.seconds.toFixed(0)} s; ran it once more)\n`;
  return { ...again, out: first.out + note + again.out, seconds: first.seconds + again.seconds };
}

const runs = [
  ...(nodeTests.length ? [collect('node', 'node', ['--test', '--test-reporter=spec', ...nodeTests], { BROWSERS: engines.join(',') })] : []),
  ...engines.map(browserRun),
];

const results = [];
for (const r of await Promise.all(runs)) {
  console.log(`\n$ ${r.label === 'node' ? '' : `BROWSERS=${r.label} `}${r.command}`);
  process.stdout.write(r.out);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (r.label === 'node') {
    const last = (re) => Number([...r.out.matchAll(re)].pop()?.[1] ?? 0);
    counts.passed = last(/ℹ pass (\d+)/g);
    counts.failed = last(/ℹ fail (\d+)/g);
    counts.skipped = last(/ℹ skipped (\d+)/g);
    if (r.status !== 0 && counts.failed === 0) counts.failed = 1;
  } else {
    const line = [...r.out.matchAll(closing)].pop();
    if (line) [counts.passed, counts.failed, counts.skipped] = line.slice(1).map(Number);
    // No closing line, or a failing exit with nothing counted: the runner itself broke.
    if (!line || (r.status !== 0 && counts.failed === 0)) counts.failed++;
  }
  results.push({ ...r, counts });
}

// The failures again, after everything else: CI keeps only the tail of a long log, and a failure
// in the first engine's output would otherwise scroll out of it. Each with its file and the first
// lines of its error.
// eslint-disable-next-line no-control-regex -- the escape character is what colour codes start with
const plain = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
function failures(r) {
  const lines = plain(r.out).split('\n');
  const found = [];
  let file = '';
  lines.forEach((l, i) => {
    const header = /^(\S+\.test\.[cm]?[jt]s):$/.exec(l);
    if (header) file = header[1];
    const mark = r.label === 'node' ? /^\s*✖ (?!failing tests)(.*)$/.exec(l) : /^\s*❌ (.*)$/.exec(l);
    if (!mark) return;
    const detail = lines
      .slice(i + 1, i + 5)
      .filter((d) => d.trim() && !/^\s*[❌✖]/.test(d))
      .map((d) => `      ${d.trim().slice(0, 240)}`);
    found.push(`  ${r.label === 'node' ? '' : `${file}: `}${mark[1].trim()}\n${detail.join('\n')}`);
  });
  // node:test prints each failure twice (in place and under "failing tests:"): keep one.
  return [...new Set(found)];
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const line = (c) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
console.log('');
for (const r of results) {
  console.log(`${r.label}: ${line(r.counts)} (${r.seconds.toFixed(0)}s)`);
  for (const k of Object.keys(totals)) totals[k] += r.counts[k];
}
console.log(`(${engines.join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)}s in all)`);
for (const r of results) {
  if (!r.counts.failed) continue;
  const list = failures(r);
  console.log(
    `\n${r.label} failed:\n${list.length ? list.join('\n') : `  (no failing test named: the runner ended with ${r.signal ? `signal ${r.signal}` : `exit status ${r.status}`})`}`,
  );
}
console.log(`\n${line(totals)}`);
process.exit(totals.failed > 0 ? 1 : 0);
