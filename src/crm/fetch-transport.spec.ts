// The fetch transport: against the emulated Lime CRM served over real HTTP (scripts/api-server.ts)
// with an API key (as DCI connects) and a bearer JWT (as the Portal does), and against scripted
// answers for what it believes, its timeout, the caller's abort and the bearer token's life.
import { z } from 'zod';
import { DEV_API_KEY, mintDevToken } from '../../scripts/dev-auth';
import { startApiServer, type ApiServer } from '../../scripts/api-server';
import { createEmulator } from '../emulator';
import { LimeQueryOperator, type LimeQuery } from '../lime/types';
import type { CrmFetch } from './crm.types';
import { apiRootOf, createFetchCrmPort } from './fetch-transport';

describe('createFetchCrmPort over HTTP', () => {
  let server: ApiServer;

  beforeAll(async () => {
    server = await startApiServer({ port: 0, emulator: createEmulator({ mountRoot: () => null }) });
  });
  afterAll(() => server.close());
  afterEach(() => server.emulator.faults.clear());

  const port = (apiKey = DEV_API_KEY) =>
    createFetchCrmPort({ baseUrl: server.url, auth: { apiKey }, fetch });

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

  it('says unauthorized for a wrong API key', async () => {
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

  it('says rejected, with the status, for a value the CRM refuses', async () => {
    const result = await port().create('company', { nosuchproperty: 1 });
    expect(result).toMatchObject({ ok: false, error: { kind: 'rejected', status: 400 } });
  });

  it('says unreachable when nothing listens at the URL', async () => {
    const closed = await startApiServer({ port: 0 });
    await closed.close();
    const crm = createFetchCrmPort({ baseUrl: closed.url, auth: { apiKey: DEV_API_KEY }, fetch });
    expect(await crm.list('person')).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
  });

  it('recovers from an expired bearer token: one 401, one fresh token, one retry', async () => {
    const handedOut: string[] = [];
    const crm = createFetchCrmPort({
      baseUrl: server.url,
      fetch,
      auth: {
        getToken: async (fresh) => {
          handedOut.push(fresh ? 'fresh' : 'expired');
          return mintDevToken({ expired: !fresh });
        },
      },
    });
    const answer = await crm.query({
      limetype: 'person',
      responseFormat: { object: { _id: null }, aggregates: { total: { op: 'COUNT' } } },
      limit: 1,
    });
    expect(answer).toMatchObject({
      ok: true,
      value: { aggregates: { total: server.emulator.db.rows('person').length } },
    });
    expect(answer.ok && answer.value.objects).toHaveLength(1);
    expect(handedOut).toEqual(['expired', 'fresh']);
  });
});

const query: LimeQuery = {
  limetype: 'person',
  responseFormat: { object: { _id: null } },
};

type Answer = { status: number; body?: unknown } | Error;

/** A `fetch` answering from a script, recording what it was asked. */
function scripted(answers: Answer[]) {
  const calls: { url: string; method: string; headers: Record<string, string>; body?: string }[] =
    [];
  const fetch: CrmFetch = async (url, init) => {
    calls.push({ url, method: init.method, headers: init.headers, body: init.body });
    const answer = answers.shift() ?? { status: 500 };
    if (answer instanceof Error) {
      throw answer;
    }
    const text =
      answer.body === undefined
        ? ''
        : typeof answer.body === 'string'
          ? answer.body
          : JSON.stringify(answer.body);
    return { status: answer.status, ok: answer.status < 300, text: async () => text };
  };
  return { fetch, calls };
}

/** A `fetch` that never answers, rejecting only when its signal aborts. */
const silent: CrmFetch = (_url, init) =>
  new Promise((_resolve, reject) =>
    init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
  );

function tokens(...values: string[]) {
  const asked: boolean[] = [];
  const getToken = async (fresh: boolean) => {
    asked.push(fresh);
    const next = values.shift();
    if (!next) {
      throw new Error('JWT not configured');
    }
    return next;
  };
  return { getToken, asked };
}

const CRM = 'https://crm.example.com/app';

describe('createFetchCrmPort with an API key', () => {
  it('sends the API key and JSON to the API root under the base URL', async () => {
    const { fetch, calls } = scripted([{ status: 201, body: { _id: 5 } }]);
    const crm = createFetchCrmPort({
      baseUrl: 'https://crm.example/acme/',
      auth: { apiKey: 'secret' },
      fetch,
    });
    expect(await crm.create('history', { note: 'hi' })).toEqual({
      ok: true,
      value: { id: 5, _id: 5 },
    });
    expect(calls).toEqual([
      {
        url: 'https://crm.example/acme/api/v1/limeobject/history/',
        method: 'POST',
        headers: expect.objectContaining({
          'x-api-key': 'secret',
          'content-type': 'application/json',
        }),
        body: '{"note":"hi"}',
      },
    ]);
  });

  it('does not retry a 401: a wrong key stays wrong', async () => {
    const { fetch, calls } = scripted([
      { status: 401, body: { message: 'The API key is not valid.' } },
    ]);
    const crm = createFetchCrmPort({ baseUrl: CRM, auth: { apiKey: 'k' }, fetch });
    expect(await crm.list('person')).toEqual({
      ok: false,
      error: { kind: 'unauthorized', message: 'The API key is not valid.' },
    });
    expect(calls).toHaveLength(1);
  });

  it('refuses a base URL that is not http(s) without asking anything', async () => {
    const { fetch, calls } = scripted([]);
    const crm = createFetchCrmPort({ baseUrl: 'crm.example', auth: { apiKey: 'k' }, fetch });
    expect(await crm.list('person')).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    expect(calls).toHaveLength(0);
  });
});

describe('createFetchCrmPort with a bearer token', () => {
  it('posts the query to api/v1/query/ with the token as bearer', async () => {
    const { fetch, calls } = scripted([{ status: 200, body: { objects: [{ _id: 1 }] } }]);
    const crm = createFetchCrmPort({ baseUrl: CRM, fetch, auth: tokens('t1') });
    expect(await crm.query(query)).toEqual({
      ok: true,
      value: { objects: [{ _id: 1 }], aggregates: {} },
    });
    expect(calls).toEqual([
      {
        url: 'https://crm.example.com/app/api/v1/query/',
        method: 'POST',
        headers: expect.objectContaining({ authorization: 'Bearer t1' }),
        body: JSON.stringify(query),
      },
    ]);
  });

  it('reuses the token it has for the next request', async () => {
    const { fetch, calls } = scripted([
      { status: 200, body: { objects: [] } },
      { status: 200, body: { objects: [] } },
    ]);
    const source = tokens('t1', 't2');
    const crm = createFetchCrmPort({ baseUrl: CRM, fetch, auth: source });
    await crm.query(query);
    await crm.query(query);
    expect(calls.map((call) => call.headers.authorization)).toEqual(['Bearer t1', 'Bearer t1']);
    expect(source.asked).toEqual([false]);
  });

  it('on a 401 asks for one fresh token and retries once', async () => {
    const { fetch, calls } = scripted([
      { status: 401, body: {} },
      { status: 200, body: { objects: [], aggregates: { total: 3 } } },
    ]);
    const source = tokens('expired', 'fresh');
    const crm = createFetchCrmPort({ baseUrl: CRM, fetch, auth: source });
    expect(await crm.query(query)).toEqual({
      ok: true,
      value: { objects: [], aggregates: { total: 3 } },
    });
    expect(calls.map((call) => call.headers.authorization)).toEqual([
      'Bearer expired',
      'Bearer fresh',
    ]);
    expect(source.asked).toEqual([false, true]);
  });

  it('gives up after the second 401, without asking again and again', async () => {
    const { fetch, calls } = scripted([{ status: 401 }, { status: 401 }, { status: 200 }]);
    const crm = createFetchCrmPort({ baseUrl: CRM, fetch, auth: tokens('a', 'b', 'c') });
    expect(await crm.query(query)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(calls).toHaveLength(2);
  });

  it('reports a refused token request as unauthorized, and asks again next time', async () => {
    const { fetch, calls } = scripted([{ status: 200, body: { objects: [] } }]);
    const source = tokens();
    const crm = createFetchCrmPort({ baseUrl: CRM, fetch, auth: source });
    expect(await crm.query(query)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await crm.query(query)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(source.asked).toEqual([false, false]);
    expect(calls).toHaveLength(0);
  });

  it.each([
    [403, { kind: 'forbidden' }],
    [404, { kind: 'not-found' }],
    [409, { kind: 'rejected', status: 409 }],
    [500, { kind: 'server-error', status: 500 }],
    [502, { kind: 'server-error', status: 502 }],
  ])('tells an HTTP %s apart (%j)', async (status, failure) => {
    const { fetch } = scripted([{ status, body: {} }]);
    const crm = createFetchCrmPort({ baseUrl: CRM, fetch, auth: tokens('t') });
    expect(await crm.query(query)).toMatchObject({ ok: false, error: failure });
  });

  it('calls a network failure unreachable', async () => {
    const { fetch } = scripted([new TypeError('Failed to fetch')]);
    const crm = createFetchCrmPort({ baseUrl: CRM, fetch, auth: tokens('t') });
    expect(await crm.query(query)).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
  });

  it('refuses an answer that is not a Lime Query response', async () => {
    const { fetch } = scripted([
      { status: 200, body: { objects: 'all of them' } },
      { status: 200 },
      { status: 200, body: [{ _id: 1 }] },
      { status: 200, body: '<html>Login</html>' },
    ]);
    const crm = createFetchCrmPort({ baseUrl: CRM, fetch, auth: tokens('t') });
    for (let i = 0; i < 4; i += 1) {
      expect(await crm.query(query)).toMatchObject({
        ok: false,
        error: { kind: 'invalid-response' },
      });
    }
  });

  it('refuses a list that is not a Lime list, and an object without an id', async () => {
    const { fetch } = scripted([
      { status: 200, body: '<html>Login</html>' },
      { status: 200, body: { name: 'x' } },
    ]);
    const crm = createFetchCrmPort({ baseUrl: CRM, fetch, auth: tokens('t') });
    expect(await crm.list('person')).toMatchObject({
      ok: false,
      error: { kind: 'invalid-response' },
    });
    expect(await crm.get('person', 1)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-response' },
    });
  });

  it('stops waiting when the CRM takes longer than its timeout', async () => {
    const crm = createFetchCrmPort({
      baseUrl: CRM,
      fetch: silent,
      timeoutMs: 20,
      auth: tokens('t'),
    });
    expect(await crm.query(query)).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('reports a cancelled request as aborted, not as a failure of the CRM', async () => {
    const crm = createFetchCrmPort({ baseUrl: CRM, fetch: silent, auth: tokens('t') });
    const controller = new AbortController();
    const request = crm.query(query, { signal: controller.signal });
    controller.abort();
    expect(await request).toMatchObject({ ok: false, error: { kind: 'aborted' } });
  });

  it('asks nothing when the caller has already cancelled', async () => {
    const { fetch, calls } = scripted([{ status: 200, body: { objects: [] } }]);
    const crm = createFetchCrmPort({ baseUrl: CRM, fetch, auth: tokens('t') });
    const controller = new AbortController();
    controller.abort();
    expect(await crm.get('person', 1, { signal: controller.signal })).toMatchObject({
      ok: false,
      error: { kind: 'aborted' },
    });
    expect(calls).toHaveLength(0);
  });

  it('reads other resources under api/v1/ with the schema it is given', async () => {
    const { fetch, calls } = scripted([
      { status: 200, body: { name: 'person', extra: true } },
      { status: 200, body: { name: 42 } },
    ]);
    const crm = createFetchCrmPort({
      baseUrl: 'https://crm.example.com/',
      fetch,
      auth: tokens('t'),
    });
    const schema = z.object({ name: z.string() });
    expect(await crm.read('limetype/person/', schema)).toEqual({
      ok: true,
      value: { name: 'person' },
    });
    expect(calls[0]).toMatchObject({
      url: 'https://crm.example.com/api/v1/limetype/person/',
      method: 'GET',
    });
    expect(await crm.read('limetype/person/', schema)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-response' },
    });
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
