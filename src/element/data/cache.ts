// A page-wide cache of loads by URL, shared by every widget on the page: one load per URL serves
// every caller; a load nobody waits for any more is aborted; a failure is never kept (the next
// caller, or "Try again", loads again); and at most `maxKept` finished loads are kept, the least
// recently used going first, so that a single-page app that shows widgets for a thousand
// listings (a thousand URLs) keeps its memory flat. A load still wanted is never dropped.
import { abortError } from './errors.js';

interface Entry<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers waiting for it; when the last one gives up before it settles, the load is aborted. */
  wanted: number;
  settled: boolean;
}

export class SharedCache<T> {
  // In insertion order, which `get` refreshes on every hit: the first settled entry is the least
  // recently used.
  readonly #entries = new Map<string, Entry<T>>();

  /** @param maxKept finished loads kept for later callers. */
  constructor(readonly maxKept: number) {}

  /** Entries held now, finished or not. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * The value for `key`, from the cache or from `load(signal)` started now. When `signal` aborts,
   * this call rejects with an AbortError; the load itself is aborted (and forgotten) only when no
   * other caller still waits for it. A call without a signal waits to the end.
   */
  get(key: string, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    let entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    } else entry = this.#start(key, load);
    // Also for a value already loaded: the answer arrives a microtask later, and must not reach a
    // caller that gave up in between.
    const current = entry;
    current.wanted++;
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const release = () => {
        done = true;
        signal?.removeEventListener('abort', onAbort);
        if (--current.wanted === 0 && !current.settled) {
          current.controller.abort();
          this.#forget(key, current);
        }
      };
      const onAbort = () => {
        if (done) return;
        release();
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      current.promise.then(
        (value) => {
          if (done) return;
          release();
          resolve(value);
        },
        (error: unknown) => {
          if (done) return;
          release();
          reject(error);
        },
      );
    });
  }

  #start(key: string, load: (signal: AbortSignal) => Promise<T>): Entry<T> {
    const controller = new AbortController();
    const entry: Entry<T> = { promise: load(controller.signal), controller, wanted: 0, settled: false };
    entry.promise.then(
      () => {
        entry.settled = true;
        this.#evict();
      },
      () => {
        entry.settled = true;
        this.#forget(key, entry);
      },
    );
    this.#entries.set(key, entry);
    return entry;
  }

  #forget(key: string, entry: Entry<T>): void {
    if (this.#entries.get(key) === entry) this.#entries.delete(key);
  }

  #evict(): void {
    let settled = 0;
    for (const entry of this.#entries.values()) if (entry.settled) settled++;
    for (const [key, entry] of this.#entries) {
      if (settled <= this.maxKept) break;
      if (!entry.settled) continue;
      this.#entries.delete(key);
      settled--;
    }
  }
}
