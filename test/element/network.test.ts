// The dataset's journey over the network: limits, retries, aborts, sharing between widgets, and
// partly bad data. Every case ends in something a buyer or a host developer would see.
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { SafeTradeMeetupElement } from '../../src/element/element.js';
import { DEFAULT_LOAD_SETTINGS } from '../../src/element/data/index.js';
import { nyc } from '../fixtures/nyc.js';
import { FakeNetwork, json, status, streamed } from './fake-network.js';
import { alertText, cleanup, LOWER_EAST_SIDE, MIDTOWN, mount, settled, shadow, suggestionIds, type Mounted } from './helpers.js';

const positions = {
  'seller-lat': LOWER_EAST_SIDE.lat,
  'seller-lng': LOWER_EAST_SIDE.lng,
  'buyer-lat': MIDTOWN.lat,
  'buyer-lng': MIDTOWN.lng,
};
const one = (id: string, lat = 40.73, lng = -73.99) => ({
  format: 'safetrade-stations',
  version: 1,
  stations: [{ id, name: `Station ${id}`, address: `1 ${id} Street`, country: 'US', lat, lng }],
});
let unique = 0;
const fresh = (name: string) => `/net-${++unique}-${Date.now()}/${name}`;
const errorOf = (m: Mounted) => m.of('safetrade-error').at(-1)?.detail as { code: string; message: string } | undefined;
const failed = (m: Mounted, code = 'dataset-fetch') => settled(m, () => m.of('safetrade-error').some((e) => e.detail.code === code), `no ${code} error`);
const suggested = (m: Mounted) => settled(m, () => suggestionIds(m.el).length > 0, 'no suggestions shown');
const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  sinon.restore();
  cleanup();
  SafeTradeMeetupElement.configure(DEFAULT_LOAD_SETTINGS);
});

describe('dataset fetch: a timeout', () => {
  it('gives up on a server that never answers after the configured timeout, says so, and cancels the request', async () => {
    SafeTradeMeetupElement.configure({ timeoutMs: 50 });
    const net = new FakeNetwork(() => 'hang');
    const url = fresh('stations.json');
    const m = await mount({ ...positions, 'stations-src': url });
    await failed(m);
    expect(errorOf(m)!.message).to.match(/stations\.json did not finish loading within 0\.05 s$/);
    expect(alertText(m.el)).to.match(/could not be loaded.*did not finish loading within 0\.05 s.*Try again/);
    expect(net.count(url)).to.equal(1); // a timeout is not retried: the buyer already waited
    expect(net.signalsFor(url)[0]!.aborted).to.equal(true);
  });

  it('also times out a server that sends headers, then trickles the body and never ends it', async () => {
    SafeTradeMeetupElement.configure({ timeoutMs: 50 });
    const body = streamed((i) => (i === 0 ? '{"format":"safetrade-stations",' : 'stall'));
    new FakeNetwork(() => body.reply);
    const m = await mount({ ...positions, 'stations-src': fresh('slow-loris.json') });
    await failed(m);
    expect(errorOf(m)!.message).to.match(/did not finish loading within 0\.05 s/);
    expect(body.stats.bytes).to.be.greaterThan(0);
  });

  it('waits 10 seconds by default, then shows the error', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    new FakeNetwork(() => 'hang');
    const m = await mount({ ...positions, 'stations-src': fresh('stations.json') });
    await clock.tickAsync(9_999);
    await m.el.updateComplete;
    expect(m.of('safetrade-error')).to.have.length(0);
    expect(shadow(m.el).querySelector('[role="status"]')!.textContent).to.include('Finding safe meeting spots');
    await clock.tickAsync(1);
    await m.el.updateComplete;
    expect(errorOf(m)!.message).to.match(/within 10 s$/);
  });
});

