// Opening hours as words, for weekly timetables: times and weekdays formatted for the locale by
// Intl.DateTimeFormat (12- or 24-hour clock as the locale writes it). Apart from hours.ts so that
// the script tag fetches it only with the weekly hours' code (src/script/lazy-weekly.ts).
import type { WeekTime } from '../core/hours.js';
import type { Weekday, WeeklyHours } from '../core/types.js';
import type { Messages } from './en.js';

const DAYS: readonly Weekday[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const formats = new Map<string, Intl.DateTimeFormat>();

/** "20:00" (or "8:00 PM") on the same day, else with the weekday: "Mon 08:00", "lun. 08:00". */
export function formatWeekTime(when: WeekTime, locale: string, messages: Messages): string {
  if (when.days === 0) return formatTime(when.time, locale, messages);
  if (when.time === '24:00') return `${formatWeekday(when.weekday, locale)} ${messages.midnight}`;
  const [h, m] = split(when.time);
  return formatter(locale, 'weekday-time').format(sample(DAYS.indexOf(when.weekday), h, m));
}

/** A dataset time ("08:00", "24:00") for the locale: "08:00", "8:00 AM", "8 h 00", "midnight". */
export function formatTime(time: string, locale: string, messages: Messages): string {
  if (time === '24:00') return messages.midnight;
  const [h, m] = split(time);
  return formatter(locale, 'time').format(sample(0, h, m));
}

/** A short weekday name for the locale: "Mon", "lun", "lun.". */
export function formatWeekday(day: Weekday, locale: string): string {
  return formatter(locale, 'weekday').format(sample(DAYS.indexOf(day), 12, 0));
}

/**
 * Weekly hours as written, days with the same ranges joined: "Mon–Fri 08:00–20:00 · Sat 10:00–14:00
 * · Sun closed". Days the dataset leaves out are left out here too.
 */
export function formatWeeklyHours(hours: WeeklyHours, locale: string, messages: Messages): string {
  const groups: { from: Weekday; to: Weekday; text: string }[] = [];
  for (const day of DAYS) {
    const ranges = hours[day];
    if (ranges === undefined) continue;
    const text = ranges.length === 0 ? messages.closedDay : ranges.map((r) => formatRange(r, locale, messages)).join(', ');
    const last = groups[groups.length - 1];
    if (last && last.text === text && DAYS.indexOf(last.to) === DAYS.indexOf(day) - 1) last.to = day;
    else groups.push({ from: day, to: day, text });
  }
  return groups
    .map(({ from, to, text }) => {
      const days = from === to ? formatWeekday(from, locale) : `${formatWeekday(from, locale)}–${formatWeekday(to, locale)}`;
      return `${days} ${text}`;
    })
    .join(' · ');
}

function formatRange(range: string, locale: string, messages: Messages): string {
  const [from = '', to = ''] = range.split('-');
  return `${formatTime(from, locale, messages)}–${formatTime(to, locale, messages)}`;
}

function split(time: string): [number, number] {
  return [Number(time.slice(0, 2)), Number(time.slice(3, 5))];
}

/** A UTC instant on the given weekday (0 = Monday; 2026-01-05 was a Monday) at h:m. */
function sample(day: number, h: number, m: number): Date {
  return new Date(Date.UTC(2026, 0, 5 + day, h, m));
}

function formatter(locale: string, kind: 'time' | 'weekday' | 'weekday-time'): Intl.DateTimeFormat {
  const key = `${kind} ${locale}`;
  let format = formats.get(key);
  if (!format) {
    // 24-hour locales write "08:00"; 12-hour ones "8:00 AM" (a leading zero there looks odd).
    const h12 = new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone: 'UTC' }).resolvedOptions().hour12 === true;
    const time = { hour: h12 ? 'numeric' : '2-digit', minute: '2-digit' } as const;
    const options: Intl.DateTimeFormatOptions = kind === 'time' ? time : kind === 'weekday' ? { weekday: 'short' } : { weekday: 'short', ...time };
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, format);
  }
  return format;
}
