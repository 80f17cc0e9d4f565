import { isHttpUrl } from './url.js';
import * as z from 'zod/mini';
import { describe } from './geo.js';
import { runNow, type Steps } from './steps.js';
import type { DatasetIssue, Feature, ParsedDataset, Station, StationKind, Weekday } from './types.js';

export { isHttpUrl };

export const DATASET_FORMAT = 'safetrade-stations';
export const DATASET_VERSION = 1;

/** Thrown by `parseDataset` when the input is not a safetrade-stations v1 dataset at all. */
export class DatasetError extends Error {
  readonly code = 'dataset-invalid';
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

// ISO 3166-1 alpha-2, officially assigned codes (249).
const COUNTRIES = new Set(
  'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW'.match(
    /../g,
  ),
);

export const STATION_KINDS: readonly StationKind[] = ['police', 'sheriff', 'transit-police', 'other'];
export const FEATURES: readonly Feature[] = ['video', 'lit', 'signage', 'parking', 'indoor', 'staffed', 'accessible'];
export const WEEKDAYS: readonly Weekday[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d';
const RANGE = new RegExp(`^(${TIME})-(${TIME}|24:00)$`);

const text = z.string().check(z.refine((s) => s.trim().length > 0));
const date = z.string().check(z.refine(isIsoDate));

/** A field's schema and what the message says it must be. */
type Rule = [schema: z.ZodMiniType, must: string];

const REQUIRED: Record<'id' | 'name' | 'address' | 'country' | 'lat' | 'lng', Rule> = {
  id: [z.string().check(z.refine((id) => /^[a-z0-9][a-z0-9._-]{0,63}$/.test(id))), 'must be 1–64 characters of a-z 0-9 . _ -, starting with a letter or digit'],
  name: [text, 'must be a non-empty string'],
  address: [text, 'must be a non-empty string'],
  country: [z.string().check(z.refine((c) => COUNTRIES.has(c))), 'must be an ISO 3166-1 alpha-2 code in upper case, like "US"'],
  lat: [z.number().check(z.refine((lat) => lat >= -90 && lat <= 90)), 'must be a number from -90 to 90'],
  lng: [z.number().check(z.refine((lng) => lng >= -180 && lng <= 180)), 'must be a number from -180 to 180'],
};

const OPTIONAL: Record<Exclude<keyof Station, keyof typeof REQUIRED | 'features'>, Rule> = {
  locality: [text, 'must be a non-empty string'],
  region: [text, 'must be a non-empty string'],
  postcode: [text, 'must be a non-empty string'],
  agency: [text, 'must be a non-empty string'],
  kind: [z.string().check(z.refine((k) => (STATION_KINDS as readonly string[]).includes(k))), `must be one of ${STATION_KINDS.join(', ')}`],
  hours: [z.unknown().check(z.refine((h) => h === '24/7' || isWeeklyHours(h))), 'must be "24/7" or an object of mo…su lists of "HH:MM-HH:MM" ranges'],
  timezone: [z.string().check(z.refine(isTimeZone)), 'must be an IANA time zone name, like "America/New_York"'],
  spot: [text, 'must be a non-empty string'],
  phone: [text, 'must be a non-empty string'],
  url: [z.string().check(z.refine(isHttpUrl)), 'must be an absolute http: or https: URL'],
  notes: [text, 'must be a non-empty string'],
  source: [text, 'must be a non-empty string'],
  verified: [date, 'must be a date as YYYY-MM-DD'],
};

// The top level is checked field by field, not with z.object: that keeps zod's object schema
// (about 1 KB gzip with its compiled fast path) out of the script-tag bundle.
const FORMAT = z.literal(DATASET_FORMAT);
const VERSION = z.literal(DATASET_VERSION);

/**
 * Validates a safetrade-stations v1 dataset. Stations with a missing or bad required field are
 * rejected, a bad optional field is dropped with a warning; nothing is repaired or guessed.
 * @throws DatasetError when `input` is not such a dataset at all.
 */
export function parseDataset(input: unknown): ParsedDataset {
  return runNow(parseDatasetSteps(input));
}

/**
 * The dataset's outline: an object with the right `format` and `version` and a `stations` array.
 * The CLI checks files with this too, so both refuse the same files with the same words.
 * @throws DatasetError quoting the first field that is wrong.
 */
export function checkDatasetOutline(input: unknown): asserts input is Record<string, unknown> & { stations: unknown[] } {
  if (!isPlainObject(input)) throw new DatasetError(`expected a safetrade-stations dataset object (got ${describe(input)})`);
  if (!FORMAT.safeParse(input.format).success) throw new DatasetError(`"format" must be "${DATASET_FORMAT}" (got ${describe(input.format)})`);
  if (!VERSION.safeParse(input.version).success) throw new DatasetError(`"version" must be ${DATASET_VERSION} (got ${describe(input.version)})`);
  if (!Array.isArray(input.stations)) throw new DatasetError(`"stations" must be an array (got ${describe(input.stations)})`);
}

/** Stations checked between two points where parseDatasetSteps may pause. */
const STATIONS_PER_STEP = 16;

/**
 * parseDataset as steps (see slices.ts): the same result, or the same DatasetError thrown by the
 * first step, whether run at once or in slices that give the main thread back.
 */
export function* parseDatasetSteps(input: unknown): Steps<ParsedDataset> {
  checkDatasetOutline(input);
  const result: ParsedDataset = { stations: [], rejected: [], warnings: [], attribution: [] };
  if (text.safeParse(input.name).success) result.name = input.name as string;
  if (date.safeParse(input.updated).success) result.updated = input.updated as string;
  if (Array.isArray(input.attribution)) result.attribution = input.attribution.filter((a) => text.safeParse(a).success);

  const firstIndexById = new Map<string, number>();
  const stations = input.stations as unknown[];
  const count = stations.length; // as forEach: stations appended meanwhile are not visited
  for (let index = 0; index < count; index++) {
    if (index > 0 && index % STATIONS_PER_STEP === 0) yield;
    if (!(index in stations)) continue; // a hole in a sparse array, skipped as forEach would
    const raw = stations[index];
    const station = parseStation(raw, index, result.warnings);
    if (typeof station === 'string') {
      const id = isPlainObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
      result.rejected.push(id === undefined ? { index, reason: station } : { index, id, reason: station });
      continue;
    }
    const first = firstIndexById.get(station.id);
    if (first !== undefined) {
      result.rejected.push({ index, id: station.id, reason: `id: duplicate of the station at index ${first}` });
      continue;
    }
    firstIndexById.set(station.id, index);
    result.stations.push(station);
  }
  // Warnings of a station that was then rejected as a duplicate do not concern kept stations.
  const rejectedAt = new Set(result.rejected.map((r) => r.index));
  result.warnings = result.warnings.filter((w) => !rejectedAt.has(w.index));
  return result;
}

/** Returns the valid station, or the reason it is rejected. */
function parseStation(raw: unknown, index: number, warnings: DatasetIssue[]): Station | string {
  if (!isPlainObject(raw)) return `not a station object (got ${describe(raw)})`;
  for (const [field, [schema, must]] of Object.entries(REQUIRED)) {
    if (!(field in raw) || raw[field] === undefined) return `${field}: missing`;
    if (!schema.safeParse(raw[field]).success) return `${field}: ${must} (got ${describe(raw[field])})`;
  }
  const station = {} as Record<string, unknown>;
  for (const field of Object.keys(REQUIRED)) station[field] = raw[field];
  const id = raw.id as string;
  const warn = (reason: string) => warnings.push({ index, id, reason });

  for (const [field, [schema, must]] of Object.entries(OPTIONAL)) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (schema.safeParse(value).success) station[field] = field === 'hours' ? copyHours(value) : value;
    else warn(`${field}: ${must} (got ${describe(value)}); dropped`);
  }
  if (raw.features !== undefined && raw.features !== null) {
    if (Array.isArray(raw.features) && raw.features.every((f) => typeof f === 'string')) {
      // Unknown words are ignored so that newer datasets load in older widgets.
      station.features = FEATURES.filter((f) => (raw.features as string[]).includes(f));
    } else {
      warn(`features: must be a list of words (got ${describe(raw.features)}); dropped`);
    }
  }
  if (station.hours !== undefined && station.hours !== '24/7' && station.timezone === undefined) {
    warn('timezone: missing, so the hours are shown as written and never checked against the clock');
  }
  return station as unknown as Station;
}

function copyHours(value: unknown): Station['hours'] {
  if (value === '24/7') return value;
  const out: Record<string, string[]> = {};
  for (const day of WEEKDAYS) {
    const ranges = (value as Record<string, string[]>)[day];
    if (ranges) out[day] = [...ranges];
  }
  return out;
}

/** Whether `range` is one opening range, "HH:MM-HH:MM" (the end may be 24:00), that is not empty. */
export function isHoursRange(range: string): boolean {
  const m = RANGE.exec(range);
  return m !== null && m[1] !== m[2];
}

function isWeeklyHours(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const days = Object.keys(value);
  return (
    days.length > 0 &&
    days.every((day) => {
      const ranges = value[day];
      return (WEEKDAYS as readonly string[]).includes(day) && Array.isArray(ranges) && ranges.every((r) => typeof r === 'string' && isHoursRange(r));
    })
  );
}

// Checking a name builds an Intl.DateTimeFormat (~0.2 ms): a 100k-station dataset repeats a few
// dozen names, so each is checked once per page or process.
const timeZones = new Map<string, boolean>();

function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  let known = timeZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    timeZones.set(name, known);
  }
  return known;
}

function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
