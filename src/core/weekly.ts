// Weekly opening hours against the station's own wall clock (see hours.ts for the rule). Apart
// from hours.ts so that the script tag can fetch it on demand: the shipped NYC stations are all
// "24/7" or without hours, so a first suggestion there never reads a weekly timetable
// (src/script/lazy-weekly.ts stands in for this file in dist/script).
import type { OpeningState, WeekTime } from './hours.js';
import type { Weekday, WeeklyHours } from './types.js';

/** Monday first, as the dataset lists them. */
const DAYS: readonly Weekday[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const DAY_MIN = 24 * 60;
const WEEK_MIN = 7 * DAY_MIN;
const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
/** en-US short weekday names, as Intl prints them, to our keys. */
const INTL_DAYS: Record<string, Weekday> = { Mon: 'mo', Tue: 'tu', Wed: 'we', Thu: 'th', Fri: 'fr', Sat: 'sa', Sun: 'su' };

/** Open ranges in minutes since Monday 00:00, merged, sorted, within [0, WEEK_MIN]. */
type Spans = [start: number, end: number][];

const spansCache = new WeakMap<WeeklyHours, Spans | null>();
const clocks = new Map<string, Intl.DateTimeFormat | null>();

/** The opening state at `at` of a station with weekly hours (and a time zone, or its state is unknown). */
export function weeklyState(hours: WeeklyHours, timezone: string | undefined, at: Date): OpeningState {
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
