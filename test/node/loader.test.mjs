// The script tag as a loader (contract v1.1, issue #15), in Chromium under a strict CSP: what a
// listing page requests before and after its visitor scrolls to the widget, what happens when a
// file beside the loader was altered (code, stations, a language), and what a host set before the
// element was defined. Requests are counted, never timed. Chromium only (see `before`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/ensure-browsers.mjs';
import { startServer } from '../../scripts/serve.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types safetrade-meetup lit-html";

let browser;
let server;
let base;
before(async () => {
  ({ server, url: base } = await startServer({ headers: { 'content-security-policy': CSP } }));
  // Chromium only, through playwright-core: these tests alter responses on the way (page.route)
  // and watch every request, which the other engines' drivers here do not offer.
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  server?.close();
});

/**
 * Opens a fixture page, recording every request, console message and page error from the start.
 * `tamper`: path pattern → function that alters the response body (as an attacker's CDN would).
 */
async function open(path, { tamper = {}, headers } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.requests = [];
  page.console = [];
  page.errors = [];
  page.on('request', (r) => page.requests.push(new URL(r.url()).pathname));
  page.on('console', (m) => page.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => page.errors.push(e.message));
  for (const [pattern, alter] of Object.entries(tamper)) {
    await page.route(pattern, async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, body: alter(await response.text()) });
    });
  }
  if (headers) {
    await page.route('**/test/fixtures/loader/*.html', async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, headers: { ...response.headers(), ...headers } });
    });
  }
  await page.goto(`${base}${path}`);
  return page;
}

