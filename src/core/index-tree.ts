// An exact spatial index for the two-party ranking: a static, flat k-d tree over lng/lat (the
// layout of mourner/kdbush) searched best-first like mourner/geokdbush, with one priority queue
// holding both tree nodes and stations. A node's key is a lower bound of the ranking's first key
// for any station inside its lng/lat box, computed from each party's great-circle distance to the
// box. That works for every mode because max, sum and "buyer first" never decrease when either
// distance grows. Stations are scored with the very same haversine call and `score()` that
// `rankStations` uses, so the results are identical to brute force, ties and all.
import haversine from 'haversine-distance';
import { describe, isLatitude, isLongitude } from './geo.js';
import { checkOptions, checkParties, key1, key2, type RankSettings } from './rule.js';
import type { LatLng, Parties, RankOptions, Station, Suggestion } from './types.js';

/** Stations per leaf. Small leaves mean fewer haversine calls per query; 16 measured best here. */
export const DEFAULT_NODE_SIZE = 16;

const RAD = Math.PI / 180;
/** haversine-distance's radius. */
const EARTH_RADIUS_M = 6378137;
const EARTH_RADIUS_KM = EARTH_RADIUS_M / 1000;
/**
 * A node bound is computed by a different formula than the station distance, so it could round a
 * hair above a real distance; shaving a relative 1e-9 plus 1 µm keeps every bound at or below.
 */
const RELATIVE_SLACK = 1 - 1e-9;
const ABSOLUTE_SLACK_KM = 1e-9;

/** A static index over one array of stations. Build it once per dataset; it never changes. */
export interface StationIndex {
  readonly stations: readonly Station[];
  readonly nodeSize: number;
  /** Station positions in `stations`, in tree order. */
  readonly ids: Uint32Array;
  /** lng, lat pairs in tree order. */
  readonly coords: Float64Array;
  /** cos(lat) per station in tree order, the one trig term a query can reuse. */
  readonly cosLat: Float64Array;
  /** Whether the inlined haversine matched the package on this data (else the package is called). */
  readonly inline: boolean;
}

/** Builds the index; throws a TypeError quoting the first station without a usable lat/lng. */
export function createStationIndex(stations: readonly Station[], nodeSize = DEFAULT_NODE_SIZE): StationIndex {
  if (!Array.isArray(stations)) throw new TypeError(`stations must be an array (got ${describe(stations)})`);
  if (!Number.isInteger(nodeSize) || nodeSize < 2 || nodeSize > 65535) {
    throw new RangeError(`nodeSize must be a whole number in 2…65535 (got ${describe(nodeSize)})`);
  }
  const n = stations.length;
  const ids = new Uint32Array(n);
  const coords = new Float64Array(2 * n);
  // haversine-distance reads `latitude`/`longitude` before `lat`/`lng`; a station carrying those
  // must go through the package itself to stay identical to rankStations.
  let inline = true;
  for (let i = 0; i < n; i++) {
    const s = stations[i] as Station | undefined;
    if (!s || !isLongitude(s.lng) || !isLatitude(s.lat)) {
      throw new TypeError(`stations[${i}] needs lat in -90…90 and lng in -180…180 (got ${describe(s)})`);
    }
    if (hasAlias(s)) inline = false;
    ids[i] = i;
    coords[2 * i] = s.lng;
    coords[2 * i + 1] = s.lat;
  }
  sortKD(ids, coords, nodeSize, 0, n - 1, 0);
  const cosLat = new Float64Array(n);
  for (let i = 0; i < n; i++) cosLat[i] = Math.cos(toRad(coords[2 * i + 1]!));
  // The inlined formula must give the package's bits; check on a sample, fall back if not.
  for (let i = 0; inline && i < Math.min(n, 16); i++) {
    const p = { lat: coords[((2 * i * 7919) % (2 * n)) + 1]!, lng: coords[(2 * i * 104729) % (2 * n)]! };
    const q = party(p);
    const j = (i * 31) % n;
    if (havKm(q, coords[2 * j]!, coords[2 * j + 1]!, cosLat[j]!) !== haversine(p, stations[ids[j]!]!) / 1000) inline = false;
  }
  return { stations, nodeSize, ids, coords, cosLat, inline };
}

