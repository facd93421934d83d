import { startApiServer, type ApiServer } from '../../../scripts/api-server';
import { createEmulator } from '../../emulator';
import { pushSnapshot } from './crm-mirror';

describe('copying the demo’s CRM to the API server the Portal reads', () => {
  let server: ApiServer;
  beforeAll(async () => {
    server = await startApiServer({ port: 0 });
  });
  afterAll(() => server.close());

  it('makes the API server hold what the browser’s emulator holds', async () => {
    const browser = createEmulator();
    browser.db.create('helpdesk', { title: 'Sent from Lime Connect', person: 1001 });
    expect(await pushSnapshot(server.url, browser.snapshot())).toEqual({ ok: true });
    expect(server.emulator.snapshot()).toEqual(browser.snapshot());
  });

  it('says why when the API server refuses the data', async () => {
    const result = await pushSnapshot(server.url, { objects: { spaceship: [] }, config: {} });
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/HTTP 400.*Unknown limetypes: spaceship/),
    });
  });

  it('says so when no API server is running', async () => {
    const closed = await startApiServer({ port: 0 });
    await closed.close();
    const result = await pushSnapshot(closed.url, createEmulator().snapshot());
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('not reachable') });
  });
});
