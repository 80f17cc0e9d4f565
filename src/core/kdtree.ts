// An exact spatial index for the two-party ranking: a static, flat k-d tree over lng/lat, built
// as mourner/kdbush builds it (its sort, copied at the bottom with its licence) and searched
// best-first like mourner/geokdbush, with two priority queues: a min-heap of tree nodes keyed by
// a lower bound of the ranking's first key for any station inside the node's lng/lat box (from
// each party's great-circle distance to the box, bounds.ts), and a max-heap of the `limit` best
// stations so far, whose worst entry is the threshold that prunes both. That bound works for
// every mode because max, sum and "buyer first" never decrease when either distance grows.
// Stations that survive a trig-free pre-check are measured with haversine-distance and scored by
// rule.ts, exactly as the linear scan (rank.ts) does, so the results are identical to brute
// force, ties and all.
import haversine from 'haversine-distance';
import { ABSOLUTE_SLACK_KM, boxKm, EARTH_RADIUS_KM, party, RAD, RELATIVE_SLACK, type PartyCoords } from './bounds.js';
import { describe, isLatitude, isLongitude } from './geo.js';
import { checkOptions, checkParties, key1, key2, type RankSettings } from './rule.js';
import type { LatLng, Parties, RankOptions, Station, Suggestion } from './types.js';

/** Stations per leaf. With the trig-free pre-check a leaf station is cheap and a node visit is not; 48 measured best (bench/). */
export const DEFAULT_NODE_SIZE = 48;

/** A static index over one array of stations. Build it once per dataset; it never changes. */
export interface StationIndex {
  readonly stations: readonly Station[];
  readonly nodeSize: number;
  /** Station positions in `stations`, in tree order (as kdbush's `ids`). */
  readonly ids: Uint32Array;
  /** lng, lat pairs in tree order (as kdbush's `coords`). */
  readonly coords: Float64Array;
  /** cos(lat) per station in tree order: the pre-check's one trig term, computed once. */
  readonly cosLat: Float64Array;
}

/**
 * Builds the index; throws a TypeError quoting the first station without a usable lat/lng, or
 * one that also carries `latitude`, `longitude` or `lon`: haversine-distance would read those
 * instead, so its distance would not be that of the position the tree holds.
 */
export function createStationIndex(stations: readonly Station[], nodeSize = DEFAULT_NODE_SIZE): StationIndex {
  if (!Array.isArray(stations)) throw new TypeError(`stations must be an array (got ${describe(stations)})`);
  if (!Number.isInteger(nodeSize) || nodeSize < 2 || nodeSize > 65535) {
    throw new RangeError(`nodeSize must be a whole number in 2…65535 (got ${describe(nodeSize)})`);
  }
  const n = stations.length;
  const ids = new Uint32Array(n);
  const coords = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const s = stations[i] as Station | undefined;
    if (!s || !isLongitude(s.lng) || !isLatitude(s.lat)) {
      throw new TypeError(`stations[${i}] needs lat in -90…90 and lng in -180…180 (got ${describe(s)})`);
    }
    const alias = 'latitude' in s ? 'latitude' : 'longitude' in s ? 'longitude' : 'lon' in s ? 'lon' : null;
    if (alias) {
      const value = describe((s as unknown as Record<string, unknown>)[alias]);
      throw new TypeError(`stations[${i}] must give its position as lat and lng only (got ${alias}: ${value} besides lat ${s.lat}, lng ${s.lng})`);
    }
    ids[i] = i;
    coords[2 * i] = s.lng;
    coords[2 * i + 1] = s.lat;
  }
  sortKD(ids, coords, nodeSize, 0, n - 1, 0);
  const cosLat = new Float64Array(n);
  for (let i = 0; i < n; i++) cosLat[i] = Math.cos(coords[2 * i + 1]! * RAD);
  return { stations, nodeSize, ids, coords, cosLat };
}

