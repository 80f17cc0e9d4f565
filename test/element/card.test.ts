// The "meet at a station" prompt: the card, alternatives, actions, location, map, theming, a11y.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { Station } from '../../src/core/types.js';
import { render, svg } from 'lit';
import { cellBounds, renderMap } from '../../src/element/map.js';
import { setViewport } from '../engine.js';
import { nyc } from '../fixtures/nyc.js';
import { alertText, cleanup, LOWER_EAST_SIDE, mapDrawn, MIDTOWN, mount, settled, shadow, suggestionIds, type Mounted } from './helpers.js';

const both = { 'seller-lat': LOWER_EAST_SIDE.lat, 'seller-lng': LOWER_EAST_SIDE.lng, 'buyer-lat': MIDTOWN.lat, 'buyer-lng': MIDTOWN.lng, locale: 'en-US' };
const sellerOnly = { 'seller-lat': LOWER_EAST_SIDE.lat, 'seller-lng': LOWER_EAST_SIDE.lng, locale: 'en-US' };
const ready = (m: Mounted) => settled(m, () => m.of('safetrade-suggest').length > 0 || m.of('safetrade-error').length > 0);
const $ = <T extends Element = HTMLElement>(m: Mounted, selector: string) => shadow(m.el).querySelector<T>(selector);
const $$ = (m: Mounted, selector: string) => [...shadow(m.el).querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The 13th Precinct as a richer dataset would describe it. */
const rich: Station = {
  ...nyc.stations.find((s) => s.id === 'nypd-pct-013')!,
  spot: 'In front of the station house, by the exchange-zone sign',
  features: ['video', 'lit', 'signage', 'staffed'],
  verified: '2026-11-02',
  url: 'https://www.nyc.gov/site/nypd/bureaus/patrol/precincts/13th-precinct.page',
  phone: '+1 212-477-7411',
};
const richStations = nyc.stations.map((s) => (s.id === rich.id ? rich : s));

afterEach(() => {
  sinon.restore();
  cleanup();
});

describe('the best station as a card', () => {
  it('shows name, agency, address, spot, hours, safety features as words, distances and why', async () => {
    const m = await mount(both, { stations: richStations });
    await ready(m);
    const card = $(m, '[part~="expanded"]')!;
    expect(card.getAttribute('data-station-id')).to.equal('nypd-pct-013');
    expect(text(card.querySelector('[part~="badge"]'))).to.equal('Best for both of you');
    expect(text(card.querySelector('[part~="name"]'))).to.equal('NYPD 13th Precinct');
    expect(text(card.querySelector('[part~="agency"]'))).to.equal('New York City Police Department');
    expect(text(card.querySelector('[part~="address"]'))).to.equal('230 East 21st Street, New York, NY 10010');
    expect(text(card.querySelector('[part~="spot"]'))).to.equal('Where to stand: In front of the station house, by the exchange-zone sign');
    expect(text(card.querySelector('[part~="hours"]'))).to.equal('Open 24/7');
    expect([...card.querySelectorAll('[part~="feature"]')].map(text)).to.deep.equal(['Video-recorded', 'Well lit', 'Signed exchange zone', 'Staffed']);
    expect(text(card.querySelector('[part~="distance"]'))).to.equal('1.5 mi from you · about 1.5 mi for the seller');
    // max(1.51 mi, 1.47 mi) rounded *up* to a half mile: true, and no finer than the coarse distance.
    expect(text(card.querySelector('[part~="why"]'))).to.equal('Neither of you travels more than 2 mi.');
  });

  it('says why in each mode', async () => {
    const m = await mount({ ...both, mode: 'total' }, { stations: nyc });
    await ready(m);
    expect(text($(m, '[part~="why"]'))).to.match(/^The least travel for the two of you together: about [\d.]+ mi\.$/);
    m.el.mode = 'buyer';
    await m.el.updateComplete;
    expect(text($(m, '[part~="why"]'))).to.equal('The closest station to you.');
    m.el.removeAttribute('buyer-lat');
    m.el.removeAttribute('buyer-lng');
    await m.el.updateComplete;
    expect(text($(m, '[part~="why"]'))).to.equal('The closest station to the listing.');
    expect(text($(m, '[part~="badge"]'))).to.equal('Closest to the listing');
  });

  it('shows hours as written when a station has weekly hours', async () => {
    const weekly: Station = {
      id: 'lobby',
      name: 'Lobby',
      address: '1 Main St',
      country: 'US',
      lat: 40.73,
      lng: -73.99,
      hours: { mo: ['08:00-20:00'], sa: [] },
    };
    const m = await mount(sellerOnly, { stations: [weekly] });
    await ready(m);
    expect(text($(m, '[part~="hours"]'))).to.equal('Hours: Mon 8:00 AM–8:00 PM · Sat closed');
  });

  it('puts the station’s details, its verified date and a report control in a disclosure', async () => {
    const m = await mount(both, { stations: richStations });
    await ready(m);
    const details = $<HTMLDetailsElement>(m, '[part~="details"]')!;
    expect(text(details)).to.include('Details checked on Nov 2, 2026');
    expect(text(details)).to.include('Phone: +1 212-477-7411');
    expect(details.querySelector('a')!.href).to.equal(rich.url);
    expect(details.querySelector('a[href^="tel:"]')).to.equal(null);
    (details.querySelector('[part~="report"]') as HTMLButtonElement).click();
    await m.el.updateComplete;
    expect(m.of('safetrade-report').map((e) => e.detail.station.id)).to.deep.equal(['nypd-pct-013']);
    expect(m.of('safetrade-report')[0]!.detail.station).to.deep.equal(rich);
    expect(text(details)).to.include('Thanks. Your report was passed on.');
  });
});

describe('alternatives', () => {
  it('are compact rows; choosing one makes it the card and moves focus to it', async () => {
    const m = await mount(both, { stations: nyc });
    await ready(m);
    const [, second] = suggestionIds(m.el);
    const row = $(m, `[data-station-id="${second}"]`)!;
    expect(row.getAttribute('part')).to.equal('suggestion');
    expect(row.querySelector('[part~="map"]')).to.equal(null);
    const show = row.querySelector<HTMLButtonElement>('[part~="show"]')!;
    expect(show.getAttribute('aria-expanded')).to.equal('false');
    show.click();
    await m.el.updateComplete;
    expect($(m, '[part~="expanded"]')!.getAttribute('data-station-id')).to.equal(second);
    expect(suggestionIds(m.el)).to.deep.equal(['nypd-pct-013', 'nypd-td-04', 'nypd-pct-006']); // still best first
    expect(shadow(m.el).activeElement?.closest('[part~="suggestion"]')?.getAttribute('data-station-id')).to.equal(second);
    expect($(m, '[data-station-id="nypd-pct-013"]')!.getAttribute('part')).to.equal('suggestion best');
  });

  it('are one line each, and every suggestion, once opened, carries select, share and directions controls', async () => {
    const m = await mount(both, { stations: nyc });
    m.el.style.width = '390px';
    await ready(m);
    for (const row of $$(m, '[part~="suggestion"]:not([part~="expanded"])')) {
      expect(row.querySelectorAll('button, a')).to.have.length(1); // just the way to open it
      expect(row.getBoundingClientRect().height, row.dataset.stationId).to.be.below(70);
    }
    for (const id of suggestionIds(m.el)) {
      $<HTMLButtonElement>(m, `[data-station-id="${id}"] [part~="show"]`)?.click();
      await m.el.updateComplete;
      const node = $(m, `[data-station-id="${id}"]`)!;
      expect(node.getAttribute('part')).to.include('expanded');
      expect(node.querySelector('[part~="select"]'), node.dataset.stationId).to.exist;
      expect(node.querySelector('[part~="share"]'), node.dataset.stationId).to.exist;
      expect(node.querySelector('[part~="directions"]'), node.dataset.stationId).to.exist;
    }
  });
});

describe('actions', () => {
  it('"Suggest this station" fires safetrade-select and confirms it politely', async () => {
    const m = await mount(both, { stations: nyc });
    await ready(m);
    $<HTMLButtonElement>(m, '[part~="expanded"] [part~="select"]')!.click();
    await m.el.updateComplete;
    const { suggestion } = m.of('safetrade-select')[0]!.detail;
    expect(suggestion.station.id).to.equal('nypd-pct-013');
    expect(suggestion.sellerKm).to.be.closeTo(2.43, 0.01);
    expect(text($(m, '[role="status"]'))).to.equal('You suggested NYPD 13th Precinct.');
  });

  it('the meeting message has station, address, hours, spot, directions and a safety line — and no one’s location', async () => {
    sinon.stub(navigator.clipboard, 'writeText').resolves();
    const m = await mount(both, { stations: richStations });
    await ready(m);
    $<HTMLButtonElement>(m, '[part~="expanded"] [part~="share"]')!.click();
    await settled(m, () => m.of('safetrade-share').length > 0);
    const { text: message } = m.of('safetrade-share')[0]!.detail;
    expect(message.split('\n')).to.deep.equal([
      'Let’s meet at NYPD 13th Precinct, 230 East 21st Street, New York, NY 10010.',
      'Open 24/7',
      'Spot: In front of the station house, by the exchange-zone sign.',
      `Directions: https://www.google.com/maps/dir/?api=1&destination=${rich.lat},${rich.lng}`,
      'Meeting at a station is free and recorded. Someone who refuses to meet at one is a warning sign.',
    ]);
  });

  it('uses the Web Share API where it exists, and fires nothing when the viewer cancels', async () => {
    const share = sinon.stub().onFirstCall().resolves().onSecondCall().rejects(new DOMException('cancelled', 'AbortError'));
    Object.defineProperty(navigator, 'share', { value: share, configurable: true });
    Object.defineProperty(navigator, 'canShare', { value: () => true, configurable: true });
    try {
      const m = await mount(both, { stations: nyc });
      await ready(m);
      const button = $<HTMLButtonElement>(m, '[part~="expanded"] [part~="share"]')!;
      expect(text(button)).to.equal('Share');
      button.click();
      await settled(m, () => m.of('safetrade-share').length === 1);
      expect(m.of('safetrade-share')[0]!.detail.method).to.equal('share');
      button.click();
      await new Promise((r) => setTimeout(r, 20));
      expect(share.callCount).to.equal(2);
      expect(m.of('safetrade-share')).to.have.length(1);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).share;
      delete (navigator as unknown as Record<string, unknown>).canShare;
    }
  });

  it('offers directions as one menu of Google Maps, Apple Maps and OpenStreetMap, to the station only', async () => {
    const m = await mount(both, { stations: nyc });
    await ready(m);
    expect($$(m, '[part~="directions-menu"]')).to.have.length(1); // one control, not three links per suggestion
    const links = [...$(m, '[part~="expanded"]')!.querySelectorAll<HTMLAnchorElement>('a[part~="directions"]')];
    expect(links.map((a) => new URL(a.href).hostname)).to.deep.equal(['www.google.com', 'maps.apple.com', 'www.openstreetmap.org']);
    for (const a of links) {
      expect(a.href).to.include(`${rich.lat},${rich.lng}`);
      expect(a.href).not.to.include(LOWER_EAST_SIDE.lat);
      expect(a.href).not.to.include(MIDTOWN.lat);
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.equal('noopener noreferrer');
      expect(a.getAttribute('aria-label')).to.match(/^Directions to NYPD 13th Precinct in .+ \(opens in a new tab\)$/);
      expect(new URL(a.href).protocol).to.equal('https:');
    }
  });

  it('the directions menu opens from the keyboard, and Escape closes it and gives focus back', async () => {
    const m = await mount(both, { stations: nyc });
    await ready(m);
    const menu = $<HTMLDetailsElement>(m, '[part~="expanded"] details:has([part~="directions-menu"])')!;
    const toggle = menu.querySelector<HTMLElement>('summary')!;
    expect(menu.open).to.equal(false);
    expect(menu.querySelector('a')!.checkVisibility()).to.equal(false); // closed: the links are not shown
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    expect(menu.open).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(shadow(m.el).activeElement?.getAttribute('part')).to.equal('directions');
    expect(text(shadow(m.el).activeElement)).to.equal('Google Maps');
    await sendKeys({ press: 'Escape' });
    expect(menu.open).to.equal(false);
    expect(shadow(m.el).activeElement).to.equal(toggle);
    // Focus moving on past the menu closes it too.
    await sendKeys({ press: 'Enter' });
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' });
    expect(menu.open).to.equal(false);
  });
});

