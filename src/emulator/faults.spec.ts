import { createEmulator, HttpError, TimeoutError, type Emulator } from '.';
import type { HttpService, QueryService } from '../lime';

describe('fault injection in the emulated http and query services', () => {
  let emulator: Emulator;
  let http: HttpService;
  let query: QueryService;
  beforeEach(() => {
    emulator = createEmulator({ seed: false });
    emulator.db.create('company', { name: 'Acme AB' });
    http = emulator.platform.get('http');
    query = emulator.platform.get('query');
  });

  const failure = (promise: Promise<unknown>): Promise<HttpError> =>
    promise.then(
      () => {
        throw new Error('expected the request to fail');
      },
      (error: HttpError) => error,
    );

  it('fails matching requests with HTTP 500, a given number of times, then works again', async () => {
    emulator.faults.add({
      kind: 'error',
      status: 500,
      match: { method: 'get', url: 'limeobject/company' },
      times: 2,
    });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await failure(http.get('api/v1/limeobject/company/1001/'));
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ name: 'HttpError', status: 500 });
    }
    await expect(http.get('api/v1/limeobject/company/1001/')).resolves.toMatchObject({
      name: 'Acme AB',
    });
  });

  it('leaves requests that do not match alone', async () => {
    emulator.faults.add({ kind: 'error', status: 503, match: { url: /\/query\/$/ } });
    await expect(http.get('api/v1/limeobject/company/1001/')).resolves.toMatchObject({ _id: 1001 });
    await expect(
      failure(query.execute({ limetype: 'company', responseFormat: { object: { _id: null } } })),
    ).resolves.toMatchObject({
      status: 503,
    });
  });

  it('times out with a TimeoutError after faults.timeoutMs, without creating anything', async () => {
    emulator.faults.timeoutMs = 30;
    emulator.faults.add({ kind: 'timeout', times: 1 });
    const started = Date.now();
    const error = await failure(http.post('api/v1/limeobject/company/', { name: 'Never' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: 'TimeoutError', status: 0 });
    expect(emulator.db.list('company')).toHaveLength(1);
  });

  it('can lose only the answer: a handled timeout did write', async () => {
    emulator.faults.timeoutMs = 5;
    emulator.faults.add({ kind: 'timeout', handled: true, times: 1 });
    await failure(http.post('api/v1/limeobject/company/', { name: 'Written anyway' }));
    expect(emulator.db.list('company').map((company) => company.name)).toEqual([
      'Acme AB',
      'Written anyway',
    ]);
  });

  it('fails with status 0 when the network is down', async () => {
    emulator.faults.add({ kind: 'network' });
    await expect(failure(http.get('api/v1/limeobject/company/'))).resolves.toMatchObject({
      name: 'HttpError',
      status: 0,
    });
  });

  it('delays every request by the latency', async () => {
    emulator.faults.setLatency(40);
    const started = Date.now();
    await http.get('api/v1/limeobject/company/1001/');
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('rejects with the server message and status for a refused request', async () => {
    const error = await failure(http.get('api/v1/limeobject/company/9/'));
    expect(error).toMatchObject({
      status: 404,
      message: 'There is no company with id 9.',
      body: { message: 'There is no company with id 9.' },
    });
  });

  it('removes one fault with the function add() returns, and all with clear()', async () => {
    const remove = emulator.faults.add({ kind: 'error', status: 500 });
    remove();
    await expect(http.get('api/v1/limeobject/company/1001/')).resolves.toBeTruthy();
    emulator.faults.add({ kind: 'network' });
    emulator.faults.deny('company', 1001);
    emulator.faults.clear();
    await expect(http.get('api/v1/limeobject/company/1001/')).resolves.toBeTruthy();
  });

  it('never affects the direct database API', () => {
    emulator.faults.add({ kind: 'network' });
    expect(emulator.db.create('company', { name: 'Direct' }).name).toBe('Direct');
  });

  it('hands out copies: changing a response does not change the database', async () => {
    const company = await http.get('api/v1/limeobject/company/1001/');
    company.name = 'Changed';
    expect(emulator.db.get('company', 1001)?.name).toBe('Acme AB');
  });
});
