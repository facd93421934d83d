// Which object a new conversation is connected to, and through which relation property. Found
// from the limetypes metadata, never hard-coded: a customer may relate conversations to any limetype.
// zod/mini: the connect dialog's path must load little (see `npm run bench -- size`).
import { z } from 'zod/mini';
import type { LimeTypes } from '../lime/types';
import type { ObjectRef } from './conversations.types';

/** A belongsto property of the conversation limetype and the limetype it points to. */
export interface BelongstoRelation {
  property: string;
  limetype: string;
}

export type ParentProblem = 'unknown-limetype' | 'no-parent' | 'no-relation' | 'ambiguous-relation';

export type ParentResult =
  { ok: true; property: string; parent: ObjectRef } | { ok: false; reason: ParentProblem };

/** The belongsto relations of a limetype, in the order the metadata lists them. */
export function belongstoRelations(limetypes: LimeTypes, limetype: string): BelongstoRelation[] {
  const meta = limetypes[limetype];
  if (!meta) {
    return [];
  }
  return Object.entries(meta.properties).flatMap(([property, propertyMeta]) =>
    propertyMeta.type === 'belongsto' && propertyMeta.relation
      ? [{ property, limetype: propertyMeta.relation.limetype }]
      : [],
  );
}

// A relation value in a command's initial values: an id, or an object holding one.
const PositiveInt = z.int().check(z.positive());
const RelatedId = z.union([
  PositiveInt,
  z.pipe(
    z.looseObject({ id: PositiveInt }),
    z.transform((value: { id: number }) => value.id),
  ),
]);

/**
 * The object a conversation created from a relation tab belongs to, and the property pointing to it.
 *
 * The create-dialog command's initial values name it (`{ helpdesk: 1001 }`); when they do not, the
 * context the dialog was opened in does, and the property is the one belongsto relation of the
 * conversation limetype whose related limetype is the context's.
 */
export function findParentRelation(
  limetypes: LimeTypes,
  conversationLimetype: string,
  opened: {
    initialValues?: Record<string, unknown>;
    context?: { limetype: string | null; id: number | null };
  },
): ParentResult {
  if (!limetypes[conversationLimetype]) {
    return { ok: false, reason: 'unknown-limetype' };
  }
  const relations = belongstoRelations(limetypes, conversationLimetype);
  const contextLimetype = opened.context?.limetype ?? undefined;
  const contextId = opened.context?.id ?? undefined;

  const named = relations.flatMap((relation) => {
    const value = RelatedId.safeParse(opened.initialValues?.[relation.property]);
    return value.success ? [{ relation, id: value.data }] : [];
  });
  const preferred =
    named.length > 1
      ? named.filter(({ relation }) => relation.limetype === contextLimetype)
      : named;
  if (preferred.length === 1) {
    const [{ relation, id }] = preferred;
    return { ok: true, property: relation.property, parent: { limetype: relation.limetype, id } };
  }
  if (preferred.length > 1 || named.length > 1) {
    return { ok: false, reason: 'ambiguous-relation' };
  }

  if (!contextLimetype || contextId === undefined) {
    return { ok: false, reason: 'no-parent' };
  }
  const toContext = relations.filter((relation) => relation.limetype === contextLimetype);
  if (toContext.length === 0) {
    return { ok: false, reason: 'no-relation' };
  }
  if (toContext.length > 1) {
    return { ok: false, reason: 'ambiguous-relation' };
  }
  return {
    ok: true,
    property: toContext[0].property,
    parent: { limetype: contextLimetype, id: contextId },
  };
}