describe('the viewer’s location', () => {
  const geocoded = (result: unknown) => async (query: string) => {
    if (result instanceof Error) throw result;
    return query ? (result as never) : null;
  };
  const submit = async (m: Mounted, value: string) => {
    const input = $<HTMLInputElement>(m, '[part~="geocoder"] input')!;
    input.value = value;
    $<HTMLButtonElement>(m, '[part~="geocoder"] button')!.click();
  };

  it('shows the "ZIP code or address" field only when the host gives a geocoder', async () => {
    const m = await mount(sellerOnly, { stations: nyc });
    await ready(m);
    expect($(m, '[part~="geocoder"]')).to.equal(null);
    m.el.geocoder = geocoded({ lat: 40.758, lng: -73.9855 });
    await m.el.updateComplete;
    expect(text($(m, '[part~="geocoder"] label'))).to.equal('ZIP code or address');
  });

  it('a place found by the geocoder ranks for both parties', async () => {
    const calls: string[] = [];
    const m = await mount(sellerOnly, {
      stations: nyc,
      geocoder: async (q: string) => (calls.push(q), { lat: 40.758, lng: -73.9855 }),
    });
    await ready(m);
    await submit(m, ' 10036 ');
    await settled(m, () => suggestionIds(m.el)[0] === 'nypd-pct-013');
    expect(calls).to.deep.equal(['10036']);
    expect(text($(m, '[part~="expanded"] [part~="distance"]'))).to.match(/from you · about [\d.]+ mi for the seller$/);
    expect($(m, '[part~="locate"]')).to.equal(null);
  });

  for (const [label, result, code, visible] of [
    ['finds nothing (null)', null, 'geocoder-not-found', /could not be found\. Check the ZIP code/],
    ['throws', new Error('service down'), 'geocoder-failed', /did not work/],
    ['returns something that is not a position', { lat: 'x' }, 'geocoder-failed', /did not work/],
  ] as const) {
    it(`says so clearly when the geocoder ${label}, and stays usable`, async () => {
      const m = await mount(sellerOnly, { stations: nyc, geocoder: async () => (result instanceof Error ? Promise.reject(result) : result) });
      await ready(m);
      await submit(m, 'Nowhere 00000');
      await settled(m, () => m.of('safetrade-error').some((e) => e.detail.code === code));
      expect(m.of('safetrade-error').find((e) => e.detail.code === code)!.detail.message).to.include('Nowhere 00000');
      expect(alertText(m.el)).to.match(visible);
      expect(suggestionIds(m.el)).to.have.length(3);
      expect($(m, '[part~="geocoder"]')).to.exist;
    });
  }

  it('"Use a different location" forgets the position the viewer gave', async () => {
    sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((ok) => ok({ coords: { latitude: 40.758, longitude: -73.9855 } } as GeolocationPosition));
    const m = await mount(sellerOnly, { stations: nyc });
    await ready(m);
    $<HTMLButtonElement>(m, '[part~="locate"]')!.click();
    await settled(m, () => suggestionIds(m.el)[0] === 'nypd-pct-013');
    const change = $$(m, 'button').find((b) => text(b) === 'Use a different location')!;
    change.click();
    await m.el.updateComplete;
    expect(suggestionIds(m.el)[0]).to.equal('nypd-pct-007');
    expect($(m, '[part~="locate"]')).to.exist;
  });
});

