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

/** Monday first, as the dataset lists them. */
const DAYS: readonly Weekday[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const DAY_MIN = 24 * 60;
const WEEK_MIN = 7 * DAY_MIN;
const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
/** en-US short weekday names, as Intl prints them, to our keys. */
const INTL_DAYS: Record<string, Weekday> = { Mon: 'mo', Tue: 'tu', Wed: 'we', Thu: 'th', Fri: 'fr', Sat: 'sa', Sun: 'su' };

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

/** Open ranges in minutes since Monday 00:00, merged, sorted, within [0, WEEK_MIN]. */
type Spans = [start: number, end: number][];

const spansCache = new WeakMap<WeeklyHours, Spans | null>();
const clocks = new Map<string, Intl.DateTimeFormat | null>();

/** The station's opening state at `at`. Throws a TypeError when `at` is not a valid Date. */
export function openingState(station: Station, at: Date): OpeningState {
  assertDate(at, 'at');
  const { hours, timezone } = station;
  if (hours === undefined) return { kind: 'unknown' };
  if (hours === '24/7') return { kind: '24/7' };
  const spans = weekSpans(hours);
  const clock = timezone === undefined ? null : wallClock(timezone, at);
  if (spans === null || clock === null) return { kind: 'unknown', hours };
  if (spans.length === 0) return { kind: 'closed', opens: null };
  if (spans.length === 1 && spans[0]![0] === 0 && spans[0]![1] === WEEK_MIN) return { kind: 'open', until: null };

  const now = clock.day * DAY_MIN + clock.minute;
  const inside = spans.find(([s, e]) => s <= now && now < e);
  if (inside) {
    // A span ending at the week's end continues into one starting on Monday 00:00.
    let end = inside[1];
    if (end === WEEK_MIN && spans[0]![0] === 0) end = WEEK_MIN + spans[0]![1];
    return { kind: 'open', until: weekTime(end, now, true) };
  }
  const next = spans.find(([s]) => s > now) ?? spans[0]!;
  const start = next[0] > now ? next[0] : next[0] + WEEK_MIN;
  return { kind: 'closed', opens: weekTime(start, now, false) };
}

/** `true` open, `false` closed, `null` unknown (no hours, or hours without a time zone). */
export function isOpenAt(station: Station, at: Date): boolean | null {
  const state = openingState(station, at);
  return state.kind === 'unknown' ? null : state.kind !== 'closed';
}

/** The weekly hours as merged spans, or null when a range cannot be read (never guessed). */
function weekSpans(hours: WeeklyHours): Spans | null {
  let spans = spansCache.get(hours);
  if (spans !== undefined) return spans;
  spans = [];
  for (const [index, day] of DAYS.entries()) {
    const ranges = hours[day];
    if (ranges === undefined) continue;
    if (!Array.isArray(ranges)) return cache(hours, null);
    for (const range of ranges) {
      const m = typeof range === 'string' ? RANGE.exec(range) : null;
      if (!m) return cache(hours, null);
      const from = Number(m[1]) * 60 + Number(m[2]);
      const to = m[5] ? DAY_MIN : Number(m[3]) * 60 + Number(m[4]);
      if (from === to) return cache(hours, null);
      const start = index * DAY_MIN + from;
      // An end before the start runs past midnight into the next day.
      const end = index * DAY_MIN + to + (to < from ? DAY_MIN : 0);
      if (end <= WEEK_MIN) spans.push([start, end]);
      else spans.push([start, WEEK_MIN], [0, end - WEEK_MIN]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Spans = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return cache(hours, merged);
}

function cache(hours: WeeklyHours, spans: Spans | null): Spans | null {
  spansCache.set(hours, spans);
  return spans;
}

/** A week minute (possibly beyond one week) as a WeekTime, counted in days from `now`. */
function weekTime(minute: number, now: number, isEnd: boolean): WeekTime {
  // An end exactly on midnight reads as "24:00" of the day it ends, like the dataset writes it.
  const m = isEnd && minute % DAY_MIN === 0 ? minute - 1 : minute;
  const dayIndex = Math.floor(m / DAY_MIN);
  const inDay = minute - dayIndex * DAY_MIN;
  const time = `${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`;
  return { weekday: DAYS[dayIndex % 7]!, time, days: dayIndex - Math.floor(now / DAY_MIN) };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The station's local weekday (0 = Monday) and minute of the day at `at`, or null for an unknown zone. */
function wallClock(timeZone: string, at: Date): { day: number; minute: number } | null {
  let format = clocks.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      format = null;
    }
    clocks.set(timeZone, format);
  }
  if (format === null) return null;
  let weekday = '';
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(at)) {
    if (part.type === 'weekday') weekday = part.value;
    else if (part.type === 'hour')
      hour = Number(part.value) % 24; // some engines print 24 for midnight
    else if (part.type === 'minute') minute = Number(part.value);
  }
  const day = DAYS.indexOf(INTL_DAYS[weekday] as Weekday);
  return day < 0 ? null : { day, minute: hour * 60 + minute };
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
