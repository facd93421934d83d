import { createLimeTypes } from '../emulator/schema';
import { importUserlikeConfig, parseConfig, validateConfig } from '.';

const userlikeConfig = {
  instances: [
    {
      name: 'Support',
      limetype: 'helpdesk',
      relationCoworker: 'coworker',
      relationCompany: 'company',
      relationHistory: 'history',
      relationConversation: 'conversation',
      relationDocument: 'document',
      baseUrl: 'https://app.lime-connect.com/message-center/conversation/',
      importMediaFiles: true,
      properties: [
        { name: 'title', userlikeKey: 'subject' },
        { name: 'statuscolor', defaultValue: 'new' },
        { name: 'description', userlikeKey: 'favourite_colour' },
      ],
    },
    { name: 'Sales', limetype: 'deal', relationCompany: 'company', widgetId: 12 },
  ],
  personRelation: [
    { identificationKey: 'email', propertyIdentifier: 'email' },
    { identificationKey: 'mobile_number', propertyIdentifier: 'mobilephone' },
    { identificationKey: 'customer_no', propertyIdentifier: 'position' },
  ],
};

describe('importUserlikeConfig', () => {
  it('turns each userlike instance into a topic with its attachments and property values', () => {
    const result = importUserlikeConfig(userlikeConfig);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.topics).toEqual([
      {
        topic: 'Support',
        limetype: 'helpdesk',
        historyType: 'limeconnect',
        importMediaFiles: true,
        attachments: [
          { property: 'company', source: 'identified-company' },
          { property: 'coworker', source: 'operator' },
        ],
        properties: [
          { property: 'title', value: { kind: 'conversation', field: 'subject' } },
          { property: 'statuscolor', value: { kind: 'fixed', value: 'new' } },
        ],
      },
      {
        topic: 'Sales',
        limetype: 'deal',
        historyType: 'limeconnect',
        importMediaFiles: false,
        attachments: [{ property: 'company', source: 'identified-company' }],
        properties: [],
      },
    ]);
    expect(result.config.mediaImport.enabled).toBe(true);
  });

  it('turns the ordered personRelation rules into lookup rules on person, in the same order', () => {
    const result = importUserlikeConfig(userlikeConfig);
    expect(result.ok && result.config.lookupRules).toEqual([
      { contactField: 'email', limetype: 'person', property: 'email', match: 'case-insensitive' },
      { contactField: 'mobileNumber', limetype: 'person', property: 'mobilephone', match: 'phone' },
      {
        contactField: 'customFieldData.customer_no',
        limetype: 'person',
        property: 'position',
        match: 'exact',
      },
    ]);
  });

  it('lists what could not be carried over', () => {
    const result = importUserlikeConfig(userlikeConfig);
    expect(result.ok && result.notCarried.map((item) => `${item.at}: ${item.message}`)).toEqual([
      'instances[0].relationHistory: "history" is found from the limetypes here, not configured',
      'instances[0].relationConversation: "conversation" is found from the limetypes here, not configured',
      'instances[0].relationDocument: "document" is found from the limetypes here, not configured',
      'instances[0].properties[2].userlikeKey: "favourite_colour": no Lime Connect field of that name',
      'instances[1].widgetId: not a setting of this package',
    ]);
    expect(result.ok && result.notCarried.map((item) => item.code)).toEqual([
      'found-from-limetypes',
      'found-from-limetypes',
      'found-from-limetypes',
      'unknown-userlike-key',
      'not-a-setting',
    ]);
  });

  it('checks what it writes against the limetypes, and lists what does not fit instead of writing it', () => {
    const limetypes = createLimeTypes();
    const result = importUserlikeConfig(
      {
        instances: [
          {
            name: 'Support',
            limetype: 'helpdesk',
            relationPerson: 'person',
            relationCoworker: 'company',
            properties: [
              { name: 'name', userlikeKey: 'subject' },
              { name: 'title', userlikeKey: 'subject' },
              { name: 'company', defaultValue: 'Acme' },
            ],
          },
          { name: 'Claims', limetype: 'claim' },
        ],
        personRelation: [
          { identificationKey: 'email', propertyIdentifier: 'email' },
          { identificationKey: 'phone', propertyIdentifier: 'fax' },
          { identificationKey: 'name', propertyIdentifier: 'inactive' },
        ],
      },
      undefined,
      limetypes,
    );
    if (!result.ok) throw new Error('not imported');
    expect(result.config.topics).toEqual([
      expect.objectContaining({
        topic: 'Support',
        attachments: [{ property: 'person', source: 'identified-person' }],
        properties: [{ property: 'title', value: { kind: 'conversation', field: 'subject' } }],
      }),
    ]);
    expect(result.config.lookupRules.map((rule) => rule.property)).toEqual(['email']);
    expect(result.notCarried.map((item) => [item.at, item.code])).toEqual([
      ['instances[0].relationCoworker', 'relation-to-other-limetype'],
      ['instances[0].properties[0]', 'unknown-property'],
      ['instances[0].properties[2]', 'relation-not-a-value'],
      ['instances[1].limetype', 'unknown-limetype'],
      ['personRelation[1].propertyIdentifier', 'unknown-property'],
      ['personRelation[2].propertyIdentifier', 'not-a-lookup-property'],
    ]);
    expect(validateConfig(result.config, limetypes).errors).toEqual([]);
  });

  it('gives a config that parses and validates against the demo CRM', () => {
    const result = importUserlikeConfig(JSON.stringify(userlikeConfig));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(parseConfig(JSON.parse(JSON.stringify(result.config)))).toEqual({
      ok: true,
      config: result.config,
      warnings: [],
    });
    expect(validateConfig(result.config, createLimeTypes()).errors).toEqual([]);
  });

  it('keeps the rest of the config it imports into', () => {
    const base = parseConfig({ defaultCountry: 'NO', custom: 1 });
    if (!base.ok) throw new Error('base');
    const result = importUserlikeConfig({ personRelation: [] }, base.config);
    expect(result.ok && result.config).toEqual(base.config);
  });

  it('refuses what is not a userlike config, and says where', () => {
    expect(importUserlikeConfig('not json').ok).toBe(false);
    const result = importUserlikeConfig({ instances: [{ name: 'Support' }] });
    expect(!result.ok && result.issues.map((issue) => issue.path.join('.'))).toEqual([
      'instances.0.limetype',
    ]);
  });
});
