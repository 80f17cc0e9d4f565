// map-tiles: real streets around the station, from the host's own tile server (here a local
// fixture). The tile requests are a function of the station alone: one zoom, the few tiles around
// it, the same whoever and wherever the buyer and seller are; none at all without the attribute.
import { expect, waitUntil } from '@open-wc/testing';
import { nyc } from '../fixtures/nyc.js';
import { alertText, cleanup, LOWER_EAST_SIDE, mapDrawn, MIDTOWN, mount, settled, shadow, UNION_SQUARE, type Mounted } from './helpers.js';

const PCT_13 = nyc.stations.find((s) => s.id === 'nypd-pct-013')!;
let unique = 0;
/** A template on the test server; `run` keeps each test's requests apart (and out of the cache). */
const fixture = (file = 'street.png') => `/test/fixtures/tiles/${file}?run=${++unique}-${Date.now()}&z={z}&x={x}&y={y}`;
const ready = (m: Mounted) => settled(m, () => m.of('safetrade-suggest').length > 0 || m.of('safetrade-error').length > 0);
const tileRequests = (template: string) => {
  const run = new URL(template, location.href).searchParams.get('run');
  return performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name))
    .filter((u) => u.searchParams.get('run') === run)
    .map((u) => ({ z: Number(u.searchParams.get('z')), x: Number(u.searchParams.get('x')), y: Number(u.searchParams.get('y')) }));
};
const images = (m: Mounted) => [...shadow(m.el).querySelectorAll('[part~="map"] image')].map((i) => i.getAttribute('href'));
/** The station's own tile at zoom 16, worked out here from the slippy-map formulas. */
const stationTile = (() => {
  const n = 2 ** 16;
  const lat = (PCT_13.lat * Math.PI) / 180;
  return { x: Math.floor(((PCT_13.lng + 180) / 360) * n), y: Math.floor(((1 - Math.asinh(Math.tan(lat)) / Math.PI) / 2) * n) };
})();

async function mountWide(attrs: Record<string, string>, stations: unknown = [PCT_13]): Promise<Mounted> {
  const m = await mount({ locale: 'en-US', ...attrs }, { stations });
  m.el.style.width = '720px';
  await ready(m);
  if (m.of('safetrade-suggest').length) await mapDrawn(m);
  return m;
}
const positions = (seller: { lat: string; lng: string }, buyer: { lat: string; lng: string }) => ({
  'seller-lat': seller.lat,
  'seller-lng': seller.lng,
  'buyer-lat': buyer.lat,
  'buyer-lng': buyer.lng,
});

afterEach(cleanup);

describe('map-tiles', () => {
  it('requests only the tiles around the station, all at one zoom, and the same ones wherever the buyer and seller are', async () => {
    const first = fixture();
    const a = await mountWide({ ...positions(LOWER_EAST_SIDE, MIDTOWN), 'map-tiles': first });
    await waitUntil(() => tileRequests(first).length === images(a).length && images(a).length > 0, 'tiles were not requested', { timeout: 15000 });
    const asked = tileRequests(first);
    expect(asked.length).to.be.within(2, 6);
    for (const t of asked) {
      expect(t.z).to.equal(16);
      expect(Math.abs(t.x - stationTile.x)).to.be.at.most(1);
      expect(Math.abs(t.y - stationTile.y)).to.be.at.most(1);
    }
    expect(asked).to.deep.include({ z: 16, ...stationTile });
    // The template is checked by the map's code, which comes after the first suggestion: its
    // arrival draws the tiles and is not news for the host (one safetrade-suggest, no error).
    expect(a.of('safetrade-suggest')).to.have.length(1);
    expect(a.of('safetrade-error')).to.have.length(0);

    // Other people, elsewhere (the seller 3 km away, a viewer on another street): the same tiles.
    const second = fixture();
    const b = await mountWide({ ...positions(UNION_SQUARE, { lat: '40.7420', lng: '-73.9700' }), viewer: 'seller', 'map-tiles': second });
    await waitUntil(() => tileRequests(second).length === images(b).length && images(b).length > 0, 'tiles were not requested', { timeout: 15000 });
    const key = (t: { z: number; x: number; y: number }) => `${t.z}/${t.x}/${t.y}`;
    expect(tileRequests(second).map(key).sort()).to.deep.equal(asked.map(key).sort());
  });

  it('requests no tile at all without the attribute', async () => {
    const before = performance.getEntriesByType('resource').length;
    const m = await mountWide(positions(LOWER_EAST_SIDE, MIDTOWN));
    await new Promise((r) => setTimeout(r, 100));
    expect(images(m)).to.deep.equal([]);
    const after = performance
      .getEntriesByType('resource')
      .slice(before)
      .map((e) => e.name);
    expect(after.filter((n) => n.includes('/tiles/'))).to.deep.equal([]);
  });

  it('draws the station in the middle of the streets, and points to whoever is off them', async () => {
    const m = await mountWide({ ...positions(LOWER_EAST_SIDE, MIDTOWN), 'map-tiles': fixture() });
    const map = shadow(m.el).querySelector('[part~="map"]')!;
    expect(map.getAttribute('aria-label')).to.match(/^Map of NYPD 13th Precinct: /);
    const station = map.querySelector('.map-station')!.getBoundingClientRect();
    const box = map.getBoundingClientRect();
    expect(station.left + station.width / 2 - box.left).to.be.closeTo(box.width / 2, 2);
    // Both people are kilometres away at street zoom: arrows on the edge, labelled.
    expect(map.querySelector('.map-you-arrow')).to.exist;
    expect(map.querySelector('.map-other-arrow')).to.exist;
    expect([...map.querySelectorAll('text')].map((t) => t.textContent)).to.include.members(['You', 'Around the seller', 'North']);
  });

  it('falls back to the schematic map when the tile server fails', async () => {
    const broken = fixture('missing.png');
    const m = await mountWide({ ...positions(LOWER_EAST_SIDE, MIDTOWN), 'map-tiles': broken });
    await waitUntil(() => images(m).length === 0, 'the broken tiles stayed', { timeout: 15000 });
    const map = shadow(m.el).querySelector('[part~="map"]')!;
    expect(map.querySelector('.map-station')).to.exist;
    expect(map.querySelector('.map-you')).to.exist;
    expect(map.querySelector('rect.map-other')).to.exist;
    expect(alertText(m.el)).to.equal(null); // the widget works on: nothing for the buyer to fix
    expect(m.of('safetrade-error')).to.have.length(0);
  });

  for (const [bad, why] of [
    ['javascript:alert(1)//{z}/{x}/{y}', 'it is not an http(s) URL'],
    ['https://tiles.example/{z}/{x}.png', 'it has no {y}'],
    ['https://{s}.tiles.example/{z}/{x}/{y}.png', 'not {s}'],
  ] as const) {
    it(`rejects the template ${JSON.stringify(bad)} as option-invalid, quoting it, and draws no tiles`, async () => {
      const m = await mountWide({ ...positions(LOWER_EAST_SIDE, MIDTOWN), 'map-tiles': bad });
      // Checked by the map's code, which comes after the first suggestion: the error comes with it.
      const found = () => m.of('safetrade-error').find((e) => e.detail.code === 'option-invalid');
      await waitUntil(found, 'no option-invalid error', { timeout: 15000 });
      const error = found()!;
      expect(error.detail.message).to.include(JSON.stringify(bad));
      expect(error.detail.message).to.include(why);
      expect(images(m)).to.deep.equal([]);
      expect(shadow(m.el).querySelector('[part~="map"] .map-station')).to.exist;
    });
  }
});
