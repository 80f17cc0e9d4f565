// The element in other languages, in right-to-left pages, and with opening hours and meet-at.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { Station } from '../../src/core/types.js';
import { registerMessages } from '../../src/i18n/register.js';
import { es } from '../../src/i18n/es.js';
import { fr } from '../../src/i18n/fr.js';
import { nyc } from '../fixtures/nyc.js';
import { alertText, cleanup, LOWER_EAST_SIDE, MIDTOWN, mount, settled, shadow, suggestionIds, type Mounted } from './helpers.js';

// In the test build the catalogues are not beside the script; the host-registration path is the
// same one the loader fills (test/e2e/locales.test.ts loads them from dist/locales/).
registerMessages('es', es);
registerMessages('fr', fr);

const both = { 'seller-lat': LOWER_EAST_SIDE.lat, 'seller-lng': LOWER_EAST_SIDE.lng, 'buyer-lat': MIDTOWN.lat, 'buyer-lng': MIDTOWN.lng };
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const $ = (m: Mounted, selector: string) => shadow(m.el).querySelector<HTMLElement>(selector);
const ready = (m: Mounted) => settled(m, () => m.of('safetrade-suggest').length > 0 || m.of('safetrade-error').length > 0);
const inLanguage = (m: Mounted, heading: string) => settled(m, () => text($(m, '[part~="heading"]')) === heading, `heading never became "${heading}"`);

afterEach(() => {
  sinon.restore();
  cleanup();
  document.documentElement.removeAttribute('dir');
});

