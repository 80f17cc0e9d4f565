// Dataset loading: the widget's only network path. Every fetch is bounded (a timeout, a size limit
// checked before parsing), retried once after a network or server failure, shared by every widget
// on the page that wants the same URL, and aborted as soon as none of them wants it any more.
// Every failure is a LoadError whose message names the URL and what exactly went wrong.
import { DatasetError, parseDatasetSteps } from '../core/dataset.js';
import { runInSlices, runNow, yieldToMain, type Steps } from '../core/slices.js';
import type { HoursRankOptions } from '../core/rank.js';
import { checkTileFile, checkTileStations, isTileManifest, parseTileManifest, rankTiles, type Tile } from '../core/tiles.js';
import type { DatasetIssue, ParsedDataset, Parties, RankOptions, Station, Suggestion } from '../core/types.js';
import type { SafeTradeError } from './events.js';

/**
 * What `stations-src` loaded: a dataset, or a tile manifest (docs/TILES.md). For a manifest,
 * `stations` is empty and `tiles` ranks by fetching only the tiles that can change the answer.
 */
export interface LoadedDataset extends ParsedDataset {
  tiles?: TiledStations;
}

export interface TiledStations {
  /** Usable stations, as the manifest counts them. */
  count: number;
  /**
   * Exactly what rankStations over all the stations would give. Rejects with a LoadError when a
   * needed tile fails (never answers without it), or with an AbortError once `signal` aborts.
   */
  rank(parties: Parties, options: RankOptions & HoursRankOptions, signal?: AbortSignal): Promise<Suggestion[]>;
}

export class LoadError extends Error {
  constructor(
    readonly code: SafeTradeError['code'],
    message: string,
    /** A network or server failure that may pass: worth one more try. */
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

/** Page-wide limits for dataset fetches. */
export interface LoadSettings {
  /** One attempt (response and whole body) gives up after this long; default 10 000 (10 s). */
  timeoutMs: number;
  /** A response larger than this is refused before it is parsed; default 20 MB. */
  maxBytes: number;
  /** The one retry after a network or server failure waits this long, ±50 %; default 1000. */
  retryDelayMs: number;
}

export const DEFAULT_LOAD_SETTINGS: Readonly<LoadSettings> = Object.freeze({
  timeoutMs: 10_000,
  maxBytes: 20 * 1024 * 1024,
  retryDelayMs: 1000,
});

// setTimeout treats anything above 2^31 - 1 ms as 0, which would turn a long timeout into none.
const MAX_DELAY_MS = 2 ** 31 - 1;
let settings: LoadSettings = { ...DEFAULT_LOAD_SETTINGS };

/**
 * Changes the page-wide dataset loading limits (any of `timeoutMs`, `maxBytes`, `retryDelayMs`)
 * for fetches that start afterwards, and returns the limits now in force. A bad value throws a
 * RangeError that quotes it, and changes nothing.
 */
export function configure(changes: Partial<LoadSettings> = {}): LoadSettings {
  const next = { ...settings };
  for (const [key, value] of Object.entries(changes ?? {})) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_LOAD_SETTINGS)) throw new RangeError(`configure: unknown setting ${JSON.stringify(key)} (known: timeoutMs, maxBytes, retryDelayMs)`);
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (key === 'maxBytes'
        ? Number.isSafeInteger(value) && value > 0
        : key === 'timeoutMs'
          ? value > 0 && value <= MAX_DELAY_MS
          : value >= 0 && value <= MAX_DELAY_MS);
    if (!ok)
      throw new RangeError(
        `configure: ${key} must be a ${key === 'maxBytes' ? 'whole number of bytes above 0' : `number of milliseconds ${key === 'timeoutMs' ? 'above 0' : 'from 0'} up to ${MAX_DELAY_MS}`} (got ${printable(String(value))})`,
      );
    next[key as keyof LoadSettings] = value;
  }
  settings = next;
  return { ...settings };
}

interface Entry {
  promise: Promise<LoadedDataset>;
  controller: AbortController;
  /** Widgets waiting for it; when the last one gives up before it settles, the fetch is aborted. */
  wanted: number;
  settled: boolean;
}

const cache = new Map<string, Entry>();
// Parsed datasets kept for later widgets; a page that cycles through many sources keeps the latest.
const MAX_CACHED = 16;

