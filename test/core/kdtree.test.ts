import { expect } from '@open-wc/testing';
import { createStationIndex, distanceKm, queryIndex, rankStations } from '../../src/core/index.js';
import { boxKm, party } from '../../src/core/bounds.js';
import { searchIndex } from '../../src/core/kdtree.js';
import { indexFor, scan } from '../../src/core/rank.js';
import type { RankSettings } from '../../src/core/rule.js';
import type { LatLng, Mode, Station, Suggestion } from '../../src/core/types.js';
import { nyc } from '../fixtures/nyc.js';
import { random } from '../fixtures/random.js';

const MODES: Mode[] = ['fair', 'total', 'buyer'];

type Rand = ReturnType<typeof random>;

const station = (id: string, lat: number, lng: number): Station => ({ id, name: id, address: id, country: 'US', lat, lng });
const clampLat = (lat: number) => Math.max(-90, Math.min(90, lat));
const wrapLng = (lng: number) => ((((lng + 180) % 360) + 360) % 360) - 180;
/** Uniform on the sphere, not on the lat/lng rectangle. */
const anywhere = (r: Rand): LatLng => ({ lat: (Math.asin(2 * r() - 1) * 180) / Math.PI, lng: r() * 360 - 180 });
const near = (r: Rand, c: LatLng, spreadDeg: number): LatLng => ({
  lat: clampLat(c.lat + (r() - 0.5) * 2 * spreadDeg),
  lng: wrapLng(c.lng + (r() - 0.5) * 2 * spreadDeg),
});

