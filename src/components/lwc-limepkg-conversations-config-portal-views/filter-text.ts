// A Portal aggregation's optional Lime Query filter, edited as JSON text.
import { limeQueryFilterSchema, type PortalFilter } from '../../config';

/** The filter as the admin edits it: indented JSON, '' when there is none. */
export function filterText(filter: PortalFilter | undefined): string {
  return filter ? JSON.stringify(filter, null, 2) : '';
}

/** Reads typed text: '' is no filter; anything else must be a Lime Query filter. */
export function parseFilterText(
  text: string,
): { ok: true; filter: PortalFilter | undefined } | { ok: false } {
  if (!text.trim()) {
    return { ok: true, filter: undefined };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  const parsed = limeQueryFilterSchema.safeParse(json);
  return parsed.success ? { ok: true, filter: parsed.data } : { ok: false };
}
