import { expect } from '@open-wc/testing';
import type { Station, WeeklyHours } from '../../src/core/types.js';
import { en, type Messages } from '../../src/i18n/en.js';
import { enLater } from '../../src/i18n/en-later.js';
import { es } from '../../src/i18n/es.js';
import { fr } from '../../src/i18n/fr.js';
import { hoursLine } from '../../src/i18n/hours.js';
import { plural } from '../../src/i18n/plural.js';

const CATALOGUES: Record<string, Messages> = { es, fr };
/** All of English: en, and the words of what the later code shows, which come with that code. */
const english = { ...en, ...enLater, errors: { ...en.errors, ...enLater.errors } };

/** Every key path with the kind of value (string, function of N arguments, object). */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => shape(v, `${path}.${k}`));
  return [`${path}: ${typeof value}`];
}

describe('the es and fr catalogues', () => {
  for (const [name, messages] of Object.entries(CATALOGUES)) {
    it(`${name} has every key of en and en-later, with the same kind of value, and no extra key`, () => {
      // Plural forms may differ by language (es and fr also have "many"); compare those apart.
      const strip = (lines: string[]) => lines.filter((l) => !l.startsWith('.stationCount.')).sort();
      expect(strip(shape(messages))).to.deep.equal(strip(shape(english)));
      expect(messages.stationCount.other).to.be.a('string');
    });

    it(`${name} translates every string (nothing left in English)`, () => {
      const same = shape(messages)
        .map((line) => line.split(':')[0]!)
        .filter((path) => {
          const get = (o: unknown) =>
            path
              .split('.')
              .slice(1)
              .reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], o);
          const [a, b] = [get(messages), get(english)];
          const text = (v: unknown) => (typeof v === 'function' ? String(v('X', 'Y', 'Z')) : v);
          return text(a) === text(b);
        });
      expect(same).to.deep.equal([]);
    });
  }
});

describe('plural forms through Intl.PluralRules', () => {
  it('English: one for 1, other for 0, 2 and 1,000,000', () => {
    expect([0, 1, 2, 1_000_000].map((n) => plural(en.stationCount, n, 'en-US'))).to.deep.equal([
      '0 stations nearby',
      '1 station nearby',
      '2 stations nearby',
      '1,000,000 stations nearby',
    ]);
  });

  it('Spanish: one for 1, "many" (de) for a million', () => {
    expect([0, 1, 2, 1_000_000].map((n) => plural(es.stationCount, n, 'es'))).to.deep.equal([
      '0 estaciones cerca',
      '1 estación cerca',
      '2 estaciones cerca',
      '1.000.000 de estaciones cerca',
    ]);
  });

  it('French: one for 0 and 1, "many" (de) for a million', () => {
    expect([0, 1, 1.5, 2, 1_000_000].map((n) => plural(fr.stationCount, n, 'fr-CA'))).to.deep.equal([
      '0 poste à proximité',
      '1 poste à proximité',
      '1,5 poste à proximité',
      '2 postes à proximité',
      '1\u00a0000\u00a0000 de postes à proximité',
    ]);
  });

  it('falls back to "other" when a catalogue lacks the category', () => {
    expect(plural({ other: '# things' }, 1, 'en')).to.equal('1 things');
  });
});