/** The contract's rule, written out independently of src/: every station, every key. */
function oracle(stations: Station[], seller: LatLng, buyer: LatLng | null, mode: Mode, limit: number, maxKm: number) {
  const rows = stations
    .map((s) => ({ station: s, sellerKm: distanceKm(seller, s), buyerKm: buyer ? distanceKm(buyer, s) : null }))
    .filter((r) => r.sellerKm <= maxKm && (r.buyerKm === null || r.buyerKm <= maxKm));
  const keys = (r: Suggestion): number[] => {
    const [s, b] = [r.sellerKm, r.buyerKm];
    if (b === null) return [s];
    if (mode === 'fair') return [Math.max(s, b), s + b];
    if (mode === 'total') return [s + b, Math.max(s, b)];
    return [b, s];
  };
  rows.sort((x, y) => {
    const [a, b] = [keys(x), keys(y)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return x.station.id < y.station.id ? -1 : x.station.id > y.station.id ? 1 : 0;
  });
  return rows.slice(0, limit);
}

const flat = (list: Suggestion[]) => list.map((s) => `${s.station.id}:${s.sellerKm}:${s.buyerKm}`);

interface World {
  stations: Station[];
  parties: () => { seller: LatLng; buyer: LatLng | null };
  maxKm: () => number;
}

/** Checks `queries` random queries on one world against the oracle; returns how many ran. */
function check(name: string, seed: number, world: (r: Rand) => World, queries = 6): number {
  const r = random(seed);
  const w = world(r);
  const nodeSize = [2, 3, 8, 16, 64][Math.floor(r() * 5)]!;
  const index = createStationIndex(w.stations, nodeSize);
  for (let q = 0; q < queries; q++) {
    const { seller, buyer } = w.parties();
    const mode = MODES[q % 3]!;
    const limit = 1 + Math.floor(r() * r() * 25);
    const maxDistanceKm = w.maxKm();
    const got = queryIndex(index, { seller, buyer }, { mode, limit, maxDistanceKm });
    const want = oracle(w.stations, seller, buyer, mode, limit, maxDistanceKm);
    if (flat(got).join() !== flat(want).join()) {
      const input = JSON.stringify({ seller, buyer, mode, limit, maxDistanceKm, nodeSize });
      expect.fail(`${name}, seed ${seed}, query ${q}: ${input}\n got ${flat(got).join(' ')}\nwant ${flat(want).join(' ')}`);
    }
  }
  return queries;
}

const ids = (n: number, r: Rand) => {
  // Shuffled ids, so tree order, array order and id order all differ.
  const list = Array.from({ length: n }, (_, i) => `s${String(i).padStart(5, '0')}`);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
};
const maybeBuyer = (r: Rand, p: () => LatLng) => (r() < 0.2 ? null : p());
const radius = (r: Rand) => [5, 40, 300, 3000, 20100, Infinity][Math.floor(r() * 6)]!;

describe('queryIndex returns exactly what the brute-force ranking returns', () => {
  it('on random worlds, in all three modes, with and without a buyer', () => {
    let n = 0;
    for (let seed = 1; seed <= 400; seed++) {
      n += check('random world', seed, (r) => {
        const count = Math.floor(r() * r() * 600);
        const stations = ids(count, r)
          .map((id) => ({ ...anywhere(r), id }))
          .map((p) => station(p.id, p.lat, p.lng));
        return { stations, parties: () => ({ seller: anywhere(r), buyer: maybeBuyer(r, () => anywhere(r)) }), maxKm: () => radius(r) };
      });
    }
    expect(n).to.equal(2400);
  });

  it('on clustered cities, parties in the same or neighbouring cities', () => {
    for (let seed = 1; seed <= 300; seed++) {
      check('clustered cities', seed, (r) => {
        const cities = Array.from({ length: 1 + Math.floor(r() * 6) }, () => anywhere(r));
        const city = () => cities[Math.floor(r() * cities.length)]!;
        const stations = ids(Math.floor(r() * 800), r).map((id) => {
          const p = near(r, city(), r() < 0.8 ? 0.3 : 3);
          return station(id, p.lat, p.lng);
        });
        return {
          stations,
          parties: () => ({ seller: near(r, city(), 0.5), buyer: maybeBuyer(r, () => near(r, city(), 0.5)) }),
          maxKm: () => [10, 40, 100, 2000][Math.floor(r() * 4)]!,
        };
      });
    }
  });

  it('when buyer and seller stand on the same spot', () => {
    for (let seed = 1; seed <= 200; seed++) {
      check('identical parties', seed, (r) => {
        const c = anywhere(r);
        const stations = ids(Math.floor(r() * 400), r)
          .map((id) => ({ id, ...near(r, c, 1) }))
          .map((p) => station(p.id, p.lat, p.lng));
        return {
          stations,
          parties: () => {
            const p = near(r, c, 1);
            return { seller: p, buyer: { ...p } };
          },
          maxKm: () => radius(r),
        };
      });
    }
  });

  it('with parties on both sides of the antimeridian', () => {
    for (let seed = 1; seed <= 250; seed++) {
      check('antimeridian', seed, (r) => {
        const edge = () => ({ lat: (r() - 0.5) * 120, lng: r() < 0.5 ? 180 - r() * 2 : -180 + r() * 2 });
        const stations = ids(Math.floor(r() * 500), r).map((id) => {
          const p = r() < 0.05 ? { lat: (r() - 0.5) * 120, lng: r() < 0.5 ? 180 : -180 } : edge();
          return station(id, p.lat, p.lng);
        });
        const seller = () => ({ lat: (r() - 0.5) * 4, lng: 179.5 + r() * 0.5 });
        const buyer = () => ({ lat: (r() - 0.5) * 4, lng: -179.5 - r() * 0.5 });
        return { stations, parties: () => ({ seller: seller(), buyer: maybeBuyer(r, buyer) }), maxKm: () => [40, 200, 1000, Infinity][Math.floor(r() * 4)]! };
      });
    }
  });

  it('near and at the poles', () => {
    for (let seed = 1; seed <= 250; seed++) {
      check('poles', seed, (r) => {
        const polar = (): LatLng => {
          const north = r() < 0.5 ? 1 : -1;
          const lat = r() < 0.05 ? 90 : 90 - r() * r() * 3;
          return { lat: north * lat, lng: r() * 360 - 180 };
        };
        const stations = ids(Math.floor(r() * 500), r)
          .map((id) => ({ id, ...polar() }))
          .map((p) => station(p.id, p.lat, p.lng));
        return { stations, parties: () => ({ seller: polar(), buyer: maybeBuyer(r, polar) }), maxKm: () => [40, 150, 400, Infinity][Math.floor(r() * 4)]! };
      });
    }
  });

  it('with many stations on the same coordinates and on a grid (ties broken by id)', () => {
    for (let seed = 1; seed <= 250; seed++) {
      check('duplicates', seed, (r) => {
        const spots = Array.from({ length: 1 + Math.floor(r() * 8) }, () => ({ lat: Math.round((r() - 0.5) * 10), lng: Math.round((r() - 0.5) * 10) }));
        const stations = ids(Math.floor(r() * 400), r).map((id) => {
          const p = spots[Math.floor(r() * spots.length)]!;
          return station(id, p.lat, p.lng);
        });
        // Parties on grid points too: exact ties between mirrored stations.
        const grid = () => ({ lat: Math.round((r() - 0.5) * 10), lng: Math.round((r() - 0.5) * 10) });
        return { stations, parties: () => ({ seller: grid(), buyer: maybeBuyer(r, grid) }), maxKm: () => radius(r) };
      });
    }
  });

  it('when a station lies exactly at maxDistanceKm, or a hair beyond', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = random(seed);
      const c = anywhere(r);
      const stations = ids(1 + Math.floor(r() * 300), r)
        .map((id) => ({ id, ...near(r, c, 0.6) }))
        .map((p) => station(p.id, p.lat, p.lng));
      const index = createStationIndex(stations, 4);
      for (const mode of MODES) {
        const seller = near(r, c, 0.5);
        const buyer = r() < 0.3 ? null : near(r, c, 0.5);
        const edge = stations[Math.floor(r() * stations.length)]!;
        const exact = Math.max(distanceKm(seller, edge), buyer ? distanceKm(buyer, edge) : 0);
        for (const maxDistanceKm of [exact, exact * (1 - 1e-15), exact * (1 + 1e-15), exact - 1e-12]) {
          if (!(maxDistanceKm > 0)) continue;
          const limit = 1 + Math.floor(r() * stations.length);
          const got = queryIndex(index, { seller, buyer }, { mode, limit, maxDistanceKm });
          const want = oracle(stations, seller, buyer, mode, limit, maxDistanceKm);
          expect(flat(got), `seed ${seed} ${mode} ${maxDistanceKm}`).to.deep.equal(flat(want));
        }
      }
    }
  });
});

