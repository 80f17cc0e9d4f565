// Privacy and security audit of a whole session, end to end: the built script on a marketplace
// page, a dataset on another origin, real Chromium driven by playwright-core. The session is what
// a buyer (or a seller) does: load, see suggestions, "Use my location" with a stubbed position,
// "Suggest this station", "Copy message". Then we look for everything that must not have happened.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/ensure-chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SELLER = { lat: 40.741, lng: -73.9897 }; // what the host gives as the listing's location
const BUYER = { lat: 40.758, lng: -73.9855 }; // what the host gives as the buyer's, or geolocation finds

/** Starts a server on 127.0.0.1 (a random port); every request it sees is recorded. */
async function serve(handler) {
  const seen = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers });
    handler(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, seen, close: () => new Promise((r) => server.close(r)) };
}

const page = (datasetUrl, attrs) => `<!doctype html>
<html lang="en-US"><head><meta charset="utf-8"><title>Listing</title>
<script src="/dist/safetrade-meetup.js"></script></head>
<body><h1>Road bike, barely used</h1>
<safetrade-meetup ${Object.entries({ ...attrs, 'stations-src': datasetUrl })
  .map(([k, v]) => `${k}="${v}"`)
  .join(' ')}></safetrade-meetup>
</body></html>`;

/** Installed before any page script: records events, geolocation calls and every attempt to store anything. */
function instrument() {
  const log = (window.__audit = { events: [], geo: [], writes: [] });
  for (const type of ['safetrade-ready', 'safetrade-suggest', 'safetrade-select', 'safetrade-share', 'safetrade-report', 'safetrade-error'])
    document.addEventListener(type, (e) => log.events.push({ type, detail: JSON.stringify(e.detail) }), true);
  for (const method of ['getCurrentPosition', 'watchPosition']) {
    const original = Geolocation.prototype[method];
    Geolocation.prototype[method] = function (...args) {
      log.geo.push({ method, duringClick: navigator.userActivation.isActive });
      return original.apply(this, args);
    };
  }
  const spy = (object, name, what) => {
    const original = object[name];
    object[name] = function (...args) {
      log.writes.push(`${what}(${String(args[0]).slice(0, 40)})`);
      return original.apply(this, args);
    };
  };
  spy(Storage.prototype, 'setItem', 'Storage.setItem');
  spy(IDBFactory.prototype, 'open', 'indexedDB.open');
  spy(CacheStorage.prototype, 'open', 'caches.open');
  if (navigator.serviceWorker) spy(ServiceWorkerContainer.prototype, 'register', 'serviceWorker.register');
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    get() {
      return cookie.get.call(this);
    },
    set(value) {
      log.writes.push(`document.cookie=${String(value).slice(0, 40)}`);
      cookie.set.call(this, value);
    },
  });
}

/** The other party's coordinates in every way a number can be written. */
function spellings({ lat, lng }) {
  const out = new Set();
  for (const v of [lat, lng]) {
    for (const digits of [3, 4, 5, 6]) {
      const fixed = v.toFixed(digits);
      out.add(fixed).add(fixed.replace('.', ',')).add(fixed.replace(/^-/, '')).add(fixed.replace(/^-/, '').replace('.', ','));
    }
    out
      .add(String(v))
      .add(String(Math.round(Math.abs(v) * 1e4)))
      .add(String(Math.round(Math.abs(v) * 1e5)));
    const a = Math.abs(v);
    const deg = Math.floor(a);
    const min = Math.floor((a - deg) * 60);
    out.add(`${deg}°${min}′`).add(`${deg}°${min}'`).add(`${deg}° ${min}′`).add(`${deg}° ${min}'`);
  }
  return [...out];
}

/** The listing pages, by path: their URLs carry no coordinates, so none can leak through them. */
const listings = new Map();
let pageServer;
/** Whether `text` holds the number `spelling` itself, not merely as the start of a longer, more precise number (a station's). */
const mentions = (text, spelling) =>
  new RegExp(`(?<![\\d.,])${spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${/\d$/.test(spelling) ? '(?!\\d)' : ''}`).test(text);
