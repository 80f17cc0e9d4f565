// Never stuck, never an uncaught error: lookups that overtake each other, host values that
// change under the widget, and a failure while ranking or rendering, tried as an attacker would.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { LatLng } from '../../src/core/types.js';
import { registerMessages } from '../../src/i18n/register.js';
import { nyc } from '../fixtures/nyc.js';
import { alertText, cleanup, LOWER_EAST_SIDE, MIDTOWN, mount, settled, shadow, suggestionIds, type Mounted } from './helpers.js';
import { pendingGeolocation } from './geolocation.js';

/** Where the buyer types "10036": Times Square, as numbers (what a geocoder returns). */
const TIMES_SQUARE = { lat: 40.758, lng: -73.9855 };
const sellerOnly = { 'seller-lat': LOWER_EAST_SIDE.lat, 'seller-lng': LOWER_EAST_SIDE.lng, locale: 'en-US' };
const $ = <T extends Element = HTMLElement>(m: Mounted, selector: string) => shadow(m.el).querySelector<T>(selector);
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ready = (m: Mounted) => settled(m, () => m.of('safetrade-suggest').length > 0 || m.of('safetrade-error').length > 0);
const status = (m: Mounted) => text($(m, '[part~="status"]'));
const locateButton = (m: Mounted) => $<HTMLButtonElement>(m, '[part~="locate"]');
const geocodeButton = (m: Mounted) => $<HTMLButtonElement>(m, '[part~="geocoder"] button');
const submit = (m: Mounted, value: string) => {
  $<HTMLInputElement>(m, '[part~="geocoder"] input')!.value = value;
  geocodeButton(m)!.click();
};
const errorCodes = (m: Mounted) => m.of('safetrade-error').map((e) => e.detail.code);

/** Every uncaught error and unhandled rejection on the page while a test runs. */
let uncaught: unknown[] = [];
const onError = (e: ErrorEvent) => uncaught.push(e.error ?? e.message);
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
beforeEach(() => {
  uncaught = [];
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});
afterEach(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  sinon.restore();
  cleanup();
  expect(uncaught, 'uncaught errors').to.deep.equal([]);
});

function pendingGeocoder() {
  let answer!: (value: LatLng | null) => void;
  const geocoder = () => new Promise<LatLng | null>((resolve) => (answer = resolve));
  return { geocoder, answer: (value: LatLng | null) => answer(value) };
}

describe('a geocoder result read twice (issue: valid, then NaN)', () => {
  it('ranks with the position as first read, with no uncaught error, and keeps working', async () => {
    let reads = 0;
    const slippery = new Proxy({} as LatLng, {
      get: (_, key) => (key === 'then' ? undefined : reads++ < 2 ? TIMES_SQUARE[key as 'lat' | 'lng'] : NaN),
    });
    const m = await mount(sellerOnly, { stations: nyc, geocoder: async () => slippery });
    await ready(m);
    submit(m, '10036');
    await settled(m, () => /from you · about [\d.]+ mi for the seller$/.test(text($(m, '[part~="expanded"] [part~="distance"]'))));
    expect(suggestionIds(m.el)[0]).to.equal('nypd-pct-013');
    expect(errorCodes(m)).to.deep.equal([]);
    m.el.setAttribute('mode', 'total');
    await m.el.updateComplete;
    expect(text($(m, '[part~="why"]'))).to.match(/^The least travel for the two of you together/);
  });
});

