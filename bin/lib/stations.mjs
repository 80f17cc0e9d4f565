// The station pipeline shared by `npm run build` (data/build.mjs) and the `safetrade-stations`
// CLI: read CSV / GeoJSON / dataset files into rows that remember where they came from, then
// validate them all with the very parseDataset the widget runs, so that a file this accepts
// is a file the widget accepts. Nothing is repaired or guessed: a row without a coordinate is
// either `pending` on purpose or rejected.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { csvRecords, CsvError } from './csv.mjs';

// dist/core.js is the widget's own core, shipped next to the CLI in the package: the CLI takes
// its rules from there (the dataset outline, the hours ranges, the weekdays, how a bad value is
// quoted) instead of restating them, so the two cannot drift apart.
const { parseDataset, checkDatasetOutline, isHoursRange, describe, DatasetError, DATASET_FORMAT, DATASET_VERSION, FEATURES, WEEKDAYS } = await import(
  new URL('../../dist/core.js', import.meta.url).href
).catch((error) => {
  throw new Error(`cannot load dist/core.js (${error.message}); run \`npm run build\` first`);
});

const CHUNK = 5000;

/** Station fields a CSV column or a GeoJSON property may carry (the dataset's own names). */
const TEXT_FIELDS = [
  'id',
  'name',
  'address',
  'locality',
  'region',
  'postcode',
  'country',
  'agency',
  'kind',
  'timezone',
  'spot',
  'phone',
  'url',
  'notes',
  'verified',
];
/**
 * Provenance columns: kept in the sources, folded into `source` and `attribution` on output
 * (`source_short`, when given, is the station's `source` as shipped instead of the folded text).
 */
const PROVENANCE = ['source', 'licence', 'license', 'confidence', 'source_short', 'attribution', 'evidence', 'status'];
export const CSV_COLUMNS = [...TEXT_FIELDS.slice(0, 7), 'lat', 'lng', ...TEXT_FIELDS.slice(7), 'hours', 'features', ...PROVENANCE];
const REQUIRED_COLUMNS = ['id', 'name', 'address', 'country', 'lat', 'lng'];
// Common spellings in exported spreadsheets; named in the message, never renamed silently.
const ALIASES = { latitude: 'lat', longitude: 'lng', lon: 'lng', long: 'lng', station_id: 'id' };

const HOURS_MUST = 'must be "24/7" or days and times like "mo-fr 09:00-17:00; sa 10:00-14:00; su closed"';
// A plain decimal (or exponent) number; anything else, like "NaN", "40,7" or "40.7N", goes to
// the core as the original text so that the message quotes what the file says.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * @typedef {{ where: string, level: 'error' | 'warning' | 'notice', reason: string }} Issue
 * @typedef {{ file: string, where: string, station: Record<string, unknown>, pending: boolean, credits: string[], licence?: string, confidence?: string, evidence?: string, sourceText?: string, sourceShort?: string }} Row
 * @typedef {{ file: string, kind: 'csv' | 'geojson' | 'dataset', total: number, rows: Iterable<Row>, issues: Issue[], name?: string, updated?: string, attribution: string[], ignoredColumns?: string[] }} Input
 */

/** Which reader a file needs, from its name (and, for .json, its content). */
export function formatOf(file) {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.geojson') return 'geojson';
  if (ext === '.json') return 'json';
  return null;
}

/**
 * Reads one input file. A file that cannot be read at all throws an Error whose message starts
 * with the file name; problems in single rows are returned as issues.
 * @returns {Promise<Input>}
 */
