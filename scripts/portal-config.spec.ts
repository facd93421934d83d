import { portalConfigFrom } from './portal-config';

describe('npm run portal-config', () => {
  it('derives the bootstrap from the package config as Lime Admin saves it, without its secrets', () => {
    const result = portalConfigFrom(
      {
        limepkg_conversations: {
          mediaImport: { enabled: true, apiKey: 'very-secret' },
          portal: { allowedOrigins: ['https://app.lime-connect.com'] },
        },
      },
      'https://crm.example.com/lime/',
    );
    expect(result).toMatchObject({
      ok: true,
      bootstrap: {
        crmUrl: 'https://crm.example.com/lime/',
        allowedOrigins: ['https://app.lime-connect.com'],
      },
    });
    expect(JSON.stringify(result)).not.toContain('very-secret');
  });

  it('refuses a package config whose Portal settings the Portal would refuse', () => {
    expect(portalConfigFrom({ portal: { webclientUrl: 'javascript:alert(1)' } })).toEqual({
      ok: false,
      message: expect.stringMatching(/^webclientUrl: must be an http\(s\) URL/),
    });
    expect(portalConfigFrom({ portal: { allowedOrigins: ['null'] } })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^allowedOrigins\.0: "null"/),
    });
  });
});
