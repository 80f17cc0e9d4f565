// Fetching one JSON file within page-wide limits: a timeout per attempt, one retry after a network
// or server failure, a size limit checked before parsing, and a LoadError that names the URL and
// what exactly went wrong. Knows nothing of datasets or caches. The words for most failures come
// from load-failure.ts, loaded only then; a network failure's are here, since offline that module
// cannot load.
import type { SafeTradeError } from '../events.js';
import { pinnedIntegrity, takePrefetched } from '../pins.js';
import { isOpaqueOrigin, printable, size } from '../printable.js';
import { abortError, LoadError } from './errors.js';
import type * as Words from './load-failure.js';

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

/** What a fetch may be given besides its URL; an object so that new needs add a field, not a parameter. */
export interface FetchJsonOptions {
  /** Once it aborts, the fetch stops and the call rejects with an AbortError. */
  signal?: AbortSignal;
  /**
   * Subresource Integrity (`sha384-…`) the body must match, checked by the browser: a body that
   * does not is refused (`dataset-invalid`, never parsed). Default: the hash the script tag's
   * loader pinned for this URL (the shipped dataset), else none.
   */
  integrity?: string;
}

/**
 * Fetches `url` as JSON within the page-wide limits: a timeout per attempt, one retry (after a
 * randomised delay) on a network failure or HTTP 5xx, never on 4xx, and a size limit enforced
 * from Content-Length and again while the body streams in. Rejects with a LoadError, or with an
 * AbortError once `signal` aborts. No cookies cross origins and no referrer is sent.
 */
export async function fetchJson(url: string, options: FetchJsonOptions = {}): Promise<unknown> {
  const { signal } = options;
  const limits = { ...settings };
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce(url, limits, options);
    } catch (error) {
      if (signal?.aborted) throw abortError();
      if (!(error instanceof LoadError) || !error.retryable || attempt > 1) throw error;
      await sleep(limits.retryDelayMs * (0.5 + Math.random()), signal);
    }
  }
}

interface Body {
  text: string;
  bytes: number;
  type: string;
}

async function attemptOnce(url: string, limits: LoadSettings, options: FetchJsonOptions): Promise<unknown> {
  const outer = options.signal;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  const forward = () => controller.abort();
  outer?.addEventListener('abort', forward, { once: true });
  let body: Body | undefined;
  let caught: unknown;
  try {
    body = await download(url, limits.maxBytes, controller.signal, options.integrity ?? pinnedIntegrity(url) ?? '');
  } catch (error) {
    if (outer?.aborted) throw abortError();
    if (timedOut) throw new LoadError('dataset-fetch', `${url} did not finish loading within ${limits.timeoutMs / 1000} s`);
    caught = error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
  // Worded only now, with this attempt's timer off: how long the words take to arrive never turns
  // what the server answered into a timeout.
  if (caught) throw caught instanceof Unworded ? await caught.word() : caught;
  return parseJson(url, body!);
}

async function download(url: string, maxBytes: number, signal: AbortSignal, integrity: string): Promise<Body> {
  let response: Response;
  // The script tag's loader may have started this very fetch along with the widget's code.
  const prefetched = takePrefetched(url, integrity);
  try {
    response = await (prefetched
      ? untilAborted(prefetched, signal)
      : fetch(url, { signal, credentials: 'same-origin', referrerPolicy: 'no-referrer', integrity }));
  } catch (error) {
    if (signal.aborted) throw error;
    // The browser says only "Failed to fetch" when the body does not match `integrity`: an
    // altered file is told apart from a network failure there (dataset-invalid).
    const failure = integrity
      ? await import('./load-failure.js').then(
          (w) => w.integrityFailure(url, integrity, signal, error as Error),
          () => null,
        )
      : null;
    if (failure?.code === 'dataset-invalid') throw failure;
    const message = `could not fetch ${url}: ${printable((error as Error)?.message || 'network error')}`;
    // In an opaque origin every request is cross-origin, so the likeliest cause is the dataset's
    // server not allowing it (CORS), which "check your connection" would hide. load-failure.ts
    // says so: it comes from the widget's own server, which served the widget's code to this frame.
    if (!isOpaqueOrigin()) throw new LoadError('dataset-fetch', message, true);
    throw new Unworded(() =>
      import('./load-failure.js').then(
        (w) => new LoadError('dataset-fetch', message + w.OPAQUE_ORIGIN, true),
        () => new LoadError('dataset-fetch', message, true),
      ),
    );
  }
  // A prefetched body is not tied to `signal`: stop reading it when the signal aborts.
  if (prefetched) signal.addEventListener('abort', () => void response.body?.cancel().catch(() => {}), { once: true });
  const type = response.headers.get('content-type') ?? 'no Content-Type';
  if (!response.ok) {
    void response.body?.cancel().catch(() => {});
    // 5xx may be a passing server problem (worth the one retry); a 4xx answer will not change.
    throw failure('dataset-fetch', url, `HTTP ${response.status}`, (w) => w.httpStatus(url, response), response.status >= 500);
  }
  const declared = response.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw failure('dataset-invalid', url, 'too large', (w) => w.tooLarge(url, maxBytes, Number(declared)));
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
    if (chunk.done) {
      if (signal.aborted) throw abortError();
      break;
    }
    bytes += chunk.value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel().catch(() => {});
      throw failure('dataset-invalid', url, 'too large', (w) => w.tooLarge(url, maxBytes));
    }
    try {
      text += decoder.decode(chunk.value, { stream: true });
    } catch {
      void reader.cancel().catch(() => {});
      throw failure('dataset-invalid', url, 'not UTF-8', (w) => w.notUtf8(url, type));
    }
  }
  try {
    text += decoder.decode();
  } catch {
    throw failure('dataset-invalid', url, 'not UTF-8', (w) => w.notUtf8(url, type));
  }
  return { text, bytes, type };
}

/** `pending`, or an AbortError as soon as `signal` aborts. */
function untilAborted<T>(pending: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(abortError()), { once: true });
    pending.then(resolve, reject);
  });
}

/** The body as JSON; else why not (empty, HTML, cut short, the engine's words), worded by load-failure.ts. */
async function parseJson(url: string, { text, bytes, type }: Body): Promise<unknown> {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw await failure('dataset-invalid', url, 'not JSON', (w) => w.notJson(url, text, bytes, type, error as Error)).word();
  }
}

/** A failure whose words come from load-failure.ts: thrown inside an attempt, worded once its timer is off. */
class Unworded {
  constructor(readonly word: () => Promise<LoadError>) {}
}

/**
 * A LoadError to be worded by load-failure.ts, imported only then. Should that module not load
 * either (the widget's own server unreachable), the error keeps its code with a shorter message: `hint`.
 */
function failure(code: SafeTradeError['code'], url: string, hint: string, words: (w: typeof Words) => string, retryable?: boolean): Unworded {
  return new Unworded(() =>
    import('./load-failure.js')
      .then(words, () => `could not read ${url}: ${hint} (and the details could not be loaded)`)
      .then((message) => new LoadError(code, message, retryable)),
  );
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
