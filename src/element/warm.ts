// Warming the engine's number and date formatting while the page waits (the dataset loads), so
// that the card's first render does not pay it. The script tag's build swaps this file for
// src/script/warm.ts: its element file warms the engine in tasks of its own before it defines the
// element (src/script/element.ts), so there is nothing left to do here.
import { warmFormats } from './format.js';

const warming = new Set<string>();

/**
 * warmFormats when the page is next idle, once per locale; then, in another task, a first
 * time-zone-aware date formatter (what checking a dataset's time zones and opening hours build).
 */
export function warmFormatsSoon(locale: string): void {
  if (warming.has(locale)) return;
  const first = warming.size === 0;
  warming.add(locale);
  idle(() => {
    warmFormats(locale);
    if (first) idle(() => new Intl.DateTimeFormat('en', { timeZone: 'UTC' }).format(0));
  });
}

function idle(run: () => void): void {
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(() => run());
  else globalThis.setTimeout(run, 0);
}
