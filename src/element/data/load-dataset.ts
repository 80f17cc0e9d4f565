// `stations-src`: fetch, then check as a dataset or read as a tile manifest, once per URL for the
// whole page (cache.ts).
import { yieldToMain } from '../../core/slices.js';
import { isTileManifest } from '../../core/tiles.js';
import { SharedCache } from './cache.js';
import { checkDatasetInSlices } from './check.js';
import { fetchJson } from './fetch-json.js';
import { tiledDataset, type LoadedDataset } from './tiles-source.js';

// Parsed datasets kept for later widgets; a page that cycles through many sources keeps the latest.
export const MAX_DATASETS_KEPT = 16;
const datasets = new SharedCache<LoadedDataset>(MAX_DATASETS_KEPT);

/**
 * Fetches and validates the dataset at `url` (absolute), or rejects with a LoadError. One fetch
 * and one parse per URL serve every caller. When `signal` aborts, this call rejects with an
 * AbortError; the fetch itself is aborted only when no other caller still waits for it.
 */
export function loadDataset(url: string, signal?: AbortSignal): Promise<LoadedDataset> {
  return datasets.get(
    url,
    async (own) => {
      const json = await fetchJson(url, { signal: own });
      // Each step in tasks of its own, never one with the JSON.parse before or the widget's render after.
      await yieldToMain();
      const dataset = isTileManifest(json) ? await tiledDataset(json, url, own) : await checkDatasetInSlices(json, url, own);
      await yieldToMain();
      return dataset;
    },
    signal,
  );
}