describe('dataset fetch: the answer after the loading state', () => {
  // A fetched dataset is answered after the next frame, so that the loading state is painted
  // first; a hidden tab or an offscreen cross-origin frame gets no frames at all.
  it('answers a page that gets no animation frames all the same, soon after the data', async () => {
    const frames = sinon.stub(globalThis, 'requestAnimationFrame').returns(0);
    const url = fresh('stations.json');
    let served = 0;
    new FakeNetwork(() => ((served = performance.now()), json(one('frameless'))));
    const m = await mount({ ...positions, 'stations-src': url });
    await suggested(m);
    expect(suggestionIds(m.el)).to.deep.equal(['frameless']);
    expect(frames.called).to.equal(true);
    expect(performance.now() - served).to.be.below(3000); // 100 ms of fallback; the rest is a busy test machine
  });

  it('shows the loading state until the answer comes, then the answer', async () => {
    const url = fresh('stations.json');
    new FakeNetwork(() => json(one('framed')));
    const m = await mount({ ...positions, 'stations-src': url });
    expect(shadow(m.el).querySelector('[part~="status"]')!.textContent).to.match(/\S/);
    await suggested(m);
    expect(suggestionIds(m.el)).to.deep.equal(['framed']);
  });
});

describe('dataset fetch: one retry', () => {
  it('retries once after a network error and shows the stations, with no error at all', async () => {
    SafeTradeMeetupElement.configure({ retryDelayMs: 0 });
    const url = fresh('stations.json');
    const net = new FakeNetwork((_, n) => (n === 1 ? new TypeError('Failed to fetch') : json(nyc)));
    const m = await mount({ ...positions, 'stations-src': url });
    await suggested(m);
    expect(net.count(url)).to.equal(2);
    expect(m.of('safetrade-error')).to.have.length(0);
    expect(suggestionIds(m.el)[0]).to.equal('nypd-pct-013');
  });

  it('retries once, not more: two network errors show the error with "Try again"', async () => {
    SafeTradeMeetupElement.configure({ retryDelayMs: 0 });
    const url = fresh('stations.json');
    const net = new FakeNetwork(() => new TypeError('Failed to fetch'));
    const m = await mount({ ...positions, 'stations-src': url });
    await failed(m);
    await tick();
    expect(net.count(url)).to.equal(2);
    expect(errorOf(m)!.message).to.match(/could not fetch .*stations\.json: Failed to fetch/);
    expect(shadow(m.el).querySelector('[role="alert"] button')!.textContent).to.equal('Try again');
  });

  it('waits before the retry: about retryDelayMs (1 s by default), randomised so that many pages do not retry in step', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    sinon.stub(Math, 'random').returns(0.5); // the middle of the ±50 % spread
    const url = fresh('stations.json');
    const net = new FakeNetwork((_, n) => (n === 1 ? new TypeError('Failed to fetch') : json(nyc)));
    const m = await mount({ ...positions, 'stations-src': url });
    await clock.tickAsync(999);
    expect(net.count(url)).to.equal(1);
    await clock.tickAsync(1);
    expect(net.count(url)).to.equal(2);
    clock.restore();
    await suggested(m);
  });

  it('retries an HTTP 503 once and recovers', async () => {
    SafeTradeMeetupElement.configure({ retryDelayMs: 0 });
    const url = fresh('stations.json');
    const net = new FakeNetwork((_, n) => (n === 1 ? status(503, 'Service Unavailable') : json(nyc)));
    const m = await mount({ ...positions, 'stations-src': url });
    await suggested(m);
    expect(net.count(url)).to.equal(2);
    expect(m.of('safetrade-error')).to.have.length(0);
  });

  it('reports an HTTP 500 that persists as a server error, after one retry', async () => {
    SafeTradeMeetupElement.configure({ retryDelayMs: 0 });
    const url = fresh('stations.json');
    const net = new FakeNetwork(() => status(500, 'Internal Server Error'));
    const m = await mount({ ...positions, 'stations-src': url });
    await failed(m);
    expect(net.count(url)).to.equal(2);
    expect(errorOf(m)!.message).to.match(/stations\.json: HTTP 500 Internal Server Error \(a server error\)$/);
  });

  for (const code of [400, 401, 403, 404, 410, 429]) {
    it(`does not retry an HTTP ${code}: the answer would not change`, async () => {
      SafeTradeMeetupElement.configure({ retryDelayMs: 0 });
      const url = fresh('stations.json');
      const net = new FakeNetwork(() => status(code));
      const m = await mount({ ...positions, 'stations-src': url });
      await failed(m);
      await tick();
      expect(net.count(url)).to.equal(1);
      expect(errorOf(m)!.message).to.match(new RegExp(`stations\\.json: HTTP ${code}$`));
      expect(alertText(m.el)).to.match(/could not be loaded/);
    });
  }

  it('a retry is cancelled, not made, when the inputs change while it waits', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const url = fresh('stations.json');
    const net = new FakeNetwork((u) => (u.endsWith(url) ? new TypeError('Failed to fetch') : json(nyc)));
    const m = await mount({ ...positions, 'stations-src': url });
    await clock.tickAsync(10); // the first attempt failed; the retry waits 0.5–1.5 s
    m.el.stations = nyc;
    await clock.tickAsync(5_000);
    clock.restore();
    await m.el.updateComplete;
    expect(net.count(url)).to.equal(1);
    expect(m.of('safetrade-error')).to.have.length(0);
    expect(suggestionIds(m.el)[0]).to.equal('nypd-pct-013');
  });
});

