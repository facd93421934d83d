// The Portal's data port over HTTP: Lime CRM's REST API with the Lime Connect JWT as bearer.
// `fetch` is injected, so this file runs in node (specs, the API server's tests) as in the browser.
// On a 401 it asks for one fresh token and retries once; every response is checked with zod.
import { z } from 'zod';
import type { LimeQuery, LimeQueryResponse } from '../lime/types';

/** The part of `fetch` the adapter uses. */
export type PortalFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ status: number; ok: boolean; json(): Promise<unknown> }>;

export type CrmErrorKind =
  | 'unreachable' // network error, CORS refusal, DNS
  | 'timeout'
  | 'unauthorized' // 401 even with a fresh token, or no token to be had
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'server' // 5xx and other unexpected statuses
  | 'invalid-response' // not the JSON shape the API promises
  | 'aborted'; // the caller's signal

/** Every failure of the adapter: what kind, and the HTTP status when there was one. */
export class CrmRequestError extends Error {
  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CrmRequestError';
  }
}

export interface CrmHttpOptions {
  fetch: PortalFetch;
  /** The CRM application's base URL, under which `api/v1/` lives, e.g. `https://crm.example.com/app/`. */
  crmUrl: string;
  /** A token for the bearer header; `fresh` asks for a new one (after a 401). */
  getToken: (fresh: boolean) => Promise<string>;
  timeoutMs?: number;
}

export interface CrmHttpClient {
  /** The `executeQuery` port (see `src/lookup/`): POST `api/v1/query/`. */
  executeQuery(query: LimeQuery, signal?: AbortSignal): Promise<LimeQueryResponse>;
  /** GET a path under the CRM URL (e.g. `api/v1/limetype/person/`), parsed with `schema`. */
  get<T>(path: string, schema: z.ZodType<T>, options?: { signal?: AbortSignal }): Promise<T>;
}

export const DEFAULT_CRM_TIMEOUT_MS = 15_000;

const queryResponseSchema = z.object({
  objects: z.array(z.record(z.string(), z.unknown())),
  aggregates: z.record(z.string(), z.unknown()).nullable().optional(),
});

export function createCrmHttpClient(options: CrmHttpOptions): CrmHttpClient {
  const base = options.crmUrl.endsWith('/') ? options.crmUrl : `${options.crmUrl}/`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CRM_TIMEOUT_MS;
  let token: Promise<string> | undefined;

  const obtainToken = (fresh: boolean): Promise<string> => {
    if (fresh || !token) {
      const request = options.getToken(fresh);
      token = request;
      // A refused token request must not stick: the next call asks again.
      request.catch(() => {
        if (token === request) {
          token = undefined;
        }
      });
    }
    return token;
  };

  const send = async (
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<unknown> => {
    const url = new URL(path, base).toString();
    for (let attempt = 0; ; attempt += 1) {
      let bearer: string;
      try {
        bearer = await obtainToken(attempt > 0);
      } catch (error) {
        throw new CrmRequestError('unauthorized', `No token from Lime Connect: ${describe(error)}`);
      }
      const response = await fetchWithTimeout(url, method, bearer, body, signal);
      if (response.status === 401 && attempt === 0) {
        continue;
      }
      if (!response.ok) {
        throw errorForStatus(response.status);
      }
      try {
        return await response.json();
      } catch {
        throw new CrmRequestError('invalid-response', 'The CRM answered with something not JSON');
      }
    }
  };

  const fetchWithTimeout = async (
    url: string,
    method: string,
    bearer: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ) => {
    if (signal?.aborted) {
      throw new CrmRequestError('aborted', 'The request was cancelled');
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      return await options.fetch(url, {
        method,
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${bearer}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: combined,
      });
    } catch (error) {
      if (signal?.aborted) {
        throw new CrmRequestError('aborted', 'The request was cancelled');
      }
      if (timeout.aborted) {
        throw new CrmRequestError('timeout', `The CRM did not answer within ${timeoutMs} ms`);
      }
      throw new CrmRequestError('unreachable', `The CRM is unreachable: ${describe(error)}`);
    }
  };

  return {
    async executeQuery(query, signal) {
      const parsed = queryResponseSchema.safeParse(
        await send('POST', 'api/v1/query/', query, signal),
      );
      if (!parsed.success) {
        throw new CrmRequestError(
          'invalid-response',
          'The query answer is not a Lime Query response',
        );
      }
      return { objects: parsed.data.objects, aggregates: parsed.data.aggregates ?? {} };
    },
    async get(path, schema, { signal } = {}) {
      const parsed = schema.safeParse(await send('GET', path, undefined, signal));
      if (!parsed.success) {
        throw new CrmRequestError('invalid-response', `Unexpected answer from ${path}`);
      }
      return parsed.data;
    },
  };
}

function errorForStatus(status: number): CrmRequestError {
  if (status === 401) {
    return new CrmRequestError('unauthorized', 'The CRM refused the token', status);
  }
  if (status === 403) {
    return new CrmRequestError('forbidden', 'No access to this in the CRM', status);
  }
  if (status === 404) {
    return new CrmRequestError('not-found', 'Not found in the CRM', status);
  }
  return new CrmRequestError('server', `The CRM answered HTTP ${status}`, status);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
