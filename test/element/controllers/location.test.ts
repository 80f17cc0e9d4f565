import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { LocationController } from '../../../src/element/controllers/location.js';
import { loadLater } from '../../../src/element/load-later.js';
import type { LatLng } from '../../../src/core/types.js';
import { deferred, flush, makeHost } from './host.js';
import { pendingGeolocation } from '../geolocation.js';

const MIDTOWN = { lat: 40.758, lng: -73.9855 };
const BROOKLYN = { lat: 40.6782, lng: -73.9442 };

function setup() {
  const host = makeHost();
  const location = new LocationController(host);
  host.derive = () => ({ busy: location.busy, located: location.located, error: location.error?.code ?? null });
  document.body.append(host);
  return { host, location };
}

// These tests are about lookups overtaking each other: the code that reads an answer is here, as
// it is once the first suggestion is on screen. Without it: test/element/later.test.ts.
before(() => loadLater());

afterEach(() => {
  sinon.restore();
  document.querySelectorAll('controller-test-host').forEach((n) => n.remove());
});

describe('LocationController', () => {
  it('keeps a geocoder result as read once: a Proxy that answers valid, then NaN, is stored as the valid numbers', async () => {
    const { host, location } = setup();
    const reads: string[] = [];
    let n = 0;
    // Valid on the first read of each coordinate, NaN after (as a reactive wrapper can behave).
    const slippery = new Proxy({} as LatLng, {
      get: (_, key) => (reads.push(String(key)), key === 'then' ? undefined : n++ < 2 ? MIDTOWN[key as 'lat' | 'lng'] : NaN),
    });
    await location.geocode(async () => slippery, '10036');
    await flush(host);
    expect(location.located).to.deep.equal(MIDTOWN);
    expect(Object.getPrototypeOf(location.located)).to.equal(Object.prototype);
    expect(reads.filter((k) => k === 'lat' || k === 'lng')).to.deep.equal(['lat', 'lng']);
  });

  it('refuses a result that is not a position, quoting the numbers it read', async () => {
    const { location } = setup();
    await location.geocode(async () => ({ lat: NaN, lng: -73.98 }), '10036');
    expect(location.located).to.equal(null);
    expect(location.error).to.deep.equal({
      code: 'geocoder-failed',
      message: 'the geocoder returned {lat: NaN, lng: -73.98} for "10036", not {lat, lng} in range',
    });
  });

  it('reports a result whose properties throw when read as the geocoder failing', async () => {
    const { location } = setup();
    const hostile = new Proxy({} as LatLng, {
      get: (_, key) => {
        if (key === 'then') return undefined;
        throw new Error('revoked');
      },
    });
    await location.geocode(async () => hostile, '10036');
    expect(location.error?.code).to.equal('geocoder-failed');
    expect(location.error?.message).to.include('revoked');
    expect(location.busy).to.equal(null);
  });

  it('geocoder pending, then "Use my location" denied: not busy, the denial shows, the late place is ignored', async () => {
    const geo = pendingGeolocation();
    const { host, location } = setup();
    const place = deferred<LatLng | null>();
    const geocoding = location.geocode(() => place.promise, '10036');
    expect(location.busy).to.equal('geocoding');
    location.locate();
    expect(location.busy).to.equal('locating');
    geo.deny();
    await flush(host);
    expect(host.seen.at(-1)).to.deep.equal({ busy: null, located: null, error: 'geolocation-denied' });
    place.resolve(MIDTOWN);
    await geocoding;
    await flush(host);
    expect(host.seen.at(-1)).to.deep.equal({ busy: null, located: null, error: 'geolocation-denied' });
  });

  it('geocoder pending, then "Use my location" succeeds: the position shows, not busy, the late place is ignored', async () => {
    const geo = pendingGeolocation();
    const { location } = setup();
    const place = deferred<LatLng | null>();
    const geocoding = location.geocode(() => place.promise, '10036');
    location.locate();
    geo.succeed(BROOKLYN);
    place.resolve(MIDTOWN);
    await geocoding;
    expect(location.located).to.deep.equal(BROOKLYN);
    expect(location.busy).to.equal(null);
  });

  it('"Use my location" pending, then a typed place: the place wins, not busy, a late denial or position is ignored', async () => {
    for (const late of ['deny', 'succeed'] as const) {
      sinon.restore();
      const geo = pendingGeolocation();
      const { location } = setup();
      location.locate();
      expect(location.busy).to.equal('locating');
      await location.geocode(async () => MIDTOWN, '10036');
      expect(location.busy).to.equal(null);
      if (late === 'deny') geo.deny();
      else geo.succeed(BROOKLYN);
      expect(location.located, late).to.deep.equal(MIDTOWN);
      expect(location.error, late).to.equal(null);
      expect(location.busy, late).to.equal(null);
    }
  });

  it('"Use my location" pending, then a typed place that fails: the failure shows, not busy', async () => {
    const geo = pendingGeolocation();
    const { location } = setup();
    location.locate();
    await location.geocode(async () => null, 'Nowhere');
    geo.succeed(BROOKLYN);
    expect(location.busy).to.equal(null);
    expect(location.located).to.equal(null);
    expect(location.error?.code).to.equal('geocoder-not-found');
  });

  it('"Change location" forgets the position and any lookup in flight', async () => {
    const geo = pendingGeolocation();
    const { location } = setup();
    await location.geocode(async () => MIDTOWN, '10036');
    location.locate();
    location.clear();
    geo.succeed(BROOKLYN);
    expect(location.located).to.equal(null);
    expect(location.busy).to.equal(null);
  });
});
