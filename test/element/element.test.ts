import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { nyc } from '../fixtures/nyc.js';
import { alertText, cleanup, lastSuggest, LOWER_EAST_SIDE, MIDTOWN, mount, settled, shadow, suggestionIds, UNION_SQUARE, type Mounted } from './helpers.js';

const PCT_13 = nyc.stations.find((s) => s.id === 'nypd-pct-013')!;
const positions = (seller = LOWER_EAST_SIDE, buyer: typeof MIDTOWN | null = MIDTOWN) => ({
  'seller-lat': seller.lat,
  'seller-lng': seller.lng,
  ...(buyer ? { 'buyer-lat': buyer.lat, 'buyer-lng': buyer.lng } : {}),
});
const ready = (m: Mounted) => settled(m, () => m.of('safetrade-suggest').length > 0 || m.of('safetrade-error').length > 0);
const distanceLine = (el: Element) => shadow(el).querySelector('[part~="expanded"] [part~="distance"]')!.textContent!.trim();
const stationDataset = (stations: object[]) => ({ format: 'safetrade-stations', version: 1, stations });
const jsonResponse = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
let unique = 0;
const freshUrl = (path: string) => `${path}?case=${++unique}-${Date.now()}`;

afterEach(() => {
  sinon.restore();
  cleanup();
});

describe('<safetrade-meetup> suggestions', () => {
  it('suggests the fairest NYPD station for a Lower East Side seller and a Midtown buyer', async () => {
    const m = await mount(positions(), { stations: nyc });
    await ready(m);
    expect(suggestionIds(m.el)).to.deep.equal(['nypd-pct-013', 'nypd-td-04', 'nypd-pct-006']);
    const best = shadow(m.el).querySelector('[part~="suggestion"]')!;
    expect(best.getAttribute('part')).to.include('best');
    expect(best.textContent).to.include('NYPD 13th Precinct');
    expect(best.textContent).to.include('230 East 21st Street');
    expect(lastSuggest(m)!.mode).to.equal('fair');
    expect(lastSuggest(m)!.suggestions.map((s) => s.station.id)).to.deep.equal(suggestionIds(m.el));
  });

  it('loads the dataset from stations-src and reports how many stations are usable', async () => {
    const shipped = await (await fetch('/dist/stations.json')).json();
    const m = await mount({ ...positions(), 'stations-src': '/dist/stations.json' });
    await ready(m);
    expect(m.of('safetrade-ready').map((e) => e.detail)).to.deep.equal([{ stations: shipped.stations.length, rejected: 0 }]);
    expect(suggestionIds(m.el)[0]).to.equal('nypd-pct-013');
  });

  it('accepts a bare array of stations in the stations property', async () => {
    const m = await mount(positions(), { stations: nyc.stations.slice(0, 10) });
    await ready(m);
    expect(m.of('safetrade-ready')[0]!.detail).to.deep.equal({ stations: 10, rejected: 0 });
    expect(suggestionIds(m.el)).to.have.length(3);
  });

  it('shows the buyer their own distance and the seller’s only roughly, in half-mile steps', async () => {
    const m = await mount({ ...positions(), locale: 'en-US' }, { stations: nyc });
    await ready(m);
    // 13th Precinct: 2.369 km = 1.47 mi from the buyer; 2.437 km = 1.51 mi from the seller's cell centre.
    expect(distanceLine(m.el)).to.equal('1.5 mi from you · about 1.5 mi for the seller');
    // Open each alternative as the card: the seller's distance is always a multiple of 0.5 mi.
    for (const id of suggestionIds(m.el)) {
      const row = shadow(m.el).querySelector(`[data-station-id="${id}"] [part~="show"]`) as HTMLButtonElement | null;
      row?.click();
      await m.el.updateComplete;
      const coarse = /about ([\d.]+) mi for the seller/.exec(distanceLine(m.el))![1]!;
      expect((Number(coarse) * 2) % 1, `${id}: ${coarse}`).to.equal(0);
    }
  });

  it('for a seller viewer, shows the seller’s distance and the buyer’s roughly', async () => {
    const m = await mount({ ...positions(), locale: 'en-US', viewer: 'seller' }, { stations: nyc });
    await ready(m);
    // The buyer enters as its cell's centre (40.755, -73.985), so the fairest is the Union Square
    // station: 2.293 km = 1.42 mi from the seller, 2.266 km = 1.41 mi from the buyer's centre.
    expect(suggestionIds(m.el)[0]).to.equal('nypd-td-04');
    expect(distanceLine(m.el)).to.equal('1.4 mi from you · about 1.5 mi for the buyer');
  });

  it('with no buyer, ranks by the listing and shows only a rough distance from it', async () => {
    const m = await mount({ ...positions(LOWER_EAST_SIDE, null), locale: 'en-US' }, { stations: nyc });
    await ready(m);
    expect(suggestionIds(m.el)).to.deep.equal(['nypd-pct-007', 'nypd-pct-005', 'nypd-psa-4']);
    expect(distanceLine(m.el)).to.equal('about 0.5 mi from the listing');
    expect(shadow(m.el).querySelector('[part~="locate"]')).to.exist;
  });

  it('uses kilometres where the locale does, and miles for en-GB', async () => {
    const m = await mount({ ...positions(), locale: 'fr-FR' }, { stations: nyc });
    await ready(m);
    expect(distanceLine(m.el)).to.match(/^2,4\s?km/);
    m.el.locale = 'en-GB';
    await m.el.updateComplete;
    expect(distanceLine(m.el)).to.match(/^1\.5 mi/);
    m.el.setAttribute('units', 'km');
    await m.el.updateComplete;
    expect(distanceLine(m.el)).to.match(/^2\.4 km/);
  });

  it('with a locale that has no region, lets the station’s country choose the unit', async () => {
    const m = await mount({ ...positions(), locale: 'de' }, { stations: nyc });
    await ready(m);
    expect(distanceLine(m.el)).to.match(/mi/);
  });
});

