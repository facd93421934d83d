// The CRM port over the webclient's own services: `http` for Lime CRM's REST API and, when given,
// `query` for Lime Query, signed in as the user of the webclient. The http service rejects with
// an error carrying the HTTP `status` (0 when the network failed; a timeout is named
// `TimeoutError`); that becomes a `CrmFailure` value here. Anything else it rejects with is a bug
// and is not hidden.
// zod/mini: the connect dialog and the history note load this; they must load little (see
// `npm run bench -- size`).
import { z } from 'zod/mini';
import type { CrmFailure, CrmPort, CrmResult } from '../crm/crm.types';
import { abortedFailure, failureForStatus } from '../crm/failure';
import { fail, ok } from '../crm/port';
import { errorMessageOf, parseQueryResponse } from '../crm/responses';
import { crmPortOver, type CrmMethod } from '../crm/rest-port';
import type { HttpService, LimeQuery, LimeQueryResponse, QueryService } from './types';

export interface WebclientCrmServices {
  http: HttpService;
  /** The platform's query service; without it, queries are posted to `api/v1/query/`. */
  query?: QueryService;
}

const API_ROOT = 'api/v1/';

const HttpRejection = z.object({
  name: z.optional(z.string()),
  status: z.optional(z.number()),
  message: z.optional(z.string()),
  body: z.optional(z.unknown()),
});

/**
 * The failure an http or query service rejection stands for, or `undefined` when the error is not
 * one from a request (a bug, which the caller should not hide).
 */
export function failureOfRejection(error: unknown): CrmFailure | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const parsed = HttpRejection.safeParse(error);
  if (!parsed.success) {
    return undefined;
  }
  const { name, status, message = '', body } = parsed.data;
  if (name === 'TimeoutError' || name === 'AbortError' || status === 408 || status === 504) {
    return { kind: 'timeout', message: message || 'No answer in time' };
  }
  if (status === undefined) {
    return undefined;
  }
  if (status === 0) {
    return { kind: 'unreachable', message: message || 'The network failed' };
  }
  return failureForStatus(status, body === undefined ? message : errorMessageOf(body, status));
}

/** A CRM port over the webclient's http (and query) service. */
export function createWebclientCrmPort(services: WebclientCrmServices): CrmPort {
  const { http, query } = services;
  const request = (method: CrmMethod, url: string, body: unknown): Promise<unknown> => {
    switch (method) {
      case 'GET':
        return http.get(url);
      case 'DELETE':
        return http.delete(url);
      case 'PATCH':
        return http.patch(url, body ?? {});
      case 'POST':
        return http.post(url, body ?? {});
    }
  };
  return crmPortOver(
    (method, path, body, signal) => settle(() => request(method, API_ROOT + path, body), signal),
    query && ((limeQuery, signal) => settle(() => query.execute(limeQuery), signal)),
  );
}

/**
 * Lime Query over the webclient's query service alone, answered as the port's `query` answers,
 * for code that has no http service at hand (Test lookup in Lime Admin). Never rejects: an
 * admin's click has no caller to hand a bug to, so an error that is no request's is `unreachable`
 * with its message.
 */
export function queryOverService(
  service: QueryService,
): (query: LimeQuery, signal?: AbortSignal) => Promise<CrmResult<LimeQueryResponse>> {
  return async (query, signal) => {
    try {
      const answer = await settle(() => service.execute(query), signal);
      return answer.ok ? parseQueryResponse(answer.value) : answer;
    } catch (error) {
      return fail({
        kind: 'unreachable',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
}

/** The service's answer, or the failure it rejected with; a caller's abort wins. */
async function settle(
  request: () => Promise<unknown>,
  signal: AbortSignal | undefined,
): Promise<CrmResult<unknown>> {
  if (signal?.aborted) {
    return fail(abortedFailure());
  }
  let answer: unknown;
  try {
    answer = await request();
  } catch (error) {
    const failure = failureOfRejection(error);
    if (!failure) {
      throw error;
    }
    return fail(signal?.aborted ? abortedFailure() : failure);
  }
  // The services cannot be cancelled: a cancelled caller just does not get the answer.
  return signal?.aborted ? fail(abortedFailure()) : ok(answer);
}
