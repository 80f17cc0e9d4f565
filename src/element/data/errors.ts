// The two ways a load ends without a dataset: a LoadError the widget shows, or an AbortError
// when nobody wants the answer any more (never shown).
import type { SafeTradeError } from '../events.js';
import { redactCredentials } from '../printable.js';

export class LoadError extends Error {
  constructor(
    readonly code: SafeTradeError['code'],
    message: string,
    /** A network or server failure that may pass: worth one more try. */
    readonly retryable = false,
  ) {
    // Every message the widget shows or fires passes here: no URL in it keeps its credentials.
    super(redactCredentials(message));
    this.name = 'LoadError';
  }
}

export function isAbortError(error: unknown): boolean {
  return (error as Error | null)?.name === 'AbortError';
}

export function abortError(): DOMException {
  return new DOMException('the dataset is no longer wanted', 'AbortError');
}