describe('<safetrade-meetup> reacts to every attribute change', () => {
  it('re-ranks when mode, limit, max-distance-km and positions change, firing safetrade-suggest each time', async () => {
    const m = await mount(positions(), { stations: nyc });
    await ready(m);
    const count = () => m.of('safetrade-suggest').length;
    const before = count();

    m.el.setAttribute('mode', 'total');
    await m.el.updateComplete;
    // From the seller's cell centre (40.715, -73.985): 2.437 + 2.369 km beats the 7th Precinct's 0.184 + 4.636.
    expect(suggestionIds(m.el)[0]).to.equal('nypd-pct-013');
    expect(suggestionIds(m.el)[2]).to.equal('nypd-pct-007');
    expect(lastSuggest(m)!.mode).to.equal('total');

    m.el.setAttribute('mode', 'buyer');
    await m.el.updateComplete;
    expect(suggestionIds(m.el)[0]).to.equal('nypd-pct-018');

    m.el.setAttribute('limit', '5');
    await m.el.updateComplete;
    expect(suggestionIds(m.el)).to.have.length(5);

    m.el.setAttribute('max-distance-km', '1');
    await m.el.updateComplete;
    expect(suggestionIds(m.el)).to.deep.equal([]);
    expect(alertText(m.el)).to.include('no safe-trade station near enough');

    m.el.removeAttribute('max-distance-km');
    m.el.setAttribute('buyer-lat', UNION_SQUARE.lat);
    m.el.setAttribute('buyer-lng', UNION_SQUARE.lng);
    await m.el.updateComplete;
    expect(suggestionIds(m.el)[0]).to.equal('nypd-td-04'); // buyer mode: the Union Square station
    expect(alertText(m.el)).to.equal(null);

    m.el.removeAttribute('buyer-lat');
    m.el.removeAttribute('buyer-lng');
    m.el.removeAttribute('mode');
    await m.el.updateComplete;
    expect(suggestionIds(m.el).slice(0, 1)).to.deep.equal(['nypd-pct-007']);
    expect(count() - before).to.equal(6);
  });

  it('switches dataset when stations-src changes', async () => {
    const m = await mount({ ...positions(), 'stations-src': '/dist/stations.json' });
    await ready(m);
    m.el.stations = stationDataset([{ id: 'only-one', name: 'Only One', address: '1 Main St', country: 'US', lat: 40.73, lng: -73.99 }]);
    await settled(m, () => suggestionIds(m.el)[0] === 'only-one');
    expect(suggestionIds(m.el)).to.deep.equal(['only-one']);
  });
});

