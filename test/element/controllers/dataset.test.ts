import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { DatasetController } from '../../../src/element/controllers/dataset.js';
import { nyc } from '../../fixtures/nyc.js';
import { FakeNetwork, json, status } from '../fake-network.js';
import { flush, makeHost } from './host.js';

let unique = 0;
const freshUrl = () => `https://data.example/stations-${++unique}-${Date.now()}.json`;

function setup(source: { stations?: unknown; src?: string }) {
  const host = makeHost();
  Object.assign(host, source);
  const dataset = new DatasetController(host, () => ({ stations: host.stations, src: host.src as string | undefined }));
  host.derive = () => dataset.state;
  return { host, dataset };
}

afterEach(() => {
  sinon.restore();
  document.querySelectorAll('controller-test-host').forEach((n) => n.remove());
});

describe('DatasetController', () => {
  it('checks a stations property in the same update, with no request', async () => {
    const network = new FakeNetwork();
    const { host } = setup({ stations: nyc });
    document.body.append(host);
    await flush(host);
    const state = host.seen[0] as { status: string; dataset: { stations: unknown[] } };
    expect(state.status).to.equal('ready');
    expect(state.dataset.stations.length).to.equal(nyc.stations.length);
    expect(network.count()).to.equal(0);
  });

  it('says dataset-invalid, quoting the problem, for a stations property that is not a dataset', async () => {
    const { host, dataset } = setup({ stations: { format: 'other' } });
    document.body.append(host);
    await flush(host);
    expect(dataset.state).to.deep.include({ status: 'error' });
    const { error } = dataset.state as { error: { code: string; message: string } };
    expect(error.code).to.equal('dataset-invalid');
    expect(error.message).to.include('the stations property');
  });

  it('fetches stations-src: loading first, then ready, and the same state object until something changes', async () => {
    const url = freshUrl();
    const network = new FakeNetwork();
    const { host, dataset } = setup({ src: url });
    document.body.append(host);
    await flush(host);
    expect(host.seen[0]).to.deep.equal({ status: 'loading' });
    network.answer(url, json(nyc));
    // The answer is parsed and checked in slices that yield: wait for the outcome, not a fixed time.
    await waitUntil(() => dataset.state.status !== 'loading', 'the dataset never settled', { timeout: 15000 });
    await flush(host);
    const ready = dataset.state;
    expect(ready.status).to.equal('ready');
    expect(dataset.state, 'identity tells a new dataset from the same one').to.equal(ready);
    expect(host.seen.at(-1)).to.equal(ready);
  });

  it('refuses a stations-src that is not http(s) without any request', async () => {
    const network = new FakeNetwork();
    const { host, dataset } = setup({ src: 'javascript:alert(1)' });
    document.body.append(host);
    await flush(host);
    expect(dataset.state).to.deep.equal({
      status: 'error',
      error: { code: 'dataset-fetch', message: 'stations-src must be an http(s) URL (got "javascript:alert(1)")' },
    });
    expect(network.count()).to.equal(0);
  });

  it('never prints the credentials of a refused stations-src', async () => {
    const { host, dataset } = setup({ src: 'ftp://buyer:hunter2@data.example/stations.json' });
    document.body.append(host);
    await flush(host);
    const { error } = dataset.state as { error: { message: string } };
    expect(error.message).to.equal('stations-src must be an http(s) URL (got "ftp://***@data.example/stations.json")');
  });

  it('fetches again on reload after a failure, and is ready once the server answers', async () => {
    const url = freshUrl();
    const network = new FakeNetwork((_, n) => (n === 1 ? status(404, 'Not Found') : json(nyc)));
    const { host, dataset } = setup({ src: url });
    document.body.append(host);
    await flush(host);
    await waitUntil(() => dataset.state.status !== 'loading', 'the first fetch never settled', { timeout: 15000 });
    await flush(host);
    expect(dataset.state.status).to.equal('error');
    dataset.reload();
    await waitUntil(() => dataset.state.status !== 'loading', 'the second fetch never settled', { timeout: 15000 });
    await flush(host);
    expect(dataset.state.status).to.equal('ready');
    expect(network.count(url)).to.equal(2);
  });

  it('switching from a URL to a property aborts the fetch', async () => {
    const url = freshUrl();
    const network = new FakeNetwork();
    const { host, dataset } = setup({ src: url });
    document.body.append(host);
    await flush(host);
    host.stations = nyc;
    host.requestUpdate();
    await flush(host);
    expect(dataset.state.status).to.equal('ready');
    expect(network.signalsFor(url)[0]!.aborted).to.equal(true);
  });
});