/** Exactly `rankStations(index.stations, parties, options)`, in microseconds instead of milliseconds. */
export function queryIndex(index: StationIndex, parties: Parties, options: RankOptions = {}): Suggestion[] {
  if (!index || !(index.coords instanceof Float64Array)) {
    throw new TypeError(`index must come from createStationIndex (got ${describe(index)})`);
  }
  const { seller, buyer } = checkParties(parties);
  return searchIndex(index, seller, buyer, checkOptions(options));
}

/** The search itself, for callers that already validated their inputs. */
export function searchIndex(index: StationIndex, seller: LatLng, buyer: LatLng | null, settings: RankSettings): Suggestion[] {
  const { stations, ids, coords, cosLat, nodeSize } = index;
  const inline = index.inline && !hasAlias(seller) && !(buyer && hasAlias(buyer));
  const { mode, limit, maxDistanceKm } = settings;
  const results: Suggestion[] = [];
  if (ids.length === 0) return results;
  const s = party(seller);
  const b = buyer ? party(buyer) : null;
  const queue = new Queue();

  const pushStation = (i: number) => {
    const station = stations[ids[i]!]!;
    const lng = coords[2 * i]!;
    const lat = coords[2 * i + 1]!;
    // Bit for bit what rankStations computes (checked at build, else the package itself).
    const sellerKm = inline ? havKm(s, lng, lat, cosLat[i]!) : haversine(seller, station) / 1000;
    if (!(sellerKm <= maxDistanceKm)) return;
    const buyerKm = !b ? null : inline ? havKm(b, lng, lat, cosLat[i]!) : haversine(buyer!, station) / 1000;
    if (buyerKm !== null && !(buyerKm <= maxDistanceKm)) return;
    // A refused station is simply absent: node bounds stay valid lower bounds for the rest.
    if (settings.accept && !settings.accept(station)) return;
    queue.push(new Item(key1(sellerKm, buyerKm, mode), key2(sellerKm, buyerKm, mode), station.id, i, 0, 0, sellerKm, buyerKm ?? -1, 0, 0));
  };
  const pushNode = (left: number, right: number, axis: number, w: number, south: number, e: number, north: number) => {
    if (left > right) return;
    const sKm = boxKm(s, w, south, e, north);
    if (sKm > maxDistanceKm) return;
    let k1 = sKm;
    if (b) {
      const bKm = boxKm(b, w, south, e, north);
      if (bKm > maxDistanceKm) return;
      k1 = key1(sKm, bKm, mode);
    }
    queue.push(new Item(k1, 0, null, left, right, axis, w, south, e, north));
  };

  pushNode(0, ids.length - 1, 0, -180, -90, 180, 90);
  let item: Item | undefined;
  while ((item = queue.pop())) {
    if (item.id !== null) {
      // A station: w and s hold its two distances.
      results.push({ station: stations[ids[item.a]!]!, sellerKm: item.w, buyerKm: b ? item.s : null });
      if (results.length === limit) break;
      continue;
    }
    const { a: left, b: right, axis } = item;
    if (right - left <= nodeSize) {
      for (let i = left; i <= right; i++) pushStation(i);
      continue;
    }
    const m = (left + right) >> 1;
    const mLng = coords[2 * m]!;
    const mLat = coords[2 * m + 1]!;
    pushStation(m);
    const next = 1 - axis;
    if (axis === 0) {
      pushNode(left, m - 1, next, item.w, item.s, mLng, item.n);
      pushNode(m + 1, right, next, mLng, item.s, item.e, item.n);
    } else {
      pushNode(left, m - 1, next, item.w, item.s, item.e, mLat);
      pushNode(m + 1, right, next, item.w, mLat, item.e, item.n);
    }
  }
  return results;
}

/**
 * Great-circle distance in km from a party to the nearest point of a lng/lat box, shaved so it
 * never exceeds the haversine distance to any point inside. Antimeridian-safe because the
 * haversine of a longitude difference is 360°-periodic; pole-safe because a box touching a pole
 * is measured at its corners there (after geokdbush's boxDist).
 */
