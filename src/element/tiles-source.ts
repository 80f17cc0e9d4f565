// Where the element's stations come from: one dataset file, or a tile manifest (docs/TILES.md)
// whose tiles are fetched per query, only those that can still change the answer. Manifests and
// tiles are fetched once per URL and shared by every widget on the page. A tile that fails to load
// or does not match its manifest fails the query (a LoadError): answering without it could name
// the wrong station, which is worse than naming none.
import { DatasetError, parseDataset } from '../core/dataset.js';
import { rankStations } from '../core/rank.js';
import { checkTileStations, isTileManifest, parseTileManifest, rankTiles, type Tile } from '../core/tiles.js';
import type { ParsedDataset, Parties, RankOptions, Station, Suggestion } from '../core/types.js';
import { checkDataset, LoadError } from './load.js';

/** A loaded `stations-src`: what `safetrade-ready` reports, and how to rank for given parties. */
export interface StationsSource {
  kind: 'dataset' | 'tiles';
  /** Usable stations (for tiles: as the manifest counts them). */
  stations: number;
  rejected: number;
  attribution: string[];
  /** For `kind: 'dataset'`: the parsed dataset, so the element can keep ranking it synchronously. */
  dataset?: ParsedDataset;
  /**
   * Suggestions for the parties, exactly as rankStations over the whole dataset would give them.
   * Rejects with a LoadError when a needed tile fails, or with `signal.reason` once aborted.
   */
  rank(parties: Parties, options: RankOptions, signal?: AbortSignal): Promise<Suggestion[]>;
}

const sources = new Map<string, Promise<StationsSource>>();
const tiles = new Map<string, Promise<readonly Station[]>>();

/** Loads `url` (absolute): a dataset or a tile manifest. Cached per URL; a failure is not. */
export function loadSource(url: string): Promise<StationsSource> {
  return cached(sources, url, async () => {
    const json = await fetchJson(url, 'dataset');
    if (!isTileManifest(json)) {
      const parsed = checkDataset(json, url);
      return {
        kind: 'dataset',
        stations: parsed.stations.length,
        rejected: parsed.rejected.length,
        attribution: parsed.attribution,
        dataset: parsed,
        rank: async (parties, options) => rankStations(parsed.stations, parties, options),
      };
    }
    let manifest;
    try {
      manifest = parseTileManifest(json);
    } catch (error) {
      throw new LoadError('dataset-invalid', `${url} is not a valid tile manifest: ${(error as Error).message}`);
    }
    const list = manifest.tiles;
    // Same rule as a dataset: nothing usable in it is an error, not an empty widget.
    if (list.length === 0) throw new LoadError('dataset-invalid', `${url} has no usable station (an empty tile manifest)`);
    return {
      kind: 'tiles',
      stations: manifest.manifest.stations,
      rejected: 0,
      attribution: Array.isArray(manifest.manifest.attribution) ? manifest.manifest.attribution.filter((a) => typeof a === 'string') : [],
      rank: async (parties, options, signal) => {
        signal?.throwIfAborted();
        const { suggestions } = await rankTiles(list, parties, options, (tile) => {
          signal?.throwIfAborted();
          return loadTile(tile, new URL(tile.url, url).href);
        });
        signal?.throwIfAborted();
        return suggestions;
      },
    };
  });
}

/** One tile's stations, fetched once per URL and checked against the manifest's cell and count. */
export function loadTile(tile: Tile, url: string): Promise<readonly Station[]> {
  return cached(tiles, url, async () => {
    const json = await fetchJson(url, 'tile');
    try {
      const parsed = parseDataset(json);
      // The build refuses rejected stations, so one here means a damaged or mismatched tile.
      const count = parsed.stations.length;
      if (parsed.rejected.length || count < tile.minCount || count > tile.maxCount) {
        throw new DatasetError(`tile ${tile.id} should hold ${tile.minCount}…${tile.maxCount} stations (got ${count}, ${parsed.rejected.length} rejected)`);
      }
      checkTileStations(tile, parsed.stations);
      return parsed.stations;
    } catch (error) {
      if (error instanceof DatasetError) throw new LoadError('dataset-invalid', `${url}: ${error.message}`);
      throw error;
    }
  });
}

function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let pending = cache.get(key);
  if (!pending) {
    pending = load();
    cache.set(key, pending);
    // Not cached on failure: the next query, or another widget, tries again.
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

async function fetchJson(url: string, what: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', referrerPolicy: 'no-referrer' });
  } catch (error) {
    throw new LoadError('dataset-fetch', `could not fetch ${what} ${url}: ${(error as Error).message || 'network error'}`);
  }
  if (!response.ok) throw new LoadError('dataset-fetch', `could not fetch ${what} ${url}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new LoadError('dataset-invalid', `${what} ${url} is not valid JSON`);
  }
}
