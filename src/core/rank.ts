import haversine from 'haversine-distance';
import { assertLatLng, describe } from './geo.js';
import { assertDate, isOpenAt } from './hours.js';
import type { LatLng, Mode, Parties, RankOptions, Station, Suggestion } from './types.js';

export const MODES: readonly Mode[] = ['fair', 'total', 'buyer'];
export const DEFAULT_MODE: Mode = 'fair';
export const DEFAULT_LIMIT = 3;
export const DEFAULT_MAX_DISTANCE_KM = 40;

/** Resolved, validated ranking options. */
export interface RankSettings {
  mode: Mode;
  limit: number;
  maxDistanceKm: number;
}

/**
 * Opening-hours options of `rankStations` (kept apart from `RankOptions` so this change stays small).
 * - `openAt`: a station known to be closed at that moment is not eligible; a station with unknown
 *   hours (none, or no time zone) stays eligible. The element passes `meet-at` here.
 * - `preferOpenAt`: nothing is left out, but when the best eligible station is known to be closed
 *   at that moment, the best one that is not known to be closed (open, or unknown hours) moves to
 *   the front; every other suggestion keeps its order. This happens before `limit` cuts the list.
 *   The element passes "now" here when there is no `meet-at`.
 */
export interface HoursRankOptions {
  openAt?: Date;
  preferOpenAt?: Date;
}

/**
 * Ranks stations for a seller and an optional buyer: best first, at most `limit`, only stations
 * within `maxDistanceKm` of every known party. Throws a TypeError/RangeError quoting a bad input.
 */
export function rankStations(stations: readonly Station[], parties: Parties, options: RankOptions & HoursRankOptions = {}): Suggestion[] {
  if (!Array.isArray(stations)) throw new TypeError(`stations must be an array (got ${describe(stations)})`);
  const { seller, buyer } = checkParties(parties);
  const settings = checkOptions(options);
  const { openAt, preferOpenAt } = checkHoursOptions(options);
  const scored: Scored[] = [];
  for (const station of stations) {
    const sellerKm = haversine(seller, station) / 1000;
    if (!(sellerKm <= settings.maxDistanceKm)) continue;
    const buyerKm = buyer ? haversine(buyer, station) / 1000 : null;
    if (buyerKm !== null && !(buyerKm <= settings.maxDistanceKm)) continue;
    if (openAt && isOpenAt(station, openAt) === false) continue;
    scored.push(score(station, sellerKm, buyerKm, settings.mode));
  }
  scored.sort(compareScored);
  if (preferOpenAt) preferOpen(scored, preferOpenAt);
  return scored.slice(0, settings.limit).map(({ suggestion }) => suggestion);
}

/** A suggestion with its sort keys: smaller first, key by key, then id ascending. */
export interface Scored {
  suggestion: Suggestion;
  k1: number;
  k2: number;
}

export function score(station: Station, sellerKm: number, buyerKm: number | null, mode: Mode): Scored {
  const suggestion: Suggestion = { station, sellerKm, buyerKm };
  if (buyerKm === null) return { suggestion, k1: sellerKm, k2: 0 };
  const max = Math.max(buyerKm, sellerKm);
  const sum = buyerKm + sellerKm;
  if (mode === 'fair') return { suggestion, k1: max, k2: sum };
  if (mode === 'total') return { suggestion, k1: sum, k2: max };
  return { suggestion, k1: buyerKm, k2: sellerKm };
}

export function compareScored(a: Scored, b: Scored): number {
  if (a.k1 !== b.k1) return a.k1 - b.k1;
  if (a.k2 !== b.k2) return a.k2 - b.k2;
  const x = a.suggestion.station.id;
  const y = b.suggestion.station.id;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Moves the best station not known to be closed at `at` to the front, when the best one is closed. */
export function preferOpen<T extends { suggestion: Suggestion }>(ranked: T[], at: Date): T[] {
  if (ranked.length < 2 || isOpenAt(ranked[0]!.suggestion.station, at) !== false) return ranked;
  const index = ranked.findIndex((r) => isOpenAt(r.suggestion.station, at) !== false);
  if (index > 0) ranked.unshift(...ranked.splice(index, 1));
  return ranked;
}

export function checkHoursOptions(options: HoursRankOptions): HoursRankOptions {
  const { openAt, preferOpenAt } = options ?? {};
  if (openAt !== undefined) assertDate(openAt, 'openAt');
  if (preferOpenAt !== undefined) assertDate(preferOpenAt, 'preferOpenAt');
  return { openAt, preferOpenAt };
}

export function checkParties(parties: Parties): { seller: LatLng; buyer: LatLng | null } {
  if (typeof parties !== 'object' || parties === null) {
    throw new TypeError(`parties must be {seller, buyer?} (got ${describe(parties)})`);
  }
  assertLatLng(parties.seller, 'parties.seller');
  if (parties.buyer != null) assertLatLng(parties.buyer, 'parties.buyer');
  return { seller: parties.seller, buyer: parties.buyer ?? null };
}

export function checkOptions(options: RankOptions): RankSettings {
  const { mode = DEFAULT_MODE, limit = DEFAULT_LIMIT, maxDistanceKm = DEFAULT_MAX_DISTANCE_KM } = options ?? {};
  if (!MODES.includes(mode)) throw new RangeError(`mode must be one of ${MODES.join(', ')} (got ${describe(mode)})`);
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number of at least 1 (got ${describe(limit)})`);
  if (typeof maxDistanceKm !== 'number' || !(maxDistanceKm > 0)) {
    throw new RangeError(`maxDistanceKm must be a number above 0 (got ${describe(maxDistanceKm)})`);
  }
  return { mode, limit, maxDistanceKm };
}
