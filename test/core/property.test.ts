// Property tests (fast-check, in Chromium): the three boundaries where outside input becomes
// trusted data. Each property is checked against an independent statement of the rule, never
// against the code under test. A failure prints the smallest input that breaks it and its seed.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { DatasetError, distanceKm, FEATURES, parseDataset, rankStations, STATION_KINDS, WEEKDAYS } from '../../src/core/index.js';
import type { LatLng, Mode, Station } from '../../src/core/types.js';
import { numberConverter } from '../../src/element/inputs.js';

const RUNS = { numRuns: 1500 };
// Thousands of cases per property: allow more than the suite's default 10 s on a busy machine.
beforeEach(function () {
  this.currentTest?.timeout(60_000);
});

// ---------------------------------------------------------------------------------------------
// parseDataset

const REQUIRED = ['id', 'name', 'address', 'country', 'lat', 'lng'];
const OPTIONAL_TEXT = ['locality', 'region', 'postcode', 'agency', 'spot', 'phone', 'notes', 'source'];
const KNOWN = new Set([...REQUIRED, ...OPTIONAL_TEXT, 'kind', 'hours', 'timezone', 'features', 'url', 'verified']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** The schema of a kept station, restated independently; returns what is wrong with it. */
function schemaProblems(s: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const bad = (field: string) => problems.push(`${field}: ${JSON.stringify(s[field])?.slice(0, 60)}`);
  const nonEmpty = (v: unknown) => typeof v === 'string' && /\S/.test(v);
  for (const key of Object.keys(s)) if (!KNOWN.has(key)) problems.push(`unknown key ${key}`);
  if (!(typeof s.id === 'string' && s.id.length >= 1 && s.id.length <= 64 && /^[a-z0-9]/.test(s.id) && /^[a-z0-9._-]*$/.test(s.id))) bad('id');
  if (!nonEmpty(s.name)) bad('name');
  if (!nonEmpty(s.address)) bad('address');
  if (!(typeof s.country === 'string' && /^[A-Z]{2}$/.test(s.country) && regionNames.of(s.country) !== undefined)) bad('country');
  if (!(typeof s.lat === 'number' && s.lat >= -90 && s.lat <= 90)) bad('lat');
  if (!(typeof s.lng === 'number' && s.lng >= -180 && s.lng <= 180)) bad('lng');
  for (const f of OPTIONAL_TEXT) if (f in s && !nonEmpty(s[f])) bad(f);
  if ('kind' in s && !(STATION_KINDS as readonly unknown[]).includes(s.kind)) bad('kind');
  if (
    'features' in s &&
    !(Array.isArray(s.features) && s.features.every((f) => (FEATURES as readonly unknown[]).includes(f)) && new Set(s.features).size === s.features.length)
  )
    bad('features');
  if ('url' in s && !(typeof s.url === 'string' && /^https?:$/.test(safeUrl(s.url)?.protocol ?? ''))) bad('url');
  if ('verified' in s && !(typeof s.verified === 'string' && isRealDate(s.verified))) bad('verified');
  if ('timezone' in s && !(typeof s.timezone === 'string' && isTimeZone(s.timezone))) bad('timezone');
  if ('hours' in s && !(s.hours === '24/7' || isWeekly(s.hours))) bad('hours');
  return problems;
}

const safeUrl = (u: string) => {
  try {
    return new URL(u);
  } catch {
    return null;
  }
};
const isRealDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const isTimeZone = (tz: string) => {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
};
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
function isWeekly(h: unknown): boolean {
  if (typeof h !== 'object' || h === null || Array.isArray(h) || Object.keys(h).length === 0) return false;
  return Object.entries(h).every(
    ([day, ranges]) =>
      (WEEKDAYS as readonly string[]).includes(day) &&
      Array.isArray(ranges) &&
      ranges.every((r) => {
        if (typeof r !== 'string' || !/^\d\d:\d\d-\d\d:\d\d$/.test(r)) return false;
        const [from, to] = r.split('-') as [string, string];
        return minutes(from) < 24 * 60 && Number(from.slice(3)) < 60 && Number(to.slice(3)) < 60 && minutes(to) <= 24 * 60 && from !== to;
      }),
  );
}

/** Values near the schema's edges, mixed with anything JSON can hold. */
const anything = fc.jsonValue({ maxDepth: 3 });
const maybe = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: anything });
const time = fc
  .tuple(fc.integer({ min: 0, max: 25 }), fc.constantFrom(0, 15, 30, 59, 60))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const stationish = fc.record(
  {
    id: maybe(fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,70}$/), fc.constantFrom('a', 'a', 'b', 'A', '-a', ''))),
    name: maybe(fc.oneof(fc.string(), fc.constantFrom(' ', '\u00a0', '\ufeff', '\u202e', 'Precinct'))),
    address: maybe(fc.string()),
    country: maybe(fc.constantFrom('US', 'GB', 'DE', 'XK', 'us', 'USA', 'XX', 'ZZ', '')),
    lat: maybe(fc.oneof(fc.double({ min: -100, max: 100 }), fc.constantFrom(90, -90, 90.000001, -0))),
    lng: maybe(fc.oneof(fc.double({ min: -200, max: 200 }), fc.constantFrom(180, -180, 180.5))),
    locality: maybe(fc.string()),
    kind: maybe(fc.constantFrom(...STATION_KINDS, 'Police', 'army')),
    hours: maybe(
      fc.oneof(
        fc.constant('24/7'),
        fc.dictionary(
          fc.constantFrom(...WEEKDAYS, 'xx', 'Mo'),
          fc.array(
            fc.oneof(
              fc.tuple(time, time).map(([a, b]) => `${a}-${b}`),
              fc.constant('24:00-01:00'),
              fc.string(),
            ),
            { maxLength: 3 },
          ),
        ),
      ),
    ),
    timezone: maybe(fc.constantFrom('America/New_York', 'Europe/London', 'UTC', 'Mars/Olympus', 'america/new_york', '../etc', '')),
    features: maybe(fc.array(fc.constantFrom(...FEATURES, 'video', 'teleport', ''), { maxLength: 6 })),
    url: maybe(fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'ftp://x.org/', '//x.org', 'https://', 'HTTPS://X.ORG'))),
    verified: maybe(
      fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom('2026-02-30', '2026-13-01', '26-01-01'),
      ),
    ),
  },
  { requiredKeys: [] },
);
const datasetish = fc.record(
  {
    format: maybe(fc.constant('safetrade-stations')),
    version: maybe(fc.constantFrom(1, 2, '1')),
    stations: maybe(fc.array(fc.oneof({ weight: 6, arbitrary: stationish }, { weight: 1, arbitrary: anything }), { maxLength: 12 })),
    name: anything,
    attribution: maybe(fc.array(fc.string())),
  },
  { requiredKeys: [] },
);
/** What a server can send: any JSON value (a round trip turns NaN into null and -0 into 0). */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

