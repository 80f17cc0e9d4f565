// The safetrade-stations CLI, run as a real process against the fixtures in
// test/fixtures/data/: every kind of bad row gives its exact message, exit codes and usage
// errors are right, and CSV → dataset → validate round-trips clean.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';

const root = new URL('../../', import.meta.url).pathname;
const cli = (...args) => {
  const r = spawnSync(process.execPath, ['bin/safetrade-stations.mjs', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout.trimEnd().split('\n').filter(Boolean), err: r.stderr.trimEnd() };
};
const F = 'test/fixtures/data';
const tmp = mkdtempSync(join(tmpdir(), 'safetrade-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('validate: every kind of bad CSV row, with file:line and the bad value quoted', () => {
  const { code, out } = cli('validate', `${F}/bad-rows.csv`);
  const line = (n) => out.filter((l) => l.startsWith(`${F}/bad-rows.csv:${n}: `)).map((l) => l.slice(`${F}/bad-rows.csv:${n}: `.length));

  for (const [n, label, expected] of [
    [3, 'a missing latitude', 'lat: missing'],
    [4, 'a NaN latitude', 'lat: must be a number from -90 to 90 (got "NaN")'],
    [5, 'an out-of-range longitude', 'lng: must be a number from -180 to 180 (got 200)'],
    [6, 'lat and lng swapped into an impossible range', 'lat: must be a number from -90 to 90 (got -104.99); lat and lng look swapped'],
    [7, 'a bad id', 'id: must be 1–64 characters of a-z 0-9 . _ -, starting with a letter or digit (got "NYPD 13")'],
    [8, 'a duplicate id', `id: duplicate of "test-good" at ${F}/bad-rows.csv:2`],
    [9, 'a bad country', 'country: must be an ISO 3166-1 alpha-2 code in upper case, like "US" (got "USA")'],
    [10, 'a javascript: URL', 'warning: url: must be an absolute http: or https: URL (got "javascript:alert(1)"); dropped'],
    [11, 'bad hours', 'warning: hours: must be "24/7" or days and times like "mo-fr 09:00-17:00; sa 10:00-14:00; su closed" (got "mo-fr 9am-5pm"); dropped'],
    [12, 'a bad time zone', 'warning: timezone: must be an IANA time zone name, like "America/New_York" (got "Mars/Olympus"); dropped'],
    [13, 'an unknown feature word', 'warning: features: unknown word "vidoe" ignored (known: video, lit, signage, parking, indoor, staffed, accessible)'],
    [14, 'a bad status', 'status: must be empty or "pending" (got "maybe")'],
    [16, 'a row with too few cells', 'row: has 3 cells, the header has 18 (an unquoted comma?)'],
    [17, 'a decimal comma', 'lat: must be a number from -90 to 90 (got "39,80")'],
  ]) {
    it(`reports ${label} on line ${n}`, () => assert.deepEqual(line(n), [expected]));
  }

  it('says nothing about the good row and the row that is pending on purpose', () => {
    assert.deepEqual(line(2), []);
    assert.deepEqual(line(15), []);
  });

  it('ends with a summary and exits 1', () => {
    assert.equal(out.at(-1), `${F}/bad-rows.csv: 5 valid stations, 10 errors, 4 dropped fields, 1 pending (no coordinate yet, not shipped) (16 rows)`);
    assert.equal(code, 1);
  });
});

describe('validate: GeoJSON and dataset files, by feature or station index', () => {
  it('rejects non-Point geometry, a missing geometry and swapped coordinates', () => {
    const { code, out } = cli('validate', `${F}/bad.geojson`);
    assert.deepEqual(out, [
      `${F}/bad.geojson: features[1]: geometry: must be a Point (got "Polygon")`,
      `${F}/bad.geojson: features[2]: geometry: missing (id "geo-nowhere")`,
      `${F}/bad.geojson: features[3]: lat: must be a number from -90 to 90 (got -173.9826); lat and lng look swapped`,
      `${F}/bad.geojson: features[4]: warning: hours: must be "24/7" or an object of mo…su lists of "HH:MM-HH:MM" ranges (got {"mo":["9-5"]}); dropped`,
      `${F}/bad.geojson: features[4]: warning: url: must be an absolute http: or https: URL (got "ftp://example.org/"); dropped`,
      `${F}/bad.geojson: 2 valid stations, 3 errors, 2 dropped fields (5 entries)`,
    ]);
    assert.equal(code, 1);
  });

  it('rejects a string latitude, a repeated id, a lower-case country and a non-object', () => {
    const { code, out } = cli('validate', `${F}/bad-dataset.json`);
    assert.deepEqual(out, [
      `${F}/bad-dataset.json: stations[1]: lat: must be a number from -90 to 90 (got "40.7")`,
      `${F}/bad-dataset.json: stations[2]: id: duplicate of "ds-good" at ${F}/bad-dataset.json: stations[0]`,
      `${F}/bad-dataset.json: stations[3]: country: must be an ISO 3166-1 alpha-2 code in upper case, like "US" (got "us")`,
      `${F}/bad-dataset.json: stations[4]: not a station object (got "not a station")`,
      `${F}/bad-dataset.json: 1 valid station, 4 errors, 0 dropped fields (5 entries)`,
    ]);
    assert.equal(code, 1);
  });

  it('names the missing header columns and the likely renames', () => {
    const { code, err } = cli('validate', `${F}/missing-columns.csv`);
    assert.equal(
      err,
      `safetrade-stations: ${F}/missing-columns.csv:1: header: missing columns "id", "lat", "lng" (the header must name at least id, name, address, country, lat, lng; rename "latitude" → "lat", "longitude" → "lng")`,
    );
    assert.equal(code, 1);
  });

  it('exits 0 with warnings, and 1 with --strict', () => {
    const file = join(tmp, 'warn.csv');
    writeFileSync(file, 'id,name,address,country,lat,lng,url\na,A,1 Main St,US,40.7,-74,mailto:x@example.org\n');
    assert.equal(cli('validate', file).code, 0);
    assert.equal(cli('validate', file, '--strict').code, 1);
  });
});

describe('build and round trip', () => {
  it('turns a CSV into a dataset that validates clean, keeping every fact', () => {
    const out = join(tmp, 'good.json');
    const b = cli('build', `${F}/good.csv`, '-o', out);
    assert.equal(b.code, 0, b.err);
    assert.deepEqual(b.out, [`${out}: 2 stations from 1 file, 1 pending not shipped`]);
    const dataset = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(dataset.updated, '2026-11-15', 'the newest verified date, not the clock');
    assert.deepEqual(dataset.attribution, ['Test credit A', 'Test credit B']);
    assert.deepEqual(dataset.stations[1], {
      id: 'test-dc-3d',
      name: 'DC Third District (test copy)',
      address: '1620 V St NW',
      country: 'US',
      lat: 38.917868,
      lng: -77.037971,
      locality: 'Washington',
      region: 'DC',
      postcode: '20009',
      agency: 'Metropolitan Police Department',
      kind: 'police',
      hours: {
        mo: ['08:00-20:00'],
        tu: ['08:00-20:00'],
        we: ['08:00-20:00'],
        th: ['08:00-20:00'],
        fr: ['08:00-20:00'],
        sa: ['10:00-12:00'],
        su: ['10:00-12:00'],
      },
      timezone: 'America/New_York',
      spot: 'Station lobby',
      phone: '+1 202-673-6815',
      url: 'https://mpdc.dc.gov/',
      notes: 'Multi-line\nnote',
      source: 'Test fixture; licence: CC0',
      verified: '2026-11-15',
      features: ['lit', 'indoor', 'staffed'],
    });
    const v = cli('validate', out);
    assert.deepEqual(v.out, [`${out}: 2 valid stations, 0 errors, 0 dropped fields (2 entries)`]);
    assert.equal(v.code, 0);
  });

  it('merges CSV, GeoJSON and dataset files, the first of a repeated id winning', () => {
    const out = join(tmp, 'merged.json');
    const b = cli('build', `${F}/dup-b.csv`, `${F}/dup-a.csv`, `${F}/good.csv`, '-o', out, '--name', 'Merged', '--updated', '2026-11-28');
    assert.equal(b.code, 0, b.err);
    assert.equal(b.err, `${F}/dup-a.csv:2: notice: id: "extra-a" already given at ${F}/dup-b.csv:3; this one left out`);
    const dataset = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(
      dataset.stations.map((s) => [s.id, s.name]),
      [
        ['extra-b', 'B'],
        ['extra-a', 'A again'],
        ['test-denver-1', 'Denver Police District 1 (test copy)'],
        ['test-dc-3d', 'DC Third District (test copy)'],
      ],
    );
    assert.equal(dataset.name, 'Merged');
    assert.equal(dataset.updated, '2026-11-28');

    const again = join(tmp, 'again.json');
    const geo = join(tmp, 'one.geojson');
    writeFileSync(
      geo,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [-73.98, 40.74] },
            properties: { id: 'geo-1', name: 'G', address: '1 Geo St', country: 'US', attribution: 'Geo credit' },
          },
        ],
      }),
    );
    const c = cli('build', out, geo, '-o', again);
    assert.equal(c.code, 0, c.err);
    const merged = JSON.parse(readFileSync(again, 'utf8'));
    assert.equal(merged.stations.length, 5);
    assert.deepEqual(merged.attribution, ['Test credit A', 'Test credit B', 'Geo credit']);
    assert.equal(merged.name, 'Merged', 'the one input name is kept');
  });

  it('writes nothing when a row is rejected, unless --skip-invalid', () => {
    const out = join(tmp, 'bad.json');
    const b = cli('build', `${F}/bad-rows.csv`, '-o', out);
    assert.equal(b.code, 1);
    assert.match(b.err, /9 errors: nothing written \(fix the rows, or pass --skip-invalid to leave them out\)$/);
    assert.throws(() => readFileSync(out), /ENOENT/);
    const s = cli('build', `${F}/bad-rows.csv`, '-o', out, '--skip-invalid');
    assert.equal(s.code, 0);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).stations.length, 5);
  });

  it('ships a source_short column as the station source, and rounds coordinates with --decimals', () => {
    const csv = join(tmp, 'short.csv');
    writeFileSync(
      csv,
      'id,name,address,country,lat,lng,source,licence,confidence,source_short\n' +
        'x,X,1 Main St,US,40.720364,-74.007095,"coordinates: USGS National Map structures, ""Police Station"" point",public domain (US federal data),high,USGS National Map (public domain)\n',
    );
    const out = join(tmp, 'short.json');
    const b = cli('build', csv, '-o', out, '--decimals', '4');
    assert.equal(b.code, 0, b.err);
    const [station] = JSON.parse(readFileSync(out, 'utf8')).stations;
    assert.deepEqual([station.lat, station.lng, station.source], [40.7204, -74.0071, 'USGS National Map (public domain)']);
  });
});