/**
 * Fetches and validates the dataset at `url` (absolute), or rejects with a LoadError. One fetch
 * and one parse per URL serve every caller. When `signal` aborts, this call rejects with an
 * AbortError; the fetch itself is aborted only when no other caller still waits for it.
 */
export function loadDataset(url: string, signal?: AbortSignal): Promise<LoadedDataset> {
  if (signal?.aborted) return Promise.reject(abortError());
  let entry = cache.get(url);
  if (!entry) entry = start(url);
  // Also for a dataset already loaded: the answer arrives a microtask later, and must not
  // reach a caller that gave up in between.
  const current = entry;
  current.wanted++;
  return new Promise<LoadedDataset>((resolve, reject) => {
    let done = false;
    const release = () => {
      done = true;
      signal?.removeEventListener('abort', onAbort);
      if (--current.wanted === 0 && !current.settled) {
        current.controller.abort();
        if (cache.get(url) === current) cache.delete(url);
      }
    };
    const onAbort = () => {
      if (done) return;
      release();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    current.promise.then(
      (dataset) => {
        if (done) return;
        release();
        resolve(dataset);
      },
      (error: unknown) => {
        if (done) return;
        release();
        reject(error);
      },
    );
  });
}

function start(url: string): Entry {
  const controller = new AbortController();
  const entry: Entry = {
    promise: fetchJson(url, controller.signal).then(async (json) => {
      // Each step in tasks of its own, never one with the JSON.parse before or the widget's render after.
      await yieldToMain();
      const dataset = isTileManifest(json) ? tiledDataset(json, url) : await checkDatasetInSlices(json, url, controller.signal);
      await yieldToMain();
      return dataset;
    }),
    controller,
    wanted: 0,
    settled: false,
  };
  entry.promise.then(
    () => {
      entry.settled = true;
      evictOldest();
    },
    () => {
      entry.settled = true;
      // A failure is not cached: the next widget, or "Try again", fetches again.
      if (cache.get(url) === entry) cache.delete(url);
    },
  );
  cache.set(url, entry);
  return entry;
}

function evictOldest(): void {
  const settled = [...cache].filter(([, e]) => e.settled);
  for (const [url] of settled.slice(0, Math.max(0, settled.length - MAX_CACHED))) cache.delete(url);
}

export function isAbortError(error: unknown): boolean {
  return (error as Error | null)?.name === 'AbortError';
}

function abortError(): DOMException {
  return new DOMException('the dataset is no longer wanted', 'AbortError');
}

/**
 * Fetches `url` as JSON within the page-wide limits: a timeout per attempt, one retry (after a
 * randomised delay) on a network failure or HTTP 5xx, never on 4xx, and a size limit enforced
 * from Content-Length and again while the body streams in. Rejects with a LoadError, or with an
 * AbortError once `signal` aborts. No cookies cross origins and no referrer is sent.
 */
export async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const limits = { ...settings };
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(url, limits, signal);
    } catch (error) {
      if (signal?.aborted) throw abortError();
      if (!(error instanceof LoadError) || !error.retryable || attempt > 1) throw error;
      await sleep(limits.retryDelayMs * (0.5 + Math.random()), signal);
    }
  }
}

async function attemptOnce(url: string, limits: LoadSettings, outer: AbortSignal | undefined): Promise<unknown> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const forward = () => controller.abort();
  outer?.addEventListener('abort', forward, { once: true });
  let body: { text: string; bytes: number; type: string };
  try {
    body = await download(url, limits.maxBytes, controller.signal);
  } catch (error) {
    if (outer?.aborted) throw abortError();
    if (timedOut) throw new LoadError('dataset-fetch', `${url} did not finish loading within ${limits.timeoutMs / 1000} s`);
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
  return parseJson(url, body);
}

