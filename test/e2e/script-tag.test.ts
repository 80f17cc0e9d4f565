// End to end, as a marketplace embeds it: the built dist/safetrade-meetup.js in a plain
// <script> tag, the default dataset found beside it, nothing else configured.
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { addScript } from './global.js';

describe('dist/safetrade-meetup.js in a script tag', () => {
  before(() => addScript('/dist/safetrade-meetup.js'));

  it('exposes the version at once, and the core through SafeTradeMeetup.load()', async () => {
    expect(window.SafeTradeMeetup.version).to.equal('0.1.0');
    const core = await window.SafeTradeMeetup.load();
    expect(core).to.equal(await window.SafeTradeMeetup.load());
    expect(core.distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).to.be.closeTo(111.32, 0.01);
    const { stations } = core.parseDataset({
      format: 'safetrade-stations',
      version: 1,
      stations: [
        { id: 'near', name: 'Near', address: '1 Main St', country: 'US', lat: 40.74, lng: -73.99 },
        { id: 'far', name: 'Far', address: '2 Main St', country: 'US', lat: 40.9, lng: -73.7 },
      ],
    });
    expect(core.rankStations(stations, { seller: { lat: 40.741, lng: -73.99 } }).map((s) => s.station.id)).to.deep.equal(['near', 'far']);
    expect(() => core.parseDataset({ format: 'nope' })).to.throw(core.DatasetError);
  });

  it('suggests an NYPD exchange zone from the dataset shipped beside the script', async () => {
    const el = document.createElement('safetrade-meetup');
    const suggested: CustomEvent[] = [];
    el.addEventListener('safetrade-suggest', (e) => suggested.push(e as CustomEvent));
    el.setAttribute('seller-lat', '40.7410');
    el.setAttribute('seller-lng', '-73.9897');
    el.setAttribute('buyer-lat', '40.7580');
    el.setAttribute('buyer-lng', '-73.9855');
    document.body.append(el);
    await customElements.whenDefined('safetrade-meetup');
    await waitUntil(() => suggested.length > 0, 'no suggestion from the shipped dataset', { timeout: 15000 });
    const first = suggested[0]!.detail.suggestions[0];
    expect(first.station.id).to.match(/^nypd-/);
    expect(first.station.agency).to.equal('New York City Police Department');
    const card = el.shadowRoot!.querySelector('[part~="suggestion"]')!;
    expect(card.getAttribute('data-station-id')).to.equal(first.station.id);
    expect(card.textContent).to.include(first.station.name);
    el.remove();
  });

  it('fetched the dataset from beside the script, and nothing from any other origin', () => {
    const urls = performance.getEntriesByType('resource').map((e) => new URL(e.name));
    expect(urls.filter((u) => u.pathname === '/dist/stations.json')).to.have.length(1);
    expect(urls.every((u) => u.origin === location.origin)).to.equal(true);
  });

  it('loads a second time without an error or a warning', async () => {
    const warn = sinon.spy(console, 'warn');
    const errors: ErrorEvent[] = [];
    const onError = (e: ErrorEvent) => errors.push(e);
    window.addEventListener('error', onError);
    await addScript('/dist/safetrade-meetup.js?again');
    window.removeEventListener('error', onError);
    warn.restore();
    expect(errors).to.deep.equal([]);
    expect(warn.called).to.equal(false);
  });
});
