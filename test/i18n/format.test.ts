import { expect } from '@open-wc/testing';
import { chooseUnit, coarseValue, formatCoarse, formatDistance } from '../../src/element/format.js';
import { en } from '../../src/i18n/en.js';
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
