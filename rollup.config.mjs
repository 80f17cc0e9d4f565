// Three bundles: the script-tag IIFE (everything inside, minified), and the ESM entries
// `index` (element + core) and `core` (no DOM) with Lit left to the host's bundler. Plus one small
// ES module per language other than English (dist/locales/<lang>.js), imported on demand by both.
import commonjs from '@rollup/plugin-commonjs';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const plugins = () => [
  resolve({ browser: true }),
  commonjs({ include: /node_modules\/haversine-distance/ }),
  typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmitOnError: true, compilerOptions: { noEmit: false, types: [] } }),
];
const onwarn = (warning, warn) => {
  // zod 4 ships harmless annotations and module cycles.
  if (/node_modules\/zod/.test(warning.id ?? warning.ids?.join() ?? '') && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return;
  warn(warning);
};
// `module: true` only for ESM: in the IIFE it would drop the top-level `var SafeTradeMeetup`.
// Keep only the comments that tell bundlers to leave the locale import() alone.
const minify = (module) => terser({ ecma: 2022, module, format: { comments: /webpackIgnore|@vite-ignore/ } });
const LOCALES = ['es', 'fr'];

export default [
  {
    input: 'src/cdn.ts',
    output: { file: 'dist/safetrade-meetup.js', format: 'iife', name: 'SafeTradeMeetup', plugins: [minify(false)] },
    plugins: plugins(),
    onwarn,
  },
  {
    input: { index: 'src/index.ts', core: 'src/core/index.ts' },
    output: { dir: 'dist', format: 'es', chunkFileNames: 'chunk-[hash].js', plugins: [minify(true)] },
    external: [/^lit(\/|$)/, /^@lit\//],
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
];
