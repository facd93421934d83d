import { queryOverService } from './crm-transport';
import type { QueryService } from './types';

const query = { limetype: 'person', responseFormat: { object: { _id: null } } };

function rejecting(error: unknown): QueryService {
  return { execute: () => Promise.reject(error) };
}

describe('queryOverService', () => {
  it("answers with the service's response", async () => {
    const service: QueryService = {
      execute: async () => ({ objects: [{ _id: 1 }], aggregates: {} }),
    };
    await expect(queryOverService(service)(query)).resolves.toEqual({
      ok: true,
      value: { objects: [{ _id: 1 }], aggregates: {} },
    });
  });

  it('turns a rejection into the CRM failure its status stands for, never rejecting', async () => {
    const failed = (error: unknown) => queryOverService(rejecting(error))(query);
    const httpError = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });
    await expect(failed(httpError(403))).resolves.toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    await expect(failed(httpError(500))).resolves.toMatchObject({
      ok: false,
      error: { kind: 'server-error', status: 500 },
    });
    await expect(failed(httpError(0))).resolves.toMatchObject({
      ok: false,
      error: { kind: 'unreachable' },
    });
    await expect(
      failed(Object.assign(new Error('slow'), { name: 'TimeoutError' })),
    ).resolves.toMatchObject({ ok: false, error: { kind: 'timeout' } });
    await expect(failed(new TypeError('no execute'))).resolves.toMatchObject({
      ok: false,
      error: { kind: 'unreachable', message: 'no execute' },
    });
  });

  it('refuses an answer that is not a Lime Query response', async () => {
    const service: QueryService = { execute: async () => ({ rows: [] }) as never };
    await expect(queryOverService(service)(query)).resolves.toMatchObject({
      ok: false,
      error: { kind: 'invalid-response' },
    });
  });
});
