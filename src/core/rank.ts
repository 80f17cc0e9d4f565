import haversine from 'haversine-distance';
import { describe } from './geo.js';
import { createStationIndex, searchIndex, type StationIndex } from './index-tree.js';
import { checkOptions, checkParties, compareScored, score, type RankSettings, type Scored } from './rule.js';
import type { LatLng, Parties, RankOptions, Station, Suggestion } from './types.js';

export * from './rule.js';

/** Below this many stations a linear scan is as fast as the index (see bench/), so none is built. */
export const INDEX_MIN_STATIONS = 1000;

/**
 * Ranks stations for a seller and an optional buyer: best first, at most `limit`, only stations
 * within `maxDistanceKm` of every known party. Throws a TypeError/RangeError quoting a bad input.
 * From INDEX_MIN_STATIONS stations on, it builds a spatial index once per array (kept while the
 * array lives) and answers from it: same results, microseconds instead of milliseconds. The array
 * is treated as immutable once ranked; rank a new array after changing its stations.
 */
export function rankStations(stations: readonly Station[], parties: Parties, options: RankOptions = {}): Suggestion[] {
  if (!Array.isArray(stations)) throw new TypeError(`stations must be an array (got ${describe(stations)})`);
  const { seller, buyer } = checkParties(parties);
  const settings = checkOptions(options);
  if (stations.length >= INDEX_MIN_STATIONS) return searchIndex(indexFor(stations), seller, buyer, settings);
  return scan(stations, seller, buyer, settings);
}

/** The brute-force ranking: every station scored, sorted, cut. Also the oracle for tests and bench. */
export function scan(stations: readonly Station[], seller: LatLng, buyer: LatLng | null, settings: RankSettings): Suggestion[] {
  const scored: Scored[] = [];
  for (const station of stations) {
    const sellerKm = haversine(seller, station) / 1000;
    if (!(sellerKm <= settings.maxDistanceKm)) continue;
    const buyerKm = buyer ? haversine(buyer, station) / 1000 : null;
    if (buyerKm !== null && !(buyerKm <= settings.maxDistanceKm)) continue;
    scored.push(score(station, sellerKm, buyerKm, settings.mode));
  }
  scored.sort(compareScored);
  return scored.slice(0, settings.limit).map(({ suggestion }) => suggestion);
}

const indexes = new WeakMap<readonly Station[], StationIndex>();

/** The index of `stations`, built on first use; rebuilt if the array's length changed since. */
export function indexFor(stations: readonly Station[]): StationIndex {
  let index = indexes.get(stations);
  if (!index || index.ids.length !== stations.length) {
    index = createStationIndex(stations);
    indexes.set(stations, index);
  }
  return index;
}