describe('stats', () => {
  it('counts per country, region, kind, feature, hours and gives the bounding box', () => {
    const { code, out } = cli('stats', `${F}/good.csv`);
    assert.equal(code, 0);
    assert.deepEqual(out, [
      `${F}/good.csv: 2 stations, 1 pending`,
      'countries  US 2',
      'regions    US-CO 1, US-DC 1',
      'kinds      police 2',
      'features   indoor 1, lit 1, parking 1, signage 1, staffed 1, video 1',
      'hours      (none) 1, weekly 1',
      'timezones  America/Denver 1, America/New_York 1',
      'bbox       west -105.00297, south 38.917868, east -77.037971, north 39.78067',
    ]);
  });
});

describe('usage errors', () => {
  for (const [label, args, code, message] of [
    ['no command', [], 2, /^Usage: safetrade-stations <command>/],
    [
      'an unknown command',
      ['check', 'x.csv'],
      2,
      /^safetrade-stations: unknown command "check" \(expected validate, build or stats\)\nRun `safetrade-stations --help` for usage\.$/,
    ],
    ['an unknown flag', ['validate', '--fast', 'x.csv'], 2, /^safetrade-stations: Unknown option '--fast'/],
    ['a missing file', ['validate', 'no/such.csv'], 1, /^safetrade-stations: no\/such\.csv: no such file$/],
    [
      'an unknown format',
      ['validate', 'package-lock.yaml'],
      1,
      /^safetrade-stations: package-lock\.yaml: unknown format "\.yaml" \(expected \.csv, \.geojson or \.json\)$/,
    ],
    ['build without -o', ['build', `${F}/good.csv`], 2, /^safetrade-stations: build needs -o <out\.json>/],
    [
      'a bad --updated',
      ['build', `${F}/good.csv`, '-o', '/dev/null', '--updated', 'yesterday'],
      2,
      /--updated must be a date as YYYY-MM-DD \(got "yesterday"\)/,
    ],
    [
      'a bad --decimals',
      ['build', `${F}/good.csv`, '-o', '/dev/null', '--decimals', '1.5'],
      2,
      /--decimals must be a whole number from 0 to 15 \(got "1\.5"\)/,
    ],
    ['two files to validate', ['validate', 'a.csv', 'b.csv'], 2, /validate takes one file \(got 2\)/],
    [
      'a JSON file that is not a dataset',
      ['validate', 'package.json'],
      1,
      /^safetrade-stations: package\.json: "format" must be "safetrade-stations" \(got undefined\)$/,
    ],
  ]) {
    it(`explains ${label} on stderr and exits ${code}`, () => {
      const r = cli(...args);
      assert.equal(r.code, code);
      assert.match(r.err, message);
    });
  }

  it('prints the usage on --help, exit 0', () => {
    const r = cli('--help');
    assert.equal(r.code, 0);
    assert.match(r.out.join('\n'), /validate <file>[\s\S]*build <inputs…> -o <out\.json>[\s\S]*stats <file>/);
  });
});

