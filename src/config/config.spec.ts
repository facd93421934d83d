import { createLimeTypes } from '../emulator/schema';
import { LimeQueryOperator, type LimeTypes } from '../lime/types';
import {
  conversationsConfigSchema,
  createDefaultConfig,
  defaultConfig,
  parseConfig,
  validateConfig,
  type ConversationsConfig,
  type IssueCode,
} from '.';

const limetypes: LimeTypes = createLimeTypes();

function configWith(change: (config: ConversationsConfig) => void): ConversationsConfig {
  const config = createDefaultConfig();
  change(config);
  return config;
}

function codes(issues: { code: IssueCode }[]): IssueCode[] {
  return issues.map((issue) => issue.code);
}

describe('parseConfig', () => {
  it('gives the demo defaults when nothing is stored yet', () => {
    expect(parseConfig(undefined)).toEqual({ ok: true, config: defaultConfig, warnings: [] });
    expect(parseConfig(null)).toEqual({ ok: true, config: defaultConfig, warnings: [] });
    expect(parseConfig({})).toEqual({ ok: true, config: defaultConfig, warnings: [] });
  });

  it('warns about a Lime Connect API key left in the runtime configuration, and drops it', () => {
    const result = parseConfig({
      mediaImport: { enabled: true, apiKey: 'lc-secret', retries: 2 },
      defaultCountry: 'NO',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      expect.objectContaining({
        path: ['mediaImport', 'apiKey'],
        code: 'api-key-in-runtime-config',
        message: expect.stringContaining('application configuration'),
      }),
    ]);
    // Everyone the parsed config reaches (the Portal, the dialogs, a save) never sees the key.
    expect(result.config.mediaImport).toEqual({ enabled: true, retries: 2 });
    expect(JSON.stringify(result.config)).not.toContain('lc-secret');
    expect(result.config.defaultCountry).toBe('NO');
  });

  it('drops an empty API key from the runtime configuration without a warning', () => {
    for (const apiKey of ['', '  ', null]) {
      const result = parseConfig({ mediaImport: { enabled: false, apiKey } });
      expect(result).toEqual({ ok: true, config: defaultConfig, warnings: [] });
    }
  });

  it('fills in defaults a stored config leaves out', () => {
    const result = parseConfig({ topics: [{ topic: 'Billing', limetype: 'helpdesk' }] });
    expect(result.ok && result.config.topics[0]).toEqual({
      topic: 'Billing',
      limetype: 'helpdesk',
      historyType: 'limeconnect',
      importMediaFiles: false,
      attachments: [],
      properties: [],
    });
    expect(result.ok && result.config.defaultCountry).toBe('SE');
  });

  it('keeps keys it does not know, at every level, through a load/save round trip', () => {
    const stored = {
      futureSetting: { a: 1 },
      topics: [
        {
          topic: 'Support',
          limetype: 'helpdesk',
          priority: 'high',
          attachments: [{ property: 'person', source: 'identified-person', note: 'x' }],
        },
      ],
      lookupRules: [
        {
          contactField: 'email',
          limetype: 'person',
          property: 'email',
          match: 'exact',
          comment: 'kept',
        },
      ],
      portal: { theme: 'dark' },
    };
    const first = parseConfig(stored);
    expect(first.ok).toBe(true);
    const saved = JSON.parse(JSON.stringify(first.ok && first.config));
    const second = parseConfig(saved);
    expect(second.ok && second.config).toEqual(first.ok && first.config);
    expect(saved.futureSetting).toEqual({ a: 1 });
    expect(saved.topics[0].priority).toBe('high');
    expect(saved.topics[0].attachments[0].note).toBe('x');
    expect(saved.lookupRules[0].comment).toBe('kept');
    expect(saved.portal.theme).toBe('dark');
  });

  it('reads JSON text, and says where text is not JSON', () => {
    expect(parseConfig('{"defaultCountry":"NO"}')).toMatchObject({
      ok: true,
      config: { defaultCountry: 'NO' },
    });
    const broken = parseConfig('{"defaultCountry":');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.issues[0]).toMatchObject({
      code: 'not-json',
      message: expect.stringMatching(/not valid JSON \(line 1, column 19\)/),
      params: { line: 1, column: 19 },
    });
    const secondLine = parseConfig('{\n  "a": 1\n  "b": 2\n}');
    expect(!secondLine.ok && secondLine.issues[0].params).toEqual({ line: 3, column: 3 });
  });

  it('refuses a malformed config with the path of each problem', () => {
    const result = parseConfig({
      topics: [{ topic: '   ', limetype: 'helpdesk' }],
      lookupRules: [{ contactField: 'fax', limetype: 'person', property: 'phone', match: 'fuzzy' }],
      resendMode: 'sometimes',
      portal: {
        views: [{ limetype: 'person', aggregations: [{ title: 'x', relation: 'deal', limit: 0 }] }],
      },
    });
    expect(result.ok).toBe(false);
    const paths = !result.ok ? result.issues.map((issue) => issue.path.join('.')) : [];
    expect(paths).toEqual(
      expect.arrayContaining([
        'topics.0.topic',
        'lookupRules.0.contactField',
        'lookupRules.0.match',
        'resendMode',
        'portal.views.0.aggregations.0.limit',
      ]),
    );
    // Our codes and words, never zod's own text.
    const issues = !result.ok ? result.issues : [];
    const at = (path: string) => issues.find((issue) => issue.path.join('.') === path);
    expect(at('topics.0.topic')).toMatchObject({ code: 'value-required' });
    expect(at('resendMode')).toMatchObject({ code: 'value-not-allowed' });
    expect(at('portal.views.0.aggregations.0.limit')).toMatchObject({
      code: 'value-too-small',
      params: { minimum: 1 },
    });
    issues.forEach((issue) =>
      expect(issue.message).not.toMatch(/Too small|Invalid input|expected string|Invalid option/),
    );
  });

  it('accepts customFieldData.<key> as a contact field, but not a bare prefix', () => {
    const rule = { limetype: 'person', property: 'email', match: 'exact' };
    expect(
      parseConfig({ lookupRules: [{ ...rule, contactField: 'customFieldData.customerNo' }] }).ok,
    ).toBe(true);
    expect(parseConfig({ lookupRules: [{ ...rule, contactField: 'customFieldData.' }] }).ok).toBe(
      false,
    );
  });

  it('gives every caller its own copy of the defaults', () => {
    const mine = createDefaultConfig();
    mine.topics.push({ ...mine.topics[0], topic: 'Mine' });
    expect(createDefaultConfig().topics).toHaveLength(defaultConfig.topics.length);
    expect(Object.isFrozen(defaultConfig.topics)).toBe(true);
  });
});

