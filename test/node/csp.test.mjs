// A host page with a strict Content-Security-Policy (no inline script or style, no eval, fetches
// to its own origin only): the script-tag build must work fully there with no violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, startServer } from './browser.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";

let browser;
let server;
let base;
before(async () => {
  ({ server, url: base } = await startServer({ headers: { 'content-security-policy': CSP } }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

test('the server really sends the policy (an inline script is blocked and reported)', async () => {
  const page = await openPage(browser, `${base}/test/fixtures/csp/index.html`);
  await page.waitForFunction(() => customElements.get('safetrade-meetup'));
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return { inlineRan: window.inlineRan === true, violations: window.violations.length };
  });
  assert.deepEqual(ran, { inlineRan: false, violations: 1 });
  await page.close();
});

test('renders, styles, ranks, selects and shares with no securitypolicyviolation', async () => {
  const page = await openPage(browser, `${base}/test/fixtures/csp/index.html`);
  const first = page.locator('#meetup [part~="suggestion"]').first();
  await first.waitFor({ timeout: 10000 });
  await page.locator('#alone [part~="suggestion"]').first().waitFor({ timeout: 10000 });
  // The shadow styles applied (adoptedStyleSheets: no <style> element, nothing CSP blocks).
  const minHeight = await first.locator('[part~="select"]').evaluate((b) => getComputedStyle(b).minHeight);
  assert.equal(minHeight, '44px');
  await first.locator('[part~="select"]').click();
  await first.locator('[part~="share"]').click();
  await page.waitForFunction(() => window.events.some((e) => e.name === 'safetrade-share'), null, { timeout: 5000 });
  // A widget is added later, and an attribute changes: still nothing reported.
  await page.evaluate(() => {
    const el = document.createElement('safetrade-meetup');
    el.id = 'later';
    el.setAttribute('seller-lat', '41.8837');
    el.setAttribute('seller-lng', '-87.6278');
    document.body.append(el);
    document.getElementById('meetup').setAttribute('mode', 'total');
  });
  await page.locator('#later [part~="suggestion"]').first().waitFor({ timeout: 10000 });
  await page.waitForTimeout(200);
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
  assert.deepEqual(page.problems, []);
  await page.close();
});
