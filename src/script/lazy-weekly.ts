// Weekly opening hours as dist/script sees them (scripts/pins.mjs points core/weekly.ts,
// i18n/weekly.ts and element/weekly-code.ts here). The shipped NYC stations are "24/7" or have no
// hours, so a first suggestion there never reads a timetable: the code for one (~1.7 KB gzip) is
// a file of its own, fetched the first time an answer needs it. Until it has come, a timetable
// reads as unknown and the read is remembered; the element asks weeklyMissed() after each answer,
// and shows nothing of an answer that read one: it calls loadWeekly(), waits, answers again.
import type { OpeningState, WeekTime } from '../core/hours.js';
import { once } from '../core/once.js';
import type { Weekday, WeeklyHours } from '../core/types.js';
import type * as Core from '../core/weekly.js';
import type { Messages } from '../i18n/en.js';
import type * as Words from '../i18n/weekly.js';

type Weekly = typeof Core & typeof Words;

let real: Weekly | undefined;
let missed = false;
// Refused or offline: the next answer that needs it asks again.
const fetchWeekly = once(() => import('./weekly.js'));

/** Called by script/weekly.ts as it runs (fetched here, or with SafeTradeMeetup.load()). */
export function provideWeekly(code: Weekly): void {
  real = code;
}

export function loadWeekly(): Promise<void> {
  return real ? Promise.resolve() : fetchWeekly().then(() => new Promise<void>((done) => setTimeout(done)));
}

function need(): void {
  missed = true;
}

export function weeklyMissed(): boolean {
  const was = missed;
  missed = false;
  return was;
}

export function weeklyState(hours: WeeklyHours, timezone: string | undefined, at: Date): OpeningState {
  if (real) return real.weeklyState(hours, timezone, at);
  need();
  return { kind: 'unknown', hours };
}

export function formatWeekTime(when: WeekTime, locale: string, messages: Messages): string {
  if (real) return real.formatWeekTime(when, locale, messages);
  need();
  return '';
}

export function formatTime(time: string, locale: string, messages: Messages): string {
  if (real) return real.formatTime(time, locale, messages);
  need();
  return '';
}

export function formatWeekday(day: Weekday, locale: string): string {
  if (real) return real.formatWeekday(day, locale);
  need();
  return '';
}

export function formatWeeklyHours(hours: WeeklyHours, locale: string, messages: Messages): string {
  if (real) return real.formatWeeklyHours(hours, locale, messages);
  need();
  return '';
}
