// The public types of src/crm: the CRM port (what this package needs from Lime CRM, in the shapes
// of its REST API), its one failure vocabulary, and the options of the fetch transport.
import type { LimeQuery, LimeQueryResponse } from '../lime/types';

/** A limeobject as the REST API returns it: its id and its property values (relations as ids). */
export interface CrmObject {
  id: number;
  [property: string]: unknown;
}

/** Values to write: property name to value; relations take the related object's id (or null). */
export type CrmValues = Record<string, unknown>;

/** Anything with zod's `safeParse` (classic or mini): the schema a caller reads a resource with. */
export interface ResponseSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export type CrmResult<T> = { ok: true; value: T } | { ok: false; error: CrmFailure };

/** Lets the caller cancel a request: it then fails as `aborted`. */
export interface CrmRequestOptions {
  signal?: AbortSignal;
}

export interface CrmListOptions extends CrmRequestOptions {
  /** At most this many objects (`_limit`). */
  limit?: number;
}

/** Lime CRM, seen through its REST API. */
export interface CrmPort {
  /** Objects of a limetype whose properties equal the given values (`GET …/<limetype>/?prop=value`). */
  list(
    limetype: string,
    filters?: CrmValues,
    options?: CrmListOptions,
  ): Promise<CrmResult<CrmObject[]>>;
  /** One object (`GET …/<limetype>/<id>/`). */
  get(limetype: string, id: number, options?: CrmRequestOptions): Promise<CrmResult<CrmObject>>;
  /** Creates an object and returns it as stored (`POST …/<limetype>/`). */
  create(
    limetype: string,
    values: CrmValues,
    options?: CrmRequestOptions,
  ): Promise<CrmResult<CrmObject>>;
  /** Changes some properties of an object and returns it as stored (`PATCH …/<limetype>/<id>/`). */
  update(
    limetype: string,
    id: number,
    values: CrmValues,
    options?: CrmRequestOptions,
  ): Promise<CrmResult<CrmObject>>;
  /** Deletes an object (`DELETE …/<limetype>/<id>/`). */
  remove(limetype: string, id: number, options?: CrmRequestOptions): Promise<CrmResult<null>>;
  /** Runs a Lime Query (`POST api/v1/query/`). */
  query(query: LimeQuery, options?: CrmRequestOptions): Promise<CrmResult<LimeQueryResponse>>;
  /** Reads another resource, GET `path` under `api/v1/` (e.g. `limetype/person/`), checked with `schema`. */
  read<T>(
    path: string,
    schema: ResponseSchema<T>,
    options?: CrmRequestOptions,
  ): Promise<CrmResult<T>>;
}

/** Why a CRM call failed. `message` is for logs and details, in English; users see the translation. */
export type CrmFailure =
  /** The server could not be reached at all (DNS, refused connection, CORS, offline, bad URL). */
  | { kind: 'unreachable'; message: string }
  /** No answer within the time limit. */
  | { kind: 'timeout'; message: string }
  /** The caller cancelled the request; not a failure of the CRM. */
  | { kind: 'aborted'; message: string }
  /** 401, even after a fresh token, or no credentials to be had: the key, token or session is not accepted. */
  | { kind: 'unauthorized'; message: string }
  /** 403: the user has no access to this object or limetype. */
  | { kind: 'forbidden'; message: string }
  /** 404: no such object, limetype or endpoint. */
  | { kind: 'not-found'; message: string }
  /** Another 4xx (400, 409, 422…): the server refused the request as it was written. */
  | { kind: 'rejected'; status: number; message: string }
  /** 5xx, or any other status. */
  | { kind: 'server-error'; status: number; message: string }
  /** The server answered, but not with what the Lime CRM API answers. */
  | { kind: 'invalid-response'; message: string };

export type CrmFailureKind = CrmFailure['kind'];

/** A user-facing text as a translation key and its parameters (the caller translates). */
export interface CrmFailureMessage {
  key: `crm.failure.${string}`;
  /** `message`, and `status` for the kinds that carry one. */
  params: Record<string, string | number>;
}

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

export type ApiRootResult = { ok: true; apiRoot: string } | { ok: false; reason: 'invalid-url' };