describe('<safetrade-meetup> errors: each shows a visible alert and fires safetrade-error', () => {
  const expectError = async (m: Mounted, code: string, message: RegExp, visible: RegExp) => {
    await settled(m, () => m.of('safetrade-error').some((e) => e.detail.code === code), `no ${code} error`);
    const event = m.of('safetrade-error').find((e) => e.detail.code === code)!;
    expect(event.detail.message).to.match(message);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(alertText(m.el)).to.match(visible);
    expect(suggestionIds(m.el)).to.deep.equal([]);
  };

  it('location-invalid for a seller-lat that is not a number', async () => {
    const m = await mount({ ...positions(), 'seller-lat': 'forty' }, { stations: nyc });
    await expectError(m, 'location-invalid', /seller-lat must be a number from -90 to 90 \(got "forty"\)/, /location given to this widget is not valid/);
    expect(m.of('safetrade-suggest')).to.have.length(0);
  });

  it('location-invalid for an empty attribute, never read as 0', async () => {
    const m = await mount({ ...positions(), 'seller-lng': '' }, { stations: nyc });
    await expectError(m, 'location-invalid', /seller-lng must be a number from -180 to 180 \(got ""\)/, /not valid/);
  });

  it('location-invalid for a latitude out of range', async () => {
    const m = await mount({ ...positions(), 'buyer-lat': '91' }, { stations: nyc });
    await expectError(m, 'location-invalid', /buyer-lat must be a number from -90 to 90 \(got "91"\)/, /not valid/);
  });

  it('location-invalid for a buyer-lat without buyer-lng', async () => {
    const m = await mount({ ...positions(LOWER_EAST_SIDE, null), 'buyer-lat': '40.7' }, { stations: nyc });
    await expectError(m, 'location-invalid', /buyer-lng is missing/, /not valid/);
  });

  it('location-invalid, then recovers when the attribute is fixed', async () => {
    const m = await mount({ ...positions(), 'seller-lat': 'x' }, { stations: nyc });
    await settled(m, () => m.of('safetrade-error').length > 0);
    m.el.setAttribute('seller-lat', LOWER_EAST_SIDE.lat);
    await m.el.updateComplete;
    expect(alertText(m.el)).to.equal(null);
    expect(suggestionIds(m.el)[0]).to.equal('nypd-pct-013');
  });

  it('dataset-fetch for a dataset that is not there (HTTP 404)', async () => {
    const m = await mount({ ...positions(), 'stations-src': '/test/fixtures/datasets/missing.json' });
    await expectError(m, 'dataset-fetch', /missing\.json: HTTP 404/, /could not be loaded/);
    expect(shadow(m.el).querySelector('[role="alert"] button')!.textContent).to.equal('Try again');
  });

  it('dataset-fetch for a network failure that outlasts the automatic retry, and "Try again" recovers', async () => {
    const url = freshUrl('/dist/stations.json');
    const realFetch = window.fetch.bind(window);
    const stub = sinon.stub(window, 'fetch');
    stub.onFirstCall().rejects(new TypeError('Failed to fetch'));
    stub.onSecondCall().rejects(new TypeError('Failed to fetch'));
    stub.callsFake((input, init) => realFetch(input, init));
    const m = await mount({ ...positions(), 'stations-src': url });
    await expectError(m, 'dataset-fetch', /Failed to fetch/, /could not be loaded/);
    (shadow(m.el).querySelector('[role="alert"] button') as HTMLButtonElement).click();
    await settled(m, () => suggestionIds(m.el).length === 3);
    expect(alertText(m.el)).to.equal(null);
  });

  it('dataset-fetch for a stations-src that is not http(s)', async () => {
    const m = await mount({ ...positions(), 'stations-src': 'javascript:alert(1)' });
    await expectError(m, 'dataset-fetch', /stations-src must be an http\(s\) URL/, /could not be loaded/);
  });

  for (const [file, message] of [
    ['not-json.json', /not-json\.json is not JSON: it looks like HTML/],
    [
      'truncated.json',
      /truncated\.json is not valid JSON \(application\/json[^)]*\); it may be cut short: it stops after 65 bytes without a closing "}"\. The browser says: /,
    ],
    ['wrong-format.json', /"format" must be "safetrade-stations" \(got "geojson"\)/],
    ['no-usable.json', /has no usable station \(2 rejected; first at index 0: lat: must be a number/],
  ] as const) {
    it(`dataset-invalid for ${file}`, async () => {
      const m = await mount({ ...positions(), 'stations-src': `/test/fixtures/datasets/${file}` });
      await expectError(m, 'dataset-invalid', message, /damaged/);
      expect(m.of('safetrade-ready')).to.have.length(0);
    });
  }

  it('dataset-invalid for a stations property that is not a dataset', async () => {
    const m = await mount(positions(), { stations: { hello: 'world' } });
    await expectError(m, 'dataset-invalid', /the stations property is not a safetrade-stations dataset/, /damaged/);
  });

  it('no-station when no station is within max-distance-km of both parties', async () => {
    const m = await mount({ ...positions(), 'buyer-lat': '42.6526', 'buyer-lng': '-73.7562' }, { stations: nyc });
    await expectError(m, 'no-station', /within 40 km of both the seller and the buyer/, /no safe-trade station near enough/);
    expect(lastSuggest(m)!.suggestions).to.deep.equal([]);
  });

  it('option-invalid for an unknown mode: warns once, says so, and ranks with the default', async () => {
    const warn = sinon.stub(console, 'warn');
    const m = await mount({ ...positions(), mode: 'closest' }, { stations: nyc });
    await ready(m);
    expect(m.of('safetrade-error').map((e) => e.detail.code)).to.deep.equal(['option-invalid']);
    expect(m.of('safetrade-error')[0]!.detail.message).to.match(/mode must be one of fair, total, buyer \(got "closest"\)/);
    expect(alertText(m.el)).to.match(/option it does not know/);
    expect(suggestionIds(m.el)[0]).to.equal('nypd-pct-013');
    expect(warn.callCount).to.equal(1);
  });

  for (const [attr, value] of [
    ['limit', '0'],
    ['limit', '21'],
    ['limit', '2.5'],
    ['max-distance-km', '-3'],
    ['units', 'furlongs'],
    ['viewer', 'admin'],
  ] as const) {
    it(`option-invalid for ${attr}="${value}"`, async () => {
      sinon.stub(console, 'warn');
      const m = await mount({ ...positions(), [attr]: value }, { stations: nyc });
      await ready(m);
      const error = m.of('safetrade-error').find((e) => e.detail.code === 'option-invalid');
      expect(error!.detail.message).to.include(`"${value}"`);
      expect(suggestionIds(m.el).length).to.be.greaterThan(0);
    });
  }
});

