import sinon from 'sinon';
import type { LatLng } from '../../src/core/types.js';

/**
 * Geolocation that answers only when the test says so: `succeed(at)` or `deny()` settles the
 * latest request. Restore with `sinon.restore()`.
 */
export function pendingGeolocation() {
  const calls: { ok: PositionCallback; fail: PositionErrorCallback }[] = [];
  sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((ok, fail) => void calls.push({ ok, fail: fail! }));
  return {
    succeed: (at: LatLng) => calls.at(-1)!.ok({ coords: { latitude: at.lat, longitude: at.lng } } as GeolocationPosition),
    deny: () => calls.at(-1)!.fail({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError),
  };
}
