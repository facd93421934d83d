import { formatFieldValue, portalLanguage, safeHttpUrl, toBcp47 } from './portal-format';
import type { OverviewField } from './portal-record';

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
