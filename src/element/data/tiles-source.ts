// A tile manifest as a dataset: no stations up front, and a ranker that fetches only the tiles
// that can change the answer (docs/TILES.md), each checked against the manifest's cell and count.
import { DatasetError, parseDatasetSteps } from '../../core/dataset.js';
import type { HoursRankOptions } from '../../core/rank.js';
import { yieldToMain } from '../../core/slices.js';
import { runInSlices } from '../../core/steps.js';
import { checkTileFile, checkTileStations, parseTileManifestSteps, rankTiles, type Tile } from '../../core/tiles.js';
import type { ParsedDataset, Parties, RankOptions, Station, Suggestion } from '../../core/types.js';
import { TileQueryController } from '../controllers/tile-query.js';
import { printable } from '../printable.js';
import { isolateBidiSteps } from './bidi.js';
import { SharedCache } from './cache.js';
import { LoadError } from './errors.js';
import { fetchJson } from './fetch-json.js';

/**
 * What `stations-src` loaded: a dataset, or a tile manifest (docs/TILES.md). For a manifest,
 * `stations` is empty and `tiles` ranks by fetching only the tiles that can change the answer.
 */
export interface LoadedDataset extends ParsedDataset {
  /**
   * With the element's controller for queries over tiles (`Query`): it comes with this code, which
   * only a tile manifest loads, so the element's first file does without it.
   */
  tiles?: TiledStations & { Query: typeof TileQueryController };
}

export interface TiledStations {
  /** Usable stations, as the manifest counts them. */
  count: number;
  /**
   * Exactly what rankStations over all the stations would give. Rejects with a LoadError when a
   * needed tile fails (never answers without it), or with an AbortError once `signal` aborts.
   */
  rank(parties: Parties, options: RankOptions & HoursRankOptions, signal?: AbortSignal): Promise<Suggestion[]>;
}

/** A tile manifest as a dataset with no stations up front and a `tiles` ranker; read in slices. */
export async function tiledDataset(json: unknown, url: string, signal?: AbortSignal): Promise<LoadedDataset> {
  let parsed;
  try {
    parsed = await runInSlices(parseTileManifestSteps(json), signal);
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    throw new LoadError('dataset-invalid', `${url} is not a valid tile manifest: ${printable((error as Error).message)}`);
  }
  const list = parsed.tiles;
  // Same rule as a dataset: nothing usable in it is an error, not an empty widget.
  if (list.length === 0) throw new LoadError('dataset-invalid', `${url} has no usable station (an empty tile manifest)`);
  const template = parsed.manifest.url;
  // Refused now, before any query: a template that leaves the manifest's origin is an error shown
  // at once, not a silent request to another host on the first query.
  tileHref(list[0]!, template, url);
  const credits = parsed.manifest.attribution;
  return {
    stations: [],
    rejected: [],
    warnings: [],
    attribution: Array.isArray(credits) ? credits.filter((a): a is string => typeof a === 'string') : [],
    tiles: {
      Query: TileQueryController,
      count: parsed.manifest.stations,
      async rank(parties, options, signal) {
        signal?.throwIfAborted();
        // Planning which tiles to fetch runs in a task of its own, not in the caller's render.
        await yieldToMain();
        signal?.throwIfAborted();
        const { suggestions } = await rankTiles(list, parties, options, (tile) => {
          signal?.throwIfAborted();
          return loadTile(tile, tileHref(tile, template, url));
        });
        signal?.throwIfAborted();
        // And the caller's render of the answer in another one.
        await yieldToMain();
        signal?.throwIfAborted();
        return suggestions;
      },
    },
  };
}

/**
 * Where `tile` is: its URL resolved against the manifest's, as the browser would resolve it. Only
 * a URL on the manifest's own origin is returned: the browser's URL parser drops leading spaces,
 * tabs and newlines and reads "\\" as "/" (so "\t//host/{id}.json" or "/\\host/{id}.json" lead to
 * another host although they look relative), and asking it is the one sure test.
 */
export function tileHref(tile: Pick<Tile, 'url'>, template: string, manifestUrl: string): string {
  const base = new URL(manifestUrl);
  let href: URL | undefined;
  try {
    href = new URL(tile.url, base);
  } catch {
    // Not a URL at all: refused below like one on another origin.
  }
  if (href?.origin !== base.origin) {
    throw new LoadError(
      'dataset-invalid',
      `${manifestUrl} is not a valid tile manifest: its tile url ${printable(JSON.stringify(template))} leads ${href ? `to another origin (${printable(href.origin)})` : 'nowhere'}; tiles must come from ${base.origin}, as the manifest does`,
    );
  }
  return href.href;
}

// Tiles hold up to a few hundred stations each (maxPerTile, default 128); one query needs a few.
export const MAX_TILES_KEPT = 64;
const tileCache = new SharedCache<readonly Station[]>(MAX_TILES_KEPT);

/** One tile's stations, fetched once per URL page-wide and checked against the manifest's cell and count. */
export function loadTile(tile: Tile, url: string): Promise<readonly Station[]> {
  // No signal: a tile is not aborted with one query, as another widget or the next query may want it.
  return tileCache.get(url, (signal) =>
    fetchJson(url, { signal }).then(async (json) => {
      try {
        await yieldToMain();
        const parsed = await runInSlices(parseDatasetSteps(json), signal);
        // The build refuses rejected stations, so one here means a damaged or mismatched tile.
        if (parsed.rejected.length) throw new DatasetError(`tile ${tile.id}: ${parsed.rejected.length} station(s) rejected`);
        checkTileFile(tile, json, parsed.stations.length);
        checkTileStations(tile, parsed.stations);
        await runInSlices(isolateBidiSteps(parsed), signal);
        return parsed.stations;
      } catch (error) {
        if (error instanceof DatasetError) throw new LoadError('dataset-invalid', `${url}: ${printable(error.message)}`);
        throw error;
      }
    }),
  );
}
