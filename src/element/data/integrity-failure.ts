// Telling an altered file from a network failure, after a fetch with `integrity` failed: its own
// module, imported only then (the script tag's widget code stays smaller for every other visit).
import { printable } from '../printable.js';
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
