// Issue 12, items 1, 2 and 5, tried as an attacker would against the built dist/safetrade-meetup.js:
// a buyer who types positions into the host's place box and reads only the rendered card, and a
// tile host that reads only which tiles are fetched. Contract v1.1: the best either can recover
// is the centre of the other party's 0.01° cell.
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { buildTiles, cellCenter, distanceKm } from '../../src/core/index.js';
import type { Station } from '../../src/core/types.js';
import { nyc } from '../fixtures/nyc.js';
import { random } from '../fixtures/random.js';
// @ts-expect-error: plain JS shared with bench/privacy.mjs, no types.
import { mountListing, trilaterateFair, trilaterateTotal } from '../../bench/attack.js';
import { addScript } from './global.js';

type Listing = HTMLElement & { suggestDetails: string[]; typed: string[]; updateComplete: Promise<boolean> };

// One cell of the Lower East Side, 40.72…40.73 × -73.99…-73.98, and two sellers near opposite
// corners of it, ~570 m from its centre and ~1.1 km from each other.
const CENTRE = { lat: 40.725, lng: -73.985 };
const SELLER_A = { lat: 40.7209, lng: -73.9891 };
const SELLER_B = { lat: 40.7291, lng: -73.9809 };

/** Every rendered state the attack saw, in order: the shadow root's HTML after each probe. */
function recordRenders(el: Listing): string[] {
  const seen: string[] = [];
  el.addEventListener('safetrade-suggest', () => el.updateComplete.then(() => seen.push(el.shadowRoot!.innerHTML)));
  return seen;
}

describe('the other party cannot be located more finely than its cell (built script, UI only)', () => {
  before(async () => {
    await addScript('/dist/safetrade-meetup.js');
    // The script tag is a loader: it fetches the widget's code once an element is near the
    // viewport (this one, in view), and defines it after that code has run.
    const first = document.createElement('safetrade-meetup');
    first.setAttribute('seller-lat', String(CENTRE.lat));
    first.setAttribute('seller-lng', String(CENTRE.lng));
    document.body.append(first);
    await customElements.whenDefined('safetrade-meetup');
    // The map's code comes after the first card is on screen; once it has, every card the attack
    // sees is drawn in full, so the renders compared below differ only by what the seller leaks.
    await waitUntil(() => first.shadowRoot?.querySelector('svg[part~="map"][role="img"]'), 'the map was never drawn', { timeout: 15000 });
  });
  afterEach(() => document.querySelectorAll('safetrade-meetup').forEach((n) => n.remove()));

  it('snaps the seller of the test to the cell whose centre the attack should find', () => {
    expect(cellCenter(SELLER_A)).to.deep.equal(CENTRE);
    expect(cellCenter(SELLER_B)).to.deep.equal(CENTRE);
    expect(distanceKm(SELLER_A, CENTRE)).to.be.above(0.5);
  });

  for (const [mode, attack] of [
    ['total', trilaterateTotal],
    ['fair', trilaterateFair],
  ] as const) {
    it(`mode="${mode}": two sellers in one cell look identical to every position the attacker types, so the attack finds the same point for both`, async function () {
      this.timeout(120_000);
      const stations = nyc.stations as Station[];
      const a = (await mountListing({ seller: SELLER_A, mode, stations })) as Listing;
      const b = (await mountListing({ seller: SELLER_B, mode, stations })) as Listing;
      const [rendersA, rendersB] = [recordRenders(a), recordRenders(b)];
      const foundA = await attack(a, stations);
      const foundB = await attack(b, stations);
      expect(foundA.probes).to.be.above(20);
      // The attacker's choices depend only on what it saw, so equal choices mean equal sights.
      expect(b.typed).to.deep.equal(a.typed);
      expect(rendersB).to.deep.equal(rendersA);
      expect(b.suggestDetails).to.deep.equal(a.suggestDetails);
      expect(foundB.estimate).to.deep.equal(foundA.estimate);
    });
  }

  it('mode="total": trilateration through the card recovers the cell centre, not the seller', async function () {
    this.timeout(120_000);
    const stations = nyc.stations as Station[];
    const el = await mountListing({ seller: SELLER_A, mode: 'total', stations });
    const { estimate, measured } = await trilaterateTotal(el, stations);
    expect(measured.length).to.equal(3);
    // Each distance the attack measures is the centre's, to within the probing resolution.
    for (const m of measured) expect(Math.abs(m.km - distanceKm(CENTRE, m.station))).to.be.below(0.005);
    expect(distanceKm(estimate, CENTRE)).to.be.below(0.05);
    expect(distanceKm(estimate, SELLER_A)).to.be.above(0.5);
  });

  it('viewer="seller": two buyers in one cell look identical wherever the seller is', async () => {
    const stations = nyc.stations as Station[];
    const mount = async (buyer: { lat: number; lng: number }) => {
      const el = (await mountListing({ seller: { lat: 40.7128, lng: -74.006 }, mode: 'fair', stations })) as Listing;
      el.setAttribute('viewer', 'seller');
      el.setAttribute('buyer-lat', String(buyer.lat));
      el.setAttribute('buyer-lng', String(buyer.lng));
      await el.updateComplete;
      return el;
    };
    const a = await mount(SELLER_A);
    const b = await mount(SELLER_B);
    // The seller's own position comes from the listing (attributes): move it, as a seller would.
    for (const seller of [
      { lat: 40.7128, lng: -74.006 },
      { lat: 40.7306, lng: -73.9866 },
      { lat: 40.758, lng: -73.9855 },
      { lat: 40.6782, lng: -73.9442 },
      { lat: 40.7246, lng: -73.9852 },
    ]) {
      for (const el of [a, b]) {
        el.setAttribute('seller-lat', String(seller.lat));
        el.setAttribute('seller-lng', String(seller.lng));
        await el.updateComplete;
      }
      expect(a.shadowRoot!.querySelectorAll('[part~="suggestion"]').length).to.be.above(0);
      expect(b.shadowRoot!.innerHTML).to.equal(a.shadowRoot!.innerHTML);
    }
    expect(b.suggestDetails).to.deep.equal(a.suggestDetails);
  });
});

