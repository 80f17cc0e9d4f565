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
import { assemble, parseHours, readCsv, readInput } from '../../bin/lib/stations.mjs';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const built = await buildShipped();
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
    const core = await import(new URL('dist/core.js', root).href);
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
        ['bin/safetrade-stations.mjs', 'build', ...files, '-o', out, '--name', manifest.name, '--updated', manifest.updated],
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

  it('names a source and a licence on every shipped station', () => {
    assert.deepEqual(
      built.dataset.stations.filter((s) => !/licence: /.test(s.source ?? '')).map((s) => s.id),
      [],
    );
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

  it('requires source and licence on shipped rows when asked (as the build does)', async () => {
    const input = readCsv('id,name,address,country,lat,lng\nx,X,1 Main St,US,40.7,-74\n', 'plain.csv');
    const { issues } = await assemble([input], { requireProvenance: true });
    assert.deepEqual(
      issues.map((i) => `${i.where}: ${i.reason}`),
      [
        'plain.csv:2: source: missing (every shipped row says where its coordinate came from)',
        'plain.csv:2: licence: missing (every shipped row names the licence of its source)',
      ],
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
