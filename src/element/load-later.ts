// The code loaded after the first suggestion (later.ts), fetched once for every element on the
// page: when a card or the no-station help is on screen, or on the click that needs it. Its own
// module so that the element and its controllers share one load and one state.
import { once } from '../core/once.js';
import type { SafeTradeError } from './events.js';
import type * as Later from './later.js';

/** The code once it has arrived, else null (the render then leaves its parts out or empty). */
export let later: typeof Later | null = null;

/**
 * Loads the code (once). A failure (refused, offline) is not kept: the next call asks again, so an
 * interaction that failed for it works on the next try.
 */
export const loadLater = once(() => import('./later.js').then((code) => (later = code)));

/** What threw while the widget did something, as its error (quoting the exception). */
export function failed(doing: string, error: unknown): SafeTradeError {
  let what: string;
  try {
    what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    what = 'an exception that cannot be printed';
  }
  return { code: 'widget-failed', message: `${doing} failed: ${what}` };
}