function checkParse(value: unknown): void {
  let parsed;
  try {
    parsed = parseDataset(value);
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(DatasetError);
    expect((error as DatasetError).message).to.match(/^"?\w/);
    return;
  }
  const raw = (value as { stations: unknown[] }).stations;
  const rejected = new Set(parsed.rejected.map((r) => r.index));
  // Every station is accounted for: kept or rejected, once.
  expect(parsed.stations.length + rejected.size).to.equal(raw.length);
  expect(rejected.size).to.equal(parsed.rejected.length);
  const keptRaw = raw.filter((_, i) => !rejected.has(i)) as Record<string, unknown>[];
  expect(new Set(parsed.stations.map((s) => s.id)).size).to.equal(parsed.stations.length);
  parsed.stations.forEach((station, k) => {
    expect(schemaProblems(station as unknown as Record<string, unknown>), JSON.stringify(station).slice(0, 200)).to.deep.equal([]);
    // Never repaired: every kept value is the value the dataset gave (features: the known words of it).
    for (const [field, v] of Object.entries(station)) {
      if (field === 'features') expect(v).to.deep.equal(FEATURES.filter((f) => (keptRaw[k]!.features as string[]).includes(f)));
      else expect(v, field).to.deep.equal(keptRaw[k]![field]);
    }
  });
  for (const w of parsed.warnings) expect(rejected.has(w.index), `a warning for rejected station ${w.index}`).to.equal(false);
}

describe('parseDataset, on any JSON value', () => {
  it('throws nothing but DatasetError on arbitrary JSON', () => {
    fc.assert(
      fc.property(anything, (v) => checkParse(asJson(v))),
      RUNS,
    );
  });

  it('keeps only stations that satisfy the schema, unrepaired, and accounts for every other one', () => {
    fc.assert(
      fc.property(datasetish, (v) => checkParse(asJson(v))),
      RUNS,
    );
  });

  it('survives hostile shapes: deep nesting, __proto__ keys, huge arrays of junk', () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const good = '{"id":"a","name":"A","address":"1 St","country":"US","lat":1,"lng":2';
    for (const text of [
      `{"format":"safetrade-stations","version":1,"stations":${deep}}`,
      `{"format":"safetrade-stations","version":1,"stations":[${good},"notes":${deep}}]}`,
      `{"format":"safetrade-stations","version":1,"stations":[{"__proto__":{"lat":1,"polluted":true},"id":"p"}]}`,
      `{"__proto__":{"format":"safetrade-stations","version":1},"stations":[]}`,
      `{"format":"safetrade-stations","version":1,"stations":[${good},"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]}`,
      `{"format":"safetrade-stations","version":1,"stations":[${Array(20_000).fill('0').join(',')}]}`,
    ]) {
      checkParse(JSON.parse(text));
    }
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    const polluted = parseDataset(JSON.parse(`{"format":"safetrade-stations","version":1,"stations":[${good},"__proto__":{"polluted":true}}]}`));
    expect(Object.getPrototypeOf(polluted.stations[0])).to.equal(Object.prototype);
    expect((polluted.stations[0] as unknown as Record<string, unknown>).polluted).to.equal(undefined);
  });
});

