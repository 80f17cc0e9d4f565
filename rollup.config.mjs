// Three builds, in the order `npm run build` runs them:
// 1. `rollup -c`: the ESM entries `index` (element + core), `core` (no DOM) and `react` with Lit,
//    React and @lit/react left to the host's bundler, plus one ES module per language other than
//    English (dist/locales/<lang>.js); and the script tag's widget code, dist/script/*.js: the same
//    sources split by need (element, core API, k-d index, tiles, each language) as classic scripts
//    in Rollup's `system` format, registered with the loader instead of a global `System`.
// 2. `node data/build.mjs` writes dist/stations.json (it needs dist/core.js from step 1).
// 3. `rollup -c --configLoader`: dist/safetrade-meetup.js, the small loader, with the SHA-384 of
//    every file of step 1 and 2 it may fetch written into it (see src/cdn.ts).
import path from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import litStaticProperties from './scripts/lit-static-properties.mjs';
import minifyLiterals from './scripts/minify-literals.mjs';
import { pinsPlugin, scriptSeams, registerWithLoader } from './scripts/pins.mjs';

const plugins = () => [
  // `production`: Lit's production build (no dev-mode warnings), whatever the default condition.
  resolve({ browser: true, exportConditions: ['production'] }),
  commonjs({ include: /node_modules\/haversine-distance/ }),
  // litStaticProperties: `@property() accessor x` ships as Lit's `static properties` (~1.9 KB gzip
  // less than TypeScript's decorator lowering); the source and the tests keep the decorators.
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    noEmitOnError: true,
    compilerOptions: { noEmit: false, types: [] },
    transformers: { before: [litStaticProperties] },
  }),
  // After typescript: that plugin compiles from disk and ignores earlier transforms.
  minifyLiterals(),
];
const onwarn = (warning, warn) => {
  // zod 4 ships harmless annotations and module cycles.
  if (/node_modules\/zod/.test(warning.id ?? warning.ids?.join() ?? '') && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return;
  warn(warning);
};
// Keep only the comments that tell bundlers to leave the locale import() alone.
const minify = (module, passes = 2) =>
  terser({ ecma: 2022, module, compress: { passes, keep_fargs: false }, format: { comments: /webpackIgnore|@vite-ignore/ } });
const LOCALES = ['es', 'fr'];

/**
 * Rollup's manualChunks as a function: everything src/script/element.ts imports statically is
 * `element`; each file listed in `groups` goes to its group unless the element needs it. Only
 * those files: their other imports stay where Rollup puts them (the object form would pull them
 * in too, and the element would then need the group's file).
 */
function groupChunks(groups) {
  const byFile = new Map(Object.entries(groups).flatMap(([name, files]) => files.map((f) => [path.resolve(f), name])));
  let element;
  return (id, { getModuleInfo }) => {
    if (!element) {
      element = new Set();
      const visit = (m) => {
        if (element.has(m)) return;
        element.add(m);
        getModuleInfo(m)?.importedIds.forEach(visit);
      };
      visit(path.resolve('src/script/element.ts'));
    }
    return element.has(id) ? 'element' : byFile.get(id);
  };
}

const modules = [
  {
    input: { index: 'src/index.ts', core: 'src/core/index.ts', react: 'src/react.ts' },
    output: { dir: 'dist', format: 'es', chunkFileNames: 'chunk-[hash].js', plugins: [minify(true)] },
    external: [/^lit(\/|$)/, /^@lit\//, /^react(\/|$)/],
    plugins: plugins(),
    onwarn,
  },
  {
    // Catalogues import only types, so each file is self-contained: `export default {…}`.
    input: Object.fromEntries(LOCALES.map((lang) => [lang, `src/i18n/${lang}.ts`])),
    output: { dir: 'dist/locales', format: 'es', entryFileNames: '[name].js', plugins: [minify(true)] },
    plugins: plugins(),
    onwarn,
  },
  {
    // What the loader inserts: `element` defines <safetrade-meetup>, `core` is what
    // SafeTradeMeetup.load() resolves to, `locale-<lang>` the catalogues; Rollup splits out the
    // shared code and the parts imported on demand (k-d index, tiles). Names carry a content hash.
    input: { element: 'src/script/element.ts', core: 'src/script/core.ts', ...Object.fromEntries(LOCALES.map((l) => [`locale-${l}`, `src/i18n/${l}.ts`])) },
    output: {
      dir: 'dist/script',
      format: 'system',
      entryFileNames: '[name].[hash].js',
      chunkFileNames: 'chunk-[name].[hash].js',
      // The element and everything it needs at once in one file: one response compresses better
      // than three. SafeTradeMeetup.load() shares the core parts of it (rank, geo, languages).
      // The element and everything it imports statically: one file. Files that are always, or
      // nearly always, fetched together are one file too, for each costs the loader a pin (~58 B
      // gzip on every page view): the dataset checker (zod) with its bidi isolation and the k-d
      // index (a dataset of 1,000 stations or more is a host's, so it is checked anyway; tile
      // queries, which need the checker too, get the index's 3.2 KB along) and the words for a
      // failed dataset load (a rare path, where 10 KB instead of 1 KB does not matter); and the
      // tile code with what reads a manifest.
      manualChunks: groupChunks({
        dataset: [
          'src/core/dataset.ts',
          'src/element/data/check.ts',
          'src/element/data/bidi.ts',
          'src/core/kdtree.ts',
          'src/core/bounds.ts',
          'src/element/data/load-failure.ts',
        ],
        tiles: ['src/core/tiles.ts', 'src/element/data/tiles-source.ts'],
      }),
      // A third pass: ~0.1 KB less of what every visitor who scrolls to the widget downloads.
      plugins: [minify(false, 3), registerWithLoader()],
    },
    preserveEntrySignatures: 'allow-extension',
    plugins: [scriptSeams(), ...plugins()],
    onwarn,
  },
];

const loader = {
  input: 'src/cdn.ts',
  // No `name`: the loader sets window.SafeTradeMeetup itself, and only when no copy did first.
  output: { file: 'dist/safetrade-meetup.js', format: 'iife', plugins: [minify(false)] },
  plugins: [pinsPlugin('dist'), ...plugins()],
  onwarn,
};

export default (args) => (args.configLoader ? [loader] : modules);
