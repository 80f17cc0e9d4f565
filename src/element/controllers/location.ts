// The viewer's own position, from "Use my location" (geolocation, only ever after a click) or
// from the host's geocoder. One lookup at a time: a new one supersedes the one in flight, whose
// result is then ignored, so the busy state always belongs to the latest lookup and clears with it.
// What an answer becomes (the checks and error messages, location-flows.ts) is code loaded after
// the first suggestion; a lookup that needs it before then waits for it, and if it cannot load,
// the lookup ends with a widget-failed error and the next one asks for the code again.
import type { ReactiveControllerHost } from 'lit';
import type { LatLng } from '../../core/types.js';
import type { SafeTradeError } from '../events.js';
import type * as Later from '../later.js';
import { failed, loadLater } from '../load-later.js';

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

  /** Asks the browser for the viewer's position, in this call; call it only from a click. */
  locate(): void {
    const geo = globalThis.navigator?.geolocation;
    const lookup = this.#start(geo ? 'locating' : null);
    const fail = (error?: GeolocationPositionError) => void this.#settle(lookup, '"Use my location"', (code) => code.geolocationError(error));
    if (!geo) return fail();
    geo.getCurrentPosition((position) => this.#finish(lookup, { lat: position.coords.latitude, lng: position.coords.longitude }), fail, {
      enableHighAccuracy: false,
      timeout: 15000,
      maximumAge: 300000,
    });
  }

  /** Asks the host's geocoder for a typed place. */
  geocode(geocoder: Geocoder, query: string): Promise<void> {
    return this.#settle(this.#start('geocoding'), 'the place search', (code) => code.geocode(geocoder, query));
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

  /** Ends a lookup with what the later code makes of it, or with widget-failed when that code cannot load. */
  async #settle(
    lookup: AbortSignal,
    doing: string,
    outcome: (code: typeof Later) => LatLng | SafeTradeError | Promise<LatLng | SafeTradeError>,
  ): Promise<void> {
    this.#finish(lookup, await loadLater().then(outcome, (error: unknown) => failed(`loading the code for ${doing}`, error)));
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
