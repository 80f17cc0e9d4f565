import { expect } from '@open-wc/testing';
import { chooseUnit, coarseValue, format, formatCoarse, formatDistance } from '../../src/element/format.js';
import { en } from '../../src/i18n/en.js';
import { random } from '../fixtures/random.js';
import { fr } from '../../src/i18n/fr.js';
import { formatTime, formatWeekday } from '../../src/i18n/hours.js';

describe('unit choice (units="auto")', () => {
  it('uses miles where the locale’s region does: US, GB, LR, MM', () => {
    for (const locale of ['en-US', 'en-GB', 'es-US', 'en-LR', 'my-MM']) expect(chooseUnit('auto', locale, 'CA'), locale).to.equal('mi');
  });

  it('uses kilometres in Australia and Canada, whatever the language', () => {
    for (const locale of ['en-AU', 'fr-CA', 'en-CA', 'es-MX', 'fr-FR']) expect(chooseUnit('auto', locale, 'US'), locale).to.equal('km');
  });

  it('lets the station’s country decide when the locale has no region', () => {
    expect(chooseUnit('auto', 'en', 'US')).to.equal('mi');
    expect(chooseUnit('auto', 'fr', 'CA')).to.equal('km');
    expect(chooseUnit('auto', 'es', 'US')).to.equal('mi');
    expect(chooseUnit('auto', 'en', 'AU')).to.equal('km');
    expect(chooseUnit('auto', 'en', undefined)).to.equal('km');
  });

  it('honours an explicit km or mi', () => {
    expect(chooseUnit('km', 'en-US', 'US')).to.equal('km');
    expect(chooseUnit('mi', 'fr-CA', 'CA')).to.equal('mi');
  });

  it('treats an unparsable locale as having no region', () => {
    expect(chooseUnit('auto', 'not a tag', 'US')).to.equal('mi');
  });
});

describe('number formatting', () => {
  // The space between number and unit in fr-CA is the platform's CLDR data: a no-break space in
  // current ICU, a plain space in ICU 72 (WebKitGTK on Debian 12). Either way the widget uses it.
  const frCaSpace = new Intl.NumberFormat('fr-CA', { style: 'unit', unit: 'kilometer', unitDisplay: 'short' })
    .formatToParts(1)
    .find((p) => p.type === 'literal')!.value;

  it('takes the space before the unit from the locale', () => {
    expect(frCaSpace).to.match(/^[ \u00a0\u202f]$/);
  });

  it('formats the viewer’s distance with the locale’s decimal mark and unit', () => {
    expect(formatDistance(1.5, 'km', 'en-AU')).to.equal('1.5 km');
    expect(formatDistance(1.5, 'km', 'es')).to.equal('1,5 km');
    expect(formatDistance(1.5, 'km', 'fr-CA')).to.equal(`1,5${frCaSpace}km`);
    expect(formatDistance(1.5, 'km', 'fr-FR')).to.equal('1,5\u202fkm');
    expect(formatDistance(12.3, 'mi', 'en-US')).to.equal('7.6 mi');
    expect(formatDistance(25, 'km', 'en-GB')).to.equal('25 km');
  });

  it('never says 0 and drops decimals from 10 up', () => {
    expect(formatDistance(0, 'km', 'en')).to.equal('0.1 km');
    expect(formatDistance(12.34, 'km', 'fr')).to.equal('12\u202fkm');
  });

  it('rounds the other party’s distance coarsely', () => {
    expect(coarseValue(1.2, 'km')).to.equal(1);
    expect(coarseValue(7.2, 'km')).to.equal(7);
    expect(coarseValue(23, 'km')).to.equal(25);
    expect(formatCoarse(1.2, 'km', 'fr-CA')).to.equal(`1${frCaSpace}km`);
    expect(formatCoarse(3.9, 'mi', 'en-US')).to.equal('2.5 mi');
  });
});

describe('English distances without Intl', () => {
  // The page's first Intl number or date formatter costs the engine a one-time setup (~110 ms at
  // 4× CPU): an English card writes its distances itself, and must write exactly what Intl would.
  const values = [0, 0.05, 0.1, 0.15, 0.25, 0.45, 0.95, 0.96, 1, 1.05, 1.15, 1.25, 2.675, 3.3999999999999995, 4.35, 9.95, 9.96, 10.5, 11.5, 12.5, 99.95, 998.4];
  const r = random(15); // seeded: a failing value replays exactly
  for (let i = 0; i < 300; i++) values.push(Math.round(r() * 998e3) / 1e3, r() * 998);

  it('writes what the engine’s own Intl writes, for every English locale it covers', () => {
    for (const locale of ['en', 'en-US', 'en-GB', 'en-CA', 'en-AU', 'en-NZ', 'en-IE', 'en-IN'])
      for (const unit of ['km', 'mi'] as const)
        for (const digits of [0, 1, 3]) {
          const intl = new Intl.NumberFormat(locale, {
            style: 'unit',
            unit: unit === 'mi' ? 'mile' : 'kilometer',
            unitDisplay: 'short',
            maximumFractionDigits: digits,
          });
          for (const value of values) expect(format(value, unit, locale, digits), `${value} ${unit} ${locale} ${digits}`).to.equal(intl.format(value));
        }
  });

  it('builds no Intl formatter for an English distance, and does for other locales and for 999 and up', () => {
    const real = Intl.NumberFormat;
    let built = 0;
    Intl.NumberFormat = new Proxy(real, { construct: (target, args: ConstructorParameters<typeof Intl.NumberFormat>) => (built++, new target(...args)) });
    try {
      expect(formatDistance(5.47, 'mi', 'en-US')).to.equal('3.4 mi');
      expect(formatCoarse(4.1, 'km', 'en')).to.equal('4 km');
      expect(built).to.equal(0);
      expect(formatDistance(5000, 'km', 'en-GB')).to.equal('5,000 km');
      expect(formatDistance(3.4, 'km', 'en-ZA')).to.equal(
        new real('en-ZA', { style: 'unit', unit: 'kilometer', unitDisplay: 'short', maximumFractionDigits: 1 }).format(3.4),
      );
      expect(built).to.equal(2);
    } finally {
      Intl.NumberFormat = real;
    }
  });
});

describe('times and weekdays for the hours line', () => {
  it('writes a 24-hour clock where the locale does, 12-hour where it does not', () => {
    expect(formatTime('08:00', 'en-US', en)).to.equal('8:00 AM');
    expect(formatTime('20:30', 'en-GB', en)).to.equal('20:30');
    expect(formatTime('08:00', 'fr', fr)).to.equal('08:00');
    expect(formatTime('08:00', 'fr-CA', fr)).to.equal('08 h 00');
    expect(formatTime('00:00', 'en-US', en)).to.equal('12:00 AM');
  });

  it('says midnight for 24:00', () => {
    expect(formatTime('24:00', 'en-US', en)).to.equal('midnight');
    expect(formatTime('24:00', 'fr-CA', fr)).to.equal('minuit');
  });

  it('names weekdays briefly in the locale’s words', () => {
    expect(formatWeekday('mo', 'en')).to.equal('Mon');
    expect(formatWeekday('mo', 'fr')).to.equal('lun.');
    expect(formatWeekday('su', 'es')).to.equal('dom');
  });
});