describe('the threshold search agrees with the scan where the cut is tight', () => {
  /** Stations on a few grid spots (many exact ties), some sharing an id, in a shuffled array. */
  function tiedWorld(r: Rand, sharedIds: boolean) {
    const c = anywhere(r);
    const spots = Array.from({ length: 1 + Math.floor(r() * 12) }, () => ({
      lat: clampLat(Math.round(c.lat) + Math.round((r() - 0.5) * 6) / 10),
      lng: wrapLng(Math.round(c.lng) + Math.round((r() - 0.5) * 6) / 10),
    }));
    const names = ids(1 + Math.floor(r() * 300), r);
    const stations = names.map((id, k) => {
      const p = spots[Math.floor(r() * spots.length)]!;
      return station(sharedIds && r() < 0.5 ? names[k >> 2]! : id, p.lat, p.lng);
    });
    const spot = () => spots[Math.floor(r() * spots.length)]!;
    return { stations, spot, c };
  }
  /** Positions in the array, so stations sharing an id still tell apart. */
  const where = (stations: Station[], list: Suggestion[]) => list.map((s) => `${stations.indexOf(s.station)}:${s.sellerKm}:${s.buyerKm}`);

  it('with many stations at the same cost, limits above the eligible count, and accept refusing some', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const r = random(seed);
      const { stations, spot, c } = tiedWorld(r, false);
      const index = createStationIndex(stations, [2, 4, 16, 48][seed % 4]!);
      const refused = new Set(stations.filter(() => r() < 0.3).map((s) => s.id));
      for (const mode of MODES) {
        const seller = r() < 0.5 ? spot() : near(r, c, 0.4);
        const buyer = r() < 0.2 ? null : r() < 0.5 ? spot() : near(r, c, 0.4);
        const settings: RankSettings = {
          mode,
          limit: 1 + Math.floor(r() * (r() < 0.3 ? 2 * stations.length : 8)),
          maxDistanceKm: [5, 30, 80, Infinity][Math.floor(r() * 4)]!,
          accept: r() < 0.5 ? (s) => !refused.has(s.id) : undefined,
        };
        const got = searchIndex(index, seller, buyer, settings);
        const want = scan(stations, seller, buyer, settings);
        expect(flat(got), `seed ${seed} ${JSON.stringify({ seller, buyer, ...settings })}`).to.deep.equal(flat(want));
      }
    }
  });

  it('breaks ties on every key (same spot, same id) by array order, as the stable scan does', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = random(seed);
      const { stations, spot } = tiedWorld(r, true);
      const index = createStationIndex(stations, [2, 8, 48][seed % 3]!);
      for (const mode of MODES) {
        const settings: RankSettings = { mode, limit: 1 + Math.floor(r() * 30), maxDistanceKm: 100 };
        const [seller, buyer] = [spot(), r() < 0.2 ? null : spot()];
        expect(where(stations, searchIndex(index, seller, buyer, settings)), `seed ${seed} ${mode}`).to.deep.equal(
          where(stations, scan(stations, seller, buyer, settings)),
        );
      }
    }
  });

  it('keeps a search started from inside accept apart from the one that called it', () => {
    const r = random(11);
    const stations = ids(3000, r)
      .map((id) => ({ id, ...near(r, { lat: 48.85, lng: 2.35 }, 0.5) }))
      .map((p) => station(p.id, p.lat, p.lng));
    const index = createStationIndex(stations);
    // Accepts a station when it is (not) the nearest one to itself among stations within 1 km
    // of it: a nested query per station, each using the search's scratch space.
    const accept = (s: Station) => searchIndex(index, s, null, { mode: 'fair', limit: 2, maxDistanceKm: 1 }).length < 2;
    for (let q = 0; q < 20; q++) {
      const seller = near(r, { lat: 48.85, lng: 2.35 }, 0.4);
      const buyer = near(r, { lat: 48.85, lng: 2.35 }, 0.4);
      const settings: RankSettings = { mode: MODES[q % 3]!, limit: 1 + (q % 7), maxDistanceKm: 40, accept };
      expect(flat(searchIndex(index, seller, buyer, settings))).to.deep.equal(flat(scan(stations, seller, buyer, settings)));
    }
  });
});

