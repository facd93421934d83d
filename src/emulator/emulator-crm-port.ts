// The CRM port over the emulated Lime CRM, in memory: the production fetch transport with a
// `fetch` that hands each request to the emulator's `http` service (so latency, faults and access
// denial apply as over a real wire). For specs and the demo only.
import { createFetchCrmPort, type CrmFetch, type CrmPort } from '../crm';
import type { HttpService } from '../lime';
import { isHttpError } from './errors';

/** The base URL the in-memory port pretends to talk to. */
export const EMULATOR_BASE_URL = 'https://emulator.lime-crm.local/demo';

/**
 * A `fetch` answered by the emulator's http service. With `apiKey`, a request carrying another
 * `x-api-key` is answered 401, as Lime CRM answers a wrong key.
 */
export function emulatorFetch(http: HttpService, options: { apiKey?: string } = {}): CrmFetch {
  return async (url, init) => {
    if (options.apiKey !== undefined && init.headers['x-api-key'] !== options.apiKey) {
      const text = JSON.stringify({ message: 'The API key is not valid.' });
      return { status: 401, ok: false, text: async () => text };
    }
    const path = new URL(url).pathname.replace(/^\/demo\//, '') + new URL(url).search;
    const body = init.body === undefined ? undefined : (JSON.parse(init.body) as object);
    const method = init.method.toUpperCase();
    try {
      const answer =
        method === 'GET'
          ? await http.get(path)
          : method === 'POST'
            ? await http.post(path, body)
            : method === 'PATCH'
              ? await http.patch(path, body)
              : method === 'PUT'
                ? await http.put(path, body)
                : await http.delete(path);
      const status =
        method === 'POST' && !path.startsWith('api/v1/query') ? 201 : answer === null ? 204 : 200;
      return {
        status,
        ok: true,
        text: async () => (answer === null || answer === undefined ? '' : JSON.stringify(answer)),
      };
    } catch (error) {
      if (isHttpError(error) && error.status > 0) {
        const text = JSON.stringify(error.body ?? { message: error.message });
        return { status: error.status, ok: false, text: async () => text };
      }
      // Status 0: the emulated network failed or timed out; `fetch` rejects then.
      throw new TypeError(error instanceof Error ? error.message : 'Failed to fetch');
    }
  };
}

/** The CRM port over an emulated Lime CRM's http service. */
export function createEmulatorCrmPort(
  http: HttpService,
  options: { timeoutMs?: number } = {},
): CrmPort {
  return createFetchCrmPort({
    baseUrl: EMULATOR_BASE_URL,
    auth: { apiKey: 'emulator' },
    fetch: emulatorFetch(http),
    timeoutMs: options.timeoutMs,
  });
}