async function download(url: string, maxBytes: number, signal: AbortSignal): Promise<{ text: string; bytes: number; type: string }> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin', referrerPolicy: 'no-referrer' });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new LoadError('dataset-fetch', `could not fetch ${url}: ${printable((error as Error)?.message || 'network error')}`, true);
  }
  const type = response.headers.get('content-type') ?? 'no Content-Type';
  if (!response.ok) {
    void response.body?.cancel().catch(() => {});
    const status = `HTTP ${response.status}${response.statusText ? ` ${printable(response.statusText)}` : ''}`;
    // 5xx may be a passing server problem; a 4xx answer will not change on a second asking.
    if (response.status >= 500) throw new LoadError('dataset-fetch', `could not fetch ${url}: ${status} (a server error)`, true);
    throw new LoadError('dataset-fetch', `could not fetch ${url}: ${status}`);
  }
  const declared = response.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge(url, `${size(Number(declared))} (Content-Length)`, maxBytes);
  }
  if (!response.body) return { text: '', bytes: 0, type };
  // Counted as it streams: Content-Length may be missing, wrong, or measure compressed bytes.
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  let bytes = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (signal.aborted) throw error;
      throw new LoadError('dataset-fetch', `the connection broke off while loading ${url} (after ${size(bytes)})`, true);
    }
    if (chunk.done) break;
    bytes += chunk.value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge(url, `more than ${size(maxBytes)}`, maxBytes);
    }
    try {
      text += decoder.decode(chunk.value, { stream: true });
    } catch {
      void reader.cancel().catch(() => {});
      throw notUtf8(url, type);
    }
  }
  try {
    text += decoder.decode();
  } catch {
    throw notUtf8(url, type);
  }
  return { text, bytes, type };
}

function parseJson(url: string, { text, bytes, type }: { text: string; bytes: number; type: string }): unknown {
  const start = text.trimStart();
  if (start === '') throw new LoadError('dataset-invalid', `${url} is empty (${type})`);
  if (start.startsWith('<')) {
    throw new LoadError('dataset-invalid', `${url} is not JSON: it looks like HTML (${printable(type)}), perhaps an error or sign-in page`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    if (isCutShort(text)) throw new LoadError('dataset-invalid', `${url} is truncated: its JSON stops after ${size(bytes)}, before the data is complete`);
    throw new LoadError('dataset-invalid', `${url} is not valid JSON (${printable(type)}): ${printable((error as Error).message)}`);
  }
}

const tooLarge = (url: string, what: string, maxBytes: number) =>
  new LoadError('dataset-invalid', `${url} is too large: ${what}, over the ${size(maxBytes)} limit, so it was not read`);

const notUtf8 = (url: string, type: string) => new LoadError('dataset-invalid', `${url} is not UTF-8 text (${printable(type)}), so it is not JSON`);

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const CUT = Symbol('cut');
const BAD = Symbol('bad');

/** Whether `text`, which JSON.parse refused, is the beginning of a valid JSON text that was cut short. */
export function isCutShort(text: string): boolean {
  let i = 0;
  const end = text.length;
  const peek = (): string => {
    while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= end) throw CUT;
    return text[i]!;
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (i >= end) throw CUT;
      if (text[i++] !== c) throw BAD;
    }
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= end) throw CUT;
      const c = text[i++]!;
      if (c === '"') return;
      if (c < ' ') throw BAD;
      if (c !== '\\') continue;
      if (i >= end) throw CUT;
      const e = text[i++]!;
      if (e === 'u') {
        for (let k = 0; k < 4; k++) {
          if (i >= end) throw CUT;
          if (!/[0-9a-fA-F]/.test(text[i++]!)) throw BAD;
        }
      } else if (!'"\\/bfnrt'.includes(e)) throw BAD;
    }
  };
  const number = () => {
    const from = i;
    while (i < end && /[-+.eE0-9]/.test(text[i]!)) i++;
    if (i >= end) throw CUT; // it may have been cut mid-number
    if (!/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(text.slice(from, i))) throw BAD;
  };
  // Iterative, so that a hostile 20 MB of "[[[[" cannot overflow the stack.
  const stack: string[] = [];
  const value = () => {
    const c = peek();
    if (c === '{' || c === '[') {
      i++;
      stack.push(c);
      if (peek() === (c === '{' ? '}' : ']')) {
        i++;
        stack.pop();
        return false;
      }
      if (c === '{') key();
      return true; // a container was opened: its first value comes next
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else throw BAD;
    return false;
  };
  const key = () => {
    if (peek() !== '"') throw BAD;
    string();
    if (peek() !== ':') throw BAD;
    i++;
  };
  try {
    let opened = value();
    for (;;) {
      if (opened) {
        opened = value();
        continue;
      }
      if (stack.length === 0) break;
      const top = stack[stack.length - 1];
      const c = peek();
      i++;
      if (c === (top === '{' ? '}' : ']')) {
        stack.pop();
        continue;
      }
      if (c !== ',') throw BAD;
      if (top === '{') key();
      opened = value();
    }
    return false; // complete: JSON.parse failed for another reason (trailing text, say)
  } catch (error) {
    return error === CUT;
  }
}

