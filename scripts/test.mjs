#!/usr/bin/env node
// `npm test`: makes sure Chromium is there, type-checks src and tests, builds dist/, runs the
// Node tests (test/node, node:test: SSR imports, the examples and a strict CSP page in
// Chromium via playwright-core, the packed tarball, README vs custom-elements.json) and the browser tests (web-test-runner in headless
// Chromium), then prints one closing line for both: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const run = (cmd, args, opts = {}) => {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  return spawnSync(cmd, args, { stdio: opts.capture ? ['inherit', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', shell: false });
};
const step = (cmd, args) => {
  const r = run(cmd, args);
  if (r.status !== 0) {
    console.log(`\ntest: 0 passed, 1 failed, 0 skipped (${[cmd, ...args].join(' ')} failed)`);
    process.exit(1);
  }
};

step('node', ['scripts/ensure-chromium.mjs']);
step('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
if (!process.argv.includes('--no-build')) step('npm', ['run', 'build', '--silent']);
// The React example is bundled from dist/ like a host app would; its e2e test needs it.
step('node', ['scripts/build-examples.mjs']);

const totals = { passed: 0, failed: 0, skipped: 0 };
const count = (text, re, key) => {
  const m = [...text.matchAll(re)].pop();
  if (m) totals[key] += Number(m[1]);
};

const nodeTests = existsSync('test/node')
  ? readdirSync('test/node')
      .filter((f) => f.endsWith('.test.mjs'))
      .map((f) => `test/node/${f}`)
  : [];
if (nodeTests.length) {
  const r = run('node', ['--test', '--test-reporter=spec', ...nodeTests], { capture: true });
  process.stdout.write(r.stdout);
  count(r.stdout, /ℹ pass (\d+)/g, 'passed');
  count(r.stdout, /ℹ fail (\d+)/g, 'failed');
  count(r.stdout, /ℹ skipped (\d+)/g, 'skipped');
  if (r.status !== 0 && !/ℹ fail [1-9]/.test(r.stdout)) totals.failed++;
}

const wtr = run('npx', ['wtr', ...process.argv.slice(2).filter((a) => a !== '--no-build')], { capture: true });
process.stdout.write(wtr.stdout);
const line = /wtr: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(wtr.stdout);
if (line) {
  totals.passed += Number(line[1]);
  totals.failed += Number(line[2]);
  totals.skipped += Number(line[3]);
}
if (!line || (wtr.status !== 0 && Number(line[2]) === 0)) totals.failed++;

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
