// A minimal host for controller tests: a real LitElement (so controllers run inside Lit's update
// cycle exactly as in the widget) whose willUpdate records what a controller reports.
import { LitElement, html, type ReactiveController } from 'lit';

export class TestHost extends LitElement {
  /** Set by a test before connecting: runs in willUpdate, like the widget's derivation. */
  derive: () => unknown = () => undefined;
  /** What derive() returned at each update, in order. */
  readonly seen: unknown[] = [];
  /** Any property a controller reads from its host (locale, stations, …). */
  [key: string]: unknown;

  protected override willUpdate(): void {
    this.seen.push(this.derive());
  }

  override render() {
    return html``;
  }

  use<C extends ReactiveController>(make: (host: this) => C): C {
    return make(this);
  }
}
customElements.define('controller-test-host', TestHost);

export function makeHost(): TestHost {
  return document.createElement('controller-test-host') as TestHost;
}

/** Resolves after the host's pending updates (and the microtasks that start them) are done. */
export async function flush(host: TestHost): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
    await host.updateComplete;
  }
}

/** A promise with its resolve and reject handles: a run that finishes when the test says so. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
