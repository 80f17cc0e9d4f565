// A host's own catalogue, checked: its own module, apart from locale.ts, because only a host calls
// it (through safetrade-meetup or SafeTradeMeetup.load()), never the element: the script tag's
// element file does without it, and SafeTradeMeetup.load()'s file carries it.
import type { Messages } from './en.js';
import { canonical, setMessages } from './locale.js';

/**
 * Adds or replaces the catalogue for a locale (a BCP 47 tag: `pt`, or `fr-CA` to override `fr`
 * for Canada only). Keys it lacks fall back to English. Throws a RangeError quoting a bad tag.
 */
export function registerMessages(locale: string, messages: Partial<Messages>): void {
  const tag = canonical(locale);
  if (tag === null) throw new RangeError(`locale must be a BCP 47 language tag like "es" or "fr-CA" (got ${JSON.stringify(locale)})`);
  if (typeof messages !== 'object' || messages === null) throw new TypeError(`messages for "${tag}" must be an object`);
  setMessages(tag, messages);
}
