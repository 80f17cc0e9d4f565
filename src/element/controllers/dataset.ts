// The station dataset a widget uses: the `stations` property, checked at once, or the dataset at
// `stations-src` (default: the one shipped beside the script), fetched as a Task.
import type { SafeTradeError } from '../events.js';
import { checkGiven, loadDataset, LoadError, type LoadedDataset } from '../data/index.js';
import { redactCredentials } from '../printable.js';
import { Task, type TaskHost } from './task.js';

/** The dataset shipped beside the script; bundlers and CDNs keep them side by side. */
const DEFAULT_STATIONS_URL = new URL('./stations.json', import.meta.url).href;

export type DataState = { status: 'loading' } | { status: 'ready'; dataset: LoadedDataset } | { status: 'error'; error: SafeTradeError };

export interface DataSource {
  /** Stations (an array or a whole dataset) given as a property; wins over `src`. */
  stations: unknown;
  /** The `stations-src` attribute. */
  src: string | undefined;
  /** The `stations-integrity` attribute: the SRI hash `src` must match. */
  integrity?: string | undefined;
}

const LOADING: DataState = { status: 'loading' };

/**
 * A fetched dataset is answered in a task and a frame of its own, after the browser has painted
 * the loading state: on a page load the two renders then lay out apart, and the first layout
 * (with the fonts' set-up) is not the answer's (bench/RESULTS.md, issue 15's longest task). Where
 * no frame comes (a hidden page, an offscreen cross-origin frame), 100 ms later all the same.
 */
const afterPaint = <T>(value: T) =>
  new Promise<T>((done) => {
    requestAnimationFrame(() => setTimeout(done, 0, value));
    setTimeout(done, 100, value);
  });

export class DatasetController {
  readonly #fetch: Task<[string, string], LoadedDataset>;
  readonly #host: TaskHost;
  /** One state object per outcome, so that a host can tell a new dataset by identity. */
  #checked: { input: unknown; state: DataState } | null = null;
  #settled: { from: unknown; state: DataState } | null = null;

  readonly #source: () => DataSource;

  constructor(host: TaskHost, source: () => DataSource) {
    this.#source = source;
    this.#host = host;
    this.#fetch = new Task(host, {
      args: () => {
        const url = this.#url();
        return typeof url === 'string' ? [url, this.#source().integrity ?? ''] : undefined;
      },
      task: ([url, integrity], signal) => loadDataset(url, signal, integrity || undefined).then(afterPaint),
    });
  }

  /** The dataset for the current source: a property is checked here and now; a URL is fetched by the task. */
  get state(): DataState {
    const url = this.#url();
    if (url === null) {
      const { stations } = this.#source();
      if (this.#checked?.input !== stations) this.#checked = { input: stations, state: this.#check(stations) };
      return this.#checked!.state;
    }
    if (typeof url !== 'string') return this.#remember(url, () => ({ status: 'error', error: url }));
    const status = this.#fetch.status;
    if (status === 'complete') return this.#remember(this.#fetch.value, () => ({ status: 'ready', dataset: this.#fetch.value! }));
    if (status === 'error') return this.#remember(this.#fetch.error, () => ({ status: 'error', error: toError(this.#fetch.error) }));
    return LOADING;
  }

  /** Fetches the dataset again ("Try again" after a dataset-fetch error). */
  reload(): void {
    this.#fetch.run();
  }

  /** null: the property is the source; a string: the URL to fetch; else why the URL is unusable. */
  #url(): string | SafeTradeError | null {
    const { stations, src } = this.#source();
    if (stations != null) return null;
    try {
      const resolved = new URL(src || DEFAULT_STATIONS_URL, document.baseURI);
      if (resolved.protocol === 'http:' || resolved.protocol === 'https:') return resolved.href;
    } catch {
      // not a URL at all: same message as another scheme
    }
    return { code: 'dataset-fetch', message: redactCredentials(`stations-src must be an http(s) URL (got ${JSON.stringify(src)})`) };
  }

  /**
   * The `stations` property checked: at once, except while the script tag fetches the checker's
   * code the first time a page gives stations; then loading, and the answer once it is here.
   */
  #check(stations: unknown): DataState {
    let given: ReturnType<typeof checkGiven>;
    try {
      given = checkGiven(stations, 'the stations property');
    } catch (error) {
      return { status: 'error', error: toError(error) };
    }
    if (!(given instanceof Promise)) return { status: 'ready', dataset: given };
    const settle = (state: DataState) => {
      if (this.#checked?.input !== stations) return; // a newer value was given meanwhile
      this.#checked = { input: stations, state };
      this.#host.requestUpdate();
    };
    given.then(
      (dataset) => settle({ status: 'ready', dataset }),
      (error: unknown) => settle({ status: 'error', error: toError(error) }),
    );
    return LOADING;
  }

  #remember(from: unknown, make: () => DataState): DataState {
    // An unusable URL is a new object each time: compare its message instead.
    const key = typeof from === 'object' && from !== null && 'code' in from && 'message' in from ? `${from.code} ${from.message}` : from;
    if (this.#settled?.from !== key) this.#settled = { from: key, state: make() };
    return this.#settled!.state;
  }
}

/** A LoadError as the widget's error; anything else thrown while loading means the data was unusable. */
export function toError(error: unknown): SafeTradeError {
  if (error instanceof LoadError) return { code: error.code, message: error.message };
  return { code: 'dataset-invalid', message: String((error as Error)?.message ?? error) };
}
