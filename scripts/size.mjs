#!/usr/bin/env node
// `npm run size`: gzip (-9) and brotli sizes of the script-tag bundle and of each ESM entry with
// the chunks it imports (code only: datasets are separate files), the Subresource Integrity
// hash of dist/safetrade-meetup.js, and a budget: exit 1 when the script-tag bundle is over
// 16 KB gzip. Run after `npm run build`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Issue #7's target (16 KB) is below the floor the contract and the fixed libraries set (printed
// below; see README "Size"). CI holds the line at BUDGET_GZIP so the bundle cannot grow by
// accident. It went from 33 to 35 KB on purpose for issue #6: the threshold-pruned index search,
// the one-round tile plan and the sliced dataset checks cost 2.5 KB. `--target` checks 16 KB.
const TARGET_GZIP = 16 * 1024;
const BUDGET_GZIP = process.argv.includes('--target') ? TARGET_GZIP : 35 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;

/** The file and every relative module it imports statically, each once. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.[^"']+)["']/g)) closure(join(dirname(file), spec), seen);
  return seen;
}
const sizes = (files) => {
  const code = Buffer.concat([...files].map((f) => readFileSync(f)));
  return {
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const kb = (n) => `${(n / 1024).toFixed(2)} KB`.padStart(10);

const iife = join(dist, 'safetrade-meetup.js');
if (!existsSync(iife)) {
  console.error('size: dist/safetrade-meetup.js is missing; run `npm run build` first');
  process.exit(1);
}
const rows = [
  ['dist/safetrade-meetup.js (script tag, everything inside)', new Set([iife])],
  ['safetrade-meetup (dist/index.js + chunks; lit external)', closure(join(dist, 'index.js'))],
  ['safetrade-meetup/core (dist/core.js + chunks)', closure(join(dist, 'core.js'))],
  ['safetrade-meetup/react (dist/react.js + chunks; lit, react external)', closure(join(dist, 'react.js'))],
];
console.log(`${'bundle'.padEnd(72)}${'min'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
let iifeGzip = 0;
for (const [label, files] of rows) {
  const s = sizes(files);
  if (files.has(iife)) iifeGzip = s.gzip;
  console.log(`${label.padEnd(72)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`);
}
// The floor under the 16 KB target: what the fixed choices cost before any widget code. The
// contract's script is self-contained and its global must answer parseDataset (zod) and
// rankStations synchronously, so these bytes are in it whatever the widget does.
if (!process.argv.includes('--no-floor')) {
  const { build } = await import('esbuild');
  const tmp = join(dist, '../node_modules/.cache/safetrade-size');
  const src = join(dist, '../src');
  const entries = {
    'Lit: a one-template element (static properties, no decorators)': `import { LitElement, html, css } from 'lit';
      class X extends LitElement { static properties = { n: {} }; static styles = css\`:host{display:block}\`; render() { return html\`<p>\${this.n}</p>\`; } }
      customElements.define('x-floor', X);`,
    'contract core on the global: parseDataset (zod/mini) + rankStations + distanceKm': `export { parseDataset, rankStations, distanceKm } from '${src}/core/index.ts';`,
  };
  entries['both: the floor of a self-contained script, before any widget code'] = Object.values(entries).join('\n');
  console.log(`\nFloor from the fixed choices (esbuild --minify, IIFE, gzip -9; nothing of the widget itself):`);
  for (const [label, contents] of Object.entries(entries)) {
    const out = await build({
      stdin: { contents, resolveDir: join(dist, '..'), loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'iife',
      conditions: ['production'],
      write: false,
      logLevel: 'error',
      outdir: tmp,
    });
    const code = out.outputFiles[0].contents;
    console.log(`  ${label.padEnd(84)}${kb(gzipSync(code, { level: 9 }).length)}`);
  }
}

const integrity = `sha384-${createHash('sha384').update(readFileSync(iife)).digest('base64')}`;
console.log(`\nSubresource Integrity of dist/safetrade-meetup.js:\n  integrity="${integrity}" crossorigin="anonymous"`);
if (iifeGzip > BUDGET_GZIP) {
  console.error(
    `\nsize: FAIL: dist/safetrade-meetup.js is ${kb(iifeGzip).trim()} gzip, over the ${kb(BUDGET_GZIP).trim()} budget by ${iifeGzip - BUDGET_GZIP} bytes`,
  );
  process.exit(1);
}
console.log(`\nsize: ok: dist/safetrade-meetup.js is ${kb(iifeGzip).trim()} gzip (budget ${kb(BUDGET_GZIP).trim()})`);
if (iifeGzip > TARGET_GZIP) console.log(`size: the ${kb(TARGET_GZIP).trim()} target is not met yet: ${iifeGzip - TARGET_GZIP} bytes over`);
