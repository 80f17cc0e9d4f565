// The ESM build as a bundler-less page would use it (bare `lit` resolved by the test server,
// as an import map or a bundler would), next to the script-tag build.
import { expect, waitUntil } from '@open-wc/testing';

describe('dist/index.js (ESM) with the script-tag build on the same page', () => {
  it('defines the element, exports the core, and tolerates the IIFE loading too', async () => {
    const entry = '/dist/index.js';
    const mod = await import(/* @vite-ignore */ entry);
    expect(customElements.get('safetrade-meetup')).to.equal(mod.SafeTradeMeetupElement);
    expect(mod.rankStations).to.be.a('function');
    const errors: ErrorEvent[] = [];
    window.addEventListener('error', (e) => errors.push(e));
    await new Promise<void>((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src: '/dist/safetrade-meetup.js', onload: resolve, onerror: reject });
      document.head.append(script);
    });
    expect(errors).to.deep.equal([]);
    expect((window as unknown as { SafeTradeMeetup: { version: string } }).SafeTradeMeetup.version).to.equal(mod.VERSION);
  });

  it('finds its default dataset beside dist/index.js', async () => {
    const el = document.createElement('safetrade-meetup');
    el.setAttribute('seller-lat', '41.8837');
    el.setAttribute('seller-lng', '-87.6278'); // Chicago Loop
    let first: { station: { id: string } } | undefined;
    el.addEventListener('safetrade-suggest', (e) => (first = (e as CustomEvent).detail.suggestions[0]));
    document.body.append(el);
    await waitUntil(() => first, 'no suggestion', { timeout: 5000 });
    expect(first!.station.id).to.match(/^us-il-chicago-cpd-/);
  });
});
