// The clock the open-now checks use: a new `now` once a minute while the widget is on the page.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How often "open now" is re-checked. */
export const CLOCK_TICK_MS = 60_000;

export class ClockController implements ReactiveController {
  now = new Date();
  #timer: ReturnType<typeof setInterval> | undefined;

  /** `paused`: the host shows a fixed time (a planned meeting), so a tick would change nothing. */
  readonly #host: ReactiveControllerHost;
  readonly #paused: () => boolean;

  constructor(host: ReactiveControllerHost, paused: () => boolean) {
    (this.#host = host).addController(this);
    this.#paused = paused;
  }

  hostConnected(): void {
    this.#timer = setInterval(() => {
      if (this.#paused()) return;
      this.now = new Date();
      this.#host.requestUpdate();
    }, CLOCK_TICK_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
  }
}
