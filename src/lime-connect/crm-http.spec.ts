import { z } from 'zod';
import { CrmRequestError, createCrmHttpClient, type PortalFetch } from './crm-http';
import type { LimeQuery } from '../lime/types';

const query: LimeQuery = {
  limetype: 'person',
  responseFormat: { object: { _id: null } },
};

type Answer = { status: number; body?: unknown } | Error;

function fakeFetch(answers: Answer[]) {
  const calls: { url: string; method: string; authorization: string; body?: string }[] = [];
  const fetch: PortalFetch = async (url, init) => {
    calls.push({
      url,
      method: init.method,
      authorization: init.headers.Authorization,
      body: init.body,
    });
    const answer = answers.shift() ?? { status: 500 };
    if (answer instanceof Error) {
      throw answer;
    }
    return {
      status: answer.status,
      ok: answer.status >= 200 && answer.status < 300,
      json: async () => {
        if (answer.body === undefined) {
          throw new SyntaxError('Unexpected end of JSON input');
        }
        return answer.body;
      },
    };
  };
  return { fetch, calls };
}

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

describe('createCrmHttpClient', () => {
  it('posts the query to api/v1/query/ with the Lime Connect JWT as bearer', async () => {
    const { fetch, calls } = fakeFetch([{ status: 200, body: { objects: [{ _id: 1 }] } }]);
    const client = createCrmHttpClient({
      fetch,
      crmUrl: 'https://crm.example.com/app',
      ...tokens('t1'),
    });
    await expect(client.executeQuery(query)).resolves.toEqual({
      objects: [{ _id: 1 }],
      aggregates: {},
    });
    expect(calls).toEqual([
      {
        url: 'https://crm.example.com/app/api/v1/query/',
        method: 'POST',
        authorization: 'Bearer t1',
        body: JSON.stringify(query),
      },
    ]);
  });

  it('reuses the token it has for the next request', async () => {
    const { fetch, calls } = fakeFetch([
      { status: 200, body: { objects: [] } },
      { status: 200, body: { objects: [] } },
    ]);
    const source = tokens('t1', 't2');
    const client = createCrmHttpClient({ fetch, crmUrl: 'https://crm.example.com/', ...source });
    await client.executeQuery(query);
    await client.executeQuery(query);
    expect(calls.map((call) => call.authorization)).toEqual(['Bearer t1', 'Bearer t1']);
    expect(source.asked).toEqual([false]);
  });

  it('on a 401 asks for one fresh token and retries once', async () => {
    const { fetch, calls } = fakeFetch([
      { status: 401, body: {} },
      { status: 200, body: { objects: [], aggregates: { total: 3 } } },
    ]);
    const source = tokens('expired', 'fresh');
    const client = createCrmHttpClient({ fetch, crmUrl: 'https://crm.example.com/', ...source });
    await expect(client.executeQuery(query)).resolves.toEqual({
      objects: [],
      aggregates: { total: 3 },
    });
    expect(calls.map((call) => call.authorization)).toEqual(['Bearer expired', 'Bearer fresh']);
    expect(source.asked).toEqual([false, true]);
  });

  it('gives up after the second 401, without asking again and again', async () => {
    const { fetch, calls } = fakeFetch([{ status: 401 }, { status: 401 }, { status: 200 }]);
    const client = createCrmHttpClient({
      fetch,
      crmUrl: 'https://crm.example.com/',
      ...tokens('a', 'b', 'c'),
    });
    await expect(client.executeQuery(query)).rejects.toMatchObject({
      kind: 'unauthorized',
      status: 401,
    });
    expect(calls).toHaveLength(2);
  });

  it('reports a refused token request as unauthorized, and asks again next time', async () => {
    const { fetch } = fakeFetch([{ status: 200, body: { objects: [] } }]);
    const source = tokens();
    const client = createCrmHttpClient({ fetch, crmUrl: 'https://crm.example.com/', ...source });
    await expect(client.executeQuery(query)).rejects.toMatchObject({ kind: 'unauthorized' });
    await expect(client.executeQuery(query)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(source.asked).toEqual([false, false]);
  });

  it.each([
    [403, 'forbidden'],
    [404, 'not-found'],
    [500, 'server'],
    [502, 'server'],
  ])('tells an HTTP %s apart (%s)', async (status, kind) => {
    const { fetch } = fakeFetch([{ status, body: {} }]);
    const client = createCrmHttpClient({
      fetch,
      crmUrl: 'https://crm.example.com/',
      ...tokens('t'),
    });
    await expect(client.executeQuery(query)).rejects.toMatchObject({ kind, status });
  });

  it('calls a network failure unreachable', async () => {
    const { fetch } = fakeFetch([new TypeError('Failed to fetch')]);
    const client = createCrmHttpClient({
      fetch,
      crmUrl: 'https://crm.example.com/',
      ...tokens('t'),
    });
    const failure = client.executeQuery(query);
    await expect(failure).rejects.toBeInstanceOf(CrmRequestError);
    await expect(failure).rejects.toMatchObject({ kind: 'unreachable' });
  });

  it('refuses an answer that is not a Lime Query response', async () => {
    const { fetch } = fakeFetch([
      { status: 200, body: { objects: 'all of them' } },
      { status: 200 },
      { status: 200, body: [{ _id: 1 }] },
    ]);
    const client = createCrmHttpClient({
      fetch,
      crmUrl: 'https://crm.example.com/',
      ...tokens('t'),
    });
    for (let i = 0; i < 3; i += 1) {
      await expect(client.executeQuery(query)).rejects.toMatchObject({ kind: 'invalid-response' });
    }
  });

  it('stops waiting when the CRM takes longer than its timeout', async () => {
    const fetch: PortalFetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const client = createCrmHttpClient({
      fetch,
      crmUrl: 'https://crm.example.com/',
      timeoutMs: 20,
      ...tokens('t'),
    });
    await expect(client.executeQuery(query)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('reports a cancelled request as aborted, not as a failure of the CRM', async () => {
    const fetch: PortalFetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const client = createCrmHttpClient({
      fetch,
      crmUrl: 'https://crm.example.com/',
      ...tokens('t'),
    });
    const controller = new AbortController();
    const request = client.executeQuery(query, controller.signal);
    controller.abort();
    await expect(request).rejects.toMatchObject({ kind: 'aborted' });
  });

  it('reads other resources with the schema it is given', async () => {
    const { fetch, calls } = fakeFetch([
      { status: 200, body: { name: 'person', extra: true } },
      { status: 200, body: { name: 42 } },
    ]);
    const client = createCrmHttpClient({
      fetch,
      crmUrl: 'https://crm.example.com/',
      ...tokens('t'),
    });
    const schema = z.object({ name: z.string() });
    await expect(client.get('api/v1/limetype/person/', schema)).resolves.toEqual({
      name: 'person',
    });
    expect(calls[0]).toMatchObject({
      url: 'https://crm.example.com/api/v1/limetype/person/',
      method: 'GET',
    });
    await expect(client.get('api/v1/limetype/person/', schema)).rejects.toMatchObject({
      kind: 'invalid-response',
    });
  });
});
