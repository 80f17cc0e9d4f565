// Opening hours through the spatial index: from 1,000 stations rankStations searches the k-d
// tree, and openAt/preferOpenAt must give exactly what the linear scan gives.
import { expect } from '@open-wc/testing';
import { INDEX_MIN_STATIONS, isOpenAt, rankStations } from '../../src/core/index.js';
import type { Station } from '../../src/core/types.js';

const weekdays = { mo: ['09:00-17:00'], tu: ['09:00-17:00'], we: ['09:00-17:00'], th: ['09:00-17:00'], fr: ['09:00-17:00'] };
const SATURDAY_NIGHT = new Date('2026-12-05T22:00:00-05:00');
const MONDAY_MORNING = new Date('2026-12-07T10:00:00-05:00');

function world(n: number): Station[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  return Array.from({ length: n }, (_, i) => ({
    id: `s${String(i).padStart(5, '0')}`,
    name: `S${i}`,
    address: `${i} St`,
    country: 'US',
    lat: 40.6 + rnd() * 0.3,
    lng: -74.1 + rnd() * 0.3,
    ...(i % 3 === 0 ? { hours: weekdays, timezone: 'America/New_York' } : i % 3 === 1 ? { hours: '24/7' as const, timezone: 'America/New_York' } : {}),
  }));
}

describe('rankStations with opening hours, indexed and scanned alike', () => {
  const big = world(INDEX_MIN_STATIONS * 2);
  const parties = { seller: { lat: 40.7, lng: -73.99 }, buyer: { lat: 40.76, lng: -73.95 } };

  for (const at of [SATURDAY_NIGHT, MONDAY_MORNING]) {
    it(`openAt ${at.toISOString()} leaves out exactly the stations closed then`, () => {
      const indexed = rankStations(big, parties, { limit: 20, openAt: at });
      // The same stations in a copy below the index threshold, ranked by the scan, chunk by chunk.
      const openThen = big.filter((s) => isOpenAt(s, at) !== false);
      const scanned = rankStations(openThen.slice(0, INDEX_MIN_STATIONS - 1), parties, { limit: 20 });
      const rest = rankStations(openThen.slice(INDEX_MIN_STATIONS - 1), parties, { limit: 20 });
      const oracle = [...scanned, ...rest]
        .sort(
          (a, b) =>
            Math.max(a.sellerKm, a.buyerKm!) - Math.max(b.sellerKm, b.buyerKm!) ||
            a.sellerKm + a.buyerKm! - (b.sellerKm + b.buyerKm!) ||
            (a.station.id < b.station.id ? -1 : 1),
        )
        .slice(0, 20);
      expect(indexed.map((s) => s.station.id)).to.deep.equal(oracle.map((s) => s.station.id));
      expect(indexed.every((s) => isOpenAt(s.station, at) !== false)).to.equal(true);
    });
  }

  it('preferOpenAt puts an open station first and keeps the others in order', () => {
    // Both parties at s00000, a weekday-only lobby: closed on Saturday night, yet nearest.
    const atLobby = { seller: { lat: big[0]!.lat, lng: big[0]!.lng }, buyer: { lat: big[0]!.lat, lng: big[0]!.lng } };
    const plain = rankStations(big, atLobby, { limit: 10 });
    expect(plain[0]!.station.id).to.equal('s00000');
    expect(isOpenAt(plain[0]!.station, SATURDAY_NIGHT)).to.equal(false);
    const preferred = rankStations(big, atLobby, { limit: 10, preferOpenAt: SATURDAY_NIGHT });
    expect(preferred[0]!.station.id).to.not.equal('s00000');
    expect(isOpenAt(preferred[0]!.station, SATURDAY_NIGHT)).to.not.equal(false);
    const rest = preferred.slice(1).map((s) => s.station.id);
    expect(rest).to.deep.equal(
      plain
        .map((s) => s.station.id)
        .filter((id) => id !== preferred[0]!.station.id)
        .slice(0, 9),
    );
  });
});