/** Exactly `rankStations(index.stations, parties, options)`, in microseconds instead of milliseconds. */
export function queryIndex(index: StationIndex, parties: Parties, options: RankOptions = {}): Suggestion[] {
  if (!index || !(index.coords instanceof Float64Array)) {
    throw new TypeError(`index must come from createStationIndex (got ${describe(index)})`);
  }
  const { seller, buyer } = checkParties(parties);
  return searchIndex(index, seller, buyer, checkOptions(options));
}

/** The station being measured; one object, reused, so a query allocates nothing per station. */
const at: LatLng = { lat: 0, lng: 0 };

const FAIR = 0;
const TOTAL = 1;
const BUYER = 2;
const LEFT = 0;
const RIGHT = 1;
const BOTH = 2;
const NEITHER = 3;

/**
 * The search itself, for callers that already validated their inputs. Best-first over tree nodes
 * (a heap of node bounds), while the `limit` best stations so far sit in a small max-heap: its
 * worst entry is the threshold, and a node or station whose first key is above it cannot make the
 * cut. Nodes and stations equal to it still can (on the second key, the id or the array order), so
 * only a strictly greater key prunes.
 */
export function searchIndex(index: StationIndex, seller: LatLng, buyer: LatLng | null, settings: RankSettings): Suggestion[] {
  const { stations, ids, coords, cosLat, nodeSize } = index;
  const results: Suggestion[] = [];
  if (ids.length === 0) return results;
  const { limit, maxDistanceKm, accept } = settings;
  const mode = settings.mode === 'fair' ? FAIR : settings.mode === 'total' ? TOTAL : BUYER;
  const s = party(seller);
  const b = buyer ? party(buyer) : null;
  const byBuyer = b !== null && mode === BUYER;
  // A nested search (from `accept`) must not share the scratch space of the one that called it.
  const w = idle ?? new Scratch();
  idle = null;
  w.reset();

  let thr = Infinity; // the worst kept station's first key once `limit` are kept
  const hMax = havOf(maxDistanceKm);
  let hCut = hMax;
  w.pushNode(0, 0, ids.length - 1, 0, -180, -90, 180, 90, 0, 0);
  while (w.heapSize > 0) {
    if (w.heapKey[0]! > thr) break;
    const ref = w.popNode();
    const left = w.left[ref]!;
    const right = w.right[ref]!;
    const leaf = right - left <= nodeSize;
    const m = (left + right) >> 1;
    const from = leaf ? left : m;
    const to = leaf ? right : m;
    for (let i = from; i <= to; i++) {
      const lng = coords[2 * i]!;
      const lat = coords[2 * i + 1]!;
      // First a cheap lower bound of each distance (no trig, ~1e-6 relative below the exact one):
      // most stations a search visits fail the radius or the threshold by more than that.
      const latR = lat * RAD;
      const lngR = lng * RAD;
      const c = cosLat[i]!;
      // Compared as haversines (no square root): hCut stands for min(maxDistanceKm, threshold).
      const sLow = lowHav(s, latR, lngR, c);
      if (sLow > (byBuyer ? hMax : hCut)) continue;
      let bLow = 0;
      if (b) {
        bLow = lowHav(b, latR, lngR, c);
        if (bLow > (mode === TOTAL ? hMax : hCut)) continue;
        if (mode === TOTAL && lowKm(sLow) + lowKm(bLow) > thr) continue;
      }
      // The few stations left are measured exactly as the scan measures them (same package, same
      // numbers, so the same bits), from the tree's own copy of the position: reading it from the
      // station object would cost a cache miss per call. The party that bounds the first key most
      // directly goes first, so a station past the threshold costs one call.
      at.lat = lat;
      at.lng = lng;
      let sellerKm: number;
      let buyerKm = -1;
      let k1: number;
      let k2 = 0;
      if (!b) {
        k1 = sellerKm = haversine(seller, at) / 1000;
        if (!(sellerKm <= maxDistanceKm)) continue;
      } else {
        if (byBuyer) {
          buyerKm = haversine(buyer!, at) / 1000;
          if (!(buyerKm <= maxDistanceKm) || buyerKm > thr) continue;
          sellerKm = haversine(seller, at) / 1000;
          if (!(sellerKm <= maxDistanceKm)) continue;
        } else {
          sellerKm = haversine(seller, at) / 1000;
          if (!(sellerKm <= maxDistanceKm) || (mode === FAIR ? sellerKm : sellerKm + lowKm(bLow)) > thr) continue;
          buyerKm = haversine(buyer!, at) / 1000;
          if (!(buyerKm <= maxDistanceKm)) continue;
        }
        k1 = key1(sellerKm, buyerKm, settings.mode);
        k2 = key2(sellerKm, buyerKm, settings.mode);
      }
      if (k1 > thr) continue;
      if (w.topSize === limit && !w.beats(k1, k2, i, stations, ids)) continue;
      // A refused station is simply absent: node bounds stay valid lower bounds for the rest.
      if (accept && !accept(stations[ids[i]!]!)) continue;
      w.keep(k1, k2, i, sellerKm, buyerKm, limit, stations, ids);
      if (w.topSize === limit && w.topK1[0]! !== thr) {
        thr = w.topK1[0]!;
        hCut = Math.min(hMax, havOf(thr));
      }
    }
    if (leaf) continue;

    // The children: each party's distance to the parent box carries over to the child that holds
    // the parent's nearest point (the same distance); only the other child is measured.
    const axis = w.axis[ref]!;
    const bw = w.box[4 * ref]!;
    const bs = w.box[4 * ref + 1]!;
    const be = w.box[4 * ref + 2]!;
    const bn = w.box[4 * ref + 3]!;
    const ps = w.near[2 * ref]!;
    const pb = w.near[2 * ref + 1]!;
    const split = coords[2 * m + axis]!;
    const sideS = nearSide(s, axis, bw, bs, be, bn, split);
    const sideB = b ? nearSide(b, axis, bw, bs, be, bn, split) : BOTH;
    // The seller's box distance bounds the first key in fair and total mode; the buyer's in fair
    // and buyer mode.
    const cutS = mode === BUYER && b ? maxDistanceKm : Math.min(maxDistanceKm, thr);
    const cutB = mode === TOTAL ? maxDistanceKm : Math.min(maxDistanceKm, thr);
    for (let side = LEFT; side <= RIGHT; side++) {
      const cl = side === LEFT ? left : m + 1;
      const cr = side === LEFT ? m - 1 : right;
      if (cl > cr) continue;
      const cw = axis === 0 && side === RIGHT ? split : bw;
      const cs = axis === 1 && side === RIGHT ? split : bs;
      const ce = axis === 0 && side === LEFT ? split : be;
      const cn = axis === 1 && side === LEFT ? split : bn;
      const sKm = sideS === side || sideS === BOTH ? ps : Math.max(ps, boxKmCut(s, cw, cs, ce, cn, cutS));
      if (sKm > cutS) continue;
      let k1 = sKm;
      let bKm = 0;
      if (b) {
        bKm = sideB === side || sideB === BOTH ? pb : Math.max(pb, boxKmCut(b, cw, cs, ce, cn, cutB));
        if (bKm > cutB) continue;
        k1 = mode === FAIR ? Math.max(sKm, bKm) : mode === TOTAL ? sKm + bKm : bKm;
        if (k1 > thr) continue;
      }
      w.pushNode(k1, cl, cr, 1 - axis, cw, cs, ce, cn, sKm, bKm);
    }
  }

  // Worst first out of the max-heap, so the list comes out reversed.
  while (w.topSize > 0) {
    const i = w.topPos[0]!;
    results.push({ station: stations[ids[i]!]!, sellerKm: w.topS[0]!, buyerKm: b ? w.topB[0]! : null });
    w.dropWorst(stations, ids);
  }
  idle = w;
  return results.reverse();
}

