// The CRM port's methods over one `send` of a REST request: the paths and parsing every transport
// shares, so that a transport only says how a request travels and how it fails.
import type { LimeQuery } from '../lime/types';
import type { CrmPort, CrmRequestOptions, CrmResult } from './crm.types';
import { limeobjectPath, ok } from './port';
import { parseObject, parseObjectList, parseQueryResponse, parseResponse } from './responses';

export type CrmMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Sends one request to `path` under `api/v1/`; resolves with the parsed JSON answer or a failure. */
export type CrmSend = (
  method: CrmMethod,
  path: string,
  body: unknown,
  signal: AbortSignal | undefined,
) => Promise<CrmResult<unknown>>;

/** Runs a Lime Query some other way than posting it to `query/` (e.g. the platform's query service). */
export type CrmRunQuery = (
  query: LimeQuery,
  signal: AbortSignal | undefined,
) => Promise<CrmResult<unknown>>;

/** The CRM port over a transport's `send` (and its own way to query, if it has one). */
export function crmPortOver(send: CrmSend, runQuery?: CrmRunQuery): CrmPort {
  async function sendForObject(
    method: CrmMethod,
    path: string,
    body: unknown,
    options: CrmRequestOptions | undefined,
  ) {
    const result = await send(method, path, body, options?.signal);
    return result.ok ? parseObject(result.value) : result;
  }

  return {
    async list(limetype, filters = {}, options = {}) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(filters)) {
        params.append(key, value === null || value === undefined ? '' : String(value));
      }
      if (options.limit !== undefined) {
        params.append('_limit', String(options.limit));
      }
      const search = params.toString();
      const path = limeobjectPath(limetype) + (search ? `?${search}` : '');
      const result = await send('GET', path, undefined, options.signal);
      return result.ok ? parseObjectList(result.value) : result;
    },
    get: (limetype, id, options) =>
      sendForObject('GET', limeobjectPath(limetype, id), undefined, options),
    create: (limetype, values, options) =>
      sendForObject('POST', limeobjectPath(limetype), values, options),
    update: (limetype, id, values, options) =>
      sendForObject('PATCH', limeobjectPath(limetype, id), values, options),
    async remove(limetype, id, options) {
      const result = await send('DELETE', limeobjectPath(limetype, id), undefined, options?.signal);
      return result.ok ? ok(null) : result;
    },
    async query(query: LimeQuery, options?: CrmRequestOptions) {
      const result = runQuery
        ? await runQuery(query, options?.signal)
        : await send('POST', 'query/', query, options?.signal);
      return result.ok ? parseQueryResponse(result.value) : result;
    },
    async read(path, schema, options) {
      const result = await send('GET', path, undefined, options?.signal);
      return result.ok ? parseResponse(schema, result.value, `answer from ${path}`) : result;
    },
  };
}
