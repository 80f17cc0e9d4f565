// `map-tiles`: real streets behind the map, from the host's own raster tile provider. The tiles are
// chosen from the station alone — one fixed zoom, the few tiles under a window centred on it — so
// the requests a tile server sees reveal the station shown and nothing about either party.
import type { LatLng } from '../core/types.js';
import { fill } from './tile-template.js';

/** The one zoom level the map asks for: street names readable, a few blocks around the station. */
export const TILE_ZOOM = 16;
/** Tile edge in pixels, the raster convention Leaflet and MapLibre share. */
export const TILE_PX = 256;
/** The window drawn around the station, in tile pixels (3:2 like the schematic): at most 3 × 2 tiles. */
export const WINDOW_W_PX = 384;
export const WINDOW_H_PX = 256;
/** Web Mercator's ground resolution at the equator for zoom 0, in metres per pixel. */
const EQUATOR_M_PER_PX_Z0 = 156543.03392;

export interface Tile {
  z: number;
  x: number;
  y: number;
  href: string;
  /** The tile's top-left corner in window pixels. */
  left: number;
  top: number;
}

/** Tile coordinates (fractional) of a point at a zoom, Web Mercator. */
export function tileXY(p: LatLng, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const lat = (Math.max(-85.05112878, Math.min(85.05112878, p.lat)) * Math.PI) / 180;
  return { x: ((p.lng + 180) / 360) * n, y: ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n };
}

/** The window's projection: a point's position in window pixels, the window centred on `center`. */
export function windowProjection(center: LatLng): (p: LatLng) => { x: number; y: number } {
  const c = tileXY(center, TILE_ZOOM);
  const n = 2 ** TILE_ZOOM;
  return (p) => {
    const t = tileXY(p, TILE_ZOOM);
    let dx = t.x - c.x;
    if (dx > n / 2) dx -= n; // across the antimeridian, the short way round
    if (dx < -n / 2) dx += n;
    return { x: WINDOW_W_PX / 2 + dx * TILE_PX, y: WINDOW_H_PX / 2 + (t.y - c.y) * TILE_PX };
  };
}

/** Metres per window pixel at the station's latitude. */
export function metresPerPx(station: LatLng): number {
  return (EQUATOR_M_PER_PX_Z0 * Math.cos((station.lat * Math.PI) / 180)) / 2 ** TILE_ZOOM;
}

/** The tiles under the window centred on the station: a function of the station and the template only. */
export function stationTiles(station: LatLng, template: string, baseUrl?: string): Tile[] {
  const c = tileXY(station, TILE_ZOOM);
  const n = 2 ** TILE_ZOOM;
  const leftPx = c.x * TILE_PX - WINDOW_W_PX / 2;
  const topPx = c.y * TILE_PX - WINDOW_H_PX / 2;
  const tiles: Tile[] = [];
  for (let ty = Math.floor(topPx / TILE_PX); ty * TILE_PX < topPx + WINDOW_H_PX; ty++) {
    if (ty < 0 || ty >= n) continue;
    for (let tx = Math.floor(leftPx / TILE_PX); tx * TILE_PX < leftPx + WINDOW_W_PX; tx++) {
      const x = ((tx % n) + n) % n;
      const href = new URL(fill(template, TILE_ZOOM, x, ty), baseUrl).href;
      tiles.push({ z: TILE_ZOOM, x, y: ty, href, left: round(tx * TILE_PX - leftPx), top: round(ty * TILE_PX - topPx) });
    }
  }
  return tiles;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
