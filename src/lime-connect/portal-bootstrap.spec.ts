import { createDefaultConfig, parseConfig } from '../config';
import {
  defaultCrmUrl,
  derivePortalBootstrap,
  parsePortalBootstrap,
  type BootstrapResult,
} from './portal-bootstrap';

const PAGE = 'https://crm.example.com/lime/static/limepkg_conversations/portal/index.html';

const valid = () => ({
  allowedOrigins: ['https://app.lime-connect.com'],
  lookupRules: [
    { contactField: 'email', limetype: 'person', property: 'email', match: 'case-insensitive' },
  ],
  views: [{ limetype: 'person', properties: ['phone'], aggregations: [] }],
  defaultCountry: 'SE',
  webclientUrl: 'https://crm.example.com/lime/webclient/#/{limetype}/{id}',
});

const refusal = (json: unknown): string => {
  const result: BootstrapResult = parsePortalBootstrap(json, PAGE);
  if (result.ok) {
    throw new Error('expected a refusal');
  }
  return result.message;
};

describe('parsePortalBootstrap', () => {
  it('accepts what the Portal needs, and defaults the CRM to the application it is served under', () => {
    expect(parsePortalBootstrap(valid(), PAGE)).toEqual({
      ok: true,
      bootstrap: { ...valid(), crmUrl: 'https://crm.example.com/lime/' },
    });
  });

  it('takes crmUrl from the bootstrap when the Portal is hosted elsewhere', () => {
    const result = parsePortalBootstrap(
      { ...valid(), crmUrl: 'https://crm.example.com/lime/' },
      'https://portal.example.net/index.html',
    );
    expect(result).toMatchObject({
      ok: true,
      bootstrap: { crmUrl: 'https://crm.example.com/lime/' },
    });
  });

  it('fills in defaults for what may be left out', () => {
    expect(
      parsePortalBootstrap({ allowedOrigins: ['https://app.lime-connect.com'] }, PAGE),
    ).toEqual({
      ok: true,
      bootstrap: {
        crmUrl: 'https://crm.example.com/lime/',
        allowedOrigins: ['https://app.lime-connect.com'],
        lookupRules: [],
        views: [],
        defaultCountry: 'SE',
        webclientUrl: '',
      },
    });
  });

  it.each([
    [{ mediaImport: { enabled: true, apiKey: 'k' } }, 'mediaImport'],
    [{ apiKey: 'k' }, 'apiKey'],
    [{ views: [{ limetype: 'person', api_key: 'k' }] }, 'views.0.api_key'],
    [
      {
        lookupRules: [{ contactField: 'email', limetype: 'person', property: 'email', token: 't' }],
      },
      'lookupRules.0.token',
    ],
    [{ crmPassword: 'p' }, 'crmPassword'],
    [{ clientSecret: 's' }, 'clientSecret'],
    [{ extra: { deep: { Authorization: 'Bearer x' } } }, 'extra.deep.Authorization'],
  ])('refuses a bootstrap carrying a secret (%j), naming where', (extra, where) => {
    const message = refusal({ ...valid(), ...extra });
    expect(message).toContain(where);
    expect(message).toMatch(/public and must hold no secret/);
    expect(message).toContain('npm run portal-config');
  });

  it('refuses the whole package config served as it used to be ({ crmUrl, config })', () => {
    const message = refusal({ crmUrl: 'https://crm.example.com/', config: createDefaultConfig() });
    expect(message).toMatch(/mediaImport/);
    const withoutSecrets = refusal({ crmUrl: 'https://crm.example.com/', config: {} });
    expect(withoutSecrets).toMatch(/"config" is not for the Portal/);
  });

  it('refuses what the Portal does not need', () => {
    expect(refusal({ ...valid(), topics: [] })).toMatch(/"topics" is not for the Portal/);
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'ftp://crm.example.com/', 'not a url'])(
    'refuses a webclientUrl that is not http(s): %s',
    (webclientUrl) => {
      expect(refusal({ ...valid(), webclientUrl })).toMatch(
        /^webclientUrl: must be an http\(s\) URL/,
      );
    },
  );

  it('refuses URLs that carry a user name or password', () => {
    expect(refusal({ ...valid(), crmUrl: 'https://admin:pw@crm.example.com/' })).toBe(
      'crmUrl: must not hold a user name or password',
    );
  });

  it.each(['javascript:alert(1)', 'crm.example.com', ''])(
    'refuses a crmUrl that is not http(s): %j',
    (crmUrl) => {
      expect(refusal({ ...valid(), crmUrl })).toMatch(/^crmUrl: must be an http\(s\) URL/);
    },
  );

  it("refuses the 'null' origin, saying why", () => {
    expect(
      refusal({ ...valid(), allowedOrigins: ['https://app.lime-connect.com', 'null'] }),
    ).toMatch(/^allowedOrigins\.1: "null" is the origin of sandboxed and local pages/);
  });

  it.each([
    'https://app.lime-connect.com/',
    'https://app.lime-connect.com/chat',
    'app.lime-connect.com',
    '*',
    'file:///tmp',
    'HTTPS://APP.LIME-CONNECT.COM',
  ])('refuses a malformed origin: %s', (origin) => {
    expect(refusal({ ...valid(), allowedOrigins: [origin] })).toMatch(
      /^allowedOrigins\.0: ".*" is not an origin: write scheme:\/\/host\[:port\]/,
    );
  });

  it('refuses a bootstrap with no allowed origin', () => {
    expect(refusal({ ...valid(), allowedOrigins: [] })).toBe(
      'allowedOrigins: must list at least one Lime Connect origin',
    );
  });

  it('refuses a malformed rule, country or view, naming where', () => {
    expect(
      refusal({ ...valid(), lookupRules: [{ contactField: 'email', limetype: 'person' }] }),
    ).toMatch(/^lookupRules\.0\.property: /);
    expect(refusal({ ...valid(), defaultCountry: 'Sweden' })).toBe(
      'defaultCountry: must be a two-letter ISO country code, e.g. SE',
    );
    expect(refusal({ ...valid(), views: [{ properties: [] }] })).toMatch(/^views\.0\.limetype: /);
  });

  it.each([null, 'text', [], 42])('refuses JSON that is no bootstrap at all: %j', (json) => {
    expect(refusal(json)).toMatch(/^portal-config\.json: /);
  });

  it('survives any nesting depth', () => {
    let deep: unknown = {};
    for (let index = 0; index < 50_000; index++) {
      deep = { next: deep };
    }
    expect(refusal({ ...valid(), deep })).toMatch(/"deep" is not for the Portal/);
  });
});

