// The prompt fits a phone screen (issue 16): English, three suggestions, both parties known, the
// card's height at the widths phones and tablets give it, and the compact line in a chat thread.
// Widths come from a container the element fills, as on a host page, so every engine measures the
// same thing without viewport emulation.
import { expect } from '@open-wc/testing';
import { nyc } from '../fixtures/nyc.js';
import { cleanup, LOWER_EAST_SIDE, MIDTOWN, mount, settled, suggestionIds, type Mounted } from './helpers.js';

const both = { 'seller-lat': LOWER_EAST_SIDE.lat, 'seller-lng': LOWER_EAST_SIDE.lng, 'buyer-lat': MIDTOWN.lat, 'buyer-lng': MIDTOWN.lng, locale: 'en-US' };

async function mountAt(widthPx: number, attrs: Record<string, string>): Promise<Mounted> {
  const box = document.createElement('div');
  box.style.width = `${widthPx}px`;
  document.body.append(box);
  const m = await mount(attrs, { stations: nyc });
  box.append(m.el);
  await settled(m, () => m.of('safetrade-suggest').length > 0);
  return m;
}

afterEach(() => {
  cleanup();
  document.querySelectorAll('body > div').forEach((d) => d.remove());
});

describe('fitting a phone screen', () => {
  for (const [variant, widthPx, maxHeightPx] of [
    ['card', 390, 640],
    ['card', 720, 480],
    ['compact', 390, 96],
  ] as const) {
    it(`keeps the ${variant} within ${maxHeightPx} px tall at ${widthPx} px wide`, async () => {
      const m = await mountAt(widthPx, { ...both, variant });
      if (variant === 'card') expect(suggestionIds(m.el)).to.have.length(3);
      const { width, height } = m.el.getBoundingClientRect();
      console.log(`${variant} at ${widthPx} px: ${Math.round(height)} px tall`);
      expect(width).to.equal(widthPx);
      expect(height).to.be.at.most(maxHeightPx);
    });
  }
});
