#!/usr/bin/env node
// Splits a dataset (format v1) into adaptive tiles plus a manifest (docs/TILES.md):
//
//   node data/build-tiles.mjs <dataset.json> <out-dir> [--max-per-tile 128] [--url 'tiles/{id}.json']
//
// writes <out-dir>/manifest.json and one dataset per tile. Uses dist/core.js (run after rollup),
// the same parseDataset the widget uses: a dataset with rejected stations fails the build, because
// a tile set is published once and read by every widget. The CLI's `build --tiles` does the same
// through the same writeTiles (bin/lib/tiles.mjs, shipped with the package).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTiles } from '../bin/lib/tiles.mjs';

export { writeTiles };

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const maxText = flag('--max-per-tile');
  const url = flag('--url');
  const [input, outDir] = args;
  if (!input || !outDir) {
    console.error("usage: node data/build-tiles.mjs <dataset.json> <out-dir> [--max-per-tile 128] [--url 'tiles/{id}.json']");
    process.exit(2);
  }
  const maxPerTile = maxText === undefined ? undefined : Number(maxText);
  try {
    const { manifest, files } = await writeTiles(JSON.parse(readFileSync(input, 'utf8')), outDir, { maxPerTile, url });
    console.log(`${input}: ${manifest.stations} stations in ${files.length - 1} tiles -> ${files[0]}`);
  } catch (error) {
    console.error(`build-tiles: ${error.message}`);
    process.exit(1);
  }
}
