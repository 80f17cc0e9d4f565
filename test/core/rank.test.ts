import { expect } from '@open-wc/testing';
import { distanceKm, rankStations } from '../../src/core/index.js';
import type { LatLng, Mode, Station } from '../../src/core/types.js';
import { compareScored, score } from '../../src/core/rule.js';
import { nyc } from '../fixtures/nyc.js';
import { random } from '../fixtures/random.js';

const LOWER_EAST_SIDE: LatLng = { lat: 40.715, lng: -73.9843 };
const MIDTOWN: LatLng = { lat: 40.758, lng: -73.9855 };
const ids = (s: { station: Station }[]) => s.map((x) => x.station.id);

function station(id: string, lat: number, lng: number): Station {
  return { id, name: id, address: `${id} street`, country: 'US', lat, lng };
}

/** The contract's rule written as plainly as possible: the oracle. */
function oracle(stations: Station[], seller: LatLng, buyer: LatLng | null, mode: Mode, limit: number, maxKm: number) {
  const rows = stations
    .map((station) => ({ station, s: distanceKm(seller, station), b: buyer ? distanceKm(buyer, station) : null }))
    .filter((r) => r.s <= maxKm && (r.b === null || r.b <= maxKm));
  const keys = (r: (typeof rows)[number]): number[] => {
    if (r.b === null) return [r.s];
    if (mode === 'fair') return [Math.max(r.s, r.b), r.s + r.b];
    if (mode === 'total') return [r.s + r.b, Math.max(r.s, r.b)];
    return [r.b, r.s];
  };
  rows.sort((x, y) => {
    const [a, b] = [keys(x), keys(y)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return x.station.id < y.station.id ? -1 : x.station.id > y.station.id ? 1 : 0;
  });
  return rows.slice(0, limit).map((r) => r.station.id);
}

describe('rankStations on the NYPD exchange zones', () => {
  it('suggests the station between a Midtown buyer and a Lower East Side seller, not one next to either', () => {
    const [best] = rankStations(nyc.stations, { seller: LOWER_EAST_SIDE, buyer: MIDTOWN });
    expect(best!.station.id).to.equal('nypd-pct-013'); // 230 E 21st St, Gramercy
    expect(best!.sellerKm).to.be.closeTo(2.433, 0.001);
    expect(best!.buyerKm).to.be.closeTo(2.369, 0.001);
    // Neither party travels as far as they would to a station next to the other one.
    expect(Math.max(best!.sellerKm, best!.buyerKm!)).to.be.below(distanceKm(LOWER_EAST_SIDE, MIDTOWN) / 2 + 0.1);
  });

  it('in total mode minimises the sum, which here favours the station next to the seller', () => {
    const suggestions = rankStations(nyc.stations, { seller: LOWER_EAST_SIDE, buyer: MIDTOWN }, { mode: 'total', limit: 4 });
    expect(ids(suggestions)).to.deep.equal(['nypd-pct-007', 'nypd-pct-013', 'nypd-pct-009', 'nypd-td-04']);
  });

  it('in buyer mode puts the station nearest the buyer first', () => {
    const suggestions = rankStations(nyc.stations, { seller: LOWER_EAST_SIDE, buyer: MIDTOWN }, { mode: 'buyer', limit: 2 });
    expect(ids(suggestions)).to.deep.equal(['nypd-pct-018', 'nypd-pct-014']);
    expect(suggestions[0]!.buyerKm).to.be.closeTo(0.776, 0.001);
  });

  it('with no buyer ranks by the seller distance alone and reports buyerKm as null', () => {
    const suggestions = rankStations(nyc.stations, { seller: LOWER_EAST_SIDE, buyer: null });
    expect(ids(suggestions)).to.deep.equal(['nypd-pct-007', 'nypd-pct-005', 'nypd-psa-4']);
    expect(suggestions.every((s) => s.buyerKm === null)).to.equal(true);
  });

  it('returns three suggestions by default and honours limit', () => {
    expect(rankStations(nyc.stations, { seller: MIDTOWN })).to.have.length(3);
    expect(rankStations(nyc.stations, { seller: MIDTOWN }, { limit: 20 })).to.have.length(20);
    expect(rankStations(nyc.stations, { seller: MIDTOWN }, { limit: 1 })).to.have.length(1);
  });

  it('never suggests a station beyond maxDistanceKm of either party', () => {
    const albany = { lat: 42.6526, lng: -73.7562 }; // ~220 km north
    expect(rankStations(nyc.stations, { seller: MIDTOWN, buyer: albany })).to.deep.equal([]);
    expect(rankStations(nyc.stations, { seller: MIDTOWN, buyer: albany }, { maxDistanceKm: 250 })).to.have.length(3);
    const tight = rankStations(nyc.stations, { seller: MIDTOWN }, { maxDistanceKm: 1, limit: 20 });
    expect(tight.length).to.be.greaterThan(0);
    expect(tight.every((s) => s.sellerKm <= 1)).to.equal(true);
  });
});

describe('rankStations tie-breaks', () => {
  const seller = { lat: 0, lng: 0 };
  const buyer = { lat: 0, lng: 0.2 };

  it('fair: equal max distance goes to the smaller sum, then to the smaller id', () => {
    const stations = [station('c', 0, 0.1), station('b', 0, 0.1), station('a', 0.05, 0.1)];
    // b and c are at the midpoint (equal max and sum): id decides; a is off the line, so its max is larger.
    expect(ids(rankStations(stations, { seller, buyer }))).to.deep.equal(['b', 'c', 'a']);
  });

  it('fair: of two stations with the same max distance, the smaller total wins', () => {
    // Mirror images across the equator are exactly as far from a seller on it; the buyer is
    // nearer the northern one, and both are nearer the buyer than the seller is.
    const sellerOnEquator = { lat: 0, lng: 0 };
    const buyerNorthEast = { lat: 0.01, lng: 0.28 };
    const north = station('z-north', 0.1, 0.15);
    const south = station('a-south', -0.1, 0.15);
    const [first, second] = rankStations([south, north], { seller: sellerOnEquator, buyer: buyerNorthEast });
    expect(first!.sellerKm).to.equal(second!.sellerKm);
    expect(Math.max(first!.sellerKm, first!.buyerKm!)).to.equal(Math.max(second!.sellerKm, second!.buyerKm!));
    expect([first!.station.id, second!.station.id]).to.deep.equal(['z-north', 'a-south']);
  });

  it('total: equal sums go to the smaller max', () => {
    const a = score(station('a', 0, 0), 1, 3, 'total'); // sum 4, max 3
    const m = score(station('m', 0, 0), 2, 2, 'total'); // sum 4, max 2
    expect([a, m].sort(compareScored).map((x) => x.suggestion.station.id)).to.deep.equal(['m', 'a']);
  });

  it('buyer: equal buyer distances go to the nearer seller', () => {
    const north = station('n', 0.1, 0.2);
    const south = station('s', -0.1, 0.2);
    const sellerNorth = { lat: 0.05, lng: 0 };
    expect(ids(rankStations([south, north], { seller: sellerNorth, buyer }, { mode: 'buyer' }))).to.deep.equal(['n', 's']);
  });

  it('identical stations are ordered by id ascending, in code-unit order', () => {
    const stations = ['b', 'a-2', 'a', 'a.1'].map((id) => station(id, 1, 1));
    expect(ids(rankStations(stations, { seller: { lat: 1, lng: 1.01 } }, { limit: 4 }))).to.deep.equal(['a', 'a-2', 'a.1', 'b']);
  });
});

describe('rankStations input checks', () => {
  it('throws a TypeError that quotes a bad seller position', () => {
    expect(() => rankStations(nyc.stations, { seller: { lat: 91, lng: 0 } })).to.throw(TypeError, /parties\.seller.*91/);
    expect(() => rankStations(nyc.stations, { seller: { latitude: 1, longitude: 2 } as never })).to.throw(TypeError, /parties\.seller/);
  });

  it('throws a RangeError for a bad mode, limit or maxDistanceKm', () => {
    expect(() => rankStations(nyc.stations, { seller: MIDTOWN }, { mode: 'closest' as Mode })).to.throw(RangeError, /"closest"/);
    expect(() => rankStations(nyc.stations, { seller: MIDTOWN }, { limit: 0 })).to.throw(RangeError, /limit/);
    expect(() => rankStations(nyc.stations, { seller: MIDTOWN }, { limit: 2.5 })).to.throw(RangeError, /2\.5/);
    expect(() => rankStations(nyc.stations, { seller: MIDTOWN }, { maxDistanceKm: -1 })).to.throw(RangeError, /maxDistanceKm/);
  });
});

describe('rankStations against a brute-force oracle', () => {
  it('agrees on 600 random worlds, every mode, with and without a buyer', () => {
    const rnd = random(20261128);
    const modes: Mode[] = ['fair', 'total', 'buyer'];
    for (let trial = 0; trial < 600; trial++) {
      const centre = { lat: rnd() * 178 - 89, lng: rnd() * 360 - 180 };
      const spread = rnd() < 0.5 ? 0.2 : 2;
      // Coarse grids make exact ties common, so the tie-breaks are exercised.
      const snap = (v: number) => (rnd() < 0.3 ? Math.round(v * 20) / 20 : v);
      // Wrap longitudes, so worlds that straddle the antimeridian are tested too.
      const at = (lat: number, lng: number) => ({ lat: Math.max(-90, Math.min(90, lat)), lng: ((((lng + 180) % 360) + 360) % 360) - 180 });
      const stations = Array.from({ length: 1 + Math.floor(rnd() * 60) }, (_, i) =>
        ((p) => station(`s${Math.floor(rnd() * 1000)}-${i}`, p.lat, p.lng))(
          at(snap(centre.lat + (rnd() - 0.5) * spread), snap(centre.lng + (rnd() - 0.5) * spread)),
        ),
      );
      const seller = at(centre.lat + (rnd() - 0.5) * spread, centre.lng + (rnd() - 0.5) * spread);
      const buyer = rnd() < 0.2 ? null : at(centre.lat + (rnd() - 0.5) * spread, centre.lng + (rnd() - 0.5) * spread);
      const mode = modes[trial % 3]!;
      const limit = 1 + Math.floor(rnd() * 20);
      const maxDistanceKm = [5, 40, 300][Math.floor(rnd() * 3)]!;
      const got = ids(rankStations(stations, { seller, buyer }, { mode, limit, maxDistanceKm }));
      expect(got, `trial ${trial}`).to.deep.equal(oracle(stations, seller, buyer, mode, limit, maxDistanceKm));
    }
  });
});

describe('distanceKm', () => {
  it('is the haversine great-circle distance in km', () => {
    // Union Square to Times Square, about 2.6 km.
    expect(distanceKm({ lat: 40.7359, lng: -73.9911 }, { lat: 40.758, lng: -73.9855 })).to.be.closeTo(2.503, 0.01);
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).to.be.closeTo(111.319, 0.001);
  });

  it('rejects a point with the wrong keys instead of returning NaN', () => {
    expect(() => distanceKm({ lat: 1 } as LatLng, { lat: 0, lng: 0 })).to.throw(TypeError, /a must be/);
  });
});
