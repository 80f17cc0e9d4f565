// The contract's ranking rule in one place: option checks, sort keys per mode, and the order.
// Both the linear scan (rank.ts) and the index search (index-tree.ts) score with these, so
// their results can only be identical.
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
