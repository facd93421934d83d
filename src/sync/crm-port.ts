// The CRM port: what the sync flows need from Lime CRM, in the shapes of its REST API
// (`api/v1/limeobject/<limetype>/…` and `api/v1/query/`). Failures are values, never exceptions.
import type { LimeQuery, LimeQueryResponse } from '../lime/types';

/** A limeobject as the REST API returns it: its id and its property values (relations as ids). */
export interface CrmObject {
  id: number;
  [property: string]: unknown;
}

/** Values to write: property name to value; relations take the related object's id (or null). */
export type CrmValues = Record<string, unknown>;

/** Why a CRM call failed, as a program (and a user reading the translated text) can act on it. */
export type CrmError =
  /** The server could not be reached at all (DNS, refused connection, CORS, offline). */
  | { kind: 'unreachable'; message: string }
  /** No answer within the time limit. */
  | { kind: 'timeout'; message: string }
  /** 401: the API key (or token) is missing, wrong or expired. */
  | { kind: 'unauthorized'; message: string }
  /** 403: the API user has no access to this object or limetype. */
  | { kind: 'forbidden'; message: string }
  /** 404: no such object, limetype or endpoint. */
  | { kind: 'not-found'; message: string }
  /** 400/409/422: the server refused the request as it was written. */
  | { kind: 'rejected'; status: number; message: string }
  /** 5xx, or any other status. */
  | { kind: 'server-error'; status: number; message: string }
  /** The server answered, but not with what the Lime CRM REST API answers. */
  | { kind: 'invalid-response'; message: string };

export type CrmErrorKind = CrmError['kind'];

export type CrmResult<T> = { ok: true; value: T } | { ok: false; error: CrmError };

export interface CrmListOptions {
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
  get(limetype: string, id: number): Promise<CrmResult<CrmObject>>;
  /** Creates an object and returns it as stored (`POST …/<limetype>/`). */
  create(limetype: string, values: CrmValues): Promise<CrmResult<CrmObject>>;
  /** Changes some properties of an object and returns it as stored (`PATCH …/<limetype>/<id>/`). */
  update(limetype: string, id: number, values: CrmValues): Promise<CrmResult<CrmObject>>;
  /** Deletes an object (`DELETE …/<limetype>/<id>/`). */
  remove(limetype: string, id: number): Promise<CrmResult<null>>;
  /** Runs a Lime Query (`POST api/v1/query/`). */
  query(query: LimeQuery): Promise<CrmResult<LimeQueryResponse>>;
}

export const ok = <T>(value: T): CrmResult<T> => ({ ok: true, value });
export const fail = <T>(error: CrmError): CrmResult<T> => ({ ok: false, error });

/** The error kind for an HTTP status the server answered with. */
export function errorForStatus(status: number, message: string): CrmError {
  if (status === 401) {
    return { kind: 'unauthorized', message };
  }
  if (status === 403) {
    return { kind: 'forbidden', message };
  }
  if (status === 404) {
    return { kind: 'not-found', message };
  }
  if (status >= 400 && status < 500) {
    return { kind: 'rejected', status, message };
  }
  return { kind: 'server-error', status, message };
}

/** The id of a related object as the REST API writes a relation value, or null when none. */
export function relationId(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    return value;
  }
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    return Number(value);
  }
  if (value && typeof value === 'object' && 'id' in value) {
    return relationId(value.id);
  }
  return null;
}