describe('defaultCrmUrl', () => {
  it.each([
    [PAGE, 'https://crm.example.com/lime/'],
    ['https://crm.example.com/static/pkg/portal/index.html', 'https://crm.example.com/'],
    ['https://portal.example.net/conversations/index.html', 'https://portal.example.net/'],
  ])('reads %s as served under %s', (page, crm) => {
    expect(defaultCrmUrl(page)).toBe(crm);
  });
});

describe('derivePortalBootstrap', () => {
  it('takes only what the Portal needs from the package config, and the Portal accepts it', () => {
    const parsed = parseConfig({
      mediaImport: { enabled: true, apiKey: 'very-secret' },
      defaultCountry: 'FI',
      portal: { webclientUrl: 'https://crm.example.com/lime/webclient/' },
    });
    if (!parsed.ok) {
      throw new Error('the config should parse');
    }
    const bootstrap = derivePortalBootstrap(parsed.config);
    expect(JSON.stringify(bootstrap)).not.toContain('very-secret');
    expect(Object.keys(bootstrap).sort()).toEqual([
      'allowedOrigins',
      'defaultCountry',
      'lookupRules',
      'views',
      'webclientUrl',
    ]);
    expect(parsePortalBootstrap(JSON.parse(JSON.stringify(bootstrap)), PAGE)).toEqual({
      ok: true,
      bootstrap: {
        ...bootstrap,
        crmUrl: 'https://crm.example.com/lime/',
        lookupRules: parsed.config.lookupRules,
      },
    });
    expect(derivePortalBootstrap(parsed.config, 'https://crm.example.com/lime/').crmUrl).toBe(
      'https://crm.example.com/lime/',
    );
  });
});