describe('the schematic map', () => {
  it('is an SVG with a text alternative and no external resources', async () => {
    const m = await mount(both, { stations: nyc });
    await ready(m);
    await mapDrawn(m);
    const map = $(m, '[part~="expanded"] svg[part~="map"]')!;
    expect(map.getAttribute('role')).to.equal('img');
    expect(map.getAttribute('aria-label')).to.equal('Map of NYPD 13th Precinct: 1.5 mi from you · about 1.5 mi for the seller.');
    expect(map.querySelectorAll('image, use, foreignObject')).to.have.length(0);
  });

  it('draws the other party only as its whole 0.01° cell, the same for anywhere in that cell', async () => {
    const cell = cellBounds({ lat: 40.715, lng: -73.985 });
    expect(cell).to.deep.equal({ south: 40.71, west: -73.99, north: 40.72, east: -73.98 });
    expect(cellBounds({ lat: 40.7199, lng: -73.9801 })).to.deep.equal(cell);
    // The map on its own (the element also hands it only the cell's centre, contract v1.1).
    const drawn = async (other: { lat: number; lng: number }) => {
      const host = document.createElement('div');
      const labels = { station: 'Station', you: 'You', other: 'Around the seller', north: 'North' };
      render(
        svg`<svg>${renderMap({ station: nyc.stations[0]!, viewer: { lat: 40.758, lng: -73.9855 }, other, unit: 'km', locale: 'en', labels, tiles: null })}</svg>`,
        host,
      );
      const rect = host.querySelector('rect.map-other')!;
      return { svg: host.innerHTML.replace(/<!--[^>]*-->/g, ''), w: Number(rect.getAttribute('width')), h: Number(rect.getAttribute('height')) };
    };
    const a = await drawn({ lat: 40.7101, lng: -73.9899 });
    const b = await drawn({ lat: 40.7198, lng: -73.9802 });
    expect(a.svg).to.equal(b.svg);
    // A rectangle, 0.01° on each side: about 1.1 km north–south and 0.84 km east–west here.
    expect(a.h / a.w).to.be.closeTo(1 / Math.cos((40.715 * Math.PI) / 180), 0.05);
  });

  it('labels the station, the viewer and the other party, and shows north and a scale', async () => {
    const m = await mount(both, { stations: nyc });
    await ready(m);
    await mapDrawn(m);
    const svg = $(m, '[part~="expanded"] svg[part~="map"]')!;
    expect([...svg.querySelectorAll('text')].map(text)).to.include.members(['Station', 'You', 'Around the seller', 'North', '1 mi']);
    expect(svg.querySelector('.map-station')).to.exist;
    expect(svg.querySelector('.map-you')).to.exist;
    // Styled as drawn (the map's styles come with its code): labels keep their halo over routes.
    expect(getComputedStyle(svg.querySelector('.map-label')!).strokeWidth).to.equal('4px');
    expect(getComputedStyle(svg.querySelector('.map-route')!).strokeDasharray).to.equal('5px, 5px');
  });

  it('waits behind a "Map" disclosure on a phone, and sits beside the facts from 480 px', async () => {
    const m = await mount(both, { stations: nyc });
    m.el.style.width = '390px';
    await ready(m);
    const map = $(m, '[part~="expanded"] [part~="map"]')!;
    const toggle = $<HTMLButtonElement>(m, '[part~="map-toggle"]')!;
    expect(map.getBoundingClientRect().height).to.equal(0);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(map.id);
    toggle.click();
    await m.el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(map.getBoundingClientRect().height).to.be.greaterThan(150);
    m.el.style.width = '720px';
    await new Promise((r) => requestAnimationFrame(r));
    expect(toggle.getBoundingClientRect().height).to.equal(0);
    const facts = $(m, '[part~="expanded"] [part~="name"]')!.getBoundingClientRect();
    expect(map.getBoundingClientRect().left).to.be.greaterThan(facts.left);
    expect(map.getBoundingClientRect().top).to.be.below(facts.bottom);
  });

  it('never puts the other party’s coordinates into the page', async () => {
    const m = await mount({ ...both, viewer: 'buyer' }, { stations: nyc });
    await ready(m);
    const html = shadow(m.el).innerHTML;
    for (const c of ['40.715', '-73.9843', '40.7150']) expect(html).not.to.include(c);
  });
});

