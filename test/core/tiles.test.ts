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

const OFFICE = { hours: { mo: ['09:00-17:00'], tu: ['09:00-17:00'], we: ['09:00-17:00'] }, timezone: 'America/New_York' } satisfies Partial<Station>;
/** Monday 12:00 and Sunday 12:00 in New York: office stations open, then closed. */
const HOURS = [
  {},
  { openAt: new Date('2026-11-30T17:00:00Z') },
  { openAt: new Date('2026-11-29T17:00:00Z') },
  { preferOpenAt: new Date('2026-11-29T17:00:00Z') },
];

/** Cities, countryside, the antimeridian (Fiji) and the pole, with duplicate spots. */
function world(r: Rand, n: number): Station[] {
  const centres = [{ lat: 40.7, lng: -74 }, { lat: -17.8, lng: 179.9 }, { lat: 89.5, lng: 0 }, ...Array.from({ length: 4 }, () => anywhere(r))];
  return Array.from({ length: n }, (_, i) => {
    const p = r() < 0.7 ? near(r, centres[Math.floor(r() * centres.length)]!, r() < 0.5 ? 0.2 : 2) : anywhere(r);
    const spot = r() < 0.05 ? { lat: 40.7, lng: -74 } : p;
    // Some keep office hours (New York time), so hours filters leave stations out.
    return r() < 0.3 ? { ...station(`s${i}`, spot.lat, spot.lng), ...OFFICE } : station(`s${i}`, spot.lat, spot.lng);
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
  it('returns exactly what rankStations returns over the whole dataset, with either plan, in at most two rounds', async () => {
    let fetched = 0;
    let queries = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const r = random(seed);
      const stations = world(r, 400 + Math.floor(r() * 3000));
      const { tiles, load } = serve(stations, [16, 64, 128][seed % 3]!);
      for (let q = 0; q < 60; q++) {
        const seller = r() < 0.5 ? near(r, stations[Math.floor(r() * stations.length)]!, 0.3) : anywhere(r);
        const buyer = r() < 0.2 ? null : near(r, seller, r() < 0.7 ? 0.3 : 3);
        const options = { mode: MODES[q % 3]!, limit: 1 + Math.floor(r() * 20), maxDistanceKm: [40, 400, Infinity][q % 3]!, ...HOURS[q % 4] };
        const want = rankStations(stations, { seller, buyer }, options);
        for (const plan of ['guess', 'bytes'] as const) {
          const got = await rankTiles(tiles, { seller, buyer }, options, load, plan);
          expect(got.suggestions, `seed ${seed} query ${q}, plan ${plan}`).to.deep.equal(want);
          // preferOpenAt may need a second search (for an open station), of at most two rounds too.
          expect(got.rounds).to.be.at.most('preferOpenAt' in options ? 4 : 2);
          if (plan === 'guess') fetched += got.tiles.length;
        }
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
    expect(inCity.rounds).to.equal(1);
    const nowhere = await rankTiles(tiles, { seller: { lat: 0, lng: 0 } }, {}, load);
    expect(nowhere).to.deep.equal({ suggestions: [], tiles: [], rounds: 0 });
  });

  it('answers most two-party queries in a dense city in one round, loading few more tiles than the bytes plan', async () => {
    const r = random(5);
    const stations = Array.from({ length: 6000 }, (_, i) => ({ id: `c${i}`, ...near(r, { lat: 40.7, lng: -74 }, 0.3) })).map((p) =>
      station(p.id, p.lat, p.lng),
    );
    const { tiles, load } = serve(stations, 128);
    const rounds = { guess: [] as number[], bytes: [] as number[] };
    const loads = { guess: [] as number[], bytes: [] as number[] };
    for (let q = 0; q < 100; q++) {
      const seller = near(r, { lat: 40.7, lng: -74 }, 0.2);
      const parties = { seller, buyer: near(r, seller, 0.15) };
      const want = rankStations(stations, parties, { limit: 3 });
      for (const plan of ['guess', 'bytes'] as const) {
        const got = await rankTiles(tiles, parties, { limit: 3 }, load, plan);
        expect(got.suggestions).to.deep.equal(want);
        rounds[plan].push(got.rounds);
        loads[plan].push(got.tiles.length);
      }
    }
    const share = (list: number[], f: (x: number) => boolean) => list.filter(f).length / list.length;
    const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
    expect(share(rounds.guess, (x) => x === 1)).to.be.at.least(0.85);
    // One round costs only a little more than the fewest tiles.
    expect(mean(loads.guess)).to.be.below(mean(loads.bytes) * 1.6);
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
    const m = good();
    expect(m.version).to.equal(2);
    expect(m.maxPerTile).to.equal(50);
    const { tiles } = parseTileManifest(m);
    expect(tiles[0]!.url).to.equal(`tiles/${tiles[0]!.id}.json`);
    expect(tiles.every((t) => t.minCount === 1 && t.maxCount === 50 && t.expected === 300 / tiles.length)).to.equal(true);
  });
  it('writes one tree character per split cell, breadth-first', () => {
    // Two stations in the south-west quarter of the world, one in the north-east: no split beyond the world.
    const { manifest, tiles } = buildTiles([station('a', -10, -10), station('b', -20, -20), station('c', 10, 10)], { maxPerTile: 2 });
    expect(manifest.tree).to.equal('S'); // SW a tile, SE and NW empty, NE a tile: 27·1 + 9·0 + 3·0 + 1 = 28, character 28
    expect(tiles.map((t) => t.id)).to.deep.equal(['t0', 't3']);
  });
  const cases: [string, (m: Record<string, unknown>) => void, RegExp][] = [
    ['a wrong format', (m) => (m.format = 'safetrade-stations'), /format must be "safetrade-stations-tiles" \(got "safetrade-stations"\)/],
    ['a newer version', (m) => (m.version = 3), /version must be 2 \(got 3; rebuild the tiles\)/],
    ['version 1 (never released)', (m) => (m.version = 1), /version must be 2 \(got 1; rebuild the tiles\)/],
    ['a bad build tag', (m) => (m.build = 'Build 1'), /build must be a tag of 1 to 64 digits and small letters \(got "Build 1"\)/],
    ['a url without {id}', (m) => (m.url = 'tiles/x.json'), /url must be a relative path containing \{id\} \(got "tiles\/x.json"\)/],
    ['an absolute or script url', (m) => (m.url = 'javascript:{id}'), /relative path/],
    ['no maxPerTile', (m) => delete m.maxPerTile, /maxPerTile must be a whole number of at least 1 \(got undefined\)/],
    ['a tree with other characters', (m) => (m.tree = 'x1 y'), /tree must be a non-empty string of the 81 tree characters \(got "x1 y"\)/],
    ['a truncated tree', (m) => (m.tree = (m.tree as string).slice(0, -1)), /tree ends early/],
    ['a tree with extra codes', (m) => (m.tree = `${m.tree}0`), /extra codes/],
    ['a tree nesting too deep', (m) => (m.tree = 's'.repeat(24)), /tree nests too deep at t0{24}/],
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
