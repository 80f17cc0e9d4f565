// English for what only the code loaded after the first suggestion (src/element/later.ts) shows:
// the no-station help, the map's labels, the meeting message to copy by hand and "Copied", and the
// words of the errors "Use my location" and the geocoder raise, and the safety tips (behind a
// closed disclosure). Apart
// from en.ts, it comes with that code, so the element's first file does without it. A catalogue's
// own wording wins over it, key by key (laterMessages).
import type { Messages } from './en.js';

export const enLater = {
  map: (station: string, distances: string) => `Map of ${station}: ${distances}.`,
  mapYou: 'You',
  mapStation: 'Station',
  mapNorth: 'North',
  mapOther: (party: string) => `Around the ${party}`,
  copyManually: 'Copy this message:',
  copied: 'Message copied',
  nearest: 'The nearest station we know of is',
  insteadTitle: 'What you can do instead',
  // The plain words of the errors only this code raises (en.ts has the others).
  errors: {
    'geolocation-denied': 'Your browser did not share your location. You can allow it in the site settings, or type a place instead.',
    'geolocation-unavailable': 'Your location could not be found right now. Try again in a moment.',
    'geocoder-not-found': 'That place could not be found. Check the ZIP code or address and try again.',
    'geocoder-failed': 'Looking up that place did not work. Try again in a moment.',
  },
  // The safety tips, in a disclosure that is closed until the viewer opens it.
  tipList: [
    'Meet in daylight if you can, and bring a friend.',
    'Check the item and count the money inside the zone, on camera.',
    'Police do not take part in the trade or settle disputes.',
    'Leave weapons, medicines and anything illegal at home.',
  ],
  insteadList: [
    'Meet in daylight in a busy public place, such as a store entrance or a café with cameras.',
    'Many police stations let people meet in their lobby: call the non-emergency line first to ask.',
    'Bring a friend, and tell someone where you are going.',
  ],
};

export type LaterMessages = typeof enLater;
export type LaterErrorCode = keyof LaterMessages['errors'];

/** `m` with English for the keys it lacks of what the later code shows (error words too). */
export const laterMessages = (m: Messages): Messages & LaterMessages => ({ ...enLater, ...m, errors: { ...enLater.errors, ...m.errors } });
