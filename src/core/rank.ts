import haversine from 'haversine-distance';
import { assertLatLng, describe } from './geo.js';
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
 * Ranks stations for a seller and an optional buyer: best first, at most `limit`, only stations
 * within `maxDistanceKm` of every known party. Throws a TypeError/RangeError quoting a bad input.
 */
export function rankStations(stations: readonly Station[], parties: Parties, options: RankOptions = {}): Suggestion[] {
  if (!Array.isArray(stations)) throw new TypeError(`stations must be an array (got ${describe(stations)})`);
  const { seller, buyer } = checkParties(parties);
  const settings = checkOptions(options);
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
