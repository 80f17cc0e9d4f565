import haversine from 'haversine-distance';
import { describe } from './geo.js';
import { assertDate, isOpenAt } from './hours.js';
import { createStationIndex, searchIndex, type StationIndex } from './kdtree.js';
import { checkOptions, checkParties, compareScored, score, type RankSettings, type Scored } from './rule.js';
import type { LatLng, Parties, RankOptions, Station, Suggestion } from './types.js';

/** Below this many stations a linear scan is as fast as the index (see bench/), so none is built. */
export const INDEX_MIN_STATIONS = 1000;

/**
 * Ranks stations for a seller and an optional buyer: best first, at most `limit`, only stations
 * within `maxDistanceKm` of every known party. Throws a TypeError/RangeError quoting a bad input.
 * From INDEX_MIN_STATIONS stations on, it builds a spatial index once per array (kept while the
 * array lives) and answers from it: same results, microseconds instead of milliseconds. The array
 * is treated as immutable once ranked; rank a new array after changing its stations.
 */
export function rankStations(stations: readonly Station[], parties: Parties, options: RankOptions & HoursRankOptions = {}): Suggestion[] {
  if (!Array.isArray(stations)) throw new TypeError(`stations must be an array (got ${describe(stations)})`);
  const { seller, buyer } = checkParties(parties);
  const settings = checkOptions(options);
  const { openAt, preferOpenAt } = checkHoursOptions(options);
  const run = (accept: RankSettings['accept'], limit: number) => {
    const s = { ...settings, limit, accept };
    const index = indexFor(stations);
    return index ? searchIndex(index, seller, buyer, s) : scan(stations, seller, buyer, s);
  };
  const openThen = openAt ? (s: Station) => isOpenAt(s, openAt) !== false : undefined;
  const ranked = run(openThen, settings.limit);
  if (!bestIsClosed(ranked, preferOpenAt)) return ranked;
  const [open] = run((s) => (openThen?.(s) ?? true) && isOpenAt(s, preferOpenAt!) !== false, 1);
  return openFirst(ranked, open, settings.limit);
}

/** Whether `preferOpenAt` asks for another station first: the best one is known to be closed then. */
export function bestIsClosed(ranked: readonly Suggestion[], preferOpenAt: Date | undefined): boolean {
  return !!preferOpenAt && !!ranked[0] && isOpenAt(ranked[0].station, preferOpenAt) === false;
}

/** `open` (the best station not known to be closed) first; the rest keep their order, cut to `limit`. */
export function openFirst(ranked: Suggestion[], open: Suggestion | undefined, limit: number): Suggestion[] {
  return open ? [open, ...ranked.filter((x) => x.station !== open.station)].slice(0, limit) : ranked;
}

/**
 * Opening-hours options of `rankStations`:
 * - `openAt`: a station known to be closed at that moment is not eligible; a station with unknown
 *   hours (none, or no time zone) stays eligible. The element passes `meet-at` here.
 * - `preferOpenAt`: nothing is left out, but when the best eligible station is known to be closed
 *   at that moment, the best one that is not known to be closed (open, or unknown hours) moves to
 *   the front; every other suggestion keeps its order. The element passes "now" here when there
 *   is no `meet-at`.
 */
export interface HoursRankOptions {
  openAt?: Date;
  preferOpenAt?: Date;
}

export function checkHoursOptions(options: HoursRankOptions): HoursRankOptions {
  const { openAt, preferOpenAt } = options ?? {};
  if (openAt !== undefined) assertDate(openAt, 'openAt');
  if (preferOpenAt !== undefined) assertDate(preferOpenAt, 'preferOpenAt');
  return { openAt, preferOpenAt };
}

/** The brute-force ranking: every station scored, sorted, cut. Also the oracle for tests and bench. */
export function scan(stations: readonly Station[], seller: LatLng, buyer: LatLng | null, settings: RankSettings): Suggestion[] {
  const scored: Scored[] = [];
  for (const station of stations) {
    const sellerKm = haversine(seller, station) / 1000;
    if (!(sellerKm <= settings.maxDistanceKm)) continue;
    const buyerKm = buyer ? haversine(buyer, station) / 1000 : null;
    if (buyerKm !== null && !(buyerKm <= settings.maxDistanceKm)) continue;
    if (settings.accept && !settings.accept(station)) continue;
    scored.push(score(station, sellerKm, buyerKm, settings.mode));
  }
  scored.sort(compareScored);
  return scored.slice(0, settings.limit).map(({ suggestion }) => suggestion);
}

const indexes = new WeakMap<readonly Station[], StationIndex>();

/**
 * The index rankStations searches for `stations`, or null to scan them: below INDEX_MIN_STATIONS,
 * or (the one place to change for it) while no index is at hand. Built on first use and kept
 * while the array lives; rebuilt if the array's length changed since.
 */
export function indexFor(stations: readonly Station[]): StationIndex | null {
  if (stations.length < INDEX_MIN_STATIONS) return null;
  let index = indexes.get(stations);
  if (!index || index.ids.length !== stations.length) {
    index = createStationIndex(stations);
    indexes.set(stations, index);
  }
  return index;
}
