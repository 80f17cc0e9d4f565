// Warming the engine's number formatting while the page waits (the dataset loads), so that the
// card's first render does not pay it (an English card needs none: format.ts). The script tag's
// build swaps this file for src/script/warm.ts: its element file warms the engine in a task of its
// own before it defines the element (src/script/element.ts), so there is nothing left to do here.
import { warmFormats } from './format.js';

const warming = new Set<string>();

/** warmFormats when the page is next idle, once per locale. */
export function warmFormatsSoon(locale: string): void {
  if (warming.has(locale)) return;
  warming.add(locale);
  const run = () => warmFormats(locale);
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(run);
  else globalThis.setTimeout(run, 0);
}
