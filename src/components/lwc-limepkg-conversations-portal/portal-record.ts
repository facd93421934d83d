// What the Portal shows of a matched object: its header, the configured property overview and the
// aggregation sections, read through the `executeQuery` port. One query for the object, and ONE
// query per section that brings both the first items and the COUNT of all of them.
import { z } from 'zod';
import type { PortalAggregation, PortalView } from '../../config';
import type { ExecuteQuery } from '../../lookup';
import { LimeQueryOperator, type LimeQuery, type LimeQueryFilter } from '../../lime/types';

/** A limetype as the Portal needs it (the CRM's `api/v1/limetype/<name>/`). */
export const portalLimetypeSchema = z.object({
  name: z.string().min(1),
  label: z.string().optional(),
  localname: z.object({ singular: z.string(), plural: z.string() }).partial().optional(),
  icon: z.string().optional(),
  descriptive: z.string().nullable().optional(),
  properties: z.record(
    z.string(),
    z.object({
      label: z.string().optional(),
      localname: z.string().optional(),
      type: z.string(),
      options: z.array(z.object({ key: z.string(), text: z.string() })).optional(),
      relation: z.object({ limetype: z.string(), backreference: z.string().optional() }).optional(),
    }),
  ),
});
export type PortalLimetype = z.infer<typeof portalLimetypeSchema>;
export type PortalPropertyMeta = PortalLimetype['properties'][string];

/** Reads limetype metadata (cached by the caller). */
export type GetLimetype = (name: string, signal?: AbortSignal) => Promise<PortalLimetype>;

export interface OverviewField {
  property: string;
  label: string;
  type: string;
  value: unknown;
  options?: { key: string; text: string }[];
  /** For a relation: the related object, by its descriptive. */
  related?: { limetype: string; id: number; descriptive: string };
}

export interface SectionItem {
  limetype: string;
  id: number;
  descriptive: string;
}

export type PortalSection =
  | {
      status: 'ok';
      title: string;
      relation: string;
      /** The related limetype. */
      limetype: string;
      items: SectionItem[];
      total: number;
    }
  | {
      status: 'error';
      title: string;
      relation: string;
      reason: 'unknown-relation' | 'failed';
      message: string;
    };

export interface PortalRecord {
  limetype: PortalLimetype;
  id: number;
  descriptive: string;
  overview: OverviewField[];
  sections: PortalSection[];
}

export type LoadRecordResult =
  | { ok: true; record: PortalRecord }
  | { ok: false; reason: 'not-found' | 'failed'; message: string; error?: unknown };

const RELATION_TYPES = new Set(['belongsto', 'hasone']);
const MANY_TYPES = new Set(['hasmany', 'hasandbelongstomany']);

const relatedSchema = z.object({
  _id: z.number(),
  _descriptive: z.string().nullable().optional(),
});
const objectRowSchema = z
  .object({ _id: z.number(), _descriptive: z.string().nullable().optional() })
  .catchall(z.unknown());
const countSchema = z.number().int().nonnegative();

/** The label of a limetype for people: its singular local name, else its label, else its name. */
export function limetypeLabel(limetype: PortalLimetype): string {
  return limetype.localname?.singular || limetype.label || limetype.name;
}

/** The query for the object's overview: plain values, and relations as `{ _id, _descriptive }`. */
export function recordQuery(
  limetype: PortalLimetype,
  id: number,
  properties: readonly string[],
): LimeQuery {
  const object: Record<string, unknown> = { _id: null, _descriptive: null };
  for (const name of properties) {
    const meta = limetype.properties[name];
    if (!meta || MANY_TYPES.has(meta.type)) {
      continue;
    }
    object[name] = RELATION_TYPES.has(meta.type) ? { _id: null, _descriptive: null } : null;
  }
  return {
    limetype: limetype.name,
    filter: { key: '_id', op: LimeQueryOperator.EQUALS, exp: id },
    responseFormat: { object },
    limit: 1,
  };
}

