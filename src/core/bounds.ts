// Lower bounds of the great-circle distance from a party to any point of a lng/lat box: the k-d
// tree prunes its nodes with them (kdtree.ts) and a tiled query decides which cells to fetch
// (tiles.ts). A bound may be lower than the true distance, never higher, or a station is missed.
import type { LatLng } from './types.js';

export const RAD = Math.PI / 180;
/** haversine-distance's radius (equatorial, metres → km): the bounds must use the same sphere. */
export const EARTH_RADIUS_KM = 6378137 / 1000;
/**
 * A bound is computed by another formula than haversine-distance's, so it could round a hair above
 * a real distance; shaving a relative 1e-9 plus 1 µm keeps every bound at or below.
 */
export const RELATIVE_SLACK = 1 - 1e-9;
export const ABSOLUTE_SLACK_KM = 1e-9;

/** A party's position with the terms every bound reuses, computed once per query. */
export interface PartyCoords {
  lng: number;
  lat: number;
  latRad: number;
  lngRad: number;
  cosLat: number;
}

export function party(p: LatLng): PartyCoords {
  const latRad = p.lat * RAD;
  return { lng: p.lng, lat: p.lat, latRad, lngRad: p.lng * RAD, cosLat: Math.cos(latRad) };
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
