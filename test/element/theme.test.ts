// Light and dark: the widget follows the page's prefers-color-scheme, the theme attribute
// overrides it, and both palettes pass axe. Each engine shows the scheme by its own means
// (test/engine.ts): Chromium switches at run time; Firefox and WebKit run this file twice, in a
// browser started light and in one started dark.
import { expect } from '@open-wc/testing';
import { browserEnv, colorSchemesHere, useColorScheme } from '../engine.js';
import { nyc } from '../fixtures/nyc.js';
import { cleanup, LOWER_EAST_SIDE, MIDTOWN, mount, settled, shadow, type Mounted } from './helpers.js';

const both = { 'seller-lat': LOWER_EAST_SIDE.lat, 'seller-lng': LOWER_EAST_SIDE.lng, 'buyer-lat': MIDTOWN.lat, 'buyer-lng': MIDTOWN.lng, locale: 'en-US' };
const ready = (m: Mounted) => settled(m, () => m.of('safetrade-suggest').length > 0 || m.of('safetrade-error').length > 0);
const background = (m: Mounted) => getComputedStyle(shadow(m.el).querySelector('[part~="base"]')!).backgroundColor;
const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(22, 27, 34)' } as const;
const other = { light: 'dark', dark: 'light' } as const;

const schemes = await colorSchemesHere();
const { colorScheme: fixedScheme } = await browserEnv();

afterEach(async () => {
  cleanup();
  if (fixedScheme === null) await useColorScheme('light');
});

for (const scheme of schemes) {
  describe(`with the page preferring ${scheme}`, () => {
    beforeEach(() => useColorScheme(scheme));

    it(`is ${scheme}, and the theme attribute overrides it both ways`, async () => {
      const m = await mount(both, { stations: nyc });
      await ready(m);
      expect(background(m)).to.equal(BACKGROUND[scheme]);
      m.el.theme = other[scheme];
      await m.el.updateComplete;
      expect(background(m)).to.equal(BACKGROUND[other[scheme]]);
      m.el.setAttribute('theme', scheme);
      await m.el.updateComplete;
      expect(background(m)).to.equal(BACKGROUND[scheme]);
      m.el.removeAttribute('theme');
      await m.el.updateComplete;
      expect(background(m)).to.equal(BACKGROUND[scheme]);
    });

    for (const [state, attrs] of [
      ['card', both],
      ['compact', { ...both, variant: 'compact' }],
      ['no station', { ...both, 'max-distance-km': '0.5' }],
    ] as const) {
      it(`passes axe: ${state}`, async () => {
        const m = await mount(attrs as Record<string, string>, { stations: nyc });
        await ready(m);
        await expect(m.el).to.be.accessible();
      });
    }
  });
}