let dataServer;
let browser;
const dataset = await readFile(join(root, 'dist/stations.json')).catch(() => null);

before(async () => {
  assert.ok(dataset && existsSync(join(root, 'dist/safetrade-meetup.js')), 'dist/ is not built: run `npm run build` (npm test does)');
  pageServer = await serve(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (listings.has(path)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(listings.get(path));
    } else if (path.startsWith('/dist/') && !path.includes('..')) {
      const body = await readFile(join(root, path)).catch(() => null);
      if (!body) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': extname(path) === '.js' ? 'text/javascript' : 'application/json' }).end(body);
    } else res.writeHead(404).end();
  });
  // The dataset's host tries to track: it sets a cookie. A cross-origin fetch without credentials must not keep it.
  dataServer = await serve((req, res) => {
    res
      .writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'set-cookie': 'tracker=1; Path=/; SameSite=None' })
      .end(dataset);
  });
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  await pageServer?.close();
  await dataServer?.close();
});

const SESSIONS = [
  // A buyer on a listing: the host gives the seller's location, the buyer's own comes from geolocation.
  { viewer: 'buyer', other: SELLER, own: BUYER, locates: true, attrs: { 'seller-lat': SELLER.lat, 'seller-lng': SELLER.lng } },
  // A seller answering a buyer: the host gives both; the widget must still not show the buyer's.
  {
    viewer: 'seller',
    other: BUYER,
    own: SELLER,
    locates: false,
    attrs: { 'seller-lat': SELLER.lat, 'seller-lng': SELLER.lng, 'buyer-lat': BUYER.lat, 'buyer-lng': BUYER.lng },
  },
];

