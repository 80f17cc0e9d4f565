// End to end, as a marketplace embeds it: the built dist/safetrade-meetup.js in a plain
// <script> tag, the default dataset found beside it, nothing else configured.
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';

declare global {
  interface Window {
    SafeTradeMeetup: typeof import('../../src/cdn.js');
  }
}

function addScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

describe('dist/safetrade-meetup.js in a script tag', () => {
  before(() => addScript('/dist/safetrade-meetup.js'));

  it('defines <safetrade-meetup> and exposes the core as the SafeTradeMeetup global', () => {
    expect(customElements.get('safetrade-meetup')).to.be.a('function');
    expect(window.SafeTradeMeetup.rankStations).to.be.a('function');
    expect(window.SafeTradeMeetup.parseDataset).to.be.a('function');
    expect(window.SafeTradeMeetup.distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).to.be.closeTo(111.32, 0.01);
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
    await waitUntil(() => suggested.length > 0, 'no suggestion from the shipped dataset', { timeout: 5000 });
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
    expect(urls.some((u) => u.pathname === '/dist/stations.json')).to.equal(true);
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