describe('key strings per locale (snapshot)', () => {
  const WEEK: WeeklyHours = {
    mo: ['08:00-20:00'],
    tu: ['08:00-20:00'],
    we: ['08:00-20:00'],
    th: ['08:00-20:00'],
    fr: ['08:00-20:00'],
    sa: ['10:00-14:00'],
    su: [],
  };
  const st = (hours: Station['hours'], timezone?: string): Station => ({ id: 's', name: 'S', address: 'a', country: 'US', lat: 0, lng: 0, hours, timezone });
  const NY = 'America/New_York';
  /** [locale, catalogue] → the card's lines: 24/7, open, closed till another day, closed till later today, open till midnight, as written. */
  const lines = (locale: string, m: Messages) => [
    hoursLine(st('24/7'), new Date(), locale, m),
    hoursLine(st(WEEK, NY), new Date('2026-11-30T17:00:00Z'), locale, m), // Monday 12:00
    hoursLine(st(WEEK, NY), new Date('2026-12-05T02:00:00Z'), locale, m), // Friday 21:00
    hoursLine(st(WEEK, NY), new Date('2026-11-30T12:00:00Z'), locale, m), // Monday 07:00
    hoursLine(st({ mo: ['08:00-24:00'] }, NY), new Date('2026-12-01T01:00:00Z'), locale, m), // Monday 20:00
    hoursLine(st(WEEK), new Date(), locale, m),
    hoursLine(st(undefined, NY), new Date(), locale, m),
    m.heading,
    m.errors['no-station'],
  ];

  const MX_CLOCK_24 = /^h2[34]$/.test(new Intl.DateTimeFormat('es-MX', { hour: 'numeric' }).resolvedOptions().hourCycle ?? '');
  const SNAPSHOT: [string, Messages, (string | null)[]][] = [
    [
      'en-US',
      en,
      [
        'Open 24/7',
        'Open now · until 8:00 PM',
        'Closed · opens Sat 10:00 AM',
        'Closed · opens 8:00 AM',
        'Open now · until midnight',
        'Hours: Mon–Fri 8:00 AM–8:00 PM · Sat 10:00 AM–2:00 PM · Sun closed',
        null,
        'Meet at a police safe-trade station',
        'There is no safe-trade station near enough to both of you.',
      ],
    ],
    [
      'en-GB',
      en,
      [
        'Open 24/7',
        'Open now · until 20:00',
        'Closed · opens Sat 10:00',
        'Closed · opens 08:00',
        'Open now · until midnight',
        'Hours: Mon–Fri 08:00–20:00 · Sat 10:00–14:00 · Sun closed',
        null,
        'Meet at a police safe-trade station',
        'There is no safe-trade station near enough to both of you.',
      ],
    ],
    [
      'en-AU',
      en,
      [
        'Open 24/7',
        'Open now · until 8:00 pm',
        'Closed · opens Sat 10:00 am',
        'Closed · opens 8:00 am',
        'Open now · until midnight',
        'Hours: Mon–Fri 8:00 am–8:00 pm · Sat 10:00 am–2:00 pm · Sun closed',
        null,
        'Meet at a police safe-trade station',
        'There is no safe-trade station near enough to both of you.',
      ],
    ],
    [
      'es',
      es,
      [
        'Abierto las 24 horas',
        'Abierto ahora · hasta 20:00',
        'Cerrado · abre sáb, 10:00',
        'Cerrado · abre 08:00',
        'Abierto ahora · hasta medianoche',
        'Horario: lun–vie 08:00–20:00 · sáb 10:00–14:00 · dom cerrado',
        null,
        'Reúnanse en un punto seguro de la policía',
        'No hay ningún punto de intercambio seguro lo bastante cerca de ambos.',
      ],
    ],
    [
      'es-MX',
      es,
      [
        'Abierto las 24 horas',
        // The clock is the platform's CLDR data: current ICU writes es-MX with a 12-hour clock,
        // ICU 72 (WebKitGTK on Debian 12) with a 24-hour one. Both are Mexican Spanish.
        ...(MX_CLOCK_24
          ? ['Abierto ahora · hasta 20:00', 'Cerrado · abre sáb 10:00', 'Cerrado · abre 08:00']
          : ['Abierto ahora · hasta 8:00 p.m.', 'Cerrado · abre sáb 10:00 a.m.', 'Cerrado · abre 8:00 a.m.']),
        'Abierto ahora · hasta medianoche',
        MX_CLOCK_24
          ? 'Horario: lun–vie 08:00–20:00 · sáb 10:00–14:00 · dom cerrado'
          : 'Horario: lun–vie 8:00 a.m.–8:00 p.m. · sáb 10:00 a.m.–2:00 p.m. · dom cerrado',
        null,
        'Reúnanse en un punto seguro de la policía',
        'No hay ningún punto de intercambio seguro lo bastante cerca de ambos.',
      ],
    ],
    [
      'fr',
      fr,
      [
        'Ouvert 24 h/24, 7 j/7',
        'Ouvert · jusqu’à 20:00',
        'Fermé · ouvre sam. 10:00',
        'Fermé · ouvre 08:00',
        'Ouvert · jusqu’à minuit',
        'Horaires\u00a0: lun.–ven. 08:00–20:00 · sam. 10:00–14:00 · dim. fermé',
        null,
        'Rencontrez-vous à un poste de police',
        'Aucun poste d’échange sûr n’est assez proche de vous deux.',
      ],
    ],
    [
      'fr-CA',
      fr,
      [
        'Ouvert 24 h/24, 7 j/7',
        'Ouvert · jusqu’à 20 h 00',
        'Fermé · ouvre sam. 10 h 00',
        'Fermé · ouvre 08 h 00',
        'Ouvert · jusqu’à minuit',
        'Horaires\u00a0: lun.–ven. 08 h 00–20 h 00 · sam. 10 h 00–14 h 00 · dim. fermé',
        null,
        'Rencontrez-vous à un poste de police',
        'Aucun poste d’échange sûr n’est assez proche de vous deux.',
      ],
    ],
  ];

  for (const [locale, messages, expected] of SNAPSHOT) {
    it(`${locale}: hours lines, heading and an error`, () => {
      expect(lines(locale, messages)).to.deep.equal(expected);
    });
  }

  it('shares a message in each language', () => {
    const p = { name: 'NYPD 13th Precinct', address: '230 East 21st Street', hours: '', spot: 'By the sign', url: 'https://maps.example/x', safety: '' };
    expect(en.shareText(p)).to.equal('Let’s meet at NYPD 13th Precinct, 230 East 21st Street.\nSpot: By the sign.\nDirections: https://maps.example/x');
    expect(es.shareText(p)).to.equal('Nos vemos en NYPD 13th Precinct, 230 East 21st Street.\nLugar: By the sign.\nCómo llegar: https://maps.example/x');
    expect(fr.shareText(p)).to.equal(
      'Rendez-vous à NYPD 13th Precinct, 230 East 21st Street.\nEndroit\u00a0: By the sign.\nItinéraire\u00a0: https://maps.example/x',
    );
  });
});
