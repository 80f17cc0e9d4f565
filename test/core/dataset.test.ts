import { expect } from '@open-wc/testing';
import { DatasetError, parseDataset } from '../../src/core/index.js';
import { parseDatasetSteps } from '../../src/core/dataset.js';
import { runInSlices } from '../../src/core/steps.js';
import { nyc } from '../fixtures/nyc.js';

const good = {
  id: 'nypd-pct-013',
  name: 'NYPD 13th Precinct',
  address: '230 East 21st Street',
  country: 'US',
  lat: 40.7365,
  lng: -73.9826,
};
const dataset = (stations: unknown[], extra: object = {}) => ({ format: 'safetrade-stations', version: 1, stations, ...extra });
const withStation = (patch: Record<string, unknown>) => parseDataset(dataset([{ ...good, ...patch }]));

describe('parseDataset: whole datasets', () => {
  it('keeps all 96 NYPD zones of the shipped data, with no rejection or warning', () => {
    const parsed = parseDataset(nyc);
    expect(parsed.stations).to.have.length(96);
    expect(parsed.rejected).to.deep.equal([]);
    expect(parsed.warnings).to.deep.equal([]);
    expect(parsed.attribution.some((a) => a.includes('OpenStreetMap'))).to.equal(true);
  });

  it('ignores unknown top-level and station keys, so newer datasets load', () => {
    const parsed = parseDataset(dataset([{ ...good, futureField: { x: 1 } }], { future: true }));
    expect(parsed.stations).to.deep.equal([good]);
  });

  for (const [label, input, message] of [
    ['null', null, /dataset object.*null/],
    ['an array', [good], /dataset object.*an array/],
    ['a string', 'stations', /dataset object/],
    ['a wrong format', { format: 'geojson', version: 1, stations: [] }, /"format" must be "safetrade-stations" \(got "geojson"\)/],
    ['a missing format', { version: 1, stations: [] }, /"format"/],
    ['version 2', { format: 'safetrade-stations', version: 2, stations: [] }, /"version" must be 1 \(got 2\)/],
    ['version "1"', { format: 'safetrade-stations', version: '1', stations: [] }, /"version" must be 1 \(got "1"\)/],
    ['stations not an array', { format: 'safetrade-stations', version: 1, stations: {} }, /"stations" must be an array/],
  ] as const) {
    it(`throws DatasetError for ${label}`, () => {
      expect(() => parseDataset(input)).to.throw(DatasetError, message);
    });
  }

  it('gives DatasetError the dataset-invalid code', () => {
    try {
      parseDataset({});
      expect.fail('should throw');
    } catch (error) {
      expect((error as DatasetError).code).to.equal('dataset-invalid');
    }
  });

  it('returns an empty list, not an error, for a dataset with no stations', () => {
    expect(parseDataset(dataset([])).stations).to.deep.equal([]);
  });
});

