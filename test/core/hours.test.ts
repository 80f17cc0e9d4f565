import { expect } from '@open-wc/testing';
import { isOpenAt, openingState, parseDateTime, rankStations, type OpeningState } from '../../src/core/index.js';
import type { LatLng, Station, WeeklyHours } from '../../src/core/types.js';
import { browserEnv, setTimeZone } from '../engine.js';

const NY = 'America/New_York';
const SYDNEY = 'Australia/Sydney';
const WEEKDAYS_8_20: WeeklyHours = { mo: ['08:00-20:00'], tu: ['08:00-20:00'], we: ['08:00-20:00'], th: ['08:00-20:00'], fr: ['08:00-20:00'], sa: [], su: [] };
const NINE_TO_FIVE_SUNDAY: WeeklyHours = { su: ['09:00-17:00'] };

function station(hours: Station['hours'], timezone?: string, extra: Partial<Station> = {}): Station {
  return { id: 'st', name: 'Station', address: '1 Main St', country: 'US', lat: 40.74, lng: -73.99, hours, timezone, ...extra };
}
const at = (iso: string) => new Date(iso);

/**
 * Hand-checked cases: [what, station, UTC instant, expected]. 2026-11-30 is a Monday; New York is
 * UTC-5 in winter, UTC-4 in summer; Sydney is UTC+11 in summer, UTC+10 in winter.
 */