describe('build --tiles: the shipped stations as a tile set that answers like the whole file', () => {
  const dir = join(tmp, 'tiles');
  const out = join(tmp, 'tiled.json');
  const r = cli('build', 'dist/stations.json', '-o', out, '--tiles', dir, '--max-per-tile', '16');

  it('writes the dataset, a manifest and the tiles, and says how many', () => {
    assert.equal(r.code, 0, r.err);
    assert.match(r.out.at(-1), /manifest\.json: 145 stations in \d+ tiles$/);
  });

  it('ranks exactly like the whole dataset, loading tiles from disk', async () => {
    const core = await import(new URL('../../dist/core.js', import.meta.url).href);
    const stations = JSON.parse(readFileSync(out, 'utf8')).stations;
    const { tiles } = core.parseTileManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    const load = async (tile) => core.parseDataset(JSON.parse(readFileSync(join(dir, tile.url), 'utf8'))).stations;
    for (const parties of [
      { seller: { lat: 40.715, lng: -73.9843 }, buyer: { lat: 40.758, lng: -73.9855 } },
      { seller: { lat: 41.8837, lng: -87.6278 } },
      { seller: { lat: 39.95, lng: -75.16 }, buyer: { lat: 40.0, lng: -75.1 } },
    ]) {
      for (const mode of ['fair', 'total', 'buyer']) {
        const { suggestions } = await core.rankTiles(tiles, parties, { mode, limit: 5 }, load);
        assert.deepEqual(suggestions, core.rankStations(stations, parties, { mode, limit: 5 }));
      }
    }
  });

  it('puts the tiles where --tile-url says, and the manifest points there', () => {
    const dir2 = join(tmp, 'tiles-elsewhere');
    const r2 = cli('build', 'dist/stations.json', '-o', join(tmp, 'tiled2.json'), '--tiles', dir2, '--tile-url', 'cells/{id}.json');
    assert.equal(r2.code, 0, r2.err);
    const manifest = JSON.parse(readFileSync(join(dir2, 'manifest.json'), 'utf8'));
    assert.equal(manifest.url, 'cells/{id}.json');
    assert.ok(readdirSync(join(dir2, 'cells')).length > 0);
    assert.equal(cli('build', 'dist/stations.json', '-o', out, '--tile-url', 'cells/{id}.json').code, 2);
  });

  it('refuses --max-per-tile without --tiles, or a bad number', () => {
    assert.equal(cli('build', 'dist/stations.json', '-o', out, '--max-per-tile', '16').code, 2);
    const bad = cli('build', 'dist/stations.json', '-o', out, '--tiles', dir, '--max-per-tile', 'many');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--max-per-tile must be a whole number of at least 1 \(got "many"\)/);
  });
});

