import { createLimeTypes } from '../../emulator/schema';
import type { LookupResult } from '../../lookup';
import { lookupReport } from './lookup-report';

const t = (key: string, params?: Record<string, unknown>) =>
  `${key}${params ? ` ${JSON.stringify(params)}` : ''}`;
const limetypes = createLimeTypes();

describe('lookupReport', () => {
  it('names the rule and the object found', () => {
    const result: LookupResult = {
      found: true,
      ruleIndex: 1,
      rule: {
        contactField: 'mobileNumber',
        limetype: 'person',
        property: 'mobilephone',
        match: 'phone',
      },
      limetype: 'person',
      objects: [{ id: 1001, descriptive: 'Jane Doe', value: '+46 70-123 45 67', row: {} }],
      ambiguous: false,
      tried: [
        {
          ruleIndex: 0,
          contactField: 'email',
          limetype: 'person',
          property: 'email',
          skipped: 'empty-field',
        },
        {
          ruleIndex: 1,
          contactField: 'mobileNumber',
          limetype: 'person',
          property: 'mobilephone',
          value: '0701234567',
          matches: 1,
        },
      ],
    };
    const report = lookupReport(t, limetypes, result);
    expect(report.tone).toBe('success');
    expect(report.heading).toBe(
      'config.test_lookup.found {"rule":2,"limetype":"person","count":1,"descriptive":"Jane Doe","id":1001}',
    );
    expect(report.lines[0]).toMatch(/^config\.test_lookup\.tried\.empty/);
    expect(report.lines[1]).toMatch(
      /^config\.test_lookup\.tried\.matched .*"property":"Mobile phone"/,
    );
  });

  it('says a match is ambiguous, and what each rule tried when none matched', () => {
    const ambiguous = lookupReport(t, limetypes, {
      found: true,
      ruleIndex: 0,
      rule: { contactField: 'company', limetype: 'company', property: 'name', match: 'exact' },
      limetype: 'company',
      objects: [
        { id: 1, descriptive: 'Acme', value: 'Acme', row: {} },
        { id: 2, descriptive: 'Acme', value: 'Acme', row: {} },
      ],
      ambiguous: true,
      tried: [],
    });
    expect(ambiguous.tone).toBe('warning');
    expect(ambiguous.heading).toMatch(/^config\.test_lookup\.found_several/);

    const none = lookupReport(t, limetypes, {
      found: false,
      tried: [
        {
          ruleIndex: 0,
          contactField: 'email',
          limetype: 'person',
          property: 'email',
          value: 'x@y.se',
          matches: 0,
        },
        {
          ruleIndex: 1,
          contactField: 'phoneNumber',
          limetype: 'person',
          property: 'phone',
          value: '1',
          error: { kind: 'server-error', status: 500, message: 'HTTP 500' },
        },
      ],
    });
    expect(none.heading).toBe('config.test_lookup.no_match');
    expect(none.lines.map((line) => line.split(' ')[0])).toEqual([
      'config.test_lookup.tried.none',
      'config.test_lookup.tried.error',
    ]);
  });
});
