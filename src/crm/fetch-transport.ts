// The CRM port over `fetch` to Lime CRM's REST API, signed in one of two ways: an API key
// (`x-api-key`, as DCI connects, seed 001) or a bearer token (the Portal's Lime Connect JWT, seed
// 002). `fetch` is injected, so the same transport runs in node, in the browser and over the
// emulator. Every answer is checked with zod; every failure is a `CrmFailure` value.
import { abortedFailure, failureForStatus } from './failure';
import type { ApiRootResult, CrmAuth, CrmPort, CrmResult, FetchCrmPortOptions } from './crm.types';
import { fail, ok } from './port';
import { crmPortOver, type CrmSend } from './rest-port';
import { errorMessageOf } from './responses';

export const DEFAULT_CRM_TIMEOUT_MS = 15_000;

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

  const request: CrmSend = async (method, path, body, signal) => {
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
  };

  async function exchange(
    url: string,
    method: string,
    auth: Record<string, string>,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<CrmResult<{ status: number; json: unknown }>> {
    if (signal?.aborted) {
      return fail(abortedFailure());
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
        return fail(abortedFailure());
      }
      if (timeout.aborted) {
        return fail({ kind: 'timeout', message: `No answer from ${url} within ${timeoutMs} ms` });
      }
      return fail({ kind: 'unreachable', message: `Could not reach ${url}: ${describe(error)}` });
    }
  }

  return crmPortOver(request);
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