// ---------------------------------------------------------------------------------------------
// rankStations

/** The ranking rule of the contract, written out by brute force. */
function oracle(stations: Station[], seller: LatLng, buyer: LatLng | null, mode: Mode, limit: number, maxKm: number) {
  const rows = stations
    .map((station) => ({ station, sellerKm: distanceKm(seller, station), buyerKm: buyer ? distanceKm(buyer, station) : null }))
    .filter((r) => r.sellerKm <= maxKm && (r.buyerKm === null || r.buyerKm <= maxKm));
  const key = ({ sellerKm: s, buyerKm: b }: (typeof rows)[number]) =>
    b === null ? [s] : mode === 'fair' ? [Math.max(s, b), s + b] : mode === 'total' ? [s + b, Math.max(s, b)] : [b, s];
  const better = (x: (typeof rows)[number], y: (typeof rows)[number]) => {
    const [a, b] = [key(x), key(y)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
    return x.station.id < y.station.id;
  };
  // Selection, not sort: picks the best remaining row `limit` times.
  const out: typeof rows = [];
  const left = [...rows];
  while (out.length < limit && left.length) {
    let best = 0;
    for (let i = 1; i < left.length; i++) if (better(left[i]!, left[best]!)) best = i;
    out.push(...left.splice(best, 1));
  }
  return out;
}

/** An offset from the world's centre, in units of its spread; snapped ones make exact ties. */
const offset = fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.boolean());
const place = (c: LatLng, spread: number, [a, b, snap]: [number, number, boolean]): LatLng => {
  const r = (v: number) => (snap ? Math.round(v * 100) / 100 : v);
  // Latitude clamped to the poles, longitude wrapped across the antimeridian.
  return { lat: Math.max(-90, Math.min(90, r(c.lat + a * spread))), lng: ((((r(c.lng + b * spread) + 180) % 360) + 360) % 360) - 180 };
};
const world = fc.record({
  centre: fc.record({ lat: fc.double({ min: -89, max: 89, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }) }),
  spread: fc.constantFrom(0.01, 0.3, 3),
  stations: fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,6}$/), offset), { selector: ([id]) => id, maxLength: 40 }),
  seller: offset,
  buyer: fc.option(offset, { nil: null }),
  mode: fc.constantFrom<Mode>('fair', 'total', 'buyer'),
  limit: fc.integer({ min: 1, max: 25 }),
  maxDistanceKm: fc.constantFrom(0.5, 5, 40, 400, 20_000),
});

