import haversine from 'haversine-distance';
import type { LatLng } from './types.js';

/** Great-circle distance in km (haversine-distance's metres / 1000). */
export function distanceKm(a: LatLng, b: LatLng): number {
  assertLatLng(a, 'a');
  assertLatLng(b, 'b');
  return haversine(a, b) / 1000;
}

/** Whether `value` is a finite latitude/longitude pair in range. */
export function isLatLng(value: unknown): value is LatLng {
  if (typeof value !== 'object' || value === null) return false;
  const { lat, lng } = value as Record<string, unknown>;
  return isLatitude(lat) && isLongitude(lng);
}

export const isLatitude = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= -90 && v <= 90;

export const isLongitude = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= -180 && v <= 180;

/** Throws a TypeError that quotes the bad value; a wrong key must never become NaN or 0,0. */
export function assertLatLng(value: unknown, name: string): asserts value is LatLng {
  if (!isLatLng(value)) {
    throw new TypeError(`${name} must be {lat, lng} with lat in -90…90 and lng in -180…180 (got ${describe(value)})`);
  }
}

/** A short, safe rendering of any value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (Array.isArray(value)) return 'an array';
  try {
    const json = JSON.stringify(value);
    return json.length > 60 ? `${json.slice(0, 60)}…` : json;
  } catch {
    return typeof value;
  }
}

/** Size of the grid the other party's position is snapped to, in degrees (contract v1.1). */
export const CELL_DEG = 0.01;

/**
 * The centre of the 0.01° grid cell holding `p`: how the other party's position enters the widget
 * (contract v1.1), so nothing it shows, emits or fetches depends on where that party is inside its
 * cell. Each coordinate is `(Math.floor(v * 100) + 0.5) / 100`, exactly the contract's expression,
 * so a host that snaps on its server with this function and the widget agree to the last bit, and
 * snapping a centre again returns it unchanged.
 *
 * Two inputs would fall in a cell beyond the valid range, and are given the cell that holds them:
 * lat 90 (the pole) lies on the north edge of the cell 89.99…90, centre 89.995, not in a cell
 * 90…90.01 whose centre 90.005 is not a latitude; lng 180 is the same meridian as −180, so it
 * shares the cell −180…−179.99, centre −179.995 (not 180.005). Every other input keeps the plain
 * expression. Throws a TypeError quoting `p` when it is not a valid position.
 */
export function cellCenter(p: LatLng): LatLng {
  assertLatLng(p, 'p');
  const lat = cell(p.lat);
  const lng = cell(p.lng);
  return { lat: lat > 90 ? 89.995 : lat, lng: lng > 180 ? -179.995 : lng };
}

const cell = (v: number): number => (Math.floor(v * 100) + 0.5) / 100;

/**
 * How far any point of the cell centred on `centre` can be from that centre, in km (the distance
 * to its farthest corner, ~0.7 km at 40° N): the margin a statement about the other party's true
 * distance must allow, since the widget only knows the centre. Depends on the centre alone.
 */
export function cellRadiusKm(centre: LatLng): number {
  const half = CELL_DEG / 2;
  let farthestKm = 0;
  for (const dLat of [-half, half])
    for (const dLng of [-half, half]) {
      const corner = { lat: Math.max(-90, Math.min(90, centre.lat + dLat)), lng: centre.lng + dLng };
      farthestKm = Math.max(farthestKm, haversine(centre, corner) / 1000);
    }
  return farthestKm;
}
