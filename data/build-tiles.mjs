#!/usr/bin/env node
// Splits a dataset (format v1) into adaptive tiles plus a manifest (docs/TILES.md):
//
//   node data/build-tiles.mjs <dataset.json> <out-dir> [--max-per-tile 128] [--url 'tiles/{id}.json']
//
// writes <out-dir>/manifest.json and one dataset per tile. Uses dist/core.js (run after rollup),
// the same parseDataset the widget uses: a dataset with rejected stations fails the build, because
// a tile set is published once and read by every widget. `writeTiles` is the same thing for the CLI.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Validates `dataset` and writes its tiles and manifest under `outDir`.
 * Returns { manifest, files } (files: paths written, manifest first).
 */
export async function writeTiles(dataset, outDir, { maxPerTile, url } = {}) {
  const { parseDataset, buildTiles } = await import(pathToFileURL(join(root, 'dist/core.js')).href);
  const parsed = parseDataset(dataset);
  if (parsed.rejected.length) {
    const first = parsed.rejected.slice(0, 3).map((r) => `  index ${r.index}${r.id ? ` (${r.id})` : ''}: ${r.reason}`);
    throw new Error(`${parsed.rejected.length} station(s) rejected; fix the dataset first:\n${first.join('\n')}`);
  }
  const { manifest, tiles } = buildTiles(parsed.stations, {
    maxPerTile,
    url,
    name: parsed.name,
    updated: parsed.updated,
    attribution: parsed.attribution.length ? parsed.attribution : undefined,
  });
  const files = [join(outDir, 'manifest.json')];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(files[0], JSON.stringify(manifest));
  for (const tile of tiles) {
    const file = join(outDir, manifest.url.replace('{id}', tile.id));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(tile.dataset));
    files.push(file);
  }
  return { manifest, files };
}

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
