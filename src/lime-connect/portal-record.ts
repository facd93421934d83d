// What the Portal shows of a matched object: its header, the configured property overview and the
// aggregation sections, read through the `executeQuery` port. The overview comes with the lookup
// query that finds the object (`recordFormat`), and each section's items and COUNT with a query
// that runs beside the lookup (`sectionBatchQuery`). Where that cannot tell the match's own
// items apart, ONE query per section by the object's id brings both its first items and its COUNT.
import { z } from 'zod';
import type { PortalAggregation, PortalView } from '../config';
import { ok, type CrmFailure, type CrmResult } from '../crm';
import type { ExecuteQuery } from '../lookup';
import {
  LimeQueryOperator,
  type LimeQuery,
  type LimeQueryFilter,
  type LimeQueryResponse,
} from '../lime/types';

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
export type GetLimetype = (
  name: string,
  signal?: AbortSignal,
) => Promise<CrmResult<PortalLimetype>>;

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
  /** No such object, or not one the user may read. */
  | { ok: false; reason: 'not-found'; message: string }
  | { ok: false; reason: 'failed'; error: CrmFailure };

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

/** What the overview asks of an object: plain values, and relations as `{ _id, _descriptive }`. */
export function recordFormat(
  limetype: PortalLimetype,
  properties: readonly string[],
): Record<string, unknown> {
  const object: Record<string, unknown> = { _id: null, _descriptive: null };
  for (const name of properties) {
    const meta = limetype.properties[name];
    if (!meta || MANY_TYPES.has(meta.type)) {
      continue;
    }
    object[name] = RELATION_TYPES.has(meta.type) ? { _id: null, _descriptive: null } : null;
  }
  return object;
}

/** The query for the object's overview by its id. */
export function recordQuery(
  limetype: PortalLimetype,
  id: number,
  properties: readonly string[],
): LimeQuery {
  return {
    limetype: limetype.name,
    filter: { key: '_id', op: LimeQueryOperator.EQUALS, exp: id },
    responseFormat: { object: recordFormat(limetype, properties) },
    limit: 1,
  };
}

/** How many related objects a section's batch query brings, for all the lookup's candidates. */
export const SECTION_BATCH_PAGE = 50;

/** A section's query before the match is known, and what it needs to read its answer. */
export interface SectionBatch {
  relation: string;
  /** The section's limetype, and the property on it that names the owner. */
  target: string;
  backreference: string;
  query: LimeQuery;
}

/**
 * A section's query that runs BESIDE the lookup: the related objects of every object the lookup's
 * queries can find (`owners`, a filter on the view's limetype, seen through the relation), each
 * with its owner's id, and the COUNT of them all. `undefined` for a relation the limetype lacks.
 */
export function sectionBatchQuery(
  limetype: PortalLimetype,
  aggregation: PortalAggregation,
  owners: LimeQueryFilter,
): SectionBatch | undefined {
  const link = relationOf(limetype, aggregation.relation);
  if (!link) {
    return undefined;
  }
  const throughOwner = throughRelation(owners, link.backreference);
  const filter: LimeQueryFilter = aggregation.filter
    ? { op: LimeQueryOperator.AND, exp: [throughOwner, aggregation.filter] }
    : throughOwner;
  return {
    relation: aggregation.relation,
    target: link.target,
    backreference: link.backreference,
    query: {
      limetype: link.target,
      filter,
      responseFormat: {
        object: { _id: null, _descriptive: null, [link.backreference]: null },
        aggregates: { total: { op: 'COUNT' } },
      },
      orderBy: [{ _timestamp: 'DESC' }],
      limit: SECTION_BATCH_PAGE,
    },
  };
}

/**
 * The section of object `id` from its batch answer, when the answer holds ALL the related objects
 * of every candidate (the page was not full): then the object's own are exactly those naming it.
 * `undefined` when the answer cannot tell (a full page, or an unexpected shape).
 */
