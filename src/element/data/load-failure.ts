// What went wrong with a dataset (or tile) fetch, in words: telling an altered file from a network
// failure after a fetch with `integrity` failed, and the messages for an HTTP error, a file too
// large, not UTF-8 or not JSON. Its own module, imported only on those paths by fetch-json.ts (the
// script tag's widget code stays smaller for every visit that loads its data).
import { printable, size } from '../printable.js';
import { LoadError } from './errors.js';

/**
 * Why a fetch with `integrity` failed: fetched once more without it and hashed here, a body that
 * arrives and does not match is an altered (or mismatched) file, refused for good; otherwise it
 * was the network, worth the one retry. Without crypto.subtle (a page not served over https)
 * the two cannot be told apart, and the message says both.
 */
export async function integrityFailure(url: string, integrity: string, signal: AbortSignal, first: Error): Promise<LoadError> {
  const pinned = `the integrity it is pinned with (${integrity})`;
  try {
    const response = await fetch(url, { signal, credentials: 'same-origin', referrerPolicy: 'no-referrer', cache: 'no-store' });
    const [algorithm, expected] = integrity.split(/-(.*)/s) as [string, string];
    const name = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' }[algorithm];
    if (response.ok && name && globalThis.crypto?.subtle) {
      const digest = new Uint8Array(await crypto.subtle.digest(name, await response.arrayBuffer()));
      const actual = btoa(String.fromCharCode(...digest));
      if (actual !== expected.trim()) {
        return new LoadError(
          'dataset-invalid',
          `${url} was refused: its content does not match ${pinned}, so it was altered or belongs to another version (it hashes to ${algorithm}-${actual})`,
        );
      }
    } else if (response.ok) {
      return new LoadError(
        'dataset-invalid',
        `${url} was refused: it does not match ${pinned}, or the network failed (${printable(first.message || 'network error')})`,
      );
    }
  } catch {
    // The network: reported below.
  }
  return new LoadError('dataset-fetch', `could not fetch ${url}: ${printable(first.message || 'network error')}`, true);
}

/** An HTTP error answer: its status, and whether a second asking may help. */
export const httpStatus = (url: string, response: Response): string => {
  const status = `HTTP ${response.status}${response.statusText ? ` ${printable(response.statusText)}` : ''}`;
  // 5xx may be a passing server problem; a 4xx answer will not change on a second asking.
  return `could not fetch ${url}: ${status}${response.status >= 500 ? ' (a server error)' : ''}`;
};

/** A response over `maxBytes`: as its Content-Length declared it (`declared`), else as it streamed in. */
export const tooLarge = (url: string, maxBytes: number, declared?: number): string =>
  `${url} is too large: ${declared === undefined ? `more than ${size(maxBytes)}` : `${size(declared)} (Content-Length)`}, over the ${size(maxBytes)} limit, so it was not read`;

/** Said after a network failure in an opaque origin (a sandboxed frame), where every request is cross-origin. */
export const OPAQUE_ORIGIN =
  '. This page has an opaque origin ("null": a sandboxed frame without allow-same-origin), so the request is cross-origin and the server must answer it with Access-Control-Allow-Origin; or give the frame allow-same-origin';

export const notUtf8 = (url: string, type: string): string => `${url} is not UTF-8 text (${printable(type)}), so it is not JSON`;

const CLOSER: Record<string, string> = { '{': '}', '[': ']' };

/** Why `text` (`bytes` long, served as `type`) is not JSON; `error` is what JSON.parse threw. */
export function notJson(url: string, text: string, bytes: number, type: string, error: Error): string {
  const start = text.trimStart();
  if (start === '') return `${url} is empty (${type})`;
  if (start.startsWith('<')) return `${url} is not JSON: it looks like HTML (${printable(type)}), perhaps an error or sign-in page`;
  // Every dataset is an object or array: one that does not end with the bracket it opens with
  // was most likely cut short. Said as a likelihood, from the first and last characters alone;
  // the engine's own words (which differ between browsers) follow for the exact place.
  const closer = CLOSER[start[0]!];
  const cut = closer && !text.trimEnd().endsWith(closer) ? `; it may be cut short: it stops after ${size(bytes)} without a closing "${closer}"` : '';
  return `${url} is not valid JSON (${printable(type)})${cut}. The browser says: ${printable(error.message)}`;
}
