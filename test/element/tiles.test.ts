import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { buildTiles, cellCenter, rankStations } from '../../src/core/index.js';
import type { Station } from '../../src/core/index.js';
import { loadDataset, LoadError, type TiledStations } from '../../src/element/data/index.js';
import { random } from '../fixtures/random.js';

/** 3,000 stations: a dense New York and a sparse rest of the US. */
function stations(): Station[] {
  const r = random(11);
  return Array.from({ length: 3000 }, (_, i) => {
    const city = r() < 0.6;
    const lat = city ? 40.6 + r() * 0.3 : 30 + r() * 18;
    const lng = city ? -74.1 + r() * 0.3 : -120 + r() * 45;
    return { id: `st-${i}`, name: `Station ${i}`, address: `${i} Main St`, country: 'US', lat, lng };
  });
}

const ALL = stations();
const BUILT = buildTiles(ALL, { maxPerTile: 128, attribution: ['Synthetic'] });
const MIDTOWN = { lat: 40.758, lng: -73.9855 };
const LES = { lat: 40.715, lng: -73.9843 };

let base = 0;
/** One fake server per page: each test serves its own copy of the tile set under a fresh base URL (the caches are per URL, page-wide). */
const routes = new Map<string, (url: string) => Response>();
beforeEach(() => {
  sinon.stub(window, 'fetch').callsFake(async (input) => {
    const url = String(input);
    for (const [root, handle] of routes) if (url.startsWith(root)) return handle(url);
    return new Response('not found', { status: 404 });
  });
});
afterEach(() => sinon.restore());

function serveTiles(spoil: (path: string, body: unknown) => Response | unknown = (_, b) => b, built: ReturnType<typeof buildTiles> = BUILT) {
  const root = `https://tiles.test/set-${++base}/`;
  const files = new Map<string, unknown>([[`${root}manifest.json`, built.manifest]]);
  for (const t of built.tiles) files.set(`${root}tiles/${t.id}.json`, t.dataset);
  const requested: string[] = [];
  routes.set(root, (url) => {
    requested.push(url);
    if (!files.has(url)) return new Response('not found', { status: 404 });
    const body = spoil(url.slice(root.length), structuredClone(files.get(url)));
    return body instanceof Response ? body : new Response(JSON.stringify(body));
  });
  return { url: `${root}manifest.json`, requested };
}

/** A manifest loads as a dataset with no stations up front and a `tiles` ranker. */
const tiled = async (url: string): Promise<TiledStations> => {
  const loaded = await loadDataset(url);
  expect(loaded.stations).to.deep.equal([]);
  return loaded.tiles!;
};