describe('what a tile host learns about the other party (built script)', () => {
  // A dense city and a sparse country around it, as in test/element/tiles.test.ts.
  const r = random(5);
  const all: Station[] = Array.from({ length: 3000 }, (_, i) => {
    const city = r() < 0.6;
    return {
      id: `st-${i}`,
      name: `Station ${i}`,
      address: `${i} Main St`,
      country: 'US',
      lat: city ? 40.6 + r() * 0.3 : 30 + r() * 18,
      lng: city ? -74.1 + r() * 0.3 : -120 + r() * 45,
    };
  });
  const built = buildTiles(all, { maxPerTile: 32, attribution: ['Synthetic'] });
  let requested: string[] = [];
  before(async () => {
    await addScript('/dist/safetrade-meetup.js');
    document.body.append(document.createElement('safetrade-meetup')); // in view: the loader fetches the code
    await customElements.whenDefined('safetrade-meetup');
  });
  beforeEach(() => {
    // Every root /tiles-N/ serves the same tile set; each widget gets a fresh root, since the
    // tile cache is page-wide per URL and a second widget on one root would fetch nothing.
    const files = new Map<string, unknown>([['manifest.json', built.manifest]]);
    for (const t of built.tiles) files.set(`tiles/${t.id}.json`, t.dataset);
    const realFetch = window.fetch.bind(window);
    sinon.stub(window, 'fetch').callsFake(async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const path = /^[^?#]*\/tiles-\d+\/(.*)$/.exec(url)?.[1];
      if (path === undefined || !files.has(path)) return realFetch(input, init);
      requested.push(path);
      return new Response(JSON.stringify(files.get(path)), { headers: { 'content-type': 'application/json' } });
    });
  });
  afterEach(() => {
    sinon.restore();
    document.querySelectorAll('safetrade-meetup').forEach((n) => n.remove());
  });

  it('fetches the same tiles for two sellers anywhere in one cell, whatever the buyer’s position', async () => {
    let root = 0;
    const tilesFor = async (seller: { lat: number; lng: number }, buyer: { lat: number; lng: number }) => {
      requested = [];
      const el = document.createElement('safetrade-meetup');
      const events: CustomEvent[] = [];
      el.addEventListener('safetrade-suggest', (e) => events.push(e as CustomEvent));
      for (const [k, v] of Object.entries({
        'seller-lat': seller.lat,
        'seller-lng': seller.lng,
        'buyer-lat': buyer.lat,
        'buyer-lng': buyer.lng,
        'stations-src': `/tiles-${++root}/manifest.json`,
      }))
        el.setAttribute(k, String(v));
      document.body.append(el);
      const start = performance.now();
      while (!events.length && performance.now() - start < 15_000) await new Promise((r) => setTimeout(r, 10));
      el.remove();
      expect(events.length, 'no suggestions from the tiles').to.be.above(0);
      return { tiles: requested.filter((p) => p !== 'manifest.json').sort(), suggest: JSON.stringify(events.at(-1)!.detail) };
    };
    for (const buyer of [
      { lat: 40.758, lng: -73.9855 },
      { lat: 40.7306, lng: -73.9866 },
      { lat: 40.65, lng: -73.95 },
      { lat: 40.85, lng: -73.9 },
    ]) {
      const a = await tilesFor(SELLER_A, buyer);
      const b = await tilesFor(SELLER_B, buyer);
      expect(a.tiles.length).to.be.above(0);
      // Same tile ids, same suggestions and distances: the tile host and the page learn the cell only.
      expect(b).to.deep.equal(a);
    }
  });
});
