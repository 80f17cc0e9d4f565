import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ClockController, CLOCK_TICK_MS } from '../../../src/element/controllers/clock.js';
import { flush, makeHost } from './host.js';

afterEach(() => {
  sinon.restore();
  document.querySelectorAll('controller-test-host').forEach((n) => n.remove());
});

function setup() {
  const t0 = new Date('2026-12-07T16:59:30Z');
  const timers = sinon.useFakeTimers({ now: t0, toFake: ['Date', 'setInterval', 'clearInterval'] });
  const host = makeHost();
  host.paused = false;
  const clock = new ClockController(host, () => host.paused as boolean);
  host.derive = () => clock.now.toISOString();
  return { host, clock, timers, t0 };
}

describe('ClockController (open now)', () => {
  it('moves to a new minute once a minute, and the host derives again', async () => {
    const { host, timers } = setup();
    document.body.append(host);
    await flush(host);
    timers.tick(CLOCK_TICK_MS);
    await flush(host);
    expect(host.seen).to.deep.equal(['2026-12-07T16:59:30.000Z', '2026-12-07T17:00:30.000Z']);
  });

  it('does not tick while the host shows a fixed time (meet-at)', async () => {
    const { host, timers } = setup();
    host.paused = true;
    document.body.append(host);
    await flush(host);
    timers.tick(5 * CLOCK_TICK_MS);
    await flush(host);
    expect(host.seen.length).to.equal(1);
  });

  it('stops off the page', async () => {
    const { host, timers } = setup();
    document.body.append(host);
    await flush(host);
    host.remove();
    timers.tick(3 * CLOCK_TICK_MS);
    await flush(host);
    expect(host.seen.length).to.equal(1);
    expect(timers.countTimers()).to.equal(0);
  });
});