/**
 * A lower bound of the haversine of the angle between a party and a station (radians, its
 * cos(lat)), from sin(u) ≥ u − u³/6: no trigonometry, ~1e-6 relative below the exact one.
 */
function lowHav(p: PartyCoords, latR: number, lngR: number, cosLat: number): number {
  const a = Math.abs(latR - p.latRad) * 0.5;
  let d = Math.abs(lngR - p.lngRad);
  if (d > Math.PI) d = 2 * Math.PI - d;
  const o = d * 0.5;
  const x = a * (1 - (a * a) / 6);
  const y = o * (1 - (o * o) / 6);
  return x * x + p.cosLat * cosLat * y * y;
}

/** The distance in km that a `lowHav` bounds from below (asin(y) ≥ y), shaved for rounding. */
const lowKm = (h: number) => 2 * EARTH_RADIUS_KM * Math.sqrt(h) * RELATIVE_SLACK - ABSOLUTE_SLACK_KM;

/** The smallest haversine whose `lowKm` exceeds `km`: `lowHav(…) > havOf(km)` rules a station out. */
function havOf(km: number): number {
  const r = (km + ABSOLUTE_SLACK_KM) / (2 * EARTH_RADIUS_KM * RELATIVE_SLACK);
  return r * r;
}

/**
 * Which child of a box split at `split` on `axis` holds the box's point nearest to `p` (so its
 * distance is the box's): LEFT, RIGHT, BOTH (on the split) or NEITHER when that is not certain.
 * Only a speed-up: the parent's distance is a valid lower bound for either child anyway.
 */
