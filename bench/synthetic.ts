// A seeded synthetic worldwide network: 70% of stations in cities (Zipf-sized, so one metro holds
// ~10% of everything), 30% spread over the countryside. Fields look like real stations (names,
// addresses, URLs) so byte counts mean something. Same seed, same dataset, in Node and Chromium.
import type { LatLng, Station } from '../src/core/types.js';

const CITIES = 400;
const CITY_SHARE = 0.7;
const SYLLABLES = ['ka', 'lo', 'mi', 'ran', 'dor', 've', 'sta', 'ton', 'bur', 'ley', 'mar', 'ash', 'wood', 'field', 'ham', 'port', 'ing', 'el', 'ri', 'no'];
const STREETS = [
  'Main Street',
  'Oak Avenue',
  'Station Road',
  'High Street',
  'Park Lane',
  'Church Street',
  'Mill Road',
  'Lake Drive',
  'Pine Street',
  'Market Square',
];

export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = ReturnType<typeof random>;

export interface World {
  stations: Station[];
  /** The biggest city: centre and radius in degrees. */
  metro: { centre: LatLng; radiusDeg: number };
  /** Where the countryside stations are (for rural queries). */
  rural: LatLng[];
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
/** Uniform on the sphere between latitudes -50 and 70 (where people live, roughly). */
const land = (r: Rand): LatLng => {
  const [a, b] = [Math.sin(-50 * (Math.PI / 180)), Math.sin(70 * (Math.PI / 180))];
  return { lat: (Math.asin(a + (b - a) * r()) * 180) / Math.PI, lng: r() * 360 - 180 };
};
const word = (r: Rand, n: number) => {
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w[0]!.toUpperCase() + w.slice(1);
};
export const around = (r: Rand, c: LatLng, radiusDeg: number): LatLng => {
  const d = radiusDeg * Math.sqrt(r());
  const a = r() * 2 * Math.PI;
  const lat = Math.max(-90, Math.min(90, c.lat + d * Math.sin(a)));
  const lng = c.lng + (d * Math.cos(a)) / Math.max(0.05, Math.cos((c.lat * Math.PI) / 180));
  return { lat, lng: ((((lng + 180) % 360) + 360) % 360) - 180 };
};

export function syntheticWorld(n: number, seed = 42): World {
  const r = random(seed);
  const cities = Array.from({ length: CITIES }, (_, i) => ({ centre: land(r), name: word(r, 2 + Math.floor(r() * 2)), weight: 1 / (i + 1) }));
  const total = cities.reduce((a, c) => a + c.weight, 0);
  const cumulative: number[] = [];
  cities.reduce((a, c) => (cumulative.push(a + c.weight / total), a + c.weight / total), 0);
  const radius = (c: (typeof cities)[number]) => 0.08 + 0.5 * Math.sqrt(c.weight);
  const rural: LatLng[] = [];
  const stations: Station[] = [];
  for (let i = 0; i < n; i++) {
    let p: LatLng;
    let locality: string;
    if (r() < CITY_SHARE) {
      const u = r();
      const city =
        cities[
          Math.max(
            0,
            cumulative.findIndex((c) => c >= u),
          )
        ]!;
      p = around(r, city.centre, radius(city));
      locality = city.name;
    } else {
      p = land(r);
      rural.push(p);
      locality = word(r, 2);
    }
    const id = `st-${String(i).padStart(6, '0')}`;
    stations.push({
      id,
      name: `${locality} ${r() < 0.5 ? 'Police Department' : 'Sheriff Office'} Exchange Zone`,
      address: `${1 + Math.floor(r() * 9000)} ${STREETS[Math.floor(r() * STREETS.length)]}`,
      locality,
      country: 'US',
      lat: round5(p.lat),
      lng: round5(p.lng),
      kind: 'police',
      hours: '24/7',
      url: `https://police.example.org/${locality.toLowerCase()}/${id}`,
    });
  }
  return { stations, metro: { centre: cities[0]!.centre, radiusDeg: radius(cities[0]!) }, rural };
}
