// A scripted stand-in for window.fetch that behaves like the real one where it matters: it honours
// the AbortSignal (rejecting with an AbortError, erroring a body that is still streaming) and
// answers with real Response objects, so the loader's header, streaming and decoding paths run.
import sinon from 'sinon';

export type Reply = Response | Error | 'hang' | ((signal: AbortSignal) => Response);

export interface Call {
  url: string;
  signal: AbortSignal;
}

export class FakeNetwork {
  readonly calls: Call[] = [];
  private readonly waiting = new Map<string, Array<{ signal: AbortSignal; settle: (reply: Reply) => void }>>();

  /** `reply(url, n)`: the answer to the n-th request (1-based) for that URL; `undefined` waits for `answer()`. */
  constructor(private readonly reply: (url: string, n: number) => Reply | undefined = () => undefined) {
    sinon.stub(window, 'fetch').callsFake((input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      const signal = init?.signal ?? new AbortController().signal;
      this.calls.push({ url, signal });
      const n = this.count(url);
      return new Promise<Response>((resolve, reject) => {
        const onAbort = () => reject(new DOMException('The user aborted a request.', 'AbortError'));
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        const settle = (r: Reply) => {
          if (r === 'hang') return;
          if (r instanceof Error) reject(r);
          else resolve(typeof r === 'function' ? r(signal) : r);
        };
        const scripted = this.reply(url, n);
        if (scripted !== undefined) queueMicrotask(() => settle(scripted));
        else this.waiting.set(url, [...(this.waiting.get(url) ?? []), { signal, settle }]);
      });
    });
  }

  /** Requests made so far, for one URL or for all. */
  count(url?: string): number {
    return url === undefined ? this.calls.length : this.calls.filter((c) => c.url.endsWith(url)).length;
  }

  signalsFor(url: string): AbortSignal[] {
    return this.calls.filter((c) => c.url.endsWith(url)).map((c) => c.signal);
  }

  /** Requests not answered yet (aborted ones included). */
  waitingCalls(): Call[] {
    return [...this.waiting].flatMap(([url, list]) => list.map(({ signal }) => ({ url, signal })));
  }

  /** Answers the oldest request for `url` still waiting; an aborted one only when no other waits (a late answer). */
  answer(url: string, reply: Reply): void {
    const key = [...this.waiting.keys()].find((k) => k.endsWith(url) && this.waiting.get(k)!.length);
    if (!key) throw new Error(`no request waiting for ${url}`);
    const list = this.waiting.get(key)!;
    const live = list.findIndex((w) => !w.signal.aborted);
    list.splice(live === -1 ? 0 : live, 1)[0]!.settle(reply);
  }
}

const encoder = new TextEncoder();

export const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, ...init, headers: { 'content-type': 'application/json', ...(init.headers as object) } });

export const text = (body: string, init: ResponseInit = {}) => new Response(body, { status: 200, ...init });

export const status = (code: number, statusText = '') => new Response(`error ${code}`, { status: code, statusText, headers: { 'content-type': 'text/plain' } });

/**
 * A body produced chunk by chunk as it is read, as a server streams it. `chunks(i)` gives the
 * i-th chunk, or `null` to end the body, or `'stall'` to send nothing more without ending it.
 * Records how many bytes were handed over and whether the reader cancelled.
 */
export function streamed(chunks: (i: number) => Uint8Array | string | null | 'stall', headers: HeadersInit = {}) {
  const stats = { bytes: 0, cancelled: false, pulls: 0 };
  const reply = (signal: AbortSignal) => {
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          signal.addEventListener('abort', () => controller.error(new DOMException('The user aborted a request.', 'AbortError')), { once: true });
        },
        pull(controller) {
          const next = chunks(stats.pulls++);
          if (next === 'stall') return new Promise<void>(() => {});
          if (next === null) return controller.close();
          const bytes = typeof next === 'string' ? encoder.encode(next) : next;
          stats.bytes += bytes.byteLength;
          controller.enqueue(bytes);
        },
        cancel() {
          stats.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } });
  };
  return { reply, stats };
}
