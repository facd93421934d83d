import { translator } from '../../lime';
import { createPortalPlatform } from './portal-platform';

describe('the Portal platform', () => {
  it("translates the Portal's texts in the operator's language, with parameters", () => {
    let language: 'en' | 'sv' = 'en';
    const platform = createPortalPlatform(() => language);
    const t = translator(platform);
    expect(t('portal.view_in_crm')).toBe('View in CRM');
    expect(t('portal.section.count', { shown: 5, total: 12 })).toBe('5 / 12');
    language = 'sv';
    expect(t('portal.view_in_crm')).toBe('Visa i CRM');
    expect(
      t('portal.tried.no_match', { limetype: 'person', field: 'e-post', value: 'a@b.se' }),
    ).toBe('Ingen person med e-post a@b.se');
  });

  it('answers the key itself for a text that does not exist', () => {
    const t = translator(createPortalPlatform(() => 'sv'));
    expect(t('portal.no_such_text')).toBe('portal.no_such_text');
  });
});