describe('lookups that overtake each other never leave the widget stuck', () => {
  it('geocoder pending, then "Use my location" denied: the button works, no status stays, the denial shows', async () => {
    const geo = pendingGeolocation();
    const place = pendingGeocoder();
    const m = await mount(sellerOnly, { stations: nyc, geocoder: place.geocoder });
    await ready(m);
    submit(m, '10036');
    await m.el.updateComplete;
    expect(status(m)).to.equal('Looking up that place…');
    expect(geocodeButton(m)!.disabled).to.equal(true);
    locateButton(m)!.click();
    geo.deny();
    await settled(m, () => errorCodes(m).includes('geolocation-denied'));
    expect(status(m)).to.not.match(/Looking up|Finding your location/);
    expect(locateButton(m)!.disabled).to.equal(false);
    expect(geocodeButton(m)!.disabled).to.equal(false);
    expect(alertText(m.el)).to.match(/did not share your location/);
    place.answer(TIMES_SQUARE); // the overtaken lookup answers late: ignored
    await new Promise((r) => setTimeout(r, 20));
    await m.el.updateComplete;
    expect(locateButton(m), 'still asking for a location').to.exist;
    expect(status(m)).to.not.match(/Looking up|Finding your location/);
  });

  it('"Use my location" pending, then a typed place: the place ranks, nothing stays busy, a late denial is ignored', async () => {
    const geo = pendingGeolocation();
    const m = await mount(sellerOnly, { stations: nyc, geocoder: async () => TIMES_SQUARE });
    await ready(m);
    locateButton(m)!.click();
    await m.el.updateComplete;
    expect(status(m)).to.equal('Finding your location…');
    expect(locateButton(m)!.disabled).to.equal(true);
    submit(m, '10036');
    await settled(m, () => suggestionIds(m.el)[0] === 'nypd-pct-013');
    expect(status(m)).to.not.match(/Looking up|Finding your location/);
    geo.deny();
    await m.el.updateComplete;
    expect(errorCodes(m)).to.deep.equal([]);
    expect(alertText(m.el)).to.equal(null);
    // "Use a different location", then locating again works.
    [...shadow(m.el).querySelectorAll('button')].find((b) => text(b) === 'Use a different location')!.click();
    await m.el.updateComplete;
    expect(locateButton(m)!.disabled).to.equal(false);
  });

  it('"Use my location" pending, then a typed place not found: the failure shows and the button works', async () => {
    pendingGeolocation();
    const m = await mount(sellerOnly, { stations: nyc, geocoder: async () => null });
    await ready(m);
    locateButton(m)!.click();
    submit(m, 'Nowhere');
    await settled(m, () => errorCodes(m).includes('geocoder-not-found'));
    expect(locateButton(m)!.disabled).to.equal(false);
    expect(status(m)).to.not.match(/Looking up|Finding your location/);
  });
});

describe('a failure while ranking or rendering', () => {
  it('becomes a widget-failed error with a visible alert, and the next input works again', async () => {
    // A Date that is valid when the widget checks it and Invalid when the ranking reads it.
    let reads = 0;
    class ShiftyDate extends Date {
      override getTime(): number {
        return reads++ === 0 ? super.getTime() : NaN;
      }
    }
    const m = await mount(sellerOnly, { stations: nyc });
    await ready(m);
    m.el.meetAt = new ShiftyDate('2026-12-07T10:00:00-05:00') as unknown as string;
    await settled(m, () => errorCodes(m).includes('widget-failed'));
    const failure = m.of('safetrade-error').find((e) => e.detail.code === 'widget-failed')!.detail;
    expect(failure.message).to.match(/^computing the suggestions failed: TypeError: .*valid Date/);
    expect(alertText(m.el)).to.include('Something went wrong while showing safe meeting spots');
    expect(alertText(m.el)).to.include(failure.message);
    m.el.meetAt = '2026-12-07T10:00:00-05:00';
    await settled(m, () => suggestionIds(m.el).length === 3);
    expect(alertText(m.el)).to.equal(null);
    expect(errorCodes(m).filter((c) => c === 'widget-failed')).to.have.length(1);
  });

  it('a host catalogue that throws while rendering: an English alert, fired once, and the widget renders again after', async () => {
    registerMessages('qaa', {
      heading: 'Broken',
      fromYou: () => {
        throw new RangeError('catalogue bug');
      },
    });
    const m = await mount({ ...sellerOnly, 'buyer-lat': MIDTOWN.lat, 'buyer-lng': MIDTOWN.lng, locale: 'qaa' }, { stations: nyc });
    await settled(m, () => errorCodes(m).includes('widget-failed'));
    expect(m.of('safetrade-error').at(-1)!.detail.message).to.equal('showing the suggestions failed: RangeError: catalogue bug');
    expect(alertText(m.el)).to.include('Something went wrong');
    m.el.setAttribute('mode', 'total'); // another render that fails the same way: not announced again
    await m.el.updateComplete;
    expect(errorCodes(m).filter((c) => c === 'widget-failed')).to.have.length(1);
    m.el.locale = 'en-US';
    await settled(m, () => suggestionIds(m.el).length === 3);
    expect(alertText(m.el)).to.equal(null);
    await expect(m.el).to.be.accessible();
  });
});
