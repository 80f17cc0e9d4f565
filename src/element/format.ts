// Distances for people: the viewer's own distance precisely, the other party's only coarsely,
// in the units the locale (or the station's country) expects; a station's address and dates.
import type { Station } from '../core/types.js';
import type { Units } from './inputs.js';

const MILES_REGIONS = /^(US|GB|LR|MM)$/;
export const KM_PER_MILE = 1.609344;

export type Unit = 'km' | 'mi';

/** `auto`: miles where the locale's region uses them; with no region, the station's country decides. */
export function chooseUnit(units: Units, locale: string, stationCountry: string | undefined): Unit {
  if (units !== 'auto') return units;
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).region;
  } catch {
    region = undefined;
  }
  return MILES_REGIONS.test(region ?? stationCountry ?? '') ? 'mi' : 'km';
}

function toUnit(km: number, unit: Unit): number {
  return unit === 'mi' ? km / KM_PER_MILE : km;
}

// A card formats a dozen distances: each formatter is built once per page (the first Intl
// formatter of a page also pays the engine's one-time locale-data setup, see warmFormats and PLAIN).
const formats = new Map<string, Intl.NumberFormat>();

/**
 * English has no need of Intl for a distance: the page's first Intl number or date formatter pays
 * the engine's one-time locale-data setup, the longest task of a page load (~110 ms at 4× CPU,
 * bench/RESULTS.md), and a card in English need not pay it. Rounded as Intl rounds, half away from
 * zero on the shortest decimal form (1.15 → 1.2, where toFixed gives 1.1); test/i18n/format.test.ts
 * holds it to each engine's own Intl.
 */
const PLAIN = /^en(-(US|GB|CA|AU|NZ|IE|IN))?$/;

export function format(value: number, unit: Unit, locale: string, maximumFractionDigits: number): string {
  const rounded = Math.round(+`${value}e${maximumFractionDigits}`) / 10 ** maximumFractionDigits;
  if (rounded < 999 && PLAIN.test(locale)) return `${rounded} ${unit}`;
  const key = `${locale} ${unit} ${maximumFractionDigits}`;
  let nf = formats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: unit === 'mi' ? 'mile' : 'kilometer',
      unitDisplay: 'short',
      maximumFractionDigits,
    });
    formats.set(key, nf);
  }
  return nf.format(value);
}

/**
 * Builds a formatter of the kind a card uses, so that the card's render does not pay the engine's
 * locale-data setup that comes with the first Intl formatter on a page (~110 ms at 4× CPU; each
 * one after it costs a few ms). Meant for a moment when the page waits anyway, such as while the
 * dataset loads. English needs none.
 */
export function warmFormats(locale: string): void {
  format(0, 'km', locale, 1);
}

/** The viewer's own distance: one decimal under 10, whole numbers above; never "0". */
export function formatDistance(km: number, unit: Unit, locale: string): string {
  const value = toUnit(km, unit);
  return format(Math.max(value, 0.1), unit, locale, value < 10 ? 1 : 0);
}

/** Rounds to steps never finer than 0.5 of the unit: `round` is Math.round, or Math.ceil for "no more than". */
function coarse(km: number, unit: Unit, round: (x: number) => number): number {
  const value = toUnit(km, unit);
  const step = value < 5 ? 0.5 : value < 20 ? 1 : 5;
  return Math.max(step, round(value / step) * step);
}

/** Steps the other party's distance is rounded to: never finer than 0.5 of the unit. */
export function coarseValue(km: number, unit: Unit): number {
  return coarse(km, unit, Math.round);
}

/** Like formatCoarse but never below the real distance: for "no more than …" statements. */
export function formatCoarseUp(km: number, unit: Unit, locale: string): string {
  return format(coarse(km, unit, Math.ceil), unit, locale, 1);
}

/** The other party's distance, rounded so it cannot pinpoint where they are. */
export function formatCoarse(km: number, unit: Unit, locale: string): string {
  return format(coarseValue(km, unit), unit, locale, 1);
}

/** A station's postal address on one line: "123 Main St, Springfield, IL 62701". */
export function addressLine(station: Station): string {
  return [station.address, station.locality, [station.region, station.postcode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/** A dataset's calendar date (YYYY-MM-DD, no time zone) in the viewer's words: "Dec 1, 2026". */
export function formatDate(isoDate: string, locale: string): string {
  // A date-only ISO string is read as midnight UTC.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(isoDate));
}
