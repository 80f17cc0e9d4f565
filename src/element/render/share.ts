// The meeting message the viewer sends the other party: the station and how to get there, never
// anyone's location.
import type { Suggestion } from '../../core/types.js';
import type { Messages } from '../../i18n/en.js';
import { formatWeeklyHours } from '../../i18n/hours.js';
import { addressLine } from '../format.js';
import { directionsUrl } from '../links.js';

export function shareText(m: Messages, locale: string, suggestion: Suggestion): string {
  const { station } = suggestion;
  return m.shareText({
    name: station.name,
    address: addressLine(station),
    hours: station.hours === '24/7' ? m.open247 : station.hours ? m.hoursAsWritten(formatWeeklyHours(station.hours, locale, m)) : '',
    spot: station.spot ?? '',
    url: directionsUrl(station),
    safety: m.safetyLine,
  });
}
