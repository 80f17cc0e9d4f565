import { expect } from '@open-wc/testing';
import { TileQueryController } from '../../../src/element/controllers/tile-query.js';
import type { Parties, Suggestion } from '../../../src/core/types.js';
import type { TiledStations } from '../../../src/element/data/index.js';
import { LoadError } from '../../../src/element/data/index.js';
import { deferred, flush, makeHost } from './host.js';

const A = { seller: { lat: 40.7, lng: -74 } };
const B = { seller: { lat: 40.8, lng: -74 } };
const noon = new Date('2026-11-30T17:00:00Z');
const oneLater = new Date(noon.getTime() + 60_000);
const answer = (id: string) => [{ station: { id }, sellerKm: 1, buyerKm: null }] as unknown as Suggestion[];

function fakeTiles() {
  const queries: { parties: Parties; at: number | undefined; signal: AbortSignal; reply: ReturnType<typeof deferred<Suggestion[]>> }[] = [];
  const tiles: TiledStations = {
    count: 10,
    rank(parties, options, signal) {
      const reply = deferred<Suggestion[]>();
      queries.push({ parties, at: options.preferOpenAt?.getTime(), signal: signal!, reply });
      return reply.promise;
    },
  };
  return { tiles, queries };
}

function setup() {
  const host = makeHost();
  const query = new TileQueryController(host);
  const { tiles, queries } = fakeTiles();
  host.parties = A;
  host.at = noon;
  host.derive = () => query.answer(tiles, host.parties as Parties, { preferOpenAt: host.at as Date });
  document.body.append(host);
  return { host, queries };
}

const update = async (host: ReturnType<typeof makeHost>, changes: Record<string, unknown>) => {
  Object.assign(host, changes);
  host.requestUpdate();
  await flush(host);
};

afterEach(() => document.querySelectorAll('controller-test-host').forEach((n) => n.remove()));

describe('TileQueryController', () => {
  it('answers null while its query runs, then the suggestions', async () => {
    const { host, queries } = setup();
    await flush(host);
    expect(host.seen).to.deep.equal([null]);
    queries[0]!.reply.resolve(answer('near-a'));
    await flush(host);
    expect(host.seen.at(-1)).to.deep.equal({ suggestions: answer('near-a') });
  });

  it('keeps the answer up during a minute tick’s query, but never shows an answer for other inputs', async () => {
    const { host, queries } = setup();
    await flush(host);
    queries[0]!.reply.resolve(answer('near-a'));
    await flush(host);
    await update(host, { at: oneLater });
    expect(queries.length).to.equal(2);
    expect(host.seen.at(-1), 'same inputs a minute ago').to.deep.equal({ suggestions: answer('near-a') });
    await update(host, { parties: B });
    expect(queries[1]!.signal.aborted, 'the tick query is superseded').to.equal(true);
    expect(host.seen.at(-1), 'other inputs: nothing until their answer').to.equal(null);
    queries[1]!.reply.resolve(answer('stale'));
    queries[2]!.reply.resolve(answer('near-b'));
    await flush(host);
    expect(host.seen.at(-1)).to.deep.equal({ suggestions: answer('near-b') });
  });

  it('turns a failed tile into the widget’s error', async () => {
    const { host, queries } = setup();
    await flush(host);
    queries[0]!.reply.reject(new LoadError('dataset-fetch', 'tile t-1 could not be fetched (HTTP 404)'));
    await flush(host);
    expect(host.seen.at(-1)).to.deep.equal({ error: { code: 'dataset-fetch', message: 'tile t-1 could not be fetched (HTTP 404)' } });
  });

  it('returns the same answer object until a new one arrives (hosts tell news by identity)', async () => {
    const { host, queries } = setup();
    await flush(host);
    queries[0]!.reply.resolve(answer('near-a'));
    await flush(host);
    const first = host.seen.at(-1);
    host.requestUpdate();
    await flush(host);
    expect(host.seen.at(-1)).to.equal(first);
  });
});
