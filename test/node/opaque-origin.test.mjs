// The widget (the built script tag) in a sandboxed frame without allow-same-origin: the frame's
// origin is "null", so fetching the dataset, even from the frame's own server, is a cross-origin
// request the server must allow. When it does not, the message says so, instead of leaving the
// developer at "Check your connection".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eachEngine } from './browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server;
let base;

const frame = (cors) => `<!doctype html><html lang="en"><meta charset="utf-8"><script src="/safetrade-meetup.js"></script>
<safetrade-meetup seller-lat="40.7150" seller-lng="-73.9843" buyer-lat="40.7580" buyer-lng="-73.9855" stations-src="/stations.json${cors ? '?cors' : ''}"></safetrade-meetup>`;

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const html = (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    if (url.pathname === '/host.html')
      return html(
        `<!doctype html><iframe sandbox="${url.searchParams.get('sandbox')}" src="/frame.html${url.searchParams.has('cors') ? '?cors' : ''}"></iframe>`,
      );
    if (url.pathname === '/frame.html') return html(frame(url.searchParams.has('cors')));
    if (url.pathname === '/safetrade-meetup.js')
      return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(`${root}dist/safetrade-meetup.js`));
    // The loader's own files, pinned with SRI: in an opaque origin every request is cross-origin, and
    // a pinned script needs Access-Control-Allow-Origin, as a CDN sends it (docs/EMBEDDING.md).
    if (/^\/script\/[\w.-]+\.js$/.test(url.pathname))
      return res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }).end(readFileSync(`${root}dist${url.pathname}`));
    if (url.pathname === '/stations.json') {
      // Only with ?cors does the server allow other origins (as a public dataset host would).
      const cors = url.searchParams.has('cors') ? { 'access-control-allow-origin': '*' } : {};
      return res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(readFileSync(`${root}dist/stations.json`));
    }
    res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => server?.close());

/** Opens the host page and waits for the framed widget to answer: its suggestions, or its error and alert. */
async function framed(browser, query) {
  const page = await browser.open(`${base}/host.html?${query}`, server);
  const result = await page.frameEvaluate(
    () =>
      new Promise((resolve) => {
        const el = document.querySelector('safetrade-meetup');
        const alert = () => el.shadowRoot.querySelector('[role="alert"]')?.textContent.replace(/\s+/g, ' ').trim();
        const check = () => {
          // With the script tag the element is defined once the loader's files have run.
          if (!el.shadowRoot) return setTimeout(check, 50);
          const ids = [...el.shadowRoot.querySelectorAll('[part~="suggestion"]')].map((n) => n.getAttribute('data-station-id'));
          if (ids.length || alert()) resolve({ origin: self.origin, suggestions: ids.length, alert: alert() ?? null, errors: window.errors });
          else setTimeout(check, 50);
        };
        window.errors = [];
        el.addEventListener('safetrade-error', (e) => window.errors.push(e.detail));
        check();
      }),
  );
  await page.close();
  return result;
}

eachEngine((session) => {
  test('in a sandboxed frame, a dataset server that does not allow other origins: the message names the opaque origin', async () => {
    const r = await framed(session.browser, 'sandbox=allow-scripts');
    assert.equal(r.origin, 'null');
    assert.equal(r.suggestions, 0);
    assert.match(r.alert, /This page has an opaque origin \("null": a sandboxed frame without allow-same-origin\), so the request is cross-origin/);
    assert.match(r.alert, /Access-Control-Allow-Origin/);
  });

  test('the same frame with allow-same-origin, or a server that allows other origins, shows suggestions', async () => {
    for (const query of ['sandbox=allow-scripts%20allow-same-origin', 'sandbox=allow-scripts&cors']) {
      const r = await framed(session.browser, query);
      assert.equal(r.suggestions, 3, query);
      assert.equal(r.alert, null, query);
    }
  });
});
