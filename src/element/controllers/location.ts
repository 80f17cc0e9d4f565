// The viewer's own position, from "Use my location" (geolocation, only ever after a click) or
// from the host's geocoder. One lookup at a time: a new one supersedes the one in flight, whose
// result is then ignored, so the busy state always belongs to the latest lookup and clears with it.
import type { ReactiveControllerHost } from 'lit';
import { describe, isLatitude, isLongitude } from '../../core/geo.js';
import type { LatLng } from '../../core/types.js';
import type { SafeTradeError } from '../events.js';

export type Geocoder = (query: string) => Promise<LatLng | null>;

export class LocationController {
  /** The position found by the last lookup that succeeded. */
  located: LatLng | null = null;
  /** The lookup in flight, if any. */
  busy: 'locating' | 'geocoding' | null = null;
  /** Why the latest lookup failed. */
  error: SafeTradeError | null = null;
  #lookup: AbortController | null = null;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Asks the browser for the viewer's position; call it only from a click. */
  locate(): void {
    const geo = globalThis.navigator?.geolocation;
    if (!geo) {
      this.#finish(this.#start(null), { code: 'geolocation-unavailable', message: 'this browser has no geolocation' });
      return;
    }
    const lookup = this.#start('locating');
    geo.getCurrentPosition(
      (position) => this.#finish(lookup, { lat: position.coords.latitude, lng: position.coords.longitude }),
      (error) =>
        this.#finish(
          lookup,
          error.code === 1
            ? { code: 'geolocation-denied', message: `geolocation denied: ${error.message || 'permission denied'}` }
            : { code: 'geolocation-unavailable', message: `geolocation failed: ${error.code === 3 ? 'timed out' : error.message || 'position unavailable'}` },
        ),
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
    );
  }

  /** Asks the host's geocoder for a typed place. */
  async geocode(geocoder: Geocoder, query: string): Promise<void> {
    const lookup = this.#start('geocoding');
    let outcome: LatLng | SafeTradeError;
    try {
      const result: unknown = await geocoder(query);
      outcome =
        result === null ? { code: 'geocoder-not-found', message: `the geocoder found nothing for ${JSON.stringify(query)}` } : readPosition(result, query);
    } catch (e) {
      outcome = { code: 'geocoder-failed', message: `the geocoder failed for ${JSON.stringify(query)}: ${(e as Error)?.message ?? e}` };
    }
    this.#finish(lookup, outcome);
  }

  /** Forgets the position found (and any lookup in flight): "Change location". */
  clear(): void {
    this.#start(null);
    this.located = null;
  }

  #start(busy: LocationController['busy']): AbortSignal {
    this.#lookup?.abort();
    this.#lookup = new AbortController();
    this.busy = busy;
    this.error = null;
    this.#host.requestUpdate();
    return this.#lookup.signal;
  }

  /** Applies the outcome of a lookup, unless a newer one superseded it. */
  #finish(lookup: AbortSignal, outcome: LatLng | SafeTradeError): void {
    if (lookup.aborted) return;
    this.#lookup = null;
    this.busy = null;
    if ('code' in outcome) this.error = outcome;
    else this.located = outcome;
    this.#host.requestUpdate();
  }
}

/**
 * The geocoder's answer as two plain numbers, each property read exactly once: a getter or Proxy
 * (Vue and MobX objects can be either) may answer differently on a second read, so what is
 * checked is what is kept. Reading may throw; the caller reports that as the geocoder's failure.
 */
export function readPosition(result: unknown, query: string): LatLng | SafeTradeError {
  const { lat, lng } = ((typeof result === 'object' && result) || {}) as { lat?: unknown; lng?: unknown };
  if (isLatitude(lat) && isLongitude(lng)) return { lat, lng };
  const got = typeof result === 'object' && result ? `{lat: ${describe(lat)}, lng: ${describe(lng)}}` : describe(result);
  return { code: 'geocoder-failed', message: `the geocoder returned ${got} for ${JSON.stringify(query)}, not {lat, lng} in range` };
}
