// The ESM build as a bundler-less page would use it (bare `lit` resolved by the test server,
// as an import map or a bundler would), next to the script-tag build.
import { expect, waitUntil } from '@open-wc/testing';

describe('dist/index.js (ESM) with the script-tag build on the same page', () => {
  it('defines the element, exports the core, and tolerates the IIFE loading too', async () => {
    const entry = '/dist/index.js';
    const mod = await import(/* @vite-ignore */ entry);
    expect(customElements.get('safetrade-meetup')).to.equal(mod.SafeTradeMeetupElement);
    expect(mod.rankStations).to.be.a('function');
    const errors: ErrorEvent[] = [];
    window.addEventListener('error', (e) => errors.push(e));
    await new Promise<void>((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src: '/dist/safetrade-meetup.js', onload: resolve, onerror: reject });
      document.head.append(script);
    });
    expect(errors).to.deep.equal([]);
    expect((window as unknown as { SafeTradeMeetup: { version: string } }).SafeTradeMeetup.version).to.equal(mod.VERSION);
  });

  it('finds its default dataset beside dist/index.js', async () => {
    const el = document.createElement('safetrade-meetup');
    el.setAttribute('seller-lat', '41.8837');
    el.setAttribute('seller-lng', '-87.6278'); // Chicago Loop
    let first: { station: { id: string } } | undefined;
    el.addEventListener('safetrade-suggest', (e) => (first = (e as CustomEvent).detail.suggestions[0]));
    document.body.append(el);
    await waitUntil(() => first, 'no suggestion', { timeout: 15000 });
    expect(first!.station.id).to.match(/^us-il-chicago-cpd-/);
  });

  // The production build rewrites the source's `@property() accessor` declarations into Lit's
  // `static properties` (scripts/lit-static-properties.mjs): what a page sees must not change.
  it('keeps the attribute names, number conversion, reflection and defaults of every property in the build', async () => {
    const ctor = customElements.get('safetrade-meetup') as unknown as { observedAttributes: string[] };
    expect([...ctor.observedAttributes].sort()).to.deep.equal(
      [
        'buyer-lat',
        'buyer-lng',
        'limit',
        'locale',
        'map-tiles',
        'max-distance-km',
        'meet-at',
        'mode',
        'seller-lat',
        'seller-lng',
        'stations-integrity',
        'stations-src',
        'theme',
        'units',
        'variant',
        'viewer',
      ].sort(),
    );
    const el = document.createElement('safetrade-meetup');
    const props = el as unknown as Record<string, unknown>;
    const defaults = { viewer: 'buyer', mode: 'fair', limit: 3, maxDistanceKm: 40, units: 'auto', variant: 'card', theme: 'auto' };
    expect(Object.fromEntries(Object.keys(defaults).map((k) => [k, props[k]]))).to.deep.equal(defaults);
    // An own field would shadow Lit's accessor and silently stop re-rendering.
    const reactive = [
      ...Object.keys(defaults),
      'sellerLat',
      'sellerLng',
      'buyerLat',
      'buyerLng',
      'stationsSrc',
      'stationsIntegrity',
      'locale',
      'meetAt',
      'mapTiles',
      'stations',
      'geocoder',
      '_notice',
      '_manualShare',
      '_expanded',
      '_reported',
    ];
    expect(reactive.filter((k) => Object.prototype.hasOwnProperty.call(el, k))).to.deep.equal([]);
    el.setAttribute('max-distance-km', '12.5');
    el.setAttribute('seller-lat', '41.8837');
    el.setAttribute('stations-src', '/dist/stations.json');
    el.setAttribute('meet-at', '2026-05-01T18:00');
    document.body.append(el);
    await el.updateComplete;
    expect([el.maxDistanceKm, el.sellerLat, el.stationsSrc, el.meetAt]).to.deep.equal([12.5, 41.8837, '/dist/stations.json', '2026-05-01T18:00']);
    expect([el.getAttribute('variant'), el.getAttribute('theme')]).to.deep.equal(['card', 'auto']);
    el.variant = 'compact';
    el.theme = 'dark';
    await el.updateComplete;
    expect([el.getAttribute('variant'), el.getAttribute('theme')]).to.deep.equal(['compact', 'dark']);
    el.remove();
  });
});
