import {
  formatFieldValue,
  localiseIsoDates,
  safeHttpUrl,
  sectionItemLabels,
} from './portal-format';
import { portalLanguage, toBcp47 } from '../../lime-connect/operator-locale';
import type { OverviewField } from '../../lime-connect/portal-record';

const field = (
  type: string,
  value: unknown,
  extra: Partial<OverviewField> = {},
): OverviewField => ({
  property: 'p',
  label: 'P',
  type,
  value,
  ...extra,
});
const en = { locale: 'en-US', yes: 'Yes', no: 'No', empty: '—' };
const sv = { locale: 'sv-SE', yes: 'Ja', no: 'Nej', empty: '—' };

describe('formatting the overview', () => {
  it("writes a date and time in the operator's locale", () => {
    const when = '2026-11-03T14:05:00.000Z';
    expect(formatFieldValue(field('time', when), en)).toBe(
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(when),
      ),
    );
    expect(formatFieldValue(field('time', when), sv)).toBe(
      new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(when),
      ),
    );
    expect(formatFieldValue(field('time', when), sv)).not.toBe(
      formatFieldValue(field('time', when), en),
    );
  });

  it('shows a relation by the related object name, not its id', () => {
    const company = field(
      'belongsto',
      { _id: 1001, _descriptive: 'Acme AB' },
      {
        related: { limetype: 'company', id: 1001, descriptive: 'Acme AB' },
      },
    );
    expect(formatFieldValue(company, en)).toBe('Acme AB');
  });

  it('shows an option by its text', () => {
    const status = field('option', 'ongoing', { options: [{ key: 'ongoing', text: 'Ongoing' }] });
    expect(formatFieldValue(status, en)).toBe('Ongoing');
  });

  it('writes numbers and yes/no the way the locale does', () => {
    expect(formatFieldValue(field('decimal', 12500.5), sv)).toBe(
      new Intl.NumberFormat('sv-SE').format(12500.5),
    );
    expect(formatFieldValue(field('yesno', true), sv)).toBe('Ja');
  });

  it('shows an empty value as a dash, and a broken date as written', () => {
    expect(formatFieldValue(field('string', null), en)).toBe('—');
    expect(formatFieldValue(field('string', ''), en)).toBe('—');
    expect(formatFieldValue(field('time', 'not a date'), en)).toBe('not a date');
  });

  it('reads Lime Connect locales', () => {
    expect(toBcp47('en_US')).toBe('en-US');
    expect(toBcp47('sv_SE')).toBe('sv-SE');
    expect(toBcp47(null)).toBe('en');
    expect(toBcp47('!!')).toBe('en');
    expect(portalLanguage('sv_SE')).toBe('sv');
    expect(portalLanguage('de_DE')).toBe('en');
  });

  it('opens only http and https links', () => {
    expect(safeHttpUrl('https://acme.example')).toBe('https://acme.example/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('acme.example')).toBeUndefined();
  });
});

describe('section item labels', () => {
  it("writes the dates of descriptives in the operator's locale", () => {
    expect(localiseIsoDates('Lime Connect chat · 2026-11-21', 'en-US')).toBe(
      'Lime Connect chat · Nov 21, 2026',
    );
    expect(localiseIsoDates('Lime Connect chat · 2026-11-21', 'sv-SE')).toBe(
      'Lime Connect chat · 21 nov. 2026',
    );
    expect(localiseIsoDates('Call 2026-11-21T09:58:03Z', 'en-US')).toMatch(/^Call Nov 21, 2026/);
    expect(localiseIsoDates('order 12345-67-89 stays', 'en-US')).toBe('order 12345-67-89 stays');
    expect(localiseIsoDates('2026-13-45 is no date', 'en-US')).toBe('2026-13-45 is no date');
  });

  it('tells apart items that would read the same, and leaves the others as they are', () => {
    expect(
      sectionItemLabels(
        [
          { id: 1003, descriptive: 'Lime Connect chat · 2026-11-21' },
          { id: 1004, descriptive: 'Lime Connect chat · 2026-11-21' },
          { id: 1005, descriptive: 'Talked to · 2026-11-19' },
        ],
        'en-US',
      ),
    ).toEqual([
      'Lime Connect chat · Nov 21, 2026 · #1003',
      'Lime Connect chat · Nov 21, 2026 · #1004',
      'Talked to · Nov 19, 2026',
    ]);
  });

  it('stays linear on a huge hostile descriptive', () => {
    const hostile = '2026-11-21T'.repeat(50_000);
    expect(localiseIsoDates(hostile, 'en-US').length).toBeGreaterThan(0);
  });
});
