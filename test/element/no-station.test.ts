// Never a dead end: with no station within max-distance-km, the no-station contract holds (the
// event, the alert, nothing suggested) and the widget names the nearest station it knows of, how
// far it is for each, and what to do instead, in the viewer's language.
import { expect } from '@open-wc/testing';
import { distanceKm } from '../../src/core/geo.js';
import { es } from '../../src/i18n/es.js';
import { fr } from '../../src/i18n/fr.js';
import { registerMessages } from '../../src/i18n/register.js';
import { nyc } from '../fixtures/nyc.js';
import { alertText, cleanup, LOWER_EAST_SIDE, MIDTOWN, mount, settled, shadow, suggestionIds, type Mounted } from './helpers.js';

const both = { 'seller-lat': LOWER_EAST_SIDE.lat, 'seller-lng': LOWER_EAST_SIDE.lng, 'buyer-lat': MIDTOWN.lat, 'buyer-lng': MIDTOWN.lng, locale: 'en-US' };
const ready = (m: Mounted) => settled(m, () => m.of('safetrade-suggest').length > 0 || m.of('safetrade-error').length > 0);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const help = (m: Mounted) => shadow(m.el).querySelector('[part~="help"]');
/** The help's code comes after the alert (with the map's): waits until the help is on screen. */
const helped = (m: Mounted) => settled(m, () => !!help(m), 'the no-station help never came');
/** A small town's station, 300 km from New York: nowhere near either party. */
const faraway = {
  id: 'far-1',
  name: 'Far Town Police',
  address: '1 Main St',
  locality: 'Far Town',
  country: 'US',
  lat: 42.65,
  lng: -76.5,
  hours: '24/7' as const,
};

registerMessages('es', es);
registerMessages('fr', fr);

afterEach(cleanup);

describe('when no station is near enough', () => {
  it('keeps the no-station contract: the event, the alert, and nothing suggested', async () => {
    const m = await mount(both, { stations: [faraway] });
    await ready(m);
    expect(m.of('safetrade-error').map((e) => e.detail.code)).to.deep.equal(['no-station']);
    expect(alertText(m.el)).to.match(/no safe-trade station near enough/);
    expect(suggestionIds(m.el)).to.deep.equal([]);
    expect(shadow(m.el).querySelector('[part~="select"]')).to.equal(null);
    // The help below the alert comes with the code loaded after it, by itself, and styled.
    await helped(m);
    expect(getComputedStyle(help(m)!).display).to.equal('grid');
  });

  it('names the nearest station it knows of, with its distance for each of them', async () => {
    const m = await mount(both, { stations: [faraway, { ...faraway, id: 'far-2', name: 'Farther Town Police', lat: 44.0 }] });
    await ready(m);
    await helped(m);
    const nearest = text(shadow(m.el).querySelector('[part~="nearest"]'));
    expect(nearest).to.include('The nearest station we know of is Far Town Police, 1 Main St, Far Town');
    // The buyer's own distance precisely, the seller's only coarsely (whole 5 mi steps this far out).
    const buyerMi = distanceKm({ lat: 40.758, lng: -73.9855 }, faraway) / 1.609344;
    expect(text(shadow(m.el).querySelector('[part~="nearest-distance"]'))).to.match(
      new RegExp(`^${Math.round(buyerMi)} mi from you · about \\d+5? mi for the seller$`),
    );
    expect(nearest).to.include('Open 24/7');
    expect(suggestionIds(m.el)).to.deep.equal([]);
  });

  it('picks the nearest by the widget’s own rule, across a whole real dataset', async () => {
    const m = await mount({ ...both, 'max-distance-km': '1' }, { stations: nyc });
    await ready(m);
    await helped(m);
    // The fair rule: the station whose farther party is least far (brute force over all 96).
    const seller = { lat: 40.715, lng: -73.9843 };
    const buyer = { lat: 40.758, lng: -73.9855 };
    const fairest = [...nyc.stations].sort(
      (a, b) => Math.max(distanceKm(a, seller), distanceKm(a, buyer)) - Math.max(distanceKm(b, seller), distanceKm(b, buyer)),
    )[0]!;
    expect(text(shadow(m.el).querySelector('[part~="nearest"]'))).to.include(fairest.name);
    expect(suggestionIds(m.el)).to.deep.equal([]);
  });

  it('says what to do instead: daylight, a busy public place, a police lobby after calling', async () => {
    const m = await mount(both, { stations: [faraway] });
    await ready(m);
    await helped(m);
    const advice = text(help(m));
    expect(advice).to.include('What you can do instead');
    expect(advice).to.match(/daylight in a busy public place/);
    expect(advice).to.match(/lobby: call the non-emergency line first/);
    await expect(m.el).to.be.accessible();
  });

  for (const [locale, nearest, instead] of [
    ['es', /La estación más cercana que conocemos es Far Town Police/, /Qué puedes hacer en su lugar/],
    ['fr', /Le poste le plus proche que nous connaissons est Far Town Police/, /Ce que vous pouvez faire à la place/],
  ] as const) {
    it(`helps in ${locale} too`, async () => {
      const m = await mount({ ...both, locale }, { stations: [faraway] });
      await ready(m);
      await settled(m, () => instead.test(text(help(m))));
      expect(text(help(m))).to.match(nearest);
    });
  }
});