const CASES: [string, Station, string, OpeningState][] = [
  ['24/7 is always open', station('24/7'), '2026-11-29T08:00:00Z', { kind: '24/7' }],
  [
    'a weekday at noon is open until 20:00',
    station(WEEKDAYS_8_20, NY),
    '2026-11-30T17:00:00Z',
    { kind: 'open', until: { weekday: 'mo', time: '20:00', days: 0 } },
  ],
  [
    'one minute before closing is still open',
    station(WEEKDAYS_8_20, NY),
    '2026-12-01T00:59:59Z',
    { kind: 'open', until: { weekday: 'mo', time: '20:00', days: 0 } },
  ],
  [
    'closing time itself is closed, opening the next morning',
    station(WEEKDAYS_8_20, NY),
    '2026-12-01T01:00:00Z',
    { kind: 'closed', opens: { weekday: 'tu', time: '08:00', days: 1 } },
  ],
  ['opening time itself is open', station(WEEKDAYS_8_20, NY), '2026-11-30T13:00:00Z', { kind: 'open', until: { weekday: 'mo', time: '20:00', days: 0 } }],
  [
    'before opening, it opens the same day',
    station(WEEKDAYS_8_20, NY),
    '2026-11-30T12:00:00Z',
    { kind: 'closed', opens: { weekday: 'mo', time: '08:00', days: 0 } },
  ],
  [
    'a Friday evening opens on Monday',
    station(WEEKDAYS_8_20, NY),
    '2026-12-05T02:00:00Z',
    { kind: 'closed', opens: { weekday: 'mo', time: '08:00', days: 3 } },
  ],
  [
    'a closed day (empty list) opens the next day',
    station(WEEKDAYS_8_20, NY),
    '2026-11-29T17:00:00Z',
    { kind: 'closed', opens: { weekday: 'mo', time: '08:00', days: 1 } },
  ],
  [
    'a day left out is closed',
    station({ mo: ['08:00-20:00'] }, NY),
    '2026-12-01T17:00:00Z',
    { kind: 'closed', opens: { weekday: 'mo', time: '08:00', days: 6 } },
  ],
  ['hours that list only closed days never open', station({ mo: [], su: [] }, NY), '2026-11-30T17:00:00Z', { kind: 'closed', opens: null }],
  [
    'the only range of the week, just missed, opens in 7 days',
    station({ mo: ['08:00-10:00'] }, NY),
    '2026-11-30T16:00:00Z',
    { kind: 'closed', opens: { weekday: 'mo', time: '08:00', days: 7 } },
  ],
  [
    'two ranges in a day: the lunch break',
    station({ mo: ['08:00-12:00', '13:00-17:00'] }, NY),
    '2026-11-30T17:30:00Z',
    { kind: 'closed', opens: { weekday: 'mo', time: '13:00', days: 0 } },
  ],
  [
    'Friday 20:00-02:00 is open on Friday night until Saturday 02:00',
    station({ fr: ['20:00-02:00'], sa: [] }, NY),
    '2026-12-05T04:00:00Z',
    { kind: 'open', until: { weekday: 'sa', time: '02:00', days: 1 } },
  ],
  [
    'Friday 20:00-02:00 covers Saturday 01:00 although Saturday is closed',
    station({ fr: ['20:00-02:00'], sa: [] }, NY),
    '2026-12-05T06:00:00Z',
    { kind: 'open', until: { weekday: 'sa', time: '02:00', days: 0 } },
  ],
  [
    'Friday 20:00-02:00 is closed at Saturday 02:00',
    station({ fr: ['20:00-02:00'], sa: [] }, NY),
    '2026-12-05T07:00:00Z',
    { kind: 'closed', opens: { weekday: 'fr', time: '20:00', days: 6 } },
  ],
  [
    'Sunday 22:00-02:00 runs into Monday across the week boundary',
    station({ su: ['22:00-02:00'] }, NY),
    '2026-11-30T06:00:00Z',
    { kind: 'open', until: { weekday: 'mo', time: '02:00', days: 0 } },
  ],
  [
    'Sunday 20:00-24:00 and Monday 00:00-06:00 are open until Monday 06:00',
    station({ su: ['20:00-24:00'], mo: ['00:00-06:00'] }, NY),
    '2026-11-30T02:00:00Z',
    { kind: 'open', until: { weekday: 'mo', time: '06:00', days: 1 } },
  ],
  [
    'a range ending at 24:00 is open until 24:00 of that day',
    station({ mo: ['08:00-24:00'] }, NY),
    '2026-12-01T01:00:00Z',
    { kind: 'open', until: { weekday: 'mo', time: '24:00', days: 0 } },
  ],
  [
    'hours that cover the whole week never close',
    station(
      {
        mo: ['00:00-24:00'],
        tu: ['00:00-24:00'],
        we: ['00:00-24:00'],
        th: ['00:00-24:00'],
        fr: ['00:00-24:00'],
        sa: ['00:00-24:00'],
        su: ['12:00-24:00', '00:00-12:00'],
      },
      NY,
    ),
    '2026-11-30T17:00:00Z',
    { kind: 'open', until: null },
  ],
  // New York, spring forward, Sunday 2026-03-08: 02:00 EST becomes 03:00 EDT.
  [
    'NY spring: 09:00 EDT is 13:00 UTC, so 09:00-17:00 is open',
    station(NINE_TO_FIVE_SUNDAY, NY),
    '2026-03-08T13:00:00Z',
    { kind: 'open', until: { weekday: 'su', time: '17:00', days: 0 } },
  ],
  [
    'NY spring: 12:30 UTC is 08:30 EDT, closed',
    station(NINE_TO_FIVE_SUNDAY, NY),
    '2026-03-08T12:30:00Z',
    { kind: 'closed', opens: { weekday: 'su', time: '09:00', days: 0 } },
  ],
  [
    'NY spring: 01:30 EST is inside Saturday 22:00-02:30',
    station({ sa: ['22:00-02:30'] }, NY),
    '2026-03-08T06:30:00Z',
    { kind: 'open', until: { weekday: 'su', time: '02:30', days: 0 } },
  ],
  [
    'NY spring: Saturday 22:00-02:30 ends when the clock jumps to 03:00',
    station({ sa: ['22:00-02:30'] }, NY),
    '2026-03-08T07:00:00Z',
    { kind: 'closed', opens: { weekday: 'sa', time: '22:00', days: 6 } },
  ],
  [
    'NY spring: a 02:00-03:00 range does not happen that night (01:59 EST)',
    station({ su: ['02:00-03:00'] }, NY),
    '2026-03-08T06:59:00Z',
    { kind: 'closed', opens: { weekday: 'su', time: '02:00', days: 0 } },
  ],
  [
    'NY spring: a 02:00-03:00 range does not happen that night (03:00 EDT)',
    station({ su: ['02:00-03:00'] }, NY),
    '2026-03-08T07:00:00Z',
    { kind: 'closed', opens: { weekday: 'su', time: '02:00', days: 7 } },
  ],
  // New York, fall back, Sunday 2026-11-01: 02:00 EDT becomes 01:00 EST, so 01:00-01:59 happens twice.
  [
    'NY fall: 01:30 EDT is inside 01:00-02:00',
    station({ su: ['01:00-02:00'] }, NY),
    '2026-11-01T05:30:00Z',
    { kind: 'open', until: { weekday: 'su', time: '02:00', days: 0 } },
  ],
  [
    'NY fall: 01:30 EST, the second 01:30, is inside 01:00-02:00 too',
    station({ su: ['01:00-02:00'] }, NY),
    '2026-11-01T06:30:00Z',
    { kind: 'open', until: { weekday: 'su', time: '02:00', days: 0 } },
  ],
  [
    'NY fall: 02:00 EST closes 01:00-02:00',
    station({ su: ['01:00-02:00'] }, NY),
    '2026-11-01T07:00:00Z',
    { kind: 'closed', opens: { weekday: 'su', time: '01:00', days: 7 } },
  ],
  [
    'NY fall: 09:00 EST is 14:00 UTC, so 09:00-17:00 is open',
    station(NINE_TO_FIVE_SUNDAY, NY),
    '2026-11-01T14:00:00Z',
    { kind: 'open', until: { weekday: 'su', time: '17:00', days: 0 } },
  ],
  [
    'NY fall: 13:30 UTC is 08:30 EST, closed',
    station(NINE_TO_FIVE_SUNDAY, NY),
    '2026-11-01T13:30:00Z',
    { kind: 'closed', opens: { weekday: 'su', time: '09:00', days: 0 } },
  ],
  // Sydney, fall back, Sunday 2026-04-05: 03:00 AEDT (UTC+11) becomes 02:00 AEST (UTC+10).
  [
    'Sydney fall: 02:30 AEDT is inside Saturday 22:00-03:00',
    station({ sa: ['22:00-03:00'] }, SYDNEY),
    '2026-04-04T15:30:00Z',
    { kind: 'open', until: { weekday: 'su', time: '03:00', days: 0 } },
  ],
  [
    'Sydney fall: 02:30 AEST, the second 02:30, is inside it too',
    station({ sa: ['22:00-03:00'] }, SYDNEY),
    '2026-04-04T16:30:00Z',
    { kind: 'open', until: { weekday: 'su', time: '03:00', days: 0 } },
  ],
  [
    'Sydney fall: 03:00 AEST closes it',
    station({ sa: ['22:00-03:00'] }, SYDNEY),
    '2026-04-04T17:00:00Z',
    { kind: 'closed', opens: { weekday: 'sa', time: '22:00', days: 6 } },
  ],
  [
    'Sydney fall: 09:00 AEST is 23:00 UTC the day before',
    station(NINE_TO_FIVE_SUNDAY, SYDNEY),
    '2026-04-04T23:00:00Z',
    { kind: 'open', until: { weekday: 'su', time: '17:00', days: 0 } },
  ],
  // Sydney, spring forward, Sunday 2026-10-04: 02:00 AEST becomes 03:00 AEDT.
  [
    'Sydney spring: 01:59 AEST is inside Saturday 20:00-02:30',
    station({ sa: ['20:00-02:30'] }, SYDNEY),
    '2026-10-03T15:59:00Z',
    { kind: 'open', until: { weekday: 'su', time: '02:30', days: 0 } },
  ],
  [
    'Sydney spring: the jump to 03:00 AEDT closes it',
    station({ sa: ['20:00-02:30'] }, SYDNEY),
    '2026-10-03T16:00:00Z',
    { kind: 'closed', opens: { weekday: 'sa', time: '20:00', days: 6 } },
  ],
  [
    'Sydney spring: 09:00 AEDT is 22:00 UTC the day before',
    station(NINE_TO_FIVE_SUNDAY, SYDNEY),
    '2026-10-03T22:00:00Z',
    { kind: 'open', until: { weekday: 'su', time: '17:00', days: 0 } },
  ],
  [
    'Sydney spring: 21:30 UTC is 08:30 AEDT, closed',
    station(NINE_TO_FIVE_SUNDAY, SYDNEY),
    '2026-10-03T21:30:00Z',
    { kind: 'closed', opens: { weekday: 'su', time: '09:00', days: 0 } },
  ],
  // One instant, two zones: Monday 08:00 in New York is Tuesday 00:00 in Sydney.
  [
    'a New York station at Monday 08:00 New York time is open',
    station(WEEKDAYS_8_20, NY),
    '2026-11-30T13:00:00Z',
    { kind: 'open', until: { weekday: 'mo', time: '20:00', days: 0 } },
  ],
  [
    'a Sydney station at that instant (Tuesday 00:00 there) is closed',
    station(WEEKDAYS_8_20, SYDNEY),
    '2026-11-30T13:00:00Z',
    { kind: 'closed', opens: { weekday: 'tu', time: '08:00', days: 0 } },
  ],
  // Never a guessed zone.
  ['no hours is unknown', station(undefined, NY), '2026-11-30T17:00:00Z', { kind: 'unknown' }],
  ['hours without a time zone are unknown, kept to show as written', station(WEEKDAYS_8_20), '2026-11-30T17:00:00Z', { kind: 'unknown', hours: WEEKDAYS_8_20 }],
  [
    'a time zone this runtime does not know is unknown',
    station(WEEKDAYS_8_20, 'Mars/Olympus_Mons'),
    '2026-11-30T17:00:00Z',
    { kind: 'unknown', hours: WEEKDAYS_8_20 },
  ],
  ['an unreadable range is unknown, never repaired', station({ mo: ['8-20'] }, NY), '2026-11-30T17:00:00Z', { kind: 'unknown', hours: { mo: ['8-20'] } }],
];