describe('<safetrade-meetup> location from the viewer', () => {
  it('asks for geolocation only after a click, then ranks for both parties', async () => {
    const geo = sinon
      .stub(navigator.geolocation, 'getCurrentPosition')
      .callsFake((ok) => ok({ coords: { latitude: 40.758, longitude: -73.9855, accuracy: 30 } } as GeolocationPosition));
    const m = await mount(positions(LOWER_EAST_SIDE, null), { stations: nyc });
    await ready(m);
    expect(geo.called).to.equal(false);
    (shadow(m.el).querySelector('[part~="locate"]') as HTMLButtonElement).click();
    await settled(m, () => suggestionIds(m.el)[0] === 'nypd-pct-013');
    expect(geo.calledOnce).to.equal(true);
    expect(shadow(m.el).querySelector('[part~="locate"]')).to.equal(null);
    expect(m.el.hasAttribute('buyer-lat')).to.equal(false); // the position is never written back to the page
  });

  it('a seller viewing without a listing position gets "Use my location", which fills the seller', async () => {
    const geo = sinon
      .stub(navigator.geolocation, 'getCurrentPosition')
      .callsFake((ok) => ok({ coords: { latitude: 40.715, longitude: -73.9843, accuracy: 30 } } as GeolocationPosition));
    const m = await mount({ 'buyer-lat': MIDTOWN.lat, 'buyer-lng': MIDTOWN.lng, viewer: 'seller' }, { stations: nyc });
    await m.el.updateComplete;
    expect(suggestionIds(m.el)).to.deep.equal([]);
    const locate = shadow(m.el).querySelector<HTMLButtonElement>('[part~="locate"]');
    expect(locate, 'a seller with no position is offered their location').to.exist;
    expect(geo.called).to.equal(false);
    locate!.click();
    await settled(m, () => suggestionIds(m.el).length === 3);
    expect(geo.calledOnce).to.equal(true);
    // The seller is the viewer: used as given; the buyer (the other party) only as its cell centre.
    expect(lastSuggest(m)!.suggestions).to.have.length(3);
    expect(m.el.hasAttribute('seller-lat')).to.equal(false);
  });

  for (const [code, geoCode, visible] of [
    ['geolocation-denied', 1, /did not share your location/],
    ['geolocation-unavailable', 2, /could not be found/],
    ['geolocation-unavailable', 3, /could not be found/],
  ] as const) {
    it(`${code} (GeolocationPositionError code ${geoCode}) keeps the widget usable`, async () => {
      sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((_ok, fail) => fail!({ code: geoCode, message: '' } as GeolocationPositionError));
      const m = await mount(positions(LOWER_EAST_SIDE, null), { stations: nyc });
      await ready(m);
      (shadow(m.el).querySelector('[part~="locate"]') as HTMLButtonElement).click();
      await settled(m, () => m.of('safetrade-error').some((e) => e.detail.code === code));
      expect(alertText(m.el)).to.match(visible);
      expect(suggestionIds(m.el)).to.have.length(3);
      expect(shadow(m.el).querySelector('[part~="locate"]')).to.exist;
    });
  }
});

