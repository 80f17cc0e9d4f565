#!/usr/bin/env node
// `npm run screenshots`: renders every state of the widget at 320, 390 and 720 px, light and dark,
// in headless Chromium, into screenshots/ (git-ignored) so a person can look at them.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './ensure-chromium.mjs';

const both = { 'seller-lat': '40.7150', 'seller-lng': '-73.9843', 'buyer-lat': '40.7580', 'buyer-lng': '-73.9855' };
const seller = { 'seller-lat': '40.7150', 'seller-lng': '-73.9843' };
const STATES = {
  loading: { attrs: { ...both, 'stations-src': '/never.json' } },
  card: { attrs: both },
  'alternative-opened': { attrs: both, click: ['[part~="show"]'] },
  'directions-menu': { attrs: both, click: ['[part~="directions-menu"]'] },
  // Narrow screens keep the map behind "Map"; this opens it (at 720 px it is already shown).
  'map-open': { attrs: both, click: ['[part~="map-toggle"]:visible'] },
  // Streets from the local tile fixture (test/fixtures/tiles/), as a host's own tile server would serve them.
  'map-tiles': { attrs: { ...both, 'map-tiles': '/test/fixtures/tiles/street.png?z={z}&x={x}&y={y}' }, click: ['[part~="map-toggle"]:visible'] },
  'no-buyer': { attrs: seller, geocoder: true },
  compact: { attrs: { ...both, variant: 'compact' } },
  error: { attrs: { ...both, 'seller-lat': 'forty' } },
  'no-station': { attrs: { ...both, 'max-distance-km': '0.5' } },
  // Far from every station: the nearest one the dataset knows, and what to do instead.
  'no-station-far': { attrs: { 'seller-lat': '41.3083', 'seller-lng': '-72.9279', 'buyer-lat': '41.3300', 'buyer-lng': '-72.9000' } },
  'dataset-fetch': { attrs: { ...both, 'stations-src': '/missing.json' } },
};

const out = new URL('../screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });
const { server, url: origin } = await startServer();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS,
});
let count = 0;
try {
  for (const theme of ['light', 'dark']) {
    for (const width of [320, 390, 720]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
      await page.route('**/never.json', () => {}); // never answered: the loading state
      for (const [name, state] of Object.entries(STATES)) {
        await page.goto(`${origin}/examples/states.html`);
        await page.evaluate(
          ({ attrs, geocoder, theme }) => {
            document.body.className = theme;
            const el = document.createElement('safetrade-meetup');
            for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
            if (geocoder) el.geocoder = async () => null;
            document.getElementById('stage').append(el);
          },
          { ...state, theme },
        );
        await page.waitForTimeout(400);
        for (const selector of state.click ?? []) {
          const target = page.locator(`safetrade-meetup >> ${selector}`).first();
          if (!(await target.count())) continue; // e.g. "Map" where the map is always shown
          await target.click();
          await page.waitForTimeout(150);
        }
        const file = new URL(`${name}-${width}-${theme}.png`, out);
        await page.locator('safetrade-meetup').screenshot({ path: file.pathname });
        count++;
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${count} screenshots in screenshots/`);
