// The page-wide caches stay bounded: a single-page app that shows the widget on a thousand
// listings (a thousand dataset URLs, a thousand tile sets) keeps a fixed number of loads, never
// drops a load someone still waits for, and never keeps a failure.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { buildTiles, rankStations } from '../../src/core/index.js';
import { SharedCache } from '../../src/element/data/cache.js';
import { loadDataset } from '../../src/element/data/index.js';
import { MAX_DATASETS_KEPT } from '../../src/element/data/load-dataset.js';
import { MAX_TILES_KEPT } from '../../src/element/data/tiles-source.js';
import { nyc } from '../fixtures/nyc.js';

afterEach(() => sinon.restore());

/** A load that finishes when told to, counting how often each key was loaded. */
function loads() {
  const started = new Map<string, number>();
  const pending = new Map<string, { resolve: (v: string) => void; reject: (e: Error) => void; signal: AbortSignal }>();
  const load = (key: string) => (signal: AbortSignal) => {
    started.set(key, (started.get(key) ?? 0) + 1);
    return new Promise<string>((resolve, reject) => pending.set(key, { resolve, reject, signal }));
  };
  return { started, pending, load };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('SharedCache', () => {
  it('keeps at most maxKept finished loads after a thousand distinct keys, the most recent ones', async () => {
    const cache = new SharedCache<string>(16);
    const { started, load } = loads();
    for (let i = 0; i < 1000; i++) {
      const key = `https://data.test/listing-${i}.json`;
      const done = cache.get(key, (s) => (load(key)(s), Promise.resolve(`value ${i}`)));
      expect(await done).to.equal(`value ${i}`);
      expect(cache.size).to.be.at.most(16);
    }
    expect(cache.size).to.equal(16);
    // The last sixteen answer from the cache; the first was dropped and loads again.
    expect(await cache.get('https://data.test/listing-999.json', () => Promise.resolve('again'))).to.equal('value 999');
    expect(await cache.get('https://data.test/listing-984.json', () => Promise.resolve('again'))).to.equal('value 984');
    expect(await cache.get('https://data.test/listing-0.json', () => Promise.resolve('again'))).to.equal('again');
    expect(started.get('https://data.test/listing-0.json')).to.equal(1);
  });

  it('drops the least recently used first: a key read again stays', async () => {
    const cache = new SharedCache<string>(2);
    await cache.get('a', () => Promise.resolve('A'));
    await cache.get('b', () => Promise.resolve('B'));
    await cache.get('a', () => Promise.resolve('A again')); // a hit: now b is the oldest
    await cache.get('c', () => Promise.resolve('C'));
    expect(await cache.get('a', () => Promise.resolve('A reloaded'))).to.equal('A');
    expect(await cache.get('b', () => Promise.resolve('B reloaded'))).to.equal('B reloaded');
  });

  it('never drops a load that is still wanted, however many others finish meanwhile', async () => {
    const cache = new SharedCache<string>(4);
    const { started, pending, load } = loads();
    const waiting = Array.from({ length: 20 }, (_, i) => cache.get(`slow-${i}`, load(`slow-${i}`)));
    for (let i = 0; i < 100; i++) await cache.get(`fast-${i}`, () => Promise.resolve('fast'));
    expect(cache.size).to.equal(24); // the 20 under way, and 4 finished
    // A second caller for a load under way joins it: no second load.
    const joined = cache.get('slow-7', load('slow-7'));
    expect(started.get('slow-7')).to.equal(1);
    for (const [key, p] of pending) p.resolve(`${key} done`);
    expect(await Promise.all(waiting)).to.deep.equal(Array.from({ length: 20 }, (_, i) => `slow-${i} done`));
    expect(await joined).to.equal('slow-7 done');
    await flush();
    expect(cache.size).to.equal(4);
  });

  it('aborts a load once nobody waits for it, and forgets it', async () => {
    const cache = new SharedCache<string>(4);
    const { pending, load } = loads();
    const a = new AbortController();
    const b = new AbortController();
    const first = cache.get('k', load('k'), a.signal).catch((e: Error) => e.name);
    const second = cache.get('k', load('k'), b.signal).catch((e: Error) => e.name);
    a.abort();
    expect(await first).to.equal('AbortError');
    expect(pending.get('k')!.signal.aborted, 'another caller still waits').to.equal(false);
    b.abort();
    expect(await second).to.equal('AbortError');
    expect(pending.get('k')!.signal.aborted).to.equal(true);
    expect(cache.size).to.equal(0);
  });

  it('never keeps a failure: the next caller loads again', async () => {
    const cache = new SharedCache<string>(4);
    await cache.get('ok', () => Promise.resolve('kept'));
    const error = await cache.get('bad', () => Promise.reject(new Error('HTTP 503'))).catch((e: Error) => e.message);
    expect(error).to.equal('HTTP 503');
    await flush();
    expect(cache.size).to.equal(1);
    expect(await cache.get('bad', () => Promise.resolve('second try'))).to.equal('second try');
    expect(await cache.get('ok', () => Promise.resolve('reloaded'))).to.equal('kept');
  });
});

describe('the page-wide caches', () => {
  const dataset = { ...nyc, stations: nyc.stations.slice(0, 3) };
  let requests: string[];
  beforeEach(() => {
    requests = [];
    sinon.stub(window, 'fetch').callsFake(async (input) => {
      const url = String(input);
      requests.push(url);
      const tile = BUILT.tiles.find((t) => url.endsWith(`/tiles/${t.id}.json`));
      const body = url.endsWith('/manifest.json') ? BUILT.manifest : tile ? tile.dataset : dataset;
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    });
  });
  const BUILT = buildTiles(dataset.stations, { maxPerTile: 1000 });

  it(`a thousand listings with their own stations-src keep the latest ${MAX_DATASETS_KEPT} datasets, not a thousand`, async () => {
    const run = Date.now();
    const url = (i: number) => `https://data.test/${run}/listing-${i}.json`;
    for (let i = 0; i < 1000; i++) await loadDataset(url(i));
    expect(requests).to.have.length(1000);
    // The most recent listings are still loaded…
    for (let i = 1000 - MAX_DATASETS_KEPT; i < 1000; i++) await loadDataset(url(i));
    expect(requests).to.have.length(1000);
    // …and the first one was let go, so going back to it fetches it again.
    await loadDataset(url(0));
    expect(requests.slice(1000)).to.deep.equal([url(0)]);
  });

  it(`a thousand tile sets keep the latest ${MAX_TILES_KEPT} tiles, not a thousand`, async function () {
    // A thousand loads one after another: ~3 s alone, past the 10 s default when npm test runs the
    // three engines at once on two cores. A time limit here says nothing about the product.
    this.timeout(60000);
    expect(BUILT.tiles).to.have.length(1);
    const run = Date.now();
    const base = (i: number) => `https://tiles.test/${run}/set-${i}/`;
    const seller = { lat: 40.715, lng: -73.9843 };
    const expected = rankStations(dataset.stations, { seller });
    const rank = async (i: number) => (await loadDataset(`${base(i)}manifest.json`)).tiles!.rank({ seller }, {});
    for (let i = 0; i < 1000; i++) expect(await rank(i)).to.deep.equal(expected);
    const tiles = () => requests.filter((u) => u.includes('/tiles/'));
    expect(tiles()).to.have.length(1000);
    // The latest sets' tiles are still loaded (their manifests, beyond the latest datasets, load again)…
    for (let i = 1000 - MAX_TILES_KEPT; i < 1000; i++) await rank(i);
    expect(tiles()).to.have.length(1000);
    // …and the one before them was let go, so it is fetched again.
    await rank(999 - MAX_TILES_KEPT);
    expect(tiles().slice(1000)).to.deep.equal([`${base(999 - MAX_TILES_KEPT)}tiles/${BUILT.tiles[0]!.id}.json`]);
  });
});
