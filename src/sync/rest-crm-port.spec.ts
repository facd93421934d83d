// The REST adapter against the emulated Lime CRM served over real HTTP (scripts/api-server.ts),
// as DCI reaches a Lime CRM: base URL + x-api-key.
import { DEV_API_KEY } from '../../scripts/dev-auth';
import { startApiServer, type ApiServer } from '../../scripts/api-server';
import { createEmulator } from '../emulator';
import { LimeQueryOperator } from '../lime/types';
import { apiRootOf, createRestCrmPort, type FetchLike } from './rest-crm-port';

describe('createRestCrmPort over HTTP', () => {
  let server: ApiServer;

  beforeAll(async () => {
    server = await startApiServer({ port: 0, emulator: createEmulator({ mountRoot: () => null }) });
  });
  afterAll(() => server.close());
  afterEach(() => server.emulator.faults.clear());

  const port = (apiKey = DEV_API_KEY) => createRestCrmPort({ baseUrl: server.url, apiKey, fetch });

  it('lists objects filtered by a property, with the id as `id`', async () => {
    const result = await port().list('person', { email: 'jane@example.com' });
    expect(result).toMatchObject({
      ok: true,
      value: [{ id: 1001, firstname: 'Jane', email: 'jane@example.com' }],
    });
  });

  it('creates, reads, changes and deletes an object', async () => {
    const crm = port();
    const created = await crm.create('company', { name: 'Rest Test AB', visitingcity: 'Lund' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Rest Test AB' } });
    const id = created.ok ? created.value.id : 0;
    expect(await crm.get('company', id)).toMatchObject({
      ok: true,
      value: { id, visitingcity: 'Lund' },
    });
    expect(await crm.update('company', id, { visitingcity: 'Malmö' })).toMatchObject({
      ok: true,
      value: { visitingcity: 'Malmö' },
    });
    expect(await crm.remove('company', id)).toEqual({ ok: true, value: null });
    expect(await crm.get('company', id)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('runs a Lime Query', async () => {
    const result = await port().query({
      limetype: 'person',
      filter: { key: 'email', op: LimeQueryOperator.EQUALS, exp: 'jane@example.com' },
      responseFormat: { object: { _id: null } },
    });
    expect(result).toEqual({ ok: true, value: { objects: [{ _id: 1001 }], aggregates: {} } });
  });

  it('says 401 for a wrong API key', async () => {
    expect(await port('guess').list('person')).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    });
  });

  it('says forbidden for an object the API user may not read', async () => {
    server.emulator.faults.deny('person', 1001);
    expect(await port().get('person', 1001)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('carries the server’s message with a server error', async () => {
    server.emulator.faults.add({
      kind: 'error',
      status: 503,
      message: 'Down for maintenance',
      times: 1,
    });
    expect(await port().list('person')).toEqual({
      ok: false,
      error: { kind: 'server-error', status: 503, message: 'Down for maintenance' },
    });
  });

  it('says rejected, with the reason, for a value the CRM refuses', async () => {
    const result = await port().create('company', { nosuchproperty: 1 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'rejected', status: 400 } });
  });

  it('says unreachable when nothing listens at the URL', async () => {
    const closed = await startApiServer({ port: 0 });
    await closed.close();
    const crm = createRestCrmPort({ baseUrl: closed.url, apiKey: DEV_API_KEY, fetch });
    expect(await crm.list('person')).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
  });
});

describe('createRestCrmPort: what it believes', () => {
  const answering =
    (status: number, body: string): FetchLike =>
    async () => ({ status, ok: status < 400, text: async () => body });

  it('refuses a list that is not a Lime list', async () => {
    const crm = createRestCrmPort({
      baseUrl: 'https://crm.example',
      apiKey: 'k',
      fetch: answering(200, '<html>Login</html>'),
    });
    expect(await crm.list('person')).toMatchObject({
      ok: false,
      error: { kind: 'invalid-response' },
    });
  });

  it('refuses an object without an id', async () => {
    const crm = createRestCrmPort({
      baseUrl: 'https://crm.example',
      apiKey: 'k',
      fetch: answering(200, '{"name":"x"}'),
    });
    expect(await crm.get('person', 1)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-response' },
    });
  });

  it('times out a request that never answers', async () => {
    const never: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const crm = createRestCrmPort({
      baseUrl: 'https://crm.example',
      apiKey: 'k',
      fetch: never,
      timeoutMs: 20,
    });
    expect(await crm.list('person')).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('sends the API key and JSON to the API root under the base URL', async () => {
    const calls: { url: string; headers: Record<string, string>; body?: string }[] = [];
    const recording: FetchLike = async (url, init) => {
      calls.push({ url, headers: init.headers, body: init.body });
      return { status: 201, ok: true, text: async () => '{"_id":5}' };
    };
    const crm = createRestCrmPort({
      baseUrl: 'https://crm.example/acme/',
      apiKey: 'secret',
      fetch: recording,
    });
    await crm.create('history', { note: 'hi' });
    expect(calls).toEqual([
      {
        url: 'https://crm.example/acme/api/v1/limeobject/history/',
        headers: expect.objectContaining({
          'x-api-key': 'secret',
          'content-type': 'application/json',
        }),
        body: '{"note":"hi"}',
      },
    ]);
  });
});

describe('apiRootOf', () => {
  it.each([
    ['https://acme.lime-crm.com/acme', 'https://acme.lime-crm.com/acme/api/v1/'],
    [' https://acme.lime-crm.com/acme/ ', 'https://acme.lime-crm.com/acme/api/v1/'],
    ['https://acme.lime-crm.com/acme/api/v1/', 'https://acme.lime-crm.com/acme/api/v1/'],
    ['http://127.0.0.1:3335/', 'http://127.0.0.1:3335/api/v1/'],
  ])('reads %j as the API root %j', (input, root) => {
    expect(apiRootOf(input)).toEqual({ ok: true, apiRoot: root });
  });

  it.each(['', 'acme.lime-crm.com', 'ftp://acme.example', 'javascript:alert(1)'])(
    'refuses %j',
    (input) => {
      expect(apiRootOf(input)).toEqual({ ok: false, reason: 'invalid-url' });
    },
  );
});