describe('<safetrade-meetup> the latest inputs always win', () => {
  it('never lets an older, slower fetch overwrite a newer dataset', async () => {
    const slowUrl = freshUrl('/slow.json');
    const fastUrl = freshUrl('/fast.json');
    const slow = stationDataset([{ id: 'from-slow', name: 'Slow', address: '1 St', country: 'US', lat: 40.72, lng: -73.99 }]);
    let releaseSlow!: () => void;
    sinon.stub(window, 'fetch').callsFake(async (input) => {
      if (String(input).includes('slow')) {
        await new Promise<void>((resolve) => (releaseSlow = resolve));
        return jsonResponse(slow);
      }
      return jsonResponse(nyc);
    });
    const m = await mount({ ...positions(), 'stations-src': slowUrl });
    m.el.setAttribute('stations-src', fastUrl);
    await settled(m, () => suggestionIds(m.el).length === 3);
    releaseSlow();
    await new Promise((r) => setTimeout(r, 50));
    await m.el.updateComplete;
    expect(suggestionIds(m.el)[0]).to.equal('nypd-pct-013');
    expect(m.of('safetrade-suggest').every((e) => e.detail.suggestions[0].station.id !== 'from-slow')).to.equal(true);
    expect(m.of('safetrade-ready')).to.have.length(1);
  });

  it('ends in the state of the last of many rapid attribute changes', async () => {
    const m = await mount(positions(), { stations: nyc });
    await ready(m);
    const modes = ['total', 'buyer', 'fair'] as const;
    for (let i = 0; i < 100; i++) {
      m.el.setAttribute('mode', modes[i % 3]!);
      m.el.setAttribute('limit', String((i % 20) + 1));
    }
    await m.el.updateComplete;
    // i = 99: mode total (99 % 3 = 0), limit 20.
    expect(lastSuggest(m)!.mode).to.equal('total');
    expect(suggestionIds(m.el)).to.have.length(20);
    expect(suggestionIds(m.el).slice(0, 3)).to.deep.equal(['nypd-pct-013', 'nypd-pct-009', 'nypd-pct-007']);
  });
});