function nearSide(p: PartyCoords, axis: number, w: number, s: number, e: number, n: number, split: number): number {
  const inside = p.lng >= w && p.lng <= e;
  let x: number;
  if (axis === 0) {
    if (inside) x = p.lng;
    else {
      // The nearer meridian edge holds the nearest point.
      const dw = lngGap(w, p.lng);
      const de = lngGap(e, p.lng);
      x = dw < de ? w : de < dw ? e : split;
    }
  } else if (inside) x = p.lat < s ? s : p.lat > n ? n : p.lat;
  else {
    // Within 90° of longitude the nearest point of a meridian lies poleward of p's latitude.
    if (Math.min(lngGap(w, p.lng), lngGap(e, p.lng)) >= 90) return NEITHER;
    if (p.lat >= 0 && p.lat >= split) return RIGHT;
    if (p.lat <= 0 && p.lat <= split) return LEFT;
    return NEITHER;
  }
  return x < split ? LEFT : x > split ? RIGHT : BOTH;
}

/** Longitude difference in degrees, 0…180, across the antimeridian if shorter. */
function lngGap(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d > 180 ? 360 - d : d;
}

/**
 * `boxKm`, except that once a cheap bound (the latitude gap) exceeds `cut` it returns that instead:
 * still a lower bound, enough to prune.
 */
function boxKmCut(p: PartyCoords, w: number, s: number, e: number, n: number, cut: number): number {
  const gap = p.lat < s ? s - p.lat : p.lat > n ? p.lat - n : 0;
  if (p.lng >= w && p.lng <= e) {
    // Due north or south of the box (or inside): the distance is the latitude gap's arc.
    return gap > 0 ? EARTH_RADIUS_KM * (gap * RAD) * RELATIVE_SLACK - ABSOLUTE_SLACK_KM : 0;
  }
  const low = EARTH_RADIUS_KM * (gap * RAD) * RELATIVE_SLACK - ABSOLUTE_SLACK_KM;
  if (low > cut) return low;
  return boxKm(p, w, s, e, n);
}

/**
 * Scratch space of one search, kept between searches: the node pool (range, axis, box and each
 * party's distance to the box per node), a binary min-heap of node bounds, and a binary max-heap
 * of the best stations so far (worst on top), ordered like `compareScored` plus array order.
 */
class Scratch {
  left = new Int32Array(256);
  right = new Int32Array(256);
  axis = new Uint8Array(256);
  box = new Float64Array(4 * 256);
  near = new Float64Array(2 * 256);
  nodes = 0;
  heapKey = new Float64Array(256);
  heapRef = new Int32Array(256);
  heapSize = 0;
  topK1 = new Float64Array(16);
  topK2 = new Float64Array(16);
  topS = new Float64Array(16);
  topB = new Float64Array(16);
  topPos = new Int32Array(16);
  topSize = 0;

