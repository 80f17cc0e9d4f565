// Another version of the widget got on the page first (an old CDN copy in a host's template, say):
// ours must not throw, must keep the first definition, and must say so once.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';

function addScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src, onload: () => resolve(), onerror: () => reject(new Error(src)) });
    document.head.append(script);
  });
}

describe('a different version already defined <safetrade-meetup>', () => {
  it('keeps the first definition, throws nothing, and warns once naming both versions', async () => {
    class Older extends HTMLElement {
      static version = '0.0.1';
    }
    customElements.define('safetrade-meetup', Older);
    const warn = sinon.stub(console, 'warn');
    const errors: ErrorEvent[] = [];
    const onError = (e: ErrorEvent) => errors.push(e);
    window.addEventListener('error', onError);
    try {
      await addScript('/dist/safetrade-meetup.js');
    } finally {
      window.removeEventListener('error', onError);
      warn.restore();
    }
    expect(errors.map((e) => e.message)).to.deep.equal([]);
    expect(customElements.get('safetrade-meetup')).to.equal(Older);
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0]))
      .to.include('0.0.1')
      .and.include((window as unknown as { SafeTradeMeetup: { version: string } }).SafeTradeMeetup.version);
  });

  it('the ESM build next to them throws nothing either, and warns once more at most', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      const entry = '/dist/index.js';
      const mod = await import(/* @vite-ignore */ entry);
      expect(mod.rankStations).to.be.a('function');
    } finally {
      warn.restore();
    }
    expect(warn.callCount).to.be.at.most(1);
  });
});
