// English for what only the code loaded after the first suggestion (src/element/later.ts) shows:
// the no-station help, the map's labels, the meeting message to copy by hand and "Copied". Apart
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
  insteadList: [
    'Meet in daylight in a busy public place, such as a store entrance or a café with cameras.',
    'Many police stations let people meet in their lobby: call the non-emergency line first to ask.',
    'Bring a friend, and tell someone where you are going.',
  ],
};

export type LaterMessages = typeof enLater;

/** `m` with English for the keys it lacks of what the later code shows. */
export const laterMessages = (m: Messages): Messages & LaterMessages => ({ ...enLater, ...m });