describe('rankStations', () => {
  it('switches to the index from 1,000 stations on and still agrees with the linear scan', () => {
    const r = random(7);
    const stations = ids(5000, r)
      .map((id) => ({ id, ...near(r, { lat: 40.7, lng: -74 }, 2) }))
      .map((p) => station(p.id, p.lat, p.lng));
    for (let q = 0; q < 60; q++) {
      const seller = near(r, { lat: 40.7, lng: -74 }, 2);
      const buyer = q % 4 === 0 ? null : near(r, { lat: 40.7, lng: -74 }, 2);
      const settings = { mode: MODES[q % 3]!, limit: 1 + (q % 20), maxDistanceKm: 40 };
      expect(flat(rankStations(stations, { seller, buyer }, settings))).to.deep.equal(flat(scan(stations, seller, buyer, settings)));
    }
    expect(indexFor(stations)).to.equal(indexFor(stations)); // built once, then cached
    expect(indexFor(stations)).to.not.equal(null);
    expect(indexFor(stations.slice(0, 999))).to.equal(null); // scanned: no index below 1,000
  });

  it('gives the same answers on the NYC zones through the index as by scan', () => {
    const index = createStationIndex(nyc.stations);
    const seller = { lat: 40.715, lng: -73.9843 };
    const buyer = { lat: 40.758, lng: -73.9855 };
    for (const mode of MODES) {
      const settings = { mode, limit: 20, maxDistanceKm: 40 };
      expect(flat(queryIndex(index, { seller, buyer }, settings))).to.deep.equal(flat(scan(nyc.stations, seller, buyer, settings)));
    }
  });
});