const widgetRequests = (page) => page.requests.filter((p) => p.startsWith('/dist/'));
const scrollToWidget = (page) => page.locator('#meetup').evaluate((el) => el.scrollIntoView());
const firstSuggestion = (page) => page.locator('#meetup [part~="suggestion"]').first();
const alert = (page) => page.locator('#meetup [role="alert"]');
/** Resolves once `check()` holds (polled), or fails after `ms`. */
async function assertEventually(check, ms = 10000) {
  for (const end = Date.now() + ms; !check();) {
    if (Date.now() > end) assert.fail('never happened');
    await new Promise((r) => setTimeout(r, 20));
  }
}
/** Lets the loader's observers and any request it would make run. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));

test('below the fold, a page view fetches the loader and nothing else of the widget', async () => {
  const page = await open('/test/fixtures/loader/below.html');
  await page.waitForLoadState('load');
  await settle(page);
  assert.deepEqual(widgetRequests(page), ['/dist/safetrade-meetup.js']);
  assert.deepEqual(await page.evaluate(() => ({ version: window.SafeTradeMeetup.version, defined: !!customElements.get('safetrade-meetup') })), {
    version: '0.1.0',
    defined: false,
  });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('scrolling near it fetches the code and the dataset at the same time, each once and pinned, and it suggests', async () => {
  const page = await open('/test/fixtures/loader/below.html');
  await page.waitForLoadState('load');
  // Holds the element's code until the dataset was asked for: a loader that waited for the code
  // before fetching the data would never get it, and the test would time out.
  let datasetAsked;
  const asked = new Promise((r) => (datasetAsked = r));
  page.on('request', (r) => r.url().endsWith('/dist/stations.json') && datasetAsked());
  await page.route('**/dist/script/element.*.js', async (route) => {
    await asked;
    route.continue();
  });
  await scrollToWidget(page);
  await firstSuggestion(page).waitFor({ timeout: 15000 });
  // The map's code follows the first suggestion (its own test below): counted here once drawn.
  await page.locator('#meetup svg[part~="map"][role="img"]').waitFor({ timeout: 15000 });
  const requests = widgetRequests(page);
  assert.equal(requests[0], '/dist/safetrade-meetup.js');
  assert.equal(requests.filter((p) => p === '/dist/stations.json').length, 1);
  const code = requests.filter((p) => p.startsWith('/dist/script/'));
  assert.ok(code.some((p) => /^\/dist\/script\/element\./.test(p)));
  assert.equal(new Set(code).size, code.length, `each file once: ${code.join(', ')}`);
  // Nothing on demand was needed: no language, no index, no tiles for 145 stations in English.
  // Nor the checker (the shipped file is pinned), nor weekly opening hours: the NYC stations are
  // "24/7" or have none.
  assert.ok(!code.some((p) => /locale-|dataset|tiles|weekly/.test(p)), code.join(', '));
  const pinned = await page.evaluate(() => [...document.querySelectorAll('script[src*="/dist/script/"]')].map((s) => s.integrity));
  assert.ok(pinned.length === code.length && pinned.every((i) => /^sha256-[\w+/]{43}=$/.test(i)), pinned.join(', '));
  const { violations, events } = await page.evaluate(() => ({ violations: window.violations, events: window.events }));
  assert.deepEqual(violations, []);
  assert.deepEqual(
    events.filter((e) => e.name === 'safetrade-error'),
    [],
  );
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the map comes after the first suggestion, from a pinned file of its own, into a box already its size', async () => {
  const page = await open('/test/fixtures/loader/below.html');
  // Holds the later code (the map, the help, what clicks do) until the card was seen without it:
  // the facts must not wait for it. When it is asked for, the first suggestion is already shown.
  let release;
  const held = new Promise((r) => (release = r));
  const suggestedWhenAsked = [];
  await page.route('**/dist/script/chunk-later.*.js', async (route) => {
    suggestedWhenAsked.push(await page.evaluate(() => !!document.getElementById('meetup').shadowRoot?.querySelector('[part~="suggestion"]')));
    await held;
    route.continue();
  });
  await scrollToWidget(page);
  await firstSuggestion(page).waitFor({ timeout: 15000 });
  const map = page.locator('#meetup [part~="expanded"] svg[part~="map"]');
  const before = await map.evaluate((svg) => ({ box: svg.getBoundingClientRect().toJSON(), role: svg.getAttribute('role'), drawn: svg.childElementCount }));
  assert.equal(await page.locator('#meetup [part~="expanded"] [part~="name"]').isVisible(), true);
  assert.deepEqual([before.role, before.drawn], [null, 0], 'an empty box, no picture yet');
  assert.ok(before.box.height > 100, `the box is reserved: ${JSON.stringify(before.box)}`);
  release();
  await page.locator('#meetup [part~="expanded"] svg[part~="map"][role="img"]').waitFor({ timeout: 15000 });
  const after = await map.evaluate((svg) => ({ box: svg.getBoundingClientRect().toJSON(), label: svg.getAttribute('aria-label') }));
  assert.deepEqual(after.box, before.box, 'drawing the map moved nothing');
  assert.match(after.label, /^Map of /);
  assert.deepEqual(suggestedWhenAsked, [true], 'asked for once, after the first suggestion was on screen');
  const files = widgetRequests(page).filter((p) => /^\/dist\/script\/chunk-later\./.test(p));
  assert.equal(files.length, 1, widgetRequests(page).join(', '));
  const pinned = await page.evaluate(() => document.querySelector('script[src*="/dist/script/chunk-later."]')?.integrity);
  assert.match(pinned ?? '', /^sha256-[\w+/]{43}=$/);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a click whose code cannot load says so (widget-failed), and the next click works', async () => {
  const page = await open('/test/fixtures/loader/below.html');
  // The later code refused (a network failure) until the test lets it through.
  let refuse = true;
  let refused = 0;
  await page.route('**/dist/script/chunk-later.*.js', (route) => (refuse ? (refused++, route.abort()) : route.continue()));
  await scrollToWidget(page);
  await firstSuggestion(page).waitFor({ timeout: 15000 });
  // Asked for after the first suggestion, and refused: the card stays, its map box empty.
  await assertEventually(() => refused >= 1);
  const share = page.locator('#meetup [part~="expanded"] [part~="share"]');
  await share.click();
  await alert(page).waitFor({ timeout: 15000 });
  assert.match(await alert(page).innerText(), /loading the code for sharing failed/);
  assert.deepEqual(
    (await page.evaluate(() => window.events)).filter((e) => e.name === 'safetrade-error').map((e) => e.code),
    ['widget-failed'],
  );
  assert.equal(await firstSuggestion(page).isVisible(), true, 'the card stays');
  refuse = false;
  await share.click();
  await page.waitForFunction(() => window.events.some((e) => e.name === 'safetrade-share'), null, { timeout: 15000 });
  await page.locator('#meetup [part~="expanded"] svg[part~="map"][role="img"]').waitFor({ timeout: 15000 });
  assert.equal(await alert(page).count(), 0, 'the failure is gone once the click worked');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** The widget moved to `lat,lng` before it is seen; the events it fires from then on are in window.heard. */
