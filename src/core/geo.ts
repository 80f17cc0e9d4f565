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
