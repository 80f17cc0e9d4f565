// Attribute parsing: the one boundary where host-supplied strings become typed inputs.
// Nothing is repaired: a bad value becomes an error that quotes it.
import { DEFAULT_LIMIT, DEFAULT_MAX_DISTANCE_KM, DEFAULT_MODE, MODES } from '../core/rule.js';
import { cellCenter, cellRadiusKm, describe, isLatitude, isLongitude } from '../core/geo.js';
import { parseDateTime } from '../core/hours.js';
import type { LatLng, Mode } from '../core/types.js';
import type { SafeTradeError } from './events.js';

export type Viewer = 'buyer' | 'seller';
export type Units = 'auto' | 'km' | 'mi';
export type Variant = 'card' | 'compact';
export type Theme = 'auto' | 'light' | 'dark';

const NUMBER = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** Lit converter for number attributes: strict decimal syntax, anything else is NaN (an error later). */
export const numberConverter = {
  fromAttribute(value: string | null): number | undefined {
    if (value === null) return undefined;
    return NUMBER.test(value) ? Number(value) : NaN;
  },
  toAttribute(value: number | undefined): string | null {
    return value === undefined ? null : String(value);
  },
};

/** The raw values the element holds, as set by attributes or properties. */
export interface RawInputs {
  sellerLat: unknown;
  sellerLng: unknown;
  buyerLat: unknown;
  buyerLng: unknown;
  viewer: unknown;
  mode: unknown;
  limit: unknown;
  maxDistanceKm: unknown;
  units: unknown;
  variant: unknown;
  theme: unknown;
  meetAt: unknown;
  mapTiles: unknown;
}

export interface Inputs {
  /** As given when the viewer is the seller; else only the centre of its 0.01° cell (cellCenter). */
  seller: LatLng | null;
  /** As given when the viewer is the buyer; else only the centre of its 0.01° cell (cellCenter). */
  buyer: LatLng | null;
  viewer: Viewer;
  mode: Mode;
  limit: number;
  maxDistanceKm: number;
  units: Units;
  variant: Variant;
  theme: Theme;
  meetAt: Date | null;
  /**
   * A raster tile URL template for the map, or null: the schematic, and no tile requests. As written
   * here; in the view only once checked (element.ts), else null.
   */
  mapTiles: string | null;
}

/**
 * Resolves raw values into inputs; each bad value is an error and the documented default stands in
 * for options only. The other party's position (the seller's when `viewer` is buyer, the buyer's
 * when it is seller) leaves here only as the centre of its 0.01° cell (contract v1.1): this is the
 * one place the element reads the position attributes, so distances, eligibility, ranking, events,
 * text, the map and tile requests can depend on nothing finer than that party's cell.
 */