export function boxKm(p: PartyCoords, w: number, s: number, e: number, n: number): number {
  let h: number;
  if (p.lng >= w && p.lng <= e) {
    h = p.lat < s ? hav((p.lat - s) * RAD) : p.lat > n ? hav((p.lat - n) * RAD) : 0;
  } else {
    // West or east of the box: the nearer meridian edge holds the nearest point.
    const havDLng = Math.min(hav((w - p.lng) * RAD), hav((e - p.lng) * RAD));
    const vertex = vertexLat(p.lat, havDLng);
    h = vertex > s && vertex < n ? havTo(havDLng, p.cosLat, p.lat, vertex) : Math.min(havTo(havDLng, p.cosLat, p.lat, s), havTo(havDLng, p.cosLat, p.lat, n));
  }
  if (h <= 0) return 0;
  const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(h, 1)));
  return km * RELATIVE_SLACK - ABSOLUTE_SLACK_KM;
}

export interface PartyCoords {
  lng: number;
  lat: number;
  cosLat: number;
  /** As haversine-distance converts them, for havKm. */
  latRad: number;
  lngRad: number;
  cosLatRad: number;
}

export function party(p: LatLng): PartyCoords {
  const latRad = toRad(p.lat);
  return { lng: p.lng, lat: p.lat, cosLat: Math.cos(p.lat * RAD), latRad, lngRad: toRad(p.lng), cosLatRad: Math.cos(latRad) };
}

/**
 * haversine-distance 1.2.4's formula for (party, station), operation for operation, so the result
 * has the same bits as `haversine(party, station) / 1000`; the station's cos(lat) comes precomputed.
 */
function havKm(p: PartyCoords, lng: number, lat: number, cosLat: number): number {
  const ht = hav(toRad(lat) - p.latRad) + p.cosLatRad * cosLat * hav(toRad(lng) - p.lngRad);
  return (2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(ht), Math.sqrt(1 - ht))) / 1000;
}

const toRad = (x: number) => (x * Math.PI) / 180.0;
const hasAlias = (p: object) => 'latitude' in p || 'longitude' in p || 'lon' in p;

/**
 * A queue entry: a tree node (`id` null; a..b its range, w s e n its box) or a station (`id` its id;
 * a its tree position, w and s its seller and buyer km). One class, one shape, no per-entry closures.
 */
class Item {
  constructor(
    readonly k1: number,
    readonly k2: number,
    readonly id: string | null,
    readonly a: number,
    readonly b: number,
    readonly axis: number,
    readonly w: number,
    readonly s: number,
    readonly e: number,
    readonly n: number,
  ) {}
}

/**
 * Queue order: by k1; on equal k1 a node comes before a station (a node bound equal to a station's
 * k1 may still hold a station with a smaller k2 or id); stations then by k2 and id.
 */
function before(x: Item, y: Item): boolean {
  if (x.k1 !== y.k1) return x.k1 < y.k1;
  if (x.id === null || y.id === null) return x.id === null && y.id !== null;
  if (x.k2 !== y.k2) return x.k2 < y.k2;
  return x.id < y.id;
}

/** A binary min-heap (the shape of mourner/tinyqueue, specialised to `before`). */
class Queue {
  private data: Item[] = [];

  push(item: Item): void {
    const data = this.data;
    let pos = data.length;
    data.push(item);
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const current = data[parent]!;
      if (!before(item, current)) break;
      data[pos] = current;
      pos = parent;
    }
    data[pos] = item;
  }

  pop(): Item | undefined {
    const data = this.data;
    const top = data[0];
    const bottom = data.pop();
    if (data.length > 0 && bottom) {
      const half = data.length >> 1;
      let pos = 0;
      while (pos < half) {
        let best = 2 * pos + 1;
        const right = best + 1;
        if (right < data.length && before(data[right]!, data[best]!)) best = right;
        if (!before(data[best]!, bottom)) break;
        data[pos] = data[best]!;
        pos = best;
      }
      data[pos] = bottom;
    }
    return top;
  }
}

const hav = (theta: number) => {
  const s = Math.sin(theta / 2);
  return s * s;
};

const havTo = (havDLng: number, cosLat1: number, lat1: number, lat2: number) => cosLat1 * Math.cos(lat2 * RAD) * havDLng + hav((lat1 - lat2) * RAD);

/** Latitude of the point of a meridian nearest to `lat`, or a pole when the meridian is 90°+ away. */
function vertexLat(lat: number, havDLng: number): number {
  const cosDLng = 1 - 2 * havDLng;
  if (cosDLng <= 0) return lat > 0 ? 90 : -90;
  return Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
}

/** kdbush's build: median-split on alternating axes, in place. */
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