describe('languages', () => {
  it('speaks Spanish for locale="es-MX", with kilometres and Spanish numbers', async () => {
    const m = await mount({ ...both, locale: 'es-MX' }, { stations: nyc });
    await inLanguage(m, es.heading);
    const card = $(m, '[part~="expanded"]')!;
    expect(text(card.querySelector('[part~="distance"]'))).to.equal('a 2.4 km de ti · unos 2.5 km para el vendedor');
    expect(text(card.querySelector('[part~="select"]'))).to.equal('Sugerir esta estación');
    expect(text(card.querySelector('[part~="hours"]'))).to.equal('Abierto las 24 horas');
    expect($(m, '[part~="base"]')!.getAttribute('lang')).to.equal('es');
  });

  it('speaks French for the page’s lang="fr-CA", with French number formatting', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'fr-CA';
    document.body.append(wrapper);
    try {
      const el = document.createElement('safetrade-meetup');
      for (const [k, v] of Object.entries(both)) el.setAttribute(k, v);
      el.stations = nyc;
      wrapper.append(el);
      await el.updateComplete;
      const m = { el, events: [], of: () => [] } as unknown as Mounted;
      await inLanguage(m, fr.heading);
      expect(text($(m, '[part~="expanded"] [part~="distance"]'))).to.match(/^à 2,4\s?km de vous · environ 2,5\s?km pour le vendeur$/);
    } finally {
      wrapper.remove();
    }
  });

  it('falls back to English without a word when the browser reports no real language (WebKitGTK says "C")', async () => {
    // Under LANG=C.UTF-8, common in containers, WebKitGTK reports navigator.language "C". The
    // page set nothing wrong, so the buyer must not see an alert about the page's setup.
    for (const key of ['language', 'languages'] as const) {
      Object.defineProperty(navigator, key, { configurable: true, get: () => (key === 'language' ? 'C' : ['C']) });
    }
    try {
      expect(navigator.language).to.equal('C');
      const m = await mount(both, { stations: nyc });
      await ready(m);
      expect(suggestionIds(m.el).length).to.be.greaterThan(0);
      expect(m.of('safetrade-error')).to.deep.equal([]);
      expect(alertText(m.el)).to.equal(null);
      expect(text($(m, '[part~="heading"]'))).to.equal('Meet at a police safe-trade station');
      expect($(m, '[part~="base"]')!.getAttribute('lang')).to.equal('en');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).language;
      delete (navigator as unknown as Record<string, unknown>).languages;
    }
  });

  // The page switches language (a language menu): the widget follows within one frame, also with
  // meet-at set (no clock tick then), not at its next re-render.
  for (const where of ['an ancestor', '<html>'] as const) {
    it(`switches language within one frame when ${where}’s lang changes, with meet-at set`, async () => {
      const wrapper = document.createElement('div');
      document.body.append(wrapper);
      const target = where === '<html>' ? document.documentElement : wrapper;
      const before = document.documentElement.getAttribute('lang');
      target.lang = 'en';
      try {
        const el = document.createElement('safetrade-meetup');
        for (const [k, v] of Object.entries({ ...both, 'meet-at': '2026-12-07T10:00:00-05:00' })) el.setAttribute(k, v);
        el.stations = nyc;
        wrapper.append(el);
        const m = { el, events: [], of: () => [] } as unknown as Mounted;
        await settled(m, () => !!$(m, '[part~="expanded"]'));
        expect(text($(m, '[part~="heading"]'))).to.equal('Meet at a police safe-trade station');
        target.lang = 'fr-CA';
        await new Promise((r) => requestAnimationFrame(r));
        expect(text($(m, '[part~="heading"]'))).to.equal(fr.heading);
        expect(text($(m, '[part~="expanded"] [part~="distance"]'))).to.match(/^à 2,4\s?km de vous/);
        expect($(m, '[part~="base"]')!.getAttribute('lang')).to.equal('fr');
        target.lang = 'es';
        await new Promise((r) => requestAnimationFrame(r));
        expect(text($(m, '[part~="heading"]'))).to.equal(es.heading);
      } finally {
        wrapper.remove();
        if (before === null) document.documentElement.removeAttribute('lang');
        else document.documentElement.setAttribute('lang', before);
      }
    });
  }

  it('falls back to English for a language it does not ship', async () => {
    const m = await mount({ ...both, locale: 'de-DE' }, { stations: nyc });
    await ready(m);
    await new Promise((r) => setTimeout(r, 20));
    expect(text($(m, '[part~="heading"]'))).to.equal('Meet at a police safe-trade station');
    expect(text($(m, '[part~="expanded"] [part~="distance"]'))).to.match(/^2,4 km from you/); // German numbers, English words
  });

  it('writes the error messages in the viewer’s language too', async () => {
    const m = await mount({ ...both, locale: 'fr', 'seller-lat': 'nord' }, { stations: nyc });
    await settled(m, () => /n’est pas valide|n'est pas valide/.test(alertText(m.el) ?? ''));
    expect(m.of('safetrade-error')[0]!.detail.code).to.equal('location-invalid');
  });

  it('lays out right to left in a dir="rtl" page: the map sits on the left of the card', async () => {
    document.documentElement.dir = 'rtl';
    const m = await mount(both, { stations: nyc });
    m.el.style.width = '700px';
    await ready(m);
    const card = $(m, '[part~="card"]')!.getBoundingClientRect();
    const map = $(m, '[part~="expanded"] [part~="map"]')!.getBoundingClientRect();
    const name = $(m, '[part~="expanded"] [part~="name"]')!.getBoundingClientRect();
    expect(map.left - card.left).to.be.below(card.right - map.right);
    expect(name.right).to.be.greaterThan(map.right);
    expect(getComputedStyle($(m, '[part~="base"]')!).direction).to.equal('rtl');
  });
});

