// `stations-src`: fetch, then check as a dataset or read as a tile manifest, once per URL (and
// integrity) for the whole page (cache.ts). The checker (the core's parser, zod) and the tile code
// are imported when a dataset needs them: the script tag's shipped dataset needs neither.
import { yieldToMain } from '../../core/slices.js';
import type { ParsedDataset } from '../../core/types.js';
import { pinnedIntegrity } from '../pins.js';
import { SharedCache } from './cache.js';
import { fetchJson } from './fetch-json.js';
import type { LoadedDataset } from './tiles-source.js';

// Parsed datasets kept for later widgets; a page that cycles through many sources keeps the latest.
export const MAX_DATASETS_KEPT = 16;
const datasets = new SharedCache<LoadedDataset>(MAX_DATASETS_KEPT);
// Imported on first need, then kept (an import() of a loaded module still costs a task).
let tiles: typeof import('./tiles-source.js') | undefined;
let check: typeof import('./check.js') | undefined;
/** core/tiles.ts's TILES_FORMAT, repeated so that the tile code is not loaded to rule it out. */
const TILES_FORMAT = 'safetrade-stations-tiles';

/**
 * Fetches and validates the dataset at `url` (absolute), or rejects with a LoadError. One fetch
 * and one parse per URL serve every caller. When `signal` aborts, this call rejects with an
 * AbortError; the fetch itself is aborted only when no other caller still waits for it.
 * `integrity` (`stations-integrity`): the SRI hash the file must match, or it is refused.
 */
export function loadDataset(url: string, signal?: AbortSignal, integrity?: string): Promise<LoadedDataset> {
  const pinned = pinnedIntegrity(url);
  const expected = integrity || pinned;
  return datasets.get(
    expected ? `${url} ${expected}` : url,
    async (own) => {
      const json = await fetchJson(url, { signal: own, integrity: expected ?? '' });
      // Each step in tasks of its own, never one with the JSON.parse before or the widget's render after.
      await yieldToMain();
      let dataset: LoadedDataset;
      if ((json as { format?: unknown } | null)?.format === TILES_FORMAT)
        dataset = await (tiles ??= await import('./tiles-source.js')).tiledDataset(json, url, own);
      else if (pinned && expected === pinned) dataset = shipped(json as ShippedDataset);
      else dataset = await (check ??= await import('./check.js')).checkDatasetInSlices(json, url, own);
      await yieldToMain();
      return dataset;
    },
    signal,
  );
}

interface ShippedDataset {
  stations: ParsedDataset['stations'];
  name?: string;
  updated?: string;
  attribution?: string[];
}

/**
 * The dataset shipped beside the script tag's loader, which the browser just matched against the
 * hash the build pinned. The build pins it only after checking that the core's parser keeps it
 * exactly as it is, nothing rejected, dropped or isolated (scripts/pins.mjs, `shippedAsIs`), so
 * this is what checkDataset would return, without the checker's code on the page.
 */
function shipped({ stations, name, updated, attribution = [] }: ShippedDataset): ParsedDataset {
  return { stations, rejected: [], warnings: [], attribution, ...(name === undefined ? {} : { name }), ...(updated === undefined ? {} : { updated }) };
}
