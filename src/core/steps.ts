// Long loops written once as generators that `yield` every so often: run at once where the caller
// needs the answer now (the public, synchronous API), or in slices that give the main thread back
// between them, so that validating a large dataset never blocks input or rendering for long.
import { yieldToMain } from './slices.js';

/** Work done in steps: each `yield` is a point where it may pause. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end now. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** A slice's time budget: well under the 50 ms that makes a long task, with room for the rest of the task. */
export const SLICE_MS = 8;

/**
 * Runs `steps`, handing the main thread back whenever a slice has run for `budgetMs`; a throw inside
 * rejects the promise with that error. The first slice starts at once. Once `signal` aborts, it
 * stops at the next pause and rejects with the signal's reason.
 */
export async function runInSlices<T>(steps: Steps<T>, signal?: AbortSignal, budgetMs = SLICE_MS): Promise<T> {
  let start = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - start >= budgetMs) {
      await yieldToMain();
      signal?.throwIfAborted();
      start = now();
    }
  }
}

const now = () => globalThis.performance?.now() ?? Date.now();