  reset(): void {
    this.nodes = 0;
    this.heapSize = 0;
    this.topSize = 0;
  }

  pushNode(key: number, left: number, right: number, axis: number, w: number, s: number, e: number, n: number, sKm: number, bKm: number): void {
    const ref = this.nodes++;
    if (ref === this.left.length) this.growNodes();
    this.left[ref] = left;
    this.right[ref] = right;
    this.axis[ref] = axis;
    const box = this.box;
    box[4 * ref] = w;
    box[4 * ref + 1] = s;
    box[4 * ref + 2] = e;
    box[4 * ref + 3] = n;
    this.near[2 * ref] = sKm;
    this.near[2 * ref + 1] = bKm;
    const keys = this.heapKey;
    const refs = this.heapRef;
    let pos = this.heapSize++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const k = keys[parent]!;
      if (k <= key) break;
      keys[pos] = k;
      refs[pos] = refs[parent]!;
      pos = parent;
    }
    keys[pos] = key;
    refs[pos] = ref;
  }

  popNode(): number {
    const keys = this.heapKey;
    const refs = this.heapRef;
    const top = refs[0]!;
    const size = --this.heapSize;
    if (size > 0) {
      const key = keys[size]!;
      const ref = refs[size]!;
      const half = size >> 1;
      let pos = 0;
      while (pos < half) {
        let best = 2 * pos + 1;
        if (best + 1 < size && keys[best + 1]! < keys[best]!) best++;
        if (keys[best]! >= key) break;
        keys[pos] = keys[best]!;
        refs[pos] = refs[best]!;
        pos = best;
      }
      keys[pos] = key;
      refs[pos] = ref;
    }
    return top;
  }

  private growNodes(): void {
    const size = 2 * this.left.length;
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(a: T, n: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.left = grow(this.left, size);
    this.right = grow(this.right, size);
    this.axis = grow(this.axis, size);
    this.box = grow(this.box, 4 * size);
    this.near = grow(this.near, 2 * size);
    this.heapKey = grow(this.heapKey, size);
    this.heapRef = grow(this.heapRef, size);
  }

  /** Whether station `i` with keys k1, k2 ranks before the worst kept one. */
  beats(k1: number, k2: number, i: number, stations: readonly Station[], ids: Uint32Array): boolean {
    return this.ranksBefore(k1, k2, i, this.topK1[0]!, this.topK2[0]!, this.topPos[0]!, stations, ids);
  }

  /** compareScored's order, then array order (the scan's sort is stable). */
  private ranksBefore(k1: number, k2: number, i: number, l1: number, l2: number, j: number, stations: readonly Station[], ids: Uint32Array): boolean {
    if (k1 !== l1) return k1 < l1;
    if (k2 !== l2) return k2 < l2;
    const x = stations[ids[i]!]!.id;
    const y = stations[ids[j]!]!.id;
    if (x !== y) return x < y;
    return ids[i]! < ids[j]!;
  }

  /** Keeps a station, dropping the worst kept one if `limit` are kept already. */
  keep(k1: number, k2: number, i: number, sKm: number, bKm: number, limit: number, stations: readonly Station[], ids: Uint32Array): void {
    if (this.topSize === limit) this.dropWorst(stations, ids);
    if (this.topSize === this.topK1.length) this.growTop();
    const { topK1, topK2, topS, topB, topPos } = this;
    let pos = this.topSize++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!this.ranksBefore(topK1[parent]!, topK2[parent]!, topPos[parent]!, k1, k2, i, stations, ids)) break;
      this.moveTop(parent, pos);
      pos = parent;
    }
    topK1[pos] = k1;
    topK2[pos] = k2;
    topS[pos] = sKm;
    topB[pos] = bKm;
    topPos[pos] = i;
  }

  /** Removes the worst kept station (the top of the max-heap). */
  dropWorst(stations: readonly Station[], ids: Uint32Array): void {
    const { topK1, topK2, topPos } = this;
    const size = --this.topSize;
    if (size === 0) return;
    const k1 = topK1[size]!;
    const k2 = topK2[size]!;
    const i = topPos[size]!;
    const sKm = this.topS[size]!;
    const bKm = this.topB[size]!;
    let pos = 0;
    for (;;) {
      let worst = 2 * pos + 1;
      if (worst >= size) break;
      if (
        worst + 1 < size &&
        this.ranksBefore(topK1[worst]!, topK2[worst]!, topPos[worst]!, topK1[worst + 1]!, topK2[worst + 1]!, topPos[worst + 1]!, stations, ids)
      )
        worst++;
      if (!this.ranksBefore(k1, k2, i, topK1[worst]!, topK2[worst]!, topPos[worst]!, stations, ids)) break;
      this.moveTop(worst, pos);
      pos = worst;
    }
    topK1[pos] = k1;
    topK2[pos] = k2;
    this.topS[pos] = sKm;
    this.topB[pos] = bKm;
    topPos[pos] = i;
  }

  private moveTop(from: number, to: number): void {
    this.topK1[to] = this.topK1[from]!;
    this.topK2[to] = this.topK2[from]!;
    this.topS[to] = this.topS[from]!;
    this.topB[to] = this.topB[from]!;
    this.topPos[to] = this.topPos[from]!;
  }

  private growTop(): void {
    const size = 2 * this.topK1.length;
    const f = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.topK1 = f(this.topK1);
    this.topK2 = f(this.topK2);
    this.topS = f(this.topS);
    this.topB = f(this.topB);
    const pos = new Int32Array(size);
    pos.set(this.topPos);
    this.topPos = pos;
  }
}

