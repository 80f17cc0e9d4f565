import { expect } from '@open-wc/testing';
import { buildTiles, DatasetError, parseTileManifest, rankStations, rankTiles, checkTileStations } from '../../src/core/index.js';
import type { LatLng, Mode, Station, Tile } from '../../src/core/index.js';
import { random } from '../fixtures/random.js';

const MODES: Mode[] = ['fair', 'total', 'buyer'];

type Rand = ReturnType<typeof random>;
const station = (id: string, lat: number, lng: number): Station => ({ id, name: id, address: id, country: 'US', lat, lng });
const near = (r: Rand, c: LatLng, d: number): LatLng => ({
  lat: Math.max(-90, Math.min(90, c.lat + (r() - 0.5) * 2 * d)),
  lng: ((((c.lng + (r() - 0.5) * 2 * d + 180) % 360) + 360) % 360) - 180,
});
const anywhere = (r: Rand): LatLng => ({ lat: (Math.asin(2 * r() - 1) * 180) / Math.PI, lng: r() * 360 - 180 });

/** Cities, countryside, the antimeridian (Fiji) and the pole, with duplicate spots. */
function world(r: Rand, n: number): Station[] {
  const centres = [{ lat: 40.7, lng: -74 }, { lat: -17.8, lng: 179.9 }, { lat: 89.5, lng: 0 }, ...Array.from({ length: 4 }, () => anywhere(r))];
  return Array.from({ length: n }, (_, i) => {
    const p = r() < 0.7 ? near(r, centres[Math.floor(r() * centres.length)]!, r() < 0.5 ? 0.2 : 2) : anywhere(r);
    const spot = r() < 0.05 ? { lat: 40.7, lng: -74 } : p;
    return station(`s${i}`, spot.lat, spot.lng);
  });
}

/** A manifest as a widget would see it: through JSON, parsed, plus an in-memory tile server. */
function serve(stations: Station[], maxPerTile: number) {
  const built = buildTiles(stations, { maxPerTile });
  const { tiles } = parseTileManifest(JSON.parse(JSON.stringify(built.manifest)));
  const byId = new Map(built.tiles.map((t) => [t.id, t.dataset.stations]));
  const load = async (tile: Tile) => {
    const list = byId.get(tile.id)!;
    checkTileStations(tile, list);
    return list;
  };
  return { built, tiles, load };
}

describe('buildTiles', () => {
  it('puts every station in exactly one tile, inside its cell, at most maxPerTile per tile', () => {
    const stations = world(random(1), 3000);
    const { built, tiles } = serve(stations, 64);
    const seen = built.tiles.flatMap((t) => t.dataset.stations.map((s) => s.id));
    expect(seen.length).to.equal(3000);
    expect(new Set(seen).size).to.equal(3000);
    expect(tiles.map((t) => t.id)).to.deep.equal(built.tiles.map((t) => t.id));
    built.tiles.forEach((t, i) => {
      // Only a pile of stations on one spot may exceed the limit (it cannot be split).
      const spots = new Set(t.dataset.stations.map((s) => `${s.lat},${s.lng}`));
      if (spots.size > 1) expect(t.dataset.stations.length).to.be.at.most(64);
      expect(() => checkTileStations(tiles[i]!, t.dataset.stations)).not.to.throw();
    });
    expect(built.manifest.stations).to.equal(3000);
  });
});