describe('parseDataset: rejected stations', () => {
  for (const [label, patch, reason] of [
    ['a missing id', { id: undefined }, 'id: missing'],
    ['an upper-case id', { id: 'NYPD-13' }, 'id: must be 1–64 characters of a-z 0-9 . _ -, starting with a letter or digit (got "NYPD-13")'],
    ['an id starting with a dash', { id: '-13' }, 'id: must be 1–64 characters'],
    ['an id of 65 characters', { id: 'a'.repeat(65) }, 'id: must be 1–64'],
    ['an empty name', { name: '  ' }, 'name: must be a non-empty string (got "  ")'],
    ['a missing address', { address: undefined }, 'address: missing'],
    ['a lower-case country', { country: 'us' }, 'country: must be an ISO 3166-1 alpha-2 code in upper case, like "US" (got "us")'],
    ['a country that does not exist', { country: 'XX' }, 'country: must be an ISO 3166-1 alpha-2'],
    ['a missing lat', { lat: undefined }, 'lat: missing'],
    ['lat as a string', { lat: '40.7' }, 'lat: must be a number from -90 to 90 (got "40.7")'],
    ['lat/lng swapped into an impossible lat (Denver)', { lat: -104.92343, lng: 39.77062 }, 'lat: must be a number from -90 to 90 (got -104.92343)'],
    ['lat 91', { lat: 91 }, 'lat: must be a number from -90 to 90 (got 91)'],
    ['lng 180.5', { lng: 180.5 }, 'lng: must be a number from -180 to 180 (got 180.5)'],
    ['lat null', { lat: null }, 'lat: must be a number from -90 to 90 (got null)'],
  ] as const) {
    it(`rejects ${label}, never repairing it`, () => {
      const parsed = withStation(patch);
      expect(parsed.stations).to.deep.equal([]);
      expect(parsed.rejected).to.have.length(1);
      expect(parsed.rejected[0]!.index).to.equal(0);
      expect(parsed.rejected[0]!.reason.startsWith(reason), parsed.rejected[0]!.reason).to.equal(true);
    });
  }

  it('rejects NaN and Infinity coordinates (possible in objects, not in JSON)', () => {
    expect(withStation({ lat: NaN }).rejected[0]!.reason).to.equal('lat: must be a number from -90 to 90 (got NaN)');
    expect(withStation({ lng: Infinity }).rejected[0]!.reason).to.equal('lng: must be a number from -180 to 180 (got Infinity)');
  });

  it('rejects a repeated id and keeps the first', () => {
    const parsed = parseDataset(dataset([good, { ...good, name: 'Copy' }, { ...good, id: 'other' }]));
    expect(parsed.stations.map((s) => s.name)).to.deep.equal(['NYPD 13th Precinct', 'NYPD 13th Precinct']);
    expect(parsed.rejected).to.deep.equal([{ index: 1, id: 'nypd-pct-013', reason: 'id: duplicate of the station at index 0' }]);
  });

  it('rejects entries that are not objects, with their index', () => {
    const parsed = parseDataset(dataset([good, 'oops', null, [1, 2]]));
    expect(parsed.rejected.map((r) => [r.index, r.reason])).to.deep.equal([
      [1, 'not a station object (got "oops")'],
      [2, 'not a station object (got null)'],
      [3, 'not a station object (got an array)'],
    ]);
  });

  it('names the id of a rejected station when it has one', () => {
    expect(withStation({ lat: 100 }).rejected[0]).to.deep.include({ index: 0, id: 'nypd-pct-013' });
  });
});

