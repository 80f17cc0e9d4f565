// Two versions of the script tag on one page (issue #12, item 8): an old copy in a host's template
// and a new one in a widget partial, say. The first copy keeps the page: its global (so that
// `registerMessages` reaches the catalogues its element uses) and its element; the second says once
// (however many times the page includes it) that it was ignored, and throws nothing.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { addScript } from './global.js';

describe('a second, different version of the script tag', () => {
  it('leaves the first global and the element to the first copy, and warns once that it was ignored', async () => {
    const first = { version: '0.0.9', load: () => Promise.resolve({}) };
    (window as unknown as { SafeTradeMeetup: unknown }).SafeTradeMeetup = first;
    const warn = sinon.stub(console, 'warn');
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    try {
      document.body.append(Object.assign(document.createElement('safetrade-meetup'), { id: 'in-view' }));
      await addScript('/dist/safetrade-meetup.js');
      await addScript('/dist/safetrade-meetup.js?twice');
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      window.removeEventListener('error', onError);
      warn.restore();
    }
    expect(errors).to.deep.equal([]);
    expect(window.SafeTradeMeetup).to.equal(first);
    // The first copy owns the element: the ignored one inserted none of its code.
    expect(customElements.get('safetrade-meetup')).to.equal(undefined);
    expect(document.querySelectorAll('script[src*="/dist/script/"]')).to.have.length(0);
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.match(/safetrade-meetup\.js 0\.1\.0 was ignored: version 0\.0\.9 is already on this page/);
  });
});
