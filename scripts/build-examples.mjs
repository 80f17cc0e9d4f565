#!/usr/bin/env node
// Builds the React example (examples/react/main.tsx -> examples/react/dist/app.js) with esbuild,
// as a host app's bundler would: `safetrade-meetup/react` resolves through this package's
// `exports` to dist/, so run `npm run build` first. React comes from the npm registry.
import { build } from 'esbuild';
import { copyFileSync, cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ['examples/react/main.tsx'],
  outfile: 'examples/react/dist/app.js',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  minify: true,
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
// The element finds its default dataset with `new URL('./stations.json', import.meta.url)`.
// Vite and webpack 5 emit that file beside the bundle by themselves; esbuild does not, so copy it
// (or set `stations-src` / the `stationsSrc` prop to wherever you host a dataset).
copyFileSync(join(root, 'dist/stations.json'), join(root, 'examples/react/dist/stations.json'));
// Above data/build.mjs's TILE_THRESHOLD, stations.json is a tile manifest and its tiles sit beside it.
rmSync(join(root, 'examples/react/dist/stations-tiles'), { recursive: true, force: true });
if (existsSync(join(root, 'dist/stations-tiles')))
  cpSync(join(root, 'dist/stations-tiles'), join(root, 'examples/react/dist/stations-tiles'), { recursive: true });
console.log('examples/react/dist/app.js built');
