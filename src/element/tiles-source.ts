// `stations-src` seen as one thing to rank against, whether it is a dataset or a tile manifest
// (docs/TILES.md): what `safetrade-ready` reports, and an async rank. The loading itself (shared
// per URL, bounded, validated) is load.ts's.
import { rankStations, type HoursRankOptions } from '../core/rank.js';
import type { ParsedDataset, Parties, RankOptions, Suggestion } from '../core/types.js';
import { loadDataset } from './load.js';

export interface StationsSource {
  kind: 'dataset' | 'tiles';
  /** Usable stations (for tiles: as the manifest counts them). */
  stations: number;
  rejected: number;
  attribution: string[];
  /** For `kind: 'dataset'`: the parsed dataset. */
  dataset?: ParsedDataset;
  /** Suggestions for the parties, exactly as rankStations over the whole dataset would give them. */
  rank(parties: Parties, options: RankOptions & HoursRankOptions, signal?: AbortSignal): Promise<Suggestion[]>;
}

/** Loads `url` (absolute): a dataset or a tile manifest. */
export async function loadSource(url: string, signal?: AbortSignal): Promise<StationsSource> {
  const loaded = await loadDataset(url, signal);
  const { tiles } = loaded;
  if (tiles) return { kind: 'tiles', stations: tiles.count, rejected: 0, attribution: loaded.attribution, rank: tiles.rank };
  return {
    kind: 'dataset',
    stations: loaded.stations.length,
    rejected: loaded.rejected.length,
    attribution: loaded.attribution,
    dataset: loaded,
    rank: async (parties, options) => rankStations(loaded.stations, parties, options),
  };
}
