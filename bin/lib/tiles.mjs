// Writes a dataset as adaptive tiles plus a manifest (docs/TILES.md), validated by the widget's own
// dist/core.js. Shared by the CLI (`safetrade-stations build --tiles`) and data/build.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Validates `dataset` and writes its tiles and manifest (named `manifestName`) under `outDir`.
 * Returns { manifest, files } (files: paths written, manifest first).
 */
export async function writeTiles(dataset, outDir, { maxPerTile, url, manifestName = 'manifest.json' } = {}) {
  const { parseDataset, buildTiles } = await import(new URL('../../dist/core.js', import.meta.url).href);
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
  const files = [join(outDir, manifestName)];
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
