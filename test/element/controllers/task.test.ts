import { expect } from '@open-wc/testing';
import { Task } from '../../../src/element/controllers/task.js';
import { deferred, flush, makeHost } from './host.js';

interface Run {
  args: [string];
  signal: AbortSignal;
  answer: ReturnType<typeof deferred<string>>;
}

function setup() {
  const host = makeHost();
  const runs: Run[] = [];
  host.input = 'a';
  const task = new Task<[string], string>(host, {
    args: () => (host.input ? [host.input as string] : undefined),
    task: (args, signal) => {
      const answer = deferred<string>();
      runs.push({ args, signal, answer });
      return answer.promise;
    },
  });
  host.derive = () => [task.status, task.value];
  return { host, task, runs };
}

afterEach(() => document.querySelectorAll('controller-test-host').forEach((n) => n.remove()));

describe('Task (the dataset fetch and the tile query)', () => {
  it('reads pending as soon as its args change, already in willUpdate, then shows the answer', async () => {
    const { host, task, runs } = setup();
    document.body.append(host);
    await flush(host);
    expect(host.seen[0]).to.deep.equal(['pending', undefined]);
    expect(runs.map((r) => r.args)).to.deep.equal([['a']]);
    runs[0]!.answer.resolve('A');
    await flush(host);
    expect(host.seen.at(-1)).to.deep.equal(['complete', 'A']);
    host.input = 'b';
    host.requestUpdate();
    await flush(host);
    // The update that starts the new run already derives "pending", with the old value kept.
    expect(host.seen.at(-1)).to.deep.equal(['pending', 'A']);
    expect(task.settledArgs).to.deep.equal(['a']);
  });

  it('runs once per change of its args, not at every update', async () => {
    const { host, runs } = setup();
    document.body.append(host);
    await flush(host);
    for (let i = 0; i < 3; i++) {
      host.requestUpdate();
      await flush(host);
    }
    expect(runs.length).to.equal(1);
  });

  it('lets the latest run win: an older answer arriving later is dropped, and its signal is aborted', async () => {
    const { host, task, runs } = setup();
    document.body.append(host);
    await flush(host);
    host.input = 'b';
    host.requestUpdate();
    await flush(host);
    expect(runs[0]!.signal.aborted).to.equal(true);
    runs[1]!.answer.resolve('B');
    runs[0]!.answer.resolve('A (late)');
    await flush(host);
    expect(task.value).to.equal('B');
    expect(host.seen.at(-1)).to.deep.equal(['complete', 'B']);
  });

  it('reports a failed run as an error, and a retry runs again with the same args', async () => {
    const { host, task, runs } = setup();
    document.body.append(host);
    await flush(host);
    runs[0]!.answer.reject(new Error('offline'));
    await flush(host);
    expect(task.status).to.equal('error');
    expect((task.error as Error).message).to.equal('offline');
    task.run();
    expect(task.status).to.equal('pending');
    runs[1]!.answer.resolve('A');
    await flush(host);
    expect(task.status).to.equal('complete');
    expect(runs[1]!.args).to.deep.equal(['a']);
  });

  it('with no args, runs nothing and aborts the run in flight', async () => {
    const { host, task, runs } = setup();
    document.body.append(host);
    await flush(host);
    host.input = '';
    host.requestUpdate();
    await flush(host);
    expect(runs[0]!.signal.aborted).to.equal(true);
    expect(task.status).to.equal('initial');
  });

  it('aborts its run when the host leaves the page, keeps it across a move, and runs again on return', async () => {
    const { host, runs } = setup();
    document.body.append(host);
    await flush(host);
    const other = document.createElement('div');
    document.body.append(other);
    other.append(host); // a move: removed and added in one go
    await flush(host);
    expect(runs[0]!.signal.aborted, 'a move keeps the run').to.equal(false);
    host.remove();
    await flush(host);
    expect(runs[0]!.signal.aborted, 'removal aborts it').to.equal(true);
    document.body.append(host);
    await flush(host);
    expect(runs.length).to.equal(2);
    runs[1]!.answer.resolve('A');
    await flush(host);
    expect(host.seen.at(-1)).to.deep.equal(['complete', 'A']);
    other.remove();
  });
});
