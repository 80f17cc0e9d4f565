// Opening hours, read in the station's own time zone with nothing but Intl.DateTimeFormat.
//
// The rule is wall-clock time: a station is open at an instant when the station's local clock
// at that instant shows a time inside one of the day's ranges. So on a daylight-saving day:
// - a wall time that happens twice (01:30 on the autumn "fall back" night) is judged the same
//   way both times: inside a range both times, or outside both times;
// - a wall time that never happens (02:30 on the spring "spring forward" night) is simply never
//   reached: a range 02:00-03:00 on that night is never open, a range 01:00-02:30 ends when the
//   clock jumps from 01:59 to 03:00, and "until"/"opens" still quote the times as written.
// That is what the signs on the door say and what people expect. A station with hours but no
// time zone is never checked against the clock: its state is `unknown`, never a guessed zone.
import { describe } from './geo.js';
import type { Station, Weekday, WeeklyHours } from './types.js';
import { weeklyState } from './weekly.js';

/** A moment of the station's week on its own wall clock. */
export interface WeekTime {
  /** The weekday, in the station's time zone. */
  weekday: Weekday;
  /** `"HH:MM"` as written in the dataset; `"24:00"` only for an `until` at the end of `weekday`. */
  time: string;
  /** Days from the station's local date at the asked moment: 0 = the same day, 1 = the next, … 7. */
  days: number;
}

/**
 * Whether a station is open at a moment, and when that changes.
 * - `24/7`: the dataset says `"24/7"`.
 * - `open`: `until` is when it next closes; `null` when the weekly hours never close.
 * - `closed`: `opens` is when it next opens; `null` when the hours list no open time at all.
 * - `unknown`: no hours, hours without a time zone (then `hours` is set, to show as written),
 *   or hours/time zone this runtime cannot read.
 */
export type OpeningState =
  { kind: '24/7' } | { kind: 'open'; until: WeekTime | null } | { kind: 'closed'; opens: WeekTime | null } | { kind: 'unknown'; hours?: WeeklyHours };

/** The station's opening state at `at`. Throws a TypeError when `at` is not a valid Date. */
export function openingState(station: Station, at: Date): OpeningState {
  assertDate(at, 'at');
  const { hours, timezone } = station;
  if (hours === undefined) return { kind: 'unknown' };
  if (hours === '24/7') return { kind: '24/7' };
  return weeklyState(hours, timezone, at);
}

/** `true` open, `false` closed, `null` unknown (no hours, or hours without a time zone). */
export function isOpenAt(station: Station, at: Date): boolean | null {
  const state = openingState(station, at);
  return state.kind === 'unknown' ? null : state.kind !== 'closed';
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

/**
 * Reads a `meet-at` value: an ISO 8601 date and time, `2026-12-01T18:30`, with optional seconds
 * (and milliseconds), and an optional `Z` or `±HH:MM` offset; a space may stand for the `T`. Without an offset it is the viewer's local time (the
 * browser's zone), as `<input type="datetime-local">` gives it. Returns null for anything else,
 * including dates that do not exist (2026-02-30) and a date without a time.
 */
export function parseDateTime(value: string): Date | null {
  const m = typeof value === 'string' ? DATE_TIME.exec(value.trim()) : null;
  if (!m) return null;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0] = m.slice(1, 7).map((n) => Number(n ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return null;
  // Day overflow (Feb 30) shows up when the calendar date is read back.
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  const date = new Date(value.trim().replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function assertDate(value: unknown, name: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new TypeError(`${name} must be a valid Date (got ${value instanceof Date ? 'Invalid Date' : describe(value)})`);
  }
}