describe('opening hours and meet-at', () => {
  const at = (id: string, lat: number, hours: Station['hours']): Station => ({
    id,
    name: id,
    address: `${id} St`,
    country: 'US',
    lat,
    lng: -73.99,
    hours,
    timezone: 'America/New_York',
  });
  // Nearest first for a seller at 40.73: a lobby open 09:00–17:00 on weekdays, then a 24/7 zone.
  const lobby = at('a-lobby', 40.7301, { mo: ['09:00-17:00'], tu: ['09:00-17:00'], we: ['09:00-17:00'], th: ['09:00-17:00'], fr: ['09:00-17:00'] });
  const allDay = at('b-always', 40.74, '24/7');
  const seller = { 'seller-lat': '40.73', 'seller-lng': '-73.99', locale: 'en-US' };

  it('leaves out stations closed at meet-at, and fires no-station when none is open then', async () => {
    const m = await mount({ ...seller, 'meet-at': '2026-12-05T22:00:00-05:00' }, { stations: [lobby, allDay] }); // a Saturday night
    await ready(m);
    expect(suggestionIds(m.el)).to.deep.equal(['b-always']);
    m.el.setAttribute('meet-at', '2026-12-07T10:00:00-05:00'); // Monday morning: the lobby is open and nearer
    await m.el.updateComplete;
    expect(suggestionIds(m.el)).to.deep.equal(['a-lobby', 'b-always']);
    m.el.stations = [lobby];
    m.el.setAttribute('meet-at', '2026-12-06T12:00:00-05:00'); // Sunday
    await m.el.updateComplete;
    expect(suggestionIds(m.el)).to.deep.equal([]);
    expect(m.of('safetrade-error').at(-1)!.detail).to.deep.include({ code: 'no-station' });
    expect(m.of('safetrade-error').at(-1)!.detail.message).to.include('is open at 2026-12-06T17:00:00.000Z');
  });

  it('without meet-at, shows a closed-now station but never first while an open one is eligible', async () => {
    const saturdayNight = new Date('2026-12-05T22:00:00-05:00');
    sinon.useFakeTimers({ now: saturdayNight, toFake: ['Date'] });
    const m = await mount(seller, { stations: [lobby, allDay] });
    await ready(m);
    expect(suggestionIds(m.el)).to.deep.equal(['b-always', 'a-lobby']);
    expect(text($(m, '[part~="expanded"] [part~="hours"]'))).to.equal('Open 24/7');
    ($(m, '[data-station-id="a-lobby"] [part~="show"]') as HTMLButtonElement).click();
    await m.el.updateComplete;
    const hours = $(m, '[part~="expanded"] [part~="hours"]')!;
    expect(text(hours)).to.equal('Closed · opens Mon 9:00 AM');
    expect(hours.classList.contains('closed')).to.equal(true);
  });

  it('says "Open now · until …" for a station open at this moment', async () => {
    sinon.useFakeTimers({ now: new Date('2026-12-07T10:00:00-05:00'), toFake: ['Date'] });
    const m = await mount(seller, { stations: [lobby, allDay] });
    await ready(m);
    expect(suggestionIds(m.el)[0]).to.equal('a-lobby');
    expect(text($(m, '[part~="expanded"] [part~="hours"]'))).to.equal('Open now · until 5:00 PM');
  });

  for (const bad of ['tomorrow', '2026-02-30T10:00', '2026-12-01']) {
    it(`option-invalid for meet-at="${bad}", and meeting time is ignored`, async () => {
      sinon.stub(console, 'warn');
      const m = await mount({ ...seller, 'meet-at': bad }, { stations: [lobby, allDay] });
      await ready(m);
      const error = m.of('safetrade-error').find((e) => e.detail.code === 'option-invalid')!;
      expect(error.detail.message).to.include(`meet-at must be an ISO 8601 date and time`);
      expect(error.detail.message).to.include(JSON.stringify(bad));
      expect(suggestionIds(m.el).length).to.equal(2);
    });
  }

  it('the meeting message gives hours as written, not "open now"', async () => {
    sinon.stub(navigator.clipboard, 'writeText').resolves();
    const m = await mount(seller, { stations: [lobby] });
    await ready(m);
    ($(m, '[part~="expanded"] [part~="share"]') as HTMLButtonElement).click();
    await settled(m, () => m.of('safetrade-share').length > 0);
    expect(m.of('safetrade-share')[0]!.detail.text.split('\n')[1]).to.equal('Hours: Mon–Fri 9:00 AM–5:00 PM');
  });
});
