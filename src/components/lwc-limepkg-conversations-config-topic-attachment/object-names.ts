// The objects a fixed attachment can point at, found and named through the platform's query service.
import type { ListItem } from '@limetech/lime-elements';
import { LimeQueryOperator, type LimeTypes, type QueryService } from '../../lime';

const SEARCH_LIMIT = 20;

/** Up to 20 objects of `limetype` whose descriptive property contains `text`; none on failure. */
export async function searchObjects(
  query: QueryService | undefined,
  limetypes: LimeTypes,
  limetype: string,
  text: string,
): Promise<ListItem<number>[]> {
  const descriptive = limetypes[limetype]?.descriptive;
  if (!query || !limetype) {
    return [];
  }
  try {
    const response = await query.execute({
      limetype,
      limit: SEARCH_LIMIT,
      filter:
        descriptive && text.trim()
          ? { key: descriptive, op: LimeQueryOperator.LIKE, exp: text.trim() }
          : undefined,
      responseFormat: { object: { _id: null, _descriptive: null } },
    });
    return (response.objects ?? []).flatMap((object: unknown) => objectItem(object));
  } catch {
    return [];
  }
}

/** The descriptive of object `id` of `limetype`; undefined when it cannot be read. */
export async function objectName(
  query: QueryService | undefined,
  limetype: string,
  id: number,
): Promise<string | undefined> {
  if (!query) {
    return undefined;
  }
  try {
    const response = await query.execute({
      limetype,
      limit: 1,
      filter: { key: '_id', op: LimeQueryOperator.EQUALS, exp: id },
      responseFormat: { object: { _id: null, _descriptive: null } },
    });
    return (response.objects ?? []).flatMap((object: unknown) => objectItem(object))[0]?.text;
  } catch {
    return undefined;
  }
}

/** A picker item from a query result object, `#id` when it has no descriptive. */
export function objectItem(object: unknown): ListItem<number>[] {
  if (!object || typeof object !== 'object') {
    return [];
  }
  const id = '_id' in object ? object._id : undefined;
  const text = '_descriptive' in object ? object._descriptive : undefined;
  return typeof id === 'number'
    ? [{ value: id, text: typeof text === 'string' && text ? text : `#${id}` }]
    : [];
}
