// Every row of docs/BAD-INPUTS.md, driven in Chromium: the bad input goes in, and the error code,
// the message a buyer reads and the detail under it must be exactly what the table says.
// The table lives in test/fixtures/bad-inputs.json; `npm run docs:bad-inputs` writes the page.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { SafeTradeMeetupElement } from '../../src/element/element.js';
import { DEFAULT_LOAD_SETTINGS } from '../../src/element/data/index.js';
import { nyc } from '../fixtures/nyc.js';
import { FakeNetwork, json, status, type Reply } from './fake-network.js';
import { alertText, cleanup, LOWER_EAST_SIDE, MIDTOWN, mount, settled, shadow, suggestionIds } from './helpers.js';

interface Respond {
  status?: number;
  statusText?: string;
  networkError?: string;
  hang?: boolean;
  breakAfter?: string;
  body?: string;
  headers?: Record<string, string>;
  bytes?: number[];
  json?: unknown;
  partly?: 'reject' | 'warn';
}
interface Case {
  input: string;
  attrs?: Record<string, string | null>;
  stations?: unknown;
  respond?: Respond;
  maxBytes?: number;
  geolocation?: number;
  code: string | null;
  detail?: string;
}
interface Table {
  messages: Record<string, string>;
  groups: { title: string; cases: Case[] }[];
}

const table: Table = await (await fetch('/test/fixtures/bad-inputs.json')).json();
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
let unique = 0;

function reply(r: Respond): Reply {
  const headers = { 'content-type': 'application/json', ...r.headers };
  if (r.status) return status(r.status, r.statusText);
  if (r.networkError) return new TypeError(r.networkError);
  if (r.hang) return 'hang';
  if (r.breakAfter !== undefined) {
    const first = new TextEncoder().encode(r.breakAfter);
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(first);
        } else controller.error(new TypeError('network error'));
      },
    });
    return new Response(body, { headers });
  }
  if (r.body !== undefined) return new Response(r.body, { headers });
  if (r.bytes) return new Response(new Uint8Array(r.bytes), { headers });
  if (r.partly === 'reject')
    return json({ ...nyc, stations: [...nyc.stations, { id: 'no-lat', name: 'No lat', address: '1 St', country: 'US', lng: -73.99 }] });
  if (r.partly === 'warn') return json({ ...nyc, stations: [{ ...nyc.stations[0], url: 'javascript:alert(1)' }, ...nyc.stations.slice(1)] });
  return json(r.json);
}

/** What this engine's JSON.parse says about `body`: the part of a detail that is the browser's words, not the widget's. */
function jsonError(body: string | undefined): string {
  try {
    JSON.parse(body ?? '');
  } catch (error) {
    return (error as Error).message;
  }
  return '(valid JSON)';
}

afterEach(() => {
  sinon.restore();
  cleanup();
  SafeTradeMeetupElement.configure(DEFAULT_LOAD_SETTINGS);
});

for (const group of table.groups) {
  describe(`bad inputs: ${group.title.toLowerCase()}`, () => {
    for (const c of group.cases) {
      it(`${c.input.replace(/`/g, '')} → ${c.code ?? 'no error'}`, async () => {
        const warn = sinon.stub(console, 'warn');
        SafeTradeMeetupElement.configure({ timeoutMs: 50, retryDelayMs: 0, ...(c.maxBytes ? { maxBytes: c.maxBytes } : {}) });
        const attrs: Record<string, string | null> = {
          'seller-lat': LOWER_EAST_SIDE.lat,
          'seller-lng': LOWER_EAST_SIDE.lng,
          'buyer-lat': MIDTOWN.lat,
          'buyer-lng': MIDTOWN.lng,
          locale: 'en-US',
          ...c.attrs,
        };
        let props: Record<string, unknown> = { stations: nyc };
        if (c.stations !== undefined) props = { stations: c.stations };
        if (c.attrs?.['stations-src']) props = {};
        if (c.respond) {
          const respond = c.respond;
          new FakeNetwork(() => reply(respond));
          attrs['stations-src'] = `/bad-inputs/${++unique}/stations.json`;
          props = {};
        }
        if (c.geolocation) {
          sinon
            .stub(navigator.geolocation, 'getCurrentPosition')
            .callsFake((_ok, fail) => fail!({ code: c.geolocation, message: '' } as GeolocationPositionError));
          attrs['buyer-lat'] = attrs['buyer-lng'] = null;
        }
        const m = await mount(Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== null)), props);

        if (c.geolocation) {
          await settled(m, () => !!shadow(m.el).querySelector('[part~="locate"]'), 'no "Use my location" button');
          (shadow(m.el).querySelector('[part~="locate"]') as HTMLButtonElement).click();
        }
        if (c.code === null) {
          await settled(m, () => suggestionIds(m.el).length > 0, 'no suggestions');
          expect(m.of('safetrade-error')).to.deep.equal([]);
          expect(alertText(m.el)).to.equal(null);
          expect(warn.callCount, 'one console.warn summary').to.equal(1);
          if (c.respond?.partly === 'reject') expect(m.of('safetrade-ready')[0]!.detail).to.deep.equal({ stations: 96, rejected: 1 });
          return;
        }
        await settled(m, () => m.of('safetrade-error').some((e) => e.detail.code === c.code), `no ${c.code} error`);
        const url = attrs['stations-src'] ? new URL(attrs['stations-src'], location.href).href : '';
        const detail = c.detail!.replaceAll('{url}', url).replaceAll('{json-error}', jsonError(c.respond?.body));
        const event = m.of('safetrade-error').find((e) => e.detail.code === c.code)!;
        expect(event.detail.message).to.equal(detail);
        // What the user sees: the plain-words message, with the detail under it.
        const alert = alertText(m.el)!;
        expect(alert).to.include(squash(table.messages[c.code]!));
        expect(alert).to.include(squash(detail));
        expect(shadow(m.el).querySelector(`[role="alert"] [data-code="${c.code}"]`), 'the alert names its code').to.exist;
        // Options fall back to defaults and keep suggesting; every other error suggests nothing.
        const suggests = c.code === 'option-invalid' || c.code.startsWith('geolocation');
        expect(suggestionIds(m.el).length > 0, 'suggestions shown').to.equal(suggests);
        if (c.code === 'option-invalid') expect(String(warn.firstCall?.args[0])).to.include(detail);
      });
    }
  });
}