describe('loadDataset with a tile manifest', () => {
  it('answers exactly like the whole dataset while fetching only a few tiles', async () => {
    const { url, requested } = serveTiles();
    const loaded = await loadDataset(url);
    expect(loaded.tiles!.count).to.equal(3000);
    expect(loaded.rejected).to.deep.equal([]);
    expect(loaded.attribution).to.deep.equal(['Synthetic']);
    const source = loaded.tiles!;
    for (const mode of ['fair', 'total', 'buyer'] as const) {
      const got = await source.rank({ seller: LES, buyer: MIDTOWN }, { mode, limit: 5 });
      expect(got).to.deep.equal(rankStations(ALL, { seller: LES, buyer: MIDTOWN }, { mode, limit: 5 }));
    }
    expect(requested.length).to.be.above(1);
    expect(requested.length).to.be.below(12); // of BUILT.tiles.length + 1
    expect(BUILT.tiles.length).to.be.above(20);
  });

  it('fetches the manifest and each tile once, shared between widgets and queries', async () => {
    const { url, requested } = serveTiles();
    const [a, b] = await Promise.all([tiled(url), tiled(url)]);
    await Promise.all([a.rank({ seller: MIDTOWN }, {}), b.rank({ seller: MIDTOWN }, {}), a.rank({ seller: MIDTOWN }, {})]);
    expect(requested.filter((u) => u.endsWith('manifest.json'))).to.have.length(1);
    expect(new Set(requested).size).to.equal(requested.length);
  });

  it('fails the query when a needed tile fails, and tries again next time', async () => {
    let fail = true;
    const { url } = serveTiles((path, body) => (fail && path.startsWith('tiles/') ? new Response('', { status: 503 }) : body));
    const source = await tiled(url);
    const error = await source.rank({ seller: MIDTOWN }, {}).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(LoadError);
    expect(error).to.include({ code: 'dataset-fetch' });
    expect((error as Error).message).to.match(/could not fetch https:\/\/tiles\.test\/.*\/tiles\/.*HTTP 503/);
    fail = false;
    expect(await source.rank({ seller: MIDTOWN }, {})).to.deep.equal(rankStations(ALL, { seller: MIDTOWN }));
  });

  it('refuses a tile that does not match its manifest (a station outside the cell, another build, too many stations)', async () => {
    const spoilTiles = (spoil: (d: { build?: string; stations: Station[] }) => void) =>
      serveTiles((path, body) => {
        if (path.startsWith('tiles/')) spoil(body as { stations: Station[] });
        return body;
      });
    const cases: [(d: { build?: string; stations: Station[] }) => void, RegExp][] = [
      [(d) => (d.stations[0]!.lat = -45), /outside its cell/],
      [(d) => (d.build = 'deadbeef'), new RegExp(`tile t\\d+ is from build "deadbeef", the manifest from build "${BUILT.manifest.build}"`)],
      [(d) => delete d.build, /is from build undefined/],
      [
        (d) => d.stations.push(...Array.from({ length: 129 }, () => ({ ...d.stations[0]!, id: `x${Math.random()}` }))),
        /should hold 1…128 stations \(got \d+\)/,
      ],
    ];
    for (const [spoil, message] of cases) {
      const { url } = spoilTiles(spoil);
      const error = await (await tiled(url)).rank({ seller: MIDTOWN }, {}).catch((e: unknown) => e);
      expect(error).to.include({ code: 'dataset-invalid' });
      expect((error as Error).message).to.match(message);
    }
  });

  it('rejects a broken manifest with dataset-invalid, quoting what is wrong', async () => {
    const { url } = serveTiles((path, body) => (path === 'manifest.json' ? { ...(body as object), version: 9 } : body));
    const error = await loadDataset(url).catch((e: unknown) => e);
    expect(error).to.include({ code: 'dataset-invalid' });
    expect((error as Error).message).to.match(/not a valid tile manifest: version must be 2 \(got 9; rebuild the tiles\)/);
  });

  it('refuses a manifest without any tile, like a dataset without any station', async () => {
    const root = `https://tiles.test/empty-${++base}/manifest.json`;
    routes.set(root, () => new Response(JSON.stringify(buildTiles([]).manifest)));
    const error = await loadDataset(root).catch((e: unknown) => e);
    expect(error).to.include({ code: 'dataset-invalid' });
    expect((error as Error).message).to.match(/has no usable station/);
  });

  it('stops with the abort reason once the query is superseded', async () => {
    const { url } = serveTiles();
    const source = await tiled(url);
    const controller = new AbortController();
    controller.abort();
    const error = await source.rank({ seller: MIDTOWN }, {}, controller.signal).catch((e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});

describe('loadDataset with a plain dataset', () => {
  it('loads it with no tiles ranker, so the element ranks it with rankStations', async () => {
    const root = `https://tiles.test/plain-${++base}.json`;
    routes.set(root, () => new Response(JSON.stringify({ format: 'safetrade-stations', version: 1, stations: ALL.slice(0, 50) })));
    const loaded = await loadDataset(root);
    expect(loaded.tiles).to.equal(undefined);
    expect(loaded.rejected).to.deep.equal([]);
    expect(loaded.stations).to.deep.equal(ALL.slice(0, 50));
  });
});

describe('<safetrade-meetup> with stations-src pointing at a tile manifest', () => {
  const mountOn = async (url: string, attrs: Record<string, string>) => {
    await import('../../src/define.js');
    const el = document.createElement('safetrade-meetup');
    const events: CustomEvent[] = [];
    for (const name of ['safetrade-ready', 'safetrade-suggest', 'safetrade-error']) el.addEventListener(name, (e) => events.push(e as CustomEvent));
    for (const [k, v] of Object.entries({ ...attrs, 'stations-src': url })) el.setAttribute(k, v);
    document.body.append(el);
    return { el, events };
  };
  const ids = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="suggestion"]')].map((n) => n.getAttribute('data-station-id'));
  // Polls with setTimeout and performance.now(): one test fakes Date and setInterval, which
  // waitUntil uses. Up to 15 s, as settled() in helpers.ts: a busy machine is slow, not wrong.
  const until = async (check: () => boolean) => {
    const start = performance.now();
    while (!check() && performance.now() - start < 15_000) await new Promise((r) => setTimeout(r, 10));
    expect(check()).to.equal(true);
  };
  afterEach(() => document.querySelectorAll('safetrade-meetup').forEach((n) => n.remove()));

  it('suggests exactly what the whole dataset would, fetching a few tiles, and follows input changes', async () => {
    const { url, requested } = serveTiles();
    const { el, events } = await mountOn(url, {
      'seller-lat': String(LES.lat),
      'seller-lng': String(LES.lng),
      'buyer-lat': String(MIDTOWN.lat),
      'buyer-lng': String(MIDTOWN.lng),
    });
    await until(() => events.some((e) => e.type === 'safetrade-suggest'));
    expect(events[0]!.type).to.equal('safetrade-ready');
    expect(events[0]!.detail).to.deep.equal({ stations: 3000, rejected: 0 });
    // The seller (the other party of the default buyer viewer) enters as its cell's centre.
    const expected = rankStations(ALL, { seller: cellCenter(LES), buyer: MIDTOWN }).map((s) => s.station.id);
    await until(() => ids(el).join() === expected.join());
    expect(requested.length).to.be.below(BUILT.tiles.length / 4);
    el.setAttribute('mode', 'buyer');
    const buyerFirst = rankStations(ALL, { seller: cellCenter(LES), buyer: MIDTOWN }, { mode: 'buyer' }).map((s) => s.station.id);
    await until(() => ids(el).join() === buyerFirst.join());
    expect(events.filter((e) => e.type === 'safetrade-suggest').at(-1)!.detail.mode).to.equal('buyer');
  });

  it('re-ranks on the minute clock: a station that closes loses first place, with no new fetch and no loading state', async () => {
    // Midtown's nearest station keeps office hours; every other one is open around the clock.
    const office = { hours: { mo: ['09:00-17:00'] }, timezone: 'America/New_York' } as const;
    const r = random(21);
    const list: Station[] = Array.from({ length: 1500 }, (_, i) => ({
      id: `h-${i}`,
      name: `Station ${i}`,
      address: `${i} Main St`,
      country: 'US',
      lat: 40.6 + r() * 0.3,
      lng: -74.1 + r() * 0.3,
      hours: '24/7' as const,
    }));
    // The seller (the other party of the default buyer viewer) enters as its cell's centre.
    const seller = cellCenter(MIDTOWN);
    const nearest = rankStations(list, { seller }, { limit: 1 })[0]!.station;
    Object.assign(nearest, office);
    const { url, requested } = serveTiles(undefined, buildTiles(list, { maxPerTile: 64 }));
    const noon = new Date('2026-11-30T17:00:00Z'); // Monday 12:00 in New York
    const evening = new Date('2026-11-30T23:00:00Z'); // 18:00: the office has closed
    // The widget's clock: a fake Date and minute timer; everything else (fetch, slices) runs for real.
    const clock = sinon.useFakeTimers({ now: noon, toFake: ['Date', 'setInterval', 'clearInterval'] });
    const el = document.createElement('safetrade-meetup');
    const events: CustomEvent[] = [];
    el.addEventListener('safetrade-suggest', (e) => events.push(e as CustomEvent));
    await import('../../src/define.js');
    for (const [k, v] of Object.entries({ 'seller-lat': String(MIDTOWN.lat), 'seller-lng': String(MIDTOWN.lng), 'stations-src': url })) el.setAttribute(k, v);
    document.body.append(el);
    const want = (at: Date) => rankStations(list, { seller }, { preferOpenAt: at }).map((s) => s.station.id);
    await until(() => ids(el).join() === want(noon).join());
    expect(ids(el)[0]).to.equal(nearest.id);
    const fetched = requested.length;
    const suggests = events.length;

    clock.tick(60_000); // a tick that changes nothing
    await el.updateComplete;
    expect(ids(el), 'the answer stays up while the tick re-queries').to.deep.equal(want(noon));
    await new Promise((r) => setTimeout(r, 50));
    expect(events.length, 'no event for a tick that changes nothing').to.equal(suggests);

    clock.setSystemTime(evening.getTime() - 60_000);
    clock.tick(60_000);
    await until(() => ids(el).join() === want(evening).join());
    expect(ids(el)[0]).to.not.equal(nearest.id);
    expect(events.length).to.equal(suggests + 1);
    expect(requested.length, 'the tiles are cached').to.equal(fetched);
  });

  it('shows a dataset-fetch error, never a partial answer, when a needed tile fails', async () => {
    const { url } = serveTiles((path, body) => (path.startsWith('tiles/') ? new Response('down', { status: 404 }) : body));
    const { el, events } = await mountOn(url, { 'seller-lat': String(MIDTOWN.lat), 'seller-lng': String(MIDTOWN.lng) });
    await until(() => events.some((e) => e.type === 'safetrade-error'));
    expect(events.find((e) => e.type === 'safetrade-error')!.detail.code).to.equal('dataset-fetch');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    expect(ids(el)).to.deep.equal([]);
  });
});
