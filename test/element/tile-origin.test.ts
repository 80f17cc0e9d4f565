// A tile manifest cannot send the widget's requests to another origin: each tile URL is resolved
// as the browser resolves it, against the manifest's URL, and one that lands on another origin is
// refused with dataset-invalid before anything is fetched from it. The five templates are those
// that passed the old "relative path" check and reached another host.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { buildTiles, rankStations } from '../../src/core/index.js';
import { LoadError } from '../../src/element/data/index.js';
import { tileHref } from '../../src/element/data/tiles-source.js';
import { nyc } from '../fixtures/nyc.js';
import { alertText, cleanup, LOWER_EAST_SIDE, MIDTOWN, mount, settled, suggestionIds } from './helpers.js';

const ATTACKS = ['\\\\host/{id}.json', '/\\host/{id}.json', '\t//host/{id}.json', ' //host/{id}.json', '/\t/host/{id}.json'];
const BUILT = buildTiles(nyc.stations, { maxPerTile: 16 });
const positions = { 'seller-lat': LOWER_EAST_SIDE.lat, 'seller-lng': LOWER_EAST_SIDE.lng, 'buyer-lat': MIDTOWN.lat, 'buyer-lng': MIDTOWN.lng, locale: 'en-US' };

let run = 0;
let requested: string[];
/** Serves the NYC tile set under a fresh path of this page's origin, with `template` as its manifest's url; anything else is a 404. */
function serve(template: string): string {
  const root = `${location.origin}/tile-origin/${Date.now()}-${++run}/`;
  sinon.stub(window, 'fetch').callsFake(async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    requested.push(url);
    if (url === `${root}manifest.json`) return new Response(JSON.stringify({ ...BUILT.manifest, url: template }));
    const tile = BUILT.tiles.find((t) => url === new URL(template.replace('{id}', t.id), root).href);
    return tile ? new Response(JSON.stringify(tile.dataset)) : new Response('not found', { status: 404 });
  });
  return `${root}manifest.json`;
}

beforeEach(() => (requested = []));
afterEach(() => {
  sinon.restore();
  cleanup();
});

describe('tile urls stay on the manifest origin', () => {
  for (const template of ATTACKS) {
    it(`refuses the template ${JSON.stringify(template)}: dataset-invalid quoting it, and no request to another origin`, async () => {
      const m = await mount({ ...positions, 'stations-src': serve(template) });
      await settled(m, () => m.of('safetrade-error').length > 0, 'no error');
      const [error] = m.of('safetrade-error').map((e) => e.detail);
      expect(error.code).to.equal('dataset-invalid');
      expect(error.message).to.include(`its tile url ${JSON.stringify(template).replace(/\t/g, '\\u0009')} leads to another origin (http://host)`);
      expect(alertText(m.el)).to.include('leads to another origin');
      expect(suggestionIds(m.el)).to.deep.equal([]);
      // New positions (as after "Use my location" or a typed place) fetch nothing either.
      m.el.setAttribute('buyer-lat', '40.7359');
      m.el.setAttribute('buyer-lng', '-73.9911');
      await m.el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect(requested.every((u) => new URL(u).origin === location.origin)).to.equal(true);
      expect(requested.filter((u) => u.includes('host/'))).to.deep.equal([]);
    });
  }

  it('still loads tiles from a template that stays on the origin, even one going up a directory', async () => {
    for (const template of ['tiles/{id}.json', '../tile-origin-mirror/{id}.json', '/elsewhere/on/this/origin/{id}.json']) {
      const m = await mount({ ...positions, 'stations-src': serve(template) });
      const expected = rankStations(nyc.stations, { seller: { lat: 40.715, lng: -73.9843 }, buyer: { lat: 40.758, lng: -73.9855 } });
      await settled(m, () => suggestionIds(m.el).length === 3, `no suggestions with ${template}`);
      expect(suggestionIds(m.el)).to.deep.equal(expected.map((s) => s.station.id));
      expect(requested.some((u) => u.includes('.json') && !u.endsWith('manifest.json'))).to.equal(true);
      expect(requested.every((u) => new URL(u).origin === location.origin)).to.equal(true);
      sinon.restore();
      cleanup();
    }
  });
});

describe('tileHref', () => {
  const tile = BUILT.tiles[0]!;
  const manifest = 'https://data.example/sets/v3/manifest.json';
  const at = (template: string) => tileHref({ url: template.replace('{id}', tile.id) }, template, manifest);

  it('resolves a relative template against the manifest URL', () => {
    expect(at('tiles/{id}.json')).to.equal(`https://data.example/sets/v3/tiles/${tile.id}.json`);
    expect(at('../v2/{id}.json')).to.equal(`https://data.example/sets/v2/${tile.id}.json`);
  });

  it('refuses each template that the browser resolves to another host, naming that origin', () => {
    for (const template of ATTACKS) {
      const error = (() => {
        try {
          return at(template);
        } catch (e) {
          return e;
        }
      })();
      expect(error, template).to.be.instanceOf(LoadError);
      expect(error).to.include({ code: 'dataset-invalid' });
      expect((error as Error).message).to.match(
        /leads to another origin \(https:\/\/host\); tiles must come from https:\/\/data\.example, as the manifest does$/,
      );
    }
  });

  it('refuses a template the browser cannot resolve at all', () => {
    expect(() => at('http://[::1/{id}')).to.throw(LoadError, /leads nowhere/);
  });
});
