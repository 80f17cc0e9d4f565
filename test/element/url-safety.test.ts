// A stations-src may carry credentials (https://user:secret@host/…): whatever the widget prints
// (the alert, the safetrade-error event, the console) shows the URL with them replaced by ***.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { SafeTradeMeetupElement } from '../../src/element/element.js';
import { DEFAULT_LOAD_SETTINGS } from '../../src/element/data/index.js';
import { redactCredentials } from '../../src/element/printable.js';
import { nyc } from '../fixtures/nyc.js';
import { FakeNetwork, json, status, text } from './fake-network.js';
import { alertText, cleanup, LOWER_EAST_SIDE, MIDTOWN, mount, settled, suggestionIds } from './helpers.js';

const positions = { 'seller-lat': LOWER_EAST_SIDE.lat, 'seller-lng': LOWER_EAST_SIDE.lng, 'buyer-lat': MIDTOWN.lat, 'buyer-lng': MIDTOWN.lng, locale: 'en-US' };
let run = 0;
const secretUrl = (path: string) => `https://buyer:s3cr3t-pass@data.example/${++run}/${path}`;

beforeEach(() => SafeTradeMeetupElement.configure({ retryDelayMs: 0 }));
afterEach(() => {
  sinon.restore();
  cleanup();
  SafeTradeMeetupElement.configure(DEFAULT_LOAD_SETTINGS);
});

/** Everything the widget printed: its error events, its alert, and the console. */
async function printed(attrs: Record<string, string>, expectSuggestions = false) {
  const warn = sinon.stub(console, 'warn');
  const error = sinon.stub(console, 'error');
  const m = await mount({ ...positions, ...attrs });
  if (expectSuggestions) await settled(m, () => suggestionIds(m.el).length > 0, 'no suggestions');
  else await settled(m, () => m.of('safetrade-error').length > 0, 'no error');
  const logged = [...warn.args, ...error.args].flat().map(String);
  return { events: m.of('safetrade-error').map((e) => e.detail.message as string), alert: alertText(m.el) ?? '', console: logged };
}

describe('credentials in a stations-src are never printed', () => {
  it("the browser's own refusal to fetch a URL with credentials: shown with *** in the alert and the event", async () => {
    const url = secretUrl('stations.json');
    const out = await printed({ 'stations-src': url });
    expect(out.events).to.have.length(1);
    expect(out.events[0]).to.match(/^could not fetch https:\/\/\*\*\*@data\.example\/\d+\/stations\.json: /);
    expect(out.alert).to.include('https://***@data.example/');
    expect(JSON.stringify(out)).not.to.match(/s3cr3t|buyer:/);
  });

  for (const [what, reply, message] of [
    ['an HTTP 404', () => status(404), /could not fetch https:\/\/\*\*\*@data\.example\/\d+\/x\.json: HTTP 404$/],
    [
      'an HTML page',
      () => text('<!doctype html><title>Sign in</title>', { headers: { 'content-type': 'text/html' } }),
      /^https:\/\/\*\*\*@data\.example\/\d+\/x\.json is not JSON: it looks like HTML/,
    ],
    [
      'a dataset with no usable station',
      () => json({ format: 'safetrade-stations', version: 1, stations: [{ id: 'a' }] }),
      /^https:\/\/\*\*\*@data\.example\/\d+\/x\.json has no usable station/,
    ],
  ] as const) {
    it(`${what}: the message names the URL with *** for its credentials`, async () => {
      new FakeNetwork(() => reply());
      const out = await printed({ 'stations-src': secretUrl('x.json') });
      expect(out.events[0]).to.match(message);
      expect(out.alert).to.include('https://***@data.example/');
      expect(JSON.stringify(out)).not.to.include('s3cr3t');
    });
  }

  it('the console summary of rejected stations names the URL with *** too', async () => {
    new FakeNetwork(() => json({ ...nyc, stations: [...nyc.stations, { id: 'no-lat', name: 'x', address: 'x', country: 'US', lng: -73.99 }] }));
    const out = await printed({ 'stations-src': secretUrl('x.json') }, true);
    expect(out.console).to.have.length(1);
    expect(out.console[0]).to.match(/^<safetrade-meetup>: https:\/\/\*\*\*@data\.example\/\d+\/x\.json: using 96 stations; rejected 1/);
    expect(JSON.stringify(out)).not.to.include('s3cr3t');
  });
});

describe('redactCredentials', () => {
  it('replaces the user and password of every URL in a text, and nothing else', () => {
    expect(redactCredentials('https://user:secret@host/x')).to.equal('https://***@host/x');
    expect(redactCredentials('could not fetch http://token@host:8080/a.json: HTTP 404')).to.equal('could not fetch http://***@host:8080/a.json: HTTP 404');
    expect(redactCredentials('https://a@b:c@host/ and ftp://u:p@files.example')).to.equal('https://***@host/ and ftp://***@files.example');
    expect(redactCredentials('https://host/path@x?email=a@b.example#me@there')).to.equal('https://host/path@x?email=a@b.example#me@there');
    expect(redactCredentials('mailto:someone@example.org, https://host/x')).to.equal('mailto:someone@example.org, https://host/x');
  });
});