describe('dataset fetch: a size limit, enforced before parsing', () => {
  it('refuses a response whose Content-Length is over 20 MB without reading its body', async () => {
    const body = streamed(() => ' '.repeat(65536), { 'content-length': String(25 * 1024 * 1024) });
    new FakeNetwork(() => body.reply);
    const m = await mount({ ...positions, 'stations-src': fresh('huge.json') });
    await failed(m, 'dataset-invalid');
    expect(errorOf(m)!.message).to.match(/huge\.json is too large: 25 MB \(Content-Length\), over the 20 MB limit, so it was not read$/);
    expect(alertText(m.el)).to.match(/damaged.*too large/);
    expect(body.stats.bytes).to.equal(0);
  });

  it('counts the bytes of a body with no Content-Length, and stops reading just past 20 MB', async () => {
    const parse = sinon.spy(JSON, 'parse');
    const chunk = new Uint8Array(64 * 1024).fill(0x20); // JSON whitespace, endlessly
    const body = streamed(() => chunk);
    new FakeNetwork(() => body.reply);
    const m = await mount({ ...positions, 'stations-src': fresh('endless.json') });
    await failed(m, 'dataset-invalid');
    expect(errorOf(m)!.message).to.match(/endless\.json is too large: more than 20 MB, over the 20 MB limit, so it was not read$/);
    expect(body.stats.cancelled).to.equal(true);
    expect(body.stats.bytes).to.equal(20 * 1024 * 1024 + chunk.byteLength);
    expect(parse.called).to.equal(false);
  });

  it('does not trust a Content-Length that understates the body', async () => {
    SafeTradeMeetupElement.configure({ maxBytes: 1000 });
    const body = streamed((i) => (i < 100 ? ' '.repeat(100) : null), { 'content-length': '10' });
    new FakeNetwork(() => body.reply);
    const m = await mount({ ...positions, 'stations-src': fresh('liar.json') });
    await failed(m, 'dataset-invalid');
    expect(errorOf(m)!.message).to.match(/too large: more than 1000 bytes/);
  });

  it('accepts a dataset of exactly maxBytes, and refuses it at one byte less', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(nyc)).byteLength;
    new FakeNetwork(() => json(nyc));
    SafeTradeMeetupElement.configure({ maxBytes: bytes });
    const fits = await mount({ ...positions, 'stations-src': fresh('stations.json') });
    await suggested(fits);
    SafeTradeMeetupElement.configure({ maxBytes: bytes - 1 });
    const over = await mount({ ...positions, 'stations-src': fresh('stations.json') });
    await failed(over, 'dataset-invalid');
    expect(errorOf(over)!.message).to.match(/too large/);
  });

  it('configure() refuses nonsense and quotes it, changing nothing', () => {
    const before = SafeTradeMeetupElement.configure();
    expect(() => SafeTradeMeetupElement.configure({ timeoutMs: 0 })).to.throw(RangeError, /timeoutMs .*\(got 0\)/);
    expect(() => SafeTradeMeetupElement.configure({ timeoutMs: 2 ** 31 })).to.throw(RangeError, /timeoutMs/);
    expect(() => SafeTradeMeetupElement.configure({ maxBytes: 1.5 })).to.throw(RangeError, /maxBytes .*\(got 1\.5\)/);
    expect(() => SafeTradeMeetupElement.configure({ retryDelayMs: NaN })).to.throw(RangeError, /retryDelayMs/);
    expect(() => SafeTradeMeetupElement.configure({ timeout: 5 } as never)).to.throw(RangeError, /unknown setting "timeout"/);
    expect(SafeTradeMeetupElement.configure()).to.deep.equal(before);
    expect(before).to.deep.equal({ timeoutMs: 10_000, maxBytes: 20 * 1024 * 1024, retryDelayMs: 1000 });
  });
});

