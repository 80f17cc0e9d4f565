import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { LocalizeController } from '../../../src/element/controllers/localize.js';
import { fr } from '../../../src/i18n/fr.js';
import { registerMessages } from '../../../src/i18n/register.js';
import { flush, makeHost, type TestHost } from './host.js';

// French is registered, as a host would; Spanish is left to load from beside the script, which
// in the test server is not there: a slow load that ends in English.
registerMessages('fr', fr);

const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

function setup(parent: Node = document.body) {
  const host = makeHost();
  const localize = new LocalizeController(host as TestHost & { locale?: string });
  host.derive = () => localize.resolve().locale;
  parent.appendChild(host);
  return { host, localize };
}

afterEach(() => {
  sinon.restore();
  document.querySelectorAll('controller-test-host, .lang-wrapper').forEach((n) => n.remove());
  document.documentElement.lang = 'en';
});

describe('LocalizeController', () => {
  it('takes the locale property first, then the nearest lang, then <html lang>', async () => {
    const wrapper = Object.assign(document.createElement('div'), { lang: 'fr-CA', className: 'lang-wrapper' });
    document.body.append(wrapper);
    const { host, localize } = setup(wrapper);
    await flush(host);
    expect(localize.resolve().locale).to.equal('fr-CA');
    host.locale = 'es-MX';
    expect(localize.resolve().locale).to.equal('es-MX');
    host.locale = undefined;
    wrapper.removeAttribute('lang');
    document.documentElement.lang = 'es';
    expect(localize.resolve().locale).to.equal('es');
  });

  it('finds the lang of a shadow host the widget sits in', async () => {
    const outer = Object.assign(document.createElement('div'), { lang: 'fr', className: 'lang-wrapper' });
    document.body.append(outer);
    const root = outer.attachShadow({ mode: 'open' });
    const { host, localize } = setup(root);
    await flush(host);
    expect(localize.resolve().locale).to.equal('fr');
    outer.lang = 'es';
    await nextFrame();
    expect(host.seen.at(-1), 'a lang change outside the shadow root re-derives').to.equal('es');
  });

  it('re-derives within one frame when an ancestor’s lang changes, and loads that catalogue', async () => {
    const wrapper = Object.assign(document.createElement('div'), { lang: 'en', className: 'lang-wrapper' });
    document.body.append(wrapper);
    const { host, localize } = setup(wrapper);
    await flush(host);
    wrapper.lang = 'fr';
    await nextFrame();
    expect(host.seen.at(-1)).to.equal('fr');
    expect(localize.messages.heading).to.equal(fr.heading);
    expect(localize.language).to.equal('fr');
  });

  it('re-derives within one frame when <html lang> changes', async () => {
    const { host, localize } = setup();
    await flush(host);
    document.documentElement.lang = 'fr';
    await nextFrame();
    expect(host.seen.at(-1)).to.equal('fr');
    expect(localize.messages.heading).to.equal(fr.heading);
  });

  it('does not re-render for a lang change that does not change its language', async () => {
    const { host } = setup();
    await flush(host);
    const updates = host.seen.length;
    const elsewhere = Object.assign(document.createElement('p'), { className: 'lang-wrapper' });
    document.body.append(elsewhere);
    elsewhere.lang = 'fr';
    await nextFrame();
    expect(host.seen.length).to.equal(updates);
  });

  it('reports option-invalid, quoting it, for a lang attribute that is not a language tag', async () => {
    const wrapper = Object.assign(document.createElement('div'), { className: 'lang-wrapper' });
    wrapper.setAttribute('lang', 'en_US!');
    document.body.append(wrapper);
    const { host, localize } = setup(wrapper);
    await flush(host);
    expect(localize.resolve()).to.deep.equal({
      locale: 'en',
      error: { code: 'option-invalid', message: 'locale must be a BCP 47 language tag like "en-US" (got "en_US!"); using "en"' },
    });
  });

  it('treats a browser language that is not a tag (WebKitGTK’s "C") as English, silently', async () => {
    document.documentElement.removeAttribute('lang');
    sinon.stub(navigator, 'language').get(() => 'C');
    const { host, localize } = setup();
    await flush(host);
    expect(localize.resolve()).to.deep.equal({ locale: 'en', error: null });
  });

  it('keeps the catalogue asked for last when an older request ends later', async () => {
    const warn = sinon.stub(console, 'warn');
    const { host, localize } = setup();
    await flush(host);
    document.documentElement.lang = 'es'; // its import fails after a round trip: English
    await nextFrame();
    document.documentElement.lang = 'fr'; // registered: at once
    await nextFrame();
    expect(localize.messages.heading).to.equal(fr.heading);
    await waitUntil(() => warn.called, 'the Spanish load never finished (and failed)', { timeout: 15000 });
    expect(localize.messages.heading).to.equal(fr.heading);
    expect(localize.language).to.equal('fr');
  });
});
