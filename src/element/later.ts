// The code that the first suggestion does not need, loaded after it (or on the interaction that
// needs it) as ONE file in both builds: the script tag's loader pins it like every other file, and
// one pin costs less than several (see loadLater in element.ts).
// - the card's map: drawn into its box, kept empty at its final size until this arrives;
// - the no-station help (the nearest station and what to do instead), below its alert;
// - what "Use my location" and the geocoder's form do with an answer, and their error messages;
// - sharing the meeting message (native share sheet, clipboard, or the text to copy by hand);
// - the check of a `map-tiles` template (its tiles are drawn by this code anyway).
import { laterMessages } from '../i18n/en-later.js';

export { laterMessages };
import type { Messages } from '../i18n/en.js';

export * from './map.js';
export { laterStyles } from './later-styles.js';
export { renderNoStationHelp } from './render/help.js';
export { geocode, geolocationError } from './controllers/location-flows.js';
export { renderManualShare, share } from './share.js';
export { tileTemplateProblem } from './tile-template.js';

/** The map's accessible name and its labels, in `m`'s words (English for any it lacks). */
export function mapWords(m: Messages, station: string, distances: string, otherParty: string) {
  const t = laterMessages(m);
  return { label: t.map(station, distances), labels: { station: t.mapStation, you: t.mapYou, other: t.mapOther(otherParty), north: t.mapNorth } };
}
