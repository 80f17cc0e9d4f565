#!/usr/bin/env node
// Builds dist/stations.json (format v1) from the CSV sources in data/sources/, validated by the
// same parseDataset the widget uses (from dist/core.js, so run after rollup). A row that fails
// validation fails the build with file:line and the reason; rows without a coordinate are
// pending, never shipped, and never geocoded by guessing.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const { parseDataset } = await import(join(root, 'dist/core.js'));
const { areas, attribution: credits } = JSON.parse(readFileSync(join(here, 'regions.json'), 'utf8'));

const BOROUGH_LOCALITY = { Manhattan: 'New York', Bronx: 'Bronx', Brooklyn: 'Brooklyn', Queens: 'Queens', 'Staten Island': 'Staten Island' };
const NYC_KIND = { precinct: 'police', psa: 'police', transit: 'transit-police' };

const stations = [];
const lines = [];
const pending = [];
const usedCredits = new Set();

function add(file, line, station, creditKeys) {
  for (const [k, v] of Object.entries(station)) if (v === '' || v === undefined) delete station[k];
  stations.push(station);
  lines.push(`${file}:${line}`);
  creditKeys.forEach((k) => usedCredits.add(k));
}

function rows(file) {
  return parseCsv(readFileSync(join(here, 'sources', file), 'utf8')).map((row, i) => ({ row, line: i + 2 }));
}

const num = (s) => (s.trim() === '' ? undefined : Number(s));

for (const { row, line } of rows('nyc-exchange-zones.csv')) {
  if (row.lat === '' || row.lng === '') {
    pending.push({ id: row.id, name: row.name, why: row.notes || 'no coordinate yet' });
    continue;
  }
  const area = areas['New York City'];
  const creditKeys = [row.coord_source];
  if (row.address_source.startsWith('NYCPlanning')) creditKeys.push('NYCPlanning');
  add('nyc-exchange-zones.csv', line, {
    id: row.id,
    name: row.name,
    address: row.address,
    locality: BOROUGH_LOCALITY[row.borough],
    region: 'NY',
    postcode: row.postcode,
    country: 'US',
    lat: num(row.lat),
    lng: num(row.lng),
    agency: area.agency,
    kind: NYC_KIND[row.kind],
    hours: area.hours,
    timezone: area.timezone,
    features: area.features,
    phone: row.phone ? `+1 ${row.phone}` : '',
    url: row.url,
    notes: row.notes,
    source: [`Coordinates: ${row.coord_source} (${row.coord_license}; confidence ${row.coord_confidence})`, row.address_source && `address: ${row.address_source}`].filter(Boolean).join('; '),
  }, creditKeys);
}

const AREA_CREDIT = { 'Chicago, IL': 'Chicago', 'Philadelphia, PA': 'Philadelphia', 'Denver, CO': 'Denver', 'Washington, DC': 'DC' };
for (const { row, line } of rows('other-stations.csv')) {
  const area = areas[row.area];
  if (row.lat === '' || row.lng === '' || !area) {
    pending.push({ id: row.id, name: row.name, why: row.lat === '' ? 'no coordinate from a source yet' : `area ${row.area} not curated yet` });
    continue;
  }
  const [locality, region] = row.area.split(', ');
  // The sources repeat "City, ST" in the address; the dataset keeps it in locality/region.
  const address = row.address.replace(new RegExp(`, ${locality}, ${region}( \\d{5})?$`), '');
  add('other-stations.csv', line, {
    id: row.id,
    name: row.name,
    address,
    locality,
    region,
    postcode: row.postcode,
    country: row.country,
    lat: num(row.lat),
    lng: num(row.lng),
    agency: area.agency,
    kind: row.kind,
    hours: area.hours,
    timezone: area.timezone,
    features: area.features,
    spot: row.spot ? row.spot[0].toUpperCase() + row.spot.slice(1) : '',
    notes: [row.hours_note, row.features_note].filter(Boolean).join('; '),
    source: `${row.coord_source} (${row.coord_license})`,
  }, [AREA_CREDIT[row.area]]);
}

const dataset = {
  format: 'safetrade-stations',
  version: 1,
  name: 'safetrade-meetup stations: NYPD e-commerce exchange zones, Chicago, Philadelphia, Denver and Washington, DC',
  updated: process.env.SOURCE_DATE ?? '2026-11-28',
  attribution: Object.keys(credits).filter((k) => usedCredits.has(k)).map((k) => credits[k]),
  stations,
};

const parsed = parseDataset(dataset);
const problems = [...parsed.rejected, ...parsed.warnings].map((p) => `${lines[p.index]}: ${p.reason}`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const out = join(root, 'dist/stations.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(dataset) + '\n');
console.log(`${relative(root, out)}: ${stations.length} stations shipped, ${pending.length} pending (${pending.map((p) => p.id).join(', ')})`);
