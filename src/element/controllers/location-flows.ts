// What a location lookup's answer becomes: the position to keep, or the error to show, with the
// messages that quote what went wrong. Part of the code loaded after the first suggestion
// (later.ts); the state it feeds (located, busy, error) and the geolocation request itself stay in
// location.ts, so that the request is made in the click itself and the render never waits.
import { describe, isLatitude, isLongitude } from '../../core/geo.js';
import type { LatLng } from '../../core/types.js';
import type { SafeTradeError } from '../events.js';
import type { Geocoder } from './location.js';

/** Why "Use my location" failed: the browser's error, or none when it has no geolocation at all. */
export function geolocationError(error?: GeolocationPositionError): SafeTradeError {
  if (!error) return { code: 'geolocation-unavailable', message: 'this browser has no geolocation' };
  return error.code === 1
    ? { code: 'geolocation-denied', message: `geolocation denied: ${error.message || 'permission denied'}` }
    : { code: 'geolocation-unavailable', message: `geolocation failed: ${error.code === 3 ? 'timed out' : error.message || 'position unavailable'}` };
}

/** Asks the host's geocoder for a typed place: the position it found, or why there is none. */
export async function geocode(geocoder: Geocoder, query: string): Promise<LatLng | SafeTradeError> {
  try {
    const result: unknown = await geocoder(query);
    return result === null ? { code: 'geocoder-not-found', message: `the geocoder found nothing for ${JSON.stringify(query)}` } : readPosition(result, query);
  } catch (e) {
    return { code: 'geocoder-failed', message: `the geocoder failed for ${JSON.stringify(query)}: ${(e as Error)?.message ?? e}` };
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