export function sectionFromBatch(
  batch: SectionBatch,
  aggregation: PortalAggregation,
  response: LimeQueryResponse,
  id: number,
): PortalSection | undefined {
  const rows = z.array(objectRowSchema).safeParse(response.objects);
  const total = countSchema.safeParse(response.aggregates?.total);
  if (!rows.success || !total.success || rows.data.length !== total.data) {
    return undefined;
  }
  const own = rows.data.filter((row) => row[batch.backreference] === id);
  return {
    title: aggregation.title,
    relation: aggregation.relation,
    status: 'ok',
    limetype: batch.target,
    items: own.slice(0, aggregation.limit).map((item) => sectionItem(batch.target, item)),
    total: own.length,
  };
}

/** A filter on a limetype, as a filter on the objects that name one of its objects in `relation`. */
export function throughRelation(filter: LimeQueryFilter, relation: string): LimeQueryFilter {
  if (filter.op === LimeQueryOperator.AND || filter.op === LimeQueryOperator.OR) {
    const parts: unknown[] = Array.isArray(filter.exp) ? filter.exp : [];
    return {
      ...filter,
      exp: parts.map((part) => throughRelation(part as LimeQueryFilter, relation)),
    };
  }
  return { ...filter, key: `${relation}.${filter.key}` };
}

function relationOf(
  limetype: PortalLimetype,
  relation: string,
): { target: string; backreference: string } | undefined {
  const meta = limetype.properties[relation];
  const target = meta?.relation?.limetype;
  const backreference = meta?.relation?.backreference;
  if (!meta || !MANY_TYPES.has(meta.type) || !target || !backreference) {
    return undefined;
  }
  return { target, backreference };
}

function sectionItem(limetype: string, row: z.infer<typeof objectRowSchema>): SectionItem {
  return { limetype, id: row._id, descriptive: row._descriptive || `#${row._id}` };
}

/** The one query of a section: the first `limit` related objects and the COUNT of all. */
export function sectionQuery(
  limetype: PortalLimetype,
  id: number,
  aggregation: PortalAggregation,
): { ok: true; query: LimeQuery; target: string } | { ok: false } {
  const link = relationOf(limetype, aggregation.relation);
  if (!link) {
    return { ok: false };
  }
  const { target, backreference } = link;
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

/**
 * Reads everything the Portal shows of one object. What is already `known` (the object's row as
 * the lookup found it with `recordFormat`, sections read beside the lookup) is not asked again.
 * Never rejects.
 */
export async function loadPortalRecord(options: {
  executeQuery: ExecuteQuery;
  getLimetype: GetLimetype;
  limetype: string;
  id: number;
  view: PortalView | undefined;
  signal?: AbortSignal;
  known?: { row?: Record<string, unknown>; sections?: ReadonlyMap<string, PortalSection> };
}): Promise<LoadRecordResult> {
  const { executeQuery, getLimetype, id, view, signal, known } = options;
  const meta = await getLimetype(options.limetype, signal);
  if (!meta.ok) {
    return { ok: false, reason: 'failed', error: meta.error };
  }
  const limetype = meta.value;
  const properties = view?.properties ?? [];
  const [record, sections] = await Promise.all([
    known?.row
      ? ok({ objects: [known.row], aggregates: {} })
      : executeQuery(recordQuery(limetype, id, properties), signal),
    Promise.all(
      (view?.aggregations ?? []).map(
        (aggregation) =>
          known?.sections?.get(aggregation.relation) ??
          loadSection(executeQuery, limetype, id, aggregation, signal),
      ),
    ),
  ]);
  if (!record.ok) {
    return { ok: false, reason: 'failed', error: record.error };
  }
  const row = objectRowSchema.safeParse(record.value.objects[0]);
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
  const answer = await executeQuery(built.query, signal);
  if (!answer.ok) {
    return { ...base, status: 'error', reason: 'failed', message: answer.error.message };
  }
  const rows = z.array(objectRowSchema).safeParse(answer.value.objects);
  const total = countSchema.safeParse(answer.value.aggregates?.total);
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
    items: rows.data.map((item) => sectionItem(built.target, item)),
    total: total.data,
  };
}
