// English, the catalogue bundled with the script. Every string the widget shows or writes comes
// from a catalogue of this shape, so other languages are a file away.
import type { Feature } from '../core/types.js';
import type { ErrorCode } from '../element/events.js';
import type { LaterErrorCode, LaterMessages } from './en-later.js';
import type { PluralForms } from './plural.js';

export const en = {
  heading: 'Meet at a police safe-trade station',
  loading: 'Finding safe meeting spots…',
  idle: 'Add the listing’s location to see safe meeting spots near it.',
  best: 'Best for both of you',
  bestSellerOnly: 'Closest to the listing',
  suggestions: 'Suggested stations',
  alternatives: 'Other stations',
  announce: (name: string, distance: string) => `Suggested meeting spot: ${name}, ${distance}.`,
  fromYou: (distance: string) => `${distance} from you`,
  fromListing: (distance: string) => `about ${distance} from the listing`,
  forSeller: (distance: string) => `about ${distance} for the seller`,
  forBuyer: (distance: string) => `about ${distance} for the buyer`,
  whyFair: (distance: string) => `Neither of you travels more than ${distance}.`,
  whyTotal: (distance: string) => `The least travel for the two of you together: about ${distance}.`,
  whyBuyer: 'The closest station to you.',
  whyListing: 'The closest station to the listing.',
  where: 'Where to stand',
  open247: 'Open 24/7',
  hoursAsWritten: (hours: string) => `Hours: ${hours}`,
  closedDay: 'closed',
  features: {
    video: 'Video-recorded',
    lit: 'Well lit',
    signage: 'Signed exchange zone',
    parking: 'Parking',
    indoor: 'Indoors',
    staffed: 'Staffed',
    accessible: 'Step-free access',
  } satisfies Record<Feature, string>,
  safetyLine: 'Meeting at a station is free and recorded. Someone who refuses to meet at one is a warning sign.',
  tips: 'Safety tips',
  select: 'Suggest this station',
  selected: (name: string) => `You suggested ${name}.`,
  share: 'Copy message',
  shareNative: 'Share',
  directions: 'Directions',
  directionsIn: (app: string, name: string) => `Directions to ${name} in ${app} (opens in a new tab)`,
  details: 'Station details',
  phone: 'Phone',
  website: 'Station website',
  agency: 'Run by',
  verified: (date: string) => `Details checked on ${date}`,
  report: 'Report a problem with this station',
  reported: 'Thanks. Your report was passed on.',
  locate: 'Use my location',
  locating: 'Finding your location…',
  geocodeLabel: 'ZIP code or address',
  geocodeSubmit: 'Find stations',
  geocoding: 'Looking up that place…',
  mapToggle: 'Map',
  directionsTo: (name: string) => `Directions to ${name}`,
  changeLocation: 'Use a different location',
  seller: 'seller',
  buyer: 'buyer',
  retry: 'Try again',
  dataSources: 'Station data sources',
  shareText: (p: { name: string; address: string; hours: string; spot: string; url: string; safety: string }) =>
    [`Let’s meet at ${p.name}, ${p.address}.`, p.hours, p.spot && `Spot: ${p.spot}.`, `Directions: ${p.url}`, p.safety].filter(Boolean).join('\n'),
  errors: {
    'dataset-fetch': 'The list of safe meeting spots could not be loaded. Check your connection and try again.',
    'dataset-invalid': 'The list of safe meeting spots is damaged, so no station can be suggested.',
    'location-invalid': 'A location given to this widget is not valid, so no station can be suggested.',
    'no-station': 'There is no safe-trade station near enough to both of you.',
    'option-invalid': 'This widget is set up with an option it does not know; it uses the default instead.',
    'widget-failed': 'Something went wrong while showing safe meeting spots. Change your search or reload the page to try again.',
  } satisfies Record<Exclude<ErrorCode, LaterErrorCode>, string> as ErrorWords,
  // Opening hours (src/i18n/hours.ts fills in the times, already formatted for the locale).
  openNow: 'Open now',
  openUntil: (time: string) => `Open now · until ${time}`,
  closedNow: 'Closed',
  closedOpens: (when: string) => `Closed · opens ${when}`,
  midnight: 'midnight',
  // Plural forms by Intl.PluralRules category; `#` is the count, formatted for the locale.
  stationCount: { one: '# station nearby', other: '# stations nearby' } as PluralForms,
};

/**
 * Plain words for each error code. The errors only "Use my location" and the geocoder raise come
 * with the code that raises them, and so does their English (en-later.ts); other catalogues carry
 * them all here.
 */
export type ErrorWords = Record<Exclude<ErrorCode, LaterErrorCode>, string> & Partial<Record<LaterErrorCode, string>>;

/**
 * A catalogue: every key of `en`, and those of what only the code loaded after the first suggestion
 * shows, whose English (en-later.ts) comes with that code. Other catalogues carry them all
 * (test/i18n/catalogues.test.ts).
 */
export type Messages = typeof en & Partial<Omit<LaterMessages, 'errors'>>;
