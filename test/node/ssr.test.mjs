// Server-side rendering and Node tools import the package with no DOM: that must not throw, and
// the core must work there.
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('importing dist/core.js in Node works, and the core ranks stations', async () => {
  const core = await import('../../dist/core.js');
  const { stations } = core.parseDataset({
    format: 'safetrade-stations',
    version: 1,
    stations: [
      { id: 'near', name: 'Near', address: '1 Main St', country: 'US', lat: 40.74, lng: -73.99 },
      { id: 'far', name: 'Far', address: '2 Main St', country: 'US', lat: 40.9, lng: -73.7 },
    ],
  });
  const [best] = core.rankStations(stations, { seller: { lat: 40.741, lng: -73.99 }, buyer: { lat: 40.75, lng: -73.98 } });
  assert.equal(best.station.id, 'near');
  assert.ok(Math.abs(core.distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 1 }) - 111.32) < 0.01);
});

test('importing dist/index.js (element + core) in Node does not throw and defines nothing', async () => {
  assert.equal(typeof globalThis.document, 'undefined', 'this test runs with no DOM');
  const mod = await import('../../dist/index.js');
  assert.equal(typeof mod.SafeTradeMeetupElement, 'function');
  assert.equal(typeof mod.rankStations, 'function');
  assert.equal(mod.TAG, 'safetrade-meetup');
});

test('importing dist/react.js in Node does not throw', async () => {
  const { SafeTradeMeetup } = await import('../../dist/react.js');
  assert.ok(SafeTradeMeetup);
});

test('the React wrapper server-renders the tag', async () => {
  const React = await import('react');
  const { renderToString } = await import('react-dom/server');
  const { SafeTradeMeetup } = await import('../../dist/react.js');
  const markup = renderToString(React.createElement(SafeTradeMeetup, { id: 'meetup', sellerLat: 40.741, sellerLng: -73.99 }));
  assert.match(markup, /^<safetrade-meetup id="meetup"/);
});
