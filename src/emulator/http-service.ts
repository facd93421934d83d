// The emulated `http` and `query` services: the REST handler behind latency and injected faults.
import type { HttpService, LimeQuery, LimeQueryResponse, QueryService } from '../lime';
import { HttpError, TimeoutError } from './errors';
import type { Faults } from './faults';
import type { RestHandler } from './rest';

type HttpOptions = Parameters<HttpService['get']>[1];

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** JSON in, JSON out: callers never share objects with the database, as over a real wire. */
function overTheWire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function createHttpService(handle: RestHandler, faults: Faults): HttpService {
  const request = async (method: string, url: string, body?: unknown, options?: HttpOptions) => {
    const fault = faults.take(method, url);
    const latency = faults.latency;
    await (latency > 0 ? sleep(latency) : Promise.resolve());
    const send = () =>
      handle({
        method,
        path: url,
        query: options?.params,
        headers: options?.headers,
        body: overTheWire(body),
      });
    if (fault?.kind === 'network') {
      if (fault.handled) {
        send();
      }
      throw new HttpError(
        `Network error: ${method} ${url} could not reach the server.`,
        0,
        null,
        method,
        url,
      );
    }
    if (fault?.kind === 'timeout') {
      if (fault.handled) {
        send();
      }
      await sleep(faults.timeoutMs);
      throw new TimeoutError(
        `${method} ${url} timed out after ${faults.timeoutMs} ms.`,
        method,
        url,
      );
    }
    if (fault?.kind === 'error') {
      const status = fault.status ?? 500;
      const message =
        fault.message ?? `The server failed to handle ${method} ${url} (HTTP ${status}).`;
      throw new HttpError(message, status, { message }, method, url);
    }
    const response = send();
    if (response.status >= 400) {
      const message =
        messageOf(response.body) ?? `${method} ${url} failed with HTTP ${response.status}.`;
      throw new HttpError(message, response.status, overTheWire(response.body), method, url);
    }
    return overTheWire(response.body);
  };

  return {
    get: (url, options) => request('GET', url, undefined, options),
    post: (url, data, options) => request('POST', url, data, options),
    patch: (url, data, options) => request('PATCH', url, data, options),
    put: (url, data, options) => request('PUT', url, data, options),
    delete: (url, options) => request('DELETE', url, undefined, options),
  };
}

/** The query service as the webclient has it: a POST to `api/v1/query/`. */
export function createQueryService(http: HttpService): QueryService {
  return {
    execute: (query: LimeQuery): Promise<LimeQueryResponse> => http.post('api/v1/query/', query),
  };
}

function messageOf(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
    return body.message;
  }
  return undefined;
}