describe('rankTiles', () => {
  it('returns exactly what rankStations returns over the whole dataset, in at most two rounds', async () => {
    let fetched = 0;
    let queries = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const r = random(seed);
      const stations = world(r, 400 + Math.floor(r() * 3000));
      const { tiles, load } = serve(stations, [16, 64, 128][seed % 3]!);
      for (let q = 0; q < 60; q++) {
        const seller = r() < 0.5 ? near(r, stations[Math.floor(r() * stations.length)]!, 0.3) : anywhere(r);
        const buyer = r() < 0.2 ? null : near(r, seller, r() < 0.7 ? 0.3 : 3);
        const options = { mode: MODES[q % 3]!, limit: 1 + Math.floor(r() * 20), maxDistanceKm: [40, 400, Infinity][q % 3]! };
        const want = rankStations(stations, { seller, buyer }, options);
        const got = await rankTiles(tiles, { seller, buyer }, options, load);
        expect(got.suggestions, `seed ${seed} query ${q}`).to.deep.equal(want);
        expect(got.rounds).to.be.at.most(2);
        fetched += got.tiles.length;
        const oneRound = await rankTiles(tiles, { seller, buyer }, options, load, 'rounds');
        expect(oneRound.suggestions, `seed ${seed} query ${q}, plan rounds`).to.deep.equal(want);
        expect(oneRound.rounds).to.be.at.most(2);
        queries++;
      }
    }
    // Not a timing, a sanity check that the bounds prune: far fewer tiles than "all of them".
    expect(fetched / queries).to.be.below(15);
  });

  it("loads a few of the city's tiles for a query in a dense city, and nothing when no tile is within reach", async () => {
    const r = random(3);
    const stations = Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, ...near(r, { lat: 40.7, lng: -74 }, 0.3) })).map((p) =>
      station(p.id, p.lat, p.lng),
    );
    const { tiles, load } = serve(stations, 128);
    const inCity = await rankTiles(tiles, { seller: { lat: 40.7, lng: -74 } }, { limit: 3 }, load);
    // The city centre is a corner shared by four cells, each with a bound of 0 there.
    expect(tiles.length).to.be.above(16);
    expect(inCity.tiles.length).to.be.at.most(4);
    // Planning for round trips instead: one round, a few more tiles, the same answer.
    const oneRound = await rankTiles(tiles, { seller: { lat: 40.7, lng: -74 } }, { limit: 3 }, load, 'rounds');
    expect(oneRound.rounds).to.equal(1);
    expect(oneRound.suggestions).to.deep.equal(inCity.suggestions);
    const nowhere = await rankTiles(tiles, { seller: { lat: 0, lng: 0 } }, {}, load);
    expect(nowhere).to.deep.equal({ suggestions: [], tiles: [], rounds: 0 });
  });

  it('fails when a tile fails, instead of answering without it', async () => {
    const { tiles } = serve(world(random(2), 500), 32);
    const failing = async () => {
      throw new Error('HTTP 503');
    };
    let error: unknown;
    await rankTiles(tiles, { seller: { lat: 40.7, lng: -74 } }, {}, failing).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.equal('HTTP 503');
  });

  it('refuses a tile holding a station outside its cell (the bounds would lie)', () => {
    const { tiles } = serve(world(random(2), 500), 32);
    expect(() => checkTileStations(tiles[0]!, [station('far', 10, 10)])).to.throw(DatasetError, /tile t\d+ holds station "far" at 10,10, outside its cell/);
  });
});

describe('parseTileManifest', () => {
  const good = () => JSON.parse(JSON.stringify(buildTiles(world(random(4), 300), { maxPerTile: 50 }).manifest));
  it('accepts what buildTiles writes and resolves tile urls from the template', () => {
    const { tiles } = parseTileManifest(good());
    expect(tiles[0]!.url).to.equal(`tiles/${tiles[0]!.id}.json`);
  });
  const cases: [string, (m: Record<string, unknown>) => void, RegExp][] = [
    ['a wrong format', (m) => (m.format = 'safetrade-stations'), /format must be "safetrade-stations-tiles" \(got "safetrade-stations"\)/],
    ['a newer version', (m) => (m.version = 2), /version must be 1 \(got 2\)/],
    ['a url without {id}', (m) => (m.url = 'tiles/x.json'), /url must be a relative path containing \{id\} \(got "tiles\/x.json"\)/],
    ['an absolute or script url', (m) => (m.url = 'javascript:{id}'), /relative path/],
    ['a tree with other codes', (m) => (m.tree = 'x11y'), /tree must be a string of -, x and digits \(got "x11y"\)/],
    ['a truncated tree', (m) => (m.tree = (m.tree as string).slice(0, -1)), /tree ends early/],
    ['a tree with extra codes', (m) => (m.tree = `${m.tree}-`), /extra codes/],
    ['a total the tree cannot hold', (m) => (m.stations = 1), /stations must be a whole number in \d+…\d+ for this tree \(got 1\)/],
  ];
  for (const [what, spoil, message] of cases) {
    it(`rejects ${what}, quoting it`, () => {
      const m = good();
      spoil(m);
      expect(() => parseTileManifest(m)).to.throw(DatasetError, message);
    });
  }
});