describe('safety nudges', () => {
  it('shows the police advice line and a Tips disclosure that opens and closes', async () => {
    const m = await mount(both, { stations: nyc });
    await ready(m);
    expect(text($(m, '[part~="safety"]'))).to.equal('Meeting at a station is free and recorded. Someone who refuses to meet at one is a warning sign.');
    const tips = $<HTMLDetailsElement>(m, '[part~="tips"]')!;
    expect(tips.open).to.equal(false);
    tips.querySelector('summary')!.click();
    expect(tips.open).to.equal(true);
    // The tips' words come with the code loaded right after the first suggestion (later.ts).
    await waitUntil(() => tips.querySelectorAll('li').length > 2, 'no tips', { timeout: 15000 });
    expect([...tips.querySelectorAll('li')].map(text)[0]).to.equal('Meet in daylight if you can, and bring a friend.');
    tips.querySelector('summary')!.click();
    expect(tips.open).to.equal(false);
  });
});

describe('compact variant', () => {
  it('is one line with the station and the two actions', async () => {
    const m = await mount({ ...both, variant: 'compact' }, { stations: nyc });
    await ready(m);
    const line = $$(m, '[part~="suggestion"]');
    expect(line).to.have.length(1);
    expect(line[0]!.dataset.stationId).to.equal('nypd-pct-013');
    expect(line[0]!.querySelector('[part~="select"]')).to.exist;
    expect(line[0]!.querySelector('[part~="share"]')).to.exist;
    expect(line[0]!.querySelector('[part~="directions"]')!.textContent).to.include('NYPD 13th Precinct');
    expect($(m, '[part~="map"]')).to.equal(null);
    expect(m.el.getBoundingClientRect().height).to.be.below(140);
    line[0]!.querySelector<HTMLButtonElement>('[part~="select"]')!.click();
    expect(m.of('safetrade-select')).to.have.length(1);
  });
});

