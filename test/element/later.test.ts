// The code that follows the first suggestion (src/element/later.ts: the map, the no-station help,
// what the location lookups and sharing do), in a page where it has not come yet: a widget with
// no suggestion to show (its dataset failed) never asks for it, and a click that needs it gets it.
// Its own file, so that the page is fresh: once loaded, that code stays for every widget.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { Suggestion } from '../../src/core/types.js';
import { later } from '../../src/element/load-later.js';
import { pendingGeolocation } from './geolocation.js';
import { alertText, cleanup, LOWER_EAST_SIDE, mount, settled, shadow, type Mounted } from './helpers.js';

const sellerOnly = { 'seller-lat': LOWER_EAST_SIDE.lat, 'seller-lng': LOWER_EAST_SIDE.lng, locale: 'en-US', 'stations-src': '/no-such-stations.json' };
const errorCodes = (m: Mounted) => m.of('safetrade-error').map((e) => e.detail.code);
const status = (m: Mounted) => shadow(m.el).querySelector('[part~="status"]')?.textContent?.trim() ?? '';
/** Whether the page ever asked for later.ts (the dev server serves each module on its own). */
const laterAsked = () => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.endsWith('/src/element/later.ts'));

afterEach(() => {
  sinon.restore();
  cleanup();
});

describe('before the code that follows the first suggestion has come', () => {
  it('a widget whose dataset failed shows the error at once and never asks for it; shareText() still answers at once', async () => {
    const m = await mount(sellerOnly);
    await settled(m, () => errorCodes(m).includes('dataset-fetch'));
    expect(alertText(m.el)).to.match(/could not fetch .*\/no-such-stations\.json: HTTP 404/);
    expect(shadow(m.el).querySelector('[part~="locate"]')).to.exist;
    const suggestion = {
      station: { id: 'x', name: 'NYPD 7th Precinct', address: '19 1/2 Pitt Street', country: 'US', lat: 40.716, lng: -73.984 },
      sellerKm: 0.2,
      buyerKm: null,
    } as Suggestion;
    expect(m.el.shareText(suggestion)).to.match(/^Let’s meet at NYPD 7th Precinct, 19 1\/2 Pitt Street\./);
    expect(later, 'not loaded').to.equal(null);
    expect(laterAsked(), 'not asked for').to.equal(false);
  });

  it('"Use my location" asks for the position in the click itself, and the denial it needs that code for shows', async () => {
    const geo = pendingGeolocation();
    const m = await mount(sellerOnly);
    await settled(m, () => errorCodes(m).includes('dataset-fetch'));
    expect(later).to.equal(null);
    shadow(m.el).querySelector<HTMLButtonElement>('[part~="locate"]')!.click();
    expect(navigator.geolocation.getCurrentPosition, 'asked in the click').to.have.been.calledOnce;
    await m.el.updateComplete;
    expect(status(m)).to.equal('Finding your location…');
    geo.deny();
    await settled(m, () => errorCodes(m).includes('geolocation-denied'));
    expect(m.of('safetrade-error').find((e) => e.detail.code === 'geolocation-denied')!.detail.message).to.equal('geolocation denied: User denied Geolocation');
    expect(alertText(m.el)).to.match(/did not share your location/);
    expect(status(m)).to.not.match(/Finding your location/);
    expect(shadow(m.el).querySelector<HTMLButtonElement>('[part~="locate"]')!.disabled).to.equal(false);
    expect(later, 'loaded for the denial').to.not.equal(null);
    expect(laterAsked()).to.equal(true);
  });
});
