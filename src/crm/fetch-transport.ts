// The CRM port over `fetch` to Lime CRM's REST API, signed in one of two ways: an API key
// (`x-api-key`, as DCI connects, seed 001) or a bearer token (the Portal's Lime Connect JWT, seed
// 002). `fetch` is injected, so the same transport runs in node, in the browser and over the
// emulator. Every answer is checked with zod; every failure is a `CrmFailure` value.
import type { LimeQuery } from '../lime/types';
import type { CrmFailure } from './failure';
import { failureForStatus } from './failure';
import {
  fail,
  limeobjectPath,
  ok,
  type CrmListOptions,
  type CrmPort,
  type CrmRequestOptions,
  type CrmResult,
  type CrmValues,
} from './port';
import {
  errorMessageOf,
  parseObject,
  parseObjectList,
  parseQueryResponse,
  parseResponse,
} from './responses';

/** The part of `fetch` the transport uses (the global `fetch` is one). */
export type CrmFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ status: number; ok: boolean; text(): Promise<string> }>;

/** How requests are signed. */
export type CrmAuth =
  /** An API key sent as `x-api-key`. */
  | { apiKey: string }
  /**
   * A bearer token, asked for once and reused; `getToken(true)` asks for a new one after a 401,
   * and the request is retried once with it. A refused token request is not remembered.
   */
  | { getToken: (fresh: boolean) => Promise<string> };

export interface FetchCrmPortOptions {
  /** The Lime CRM application URL, e.g. `https://acme.lime-crm.com/acme` (with or without `/api/v1`). */
  baseUrl: string;
  auth: CrmAuth;
  fetch: CrmFetch;
  /** Milliseconds before a request counts as timed out (default 15 s). */
  timeoutMs?: number;
}

export const DEFAULT_CRM_TIMEOUT_MS = 15_000;

export type ApiRootResult = { ok: true; apiRoot: string } | { ok: false; reason: 'invalid-url' };

/** The `…/api/v1/` root for a base URL as a user pastes it; `invalid-url` for anything not http(s). */
export function apiRootOf(baseUrl: string): ApiRootResult {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return { ok: false, reason: 'invalid-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: 'invalid-url' };
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return { ok: true, apiRoot: `${url.origin}${path}/api/v1/` };
}

/** A CRM port talking to Lime CRM's REST API over `fetch`. */
export function createFetchCrmPort(options: FetchCrmPortOptions): CrmPort {
  const root = apiRootOf(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_CRM_TIMEOUT_MS;
  const credentials = credentialsFor(options.auth);

  async function request(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<CrmResult<unknown>> {
    if (!root.ok) {
      return fail({ kind: 'unreachable', message: `Not an http(s) URL: ${options.baseUrl}` });
    }
    const url = root.apiRoot + path;
    for (let attempt = 0; ; attempt += 1) {
      const retry = attempt > 0;
      const headers = await credentials.headers(retry);
      if (!headers.ok) {
        return headers;
      }
      const answer = await exchange(url, method, headers.value, body, signal);
      if (!answer.ok) {
        return answer;
      }
      const { status, json } = answer.value;
      if (status === 401 && !retry && credentials.refreshable) {
        continue;
      }
      return status >= 200 && status < 300
        ? ok(json)
        : fail(failureForStatus(status, errorMessageOf(json, status)));
    }
  }

  async function exchange(
    url: string,
    method: string,
    auth: Record<string, string>,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<CrmResult<{ status: number; json: unknown }>> {
    if (signal?.aborted) {
      return fail(aborted());
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> = { accept: 'application/json', ...auth };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    try {
      const response = await options.fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      return ok({ status: response.status, json: parseJson(await response.text()) });
    } catch (error) {
      if (signal?.aborted) {
        return fail(aborted());
      }
      if (timeout.aborted) {
        return fail({ kind: 'timeout', message: `No answer from ${url} within ${timeoutMs} ms` });
      }
      return fail({ kind: 'unreachable', message: `Could not reach ${url}: ${describe(error)}` });
    }
  }

  async function sendForObject(
    method: string,
    path: string,
    body: unknown,
    requestOptions: CrmRequestOptions | undefined,
  ) {
    const result = await request(method, path, body, requestOptions?.signal);
    return result.ok ? parseObject(result.value) : result;
  }

  return {
    async list(limetype: string, filters: CrmValues = {}, listOptions: CrmListOptions = {}) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(filters)) {
        params.append(key, value === null || value === undefined ? '' : String(value));
      }
      if (listOptions.limit !== undefined) {
        params.append('_limit', String(listOptions.limit));
      }
      const search = params.toString();
      const path = limeobjectPath(limetype) + (search ? `?${search}` : '');
      const result = await request('GET', path, undefined, listOptions.signal);
      return result.ok ? parseObjectList(result.value) : result;
    },
    get: (limetype, id, requestOptions) =>
      sendForObject('GET', limeobjectPath(limetype, id), undefined, requestOptions),
    create: (limetype, values, requestOptions) =>
      sendForObject('POST', limeobjectPath(limetype), values, requestOptions),
    update: (limetype, id, values, requestOptions) =>
      sendForObject('PATCH', limeobjectPath(limetype, id), values, requestOptions),
    async remove(limetype, id, requestOptions) {
      const result = await request(
        'DELETE',
        limeobjectPath(limetype, id),
        undefined,
        requestOptions?.signal,
      );
      return result.ok ? ok(null) : result;
    },
    async query(query: LimeQuery, requestOptions?: CrmRequestOptions) {
      const result = await request('POST', 'query/', query, requestOptions?.signal);
      return result.ok ? parseQueryResponse(result.value) : result;
    },
    async read(path, schema, requestOptions) {
      const result = await request('GET', path, undefined, requestOptions?.signal);
      return result.ok ? parseResponse(schema, result.value, `answer from ${path}`) : result;
    },
  };
}

interface Credentials {
  /** Whether a 401 is worth one retry with `headers(true)`. */
  refreshable: boolean;
  headers(fresh: boolean): Promise<CrmResult<Record<string, string>>>;
}

function credentialsFor(auth: CrmAuth): Credentials {
  if ('apiKey' in auth) {
    const headers = ok({ 'x-api-key': auth.apiKey });
    return { refreshable: false, headers: async () => headers };
  }
  let token: Promise<string> | undefined;
  const obtain = (fresh: boolean): Promise<string> => {
    if (fresh || !token) {
      const asked = auth.getToken(fresh);
      token = asked;
      // A refused token request must not stick: the next call asks again.
      asked.catch(() => {
        if (token === asked) {
          token = undefined;
        }
      });
    }
    return token;
  };
  return {
    refreshable: true,
    async headers(fresh) {
      try {
        return ok({ authorization: `Bearer ${await obtain(fresh)}` });
      } catch (error) {
        return fail({
          kind: 'unauthorized',
          message: `No token to sign in with: ${describe(error)}`,
        });
      }
    },
  };
}

function aborted(): CrmFailure {
  return { kind: 'aborted', message: 'The request was cancelled' };
}

function parseJson(text: string): unknown {
  if (!text.trim()) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