describe('theming and layout', () => {
  // Light and dark (prefers-color-scheme and the theme attribute): test/element/theme.test.ts.

  it('reflects variant and theme, so the page can style safetrade-meetup[variant=compact] and [theme=dark]', async () => {
    const style = document.createElement('style');
    style.textContent = `safetrade-meetup[variant='compact'] { margin-inline-start: 7px; } safetrade-meetup[theme='dark'] { margin-block-start: 5px; }`;
    document.head.append(style);
    try {
      const m = await mount(both, { stations: nyc });
      await ready(m);
      expect([m.el.getAttribute('variant'), m.el.getAttribute('theme')], 'the defaults, reflected').to.deep.equal(['card', 'auto']);
      m.el.variant = 'compact';
      m.el.theme = 'dark';
      await m.el.updateComplete;
      expect([m.el.getAttribute('variant'), m.el.getAttribute('theme')]).to.deep.equal(['compact', 'dark']);
      expect(getComputedStyle(m.el).marginInlineStart).to.equal('7px');
      expect(getComputedStyle(m.el).marginBlockStart).to.equal('5px');
      expect($$(m, '[part~="suggestion"]')).to.have.length(1);
    } finally {
      style.remove();
    }
  });

  it('takes --safetrade-* custom properties and ::part styles from the host page', async () => {
    const style = document.createElement('style');
    style.textContent = `safetrade-meetup { --safetrade-accent: rgb(120, 20, 90); } safetrade-meetup::part(name) { letter-spacing: 3px; }`;
    document.head.append(style);
    try {
      const m = await mount(both, { stations: nyc });
      await ready(m);
      expect(getComputedStyle($(m, '[part~="select"]')!).backgroundColor).to.equal('rgb(120, 20, 90)');
      expect(getComputedStyle($(m, '[part~="name"]')!).letterSpacing).to.equal('3px');
    } finally {
      style.remove();
    }
  });

  it('renders slotted heading and footer content', async () => {
    const m = await mount(both, { stations: nyc });
    m.el.innerHTML = '<span slot="heading">Pick a safe spot</span><span slot="footer">Powered by us</span>';
    await ready(m);
    const slots = $$(m, 'slot') as HTMLSlotElement[];
    expect(
      slots.map((s) =>
        s
          .assignedNodes()
          .map((n) => n.textContent)
          .join(''),
      ),
    ).to.deep.equal(['Pick a safe spot', 'Powered by us']);
  });

  for (const width of [280, 800]) {
    it(`fits ${width} px without horizontal overflow`, async () => {
      await setViewport(width + 16, 900);
      const m = await mount(both, { stations: richStations });
      m.el.style.width = `${width}px`;
      await ready(m);
      const base = $(m, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      expect(m.el.getBoundingClientRect().width).to.equal(width);
    });
  }

  it('gives every button and link a touch target of at least 44 px', async () => {
    await setViewport(400, 900);
    const m = await mount({ ...sellerOnly }, { stations: richStations, geocoder: async () => null });
    await ready(m);
    $<HTMLDetailsElement>(m, '[part~="details"]')!.open = true;
    $<HTMLElement>(m, '[part~="directions-menu"]')!.click();
    $<HTMLButtonElement>(m, '[part~="map-toggle"]')!.click();
    await m.el.updateComplete;
    // Every target on screen (a hidden one, such as "Map" where the map is always shown, has no size).
    const targets = $$(m, 'button, a, summary, input').filter((t) => t.checkVisibility());
    expect(targets.length).to.be.greaterThan(10);
    expect(targets.filter((t) => t.getAttribute('part') === 'directions')).to.have.length(3);
    for (const t of targets) expect(t.getBoundingClientRect().height, text(t) || t.outerHTML.slice(0, 60)).to.be.at.least(44);
  });
});

describe('keyboard and screen readers', () => {
  it('is keyboard-complete: Tab reaches the actions, Enter opens an alternative', async () => {
    const m = await mount(both, { stations: nyc });
    await ready(m);
    const visited: string[] = [];
    $<HTMLElement>(m, '[part~="expanded"] h3')!.focus();
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      const active = shadow(m.el).activeElement as HTMLElement | null;
      visited.push(active?.getAttribute('part') ?? active?.tagName.toLowerCase() ?? 'none');
      if (active?.getAttribute('part') === 'show') break;
    }
    expect(visited.slice(0, 3)).to.deep.equal(['select', 'share', 'directions-menu']);
    expect(visited.at(-1)).to.equal('show');
    await sendKeys({ press: 'Enter' });
    await m.el.updateComplete;
    expect($(m, '[part~="expanded"]')!.getAttribute('data-station-id')).to.equal('nypd-td-04');
  });

  it('announces the suggestion politely', async () => {
    const m = await mount(both, { stations: nyc });
    await ready(m);
    const status = $(m, '[role="status"]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(text(status)).to.equal('Suggested meeting spot: NYPD 13th Precinct, 1.5 mi from you.');
  });

  // The dark states: test/element/theme.test.ts, in every engine's dark mode.
  for (const [state, attrs, props] of [
    ['card', both, {}],
    ['no buyer, with locate and geocoder', sellerOnly, { geocoder: async () => null }],
  ] as const) {
    it(`passes axe: ${state}`, async () => {
      const m = await mount(attrs as Record<string, string>, { stations: richStations, ...props });
      await ready(m);
      await expect(m.el).to.be.accessible();
    });
  }

  it('passes axe with an alternative open and the details expanded', async () => {
    const m = await mount(both, { stations: richStations });
    await ready(m);
    $<HTMLButtonElement>(m, '[part~="show"]')!.click();
    await m.el.updateComplete;
    $<HTMLDetailsElement>(m, '[part~="details"]')!.open = true;
    $<HTMLDetailsElement>(m, '[part~="tips"]')!.open = true;
    await expect(m.el).to.be.accessible();
  });
});
