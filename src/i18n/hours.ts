// Opening hours as words: the card's hours line. Weekly timetables are put in words by weekly.ts.
import { openingState, type OpeningState } from '../core/hours.js';
import type { Station } from '../core/types.js';
import type { Messages } from './en.js';
import { formatWeeklyHours, formatWeekTime } from './weekly.js';

export { formatTime, formatWeekday, formatWeeklyHours, formatWeekTime } from './weekly.js';

/**
 * The card's hours line for a station at a moment: "Open 24/7", "Open now · until 20:00",
 * "Closed · opens Mon 08:00", or for hours without a time zone "Hours: Mon–Fri 08:00–20:00 · …"
 * (as written, never checked against a clock); null when the station has no hours.
 */
export function hoursLine(station: Station, at: Date, locale: string, messages: Messages): string | null {
  return describeOpeningState(openingState(station, at), locale, messages);
}

/** The words for an OpeningState; null when there is nothing to say (no hours at all). */
export function describeOpeningState(state: OpeningState, locale: string, messages: Messages): string | null {
  switch (state.kind) {
    case '24/7':
      return messages.open247;
    case 'open':
      return state.until ? messages.openUntil(formatWeekTime(state.until, locale, messages)) : messages.openNow;
    case 'closed':
      return state.opens ? messages.closedOpens(formatWeekTime(state.opens, locale, messages)) : messages.closedNow;
    case 'unknown':
      return state.hours ? messages.hoursAsWritten(formatWeeklyHours(state.hours, locale, messages)) : null;
  }
}