async function moveWidget(page, seller, extra = {}) {
  await page.evaluate(
    ([seller, extra]) => {
      const el = document.getElementById('meetup');
      window.heard = [];
      el.addEventListener('safetrade-suggest', (e) => window.heard.push(e.detail.suggestions.map((s) => s.station.id)));
      el.addEventListener('safetrade-error', (e) => window.heard.push(e.detail.code));
      el.setAttribute('seller-lat', String(seller.lat));
      el.setAttribute('seller-lng', String(seller.lng));
      el.removeAttribute('buyer-lat');
      el.removeAttribute('buyer-lng');
      for (const [name, value] of Object.entries(extra)) el.setAttribute(name, value);
    },
    [seller, extra],
  );
}

// The shipped station in Washington, DC is the one with weekly hours (08:00-20:00 every day, New York time).
const DC = { lat: 38.9179, lng: -77.038 };

test('weekly opening hours: their code comes only for an answer that reads a timetable, and the first answer already reads it', async () => {
  const page = await open('/test/fixtures/loader/below.html');
  await page.waitForLoadState('load');
  await settle(page);
  // A meeting at 03:00 New York time, when the DC station is closed: the only answer that reads
  // its timetable correctly is "no station open then", never the station itself.
  await moveWidget(page, DC, { 'meet-at': '2026-12-08T03:00:00-05:00' });
  await scrollToWidget(page);
  await alert(page).waitFor({ timeout: 15000 });
  assert.match(await alert(page).textContent(), /open at 2026-12-08T08:00:00\.000Z/);
  // At 10:00 it is open: suggested, with its hours in words.
  await page.evaluate(() => document.getElementById('meetup').setAttribute('meet-at', '2026-12-08T10:00:00-05:00'));
  await firstSuggestion(page).waitFor({ timeout: 15000 });
  assert.equal(await firstSuggestion(page).getAttribute('data-station-id'), 'us-dc-mpd-3d');
  assert.match(await page.locator('#meetup [part~="expanded"] [part~="hours"]').textContent(), /^(Open now · until|Closed · opens) \S/);
  // No answer was announced before the timetable was read: none in reach at 03:00, then the station at 10:00.
  assert.deepEqual(await page.evaluate(() => window.heard), [[], 'no-station', ['us-dc-mpd-3d']]);
  const weekly = widgetRequests(page).filter((p) => /^\/dist\/script\/chunk-weekly\./.test(p));
  assert.equal(weekly.length, 1, widgetRequests(page).join(', '));
  assert.match((await page.evaluate(() => document.querySelector('script[src*="/dist/script/chunk-weekly."]')?.integrity)) ?? '', /^sha256-/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('weekly opening hours whose code was altered: a visible alert and a widget-failed error, never an answer that ignored them', async () => {
  const page = await open('/test/fixtures/loader/below.html', { tamper: { '**/dist/script/chunk-weekly.*.js': (code) => `${code}\n;window.pwned = true;` } });
  await page.waitForLoadState('load');
  await settle(page);
  await moveWidget(page, DC, { 'meet-at': '2026-12-08T03:00:00-05:00' });
  await scrollToWidget(page);
  await alert(page).waitFor({ timeout: 15000 });
  assert.match(await alert(page).textContent(), /loading the code that reads opening hours failed/);
  assert.equal(await page.locator('#meetup [part~="suggestion"]').count(), 0);
  assert.deepEqual(await page.evaluate(() => [window.heard, window.pwned === true]), [['widget-failed'], false]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('loading="eager" fetches the code at once, even far below the fold', async () => {
  const page = await open('/test/fixtures/loader/eager.html');
  await firstSuggestion(page).waitFor({ timeout: 15000 });
  assert.equal(await page.evaluate(() => scrollY), 0);
  await page.context().close();
});

test('an element a page adds later (a chat thread, a client-side route) is found and defined', async () => {
  const page = await open('/test/fixtures/loader/below.html');
  await page.waitForLoadState('load');
  await settle(page);
  await page.evaluate(() => {
    const el = document.createElement('safetrade-meetup');
    el.id = 'later';
    el.setAttribute('seller-lat', '41.8837');
    el.setAttribute('seller-lng', '-87.6278');
    document.body.prepend(el);
  });
  await page.locator('#later [part~="suggestion"]').first().waitFor({ timeout: 15000 });
  assert.match(await page.locator('#later [part~="suggestion"]').first().getAttribute('data-station-id'), /^us-il-chicago-/);
  await page.context().close();
});

test('properties, attributes and listeners a host set before the element was defined all take effect', async () => {
  const page = await open('/test/fixtures/loader/below.html');
  await page.waitForLoadState('load');
  await settle(page);
  await page.evaluate(() => {
    const el = document.getElementById('meetup');
    window.heard = [];
    el.addEventListener('safetrade-suggest', (e) => window.heard.push(e.detail.suggestions.map((s) => s.station.id)));
    el.setAttribute('mode', 'buyer');
    // The viewer's own position unknown: the widget offers the host's geocoder.
    el.removeAttribute('buyer-lat');
    el.removeAttribute('buyer-lng');
    el.stations = [
      { id: 'host-a', name: 'Host station A', address: '1 Host Street', country: 'US', lat: 40.745, lng: -73.988 },
      { id: 'host-b', name: 'Host station B', address: '2 Host Street', country: 'US', lat: 40.8, lng: -73.95 },
    ];
    el.geocoder = async (query) => (query === 'Host Street' ? { lat: 40.79, lng: -73.951 } : null);
  });
  await scrollToWidget(page);
  await firstSuggestion(page).waitFor({ timeout: 15000 });
  const state = await page.evaluate(() => {
    const el = document.getElementById('meetup');
    return {
      heard: window.heard[0],
      mode: el.mode,
      shown: [...el.shadowRoot.querySelectorAll('[part~="suggestion"]')].map((s) => s.dataset.stationId),
    };
  });
  assert.deepEqual(state, { heard: ['host-a', 'host-b'], mode: 'buyer', shown: ['host-a', 'host-b'] });
  // The geocoder set before definition answers the "ZIP code or address" field.
  await page.locator('#meetup [part~="geocoder"] input').fill('Host Street');
  await page.locator('#meetup [part~="geocoder"] input').press('Enter');
  await page.waitForFunction(() => window.heard.length > 1);
  // Ranked for the buyer (mode="buyer"), who is now by host-b.
  assert.deepEqual(await page.evaluate(() => window.heard.at(-1)), ['host-b', 'host-a']);
  // The host's stations were used: the shipped dataset was never fetched.
  assert.ok(!widgetRequests(page).includes('/dist/stations.json'), widgetRequests(page).join(', '));
  await page.context().close();
});

test('await window.SafeTradeMeetup.load() gives a working core without defining the element', async () => {
  const page = await open('/test/fixtures/loader/below.html');
  const result = await page.evaluate(async () => {
    const core = await window.SafeTradeMeetup.load();
    const { stations } = core.parseDataset({
      format: 'safetrade-stations',
      version: 1,
      stations: [{ id: 'a', name: 'A', address: '1 A St', country: 'US', lat: 40.74, lng: -73.99 }],
    });
    let error = '';
    try {
      core.parseDataset({ format: 'not-stations' });
    } catch (e) {
      error = e instanceof core.DatasetError ? 'DatasetError' : String(e);
    }
    return {
      best: core.rankStations(stations, { seller: { lat: 40.741, lng: -73.99 } })[0].station.id,
      km: Math.round(core.distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 1 }) * 100) / 100,
      cell: core.cellCenter({ lat: 40.7413, lng: -73.9897 }),
      error,
      defined: !!customElements.get('safetrade-meetup'),
    };
  });
  assert.deepEqual(result, { best: 'a', km: 111.32, cell: { lat: 40.745, lng: -73.985 }, error: 'DatasetError', defined: false });
  await page.context().close();
});

test('altered widget code is refused: a console error names the file, the element stays undefined, nothing breaks', async () => {
  const page = await open('/test/fixtures/loader/below.html', { tamper: { '**/dist/script/element.*.js': (code) => `${code}\n;window.pwned = true;` } });
  await page.waitForLoadState('load');
  await scrollToWidget(page);
  await page.waitForFunction(() => true);
  await settle(page);
  await settle(page);
  const state = await page.evaluate(() => ({ pwned: window.pwned === true, defined: !!customElements.get('safetrade-meetup') }));
  assert.deepEqual(state, { pwned: false, defined: false });
  const refused = page.console.filter((m) => m.startsWith('error: <safetrade-meetup>:'));
  assert.equal(refused.length, 1, page.console.join('\n'));
  assert.match(refused[0], /dist\/script\/element\.[\w-]+\.js was refused: .*does not match the sha256-/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('altered station coordinates are refused with a visible alert and a safetrade-error, never shown', async () => {
  const page = await open('/test/fixtures/loader/below.html', {
    // One station moved 2 km: the kind of change that sends people to a fake "safe" spot.
    tamper: { '**/dist/stations.json': (json) => json.replace(/"lat":\s*40\.7/, '"lat":40.72') },
  });
  await page.waitForLoadState('load');
  await scrollToWidget(page);
  await alert(page).waitFor({ timeout: 15000 });
  const events = await page.evaluate(() => window.events.filter((e) => e.name === 'safetrade-error'));
  assert.equal(events.length, 1);
  // Served over http://127.0.0.1 (a secure context), the widget can tell an altered file from a network failure.
  assert.equal(events[0].code, 'dataset-invalid');
  assert.match(await alert(page).textContent(), /\S/);
  assert.equal(await page.locator('#meetup [part~="suggestion"]').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an altered language file is refused: English is shown, and the console says which file and why', async () => {
  const page = await open('/test/fixtures/loader/below.html', {
    tamper: { '**/dist/script/locale-es.*.js': (code) => code.replace('Reúnanse', 'Vengan') },
  });
  await page.waitForLoadState('load');
  await page.evaluate(() => document.getElementById('meetup').setAttribute('locale', 'es'));
  await scrollToWidget(page);
  await firstSuggestion(page).waitFor({ timeout: 15000 });
  await page.waitForFunction(() => !/Vengan/.test(document.getElementById('meetup').shadowRoot.textContent));
  const text = await page.locator('#meetup').evaluate((el) => el.shadowRoot.textContent);
  assert.doesNotMatch(text, /Vengan/);
  // English shows while the language loads, so the refusal may be logged after the first suggestion.
  const refused = (m) => /locale-es\.[\w-]+\.js was refused/.test(m);
  if (!page.console.some(refused)) await page.waitForEvent('console', { predicate: (m) => refused(m.text()), timeout: 10000 }).catch(() => {});
  assert.ok(page.console.some(refused), page.console.join('\n'));
  await page.context().close();
});

test('under Trusted Types that allow "safetrade-meetup" and "lit-html", it loads and renders with no violation', async () => {
  const page = await open('/test/fixtures/loader/eager.html', { headers: { 'content-security-policy': `${CSP}; ${TRUSTED_TYPES}` } });
  await firstSuggestion(page).waitFor({ timeout: 15000 });
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('under Trusted Types that do not allow "safetrade-meetup", the console says which policy names to allow', async () => {
  const page = await open('/test/fixtures/loader/eager.html', {
    headers: { 'content-security-policy': `${CSP}; require-trusted-types-for 'script'; trusted-types lit-html` },
  });
  await page.waitForFunction(() => window.violations.length > 0);
  await settle(page);
  assert.ok(
    page.console.some((m) => /^error: <safetrade-meetup>: .*Trusted Types blocked it; allow the policies "safetrade-meetup" and "lit-html"/.test(m)),
    page.console.join('\n'),
  );
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