describe('parseDataset: dropped optional fields', () => {
  const warningsOf = (patch: Record<string, unknown>) => {
    const parsed = withStation(patch);
    expect(parsed.stations, 'the station is kept').to.have.length(1);
    return { station: parsed.stations[0]!, warnings: parsed.warnings.map((w) => w.reason) };
  };

  it('keeps every valid optional field as given', () => {
    const full = {
      locality: 'New York',
      region: 'NY',
      postcode: '10010',
      agency: 'NYPD',
      kind: 'police',
      hours: { mo: ['08:00-20:00'], sa: ['20:00-02:00', '10:00-12:00'], su: [] },
      timezone: 'America/New_York',
      features: ['video', 'lit'],
      spot: 'Front steps',
      phone: '+1 212-477-7411',
      url: 'https://www.nyc.gov/x',
      notes: 'n',
      source: 'USGS',
      verified: '2026-11-28',
    };
    const { station, warnings } = warningsOf(full);
    expect(warnings).to.deep.equal([]);
    expect(station).to.deep.equal({ ...good, ...full });
  });

  for (const [label, patch, reason] of [
    ['a javascript: url', { url: 'javascript:alert(1)' }, 'url: must be an absolute http: or https: URL (got "javascript:alert(1)"); dropped'],
    ['a data: url', { url: 'data:text/html,hi' }, 'url: must be an absolute http: or https: URL'],
    ['a relative url', { url: '/precinct' }, 'url: must be an absolute http: or https: URL'],
    ['an unknown kind', { kind: 'fire' }, 'kind: must be one of police, sheriff, transit-police, other (got "fire"); dropped'],
    ['hours "always"', { hours: 'always' }, 'hours: must be "24/7" or an object'],
    ['hours with a bad day key', { hours: { monday: ['08:00-20:00'] }, timezone: 'America/New_York' }, 'hours: must be'],
    ['hours 25:00', { hours: { mo: ['08:00-25:00'] }, timezone: 'America/New_York' }, 'hours: must be'],
    ['an empty range', { hours: { mo: ['08:00-08:00'] }, timezone: 'America/New_York' }, 'hours: must be'],
    [
      'a timezone that does not exist',
      { timezone: 'Mars/Olympus' },
      'timezone: must be an IANA time zone name, like "America/New_York" (got "Mars/Olympus"); dropped',
    ],
    ['features that are not a list', { features: 'video' }, 'features: must be a list of words (got "video"); dropped'],
    ['a verified date that does not exist', { verified: '2026-02-30' }, 'verified: must be a date as YYYY-MM-DD (got "2026-02-30"); dropped'],
    ['a numeric postcode', { postcode: 10010 }, 'postcode: must be a non-empty string (got 10010); dropped'],
  ] as const) {
    it(`drops ${label} and keeps the station`, () => {
      const { station, warnings } = warningsOf(patch);
      const field = reason.split(':')[0] as keyof typeof station;
      expect(station[field]).to.equal(undefined);
      expect(
        warnings.some((w) => w.startsWith(reason)),
        warnings.join(' | '),
      ).to.equal(true);
    });
  }

  it('ignores unknown feature words silently and keeps the known ones', () => {
    const { station, warnings } = warningsOf({ features: ['video', 'helipad', 'lit', 'video'] });
    expect(station.features).to.deep.equal(['video', 'lit']);
    expect(warnings).to.deep.equal([]);
  });

  it('keeps hours without a timezone as written, and says it cannot check them', () => {
    const { station, warnings } = warningsOf({ hours: { mo: ['08:00-20:00'] } });
    expect(station.hours).to.deep.equal({ mo: ['08:00-20:00'] });
    expect(station.timezone).to.equal(undefined);
    expect(warnings).to.deep.equal(['timezone: missing, so the hours are shown as written and never checked against the clock']);
  });

  it('says which station each warning belongs to', () => {
    const parsed = parseDataset(dataset([good, { ...good, id: 'b', url: 'ftp://x' }]));
    expect(parsed.warnings).to.have.length(1);
    expect(parsed.warnings[0]).to.deep.include({ index: 1, id: 'b' });
  });
});

describe('parseDataset in slices (how the widget checks a fetched dataset)', () => {
  // Budget 0: it hands the main thread back at every pause, so every pause is crossed.
  const sliced = (input: unknown) => runInSlices(parseDatasetSteps(input), undefined, 0);

  it('gives exactly what parseDataset gives: kept stations, rejections, warnings, in order', async () => {
    const stations: unknown[] = [...nyc.stations];
    stations.splice(20, 0, { ...good, id: 'no-lat', lat: undefined }, 'not a station', { ...good, id: 'bad-url', url: 'javascript:alert(1)' });
    stations.splice(70, 0, { ...nyc.stations[3], hours: { mo: ['08:00-20:00'] }, kind: 'castle' }); // a duplicate, with warnings that go with it
    stations.push({ ...good, id: 'late', country: 'us' });
    const input = dataset(stations, { name: 'Mixed', updated: '2026-11-28', attribution: ['A', 7] });
    const parsed = await sliced(input);
    expect(parsed).to.deep.equal(parseDataset(input));
    expect(parsed.stations).to.have.length(97);
    expect(parsed.rejected.map((r) => r.index)).to.deep.equal([20, 21, 70, 100]);
    expect(parsed.warnings.map((w) => w.id)).to.deep.equal(['bad-url']);
  });

  it('skips the holes of a sparse array, as parseDataset does', async () => {
    const stations = new Array(40);
    stations[3] = good;
    stations[35] = { ...good, id: 'other' };
    expect(await sliced(dataset(stations))).to.deep.equal(parseDataset(dataset(stations)));
    expect((await sliced(dataset(stations))).rejected).to.deep.equal([]);
  });

  it('rejects with the DatasetError parseDataset throws', async () => {
    const input = { format: 'safetrade-stations', version: 2, stations: [] };
    const error = await sliced(input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(DatasetError);
    expect(() => parseDataset(input)).to.throw(DatasetError, (error as Error).message);
  });
});
