// Dataset loading. One fetch and one parse per URL, shared by every widget on the page; a widget
// whose inputs moved on simply ignores a result that is no longer its own.
import { DatasetError, parseDataset } from '../core/dataset.js';
import type { ParsedDataset } from '../core/types.js';
import type { SafeTradeError } from './events.js';

export class LoadError extends Error {
  constructor(
    readonly code: SafeTradeError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

const cache = new Map<string, Promise<ParsedDataset>>();

/** Fetches and validates the dataset at `url` (absolute), or rejects with a LoadError. */
export function loadDataset(url: string): Promise<ParsedDataset> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetchDataset(url);
    cache.set(url, pending);
    // A failure is not cached: the next widget, or a retry, fetches again.
    pending.catch(() => cache.delete(url));
  }
  return pending;
}

async function fetchDataset(url: string): Promise<ParsedDataset> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', referrerPolicy: 'no-referrer' });
  } catch (error) {
    throw new LoadError('dataset-fetch', `could not fetch ${url}: ${(error as Error).message || 'network error'}`);
  }
  if (!response.ok) throw new LoadError('dataset-fetch', `could not fetch ${url}: HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new LoadError('dataset-invalid', `${url} is not valid JSON`);
  }
  return checkDataset(json, url);
}

/** Validates a dataset given in memory or fetched: not a dataset, or no usable station, is an error. */
export function checkDataset(input: unknown, where: string): ParsedDataset {
  let parsed: ParsedDataset;
  try {
    parsed = parseDataset(Array.isArray(input) ? { format: 'safetrade-stations', version: 1, stations: input } : input);
  } catch (error) {
    if (error instanceof DatasetError) throw new LoadError('dataset-invalid', `${where} is not a safetrade-stations dataset: ${error.message}`);
    throw error;
  }
  if (parsed.stations.length === 0) {
    const first = parsed.rejected[0];
    throw new LoadError(
      'dataset-invalid',
      `${where} has no usable station` + (first ? ` (${parsed.rejected.length} rejected; first at index ${first.index}: ${first.reason})` : ''),
    );
  }
  return parsed;
}
