// Contract v1.1 inside the element: the other party enters only as its cell centre; the viewer's
// own position as given; and "no more than" stays true for the other party anywhere in its cell.
import { expect } from '@open-wc/testing';
import { cellCenter, distanceKm } from '../../src/core/index.js';
import { cellRadiusKm } from '../../src/core/geo.js';
import type { Suggestion } from '../../src/core/types.js';
import { nyc } from '../fixtures/nyc.js';
import { cleanup, mount, settled, shadow } from './helpers.js';

const KM_PER_MILE = 1.609344;
// A seller near the south-west corner of the cell 40.72…40.73 × -73.99…-73.98, and a buyer.
const SELLER = { lat: 40.7201, lng: -73.9899 };
const BUYER = { lat: 40.7359, lng: -73.9911 };

const attrs = (seller: { lat: number; lng: number }, buyer: { lat: number; lng: number }, extra: Record<string, string> = {}) => ({
  'seller-lat': String(seller.lat),
  'seller-lng': String(seller.lng),
  'buyer-lat': String(buyer.lat),
  'buyer-lng': String(buyer.lng),
  locale: 'en-US',
  ...extra,
});

async function suggestions(a: Record<string, string>) {
  const m = await mount(a, { stations: nyc });
  await settled(m, () => m.of('safetrade-suggest').length > 0);
  return { m, list: m.of('safetrade-suggest').at(-1)!.detail.suggestions as Suggestion[] };
}

describe('the other party’s position inside the element', () => {
  afterEach(cleanup);

  it('gives a buyer the seller’s distances from its cell centre and the buyer’s own from the exact point', async () => {
    const { list } = await suggestions(attrs(SELLER, BUYER));
    expect(list.length).to.be.above(0);
    for (const s of list) {
      expect(s.sellerKm).to.equal(distanceKm(cellCenter(SELLER), s.station));
      expect(s.buyerKm).to.equal(distanceKm(BUYER, s.station));
    }
  });

  it('gives a seller the buyer’s distances from its cell centre and the seller’s own from the exact point', async () => {
    const { list } = await suggestions(attrs(SELLER, BUYER, { viewer: 'seller' }));
    for (const s of list) {
      expect(s.sellerKm).to.equal(distanceKm(SELLER, s.station));
      expect(s.buyerKm).to.equal(distanceKm(cellCenter(BUYER), s.station));
    }
  });

  it('says "Neither of you travels more than" a distance that holds for a seller anywhere in its cell', async () => {
    // At the far corner of the cell 40.70…40.71 × -74.00…-73.99 from the best station (Transit
    // District 2): 1.646 mi from it, where the centre alone would round up to "1.5 mi".
    const seller = { lat: 40.70001, lng: -73.99001 };
    const { m, list } = await suggestions(attrs(seller, BUYER, { mode: 'fair' }));
    const best = list[0]!;
    expect(best.station.id).to.equal('nypd-td-02');
    const why = shadow(m.el).querySelector('[part~="expanded"] [part~="why"]')!.textContent!;
    const shownMi = Number(/more than ([\d.]+) mi/.exec(why)![1]);
    // The true seller, and the farthest any seller of that cell can be from the station.
    const farthestKm = distanceKm(cellCenter(seller), best.station) + cellRadiusKm(cellCenter(seller));
    expect(shownMi * KM_PER_MILE).to.be.at.least(distanceKm(seller, best.station));
    expect(shownMi * KM_PER_MILE).to.be.at.least(farthestKm);
    expect(shownMi * KM_PER_MILE).to.be.at.least(best.buyerKm!);
  });

  it('renders the same card for two sellers at opposite corners of one cell', async () => {
    const a = await suggestions(attrs(SELLER, BUYER, { mode: 'total' }));
    const b = await suggestions(attrs({ lat: 40.7299, lng: -73.9801 }, BUYER, { mode: 'total' }));
    expect(shadow(b.m.el).innerHTML).to.equal(shadow(a.m.el).innerHTML);
    expect(b.list).to.deep.equal(a.list);
  });
});
