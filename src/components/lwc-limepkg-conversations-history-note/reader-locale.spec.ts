import { DateFormatter, localDay, readerLocale } from './reader-locale';

describe('readerLocale', () => {
  it('takes the Lime CRM language, with the region the browser prefers for it', () => {
    expect(readerLocale('sv', ['en-US', 'sv-FI'])).toBe('sv-FI');
    expect(readerLocale('sv', ['en-US'])).toBe('sv');
  });

  it('falls back to the browser, then to English', () => {
    expect(readerLocale(undefined, ['de-AT', 'en'])).toBe('de-AT');
    expect(readerLocale('', [])).toBe('en');
    expect(readerLocale('not a locale!', [])).toBe('en');
  });
});

describe('DateFormatter', () => {
  it('shows a time with an offset in the reader time zone and locale', () => {
    const iso = '2026-11-18T09:30:00+01:00';
    const expected = new Intl.DateTimeFormat('sv', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(iso));
    expect(new DateFormatter('sv').dateAndTime(iso)).toBe(expected);
  });

  it('shows a date without a time of day as that calendar day, whatever the time zone', () => {
    expect(new DateFormatter('en-GB').dateAndTime('2026-11-20')).toBe('20 Nov 2026');
  });

  it('gives nothing for text that is no time', () => {
    const formatter = new DateFormatter('en');
    expect([
      formatter.dateAndTime('next Tuesday'),
      formatter.dateAndTime(null),
      formatter.timeOfDay('x'),
    ]).toEqual([undefined, undefined, undefined]);
    expect(localDay('garbage')).toBeUndefined();
  });

  it('tells two times on the same local day apart from times on different days', () => {
    expect(localDay('2026-11-21T10:00:00')).toBe(localDay('2026-11-21T11:00:00'));
    expect(localDay('2026-11-21T10:00:00')).not.toBe(localDay('2026-11-22T10:00:00'));
  });
});
