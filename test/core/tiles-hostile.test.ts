// A tile manifest cannot hurt the page: what it may declare is capped and checked from the tree
// string before anything is built, and a query walks the tree to the tiles near it instead of
// scanning them all, finding exactly the tiles (in exactly the order) a scan would.
import { expect } from '@open-wc/testing';
import { buildTiles, DatasetError, parseTileManifest, type LatLng, type Station, type Tile } from '../../src/core/index.js';
import { boxKm, party } from '../../src/core/bounds.js';
import { checkOptions, key1, MODES, type RankSettings } from '../../src/core/rule.js';
import { runNow } from '../../src/core/steps.js';
import { MAX_SPLIT_CELLS, MAX_TILES, tilesWithinReach } from '../../src/core/tiles.js';
import { random } from '../fixtures/random.js';

type Rand = ReturnType<typeof random>;
const station = (id: string, lat: number, lng: number): Station => ({ id, name: id, address: id, country: 'US', lat, lng });
const anywhere = (r: Rand): LatLng => ({ lat: (Math.asin(2 * r() - 1) * 180) / Math.PI, lng: r() * 360 - 180 });
const near = (r: Rand, c: LatLng, d: number): LatLng => ({
  lat: Math.max(-90, Math.min(90, c.lat + (r() - 0.5) * 2 * d)),
  lng: ((((c.lng + (r() - 0.5) * 2 * d + 180) % 360) + 360) % 360) - 180,
});

/** The oracle: every tile's box bound, one by one, as the widget did before it walked the tree. */
function scan(tiles: readonly Tile[], seller: LatLng, buyer: LatLng | null, settings: RankSettings) {
  const s = party(seller);
  const b = buyer ? party(buyer) : null;
  const out: { id: string; k1: number }[] = [];
  for (const t of tiles) {
    const sKm = boxKm(s, ...t.bbox);
    const bKm = b ? boxKm(b, ...t.bbox) : null;
    if (sKm > settings.maxDistanceKm || (bKm !== null && bKm > settings.maxDistanceKm)) continue;
    out.push({ id: t.id, k1: key1(sKm, bKm, settings.mode) });
  }
  return out.sort((x, y) => x.k1 - y.k1 || (x.id < y.id ? -1 : 1));
}

/** A complete quadtree `levels` deep: 4^levels tiles, written as a manifest's tree (every cell split, then every quarter a tile). */
function fullTree(levels: number): { tree: string; tiles: number; splitCells: number } {
  const splitCells = (4 ** levels - 1) / 3;
  const lastLevel = 4 ** (levels - 1);
  return { tree: '?'.repeat(splitCells - lastLevel) + 'e'.repeat(lastLevel), tiles: 4 ** levels, splitCells };
}

const manifest = (tree: string, stations: number) => ({
  format: 'safetrade-stations-tiles',
  version: 2,
  stations,
  maxPerTile: 128,
  build: 'c0ffee',
  url: 'tiles/{id}.json',
  tree,
});
const fmt = (n: number) => n.toLocaleString('en-US');

describe('tile manifest caps', () => {
  for (const levels of [10, 11, 12]) {
    const { tree, tiles, splitCells } = fullTree(levels);
    it(`refuses a manifest declaring ${fmt(tiles)} tiles (${(tree.length / 1e6).toFixed(1)} MB of tree), with the numbers`, () => {
      expect(() => parseTileManifest(manifest(tree, tiles))).to.throw(
        DatasetError,
        `tree declares ${fmt(tiles)} tiles in ${fmt(splitCells)} split cells, over the limit of ${fmt(MAX_TILES)} tiles and ${fmt(MAX_SPLIT_CELLS)} split cells (rebuild with a larger maxPerTile)`,
      );
    });
  }

  it('accepts a manifest of exactly the most tiles it allows', () => {
    const { tree, tiles } = fullTree(8);
    expect(tiles).to.equal(MAX_TILES);
    expect(parseTileManifest(manifest(tree, tiles)).tiles).to.have.length(MAX_TILES);
  });

  it('refuses a tree of many split cells holding few tiles (a long string that builds little) by its split cells', () => {
    // A binary tree 17 levels deep: each split cell's two southern quarters split further ("-" = 2·27 + 2·9),
    // each cell of the last level holding one tile ("R" = 1·27).
    const tree = '-'.repeat(2 ** 16 - 1) + 'R'.repeat(2 ** 16);
    expect(() => parseTileManifest(manifest(tree, 2 ** 16))).to.throw(
      DatasetError,
      'tree declares 65,536 tiles in 131,071 split cells, over the limit of 65,536 tiles and 65,536 split cells',
    );
  });

  it('still refuses a tree that nests deeper than 24 levels, naming the cell', () => {
    expect(() => parseTileManifest(manifest('s'.repeat(24), 1))).to.throw(DatasetError, /tree nests too deep at t0{24}/);
  });
});

describe('tilesWithinReach', () => {
  it('finds exactly the tiles, keys and order a scan of every tile finds, for any parties, mode and reach', () => {
    let compared = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const r = random(100 + seed);
      const centres = [{ lat: 40.7, lng: -74 }, { lat: -17.8, lng: 179.9 }, { lat: 89.5, lng: 0 }, anywhere(r), anywhere(r)];
      const stations = Array.from({ length: 500 + Math.floor(r() * 3000) }, (_, i) => {
        const p = r() < 0.7 ? near(r, centres[Math.floor(r() * centres.length)]!, r() < 0.5 ? 0.2 : 3) : anywhere(r);
        return station(`s${i}`, p.lat, p.lng);
      });
      const { tiles } = parseTileManifest(JSON.parse(JSON.stringify(buildTiles(stations, { maxPerTile: [4, 16, 64][seed % 3]! }).manifest)));
      // A list the parser did not make (here, a shuffled copy): the tree is made from the tile ids.
      const shuffled = [...tiles].sort(() => r() - 0.5);
      for (let q = 0; q < 40; q++) {
        const seller = r() < 0.6 ? near(r, stations[Math.floor(r() * stations.length)]!, 0.5) : anywhere(r);
        const buyer = r() < 0.2 ? null : near(r, seller, r() < 0.7 ? 0.3 : 5);
        const settings = checkOptions({ mode: MODES[q % 3]!, maxDistanceKm: [1, 40, 400, 5000, Infinity][q % 5]! });
        const want = scan(tiles, seller, buyer, settings);
        for (const list of [tiles, shuffled]) {
          const got = runNow(tilesWithinReach(list, seller, buyer, settings)).map((c) => ({ id: c.tile.id, k1: c.k1 }));
          expect(got, `seed ${seed} query ${q}`).to.deep.equal(want);
        }
        compared += want.length;
      }
    }
    expect(compared, 'the queries found tiles to compare').to.be.above(1000);
  });

  it('visits only the part of the tree near the query: a city query among 65,536 tiles never needs a pause', () => {
    const { tree, tiles } = fullTree(8);
    const { tiles: list } = parseTileManifest(manifest(tree, tiles));
    let pauses = 0;
    const steps = tilesWithinReach(list, { lat: 40.7, lng: -74 }, { lat: 40.75, lng: -73.95 }, checkOptions({}));
    for (let next = steps.next(); !next.done; next = steps.next()) pauses++;
    // A scan would visit all 65,536 tiles (128 pauses of 512); the walk visits a few cells per level.
    expect(pauses).to.equal(0);
  });
});
