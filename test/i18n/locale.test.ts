import { expect } from '@open-wc/testing';
import { en, type Messages } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { fr } from '../../src/i18n/fr.js';
import { availableLocales, browserLocale, loadMessages, MessagesLoadError, resolveLocale } from '../../src/i18n/locale.js';
import { registerMessages } from '../../src/i18n/register.js';

// In the test page the sources are served unbundled, so catalogues are loaded from src/ (as the
// dev server's ES modules) or from the built dist/locales/ (npm test builds before it runs).
const fromSrc = (lang: string) => `/src/i18n/${lang}.ts`;
const fromDist = (lang: string) => `/dist/locales/${lang}.js`;

describe('browserLocale', () => {
  it('is the first language the browser reports that is a real language tag', () => {
    expect(browserLocale(['fr-ca', 'en-US'])).to.equal('fr-CA');
    expect(browserLocale([undefined, 'es-MX'])).to.equal('es-MX');
  });

  it('skips what is not a tag, like WebKitGTK\'s "C" under LANG=C.UTF-8, and says nothing', () => {
    expect(browserLocale(['C', 'C.UTF-8', 'en_US', '', 'de-DE'])).to.equal('de-DE');
    expect(browserLocale(['C'])).to.equal(undefined);
    expect(browserLocale([])).to.equal(undefined);
  });

  it('reads navigator.language by default', () => {
    expect(browserLocale()).to.equal(browserLocale([navigator.language]));
  });
});

describe('resolveLocale', () => {
  it('picks a shipped catalogue by language', () => {
    expect(resolveLocale(['es-MX'])).to.equal('es');
    expect(resolveLocale(['fr-CA'])).to.equal('fr');
    expect(resolveLocale(['en-AU'])).to.equal('en');
    expect(resolveLocale(['es-419'])).to.equal('es');
    expect(resolveLocale(['fr-Latn-CA'])).to.equal('fr');
  });

  it('tries the tags in order, skipping unknown languages, then falls back to en', () => {
    expect(resolveLocale(['de-DE', 'fr-BE', 'es'])).to.equal('fr');
    expect(resolveLocale(['de', 'ja'])).to.equal('en');
    expect(resolveLocale([])).to.equal('en');
  });

  it('skips empty and invalid tags instead of failing', () => {
    expect(resolveLocale(['', null, undefined, 'not a tag', 'ES-mx'])).to.equal('es');
  });

  it('ignores Unicode extensions', () => {
    expect(resolveLocale(['fr-CA-u-hc-h12'])).to.equal('fr');
  });

  it('prefers a more specific catalogue the host registered', () => {
    registerMessages('fr-CH', { ...fr, heading: 'Rencontrez-vous au poste (CH)' });
    expect(resolveLocale(['fr-CH'])).to.equal('fr-CH');
    expect(resolveLocale(['fr-CA'])).to.equal('fr');
    expect(availableLocales()).to.include.members(['en', 'es', 'fr', 'fr-CH']);
  });
});

describe('registerMessages', () => {
  it('makes a host catalogue available at once, with English for missing keys', async () => {
    registerMessages('pt', { heading: 'Encontre-se num posto policial', errors: { 'no-station': 'Nenhum posto perto.' } as Messages['errors'] });
    const pt = await loadMessages('pt-BR');
    expect(pt.heading).to.equal('Encontre-se num posto policial');
    expect(pt.select).to.equal(en.select);
    expect(pt.errors['no-station']).to.equal('Nenhum posto perto.');
    expect(pt.errors['dataset-fetch']).to.equal(en.errors['dataset-fetch']);
  });

  it('rejects a bad tag, quoting it', () => {
    expect(() => registerMessages('??', en)).to.throw(RangeError, /"\?\?"/);
  });
});

describe('loadMessages', () => {
  it('returns English without a network request', async () => {
    expect(await loadMessages('en-GB')).to.equal(en);
  });

  // Runs before "es" is loaded and cached below.
  it('refuses a module that is not a catalogue, falling back to English', async () => {
    const errors: MessagesLoadError[] = [];
    const messages = await loadMessages('es', { url: () => '/src/i18n/plural.ts', onError: (e) => errors.push(e) });
    expect(messages).to.equal(en);
    expect(errors.map((e) => e.message)).to.deep.equal([
      'messages for "es" could not be loaded from /src/i18n/plural.ts (the module has no catalogue as its default export); using "en"',
    ]);
  });

  it('imports a shipped catalogue once and caches it', async () => {
    const urls: string[] = [];
    const url = (lang: string) => (urls.push(lang), fromSrc(lang));
    const [a, b] = await Promise.all([loadMessages('es-MX', { url }), loadMessages('es', { url })]);
    const c = await loadMessages('es-AR', { url });
    expect(urls).to.deep.equal(['es']);
    expect(a).to.equal(b);
    expect(a).to.equal(c);
    expect(a.heading).to.equal(es.heading);
    expect(a.openUntil('20:00')).to.equal('Abierto ahora · hasta 20:00');
  });

  it('falls back to English and reports when the file cannot be loaded, and tries again next time', async () => {
    const errors: MessagesLoadError[] = [];
    const onError = (e: MessagesLoadError) => errors.push(e);
    const missing = await loadMessages('fr', { url: () => '/no/such/fr.js', onError });
    expect(missing).to.equal(en);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.be.instanceOf(MessagesLoadError);
    expect(errors[0]!.locale).to.equal('fr');
    expect(errors[0]!.message).to.match(/"fr" could not be loaded from \/no\/such\/fr\.js .*using "en"/);

    const retried = await loadMessages('fr-CA', { url: fromSrc, onError });
    expect(retried.heading).to.equal(fr.heading);
    expect(errors).to.have.length(1);
  });
});

describe('the built dist/locales files', () => {
  for (const [lang, source] of [
    ['es', es],
    ['fr', fr],
  ] as const) {
    it(`dist/locales/${lang}.js is a self-contained ES module whose default export is the ${lang} catalogue`, async () => {
      const module = (await import(/* @vite-ignore */ fromDist(lang))) as { default: Messages };
      const built = module.default;
      expect(Object.keys(built).sort()).to.deep.equal(Object.keys(source).sort());
      expect(built.heading).to.equal(source.heading);
      expect(built.closedOpens('X')).to.equal(source.closedOpens('X'));
      expect(built.errors).to.deep.equal(source.errors);
      expect(built.stationCount).to.deep.equal(source.stationCount);
    });
  }
});