/** A tile manifest as a dataset with no stations up front and a `tiles` ranker. */
function tiledDataset(json: unknown, url: string): LoadedDataset {
  let parsed;
  try {
    parsed = parseTileManifest(json);
  } catch (error) {
    throw new LoadError('dataset-invalid', `${url} is not a valid tile manifest: ${printable((error as Error).message)}`);
  }
  const list = parsed.tiles;
  // Same rule as a dataset: nothing usable in it is an error, not an empty widget.
  if (list.length === 0) throw new LoadError('dataset-invalid', `${url} has no usable station (an empty tile manifest)`);
  const credits = parsed.manifest.attribution;
  return {
    stations: [],
    rejected: [],
    warnings: [],
    attribution: Array.isArray(credits) ? credits.filter((a): a is string => typeof a === 'string') : [],
    tiles: {
      count: parsed.manifest.stations,
      async rank(parties, options, signal) {
        signal?.throwIfAborted();
        // Planning which tiles to fetch runs in a task of its own, not in the caller's render.
        await yieldToMain();
        signal?.throwIfAborted();
        const { suggestions } = await rankTiles(list, parties, options, (tile) => {
          signal?.throwIfAborted();
          return loadTile(tile, new URL(tile.url, url).href);
        });
        signal?.throwIfAborted();
        // And the caller's render of the answer in another one.
        await yieldToMain();
        signal?.throwIfAborted();
        return suggestions;
      },
    },
  };
}

const tileCache = new Map<string, Promise<readonly Station[]>>();

/** One tile's stations, fetched once per URL page-wide and checked against the manifest's cell and count. */
export function loadTile(tile: Tile, url: string): Promise<readonly Station[]> {
  let pending = tileCache.get(url);
  if (!pending) {
    // Not aborted with one query: another widget or the next query may want the same tile.
    pending = fetchJson(url).then(async (json) => {
      try {
        await yieldToMain();
        const parsed = await runInSlices(parseDatasetSteps(json));
        // The build refuses rejected stations, so one here means a damaged or mismatched tile.
        if (parsed.rejected.length) throw new DatasetError(`tile ${tile.id}: ${parsed.rejected.length} station(s) rejected`);
        checkTileFile(tile, json, parsed.stations.length);
        checkTileStations(tile, parsed.stations);
        await runInSlices(isolateBidiSteps(parsed));
        return parsed.stations;
      } catch (error) {
        if (error instanceof DatasetError) throw new LoadError('dataset-invalid', `${url}: ${printable(error.message)}`);
        throw error;
      }
    });
    tileCache.set(url, pending);
    // Not cached on failure: the next query, or another widget, tries again.
    pending.catch(() => tileCache.delete(url));
  }
  return pending;
}

/** Validates a dataset given in memory: not a dataset, or no usable station, is an error. */
export function checkDataset(input: unknown, where: string): ParsedDataset {
  return runNow(checkDatasetSteps(input, where));
}

/** checkDataset for a fetched dataset: the same result or error, in slices that leave the main thread free between them. */
function checkDatasetInSlices(input: unknown, where: string, signal: AbortSignal): Promise<ParsedDataset> {
  return runInSlices(checkDatasetSteps(input, where), signal);
}

function* checkDatasetSteps(input: unknown, where: string): Steps<ParsedDataset> {
  let parsed: ParsedDataset;
  try {
    parsed = yield* parseDatasetSteps(Array.isArray(input) ? { format: 'safetrade-stations', version: 1, stations: input } : input);
  } catch (error) {
    if (error instanceof DatasetError) throw new LoadError('dataset-invalid', `${where} is not a safetrade-stations dataset: ${printable(error.message)}`);
    throw error;
  }
  if (parsed.stations.length === 0) {
    const first = parsed.rejected[0];
    throw new LoadError(
      'dataset-invalid',
      `${where} has no usable station` + (first ? ` (${parsed.rejected.length} rejected; first at index ${first.index}: ${printable(first.reason)})` : ''),
    );
  }
  const isolated = yield* isolateBidiSteps(parsed);
  warnIfPartial(parsed, where, isolated);
  return parsed;
}

