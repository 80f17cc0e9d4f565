// The card's map, in SVG, north up, with a scale bar. Two kinds:
// - the schematic (the default, no requests): the station, the viewer and the other party's 0.01°
//   cell, fitted into the frame, each labelled;
// - with `map-tiles`, the host's street tiles around the station (see map-tiles.ts), the station in
//   the middle; whoever is off the window is an arrow on its edge pointing their way.
// The other party is only ever its cell, a rectangle of 0.01° by 0.01° (contract v1.1): the map
// receives the cell's centre and draws the whole cell, so nothing finer than the cell shows.
import { svg, type SVGTemplateResult } from 'lit';
import { CELL_DEG, cellCenter } from '../core/geo.js';
import type { LatLng } from '../core/types.js';
import { format, KM_PER_MILE, type Unit } from './format.js';
import { MAP_H, MAP_W } from './map-frame.js';
import { metresPerPx, TILE_PX, windowProjection, type Tile } from './map-tiles.js';

// The map's code, part of what the element loads after the first suggestion (later.ts): the
// drawing, and the choice of street tiles for `map-tiles`.
export { stationTiles } from './map-tiles.js';

const PAD = 34;
const KM_PER_DEG_LAT = 111.32;
/** The schematic never zooms in closer than this half-width around what it shows, in km. */
const MIN_HALF_EXTENT_KM = 0.4;

export interface MapInput {
  station: LatLng;
  unit: Unit;
  locale: string;
  viewer: LatLng | null;
  /** The other party's cell centre (never an exact position). */
  other: LatLng | null;
  labels: { station: string; you: string; other: string; north: string };
  /** Street tiles around the station (map-tiles), or null for the schematic. */
  tiles: Tile[] | null;
  /** A tile failed to load: the element then draws the schematic instead. */
  onTileError?: () => void;
}

/**
 * The 0.01° cell a position lies in: south-west and north-east corners. The cell is the core's
 * (`cellCenter`, the contract's rule), so the map can never draw a different cell from the one the
 * widget computed with.
 */
export function cellBounds(p: LatLng): { south: number; west: number; north: number; east: number } {
  const centre = cellCenter(p);
  const row = Math.round(centre.lat / CELL_DEG - 0.5);
  const column = Math.round(centre.lng / CELL_DEG - 0.5);
  // Divided, not multiplied by 0.01, so that the corners are the decimals people would write.
  return { south: row / 100, west: column / 100, north: (row + 1) / 100, east: (column + 1) / 100 };
}

type XY = { x: number; y: number };

export function renderMap(input: MapInput): SVGTemplateResult {
  return input.tiles?.length ? tiled(input, input.tiles) : schematic(input);
}

