// The ranking rule in one place: option checks, sort keys per mode, and the order. Both the
// linear scan (rank.ts) and the k-d tree search (kdtree.ts) score with these, so their results
// can only be identical. Its own file, apart from rankStations, so that the tree depends on the
// rule and not on the scan, the hours and the cache of indexes (rank.ts imports the tree).
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
  /** A further eligibility test (opening hours); stations it refuses are never suggested. */
  accept?: ((station: Station) => boolean) | undefined;
}

/** A suggestion with its sort keys: smaller first, key by key, then id ascending. */
export interface Scored {
  suggestion: Suggestion;
  k1: number;
  k2: number;
}

export function score(station: Station, sellerKm: number, buyerKm: number | null, mode: Mode): Scored {
  return { suggestion: { station, sellerKm, buyerKm }, k1: key1(sellerKm, buyerKm, mode), k2: key2(sellerKm, buyerKm, mode) };
}

/** The primary key: the seller's distance alone without a buyer, else per mode (max, sum, buyer's). */
export function key1(sellerKm: number, buyerKm: number | null, mode: Mode): number {
  if (buyerKm === null) return sellerKm;
  return mode === 'fair' ? Math.max(buyerKm, sellerKm) : mode === 'total' ? buyerKm + sellerKm : buyerKm;
}

/** The first tie-break: sum for fair, max for total, the seller's distance for buyer mode. */
export function key2(sellerKm: number, buyerKm: number | null, mode: Mode): number {
  if (buyerKm === null) return 0;
  return mode === 'fair' ? buyerKm + sellerKm : mode === 'total' ? Math.max(buyerKm, sellerKm) : sellerKm;
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
  const { seller, buyer } = parties;
  assertLatLng(seller, 'parties.seller');
  if (buyer != null) assertLatLng(buyer, 'parties.buyer');
  // Copies with lat and lng only: haversine-distance would read a `latitude` or `lon` key first.
  return { seller: { lat: seller.lat, lng: seller.lng }, buyer: buyer == null ? null : { lat: buyer.lat, lng: buyer.lng } };
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