export function resolveInputs(raw: RawInputs, attr: (name: string) => string | null): { inputs: Inputs; errors: SafeTradeError[] } {
  const errors: SafeTradeError[] = [];
  // Quote the attribute as the host wrote it when the value came from it; else the property value.
  const shown = (name: string, value: unknown) => {
    const text = attr(name);
    return text !== null && Object.is(numberConverter.fromAttribute(text), value) ? JSON.stringify(text) : describe(value);
  };

  const point = (party: 'seller' | 'buyer', lat: unknown, lng: unknown): LatLng | null => {
    if (lat == null && lng == null) return null;
    const problems: string[] = [];
    for (const [axis, value, ok, range] of [
      ['lat', lat, isLatitude, '-90 to 90'],
      ['lng', lng, isLongitude, '-180 to 180'],
    ] as const) {
      const name = `${party}-${axis}`;
      if (value == null) problems.push(`${name} is missing`);
      else if (!ok(value)) problems.push(`${name} must be a number from ${range} (got ${shown(name, value)})`);
    }
    if (problems.length) {
      errors.push({ code: 'location-invalid', message: problems.join('; ') });
      return null;
    }
    return { lat: lat as number, lng: lng as number };
  };

  const choice = <T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T => {
    if (value == null || value === '') return fallback;
    if ((allowed as readonly unknown[]).includes(value)) return value as T;
    errors.push({ code: 'option-invalid', message: `${name} must be one of ${allowed.join(', ')} (got ${describe(value)}); using "${fallback}"` });
    return fallback;
  };

  const limit = raw.limit == null ? DEFAULT_LIMIT : raw.limit;
  const limitOk = Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= 20;
  if (!limitOk)
    errors.push({ code: 'option-invalid', message: `limit must be a whole number from 1 to 20 (got ${shown('limit', limit)}); using ${DEFAULT_LIMIT}` });

  const max = raw.maxDistanceKm == null ? DEFAULT_MAX_DISTANCE_KM : raw.maxDistanceKm;
  const maxOk = typeof max === 'number' && max > 0 && Number.isFinite(max);
  if (!maxOk)
    errors.push({
      code: 'option-invalid',
      message: `max-distance-km must be a number above 0 (got ${shown('max-distance-km', max)}); using ${DEFAULT_MAX_DISTANCE_KM}`,
    });

  let meetAt: Date | null = null;
  if (raw.meetAt != null && raw.meetAt !== '') {
    meetAt = raw.meetAt instanceof Date && !Number.isNaN(raw.meetAt.getTime()) ? raw.meetAt : typeof raw.meetAt === 'string' ? parseDateTime(raw.meetAt) : null;
    if (!meetAt)
      errors.push({
        code: 'option-invalid',
        message: `meet-at must be an ISO 8601 date and time like "2026-12-01T18:30-05:00" (got ${describe(raw.meetAt)}); ignoring it`,
      });
  }

  // The template as written: the element checks it with the map's code (tile-template.ts, in
  // later.ts) before any tile is drawn, and reports a bad one when that code has come.
  let mapTiles: string | null = null;
  if (raw.mapTiles != null && raw.mapTiles !== '') {
    if (typeof raw.mapTiles === 'string') mapTiles = raw.mapTiles;
    else errors.push({ code: 'option-invalid', message: `map-tiles must be a string (got ${describe(raw.mapTiles)})` });
  }

  const seller = point('seller', raw.sellerLat, raw.sellerLng);
  const buyer = point('buyer', raw.buyerLat, raw.buyerLng);
  const viewer = choice('viewer', raw.viewer, ['buyer', 'seller'], 'buyer');
  const inputs: Inputs = {
    seller: seller && viewer === 'buyer' ? cellCenter(seller) : seller,
    buyer: buyer && viewer === 'seller' ? cellCenter(buyer) : buyer,
    viewer,
    mode: choice('mode', raw.mode, MODES, DEFAULT_MODE),
    limit: limitOk ? (limit as number) : DEFAULT_LIMIT,
    maxDistanceKm: maxOk ? (max as number) : DEFAULT_MAX_DISTANCE_KM,
    units: choice('units', raw.units, ['auto', 'km', 'mi'], 'auto'),
    variant: choice('variant', raw.variant, ['card', 'compact'], 'card'),
    theme: choice('theme', raw.theme, ['auto', 'light', 'dark'], 'auto'),
    meetAt,
    mapTiles,
  };
  return { inputs, errors };
}

/**
 * The most either party may travel to a suggestion, in km, for "neither of you travels more than"
 * (rounded up). The viewer's distance is exact; the other party's was measured from its cell's
 * centre, and it may be anywhere in that cell, so its bound adds the cell's radius. A statement
 * from the centre alone could be false for a seller at the far corner of the cell.
 */
export function mostEitherTravelsKm(inputs: Pick<Inputs, 'viewer' | 'seller' | 'buyer'>, sellerKm: number, buyerKm: number): number {
  const other = inputs.viewer === 'buyer' ? inputs.seller : inputs.buyer;
  const margin = other ? cellRadiusKm(other) : 0;
  return inputs.viewer === 'buyer' ? Math.max(buyerKm, sellerKm + margin) : Math.max(sellerKm, buyerKm + margin);
}