/** One console.warn per dataset that had stations rejected or fields dropped, naming the first few. */
function warnIfPartial(parsed: ParsedDataset, where: string, isolated: number): void {
  const { stations, rejected, warnings } = parsed;
  if (!rejected.length && !warnings.length && !isolated) return;
  const list = (issues: DatasetIssue[]) =>
    issues
      .slice(0, 3)
      .map((i) => `#${i.index}${i.id ? ` ${JSON.stringify(i.id)}` : ''} ${printable(i.reason)}`)
      .join('; ') + (issues.length > 3 ? `; and ${issues.length - 3} more` : '');
  const parts = [`using ${stations.length} station${stations.length === 1 ? '' : 's'}`];
  if (rejected.length) parts.push(`rejected ${rejected.length} (${list(rejected)})`);
  if (warnings.length) parts.push(`dropped ${warnings.length} bad optional field${warnings.length === 1 ? '' : 's'} (${list(warnings)})`);
  if (isolated) parts.push(`isolated bidirectional-override characters in ${isolated} text field${isolated === 1 ? '' : 's'}`);
  console.warn(`<safetrade-meetup>: ${where}: ${parts.join('; ')}`);
}

// Explicit embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI).
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const TEXT_FIELDS = ['name', 'address', 'locality', 'region', 'postcode', 'agency', 'spot', 'phone', 'notes', 'source'] as const;

/**
 * Makes each text that holds explicit bidi controls self-contained, in place: every embedding,
 * override or isolate it opens is closed at its end (or before a line break), a closer with
 * nothing to close is dropped (a stray PDI would end the wrapper early), and the whole is wrapped
 * in FSI…PDI. An override such as U+202E then cannot reorder the widget's words, the share
 * message or a host's page around the text; the text itself looks the same. Returns how many.
 * In steps (slices.ts), pausing every 256 stations.
 */
function* isolateBidiSteps(parsed: ParsedDataset): Steps<number> {
  let count = 0;
  const isolate = (text: string) => {
    if (!BIDI_CONTROLS.test(text)) return text;
    count++;
    return `\u2068${balanceBidi(text)}\u2069`;
  };
  const stations = parsed.stations as Station[];
  for (let i = 0; i < stations.length; i++) {
    if (i > 0 && i % 256 === 0) yield;
    const station = stations[i]!;
    for (const field of TEXT_FIELDS) if (typeof station[field] === 'string') station[field] = isolate(station[field]!);
  }
  parsed.attribution = parsed.attribution.map(isolate);
  if (parsed.name !== undefined) parsed.name = isolate(parsed.name);
  return count;
}

function balanceBidi(text: string): string {
  let out = '';
  let open: ('embedding' | 'isolate')[] = [];
  const close = () =>
    open
      .reverse()
      .map((k) => (k === 'isolate' ? '\u2069' : '\u202c'))
      .join('');
  for (const c of text) {
    if (c >= '\u202a' && c <= '\u202e' && c !== '\u202c') open.push('embedding');
    else if (c >= '\u2066' && c <= '\u2068') open.push('isolate');
    else if (c === '\u202c') {
      if (open.at(-1) !== 'embedding') continue;
      open.pop();
    } else if (c === '\u2069') {
      const at = open.lastIndexOf('isolate');
      if (at === -1) continue;
      open = open.slice(0, at); // a PDI also ends the embeddings opened inside its isolate
      // eslint-disable-next-line no-control-regex -- the paragraph separators are what it looks for
    } else if (/[\n\r\u001c-\u001e\u0085\u2029]/.test(c)) {
      // A paragraph break ends everything anyway; closing first keeps the count honest.
      out += close();
      open = [];
    }
    out += c;
  }
  return out + close();
}

/** Data-derived text for a message: control and bidi characters shown as \u escapes, never obeyed. */
function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are exactly what it escapes
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