describe('dataset fetch: aborted when no longer wanted', () => {
  it('aborts the old fetch when stations-src changes, and shows only the new dataset', async () => {
    const [a, b] = [fresh('a.json'), fresh('b.json')];
    const net = new FakeNetwork((url) => (url.endsWith(b) ? json(one('from-b')) : undefined));
    const m = await mount({ ...positions, 'stations-src': a });
    m.el.setAttribute('stations-src', b);
    await suggested(m);
    expect(net.signalsFor(a)[0]!.aborted).to.equal(true);
    expect(net.signalsFor(b)[0]!.aborted).to.equal(false);
    expect(suggestionIds(m.el)).to.deep.equal(['from-b']);
    expect(m.of('safetrade-error')).to.have.length(0);
  });

  it('aborts the fetch when the stations property takes over', async () => {
    const url = fresh('a.json');
    const net = new FakeNetwork();
    const m = await mount({ ...positions, 'stations-src': url });
    m.el.stations = nyc;
    await suggested(m);
    expect(net.signalsFor(url)[0]!.aborted).to.equal(true);
  });

  it('aborts the fetch when the widget is removed from the page, but not when it is moved', async () => {
    const [removed, moved] = [fresh('removed.json'), fresh('moved.json')];
    const net = new FakeNetwork();
    const gone = await mount({ ...positions, 'stations-src': removed });
    const kept = await mount({ ...positions, 'stations-src': moved });
    gone.el.remove();
    const box = document.body.appendChild(document.createElement('div'));
    box.append(kept.el); // a move: disconnected and connected in one go
    await tick();
    expect(net.signalsFor(removed)[0]!.aborted).to.equal(true);
    expect(net.signalsFor(moved)[0]!.aborted).to.equal(false);
    net.answer(moved, json(one('moved-ok')));
    await suggested(kept);
    box.remove();
  });

  it('fetches again when a removed widget comes back to the page', async () => {
    const url = fresh('back.json');
    const net = new FakeNetwork((_, n) => (n === 2 ? json(one('back-again')) : undefined));
    const m = await mount({ ...positions, 'stations-src': url });
    m.el.remove();
    await tick();
    document.body.append(m.el);
    await suggested(m);
    expect(net.count(url)).to.equal(2);
    expect(suggestionIds(m.el)).to.deep.equal(['back-again']);
    expect(m.of('safetrade-error')).to.have.length(0);
  });

  it('keeps a shared fetch going while any widget still wants it, and aborts it when the last one lets go', async () => {
    const [shared, other] = [fresh('shared.json'), fresh('other.json')];
    const net = new FakeNetwork((url) => (url.endsWith(other) ? json(one('other')) : undefined));
    const [w1, w2, w3] = await Promise.all([1, 2, 3].map(() => mount({ ...positions, 'stations-src': shared })));
    expect(net.count(shared)).to.equal(1);
    const signal = net.signalsFor(shared)[0]!;
    w1!.el.setAttribute('stations-src', other);
    await suggested(w1!);
    w2!.el.remove();
    await tick();
    expect(signal.aborted).to.equal(false); // w3 still waits for it
    w3!.el.stations = nyc;
    await w3!.el.updateComplete;
    expect(signal.aborted).to.equal(true);
    // Nobody holds the aborted fetch: a new widget starts a fresh one, and gets the data.
    const w4 = await mount({ ...positions, 'stations-src': shared });
    expect(net.count(shared)).to.equal(2);
    net.answer(shared, json(one('shared-ok')));
    await suggested(w4);
    expect(suggestionIds(w4.el)).to.deep.equal(['shared-ok']);
    expect(w1!.of('safetrade-ready').map((e) => e.detail)).to.deep.equal([{ stations: 1, rejected: 0 }]);
  });
});

