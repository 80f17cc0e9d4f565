// A small schematic map in SVG: no tiles, no requests. The station and the viewer are points; the
// other party is drawn only as a blurred area — a circle of at least 500 m around the centre of its
// 0.01° cell, the same cell it entered the widget as — so the picture (and its DOM) cannot reveal
// where in that cell they are.
import { svg, type SVGTemplateResult } from 'lit';
import { CELL_DEG, cellCenter } from '../core/geo.js';
import type { LatLng } from '../core/types.js';
import { KM_PER_MILE, type Unit } from './format.js';

const SIZE = 240;
const PAD = 28;
const KM_PER_DEG_LAT = 111.32;
/** Grid the other party's position is snapped to, in degrees (~1.1 km of latitude): the contract's cell. */
export const BLUR_GRID_DEG = CELL_DEG;
/** Radius of the other party's area: never under 500 m, and it covers its whole grid cell. */
export const BLUR_RADIUS_KM = 0.9;

export interface MapInput {
  station: LatLng;
  unit: Unit;
  locale: string;
  viewer: LatLng | null;
  other: LatLng | null;
  labels: { station: string; you: string; other: string };
}

/**
 * The other party's position as the map may show it: its cell's centre. The element already hands
 * the map that centre (resolveInputs), and cellCenter returns a centre unchanged; snapping again
 * here keeps the map safe on its own, should it ever be given an exact point.
 */
export function blurred(point: LatLng): LatLng {
  return cellCenter(point);
}

export function renderMap({ station, viewer, other, unit, locale, labels }: MapInput): SVGTemplateResult {
  const fuzzy = other ? blurred(other) : null;
  const cosLat = Math.cos((station.lat * Math.PI) / 180);
  // Local equirectangular projection around the station, in km (accurate to well under 1% at city scale).
  const project = (p: LatLng) => ({ x: wrapLng(p.lng - station.lng) * KM_PER_DEG_LAT * cosLat, y: -(p.lat - station.lat) * KM_PER_DEG_LAT });
  const points = [project(station), ...(viewer ? [project(viewer)] : [])];
  const extent = [
    ...points.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))),
    ...(fuzzy ? [Math.max(Math.abs(project(fuzzy).x), Math.abs(project(fuzzy).y)) + BLUR_RADIUS_KM] : []),
    0.5,
  ];
  const scale = (SIZE / 2 - PAD) / Math.max(...extent);
  const at = (p: LatLng) => {
    const q = project(p);
    return { x: round(SIZE / 2 + q.x * scale), y: round(SIZE / 2 + q.y * scale) };
  };
  const s = at(station);
  const v = viewer ? at(viewer) : null;
  const o = fuzzy ? at(fuzzy) : null;
  const unitKm = unit === 'mi' ? KM_PER_MILE : 1;
  const bar = niceBar(Math.max(...extent) / unitKm);
  const barLabel = new Intl.NumberFormat(locale, { style: 'unit', unit: unit === 'mi' ? 'mile' : 'kilometer', unitDisplay: 'short' }).format(bar);
  return svg`
    <defs><filter id="blur"><feGaussianBlur stdDeviation="4"></feGaussianBlur></filter></defs>
    <rect x="0" y="0" width=${SIZE} height=${SIZE} class="map-bg"></rect>
    ${
      o
        ? svg`<circle class="map-other" cx=${o.x} cy=${o.y} r=${round(BLUR_RADIUS_KM * scale)} filter="url(#blur)"></circle>
      <text class="map-label" x=${o.x} y=${round(Math.min(SIZE - 24, o.y + BLUR_RADIUS_KM * scale + 12))} text-anchor="middle">${labels.other}</text>`
        : ''
    }
    ${
      v
        ? svg`<line class="map-route" x1=${v.x} y1=${v.y} x2=${s.x} y2=${s.y}></line>
      <circle class="map-you" cx=${v.x} cy=${v.y} r="6"></circle>
      <text class="map-label" x=${v.x} y=${v.y - 10} text-anchor="middle">${labels.you}</text>`
        : ''
    }
    <path class="map-station" d="M${s.x} ${s.y - 11}l9 5v7l-9 5l-9-5v-7z"></path>
    <text class="map-label map-label-strong" x=${s.x} y=${s.y + 22} text-anchor="middle">${labels.station}</text>
    <line class="map-scale" x1=${PAD / 2} y1=${SIZE - 10} x2=${round(PAD / 2 + bar * unitKm * scale)} y2=${SIZE - 10}></line>
    <text class="map-scale-label" x=${PAD / 2} y=${SIZE - 14}>${barLabel}</text>
  `;
}

export const MAP_SIZE = SIZE;

function wrapLng(d: number): number {
  return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A round scale-bar length, about half the map's half-width, in the display unit. */
function niceBar(extent: number): number {
  const target = extent / 2;
  for (const step of [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50]) if (step >= target) return step;
  return 100;
}
