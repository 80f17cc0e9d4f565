// Rollup plugins for the script tag's files (see rollup.config.mjs):
// - scriptSeams: in dist/script only, rank.ts gets the k-d index through src/script/lazy-kdtree.ts,
//   which fetches the real one the first time a dataset of INDEX_MIN_STATIONS or more is ranked,
//   and the element reads the loader's pins through src/script/pins.ts.
// - registerWithLoader: each `system` chunk registers with the loader that inserted it
//   (document.currentScript), never with a page-wide `System` a host's SystemJS may own.
// - pinsPlugin: the loader's `safetrade:pins` module, the SHA-256 of every file it may fetch.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const REGISTER = 'document.currentScript.safetrade(';
/** Chrome 136+: compile every function of the file eagerly, on a background thread while it streams. */
const COMPILE_ALL = '//# allFunctionsCalledOnLoad\n';

/**
 * Modules that dist/script replaces (the ESM build keeps the originals): `from` (as imported by
 * `importer`, when given, and not by `notImporter`) becomes `to`.
 */
const SEAMS = [
  // rank.ts's index: fetched on first use by a large dataset.
  { from: /[\\/]src[\\/]core[\\/](index-tree|kdtree)\.ts$/, importer: /[\\/]src[\\/]core[\\/]rank\.ts$/, to: 'src/script/lazy-kdtree.ts' },
  // The `stations` property's checker (zod): fetched the first time a page gives stations.
  { from: /[\\/]src[\\/]element[\\/]data[\\/]given\.ts$/, to: 'src/script/given.ts' },
  // Weekly opening hours (core and words) and the element's check on them: fetched the first time
  // an answer reads a timetable; script/weekly.ts is that file, so its own imports stay real.
  {
    from: /[\\/]src[\\/](core[\\/]weekly|i18n[\\/]weekly|element[\\/]weekly-code)\.ts$/,
    notImporter: /[\\/]src[\\/]script[\\/]weekly\.ts$/,
    to: 'src/script/lazy-weekly.ts',
  },
  // Warming the formatters while the dataset loads: the script tag's element file did it already.
  { from: /[\\/]src[\\/]element[\\/]warm\.ts$/, to: 'src/script/warm.ts' },
  // The loader's hand-over (pins and prefetched data) through import.meta; none in the ESM build.
  { from: /[\\/]src[\\/]element[\\/]pins\.ts$/, to: 'src/script/pins.ts' },
];

export function scriptSeams() {
  return {
    name: 'script-seams',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const seam = resolved && SEAMS.find((s) => s.from.test(resolved.id) && (!s.importer || s.importer.test(importer)) && !s.notImporter?.test(importer));
      return seam && resolve(seam.to) !== importer ? resolve(seam.to) : null;
    },
  };
}

export function registerWithLoader() {
  return {
    name: 'register-with-loader',
    renderChunk(code, chunk) {
      if (!code.startsWith('System.register(')) this.error(`${chunk.fileName}: expected a System.register chunk`);
      // The element's file runs whole for the first suggestion: V8 compiles it all as it streams in,
      // off the main thread, not function by function in the renders (explicit compile hints).
      const hint = chunk.name === 'element' ? COMPILE_ALL : '';
      return { code: hint + REGISTER + code.slice('System.register('.length), map: null };
    },
    writeBundle(options, bundle) {
      // Old hashed files would otherwise pile up beside the new ones. Only once written: a build
      // held in memory (an analysis, a bench) must not empty the directory the loader points at.
      for (const name of readdirSync(options.dir)) if (!(name in bundle)) rmSync(join(options.dir, name));
    },
  };
}

/**
 * `sha256-…` of a file's bytes, as an `integrity` attribute or fetch option wants it. SHA-256, not
 * the SHA-384 a host pins the loader with: collision-resistant all the same, and 20 characters
 * shorter per file in the loader every page view downloads (the base64 does not compress).
 */
