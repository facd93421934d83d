// The CRM port: what this package needs from Lime CRM, in the shapes of its REST API
// (`api/v1/limeobject/<limetype>/…` and `api/v1/query/`). Failures are values, never exceptions.
import type { LimeQuery, LimeQueryResponse } from '../lime/types';
import type { CrmFailure } from './failure';

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

export const ok = <T>(value: T): CrmResult<T> => ({ ok: true, value });
export const fail = <T>(error: CrmFailure): CrmResult<T> => ({ ok: false, error });

/** The path of a limetype's objects, or of one object, under `api/v1/`. */
export function limeobjectPath(limetype: string, id?: number): string {
  return `limeobject/${encodeURIComponent(limetype)}/` + (id === undefined ? '' : `${id}/`);
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