let idle: Scratch | null = new Scratch();

// sortKD, select and swap are kdbush's build (github.com/mourner/kdbush, index.js), with ids and
// coords passed in. Depending on kdbush itself would cost 1.1 KB gzip more in every bundle, for
// methods this file never calls (range, within, from). kdbush's licence (as in 4.1.0):
//
// ISC License
//
// Copyright (c) 2026, Vladimir Agafonkin
//
// Permission to use, copy, modify, and/or distribute this software for any purpose
// with or without fee is hereby granted, provided that the above copyright notice
// and this permission notice appear in all copies.
//
// THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH
// REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND
// FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT,
// INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS
// OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER
// TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF
// THIS SOFTWARE.

/** Median split on alternating axes, in place: leaves of at most `nodeSize` stations. */
function sortKD(ids: Uint32Array, coords: Float64Array, nodeSize: number, left: number, right: number, axis: number): void {
  if (right - left <= nodeSize) return;
  const m = (left + right) >> 1;
  select(ids, coords, m, left, right, axis);
  sortKD(ids, coords, nodeSize, left, m - 1, 1 - axis);
  sortKD(ids, coords, nodeSize, m + 1, right, 1 - axis);
}

/** Floyd–Rivest selection (as in kdbush): puts the k-th smallest on `axis` at k. */
function select(ids: Uint32Array, coords: Float64Array, k: number, left: number, right: number, axis: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(ids, coords, k, Math.max(left, Math.floor(k - (m * s) / n + sd)), Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)), axis);
    }
    const t = coords[2 * k + axis]!;
    let i = left;
    let j = right;
    swap(ids, coords, left, k);
    if (coords[2 * right + axis]! > t) swap(ids, coords, left, right);
    while (i < j) {
      swap(ids, coords, i, j);
      i++;
      j--;
      while (coords[2 * i + axis]! < t) i++;
      while (coords[2 * j + axis]! > t) j--;
    }
    if (coords[2 * left + axis] === t) swap(ids, coords, left, j);
    else {
      j++;
      swap(ids, coords, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(ids: Uint32Array, coords: Float64Array, i: number, j: number): void {
  const id = ids[i]!;
  ids[i] = ids[j]!;
  ids[j] = id;
  const x = coords[2 * i]!;
  const y = coords[2 * i + 1]!;
  coords[2 * i] = coords[2 * j]!;
  coords[2 * i + 1] = coords[2 * j + 1]!;
  coords[2 * j] = x;
  coords[2 * j + 1] = y;
}