export async function readInput(path, label = path) {
  const kind = formatOf(path);
  if (!kind) throw new Error(`${label}: unknown format "${extname(path) || basename(path)}" (expected .csv, .geojson or .json)`);
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${label}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
  if (kind === 'csv') return readCsv(text, label);
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${label}: not valid JSON (${error.message})`);
  }
  if (json && json.type === 'FeatureCollection') return readGeoJson(json, label);
  if (kind === 'geojson') throw new Error(`${label}: a GeoJSON file must be a FeatureCollection (got ${describe(json?.type)})`);
  return readDataset(json, label);
}

// The readers check a file's outline at once (header, top-level shape) and then yield its rows
// lazily from `input.rows`, so that `validate` and `stats` never hold more than a chunk of
// stations; `input.total` counts the rows read so far, and row problems found while reading
// go to `input.issues`.

/** @returns {Input} */
export function readCsv(text, file) {
  const records = csvRecords(text);
  let header;
  try {
    header = (records.next().value?.cells ?? []).map((h) => h.trim());
  } catch (error) {
    throw csvFailure(error, file);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    const renames = Object.entries(ALIASES)
      .filter(([alias, name]) => header.includes(alias) && missing.includes(name))
      .map(([alias, name]) => `"${alias}" → "${name}"`);
    throw new Error(
      `${file}:1: header: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} (the header must name at least ${REQUIRED_COLUMNS.join(', ')}` +
        (renames.length ? `; rename ${renames.join(', ')})` : ')'),
    );
  }
  const seen = new Set();
  for (const h of header) {
    if (seen.has(h)) throw new Error(`${file}:1: header: column "${h}" appears twice`);
    seen.add(h);
  }
  const input = { file, kind: 'csv', issues: [], attribution: [], total: 0 };
  const ignored = header.filter((h) => h !== '' && !CSV_COLUMNS.includes(h));
  if (ignored.length) {
    input.ignoredColumns = ignored;
    input.issues.push({ where: `${file}:1`, level: 'notice', reason: `columns ignored: ${ignored.join(', ')}` });
  }
  // Cells are looked up by column rather than copied into an object per row: at 100k rows the
  // copies were a third of the garbage collector's work.
  const column = new Map(header.map((h, i) => [h, i]));
  input.rows = (function* () {
    try {
      for (const { line, cells } of records) {
        input.total++;
        const where = `${file}:${line}`;
        if (cells.length !== header.length) {
          input.issues.push({ where, level: 'error', reason: `row: has ${cells.length} cells, the header has ${header.length} (an unquoted comma?)` });
          continue;
        }
        const row = rowFrom((field) => cells[column.get(field)]?.trim(), where, input);
        if (row) yield row;
      }
    } catch (error) {
      throw csvFailure(error, file);
    }
  })();
  return input;
}

const csvFailure = (error, file) => (error instanceof CsvError ? new Error(`${file}:${error.line}: ${error.message}`) : error);

/** @returns {Input} */
export function readGeoJson(json, file) {
  if (!Array.isArray(json.features)) throw new Error(`${file}: "features" must be an array (got ${describe(json.features)})`);
  const input = { file, kind: 'geojson', issues: [], attribution: [], total: json.features.length };
  input.rows = (function* () {
    for (const [index, feature] of json.features.entries()) {
      const where = `${file}: features[${index}]`;
      const props = feature && typeof feature.properties === 'object' && feature.properties !== null ? { ...feature.properties } : {};
      if (props.id === undefined && (typeof feature?.id === 'string' || typeof feature?.id === 'number')) props.id = String(feature.id);
      const geometry = feature?.geometry;
      if (!geometry) {
        if (props.status !== 'pending') {
          input.issues.push({ where, level: 'error', reason: `geometry: missing${props.id ? ` (id ${describe(props.id)})` : ''}` });
          continue;
        }
      } else if (geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) {
        input.issues.push({ where, level: 'error', reason: `geometry: must be a Point (got ${describe(geometry.type)})` });
        continue;
      } else {
        // GeoJSON is [lng, lat]; the core checks both.
        [props.lng, props.lat] = geometry.coordinates;
      }
      const row = rowFrom((field) => props[field], where, input);
      if (row) yield row;
    }
  })();
  return input;
}

/** @returns {Input} */
export function readDataset(json, file) {
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new Error(`${file}: expected a ${DATASET_FORMAT} dataset or a GeoJSON FeatureCollection (got ${describe(json)})`);
  try {
    checkDatasetOutline(json);
  } catch (error) {
    throw error instanceof DatasetError ? new Error(`${file}: ${error.message}`) : error;
  }
  const input = { file, kind: 'dataset', issues: [], attribution: [], total: json.stations.length };
  if (typeof json.name === 'string') input.name = json.name;
  if (typeof json.updated === 'string') input.updated = json.updated;
  if (Array.isArray(json.attribution)) input.attribution = json.attribution.filter((a) => typeof a === 'string' && a.trim());
  input.rows = (function* () {
    for (const [index, station] of json.stations.entries()) yield { file, where: `${file}: stations[${index}]`, station, pending: false, credits: [] };
  })();
  return input;
}

/**
 * Turns one CSV record or GeoJSON `properties` object (read through `get(field)`) into a row: station fields keep their
 * names, lat/lng become numbers, hours and features are read from their CSV notation, and the
 * provenance columns are folded into `source` and the attribution credits.
 */
function rowFrom(get, where, input) {
  const station = {};
  for (const field of TEXT_FIELDS) {
    const v = get(field);
    if (v === undefined || v === null || v === '') continue;
    station[field] = typeof v === 'string' ? v.trim() : v;
  }
  for (const field of ['lat', 'lng']) {
    const v = get(field);
    if (v === undefined || v === null || v === '') continue;
    station[field] = typeof v === 'string' && NUMBER.test(v.trim()) ? Number(v) : v;
  }
  const issue = (level, reason) => input.issues.push({ where, level, reason });

  const hours = get('hours');
  if (typeof hours === 'string' && hours !== '') {
    const parsed = parseHoursCached(hours);
    if (parsed) station.hours = parsed;
    else issue('warning', `hours: ${HOURS_MUST} (got ${describe(hours)}); dropped`);
  } else if (hours !== undefined && hours !== null && hours !== '') station.hours = hours; // GeoJSON object: the core checks it

  const features = get('features');
  if (typeof features === 'string' && features !== '') station.features = features.split(/[;,\s]+/).filter(Boolean);
  else if (features !== undefined && features !== null && features !== '') station.features = features;

  const text = (k) => {
    const v = get(k);
    return typeof v === 'string' ? v.trim() : v == null ? '' : String(v);
  };
  const source = text('source');
  const licence = text('licence') || text('license');
  const confidence = text('confidence');
  // `source_short` is what a file that every widget downloads says instead of the whole audit
  // text; the build checks it against `source` and `licence` (shortSourceProblems).
  const sourceShort = text('source_short');
  const provenance = [source, licence && `licence: ${licence}`, confidence && `confidence: ${confidence}`].filter(Boolean).join('; ');
  if (sourceShort || provenance) station.source = sourceShort || provenance;
  const credits = text('attribution')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

  const status = text('status');
  if (status !== '' && status !== 'pending') {
    issue('error', `status: must be empty or "pending" (got ${describe(status)})`);
    return undefined;
  }
  return {
    file: input.file,
    where,
    station,
    pending: status === 'pending',
    credits,
    licence,
    confidence,
    evidence: text('evidence'),
    sourceText: source,
    sourceShort,
  };
}

/** Licence texts that say the terms are still to be checked. */
export const UNVERIFIED = /verify|unverified|not stated/i;

/**
 * What is wrong with a row's `source_short` as the only provenance a shipped station carries, as
 * reasons (none when it is fine). It must name the licence as the `licence` column starts (the
 * text before any "(" or ";": "public domain", "ODbL 1.0", "unverified"), say "unverified" when
 * the licence says the terms are still to be checked, and name an address source when `source`
 * has one. The full `source`, `licence` and `confidence` stay in the CSV and DATA-LICENSES.md.
 * @param {Row} row
 */
export function shortSourceProblems(row) {
  const short = row.sourceShort ?? '';
  if (!short) return ['source_short: missing (every shipped row carries a short source that names its licence)'];
  const problems = [];
  const licenceName = (row.licence ?? '').split(/\s*[(;]/)[0].trim();
  if (licenceName && !short.includes(licenceName)) problems.push(`source_short: must name the licence ${describe(licenceName)} (got ${describe(short)})`);
  if (UNVERIFIED.test(row.licence ?? '') && !/unverified/i.test(short))
    problems.push(`source_short: must say "unverified", as the licence does (got ${describe(short)})`);
  if (/\baddress:/.test(row.sourceText ?? '') && !/\baddress\b/.test(short))
    problems.push(`source_short: must name the address source too, as source does (got ${describe(short)})`);
  return problems;
}

// Big files repeat a few hours cells many times. Rows may share the parsed object: nothing
// mutates it, and the core copies hours into the station it returns.
const hoursSeen = new Map();
function parseHoursCached(cell) {
  if (!hoursSeen.has(cell)) {
    if (hoursSeen.size > 10_000) hoursSeen.clear();
    hoursSeen.set(cell, parseHours(cell));
  }
  return hoursSeen.get(cell);
}

/**
 * Reads "24/7" or `days times[,times]` groups separated by `;`, e.g.
 * "mo-fr 09:00-17:00; sa 10:00-12:00,13:00-16:00; su closed". Returns null when it cannot.
 */
export function parseHours(cell) {
  const s = cell.trim();
  if (s === '24/7') return '24/7';
  const out = {};
  for (const group of s.split(';').map((g) => g.trim())) {
    const m = /^([a-z,-]+)\s+(.+)$/i.exec(group);
    if (!m) return null;
    const days = expandDays(m[1].toLowerCase());
    if (!days) return null;
    const spec = m[2].trim().toLowerCase();
    const ranges = spec === 'closed' ? [] : spec.split(/\s*,\s*/);
    for (const r of ranges) {
      if (!isHoursRange(r)) return null;
    }
    for (const d of days) out[d] = [...(out[d] ?? []), ...ranges];
  }
  return out;
}

function expandDays(spec) {
  const days = [];
  for (const part of spec.split(',')) {
    const [from, to = from, extra] = part.split('-');
    const a = WEEKDAYS.indexOf(from);
    const b = WEEKDAYS.indexOf(to);
    if (extra !== undefined || a < 0 || b < 0 || b < a) return null;
    days.push(...WEEKDAYS.slice(a, b + 1));
  }
  return days;
}

/**
 * Validates the rows of all inputs as one dataset with the core's parseDataset and assembles
 * the result. Rows are read lazily and validated in chunks, so memory stays at one chunk plus
 * whatever `keep` asks to hold.
 * @param {Input[]} inputs
 * @param {{ duplicates?: 'error' | 'first', name?: string, updated?: string, requireProvenance?: boolean, decimals?: number,
 *   keep?: 'rows' | 'stations' | 'none', onStation?: (station: object, row: Row) => void }} options
 *   duplicates: 'error' (a repeated id is an error: sources, validate) or 'first' (the first
 *   wins, later ones are left out with a notice: merging with `build`).
 *   keep: 'rows' (default) returns the kept rows and the dataset's stations, 'stations' only
 *   the stations, 'none' neither (validate, stats: pass onStation to look at each one).
 *   requireProvenance: every row needs `source`, `licence` and a `source_short` that names the
 *   licence (the shipped dataset). decimals: lat and lng rounded to this many decimals after
 *   validation (5 ≈ 1 m); by default as given.
 */
// The order a built file writes each station's fields in: the id and position first, for people
// reading the file, then what differs from one station to the next (address, postcode, locality)
// beside them, then the fields an agency's stations share (hours, features, agency, kind) in one
// stretch that gzip copies whole. Readers do not care (JSON objects are unordered); gzip does:
// found by measuring (moving each field to every position while that made dist/stations.json
// smaller), it saved 144 B gzip over the previous order (which was 68 B better than the
// schema's); an order searched on every other station saved 64 B on the others, so it is not
// fitted to today's rows only.
const WRITE_ORDER = [
  'id',
  'lat',
  'lng',
  'address',
  'postcode',
  'locality',
  'hours',
  'features',
  'agency',
  'kind',
  'name',
  'region',
  'timezone',
  'url',
  'country',
  'spot',
  'notes',
  'verified',
  'source',
  'phone',
];

function inWriteOrder(station) {
  const out = {};
  for (const key of WRITE_ORDER) if (key in station) out[key] = station[key];
  for (const key of Object.keys(station)) if (!(key in out)) out[key] = station[key];
  return out;
}

export async function assemble(inputs, options = {}) {
  const keep = options.keep ?? 'rows';
  /** @type {Issue[]} */ let issues = [];
  const firstById = new Map();
  /** @type {Row[]} */ const kept = [];
  /** @type {Row[]} */ const pending = [];
  const stations = [];
  const credits = new Set(inputs.flatMap((i) => i.attribution));
  let newestVerified;

  // Ids are unique by the time a row gets here, so the core can take the rows in chunks: its
  // per-call work stays small (it matches warnings against rejections pairwise), and each raw
  // row can be dropped as soon as its chunk is done.
  let chunk = [];
  const flush = () => {
    for (const row of chunk) {
      // The core ignores unknown feature words on purpose (newer datasets load in older
      // widgets); in a file being checked, a typo would silently lose a fact, so say so.
      const words = Array.isArray(row.station.features) ? row.station.features : [];
      for (const word of words.filter((w) => typeof w === 'string' && !FEATURES.includes(w))) {
        issues.push({ where: row.where, level: 'warning', reason: `features: unknown word ${describe(word)} ignored (known: ${FEATURES.join(', ')})` });
      }
    }
    const parsed = parseDataset({ format: DATASET_FORMAT, version: DATASET_VERSION, stations: chunk.map((r) => r.station) });
    const rejectedAt = new Set();
    for (const r of parsed.rejected) {
      rejectedAt.add(r.index);
      issues.push({ where: chunk[r.index].where, level: 'error', reason: r.reason + swapHint(chunk[r.index].station, r.reason) });
    }
    for (const w of parsed.warnings) issues.push({ where: chunk[w.index].where, level: 'warning', reason: w.reason });
    let next = 0;
    chunk.forEach((row, i) => {
      if (rejectedAt.has(i)) return;
      const station = inWriteOrder(parsed.stations[next++]);
      if (options.decimals !== undefined) {
        station.lat = roundTo(station.lat, options.decimals);
        station.lng = roundTo(station.lng, options.decimals);
      }
      if (options.requireProvenance) {
        if (!row.sourceText)
          issues.push({ where: row.where, level: 'error', reason: 'source: missing (every shipped row says where its coordinate came from)' });
        if (!row.licence) issues.push({ where: row.where, level: 'error', reason: 'licence: missing (every shipped row names the licence of its source)' });
        for (const reason of shortSourceProblems(row)) issues.push({ where: row.where, level: 'error', reason });
      }
      for (const c of row.credits) credits.add(c);
      if (station.verified && !(newestVerified >= station.verified)) newestVerified = station.verified;
      options.onStation?.(station, row);
      if (keep === 'rows') kept.push({ ...row, station });
      if (keep !== 'none') stations.push(station);
    });
    chunk = [];
  };

  for (const input of inputs) {
    for (const row of input.rows) {
      const id = row.station && typeof row.station === 'object' ? row.station.id : undefined;
      if (typeof id === 'string' && id !== '') {
        const first = firstById.get(id);
        if (first) {
          if (options.duplicates === 'first')
            issues.push({ where: row.where, level: 'notice', reason: `id: ${describe(id)} already given at ${first}; this one left out` });
          else issues.push({ where: row.where, level: 'error', reason: `id: duplicate of ${describe(id)} at ${first}` });
          continue;
        }
        firstById.set(id, row.where);
      }
      if (row.pending) pending.push(row);
      else if (chunk.push(row) === CHUNK) flush();
    }
  }
  if (chunk.length) flush();
  // Problems found while reading a row come first among that row's issues (the sort is stable).
  issues = inputs.flatMap((i) => i.issues).concat(issues);

  // A pending row is listed, not shipped; it still needs a valid id, name and country, and may
  // lack only its address and coordinate.
  const pendingCheck = parseDataset({ format: DATASET_FORMAT, version: DATASET_VERSION, stations: pending.map((r) => r.station) });
  for (const r of pendingCheck.rejected) {
    if (!/^(address|lat|lng): missing$/.test(r.reason))
      issues.push({ where: pending[r.index].where, level: 'error', reason: `${r.reason} (a pending row still needs a valid id, name and country)` });
  }

  const updated = options.updated ?? maxDate([...inputs.map((i) => i.updated), newestVerified]);
  const names = unique(inputs.map((i) => i.name).filter(Boolean));
  const name = options.name ?? (names.length === 1 ? names[0] : undefined);
  const dataset = { format: DATASET_FORMAT, version: DATASET_VERSION };
  if (name) dataset.name = name;
  if (updated) dataset.updated = updated;
  dataset.attribution = [...credits];
  dataset.stations = stations;
  sortIssues(
    issues,
    inputs.map((i) => i.file),
  );
  return { dataset, kept, pending, issues };
}

/** `value` to the nearest number of `decimals` decimal places (40.720364 → 40.72036 at 5). */
export const roundTo = (value, decimals) => Number(value.toFixed(decimals));

/** Formats an issue as `file:line: field: reason`. */
export const formatIssue = (i) => `${i.where}: ${i.level === 'error' ? '' : `${i.level}: `}${i.reason}`;

function swapHint(station, reason) {
  const { lat, lng } = station ?? {};
  const looksSwapped =
    /^lat: must be a number/.test(reason) && typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 180 && Math.abs(lng) <= 90;
  return looksSwapped ? '; lat and lng look swapped' : '';
}

function maxDate(dates) {
  return dates
    .filter((d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))
    .sort()
    .pop();
}

const unique = (list) => [...new Set(list)];

// Issues in input order, then by line or index (`a.csv:10` after `a.csv:9`); the sort is
// stable, so a row's own issues keep their order.
function sortIssues(issues, files) {
  const order = new Map(files.map((f, i) => [f, i]));
  const key = (where) => {
    const m = /^(.*?)(?::(\d+)|: \w+\[(\d+)\])?$/.exec(where);
    return [order.get(m[1]) ?? files.length, Number(m[2] ?? m[3] ?? 0)];
  };
  const keys = new Map(issues.map((i) => [i, key(i.where)]));
  issues.sort((a, b) => {
    const [fa, na] = keys.get(a);
    const [fb, nb] = keys.get(b);
    return fa - fb || na - nb;
  });
}