describe('many widgets on one page', () => {
  it('fifty widgets with the same stations-src make one request and share one parsed dataset', async () => {
    const url = `/dist/stations.json?fifty=${Date.now()}`;
    const fetchSpy = sinon.spy(window, 'fetch');
    const widgets = await Promise.all(Array.from({ length: 50 }, () => mount({ ...positions, 'stations-src': url })));
    await waitUntil(() => widgets.every((w) => suggestionIds(w.el).length === 3), 'not every widget shows suggestions', { timeout: 15000 });
    const requests = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(url));
    expect(requests).to.have.length(1);
    expect(fetchSpy.callCount).to.equal(1);
    const ready = widgets.map((w) => w.of('safetrade-ready').map((e) => e.detail));
    expect(new Set(ready.map((r) => JSON.stringify(r))).size).to.equal(1);
    // The same station objects in every widget's event: one parse, shared.
    const firsts = widgets.map((w) => w.of('safetrade-suggest')[0]!.detail.suggestions[0].station);
    expect(firsts.every((s) => s === firsts[0])).to.equal(true);
    // A widget added later uses the loaded dataset: still one request.
    const late = await mount({ ...positions, 'stations-src': url });
    await suggested(late);
    expect(performance.getEntriesByType('resource').filter((e) => e.name.endsWith(url))).to.have.length(1);
  });

  it('different sources stay independent: one failing does not touch the others', async () => {
    const good = `/dist/stations.json?independent=${Date.now()}`;
    const missing = `/test/fixtures/datasets/missing-${Date.now()}.json`;
    const fetchSpy = sinon.spy(window, 'fetch');
    const widgets = await Promise.all(Array.from({ length: 50 }, (_, i) => mount({ ...positions, 'stations-src': i % 2 ? good : missing })));
    await waitUntil(() => widgets.every((w) => w.of('safetrade-ready').length + w.of('safetrade-error').length > 0), 'not settled', { timeout: 15000 });
    await Promise.all(widgets.map((w) => w.el.updateComplete));
    widgets.forEach((w, i) => {
      if (i % 2) expect(suggestionIds(w.el), `widget ${i}`).to.have.length(3);
      else expect(alertText(w.el), `widget ${i}`).to.match(/could not be loaded.*HTTP 404/);
    });
    // One request per source, counted where the widget makes it: WebKit may add a failed request's
    // resource-timing entry late, or (on a busy machine) not within any wait, so only the good one
    // is also checked there.
    const asked = (u: string) => fetchSpy.getCalls().filter((c) => String(c.args[0]).endsWith(u)).length;
    expect([asked(good), asked(missing)]).to.deep.equal([1, 1]);
    expect(performance.getEntriesByType('resource').filter((e) => e.name.endsWith(good))).to.have.length(1);
  });
});