describe('rankStations, on random worlds', () => {
  it('matches the brute-force oracle: same stations, same order, same distances', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { mode, limit, maxDistanceKm } = w;
        const list: Station[] = w.stations.map(([id, o]) => ({ id, name: id, address: `${id} St`, country: 'US', ...place(w.centre, w.spread, o) }));
        const seller = place(w.centre, w.spread, w.seller);
        const buyer = w.buyer && place(w.centre, w.spread, w.buyer);
        const got = rankStations(list, { seller, buyer }, { mode, limit, maxDistanceKm });
        const want = oracle(list, seller, buyer, mode, limit, maxDistanceKm);
        expect(got.map((s) => s.station.id)).to.deep.equal(want.map((r) => r.station.id));
        expect(got.map((s) => [s.sellerKm, s.buyerKm])).to.deep.equal(want.map((r) => [r.sellerKm, r.buyerKm]));
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// numberConverter: the attribute syntax for coordinates, limit and max-distance-km

/**
 * The accepted syntax, as a hand-written scanner: optional whitespace, an optional sign, digits
 * with an optional fraction (or a fraction alone), an optional exponent, optional whitespace.
 */
function isDecimal(text: string): boolean {
  const ws = (c: string | undefined) => c !== undefined && c.trim() === '';
  let i = 0;
  let j = text.length;
  while (i < j && ws(text[i])) i++;
  while (j > i && ws(text[j - 1])) j--;
  const s = text.slice(i, j);
  let k = 0;
  const digits = () => {
    const from = k;
    while (k < s.length && s[k]! >= '0' && s[k]! <= '9') k++;
    return k - from;
  };
  if (s[k] === '+' || s[k] === '-') k++;
  const whole = digits();
  let fraction = 0;
  if (s[k] === '.') {
    k++;
    fraction = digits();
  }
  if (whole === 0 && fraction === 0) return false;
  if (s[k] === 'e' || s[k] === 'E') {
    k++;
    if (s[k] === '+' || s[k] === '-') k++;
    if (digits() === 0) return false;
  }
  return k === s.length;
}

const decimal = fc
  .record({
    before: fc.constantFrom('', ' ', '\t', '\n '),
    sign: fc.constantFrom('', '-', '+'),
    whole: fc.stringMatching(/^\d{0,12}$/),
    fraction: fc.option(fc.stringMatching(/^\d{0,12}$/), { nil: null }),
    exponent: fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{1,3}$/)), { nil: null }),
    after: fc.constantFrom('', ' ', '\r\n'),
  })
  .filter(({ whole, fraction }) => whole.length > 0 || (fraction?.length ?? 0) > 0)
  .map(({ before, sign, whole, fraction, exponent }) => `${before}${sign}${whole}${fraction === null ? '' : `.${fraction}`}${exponent?.join('') ?? ''}`);
const nearMiss = fc.string({ unit: fc.constantFrom(...'0123456789+-.eE xX_,', '\u00a0', 'I', 'n', 'f', 'N', 'a', '٣', '０', '\u200b'), maxLength: 12 });

describe('numberConverter (attribute → number)', () => {
  it('reads every valid decimal number as its value', () => {
    fc.assert(
      fc.property(decimal, (text) => {
        const value = numberConverter.fromAttribute(text);
        expect(value, JSON.stringify(text)).to.equal(parseFloat(text.trim()));
        expect(Number.isNaN(value)).to.equal(false);
      }),
      RUNS,
    );
  });

  it('accepts exactly the valid decimals: anything else is NaN, never 0 or a partial read', () => {
    fc.assert(
      fc.property(fc.oneof(nearMiss, fc.string(), decimal), (text) => {
        const value = numberConverter.fromAttribute(text);
        expect(Number.isNaN(value), JSON.stringify(text)).to.equal(!isDecimal(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('is NaN for the classic traps, and undefined for a removed attribute', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      '0x1A',
      '1_000',
      '1,5',
      'Infinity',
      '-Infinity',
      'NaN',
      '.',
      '-',
      '+',
      'e5',
      '1e',
      '1.2.3',
      '--1',
      '٣',
      '０',
      '1\u200b',
      '40.7°',
      '40.7N',
    ])
      expect(Number.isNaN(numberConverter.fromAttribute(text)), JSON.stringify(text)).to.equal(true);
    expect(numberConverter.fromAttribute(null)).to.equal(undefined);
  });

  it('round-trips every finite number through the attribute', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = numberConverter.toAttribute(n)!;
        expect(numberConverter.fromAttribute(text)).to.equal(n === 0 ? 0 : n); // -0 is written "0"
      }),
      RUNS,
    );
  });
});
