// Shared helpers for element tests: mount a widget with every event recorded from the start.
import { waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { SafeTradeMeetupElement } from '../../src/element/element.js';

export const EVENTS = ['safetrade-ready', 'safetrade-suggest', 'safetrade-select', 'safetrade-share', 'safetrade-report', 'safetrade-error'] as const;

export interface Mounted {
  el: SafeTradeMeetupElement;
  /** Every safetrade-* event the element fired, in order. */
  events: CustomEvent[];
  of(name: (typeof EVENTS)[number]): CustomEvent[];
}

/** Creates the element with attributes and properties set before it connects, as a host page would. */
export async function mount(attrs: Record<string, string>, props: Record<string, unknown> = {}): Promise<Mounted> {
  const el = document.createElement('safetrade-meetup');
  const events: CustomEvent[] = [];
  for (const name of EVENTS) el.addEventListener(name, (e) => events.push(e as CustomEvent));
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return { el, events, of: (name) => events.filter((e) => e.type === name) };
}

/** Waits until the widget has settled: dataset loaded or failed, and rendering done. */
// 15 s: with the three engines and the Node tests at once on a 2-core machine, a first dynamic
// import through the test server once took Firefox over 5 s (an empty-body case in bad-inputs).
// A widget that never settles still fails, only later; mocha's own limit is 30 s.
export async function settled(m: Mounted, predicate: () => boolean, message = 'widget did not settle'): Promise<void> {
  await waitUntil(predicate, message, { timeout: 15000 });
  await m.el.updateComplete;
}

export const shadow = (el: Element) => el.shadowRoot!;
/**
 * The card's map is drawn by code that arrives after the first suggestion is on screen: waits
 * until the map is a labelled picture, as a viewer sees it (the box is there, empty, before).
 */
export const mapDrawn = (m: Mounted) =>
  settled(m, () => !!shadow(m.el).querySelector('[part~="expanded"] svg[part~="map"][role="img"]'), 'the map was never drawn');
export const suggestionIds = (el: Element) => [...shadow(el).querySelectorAll('[part~="suggestion"]')].map((n) => n.getAttribute('data-station-id'));
export const alertText = (el: Element) => shadow(el).querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
export const lastSuggest = (m: Mounted) => m.of('safetrade-suggest').at(-1)?.detail as { mode: string; suggestions: { station: { id: string } }[] } | undefined;

export function cleanup(): void {
  document.querySelectorAll('safetrade-meetup').forEach((n) => n.remove());
}

export const LOWER_EAST_SIDE = { lat: '40.7150', lng: '-73.9843' };
export const MIDTOWN = { lat: '40.7580', lng: '-73.9855' };
export const UNION_SQUARE = { lat: '40.7359', lng: '-73.9911' };