describe('a hundred rapid changes', () => {
  it('end in the state of the last one, with no event from a stale dataset or stale inputs', async () => {
    // Each source holds one station named after it; answers arrive late and out of order, and
    // some changes go back to a source already loaded (answered from the cache, a microtask later).
    const sources = Array.from({ length: 100 }, (_, i) => fresh(`s${i}.json`));
    const idOf = (url: string) => `s-${sources.indexOf(url)}`;
    const net = new FakeNetwork();
    const stale: string[] = [];
    const m = await mount({ ...positions, 'stations-src': sources[0]! });
    m.el.addEventListener('safetrade-suggest', (e) => {
      const { suggestions, mode } = (e as CustomEvent).detail;
      const wanted = idOf(m.el.getAttribute('stations-src')!);
      if (suggestions[0]?.station.id !== wanted) stale.push(`suggested ${suggestions[0]?.station.id} while ${wanted} was asked for`);
      if (mode !== (m.el.getAttribute('mode') ?? 'fair')) stale.push(`mode ${mode} while ${m.el.getAttribute('mode')}`);
    });
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const modes = ['fair', 'total', 'buyer'];
    const loaded: string[] = [];
    const answerOne = () => {
      const live = net.waitingCalls().filter((c) => !c.signal.aborted);
      const late = net.waitingCalls().filter((c) => c.signal.aborted);
      const pick = (rnd() < 0.7 ? live : late)[Math.floor(rnd() * 10)] ?? live[0] ?? late[0];
      if (!pick) return;
      const url = sources.find((u) => pick.url.endsWith(u))!;
      net.answer(url, json(one(idOf(url), 40.72, -73.99)));
      if (!pick.signal.aborted) loaded.push(url);
    };
    for (let i = 1; i < 100; i++) {
      const back = i % 4 === 0 && loaded.length > 0 && i < 99;
      m.el.setAttribute('stations-src', back ? loaded[Math.floor(rnd() * loaded.length)]! : sources[i]!);
      m.el.setAttribute('mode', modes[i % 3]!);
      m.el.setAttribute('seller-lat', String(40.7 + i / 10_000));
      if (rnd() < 0.6) answerOne();
      if (rnd() < 0.3) await m.el.updateComplete;
      if (rnd() < 0.2) await tick();
    }
    await m.el.updateComplete;
    // Every request but the current one was answered or aborted: none is left running for nobody.
    const running = net.waitingCalls().filter((c) => !c.signal.aborted && !c.url.endsWith(sources[99]!));
    expect(running.map((c) => c.url)).to.deep.equal([]);
    // Late answers to the aborted requests arrive now; the current source's last.
    while (net.waitingCalls().some((c) => c.signal.aborted)) answerOne();
    if (net.waitingCalls().length) net.answer(sources[99]!, json(one('s-99', 40.72, -73.99)));
    await suggested(m);
    await tick();
    await m.el.updateComplete;
    expect(stale).to.deep.equal([]);
    expect(suggestionIds(m.el)).to.deep.equal(['s-99']);
    expect(m.of('safetrade-suggest').at(-1)!.detail.mode).to.equal('fair'); // modes[99 % 3]
    expect(m.of('safetrade-error')).to.have.length(0);
    // The final state is what a widget created with the final attributes shows.
    const fresh2 = await mount({ ...positions, 'seller-lat': m.el.getAttribute('seller-lat')!, mode: 'fair' }, { stations: one('s-99', 40.72, -73.99) });
    await suggested(fresh2);
    expect(shadow(m.el).querySelector('[part~="distance"]')!.textContent).to.equal(shadow(fresh2.el).querySelector('[part~="distance"]')!.textContent);
  });
});

