import type { Mode, Station, Suggestion } from '../core/types.js';

/** What can go wrong; each is shown in the widget and fired as `safetrade-error`. */
export type ErrorCode =
  | 'dataset-fetch'
  | 'dataset-invalid'
  | 'location-invalid'
  | 'geolocation-denied'
  | 'geolocation-unavailable'
  | 'no-station'
  /** Extension: the host's `geocoder` found nothing for what the viewer typed. */
  | 'geocoder-not-found'
  /** Extension: the host's `geocoder` threw, or returned something that is not a position. */
  | 'geocoder-failed'
  /** Extension: an attribute other than a location has a value outside its documented set. */
  | 'option-invalid'
  /** Extension: computing or showing the suggestions threw (a host value or catalogue that misbehaved, or a bug); the widget recovers at the next input. */
  | 'widget-failed';

export interface SafeTradeError {
  code: ErrorCode;
  /** Specific, for developers: quotes the bad value or the failing URL. */
  message: string;
}

export interface SafeTradeEventMap {
  'safetrade-ready': CustomEvent<{ stations: number; rejected: number }>;
  'safetrade-suggest': CustomEvent<{ mode: Mode; suggestions: Suggestion[] }>;
  'safetrade-select': CustomEvent<{ suggestion: Suggestion }>;
  'safetrade-share': CustomEvent<{ suggestion: Suggestion; text: string; method: 'share' | 'clipboard' | 'manual' }>;
  'safetrade-report': CustomEvent<{ station: Station }>;
  'safetrade-error': CustomEvent<SafeTradeError>;
}

export type SafeTradeEventName = keyof SafeTradeEventMap;
export type SafeTradeEventDetail<K extends SafeTradeEventName> = SafeTradeEventMap[K]['detail'];

/** Dispatches one of the widget's events: every one bubbles and crosses shadow roots. */
export function emit<K extends SafeTradeEventName>(target: EventTarget, name: K, detail: SafeTradeEventDetail<K>): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
