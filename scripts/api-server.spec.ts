import { parsePortalBootstrap } from '../src/lime-connect/portal-bootstrap';
import { sameSecret, startApiServer, type ApiServer } from './api-server';
import { DEV_API_KEY, mintDevToken } from './dev-auth';
import { createEmulator } from '../src/emulator';

const PORTAL = 'http://127.0.0.1:3334';
const personQuery = {
  limetype: 'person',
  filter: { key: 'email', op: '=', exp: 'jane@example.com' },
  responseFormat: { object: { _id: null, _descriptive: null } },
};

describe('the local API server', () => {
  let server: ApiServer;

  beforeAll(async () => {
    server = await startApiServer({ port: 0, portalOrigins: [PORTAL] });
  });
  afterAll(() => server.close());
  afterEach(() => server.emulator.faults.clear());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(new URL(path, server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('listens on loopback only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('answers a query with a valid bearer token', async () => {
    const token = await mintDevToken();
    const response = await post('api/v1/query/', personQuery, { Authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      objects: [{ _id: expect.any(Number), _descriptive: 'Jane Doe' }],
      aggregates: {},
    });
  });

  it.each([
    ['no token', {}],
    ['a token that is not a JWT', { Authorization: 'Bearer not-a-jwt' }],
    ['a token signed with another secret', 'other-secret'],
    ['an expired token', 'expired'],
    ['a wrong API key', { 'x-api-key': 'guess' }],
  ])('refuses %s with 401', async (_label, how) => {
    let headers: Record<string, string>;
    if (how === 'other-secret') {
      headers = { Authorization: `Bearer ${await mintDevToken({ secret: 'x'.repeat(40) })}` };
    } else if (how === 'expired') {
      headers = { Authorization: `Bearer ${await mintDevToken({ expired: true })}` };
    } else {
      headers = how as Record<string, string>;
    }
    const response = await post('api/v1/query/', personQuery, headers);
    expect(response.status).toBe(401);
  });

  it('serves the REST API to an x-api-key client', async () => {
    const response = await fetch(new URL('api/v1/limeobject/company/', server.url), {
      headers: { 'x-api-key': DEV_API_KEY },
    });
    expect(response.status).toBe(200);
  });

  it("admits exactly the Portal's origin through CORS", async () => {
    const preflight = (origin: string) =>
      fetch(new URL('api/v1/query/', server.url), {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const allowed = await preflight(PORTAL);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    for (const origin of [
      'http://127.0.0.1:3333',
      'http://127.0.0.1:33345',
      'https://evil.example',
    ]) {
      const refused = await preflight(origin);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('applies the latency and faults set on the emulator', async () => {
    server.emulator.faults.add({ kind: 'error', status: 503, times: 1 });
    const token = await mintDevToken();
    const failed = await post('api/v1/query/', personQuery, { Authorization: `Bearer ${token}` });
    expect(failed.status).toBe(503);
    const next = await post('api/v1/query/', personQuery, { Authorization: `Bearer ${token}` });
    expect(next.status).toBe(200);
  });

  it("serves the Portal's bootstrap config with the Message Center origins and its own URL", async () => {
    const response = await fetch(new URL('portal-config.json', server.url));
    const body = await response.json();
    expect(body).toMatchObject({
      crmUrl: server.url,
      allowedOrigins: ['http://127.0.0.1:3333', 'http://localhost:3333'],
    });
    // Derived from the package config: only what the Portal needs, which the Portal accepts.
    expect(Object.keys(body).sort()).toEqual([
      'allowedOrigins',
      'crmUrl',
      'defaultCountry',
      'lookupRules',
      'views',
      'webclientUrl',
    ]);
    expect(parsePortalBootstrap(body, 'http://127.0.0.1:3334/index.html')).toMatchObject({
      ok: true,
    });
  });

  it('says the fault flags as they are, and POST /dev/reset clears them', async () => {
    const faults = async () => (await fetch(new URL('dev/faults', server.url))).json();
    await post('dev/faults', { unreachable: true, latencyMs: 5 });
    expect(await faults()).toEqual({ latencyMs: 5, unreachable: true });
    expect((await post('dev/reset', {})).status).toBe(200);
    expect(await faults()).toEqual({ latencyMs: 0, unreachable: false });
    const token = await mintDevToken();
    const answer = await post('api/v1/query/', personQuery, { Authorization: `Bearer ${token}` });
    expect(answer.status).toBe(200);
  });

  it('compares API keys in constant time, over digests of equal length', () => {
    expect(sameSecret(DEV_API_KEY, DEV_API_KEY)).toBe(true);
    expect(sameSecret(`${DEV_API_KEY}x`, DEV_API_KEY)).toBe(false);
    expect(sameSecret('', DEV_API_KEY)).toBe(false);
  });

  describe('taking over the demo pages’ data (POST /dev/snapshot)', () => {
    afterEach(() => server.emulator.reset());

    const pushSnapshot = (snapshot: unknown, origin?: string) =>
      post('dev/snapshot', snapshot, origin ? { Origin: origin } : {});

    it('serves the pushed objects and config to the Portal from then on', async () => {
      const browser = createEmulator();
      const person = browser.db.create('person', {
        firstname: 'Nina',
        lastname: 'Nyström',
        email: 'nina@example.com',
      });
      const ticket = browser.db.create('helpdesk', {
        title: 'Sent from Lime Connect',
        person: person.id,
      });
      browser.setConfig({ defaultCountry: 'FI' });

      const pushed = await pushSnapshot(browser.snapshot(), 'http://127.0.0.1:3333');
      expect(pushed.status).toBe(200);
      expect(pushed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3333');

      const token = await mintDevToken();
      const answer = await post(
        'api/v1/query/',
        {
          limetype: 'helpdesk',
          filter: { key: 'person', op: '=', exp: person.id },
          responseFormat: { object: { _id: null, title: null } },
        },
        { Authorization: `Bearer ${token}` },
      );
      expect((await answer.json()).objects).toEqual([
        { _id: ticket.id, title: 'Sent from Lime Connect' },
      ]);
      const bootstrap = await (await fetch(new URL('portal-config.json', server.url))).json();
      expect(bootstrap.defaultCountry).toBe('FI');
    });

    it('links the Portal to the demo card on the Message Center origin that pushed the data', async () => {
      await pushSnapshot(createEmulator().snapshot(), 'http://localhost:3333');
      const bootstrap = await (await fetch(new URL('portal-config.json', server.url))).json();
      expect(bootstrap.webclientUrl).toBe(
        'http://localhost:3333/index.html?limetype={limetype}&id={id}',
      );
    });

    it('refuses a malformed snapshot with 400 and keeps its data', async () => {
      const before = server.emulator.snapshot();
      const refused = await pushSnapshot({ objects: { person: [{ name: 'no id' }] } });
      expect(refused.status).toBe(400);
      expect((await refused.json()).message).toMatch(/snapshot/i);
      expect(server.emulator.snapshot()).toEqual(before);
    });

    it('refuses a page on a foreign origin', async () => {
      const before = server.emulator.snapshot();
      const refused = await pushSnapshot({ objects: {}, config: {} }, 'https://evil.example');
      expect(refused.status).toBe(403);
      expect(server.emulator.snapshot()).toEqual(before);
    });
  });
});
