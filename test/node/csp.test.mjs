// A host page with a strict Content-Security-Policy (no inline script or style, no eval, fetches
// to its own origin only): the script-tag build must work fully there with no violation, in
// Chromium, Firefox and WebKit (BROWSERS picks).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eachEngine, shadowText, startWatchedServer } from './browser.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";

let server;
before(async () => {
  server = await startWatchedServer({ headers: { 'content-security-policy': CSP } });
});
after(() => server?.server.close());

const FIRST = '[part~="suggestion"]';

eachEngine((session) => {
  test('the server really sends the policy (an inline script is blocked and reported)', async () => {
    const page = await session.browser.open(`${server.url}/test/fixtures/csp/index.html`, server);
    await page.waitFor(() => !!customElements.get('safetrade-meetup'));
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
    });
    await page.waitFor(() => window.violations.length > 0, undefined, { timeout: 2000, message: 'no securitypolicyviolation' });
    assert.deepEqual(await page.evaluate(() => ({ inlineRan: window.inlineRan === true, violations: window.violations.length })), {
      inlineRan: false,
      violations: 1,
    });
    await page.close();
  });

  test('renders, styles, ranks, selects and shares with no securitypolicyviolation', async () => {
    const page = await session.browser.open(`${server.url}/test/fixtures/csp/index.html`, server);
    await page.waitFor(shadowText, ['#meetup', FIRST]);
    await page.waitFor(shadowText, ['#alone', FIRST]);
    // The shadow styles applied (adoptedStyleSheets: no <style> element, nothing CSP blocks).
    const minHeight = await page.evaluate(
      () => getComputedStyle(document.querySelector('#meetup').shadowRoot.querySelector('[part~="suggestion"] [part~="select"]')).minHeight,
    );
    assert.equal(minHeight, '44px');
    await page.click('#meetup', `${FIRST} [part~="select"]`);
    await page.click('#meetup', `${FIRST} [part~="share"]`);
    await page.waitFor(() => window.events.some((e) => e.name === 'safetrade-share'), undefined, { timeout: 15000 });
    // A widget is added later, and an attribute changes: still nothing reported.
    await page.evaluate(() => {
      const el = document.createElement('safetrade-meetup');
      el.id = 'later';
      el.setAttribute('seller-lat', '41.8837');
      el.setAttribute('seller-lng', '-87.6278');
      document.body.append(el);
      document.getElementById('meetup').setAttribute('mode', 'total');
    });
    await page.waitFor(shadowText, ['#later', FIRST]);
    await new Promise((r) => setTimeout(r, 200));
    const { violations, events } = await page.evaluate(() => ({ violations: window.violations, events: window.events }));
    assert.deepEqual(violations, []);
    assert.deepEqual(
      events.filter((e) => e.name === 'safetrade-error'),
      [],
    );
    for (const name of ['safetrade-ready', 'safetrade-suggest', 'safetrade-select', 'safetrade-share']) {
      assert.ok(
        events.some((e) => e.name === name),
        `${name} fired`,
      );
    }
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });
});