export const sri = (bytes) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`;

/**
 * What the loader knows of each file beside it, by path relative to dist/: its integrity and, for
 * code, the files it imports statically (inserted at the same time, not one round trip after).
 */
export async function readPins(dist) {
  const files = {};
  const scriptDir = join(dist, 'script');
  if (!existsSync(scriptDir)) throw new Error(`pins: ${scriptDir} is missing; run \`rollup -c\` first`);
  for (const name of readdirSync(scriptDir)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const file = readFileSync(join(scriptDir, name), 'utf8');
    const code = file.startsWith(COMPILE_ALL) ? file.slice(COMPILE_ALL.length) : file;
    if (!code.startsWith(REGISTER)) throw new Error(`pins: dist/script/${name} does not register with the loader`);
    const deps = JSON.parse(code.slice(REGISTER.length, code.indexOf(']') + 1).replace(/'/g, '"'));
    files[`script/${name}`] = [sri(file), deps.map((d) => posix.join('script', d))];
  }
  const data = join(dist, 'stations.json');
  if (!existsSync(data)) throw new Error('pins: dist/stations.json is missing; run `node data/build.mjs` first');
  await shippedAsIs(dist);
  files['stations.json'] = [sri(readFileSync(data))];
  const entry = (prefix) => {
    const found = Object.keys(files).filter((f) => f.startsWith(`script/${prefix}.`));
    if (found.length !== 1) throw new Error(`pins: expected one dist/script/${prefix}.*.js, found ${found.length}`);
    return found[0];
  };
  // The catalogue URLs i18n/locale.ts computes (dist/locales/<lang>.js) map to their pinned copies.
  const aliases = {};
  for (const f of Object.keys(files)) {
    const lang = /^script\/locale-([^./]+)\.[\w-]+\.js$/.exec(f)?.[1];
    if (lang) aliases[`locales/${lang}.js`] = f;
  }
  return { files, element: entry('element'), core: entry('core'), aliases };
}

/**
 * The widget takes the pinned shipped dataset as it is, without the checker's code
 * (src/element/data/load-dataset.ts, `shipped`). That is only right when the core's parser keeps
 * exactly that: every station, every field, nothing rejected, dropped or bidi-isolated. Checked
 * here, before the hash is written into the loader; the build stops otherwise.
 */
async function shippedAsIs(dist) {
  const text = readFileSync(join(dist, 'stations.json'), 'utf8');
  const json = JSON.parse(text);
  if (json.format === 'safetrade-stations-tiles') return; // a manifest is always read by the tile code
  const { parseDataset } = await import(pathToFileURL(join(dist, 'core.js')).href);
  const parsed = parseDataset(json);
  const { stations, name, updated, attribution = [] } = json;
  const asIs = { stations, rejected: [], warnings: [], attribution, ...(name === undefined ? {} : { name }), ...(updated === undefined ? {} : { updated }) };
  const problem = /[\u202a-\u202e\u2066-\u2069]/.test(text)
    ? 'it holds bidi controls, which the checker would isolate'
    : !isDeepStrictEqual(parsed, asIs) && `the parser does not keep it as it is (${parsed.rejected.length} rejected, ${parsed.warnings.length} fields dropped)`;
  if (problem) throw new Error(`pins: dist/stations.json cannot ship pinned and unchecked: ${problem}`);
}

export function pinsPlugin(dist) {
  const id = '\0safetrade:pins';
  return {
    name: 'pins',
    resolveId: (source) => (source === 'safetrade:pins' ? id : null),
    async load(source) {
      if (source !== id) return null;
      const { files, element, core, aliases } = await readPins(dist);
      return [
        `export const FILES = ${JSON.stringify(files)};`,
        `export const ELEMENT = ${JSON.stringify(element)};`,
        `export const CORE = ${JSON.stringify(core)};`,
        `export const ALIASES = ${JSON.stringify(aliases)};`,
      ].join('\n');
    },
  };
}