for (const { viewer, other: given, own: located, locates, attrs: positions } of SESSIONS) {
  const attrs = { ...positions, viewer, locale: 'en-US' };

  describe(`a whole session, viewed by the ${viewer}`, () => {
    let audit;
    let requests;
    let context;
    let tab;
    let seenBefore;

    before(async () => {
      context = await browser.newContext({
        geolocation: { latitude: located.lat, longitude: located.lng, accuracy: 20 },
        permissions: ['geolocation', 'clipboard-read', 'clipboard-write'],
      });
      requests = [];
      context.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '', headers: r.headers() }));
      tab = await context.newPage();
      await tab.addInitScript(instrument);
      listings.set(`/listing-${viewer}`, page(`${dataServer.origin}/stations.json`, attrs));
      seenBefore = dataServer.seen.length;
      await tab.goto(`${pageServer.origin}/listing-${viewer}`);
      await tab.locator('safetrade-meetup [part~="suggestion"]').first().waitFor();
      audit = { geoBeforeClick: await tab.evaluate(() => window.__audit.geo.length) };
      if (locates) await tab.locator('safetrade-meetup [part~="locate"]').click();
      await tab.locator('safetrade-meetup [part~="distance"]', { hasText: 'from you' }).first().waitFor();
      await tab.locator('safetrade-meetup [part~="select"]').first().click();
      await tab.locator('safetrade-meetup [part~="share"]').first().click();
      await tab.waitForFunction(() => window.__audit.events.some((e) => e.type === 'safetrade-share'));
      Object.assign(
        audit,
        await tab.evaluate(async () => {
          const el = document.querySelector('safetrade-meetup');
          const nodes = [...el.shadowRoot.querySelectorAll('*')];
          return {
            ...window.__audit,
            hostAttributes: [...el.attributes].map((a) => `${a.name}=${a.value}`),
            text: el.shadowRoot.textContent + nodes.map((n) => ('value' in n && typeof n.value === 'string' ? n.value : '')).join(' '),
            attributes: nodes.flatMap((n) => [...n.attributes].map((a) => `${a.name}=${a.value}`)),
            links: nodes.filter((n) => n.href).map((n) => n.href),
            distances: nodes.filter((n) => n.part.contains('distance')).map((n) => n.textContent.trim()),
            clipboard: await navigator.clipboard.readText().catch(() => ''),
            storage: {
              cookie: document.cookie,
              local: localStorage.length,
              session: sessionStorage.length,
              indexedDB: (await indexedDB.databases()).map((d) => d.name),
              caches: await caches.keys(),
              serviceWorkers: (await navigator.serviceWorker?.getRegistrations())?.length ?? 0,
            },
          };
        }),
      );
      audit.cookies = await context.cookies();
    });

    after(() => context?.close());

    it(locates ? 'asks for geolocation only from the click on "Use my location", once' : 'never asks for geolocation when nobody clicks for it', () => {
      assert.equal(audit.geoBeforeClick, 0);
      assert.deepEqual(audit.geo, locates ? [{ method: 'getCurrentPosition', duringClick: true }] : []);
    });

    it('sends requests only to the page’s origin and the dataset’s origin', () => {
      const origins = new Set(requests.map((r) => new URL(r.url).origin));
      assert.deepEqual(
        [...origins].filter((o) => o !== pageServer.origin && o !== dataServer.origin),
        [],
      );
      assert.equal(dataServer.seen.length - seenBefore, 1);
    });

    it('tells the dataset’s host nothing: no cookie, no referrer, no position', () => {
      const hit = dataServer.seen[seenBefore];
      assert.equal(hit.url, '/stations.json');
      assert.equal(hit.headers.cookie, undefined);
      assert.equal(hit.headers.referer, undefined);
      for (const r of requests) for (const s of [...spellings(located), ...spellings(given)]) assert.ok(!mentions(r.url + r.body, s), `${s} sent in ${r.url}`);
    });

    it('stores nothing: no cookie, localStorage, sessionStorage, IndexedDB, cache or service worker', () => {
      assert.deepEqual(audit.writes, []);
      assert.deepEqual(audit.storage, { cookie: '', local: 0, session: 0, indexedDB: [], caches: [], serviceWorkers: 0 });
      assert.deepEqual(audit.cookies, []); // not even the dataset host's Set-Cookie
    });

    it(`shows, links, shares and reports the ${viewer === 'buyer' ? 'seller' : 'buyer'}’s location nowhere, in no spelling`, () => {
      assert.ok(
        audit.text.includes('Suggest this station') && audit.links.length > 0 && audit.clipboard.length > 0,
        'the session did not get far enough to be audited',
      );
      const places = {
        'rendered text': audit.text,
        attributes: audit.attributes.join('\n'),
        'attributes, URL-decoded': decodeURIComponent(audit.attributes.join('\n')),
        links: audit.links.join('\n'),
        'the share message': audit.events
          .filter((e) => e.type === 'safetrade-share')
          .map((e) => e.detail)
          .join('\n'),
        'the clipboard': audit.clipboard,
        events: audit.events.map((e) => e.detail).join('\n'),
      };
      for (const [where, content] of Object.entries(places))
        for (const s of spellings(given)) assert.ok(!mentions(content, s), `the other party's ${s} appears in ${where}`);
    });

    it('puts the viewer’s own position in no event, and writes nothing back to the page', () => {
      const events = audit.events.map((e) => e.detail).join('\n');
      for (const s of spellings(located)) assert.ok(!mentions(events, s), `${s} in an event`);
      const positionsOnPage = audit.hostAttributes.filter((a) => /^(seller|buyer)-l/.test(a));
      assert.deepEqual(
        positionsOnPage,
        Object.entries(positions).map(([k, v]) => `${k}=${v}`),
      );
    });

    it('gives the other party’s distance only in steps of at least half a unit', () => {
      const other = viewer === 'buyer' ? 'seller' : 'buyer';
      assert.ok(audit.distances.length > 0);
      for (const line of audit.distances) {
        const m = new RegExp(`about ([\\d.]+) (mi|km) for the ${other}`).exec(line);
        assert.ok(m, line);
        assert.equal((Number(m[1]) * 2) % 1, 0, line);
      }
    });
  });
}
