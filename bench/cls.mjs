#!/usr/bin/env node
// `npm run bench:cls`: Cumulative Layout Shift of a host page while the widget loads and answers,
// in headless Chromium (layout-shift entries, as Core Web Vitals counts them). The page has
// content below the widget, the worst case; each run compares the space the host reserves.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/ensure-chromium.mjs';
import { startServer } from '../scripts/serve.mjs';

const page = (reserve) => `<!doctype html><html lang="en-US"><head><meta charset="utf-8">
<script src="/dist/safetrade-meetup.js" defer></script>
<style>body{margin:0;font-family:system-ui;width:720px}${reserve ? `safetrade-meetup:not(:defined),safetrade-meetup{display:block;min-height:${reserve}px}` : ''}</style></head>
<body><h1>Listing</h1><p>Item text.</p><safetrade-meetup seller-lat="40.715" seller-lng="-73.9843" buyer-lat="40.758" buyer-lng="-73.9855" variant="VARIANT"></safetrade-meetup>
<footer style="height:400px;background:#eee">Content below the widget</footer></body></html>`;

const { server, url } = await startServer();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
console.log('variant  reserved (px)  final height (px)  CLS (median of 5)');
try {
  for (const [variant, reserves] of [
    ['card', [0, 280, 900]],
    ['compact', [0, 64]],
  ]) {
    for (const reserve of reserves) {
      const runs = [];
      let height = 0;
      for (let i = 0; i < 5; i++) {
        const p = await browser.newPage({ viewport: { width: 720, height: 1400 } });
        await p.route('**/cls-host.html', (route) => route.fulfill({ contentType: 'text/html', body: page(reserve).replace('VARIANT', variant) }));
        await p.addInitScript(() => {
          window.__cls = 0;
          new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__cls += e.hadRecentInput ? 0 : e.value))).observe({
            type: 'layout-shift',
            buffered: true,
          });
        });
        await p.goto(`${url}/cls-host.html`);
        await p.waitForFunction(() => document.querySelector('safetrade-meetup')?.shadowRoot?.querySelector('[part~="suggestion"]'));
        await p.waitForTimeout(300);
        runs.push(await p.evaluate(() => window.__cls));
        height = await p.evaluate(() => document.querySelector('safetrade-meetup').getBoundingClientRect().height);
        await p.close();
      }
      runs.sort((a, b) => a - b);
      console.log(`${variant.padEnd(9)}${String(reserve).padStart(13)}${String(Math.round(height)).padStart(19)}  ${runs[2].toFixed(4)}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