describe("the CLI on the core's rules: a file the CLI accepts is a file the widget accepts", () => {
  const core = () => import(new URL('../../dist/core.js', import.meta.url).href);

  for (const [label, dataset] of [
    ['a newer format version', { format: 'safetrade-stations', version: 2, stations: [] }],
    ['another format', { format: 'stations', version: 1, stations: [] }],
    ['stations that are not a list', { format: 'safetrade-stations', version: 1, stations: {} }],
  ]) {
    it(`refuses ${label} with the words the widget uses`, async () => {
      const file = join(tmp, 'outline.json');
      writeFileSync(file, JSON.stringify(dataset));
      const { parseDataset } = await core();
      assert.throws(
        () => parseDataset(dataset),
        (widget) => {
          const r = cli('validate', file);
          assert.equal(r.code, 1);
          assert.equal(r.err, `safetrade-stations: ${file}: ${widget.message}`);
          return true;
        },
      );
    });
  }

  it('builds a dataset whose hours the widget keeps as written, every weekday and 24:00 included', async () => {
    const csv = join(tmp, 'hours.csv');
    const out = join(tmp, 'hours.json');
    writeFileSync(
      csv,
      'id,name,address,country,lat,lng,timezone,hours\nt-1,Test,1 Main St,US,40.7,-74,America/New_York,"mo-fr 09:00-17:00; sa,su 10:00-24:00"\n',
    );
    assert.equal(cli('build', csv, '-o', out).code, 0);
    const { parseDataset } = await core();
    const parsed = parseDataset(JSON.parse(readFileSync(out, 'utf8')));
    assert.deepEqual(parsed.warnings, []);
    assert.deepEqual(parsed.stations[0].hours, {
      mo: ['09:00-17:00'],
      tu: ['09:00-17:00'],
      we: ['09:00-17:00'],
      th: ['09:00-17:00'],
      fr: ['09:00-17:00'],
      sa: ['10:00-24:00'],
      su: ['10:00-24:00'],
    });
  });

  it("follows a change of the core's hours rule without a change of its own", () => {
    // The CLI run from a copy of bin/ beside a core whose one rule differs: opening ranges must
    // end on the hour. The copy then drops hours that the real core keeps.
    const root2 = join(tmp, 'other-core');
    cpSync(join(root, 'bin'), join(root2, 'bin'), { recursive: true });
    cpSync(join(root, 'package.json'), join(root2, 'package.json'));
    mkdirSync(join(root2, 'dist'));
    const real = pathToFileURL(join(root, 'dist/core.js')).href;
    writeFileSync(
      join(root2, 'dist/core.js'),
      `import { isHoursRange as real } from ${JSON.stringify(real)};\nexport * from ${JSON.stringify(real)};\nexport const isHoursRange = (r) => real(r) && /:00$/.test(r);\n`,
    );
    const csv = join(tmp, 'half-hour.csv');
    writeFileSync(csv, 'id,name,address,country,lat,lng,hours\nt-1,Test,1 Main St,US,40.7,-74,"mo-fr 09:00-17:30"\n');
    const hoursWarning = (r) => r.out.filter((l) => l.includes('hours:'));
    assert.deepEqual(hoursWarning(cli('validate', csv)), []);
    const other = spawnSync(process.execPath, [join(root2, 'bin/safetrade-stations.mjs'), 'validate', csv], { encoding: 'utf8' });
    assert.equal(other.status, 0, other.stderr);
    assert.deepEqual(
      other.stdout.split('\n').filter((l) => l.includes('hours:')),
      [`${csv}:2: warning: hours: must be "24/7" or days and times like "mo-fr 09:00-17:00; sa 10:00-14:00; su closed" (got "mo-fr 09:00-17:30"); dropped`],
    );
  });
});
