// The CRM port over the Lime CRM REST API: a base URL and an API key (`x-api-key`), as DCI connects
// (seed 001). `fetch` is injected, so the same adapter runs in node, in the browser and over the
// emulator; every answer is checked with zod before it is believed.
import { z } from 'zod';
import type { LimeQuery, LimeQueryResponse } from '../lime/types';
import {
  type CrmError,
  type CrmListOptions,
  type CrmObject,
  type CrmPort,
  type CrmResult,
  type CrmValues,
  errorForStatus,
  fail,
  ok,
} from './crm-port';

/** The part of `fetch` the adapter uses. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ status: number; ok: boolean; text(): Promise<string> }>;

export interface RestCrmPortOptions {
  /** The Lime CRM API base URL, e.g. `https://acme.lime-crm.com/acme` (with or without `/api/v1`). */
  baseUrl: string;
  apiKey: string;
  fetch: FetchLike;
  /** Milliseconds before a request counts as timed out (default 15 s). */
  timeoutMs?: number;
}

export type RestBaseUrlResult =
  { ok: true; apiRoot: string } | { ok: false; reason: 'invalid-url' };

/** The `…/api/v1/` root for a base URL as a user pastes it; `invalid-url` for anything not http(s). */
export function apiRootOf(baseUrl: string): RestBaseUrlResult {
  const trimmed = baseUrl.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'invalid-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: 'invalid-url' };
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  return { ok: true, apiRoot: `${url.origin}${path}/api/v1/` };
}

// The real API names the id `_id`; the emulator `id`. Both are accepted, `id` comes out.
const limeObjectSchema = z
  .looseObject({ id: z.number().int().optional(), _id: z.number().int().optional() })
  .refine(
    (object) => object.id !== undefined || object._id !== undefined,
    'an object without an id',
  )
  .transform((object): CrmObject => ({ ...object, id: object.id ?? object._id ?? 0 }));

const listSchema = z.looseObject({
  _embedded: z.looseObject({ limeobjects: z.array(limeObjectSchema) }),
});

const queryResponseSchema = z.looseObject({
  objects: z.array(z.unknown()).default(() => []),
  aggregates: z.unknown().optional(),
});

const errorBodySchema = z.looseObject({
  message: z.string().optional(),
  error: z.string().optional(),
  detail: z.string().optional(),
});

/** A CRM port talking to Lime CRM's REST API. */
export function createRestCrmPort(options: RestCrmPortOptions): CrmPort {
  const root = apiRootOf(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? 15000;

  async function request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<CrmResult<unknown>> {
    if (!root.ok) {
      return fail({ kind: 'unreachable', message: `Not a valid http(s) URL: ${options.baseUrl}` });
    }
    const url = root.apiRoot + path;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const headers: Record<string, string> = {
        'x-api-key': options.apiKey,
        accept: 'application/json',
      };
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
      }
      const response = await options.fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await response.text();
      const json = parseJson(text);
      if (!response.ok) {
        return fail(errorForStatus(response.status, errorMessage(json, text, response.status)));
      }
      return ok(json);
    } catch (error) {
      return fail(networkError(error, controller.signal.aborted, url));
    } finally {
      clearTimeout(timer);
    }
  }

  const objectPath = (limetype: string, id?: number) =>
    `limeobject/${encodeURIComponent(limetype)}/` + (id === undefined ? '' : `${id}/`);

  async function requestObject(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<CrmResult<CrmObject>> {
    const result = await request(method, path, body);
    return result.ok ? validate(limeObjectSchema, result.value) : result;
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
      const result = await request('GET', objectPath(limetype) + (search ? `?${search}` : ''));
      if (!result.ok) {
        return result;
      }
      const list = validate(listSchema, result.value);
      return list.ok ? ok(list.value._embedded.limeobjects) : list;
    },
    get: (limetype: string, id: number) => requestObject('GET', objectPath(limetype, id)),
    create: (limetype: string, values: CrmValues) =>
      requestObject('POST', objectPath(limetype), values),
    update: (limetype: string, id: number, values: CrmValues) =>
      requestObject('PATCH', objectPath(limetype, id), values),
    async remove(limetype: string, id: number) {
      const result = await request('DELETE', objectPath(limetype, id));
      return result.ok ? ok(null) : result;
    },
    async query(query: LimeQuery): Promise<CrmResult<LimeQueryResponse>> {
      const result = await request('POST', 'query/', query);
      if (!result.ok) {
        return result;
      }
      const response = validate(queryResponseSchema, result.value);
      return response.ok
        ? ok({ objects: response.value.objects, aggregates: response.value.aggregates ?? {} })
        : response;
    },
  };
}

function validate<T>(schema: z.ZodType<T>, value: unknown): CrmResult<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return ok(parsed.data);
  }
  return fail({ kind: 'invalid-response', message: z.prettifyError(parsed.error) });
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

function errorMessage(json: unknown, text: string, status: number): string {
  const body = errorBodySchema.safeParse(json);
  const fromBody = body.success
    ? (body.data.message ?? body.data.error ?? body.data.detail)
    : undefined;
  if (fromBody) {
    return fromBody;
  }
  const plain = text.trim().slice(0, 200);
  return plain && !plain.startsWith('<') ? plain : `HTTP ${status}`;
}

function networkError(error: unknown, timedOut: boolean, url: string): CrmError {
  if (timedOut) {
    return { kind: 'timeout', message: `No answer from ${url} in time` };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { kind: 'unreachable', message: `Could not reach ${url}: ${reason}` };
}