/** The one query of a section: the first `limit` related objects and the COUNT of all. */
export function sectionQuery(
  limetype: PortalLimetype,
  id: number,
  aggregation: PortalAggregation,
): { ok: true; query: LimeQuery; target: string } | { ok: false } {
  const meta = limetype.properties[aggregation.relation];
  const target = meta?.relation?.limetype;
  const backreference = meta?.relation?.backreference;
  if (!meta || !MANY_TYPES.has(meta.type) || !target || !backreference) {
    return { ok: false };
  }
  const related: LimeQueryFilter = { key: backreference, op: LimeQueryOperator.EQUALS, exp: id };
  const filter: LimeQueryFilter = aggregation.filter
    ? { op: LimeQueryOperator.AND, exp: [related, aggregation.filter] }
    : related;
  return {
    ok: true,
    target,
    query: {
      limetype: target,
      filter,
      responseFormat: {
        object: { _id: null, _descriptive: null },
        aggregates: { total: { op: 'COUNT' } },
      },
      orderBy: [{ _timestamp: 'DESC' }],
      limit: aggregation.limit,
    },
  };
}

/** Reads everything the Portal shows of one object. Never rejects. */
export async function loadPortalRecord(options: {
  executeQuery: ExecuteQuery;
  getLimetype: GetLimetype;
  limetype: string;
  id: number;
  view: PortalView | undefined;
  signal?: AbortSignal;
}): Promise<LoadRecordResult> {
  const { executeQuery, getLimetype, id, view, signal } = options;
  let limetype: PortalLimetype;
  try {
    limetype = await getLimetype(options.limetype, signal);
  } catch (error) {
    return { ok: false, reason: 'failed', message: messageOf(error), error };
  }
  const properties = view?.properties ?? [];
  const [record, sections] = await Promise.all([
    executeQuery(recordQuery(limetype, id, properties), signal).then(
      (response) => ({ ok: true as const, response }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
    Promise.all(
      (view?.aggregations ?? []).map((aggregation) =>
        loadSection(executeQuery, limetype, id, aggregation, signal),
      ),
    ),
  ]);
  if (!record.ok) {
    return { ok: false, reason: 'failed', message: messageOf(record.error), error: record.error };
  }
  const row = objectRowSchema.safeParse(record.response.objects[0]);
  if (!row.success) {
    return { ok: false, reason: 'not-found', message: `No ${limetype.name} with id ${id}` };
  }
  return {
    ok: true,
    record: {
      limetype,
      id,
      descriptive: row.data._descriptive ?? '',
      overview: overviewFields(limetype, properties, row.data),
      sections,
    },
  };
}

function overviewFields(
  limetype: PortalLimetype,
  properties: readonly string[],
  row: Record<string, unknown>,
): OverviewField[] {
  return properties.flatMap((name): OverviewField[] => {
    const meta = limetype.properties[name];
    if (!meta || MANY_TYPES.has(meta.type)) {
      return [];
    }
    const field: OverviewField = {
      property: name,
      label: meta.localname || meta.label || name,
      type: meta.type,
      value: row[name] ?? null,
      options: meta.options,
    };
    const related = relatedSchema.safeParse(row[name]);
    if (RELATION_TYPES.has(meta.type) && related.success && meta.relation) {
      field.related = {
        limetype: meta.relation.limetype,
        id: related.data._id,
        descriptive: related.data._descriptive ?? `#${related.data._id}`,
      };
    }
    return [field];
  });
}

async function loadSection(
  executeQuery: ExecuteQuery,
  limetype: PortalLimetype,
  id: number,
  aggregation: PortalAggregation,
  signal: AbortSignal | undefined,
): Promise<PortalSection> {
  const base = { title: aggregation.title, relation: aggregation.relation };
  const built = sectionQuery(limetype, id, aggregation);
  if (!built.ok) {
    return {
      ...base,
      status: 'error',
      reason: 'unknown-relation',
      message: `${limetype.name} has no relation "${aggregation.relation}"`,
    };
  }
  try {
    const response = await executeQuery(built.query, signal);
    const rows = z.array(objectRowSchema).safeParse(response.objects);
    const total = countSchema.safeParse(response.aggregates?.total);
    if (!rows.success || !total.success) {
      return {
        ...base,
        status: 'error',
        reason: 'failed',
        message: 'Unexpected answer from the CRM',
      };
    }
    return {
      ...base,
      status: 'ok',
      limetype: built.target,
      items: rows.data.map((item) => ({
        limetype: built.target,
        id: item._id,
        descriptive: item._descriptive || `#${item._id}`,
      })),
      total: total.data,
    };
  } catch (error) {
    return { ...base, status: 'error', reason: 'failed', message: messageOf(error) };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