describe('validateConfig', () => {
  it('finds nothing wrong with the defaults in the demo CRM', () => {
    expect(validateConfig(createDefaultConfig(), limetypes)).toEqual({ errors: [], warnings: [] });
  });

  it('names a limetype that does not exist, at its field', () => {
    const { errors } = validateConfig(
      configWith((c) => (c.topics[0].limetype = 'ticket')),
      limetypes,
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'unknown-limetype', path: ['topics', 0, 'limetype'] }),
    );
  });

  it('names a property that does not exist, at its field, and its limetype by its local name', () => {
    const { errors } = validateConfig(
      configWith((c) => (c.conversation.idProperty = 'chatid')),
      limetypes,
    );
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'unknown-property',
        path: ['conversation', 'idProperty'],
        params: { limetype: 'Conversation', property: 'chatid' },
      }),
    ]);
  });

  it('refuses an attachment on a property that is not a relation', () => {
    const { errors } = validateConfig(
      configWith((c) => c.topics[0].attachments.push({ property: 'title', source: 'operator' })),
      limetypes,
    );
    expect(codes(errors)).toContain('attachment-not-relation');
  });

  it('refuses an attachment whose relation leads to another limetype than its source', () => {
    const { errors } = validateConfig(
      configWith((c) => (c.topics[0].attachments[0].source = 'operator')),
      limetypes,
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'attachment-wrong-limetype',
        path: ['topics', 0, 'attachments', 0, 'property'],
        // Labels, as the admin reads them in the form.
        params: { property: 'Person', related: 'Person', expected: 'Coworker' },
      }),
    );
  });

  it('refuses the same relation filled twice in one topic', () => {
    const { errors } = validateConfig(
      configWith((c) =>
        c.topics[0].attachments.push({ property: 'company', source: 'identified-company' }),
      ),
      limetypes,
    );
    expect(codes(errors)).toEqual(['attachment-duplicate']);
  });

  it('requires the object of a fixed attachment', () => {
    const { errors } = validateConfig(
      configWith((c) => (c.topics[0].attachments[2] = { property: 'coworker', source: 'fixed' })),
      limetypes,
    );
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'fixed-attachment-without-object',
        path: ['topics', 0, 'attachments', 2, 'objectId'],
      }),
    ]);
    const fixed = configWith(
      (c) =>
        (c.topics[0].attachments[2] = { property: 'coworker', source: 'fixed', objectId: 1001 }),
    );
    expect(validateConfig(fixed, limetypes).errors).toEqual([]);
  });

  it('refuses topics that differ only in case and spaces', () => {
    const { errors } = validateConfig(
      configWith((c) => (c.topics[1].topic = ' SUPPORT ')),
      limetypes,
    );
    expect(errors).toEqual([
      expect.objectContaining({ code: 'topic-duplicate', path: ['topics', 1, 'topic'] }),
    ]);
  });

  it('refuses a history type the history limetype does not have', () => {
    const { errors } = validateConfig(
      configWith((c) => (c.topics[0].historyType = 'chat')),
      limetypes,
    );
    expect(codes(errors)).toEqual(['unknown-history-type']);
  });

  it('checks fixed property values against the property: option keys and value types', () => {
    const badOption = configWith((c) =>
      c.topics[0].properties.push({
        property: 'statuscolor',
        value: { kind: 'fixed', value: 'open' },
      }),
    );
    expect(codes(validateConfig(badOption, limetypes).errors)).toEqual([
      'property-value-unknown-option',
    ]);
    const goodOption = configWith((c) =>
      c.topics[0].properties.push({
        property: 'statuscolor',
        value: { kind: 'fixed', value: 'new' },
      }),
    );
    expect(validateConfig(goodOption, limetypes).errors).toEqual([]);
    const wrongType = configWith((c) =>
      c.topics[1].properties.push({ property: 'value', value: { kind: 'fixed', value: 'lots' } }),
    );
    expect(codes(validateConfig(wrongType, limetypes).errors)).toEqual([
      'property-value-wrong-type',
    ]);
  });

  it('refuses a property value on a relation, and an unknown conversation field', () => {
    const { errors } = validateConfig(
      configWith((c) => {
        c.topics[0].properties.push({
          property: 'company',
          value: { kind: 'conversation', field: 'contact.company' },
        });
        c.topics[0].properties.push({
          property: 'description',
          value: { kind: 'conversation', field: 'contact.shoeSize' },
        });
        c.topics[0].properties.push({
          property: 'description',
          value: { kind: 'conversation', field: 'customFieldData.orderNo' },
        });
      }),
      limetypes,
    );
    expect(codes(errors)).toEqual(['property-value-relation', 'unknown-conversation-field']);
  });

  it('refuses a lookup on a property that is not text, string or phone', () => {
    const { errors } = validateConfig(
      configWith((c) => (c.lookupRules[3].property = 'coworker')),
      limetypes,
    );
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'lookup-property-not-text',
        path: ['lookupRules', 3, 'property'],
      }),
    ]);
  });

  it('warns, without an error, when a phone rule stands before an email rule', () => {
    const result = validateConfig(
      configWith((c) => c.lookupRules.reverse()),
      limetypes,
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'lookup-order',
        path: ['lookupRules', 3, 'contactField'],
        params: expect.objectContaining({ earlier: 'company', later: 'email' }),
      }),
    );
  });

  it('warns when phone numbers are not matched as phone numbers', () => {
    const { warnings } = validateConfig(
      configWith((c) => (c.lookupRules[1].match = 'exact')),
      limetypes,
    );
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'lookup-match-mode', path: ['lookupRules', 1, 'match'] }),
    ]);
  });

  it('checks Portal views: limetype once, properties exist, aggregations follow relations', () => {
    const { errors } = validateConfig(
      configWith((c) => {
        c.portal.views[0].properties.push('shoesize');
        c.portal.views[0].aggregations.push({ title: 'Email', relation: 'email', limit: 5 });
        c.portal.views.push({ limetype: 'company', properties: [], aggregations: [] });
      }),
      limetypes,
    );
    expect(errors.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['unknown-property', 'portal.views.0.properties.4'],
      ['aggregation-not-relation', 'portal.views.0.aggregations.3.relation'],
      ['portal-view-duplicate', 'portal.views.2.limetype'],
    ]);
  });

  it('checks the keys of a Portal filter against the related limetype, through relations', () => {
    const { errors } = validateConfig(
      configWith((c) => {
        c.portal.views[1].aggregations.push({
          title: 'Open tickets',
          relation: 'helpdesk',
          limit: 5,
          filter: {
            op: LimeQueryOperator.AND,
            exp: [
              { key: 'statuscolor', op: LimeQueryOperator.IN, exp: ['new'] },
              { key: 'company.visitingcity', op: LimeQueryOperator.EQUALS, exp: 'Lund' },
              { key: '_id', op: LimeQueryOperator.GREATER, exp: 1 },
              {
                op: LimeQueryOperator.NOT,
                exp: { key: 'shoesize', op: LimeQueryOperator.EQUALS, exp: 42 },
              },
              { key: 'title.length', op: LimeQueryOperator.GREATER, exp: 1 },
            ],
          },
        });
      }),
      limetypes,
    );
    const at = 'portal.views.1.aggregations.4.filter';
    expect(
      errors.map((issue) => [issue.code, issue.path.join('.'), issue.params?.property]),
    ).toEqual([
      ['filter-not-relation', at, 'title'],
      ['filter-unknown-key', at, 'shoesize'],
    ]);
    expect(errors[1].params?.limetype).toBe('Helpdesk ticket');
  });

  it('needs the conversation limetype fields to exist and to have the right types', () => {
    const { errors } = validateConfig(
      configWith((c) => {
        c.conversation.idProperty = 'topic';
        c.conversation.startedProperty = 'nothing';
      }),
      limetypes,
    );
    expect(errors.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['conversation-property-wrong-type', 'conversation.idProperty'],
      ['unknown-property', 'conversation.startedProperty'],
    ]);
    expect(errors[0].params).toEqual({ property: 'Topic', type: 'string', expected: 'integer' });
  });

  it('refuses origins with a path, links that are not http(s), and unknown countries', () => {
    const { errors } = validateConfig(
      configWith((c) => {
        c.portal.allowedOrigins = ['https://app.lime-connect.com', 'https://evil.example/path'];
        c.conversationLinkBase = 'javascript:alert(1)//';
        c.portal.webclientUrl = 'ftp://crm';
        c.defaultCountry = 'XX';
      }),
      limetypes,
    );
    expect(errors.map((issue) => [issue.code, issue.path.join('.')])).toEqual([
      ['invalid-url', 'conversationLinkBase'],
      ['invalid-url', 'portal.webclientUrl'],
      ['unknown-country', 'defaultCountry'],
      ['invalid-origin', 'portal.allowedOrigins.1'],
    ]);
  });

  it('warns when a topic imports media with media import off; the API key is not its business', () => {
    // The key lives in the application configuration, which only the server side can read.
    const on = configWith((c) => (c.mediaImport.enabled = true));
    expect(codes(validateConfig(on, limetypes).warnings)).toEqual([]);
    const off = configWith((c) => (c.topics[0].importMediaFiles = true));
    expect(codes(validateConfig(off, limetypes).warnings)).toEqual(['topic-media-import-disabled']);
  });
});

describe('conversationsConfigSchema', () => {
  it('is the one source: its defaults are the defaults', () => {
    expect(conversationsConfigSchema.parse({})).toEqual(defaultConfig);
  });
});
