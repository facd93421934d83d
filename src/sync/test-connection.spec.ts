// DCI's Test connection, through the fetch transport against the emulated Lime CRM over HTTP.
import { DEV_API_KEY } from '../../scripts/dev-auth';
import { startApiServer, type ApiServer } from '../../scripts/api-server';
import { createEmulator } from '../emulator';
import { createFetchCrmPort } from '../crm';
import { testDciConnection } from './test-connection';

describe('testDciConnection', () => {
  let server: ApiServer;

  beforeAll(async () => {
    server = await startApiServer({ port: 0, emulator: createEmulator({ mountRoot: () => null }) });
  });
  afterAll(() => server.close());
  afterEach(() => server.emulator.faults.clear());

  const test = (baseUrl = server.url, apiKey = DEV_API_KEY) =>
    testDciConnection(createFetchCrmPort({ baseUrl, auth: { apiKey }, fetch }));

  it('succeeds with the right base URL and API key', async () => {
    expect(await test()).toEqual({ ok: true });
  });

  it('says the API key was refused', async () => {
    expect(await test(server.url, 'an-old-key')).toMatchObject({
      ok: false,
      reason: 'unauthorized',
    });
  });

  it('names each limetype the API key may not read', async () => {
    server.emulator.faults.setAcl('history', { read: false });
    server.emulator.faults.setAcl('company', { read: false });
    expect(await test()).toEqual({
      ok: false,
      reason: 'missing-permission',
      limetypes: ['company', 'history'],
    });
  });

  it('says the server is unreachable when nothing answers there', async () => {
    const gone = await startApiServer({ port: 0 });
    await gone.close();
    expect(await test(gone.url)).toMatchObject({ ok: false, reason: 'unreachable' });
  });

  it('says unreachable for a URL that is not one', async () => {
    expect(await test('lime.example.com')).toMatchObject({ ok: false, reason: 'unreachable' });
  });

  it('says the URL is not a Lime CRM API when it answers but not as one', async () => {
    expect(await test(`${server.url}portal-config.json?`)).toMatchObject({
      ok: false,
      reason: 'not-lime-api',
    });
  });

  it('says the Lime CRM server failed on a 5xx', async () => {
    server.emulator.faults.add({ kind: 'error', status: 502, times: 1 });
    expect(await test()).toMatchObject({ ok: false, reason: 'server-error' });
  });
});