describe('openingState', () => {
  for (const [what, st, iso, expected] of CASES) {
    it(what, () => {
      expect(openingState(st, at(iso))).to.deep.equal(expected);
    });
  }

  it('throws a TypeError quoting a bad date', () => {
    expect(() => openingState(station('24/7'), new Date('nope'))).to.throw(TypeError, /Invalid Date/);
    expect(() => openingState(station('24/7'), '2026-11-30' as unknown as Date)).to.throw(TypeError, /"2026-11-30"/);
  });

  it('gives the same answer for every minute of a range, and none outside it, across a whole DST week', () => {
    // Oracle: the wall clock of each minute, read by Intl in the plainest way.
    const hours: WeeklyHours = { fr: ['20:00-02:00'], sa: ['10:00-14:00'], su: ['01:00-02:00', '02:30-03:30'] };
    const st = station(hours, NY);
    const wall = new Intl.DateTimeFormat('en-GB', { timeZone: NY, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const inRange = (day: string, hhmm: string) =>
      (day === 'Fri' && hhmm >= '20:00') ||
      (day === 'Sat' && hhmm < '02:00') ||
      (day === 'Sat' && hhmm >= '10:00' && hhmm < '14:00') ||
      (day === 'Sun' && ((hhmm >= '01:00' && hhmm < '02:00') || (hhmm >= '02:30' && hhmm < '03:30')));
    for (const start of ['2026-03-05T00:00:00Z', '2026-10-29T00:00:00Z']) {
      for (let t = Date.parse(start); t < Date.parse(start) + 5 * 86_400_000; t += 10 * 60_000) {
        const parts = Object.fromEntries(wall.formatToParts(t).map((p) => [p.type, p.value]));
        const expected = inRange(parts.weekday!, `${parts.hour}:${parts.minute}`);
        expect(isOpenAt(st, new Date(t)), new Date(t).toISOString()).to.equal(expected);
      }
    }
  });
});

describe('isOpenAt', () => {
  it('is true, false or null (unknown)', () => {
    expect(isOpenAt(station('24/7'), at('2026-11-30T17:00:00Z'))).to.equal(true);
    expect(isOpenAt(station(WEEKDAYS_8_20, NY), at('2026-11-30T17:00:00Z'))).to.equal(true);
    expect(isOpenAt(station(WEEKDAYS_8_20, NY), at('2026-11-29T17:00:00Z'))).to.equal(false);
    expect(isOpenAt(station(WEEKDAYS_8_20), at('2026-11-29T17:00:00Z'))).to.equal(null);
    expect(isOpenAt(station(undefined), at('2026-11-29T17:00:00Z'))).to.equal(null);
  });
});

describe('rankStations with opening hours', () => {
  // Three stations north of the seller, nearest first: near (closes 20:00), mid (no hours), far (24/7).
  const SELLER: LatLng = { lat: 40.7, lng: -73.99 };
  const near = station(WEEKDAYS_8_20, NY, { id: 'a-near', lat: 40.71 });
  const mid = station(undefined, undefined, { id: 'b-mid', lat: 40.72 });
  const far = station('24/7', undefined, { id: 'c-far', lat: 40.73 });
  const nearNoZone = station(WEEKDAYS_8_20, undefined, { id: 'a-near', lat: 40.71 });
  const all = [far, mid, near];
  const MONDAY_NOON = at('2026-11-30T17:00:00Z');
  const MONDAY_NIGHT = at('2026-12-01T03:00:00Z');
  const ids = (s: { station: Station }[]) => s.map((x) => x.station.id);

  it('ranks by distance alone when no time is given', () => {
    expect(ids(rankStations(all, { seller: SELLER }))).to.deep.equal(['a-near', 'b-mid', 'c-far']);
  });

  it('openAt leaves out a station that is closed then, and keeps unknown hours', () => {
    expect(ids(rankStations(all, { seller: SELLER }, { openAt: MONDAY_NOON }))).to.deep.equal(['a-near', 'b-mid', 'c-far']);
    expect(ids(rankStations(all, { seller: SELLER }, { openAt: MONDAY_NIGHT }))).to.deep.equal(['b-mid', 'c-far']);
    expect(ids(rankStations([far, mid, nearNoZone], { seller: SELLER }, { openAt: MONDAY_NIGHT }))).to.deep.equal(['a-near', 'b-mid', 'c-far']);
  });

  it('openAt applies before limit', () => {
    expect(ids(rankStations(all, { seller: SELLER }, { openAt: MONDAY_NIGHT, limit: 1 }))).to.deep.equal(['b-mid']);
  });

  it('preferOpenAt keeps a closed station but moves the best one not known closed to the front', () => {
    expect(ids(rankStations(all, { seller: SELLER }, { preferOpenAt: MONDAY_NIGHT }))).to.deep.equal(['b-mid', 'a-near', 'c-far']);
    expect(ids(rankStations(all, { seller: SELLER }, { preferOpenAt: MONDAY_NOON }))).to.deep.equal(['a-near', 'b-mid', 'c-far']);
  });

  it('preferOpenAt moves only one suggestion, stably, and looks past limit', () => {
    const closedToo = station(WEEKDAYS_8_20, NY, { id: 'a-near2', lat: 40.711 });
    const stations = [near, closedToo, far];
    expect(ids(rankStations(stations, { seller: SELLER }, { preferOpenAt: MONDAY_NIGHT }))).to.deep.equal(['c-far', 'a-near', 'a-near2']);
    expect(ids(rankStations(stations, { seller: SELLER }, { preferOpenAt: MONDAY_NIGHT, limit: 2 }))).to.deep.equal(['c-far', 'a-near']);
  });

  it('preferOpenAt leaves the order alone when every station is closed', () => {
    const closedToo = station(WEEKDAYS_8_20, NY, { id: 'a-near2', lat: 40.711 });
    expect(ids(rankStations([closedToo, near], { seller: SELLER }, { preferOpenAt: MONDAY_NIGHT }))).to.deep.equal(['a-near', 'a-near2']);
  });

  it('rejects a bad openAt or preferOpenAt, quoting it', () => {
    expect(() => rankStations(all, { seller: SELLER }, { openAt: new Date(NaN) })).to.throw(TypeError, /openAt must be a valid Date/);
    expect(() => rankStations(all, { seller: SELLER }, { preferOpenAt: 5 as unknown as Date })).to.throw(TypeError, /preferOpenAt.*5/);
  });
});

// Chromium and Firefox emulate each zone inside this file; WebKit cannot, so it runs this file
// once per zone, each MiniBrowser started in one (web-test-runner.config.mjs), and here runs the
// case for the zone it was started in.
const { timeZone: startedIn } = await browserEnv();

describe('whatever time zone the browser is in', () => {
  // getTimezoneOffset() in minutes (UTC minus local) on 2026-01-15 and 2026-07-15, proving the
  // zone took, DST included (Sydney is +11 in January and +10 in July; Los Angeles -8 and -7).
  const ZONES: [string, number, number][] = [
    [SYDNEY, -660, -600],
    ['America/Los_Angeles', 480, 420],
    ['Asia/Kolkata', -330, -330],
    ['Pacific/Kiritimati', -840, -840],
    ['UTC', 0, 0],
  ];
  const here = startedIn === null ? ZONES : ZONES.filter(([zone]) => zone === startedIn);

  it('runs in a zone it knows the offsets of', () => {
    expect(here.map(([zone]) => zone)).to.not.be.empty;
  });

  after(async () => {
    await setTimeZone(null);
  });

  for (const [zone, january, july] of here) {
    it(`gives the same states with the browser in ${zone}`, async () => {
      if (startedIn === null) expect(await setTimeZone(zone)).to.equal(true);
      expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).to.equal(january);
      expect(new Date(Date.UTC(2026, 6, 15)).getTimezoneOffset()).to.equal(july);
      expect(CASES.map(([, st, iso]) => openingState(st, at(iso)))).to.deep.equal(CASES.map(([, , , expected]) => expected));
      expect(ids(rankStations([near(), far()], { seller: { lat: 40.7, lng: -73.99 } }, { openAt: at('2026-12-01T03:00:00Z') }))).to.deep.equal(['c-far']);
    });
  }

  const near = () => station(WEEKDAYS_8_20, NY, { id: 'a-near', lat: 40.71 });
  const far = () => station('24/7', undefined, { id: 'c-far', lat: 40.73 });
  const ids = (s: { station: Station }[]) => s.map((x) => x.station.id);
});

describe('parseDateTime (meet-at)', () => {
  it('reads an ISO date-time with Z or an offset as that instant', () => {
    expect(parseDateTime('2026-12-01T18:30:00Z')?.toISOString()).to.equal('2026-12-01T18:30:00.000Z');
    expect(parseDateTime('2026-12-01T18:30-05:00')?.toISOString()).to.equal('2026-12-01T23:30:00.000Z');
    expect(parseDateTime('2026-12-01T18:30:15.250+11:00')?.toISOString()).to.equal('2026-12-01T07:30:15.250Z');
  });

  it('reads one without an offset as the viewer’s local time, like datetime-local', () => {
    expect(parseDateTime('2026-12-01T18:30')?.getTime()).to.equal(new Date(2026, 11, 1, 18, 30).getTime());
    expect(parseDateTime('2026-12-01 18:30')?.getTime()).to.equal(new Date(2026, 11, 1, 18, 30).getTime());
  });

  it('returns null for anything else, never a guess', () => {
    for (const bad of [
      '',
      'tomorrow',
      '2026-12-01',
      '18:30',
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-12-01T24:00',
      '2026-12-01T10:00+5',
      '1764613800000',
    ]) {
      expect(parseDateTime(bad), bad).to.equal(null);
    }
  });
});
