// A small Task controller after @lit/task: one run per change of its args, an AbortSignal per
// run, the latest run wins, and the last value stays while a newer run is pending. Two things
// differ, and are why this is not @lit/task (which is also 1.0 KB gzip on its own, against
// about 0.4 KB here):
// - `status` is as of the host's current properties: it reads `pending` as soon as the args
//   change, already in willUpdate (before hostUpdate starts the run), so a host that derives in
//   willUpdate never shows a value computed for older inputs;
// - off the page its run is aborted, and back on the page it runs again (a widget removed
//   while its dataset loads stops fetching; a move in the DOM keeps the fetch).
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

export interface TaskConfig<A extends readonly unknown[], R> {
  /** The inputs of a run; `undefined` when there is nothing to run (aborts a run in flight). */
  args: () => A | undefined;
  /** One run. It should stop when `signal` aborts; its result is then ignored anyway. */
  task: (args: A, signal: AbortSignal) => Promise<R>;
  /** Whether two args lists ask the same; default: the same values, compared with Object.is. */
  argsEqual?: (a: A, b: A) => boolean;
}

export type TaskHost = ReactiveControllerHost & { readonly isConnected: boolean };

const shallowEqual = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

export class Task<A extends readonly unknown[], R> implements ReactiveController {
  /** The last complete run's value: kept while a newer run is pending. */
  value: R | undefined;
  /** The last failed run's error (cleared by a complete run). */
  error: unknown;
  /** The args the value or error answers: tells a host whether they still fit its inputs. */
  settledArgs: A | undefined;
  /** The args of the latest run, or undefined when nothing ran (or the run was interrupted). */
  #args: A | undefined;
  #run: AbortController | null = null;
  #status: TaskStatus = 'initial';
  #interrupted = false;

  readonly #host: TaskHost;
  readonly #config: TaskConfig<A, R>;

  constructor(host: TaskHost, config: TaskConfig<A, R>) {
    (this.#host = host).addController(this);
    this.#config = config;
  }

  /** As of the host's current inputs: `pending` from the moment the args change. */
  get status(): TaskStatus {
    const args = this.#config.args();
    if (!args) return 'initial';
    return this.#args && this.#equal(this.#args, args) ? this.#status : 'pending';
  }

  hostUpdate(): void {
    const args = this.#config.args();
    if (args ? !(this.#args && this.#equal(this.#args, args)) : this.#args) this.run();
  }

  hostConnected(): void {
    if (!this.#interrupted) return;
    this.#interrupted = false;
    this.#args = undefined; // the next update runs it again
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    // Off the page its result is no longer wanted; a move (removed and re-added at once) keeps it.
    queueMicrotask(() => {
      if (this.#host.isConnected || !this.#run) return;
      this.#run.abort();
      this.#run = null;
      this.#interrupted = true;
    });
  }

  /** Runs now with the current args (also when they have not changed: a retry). */
  run(): void {
    const args = this.#config.args();
    this.#run?.abort();
    this.#run = null;
    this.#args = args;
    if (!args) {
      this.#status = 'initial';
      return;
    }
    const run = (this.#run = new AbortController());
    this.#status = 'pending';
    const settle = (status: TaskStatus, value: R | undefined, error: unknown) => {
      // The latest run wins: an aborted or superseded run changes nothing.
      if (this.#run !== run) return;
      this.#run = null;
      this.#status = status;
      this.settledArgs = args;
      this.value = value;
      this.error = error;
      this.#host.requestUpdate();
    };
    this.#config.task(args, run.signal).then(
      (value) => settle('complete', value, undefined),
      (error: unknown) => settle('error', undefined, error),
    );
  }

  #equal(a: A, b: A): boolean {
    return (this.#config.argsEqual ?? shallowEqual)(a, b);
  }
}