describe('<safetrade-meetup> actions', () => {
  it('"Suggest this station" fires safetrade-select with that suggestion', async () => {
    const m = await mount(positions(), { stations: nyc });
    await ready(m);
    // An alternative shows its actions once opened.
    (shadow(m.el).querySelectorAll('[part~="suggestion"]')[1]!.querySelector('[part~="show"]') as HTMLButtonElement).click();
    await m.el.updateComplete;
    const second = shadow(m.el).querySelectorAll('[part~="suggestion"]')[1]!;
    (second.querySelector('[part~="select"]') as HTMLButtonElement).click();
    const [event] = m.of('safetrade-select');
    expect(event!.detail.suggestion.station.id).to.equal('nypd-td-04');
    expect(event!.detail.suggestion.buyerKm).to.be.a('number');
  });

  it('"Copy message" copies a message with the station and directions, and no one’s location', async () => {
    const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
    const m = await mount(positions(), { stations: nyc });
    await ready(m);
    (shadow(m.el).querySelector('[part~="share"]') as HTMLButtonElement).click();
    await settled(m, () => m.of('safetrade-share').length === 1);
    const { text, suggestion, method } = m.of('safetrade-share')[0]!.detail;
    expect(method).to.equal('clipboard');
    expect(write.calledOnceWith(text)).to.equal(true);
    expect(suggestion.station.id).to.equal('nypd-pct-013');
    expect(text).to.include('NYPD 13th Precinct');
    expect(text).to.include('230 East 21st Street');
    expect(text).to.include(`destination=${PCT_13.lat},${PCT_13.lng}`);
    for (const coordinate of [LOWER_EAST_SIDE.lat, LOWER_EAST_SIDE.lng, MIDTOWN.lat, MIDTOWN.lng, '40.715', '40.758']) {
      expect(text).not.to.include(coordinate);
    }
    expect(shadow(m.el).querySelector('[part~="status"]')!.textContent).to.include('Message copied');
  });

  it('shows the message to copy by hand when the clipboard is refused', async () => {
    sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('denied', 'NotAllowedError'));
    const m = await mount(positions(), { stations: nyc });
    await ready(m);
    (shadow(m.el).querySelector('[part~="share"]') as HTMLButtonElement).click();
    await settled(m, () => m.of('safetrade-share').length === 1);
    const textarea = shadow(m.el).querySelector('textarea')!;
    expect(textarea.value).to.equal(m.of('safetrade-share')[0]!.detail.text);
    expect(m.of('safetrade-share')[0]!.detail.method).to.equal('manual');
  });

  it('links directions to the station only, in a new tab without a referrer', async () => {
    const m = await mount(positions(), { stations: nyc });
    await ready(m);
    const link = shadow(m.el).querySelector('a[part~="directions"]') as HTMLAnchorElement;
    expect(link.protocol).to.equal('https:');
    expect(link.href).to.include(`${PCT_13.lat},${PCT_13.lng}`);
    expect(link.href).not.to.include('40.715');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
  });
});

describe('<safetrade-meetup> accessibility', () => {
  it('is accessible with suggestions', async () => {
    const m = await mount(positions(), { stations: nyc });
    await ready(m);
    await expect(m.el).to.be.accessible();
  });

  it('is accessible while loading and announces it politely', async () => {
    sinon.stub(window, 'fetch').callsFake(() => new Promise(() => {}));
    const m = await mount({ ...positions(), 'stations-src': freshUrl('/never.json') });
    const status = shadow(m.el).querySelector('[role="status"]')!;
    expect(status.textContent).to.include('Finding safe meeting spots');
    // Nothing below the status line while loading: the answer then grows the widget downwards
    // without moving anything already drawn (layout shift 0 when the host reserves the height).
    expect(shadow(m.el).querySelector('[part~="safety"], [part~="tips"], [part~="locate"]')).to.equal(null);
    await expect(m.el).to.be.accessible();
  });

  it('is accessible when showing an error', async () => {
    const m = await mount({ ...positions(), 'seller-lat': 'x' }, { stations: nyc });
    await ready(m);
    await expect(m.el).to.be.accessible();
  });

  it('is accessible with no buyer and the locate button', async () => {
    const m = await mount(positions(LOWER_EAST_SIDE, null), { stations: nyc });
    await ready(m);
    await expect(m.el).to.be.accessible();
  });
});