describe('node bounds', () => {
  it('never exceed the distance to any point of the box (tiny to hemispheric boxes, poles, antimeridian)', () => {
    const r = random(5);
    let checked = 0;
    for (let k = 0; k < 2500; k++) {
      const c = k % 5 === 0 ? { lat: (r() < 0.5 ? 1 : -1) * (88 + 2 * r()), lng: r() * 360 - 180 } : anywhere(r);
      const size = [0.01, 0.3, 3, 40, 170][k % 5]!;
      const w = Math.max(-180, c.lng - r() * size);
      const e = Math.min(180, c.lng + r() * size);
      const s = clampLat(c.lat - r() * size);
      const n = clampLat(c.lat + r() * size);
      const p = r() < 0.5 ? near(r, c, 2 * size) : anywhere(r);
      const bound = boxKm(party(p), w, s, e, n);
      // Every sampled point of the box (corners, edges, inside) is at least `bound` away.
      for (let i = 0; i <= 12; i++) {
        for (const lat of [s, n, clampLat(s + ((n - s) * i) / 12)]) {
          for (const lng of [w, e, Math.min(e, w + ((e - w) * i) / 12)]) {
            const d = distanceKm(p, { lat, lng });
            if (!(bound <= d)) expect.fail(`${JSON.stringify({ p, w, s, e, n, lat, lng })}: ${bound} > ${d}`);
            checked++;
          }
        }
      }
    }
    expect(checked).to.be.greaterThan(100_000);
  });
});

describe('createStationIndex and queryIndex refuse bad input, quoting it', () => {
  it('rejects a station without a usable coordinate instead of placing it at 0,0', () => {
    const bad = [station('a', 1, 2), { ...station('b', 1, 2), lat: Number.NaN }];
    expect(() => createStationIndex(bad)).to.throw(TypeError, /stations\[1\] needs lat .*"lat":null/);
  });
  it('rejects a station that also gives its position as latitude/longitude/lon, which the distance package would read instead', () => {
    const bad = [station('a', 1, 2), { ...station('b', 1, 2), latitude: 50 }];
    expect(() => createStationIndex(bad)).to.throw(
      TypeError,
      /stations\[1\] must give its position as lat and lng only \(got latitude: 50 besides lat 1, lng 2\)/,
    );
    expect(() => createStationIndex([{ ...station('c', 1, 2), lon: 3 } as Station])).to.throw(TypeError, /stations\[0\] .*got lon: 3 /);
  });
  it('measures a party by its lat and lng, whatever other keys it carries', () => {
    const r = random(11);
    const stations = Array.from({ length: 1500 }, (_, i) => {
      const p = near(r, { lat: 48.85, lng: 2.35 }, 0.5);
      return station(`s${i}`, p.lat, p.lng);
    });
    const seller = { lat: 48.86, lng: 2.34 };
    const buyer = { lat: 48.8, lng: 2.4 };
    const odd = { seller: { ...seller, latitude: 0, lon: 0 }, buyer: { ...buyer, longitude: 0 } };
    for (const list of [stations, stations.slice(0, 500)]) {
      const plain = flat(rankStations(list, { seller, buyer }));
      expect(plain).to.have.length(3);
      expect(flat(rankStations(list, odd))).to.deep.equal(plain);
    }
  });
  it('rejects a bad nodeSize, a non-index and bad parties', () => {
    expect(() => createStationIndex([], 1)).to.throw(RangeError, /nodeSize .* \(got 1\)/);
    expect(() => queryIndex({} as never, { seller: { lat: 0, lng: 0 } })).to.throw(TypeError, /createStationIndex \(got \{\}\)/);
    const index = createStationIndex([station('a', 1, 2)]);
    expect(() => queryIndex(index, { seller: { lat: 91, lng: 0 } })).to.throw(TypeError, /parties.seller .*"lat":91/);
    expect(() => queryIndex(index, { seller: { lat: 0, lng: 0 } }, { limit: 0 })).to.throw(RangeError, /got 0/);
  });
  it('answers an empty index with no suggestions', () => {
    expect(queryIndex(createStationIndex([]), { seller: { lat: 0, lng: 0 } })).to.deep.equal([]);
  });
});
