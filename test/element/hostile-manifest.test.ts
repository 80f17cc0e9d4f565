// A small tile manifest declaring millions of tiles used to freeze the page (1M tiles: 0.8 s and
// 216 MB; 16M: a hung tab). Now the widget counts what the tree declares before building
// anything, and shows dataset-invalid with the numbers. (How long the longest task is, is
// measured by `node bench/hostile.mjs`, not asserted here.)
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { alertText, cleanup, LOWER_EAST_SIDE, MIDTOWN, mount, settled, suggestionIds } from './helpers.js';

const positions = { 'seller-lat': LOWER_EAST_SIDE.lat, 'seller-lng': LOWER_EAST_SIDE.lng, 'buyer-lat': MIDTOWN.lat, 'buyer-lng': MIDTOWN.lng, locale: 'en-US' };
const fmt = (n: number) => n.toLocaleString('en-US');

/** A complete quadtree `levels` deep as a manifest: every cell split, then every quarter a tile (4^levels tiles). */
function hostileManifest(levels: number) {
  const splitCells = (4 ** levels - 1) / 3;
  const lastLevel = 4 ** (levels - 1);
  const tree = '?'.repeat(splitCells - lastLevel) + 'e'.repeat(lastLevel);
  const body = JSON.stringify({
    format: 'safetrade-stations-tiles',
    version: 2,
    stations: 4 ** levels,
    maxPerTile: 128,
    build: 'c0ffee',
    url: 'tiles/{id}.json',
    tree,
  });
  return { body, tiles: 4 ** levels, splitCells };
}

afterEach(() => {
  sinon.restore();
  cleanup();
});

describe('a manifest declaring millions of tiles', () => {
  for (const levels of [10, 11, 12]) {
    const { body, tiles, splitCells } = hostileManifest(levels);
    it(`shows dataset-invalid with the numbers for ${fmt(tiles)} tiles in a ${(body.length / 1e6).toFixed(1)} MB manifest, and requests no tile`, async () => {
      const url = `${location.origin}/hostile-manifest/${levels}/manifest.json`;
      const fetch = sinon.stub(window, 'fetch').callsFake(async () => new Response(body, { headers: { 'content-type': 'application/json' } }));
      const m = await mount({ ...positions, 'stations-src': url });
      await settled(m, () => m.of('safetrade-error').length > 0, 'no error');
      expect(m.of('safetrade-error').map((e) => e.detail)).to.deep.equal([
        {
          code: 'dataset-invalid',
          message: `${url} is not a valid tile manifest: tree declares ${fmt(tiles)} tiles in ${fmt(splitCells)} split cells, over the limit of 65,536 tiles and 65,536 split cells (rebuild with a larger maxPerTile)`,
        },
      ]);
      expect(alertText(m.el)).to.include(`tree declares ${fmt(tiles)} tiles`);
      expect(suggestionIds(m.el)).to.deep.equal([]);
      expect(fetch.callCount, 'the manifest only').to.equal(1);
    });
  }
});