function schematic({ station, viewer, other, unit, locale, labels }: MapInput): SVGTemplateResult {
  const cosLat = Math.cos((station.lat * Math.PI) / 180);
  // Local equirectangular projection around the station, in km (well under 1% off at city scale).
  const km = (p: LatLng) => ({ x: wrapLng(p.lng - station.lng) * KM_PER_DEG_LAT * cosLat, y: -(p.lat - station.lat) * KM_PER_DEG_LAT });
  const cell = other ? cellBounds(other) : null;
  const points = [
    km(station),
    ...(viewer ? [km(viewer)] : []),
    ...(cell ? [km({ lat: cell.south, lng: cell.west }), km({ lat: cell.north, lng: cell.east })] : []),
  ];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const mid = { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
  const halfW = Math.max((Math.max(...xs) - Math.min(...xs)) / 2, MIN_HALF_EXTENT_KM);
  const halfH = Math.max((Math.max(...ys) - Math.min(...ys)) / 2, MIN_HALF_EXTENT_KM);
  const pxPerKm = Math.min((MAP_W / 2 - PAD) / halfW, (MAP_H / 2 - PAD) / halfH);
  const at = (p: LatLng): XY => {
    const q = km(p);
    return { x: round(MAP_W / 2 + (q.x - mid.x) * pxPerKm), y: round(MAP_H / 2 + (q.y - mid.y) * pxPerKm) };
  };
  const s = at(station);
  const v = viewer ? at(viewer) : null;
  const c = cell ? { sw: at({ lat: cell.south, lng: cell.west }), ne: at({ lat: cell.north, lng: cell.east }) } : null;
  return svg`
    <rect x="0" y="0" width=${MAP_W} height=${MAP_H} class="map-bg"></rect>
    ${c ? cellShape(c.sw, c.ne, labels.other) : ''}
    ${v ? svg`<line class="map-route" x1=${v.x} y1=${v.y} x2=${s.x} y2=${s.y}></line>${youMark(v, s, labels.you)}` : ''}
    ${stationMark(s, v, labels.station)}
    ${northArrow(labels.north)} ${scaleBar(pxPerKm, unit, locale)}
  `;
}

function tiled({ station, viewer, other, unit, locale, labels, onTileError }: MapInput, tiles: Tile[]): SVGTemplateResult {
  const project = windowProjection(station);
  const s = project(station);
  const v = viewer ? project(viewer) : null;
  const cell = other ? cellBounds(other) : null;
  const c = cell ? { sw: project({ lat: cell.south, lng: cell.west }), ne: project({ lat: cell.north, lng: cell.east }) } : null;
  const cellShows = c && c.ne.x > 0 && c.sw.x < MAP_W && c.ne.y < MAP_H && c.sw.y > 0;
  const inside = (p: XY) => p.x > 12 && p.x < MAP_W - 12 && p.y > 12 && p.y < MAP_H - 12;
  return svg`
    <rect x="0" y="0" width=${MAP_W} height=${MAP_H} class="map-bg"></rect>
    ${tiles.map(
      (t) =>
        svg`<image class="map-tile" href=${t.href} x=${t.left} y=${t.top} width=${TILE_PX} height=${TILE_PX} preserveAspectRatio="none" @error=${() => onTileError?.()}></image>`,
    )}
    ${c && cellShows ? cellShape(c.sw, c.ne, labels.other) : ''}
    ${c && !cellShows ? edgeArrow(s, { x: (c.sw.x + c.ne.x) / 2, y: (c.sw.y + c.ne.y) / 2 }, labels.other, 'map-other-arrow') : ''}
    ${v && inside(v) ? youMark(v, s, labels.you) : ''}
    ${v && !inside(v) ? edgeArrow(s, v, labels.you, 'map-you-arrow') : ''}
    ${stationMark(s, v && inside(v) ? v : null, labels.station)}
    ${northArrow(labels.north)} ${scaleBar(1000 / metresPerPx(station), unit, locale)}
  `;
}

/** The other party's cell: the whole 0.01° rectangle, labelled inside when it has room, else under it. */
function cellShape(sw: XY, ne: XY, label: string): SVGTemplateResult {
  const x = Math.min(sw.x, ne.x);
  const y = Math.min(sw.y, ne.y);
  const w = round(Math.abs(ne.x - sw.x));
  const h = round(Math.abs(sw.y - ne.y));
  const cx = clamp(x + w / 2, 48, MAP_W - 48);
  const ly = h > 30 && w > 150 ? clamp(y + h / 2 + 4, 16, MAP_H - 8) : clamp(y + h + 13, 16, MAP_H - 8);
  return svg`<rect class="map-other" x=${x} y=${y} width=${w} height=${h}></rect>
    <text class="map-label" x=${round(cx)} y=${round(ly)} text-anchor="middle">${label}</text>`;
}

function youMark(v: XY, s: XY, label: string): SVGTemplateResult {
  // The label goes on the side away from the station, so the two never overlap.
  const above = v.y <= s.y;
  return svg`<circle class="map-you" cx=${v.x} cy=${v.y} r="6"></circle>
    <text class="map-label" x=${v.x} y=${clamp(above ? v.y - 11 : v.y + 20, 12, MAP_H - 4)} text-anchor="middle">${label}</text>`;
}

function stationMark(s: XY, v: XY | null, label: string): SVGTemplateResult {
  const below = !v || v.y <= s.y;
  return svg`<path class="map-station" d="M${s.x} ${s.y - 11}l9 5v7l-9 5l-9-5v-7z"></path>
    <text class="map-label map-label-strong" x=${s.x} y=${clamp(below ? s.y + 25 : s.y - 16, 12, MAP_H - 4)} text-anchor="middle">${label}</text>`;
}

/** Someone off the window: an arrow on its edge, on the line from the station towards them. */
function edgeArrow(from: XY, to: XY, label: string, cls: string): SVGTemplateResult {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const inset = 16;
  const t = Math.min(Math.abs(dx) > 0 ? (MAP_W / 2 - inset) / Math.abs(dx) : Infinity, Math.abs(dy) > 0 ? (MAP_H / 2 - inset) / Math.abs(dy) : Infinity);
  const tip = { x: round(from.x + dx * t), y: round(from.y + dy * t) };
  const angle = round((Math.atan2(dy, dx) * 180) / Math.PI);
  const ux = dx / length;
  const uy = dy / length;
  const lx = clamp(tip.x - ux * 22, 40, MAP_W - 40);
  const ly = clamp(tip.y - uy * 22 + 4, 14, MAP_H - 6);
  return svg`<path class=${`map-arrow ${cls}`} d="M0 0l-12 -7v14z" transform="translate(${tip.x} ${tip.y}) rotate(${angle})"></path>
    <text class="map-label" x=${round(lx)} y=${round(ly)} text-anchor="middle">${label}</text>`;
}

function northArrow(label: string): SVGTemplateResult {
  const x = MAP_W - 30;
  return svg`<g class="map-north" aria-hidden="true"><path d="M${x} 10l7 18l-7 -5l-7 5z"></path>
    <text class="map-label map-label-strong" x=${x} y="42" text-anchor="middle">${label}</text></g>`;
}

function scaleBar(pxPerKm: number, unit: Unit, locale: string): SVGTemplateResult {
  const kmPerUnit = unit === 'mi' ? KM_PER_MILE : 1;
  const value = niceBar((MAP_W / 4 / pxPerKm) * (1 / kmPerUnit));
  const length = round(value * kmPerUnit * pxPerKm);
  const text = format(value, unit, locale, 3);
  return svg`<g class="map-scale-group">
    <rect class="map-scale-back" x="6" y=${MAP_H - 28} width=${round(Math.max(length, 40) + 12)} height="22" rx="3"></rect>
    <path class="map-scale" d="M12 ${MAP_H - 15}v5h${length}v-5"></path>
    <text class="map-scale-label" x="12" y=${MAP_H - 16}>${text}</text></g>`;
}

function wrapLng(d: number): number {
  return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** The largest round length (1, 2 or 5 times a power of ten) not over `most`, in the display unit. */
function niceBar(most: number): number {
  const power = 10 ** Math.floor(Math.log10(most));
  for (const step of [5, 2, 1]) if (step * power <= most) return step * power;
  return power;
}
