import { translator } from '../../lime';
import { createPortalPlatform } from './portal-platform';
import { describeTried } from './portal-tried';

const names: Record<string, string> = { person: 'person', company: 'company' };

describe('describeTried', () => {
  it('names each rule tried, its field and the value searched for', () => {
    const t = translator(createPortalPlatform(() => 'en'));
    const lines = describeTried(
      [
        {
          ruleIndex: 0,
          contactField: 'email',
          limetype: 'person',
          property: 'email',
          value: 'jane@example.com',
          matches: 0,
        },
        {
          ruleIndex: 1,
          contactField: 'mobileNumber',
          limetype: 'person',
          property: 'mobilephone',
          skipped: 'empty-field',
        },
        {
          ruleIndex: 2,
          contactField: 'phoneNumber',
          limetype: 'person',
          property: 'phone',
          value: 'call me',
          skipped: 'not-a-phone-number',
        },
        {
          ruleIndex: 3,
          contactField: 'company',
          limetype: 'company',
          property: 'name',
          value: 'Acme',
          matches: 0,
        },
        {
          ruleIndex: 4,
          contactField: 'customFieldData.customer_no',
          limetype: 'company',
          property: 'no',
          value: 'C1',
          error: { kind: 'server-error', status: 500, message: 'HTTP 500' },
        },
      ],
      (limetype) => names[limetype],
      t,
    );
    expect(lines).toEqual([
      'No person with email jane@example.com',
      'No person searched: the contact has no mobile number',
      'No person searched: “call me” is not a phone number',
      'No company with company name Acme',
      'Could not search company by custom field customer_no',
    ]);
  });

  it('says it in Swedish to a Swedish operator', () => {
    const t = translator(createPortalPlatform(() => 'sv'));
    const lines = describeTried(
      [
        {
          ruleIndex: 0,
          contactField: 'email',
          limetype: 'person',
          property: 'email',
          value: 'a@b.se',
          matches: 0,
        },
      ],
      () => 'person',
      t,
    );
    expect(lines).toEqual(['Ingen person med e-post a@b.se']);
  });
});
