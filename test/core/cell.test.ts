// cellCenter: the one rule by which the other party's position enters the widget (contract v1.1).
// Expected values are worked out by hand from (Math.floor(v * 100) + 0.5) / 100.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { cellCenter, distanceKm } from '../../src/core/index.js';
import { cellRadiusKm, isLatLng } from '../../src/core/geo.js';

describe('cellCenter', () => {
  it('moves a point in Manhattan to the centre of its 0.01° cell', () => {
    // 4074.12 floors to 4074 → 40.745; -7398.97 floors to -7399 → -73.985.
    expect(cellCenter({ lat: 40.7412, lng: -73.9897 })).to.deep.equal({ lat: 40.745, lng: -73.985 });
  });

  it('floors negative coordinates towards −∞, so the cell of −73.9897 is −73.99…−73.98', () => {
    expect(cellCenter({ lat: -33.8688, lng: 151.2093 })).to.deep.equal({ lat: -33.865, lng: 151.205 });
    expect(cellCenter({ lat: -0.0000001, lng: -0.005 })).to.deep.equal({ lat: -0.005, lng: -0.005 });
    expect(cellCenter({ lat: 0, lng: -0 })).to.deep.equal({ lat: 0.005, lng: 0.005 });
  });

  it('puts a point exactly on a cell edge in the cell above it when v * 100 is exact', () => {
    // 40.74 * 100 is exactly 4074, and -73.99 * 100 is -7398.999999999999, which floors to -7399.
    expect(cellCenter({ lat: 40.74, lng: -73.99 })).to.deep.equal({ lat: 40.745, lng: -73.985 });
  });

  it('follows the expression, not decimal arithmetic, where v * 100 rounds down in binary', () => {
    // 0.29 * 100 is 28.999999999999996: the contract's expression puts 0.29 in the cell 0.28…0.29.
    // A host's server and the widget agree because both evaluate the same expression.
    expect(cellCenter({ lat: 0.29, lng: 0.57 })).to.deep.equal({ lat: 0.285, lng: 0.565 });
    expect(cellCenter({ lat: 0.28, lng: 0 })).to.deep.equal({ lat: 0.285, lng: 0.005 });
  });

  it('gives every point of one cell the same centre, and the centre lies in that cell', () => {
    for (const p of [
      { lat: 40.7400001, lng: -73.9899999 },
      { lat: 40.745, lng: -73.985 },
      { lat: 40.7499999, lng: -73.9800001 },
    ])
      expect(cellCenter(p)).to.deep.equal({ lat: 40.745, lng: -73.985 });
    fc.assert(
      fc.property(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), (lat, lng) => {
        const c = cellCenter({ lat, lng });
        return isLatLng(c) && Math.abs(c.lat - lat) <= 0.005 + 1e-9 && (Math.abs(c.lng - lng) <= 0.005 + 1e-9 || lng === 180);
      }),
      { numRuns: 3000 },
    );
  });

  it('returns a centre unchanged, so a host that snapped on its server loses nothing when the widget snaps again', () => {
    for (let k = -18000; k < 18000; k += 1) {
      const v = (k + 0.5) / 100;
      const c = cellCenter({ lat: Math.max(-89.995, Math.min(89.995, v / 2)), lng: v });
      expect(cellCenter(c)).to.deep.equal(c);
    }
  });

  it('keeps the poles and the antimeridian valid: lat ±90 → ±89.995, lng ±180 → −179.995', () => {
    // The plain expression would give 90.005 and 180.005, which are not a position.
    expect(cellCenter({ lat: 90, lng: 180 })).to.deep.equal({ lat: 89.995, lng: -179.995 });
    expect(cellCenter({ lat: -90, lng: -180 })).to.deep.equal({ lat: -89.995, lng: -179.995 });
    expect(cellCenter({ lat: 89.9999, lng: 179.999 })).to.deep.equal({ lat: 89.995, lng: 179.995 });
    // 180 and −180 are one meridian, so they share one cell.
    expect(cellCenter({ lat: 10, lng: 180 })).to.deep.equal(cellCenter({ lat: 10, lng: -180 }));
  });

  it('refuses what is not a position, quoting it, instead of snapping NaN or a missing key to a cell', () => {
    expect(() => cellCenter({ lat: 40.7, lon: -74 } as never)).to.throw(TypeError, /"lon":-74/);
    expect(() => cellCenter({ lat: NaN, lng: 0 })).to.throw(TypeError, /NaN|null/);
    expect(() => cellCenter({ lat: 90.001, lng: 0 })).to.throw(TypeError, /90\.001/);
  });
});

describe('cellRadiusKm', () => {
  it('covers the whole cell: no point of a cell is farther from its centre', () => {
    const centre = cellCenter({ lat: 40.7412, lng: -73.9897 });
    const radiusKm = cellRadiusKm(centre);
    // Half the diagonal of a 1.11 km × 0.84 km cell at 40.7° N: about 0.70 km.
    expect(radiusKm).to.be.closeTo(0.7, 0.02);
    for (const corner of [
      { lat: 40.74, lng: -73.99 },
      { lat: 40.75, lng: -73.98 },
      { lat: 40.74, lng: -73.98 },
      { lat: 40.75, lng: -73.99 },
      { lat: 40.745, lng: -73.99 },
    ])
      expect(distanceKm(centre, corner)).to.be.at.most(radiusKm + 1e-9);
  });

  it('is largest at the equator (about 0.79 km) and stays finite at the pole', () => {
    expect(cellRadiusKm({ lat: 0.005, lng: 0.005 })).to.be.closeTo(0.787, 0.005);
    expect(cellRadiusKm({ lat: 89.995, lng: -179.995 })).to.be.within(0.5, 0.8);
  });
});
