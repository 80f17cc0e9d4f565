#!/usr/bin/env node
// `npm run size`: gzip (-9) and brotli sizes of every file the script tag may load and of each ESM
// entry with the chunks it imports, then the two totals that matter for a listing page (issue #15):
//   every page view      the loader alone (dist/safetrade-meetup.js): all a page pays while its
//                        widget stays away from the viewport
//   first suggestion     loader + the element's code with everything it imports + the shipped
//                        dataset: what a visitor who scrolls to the widget downloads before it
//                        answers (shipped NYC data, English)
// and the SRI hash a host pins the loader with. Exit 1 over a hard budget. Run after `npm run build`.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readPins } from './pins.mjs';

const KB = 1024;
/** Hard limits (CI fails above them) and the targets issue #15 aims for. */
const LOADER = { budget: 4 * KB, target: 3 * KB };
const FIRST_SUGGESTION = { budget: 36 * KB, target: 32 * KB };
const dist = new URL('../dist/', import.meta.url).pathname;

const loaderFile = join(dist, 'safetrade-meetup.js');
if (!existsSync(loaderFile) || !existsSync(join(dist, 'script'))) {
  console.error('size: dist/safetrade-meetup.js or dist/script/ is missing; run `npm run build` first');
  process.exit(1);
}

const measure = (buffers) => {
  const bytes = Buffer.concat(buffers);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
// Each file is its own response, so each is compressed on its own: totals add per-file sizes.
const sizeOf = (files) =>
  files
    .map((f) => measure([readFileSync(f)]))
    .reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => `${(n / KB).toFixed(2)} KB`.padStart(10);
const row = (label, s) => console.log(`${label.padEnd(76)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`);
const header = (title) => console.log(`\n${title.padEnd(76)}${'min'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);

/** The file and every relative module it imports statically, each once (ESM entries). */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.[^"']+)["']/g)) closure(join(dirname(file), spec), seen);
  return seen;
}

const pins = await readPins(dist);
/** A pinned code file and its static imports, as the loader inserts them together. */
const pinnedClosure = (key, seen = new Set()) => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of pins.files[key]?.[1] ?? []) pinnedClosure(dep, seen);
  return seen;
};

header('script tag: dist/… (each file as served)');
row('safetrade-meetup.js (the loader: every page view)', sizeOf([loaderFile]));
const ROLES = [
  [/\/locale-/, 'a language, on demand'],
  [/tiles/, 'tile manifests, on demand'],
  [/check|dataset|bidi/, 'checker, k-d index, failure words'],
  [/chunk-later\./, 'after the first suggestion (map, clicks)'],
  [/chunk-weekly\./, 'weekly opening hours, when read'],
];
const role = (key) =>
  key === pins.element ? 'the element, first suggestion' : key === pins.core ? 'SafeTradeMeetup.load()' : (ROLES.find(([re]) => re.test(key))?.[1] ?? 'shared');
for (const key of Object.keys(pins.files).filter((k) => k.startsWith('script/'))) row(`${key} (${role(key)})`, sizeOf([join(dist, key)]));
row('stations.json (shipped dataset)', sizeOf([join(dist, 'stations.json')]));
const locales = existsSync(join(dist, 'locales')) ? readdirSync(join(dist, 'locales')).filter((f) => f.endsWith('.js')) : [];

header('ESM entries (with the chunks each imports; lit, react external)');
row('safetrade-meetup (dist/index.js)', sizeOf([...closure(join(dist, 'index.js'))]));
row('safetrade-meetup/core (dist/core.js)', sizeOf([...closure(join(dist, 'core.js'))]));
row('safetrade-meetup/react (dist/react.js)', sizeOf([...closure(join(dist, 'react.js'))]));
for (const f of locales) row(`dist/locales/${f}`, sizeOf([join(dist, 'locales', f)]));

const loader = sizeOf([loaderFile]);
const elementFiles = [...pinnedClosure(pins.element)];
const code = sizeOf([loaderFile, ...elementFiles.map((k) => join(dist, k))]);
const data = sizeOf([join(dist, 'stations.json')]);
const first = { raw: code.raw + data.raw, gzip: code.gzip + data.gzip, brotli: code.brotli + data.brotli };
header('totals');
row('every page view: the loader, and no other request', loader);
row(`first suggestion, JS (loader + ${elementFiles.length} file${elementFiles.length === 1 ? '' : 's'})`, code);
row('first suggestion, data (stations.json, shipped NYC data)', data);
row('first suggestion, JS + data', first);

const integrity = `sha384-${createHash('sha384').update(readFileSync(loaderFile)).digest('base64')}`;
console.log(`\nSubresource Integrity of dist/safetrade-meetup.js (it pins every file it loads):\n  integrity="${integrity}" crossorigin="anonymous"`);

let failed = false;
for (const [label, value, limits] of [
  ['the loader', loader.gzip, LOADER],
  ['JS + data to the first suggestion', first.gzip, FIRST_SUGGESTION],
]) {
  if (value > limits.budget) {
    failed = true;
    console.error(`size: FAIL: ${label} is ${kb(value).trim()} gzip, over the ${kb(limits.budget).trim()} budget by ${value - limits.budget} bytes`);
  } else {
    const target =
      value > limits.target ? `; ${value - limits.target} bytes over the ${kb(limits.target).trim()} target` : ` (target ${kb(limits.target).trim()} met)`;
    console.log(`size: ok: ${label} is ${kb(value).trim()} gzip, budget ${kb(limits.budget).trim()}${target}`);
  }
}
if (failed) process.exit(1);
