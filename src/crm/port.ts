// The CRM port: what this package needs from Lime CRM, in the shapes of its REST API
// (`api/v1/limeobject/<limetype>/…` and `api/v1/query/`). Failures are values, never exceptions.
import type { CrmFailure, CrmResult } from './crm.types';

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
  if (value && typeof value === 'object' && '_id' in value) {
    return relationId(value._id);
  }
  return null;
}
