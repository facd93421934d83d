import { createEmulator } from '../emulator';
import { createWebclientCrmPort, failureOfRejection } from './crm-transport';
import { HttpClient, Query } from './services';
import type { HttpService, LimeQuery, QueryService } from './types';

function httpError(status: number, name = 'HttpError', body?: unknown) {
  return Object.assign(new Error(`HTTP ${status}`), { name, status, body });
}

describe('failureOfRejection', () => {
  it('calls a failed network unreachable, and a late answer a timeout', () => {
    expect(failureOfRejection(httpError(0))).toEqual({ kind: 'unreachable', message: 'HTTP 0' });
    expect(failureOfRejection(httpError(0, 'TimeoutError'))).toMatchObject({ kind: 'timeout' });
    expect(
      failureOfRejection(Object.assign(new Error('late'), { name: 'TimeoutError' })),
    ).toMatchObject({ kind: 'timeout' });
    expect(failureOfRejection(httpError(504))).toMatchObject({ kind: 'timeout' });
    expect(failureOfRejection(httpError(408))).toMatchObject({ kind: 'timeout' });
  });

  it.each([
    [401, { kind: 'unauthorized' }],
    [403, { kind: 'forbidden' }],
    [404, { kind: 'not-found' }],
    [409, { kind: 'rejected', status: 409 }],
    [422, { kind: 'rejected', status: 422 }],
    [500, { kind: 'server-error', status: 500 }],
    [503, { kind: 'server-error', status: 503 }],
  ])('reads HTTP %s as %j', (status, failure) => {
    expect(failureOfRejection(httpError(status))).toMatchObject(failure);
  });

  it('takes the server’s words from the answer’s body when there is one', () => {
    expect(
      failureOfRejection(httpError(400, 'HttpError', { message: 'No such property' })),
    ).toEqual({ kind: 'rejected', status: 400, message: 'No such property' });
  });

  it('leaves what is not a failed request to the caller: a bug is not a failure of the CRM', () => {
    expect(failureOfRejection(new TypeError('x is undefined'))).toBeUndefined();
    expect(failureOfRejection('failed')).toBeUndefined();
    expect(failureOfRejection(null)).toBeUndefined();
    expect(failureOfRejection({ status: 'bad' })).toBeUndefined();
  });
});

describe('createWebclientCrmPort over the emulated webclient', () => {
  function setup() {
    const emulator = createEmulator({ language: 'en' });
    emulator.faults.timeoutMs = 20;
    const http = emulator.platform.get(HttpClient) as HttpService;
    return { emulator, http, crm: createWebclientCrmPort({ http }) };
  }

  it('lists, creates, reads, changes and deletes through the http service', async () => {
    const { crm } = setup();
    expect(await crm.list('person', { email: 'jane@example.com' })).toMatchObject({
      ok: true,
      value: [{ id: 1001, email: 'jane@example.com' }],
    });
    const created = await crm.create('company', { name: 'Webclient AB' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Webclient AB' } });
    const id = created.ok ? created.value.id : 0;
    expect(await crm.update('company', id, { visitingcity: 'Lund' })).toMatchObject({
      ok: true,
      value: { id, visitingcity: 'Lund' },
    });
    expect(await crm.remove('company', id)).toEqual({ ok: true, value: null });
    expect(await crm.get('company', id)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('says forbidden, unreachable and timeout as the service fails', async () => {
    const { emulator, crm } = setup();
    emulator.faults.deny('person', 1001);
    expect(await crm.get('person', 1001)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    emulator.faults.add({ kind: 'network', times: 1 });
    expect(await crm.list('person')).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    emulator.faults.add({ kind: 'timeout', times: 1 });
    expect(await crm.list('person')).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('runs a Lime Query through the query service when it has one', async () => {
    const { emulator, http } = setup();
    const executed: LimeQuery[] = [];
    const service = emulator.platform.get(Query) as QueryService;
    const query: QueryService = {
      execute: (limeQuery) => {
        executed.push(limeQuery);
        return service.execute(limeQuery);
      },
    };
    const crm = createWebclientCrmPort({ http, query });
    const limeQuery: LimeQuery = { limetype: 'person', responseFormat: { object: { _id: null } } };
    const answer = await crm.query({ ...limeQuery, limit: 2 });
    expect(answer).toMatchObject({ ok: true, value: { objects: [{ _id: 1001 }, { _id: 1002 }] } });
    expect(executed).toHaveLength(1);
  });

  it('refuses an answer that is not what the API answers (a login page, say)', async () => {
    const http = { get: async () => '<html>Login</html>' } as unknown as HttpService;
    const answer = await createWebclientCrmPort({ http }).get('person', 1);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid-response' } });
  });

  it('hands a cancelled caller no answer, and rethrows a bug rather than hide it', async () => {
    const { crm } = setup();
    const controller = new AbortController();
    const reading = crm.get('person', 1001, { signal: controller.signal });
    controller.abort();
    expect(await reading).toMatchObject({ ok: false, error: { kind: 'aborted' } });

    const broken = {
      get: () => Promise.reject(new TypeError('x is undefined')),
    } as unknown as HttpService;
    await expect(createWebclientCrmPort({ http: broken }).get('person', 1)).rejects.toThrow(
      TypeError,
    );
  });
});