describe('a partly bad dataset', () => {
  const bad = [
    { id: 'no-lat', name: 'No lat', address: '1 St', country: 'US', lng: -73.99 },
    { id: 'Bad Id', name: 'Bad id', address: '1 St', country: 'US', lat: 40.7, lng: -73.99 },
    'not a station',
    { ...nyc.stations[0], name: 'A copy' },
    { id: 'far-lat', name: 'Lat 95', address: '1 St', country: 'US', lat: 95, lng: -73.99 },
  ];
  const partly = { ...nyc, stations: [...nyc.stations.slice(0, 10), ...bad, { ...nyc.stations[10], id: 'bad-url', url: 'javascript:alert(1)' }] };

  it('keeps the valid stations, counts the rest in safetrade-ready, and warns once with the first reasons', async () => {
    const warn = sinon.stub(console, 'warn');
    const url = fresh('partly.json');
    const net = new FakeNetwork(() => json(partly));
    const widgets = await Promise.all([1, 2, 3].map(() => mount({ ...positions, 'stations-src': url })));
    await Promise.all(widgets.map(suggested));
    expect(net.count(url)).to.equal(1);
    for (const w of widgets) {
      expect(w.of('safetrade-ready').map((e) => e.detail)).to.deep.equal([{ stations: 11, rejected: 5 }]);
      expect(alertText(w.el)).to.equal(null);
    }
    expect(warn.callCount).to.equal(1);
    const message = String(warn.firstCall.args[0]);
    expect(message).to.include('partly.json: using 11 stations; rejected 5 (');
    expect(message).to.include('#10 "no-lat" lat: missing');
    expect(message).to.include('#11 "Bad Id" id: must be 1–64 characters');
    expect(message).to.include('#12 not a station object (got "not a station")');
    expect(message).to.include('; and 2 more)');
    expect(message).to.include('dropped 1 bad optional field (#15 "bad-url" url: must be an absolute http: or https: URL');
    // The dropped URL is gone from the kept station; the station itself is suggested.
    const all = await mount({ ...positions, 'stations-src': url, limit: '20', 'max-distance-km': '100' });
    await suggested(all);
    const kept = all.of('safetrade-suggest')[0]!.detail.suggestions.find((s: { station: { id: string } }) => s.station.id === 'bad-url');
    expect(kept.station.url).to.equal(undefined);
  });

  it('fetched (checked in slices) or given as the stations property, it is the same: stations, rejections, warning, answer', async () => {
    const warn = sinon.stub(console, 'warn');
    // Long enough to be checked in many slices, with trouble in several of them.
    const stations: unknown[] = [...nyc.stations, ...nyc.stations.map((st, i) => ({ ...st, id: `copy-${i}`, name: i % 30 ? st.name : `\u202e${st.name}` }))];
    stations.splice(150, 0, ...bad);
    const big = { ...nyc, stations };
    new FakeNetwork(() => json(big));
    const fetched = await mount({ ...positions, 'stations-src': fresh('big.json') });
    const given = await mount(positions, { stations: structuredClone(big) });
    await Promise.all([suggested(fetched), suggested(given)]);
    for (const name of ['safetrade-ready', 'safetrade-suggest'] as const) {
      expect(fetched.of(name).map((e) => e.detail)).to.deep.equal(given.of(name).map((e) => e.detail));
    }
    expect(fetched.of('safetrade-ready').map((e) => e.detail)).to.deep.equal([{ stations: 192, rejected: 5 }]);
    const messages = warn.getCalls().map((c) => String(c.args[0]).replace(/^.*?: (using)/, '$1'));
    expect(messages).to.have.length(2);
    expect(messages[0]).to.equal(messages[1]);
    expect(messages[0]).to.include('isolated bidirectional-override characters in 4 text fields');
  });

  it('says nothing at all about a clean dataset', async () => {
    const warn = sinon.stub(console, 'warn');
    new FakeNetwork(() => json(nyc));
    const m = await mount({ ...positions, 'stations-src': fresh('clean.json') });
    await suggested(m);
    expect(warn.called).to.equal(false);
  });
});
