// The script-tag IIFE (everything inside, minified); the ESM entries `index` (element + core),
// `core` (no DOM) and `react` (the @lit/react wrapper) with Lit, React and @lit/react left to the
// host's bundler; and one small ES module per language other than English (dist/locales/<lang>.js),
// imported on demand by both.
import commonjs from '@rollup/plugin-commonjs';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import minifyLiterals from './scripts/minify-literals.mjs';

const plugins = () => [
  // `production`: Lit's production build (no dev-mode warnings), whatever the default condition.
  resolve({ browser: true, exportConditions: ['production'] }),
  commonjs({ include: /node_modules\/haversine-distance/ }),
  typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmitOnError: true, compilerOptions: { noEmit: false, types: [] } }),
  // After typescript: that plugin compiles from disk and ignores earlier transforms.
  minifyLiterals(),
];
const onwarn = (warning, warn) => {
  // zod 4 ships harmless annotations and module cycles.
  if (/node_modules\/zod/.test(warning.id ?? warning.ids?.join() ?? '') && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code)) return;
  warn(warning);
};
// `module: true` only for ESM: in the IIFE it would drop the top-level `var SafeTradeMeetup`.
// Keep only the comments that tell bundlers to leave the locale import() alone.
const minify = (module) => terser({ ecma: 2022, module, compress: { passes: 2 }, format: { comments: /webpackIgnore|@vite-ignore/ } });
const LOCALES = ['es', 'fr'];

export default [
  {
    input: 'src/cdn.ts',
    output: { file: 'dist/safetrade-meetup.js', format: 'iife', name: 'SafeTradeMeetup', plugins: [minify(false)] },
    plugins: plugins(),
    onwarn,
  },
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
];
