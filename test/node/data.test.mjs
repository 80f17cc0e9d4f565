// The shipped data: data/build.mjs rebuilt from the committed sources must equal
// dist/stations.json byte for byte (npm test builds it first; no clock in the output), ship
// exactly the stations the issue lists, keep the pending rows out, and keep DATA-LICENSES.md
// in step. Also the pipeline's pieces: CSV parsing, the hours notation, duplicates across files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildShipped, renderLicenses, TILE_THRESHOLD, TILES_DIR, writeShipped } from '../../data/build.mjs';
import { parseCsv } from '../../bin/lib/csv.mjs';
import { assemble, parseHours, readCsv, readInput, shortSourceProblems } from '../../bin/lib/stations.mjs';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const built = await buildShipped();
const core = await import(new URL('dist/core.js', root).href);
const byPrefix = (prefix) => built.dataset.stations.filter((s) => s.id.startsWith(prefix)).length;

describe('the shipped dataset as one file or as tiles', () => {
  const synthetic = (n) => ({
    format: 'safetrade-stations',
    version: 1,
    stations: Array.from({ length: n }, (_, i) => ({
      id: `syn-${i}`,
      name: `Station ${i}`,
      address: `${i} Main St`,
      country: 'US',
      lat: 25 + ((i * 7919) % 2400) / 100,
      lng: -124 + ((i * 104729) % 5700) / 100,
    })),
  });

  it(`stays one file up to ${TILE_THRESHOLD} stations, and becomes a tile manifest with its tiles above`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'safetrade-shipped-'));
    try {
      const small = synthetic(TILE_THRESHOLD);
      const one = await writeShipped(small, JSON.stringify(small) + '\n', dir);
      assert.equal(one.tiled, false);
      assert.equal(readFileSync(join(dir, 'stations.json'), 'utf8'), JSON.stringify(small) + '\n');
      assert.equal(existsSync(join(dir, TILES_DIR)), false);

      const large = synthetic(TILE_THRESHOLD + 1);
      const tiled = await writeShipped(large, JSON.stringify(large) + '\n', dir);
      assert.equal(tiled.tiled, true);
      const manifest = JSON.parse(readFileSync(join(dir, 'stations.json'), 'utf8'));
      assert.ok(core.isTileManifest(manifest), 'the default entry is the manifest');
      const { tiles } = core.parseTileManifest(manifest);
      assert.equal(readdirSync(join(dir, TILES_DIR)).length, tiles.length);
      const all = tiles.flatMap((t) => JSON.parse(readFileSync(join(dir, t.url), 'utf8')).stations);
      assert.deepEqual(all.map((s) => s.id).sort(), large.stations.map((s) => s.id).sort());
      // The element's loader resolves tile URLs against the manifest's: beside it.
      assert.match(tiles[0].url, new RegExp(`^${TILES_DIR}/t\\d+\\.json$`));
      // Same answer as the one file, from the tiles.
      const byId = new Map(all.map((s) => [s.id, s]));
      const load = async (t) => JSON.parse(readFileSync(join(dir, t.url), 'utf8')).stations.map((s) => byId.get(s.id));
      const parties = { seller: { lat: 40.7, lng: -74 }, buyer: { lat: 40.8, lng: -73.9 } };
      const got = await core.rankTiles(tiles, parties, { limit: 5, maxDistanceKm: 400 }, load);
      assert.deepEqual(got.suggestions, core.rankStations(all, parties, { limit: 5, maxDistanceKm: 400 }));

      // Back under the threshold: one file again, and no stale tile left to ship.
      await writeShipped(small, JSON.stringify(small) + '\n', dir);
      assert.equal(existsSync(join(dir, TILES_DIR)), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the shipped dataset', () => {
  it('is exactly what the committed sources build to', () => {
    assert.equal(built.json, read('dist/stations.json'));
  });

  it('is also what `safetrade-stations build` makes of the same sources', () => {
    const manifest = JSON.parse(read('data/dataset.json'));
    const dir = mkdtempSync(join(tmpdir(), 'safetrade-data-'));
    try {
      const out = join(dir, 'stations.json');
      const files = Object.keys(manifest.sources).map((f) => `data/sources/${f}`);
      const r = spawnSync(
        process.execPath,
        [
          'bin/safetrade-stations.mjs',
          'build',
          ...files,
          '-o',
          out,
          '--name',
          manifest.name,
          '--updated',
          manifest.updated,
          '--decimals',
          String(manifest.decimals),
        ],
        { cwd: root, encoding: 'utf8' },
      );
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(out, 'utf8'), read('dist/stations.json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ships NYC 96 of 98, Chicago 22, Philadelphia 21, Denver 5, DC 1: 145', () => {
    assert.equal(byPrefix('nypd-'), 96);
    assert.equal(byPrefix('us-il-chicago-'), 22);
    assert.equal(byPrefix('us-pa-philadelphia-'), 21);
    assert.equal(byPrefix('us-co-denver-'), 5);
    assert.equal(byPrefix('us-dc-'), 1);
    assert.equal(built.dataset.stations.length, 145);
  });

  it('lists the 33 rows without a coordinate as pending and ships none of them', () => {
    const pending = built.pending.map((r) => r.station.id);
    assert.equal(pending.length, 33);
    assert.ok(pending.includes('nypd-td-03') && pending.includes('nypd-td-11'));
    const shipped = new Set(built.dataset.stations.map((s) => s.id));
    assert.deepEqual(
      pending.filter((id) => shipped.has(id)),
      [],
    );
    assert.deepEqual(
      built.coverage.map((c) => [c.file, c.shipped, c.pending.length]),
      [
        ['us-ny-nypd.csv', 96, 2],
        ['us-il-chicago.csv', 22, 0],
        ['us-pa-philadelphia.csv', 21, 0],
        ['us-co-denver.csv', 5, 0],
        ['us-dc-mpd.csv', 1, 2],
        ['pending-us.csv', 0, 15],
        ['pending-ca.csv', 0, 8],
        ['pending-au.csv', 0, 6],
      ],
    );
  });

  it('takes its date from data/dataset.json, not the clock, and credits OpenStreetMap for the 3 OSM points', () => {
    assert.equal(built.dataset.updated, JSON.parse(read('data/dataset.json')).updated);
    assert.ok(built.dataset.attribution.includes('Coordinates: © OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright)'));
    const osm = built.dataset.stations.filter((s) => /OpenStreetMap/.test(s.source)).map((s) => s.id);
    assert.deepEqual(osm, ['nypd-pct-103', 'nypd-pct-108', 'nypd-pct-114']);
  });

  it("ships each station's short source, which names its licence, and keeps the full provenance in the sources", () => {
    assert.equal(built.kept.length, 145);
    for (const row of built.kept) {
      assert.equal(row.station.source, row.sourceShort, row.station.id);
      assert.deepEqual(shortSourceProblems(row), [], row.station.id);
      // The audit text stays in data/sources/*.csv, and DATA-LICENSES.md quotes it with the licence.
      assert.ok(row.sourceText.length > 0 && row.licence.length > 0, row.station.id);
    }
    const byId = (id) => built.dataset.stations.find((s) => s.id === id).source;
    assert.equal(byId('nypd-pct-001'), 'USGS National Map (public domain); address: NYC Planning (CC0)');
    assert.equal(byId('us-pa-philadelphia-pd-district-01'), 'OpenDataPhilly via a GitHub mirror (City of Philadelphia open data terms, unverified)');
    const licences = read('DATA-LICENSES.md');
    for (const row of built.kept) {
      assert.ok(licences.includes(row.licence), `DATA-LICENSES.md names ${row.licence}`);
      assert.ok(licences.includes(row.sourceShort), `DATA-LICENSES.md shows ${row.sourceShort}`);
    }
    assert.match(licences, /City of Philadelphia open data terms \(licence not stated in mirror - verify\) \| 21 \| \*\*unverified\*\*/);
  });

  it("ships each coordinate as its source's, rounded to 5 decimals (under 0.71 m off)", () => {
    const { decimals } = JSON.parse(read('data/dataset.json'));
    assert.equal(decimals, 5);
    const sourceRows = new Map();
    for (const file of readdirSync(new URL('data/sources/', root)).filter((f) => !f.startsWith('pending-'))) {
      const { header, records } = parseCsv(read(`data/sources/${file}`));
      for (const { cells } of records) sourceRows.set(cells[header.indexOf('id')], { lat: cells[header.indexOf('lat')], lng: cells[header.indexOf('lng')] });
    }
    for (const s of built.dataset.stations) {
      const source = sourceRows.get(s.id);
      for (const axis of ['lat', 'lng']) {
        assert.equal(s[axis], Number(Number(source[axis]).toFixed(5)), `${s.id} ${axis}: ${source[axis]}`);
        assert.ok(Math.abs(s[axis] - Number(source[axis])) <= 0.5e-5 + 1e-12, `${s.id} ${axis}`);
      }
      const metres = core.distanceKm({ lat: s.lat, lng: s.lng }, { lat: Number(source.lat), lng: Number(source.lng) }) * 1000;
      assert.ok(metres < 0.71, `${s.id} moved ${metres} m`);
    }
  });

  it('has a DATA-LICENSES.md in step with the sources (regenerate: npm run data:licenses)', () => {
    assert.equal(read('DATA-LICENSES.md'), renderLicenses(built));
  });
});

describe('pipeline', () => {
  it('fails on an id repeated across source files, naming both places', async () => {
    const inputs = await Promise.all(['dup-a.csv', 'dup-b.csv'].map((f) => readInput(new URL(`test/fixtures/data/${f}`, root).pathname, f)));
    const { issues } = await assemble(inputs, { duplicates: 'error' });
    assert.deepEqual(
      issues.map((i) => `${i.where}: ${i.reason}`),
      ['dup-b.csv:3: id: duplicate of "extra-a" at dup-a.csv:2'],
    );
  });

  it('requires source, licence and a short source on shipped rows when asked (as the build does)', async () => {
    const input = readCsv('id,name,address,country,lat,lng\nx,X,1 Main St,US,40.7,-74\n', 'plain.csv');
    const { issues } = await assemble([input], { requireProvenance: true });
    assert.deepEqual(
      issues.map((i) => `${i.where}: ${i.reason}`),
      [
        'plain.csv:2: source: missing (every shipped row says where its coordinate came from)',
        'plain.csv:2: licence: missing (every shipped row names the licence of its source)',
        'plain.csv:2: source_short: missing (every shipped row carries a short source that names its licence)',
      ],
    );
  });

  it('fails the build on a short source that drops the licence, its "unverified" or the address source', async () => {
    const csv = [
      'id,name,address,country,lat,lng,source,licence,source_short',
      'a,A,1 Main St,US,40.7,-74,"coordinates: USGS National Map; address: NYC Planning (CC0)",public domain (US federal data),USGS National Map; address: NYC Planning (CC0)',
      'b,B,2 Main St,US,40.7,-74,"coordinates: USGS National Map; address: NYC Planning (CC0)",public domain (US federal data),USGS National Map (public domain)',
      'c,C,3 Main St,US,40.7,-74,Philadelphia mirror @2ee5dec,City of Philadelphia open data terms (licence not stated - verify),OpenDataPhilly (City of Philadelphia open data terms)',
      'd,D,4 Main St,US,40.7,-74,"coordinates: USGS National Map; address: NYC Planning (CC0)",public domain (US federal data),USGS National Map (public domain); address: NYC Planning (CC0)',
    ].join('\n');
    const { dataset, issues } = await assemble([readCsv(csv, 'short.csv')], { requireProvenance: true });
    assert.deepEqual(
      issues.map((i) => `${i.where}: ${i.reason}`),
      [
        'short.csv:2: source_short: must name the licence "public domain" (got "USGS National Map; address: NYC Planning…")',
        'short.csv:3: source_short: must name the address source too, as source does (got "USGS National Map (public domain)")',
        'short.csv:4: source_short: must say "unverified", as the licence does (got "OpenDataPhilly (City of Philadelphia ope…")',
      ],
    );
    assert.equal(dataset.stations[3].source, 'USGS National Map (public domain); address: NYC Planning (CC0)');
  });

  it('without a short source, ships source, licence and confidence folded together (the CLI on plain files)', async () => {
    const input = readCsv('id,name,address,country,lat,lng,source,licence,confidence\nx,X,1 Main St,US,40.7,-74,Survey,CC0,high\n', 'fold.csv');
    const { dataset } = await assemble([input]);
    assert.equal(dataset.stations[0].source, 'Survey; licence: CC0; confidence: high');
  });

  it('rounds coordinates only when asked, after checking them', async () => {
    const csv = 'id,name,address,country,lat,lng\nx,X,1 Main St,US,40.7203649,-74.0070951\ny,Y,2 Main St,US,90.000001,-100\n';
    const asGiven = await assemble([readCsv(csv, 'r.csv')]);
    assert.deepEqual([asGiven.dataset.stations[0].lat, asGiven.dataset.stations[0].lng], [40.7203649, -74.0070951]);
    const rounded = await assemble([readCsv(csv, 'r.csv')], { decimals: 5 });
    assert.deepEqual([rounded.dataset.stations[0].lat, rounded.dataset.stations[0].lng], [40.72036, -74.0071]);
    // 90.000001 would round to 90.00000: it is rejected as written, never rounded into range.
    assert.deepEqual(
      rounded.issues.map((i) => i.reason),
      ['lat: must be a number from -90 to 90 (got 90.000001)'],
    );
  });

  it("lists all of a row's problems, those found while reading it first", async () => {
    const input = readCsv('id,name,address,country,lat,lng,hours,features,url\nx,X,1 Main St,US,40.7,-74,daily,lit;cctv,javascript:void(0)\n', 'two.csv');
    const { dataset, issues } = await assemble([input]);
    assert.deepEqual(
      issues.map((i) => `${i.where}: ${i.level}: ${i.reason}`),
      [
        'two.csv:2: warning: hours: must be "24/7" or days and times like "mo-fr 09:00-17:00; sa 10:00-14:00; su closed" (got "daily"); dropped',
        'two.csv:2: warning: features: unknown word "cctv" ignored (known: video, lit, signage, parking, indoor, staffed, accessible)',
        'two.csv:2: warning: url: must be an absolute http: or https: URL (got "javascript:void(0)"); dropped',
      ],
    );
    assert.deepEqual(dataset.stations, [{ id: 'x', name: 'X', address: '1 Main St', country: 'US', lat: 40.7, lng: -74, features: ['lit'] }]);
  });

  it('never turns an empty coordinate into 0', async () => {
    const input = readCsv('id,name,address,country,lat,lng\nx,X,1 Main St,US,,\n', 'empty.csv');
    const { dataset, issues } = await assemble([input]);
    assert.deepEqual(dataset.stations, []);
    assert.deepEqual(
      issues.map((i) => i.reason),
      ['lat: missing'],
    );
  });

  it("parses quoted CSV fields with commas, quotes and line breaks, and knows each record's line", () => {
    const { header, records } = parseCsv('\ufeffa,b\r\n"x, ""y""","multi\nline"\n\nlast,row');
    assert.deepEqual(header, ['a', 'b']);
    assert.deepEqual(records, [
      { line: 2, cells: ['x, "y"', 'multi\nline'] },
      { line: 5, cells: ['last', 'row'] },
    ]);
    assert.throws(() => parseCsv('a,b\n"open,b\n'), /unclosed quoted field/);
  });

  for (const [cell, expected] of [
    ['24/7', '24/7'],
    ['mo-fr 09:00-17:00', { mo: ['09:00-17:00'], tu: ['09:00-17:00'], we: ['09:00-17:00'], th: ['09:00-17:00'], fr: ['09:00-17:00'] }],
    ['sa,su 10:00-12:00, 13:00-24:00; mo closed', { sa: ['10:00-12:00', '13:00-24:00'], su: ['10:00-12:00', '13:00-24:00'], mo: [] }],
    ['Mo-Su 08:00-20:00', Object.fromEntries(['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'].map((d) => [d, ['08:00-20:00']]))],
    ['mo-fr 9am-5pm', null],
    ['fr-mo 09:00-17:00', null],
    ['mo 25:00-26:00', null],
    ['mo 09:00-09:00', null],
    ['weekdays 09:00-17:00', null],
    ['09:00-17:00', null],
  ]) {
    it(`reads hours ${JSON.stringify(cell)}`, () => assert.deepEqual(parseHours(cell), expected));
  }
});
