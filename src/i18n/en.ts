// English, the catalogue bundled with the script. Every string the widget shows or writes comes
// from a catalogue of this shape, so other languages are a file away.
import type { ErrorCode } from '../element/events.js';
import type { PluralForms } from './plural.js';

export const en = {
  heading: 'Meet at a police safe-trade station',
  loading: 'Finding safe meeting spots…',
  idle: 'Add the listing’s location to see safe meeting spots near it.',
  best: 'Best for both of you',
  bestSellerOnly: 'Closest to the listing',
  suggestions: 'Suggested stations',
  fromYou: (distance: string) => `${distance} from you`,
  fromListing: (distance: string) => `about ${distance} from the listing`,
  forSeller: (distance: string) => `about ${distance} for the seller`,
  forBuyer: (distance: string) => `about ${distance} for the buyer`,
  select: 'Suggest this station',
  share: 'Copy message',
  shareNative: 'Share',
  copied: 'Message copied',
  copyManually: 'Copy this message:',
  directions: 'Directions',
  directionsTo: (name: string) => `Directions to ${name} (opens in a new tab)`,
  locate: 'Use my location',
  locating: 'Finding your location…',
  retry: 'Try again',
  dataSources: 'Station data sources',
  shareText: (name: string, address: string, url: string) =>
    `Let’s meet at ${name}, ${address}. It’s a police safe-trade spot: public, lit and on camera. Directions: ${url}`,
  errors: {
    'dataset-fetch': 'The list of safe meeting spots could not be loaded. Check your connection and try again.',
    'dataset-invalid': 'The list of safe meeting spots is damaged, so no station can be suggested.',
    'location-invalid': 'A location given to this widget is not valid, so no station can be suggested.',
    'geolocation-denied': 'Your browser did not share your location. You can allow it in the site settings and try again.',
    'geolocation-unavailable': 'Your location could not be found right now. Try again in a moment.',
    'no-station': 'There is no safe-trade station near enough to both of you.',
    'option-invalid': 'This widget is set up with an option it does not know; it uses the default instead.',
  } satisfies Record<ErrorCode, string>,
  // Opening hours (src/i18n/hours.ts fills in the times, already formatted for the locale).
  open247: 'Open 24/7',
  openNow: 'Open now',
  openUntil: (time: string) => `Open now · until ${time}`,
  closedNow: 'Closed',
  closedOpens: (when: string) => `Closed · opens ${when}`,
  hoursAsWritten: (hours: string) => `Hours: ${hours}`,
  closedDay: 'closed',
  midnight: 'midnight',
  // Plural forms by Intl.PluralRules category; `#` is the count, formatted for the locale.
  stationCount: { one: '# station nearby', other: '# stations nearby' } as PluralForms,
};

export type Messages = typeof en;
