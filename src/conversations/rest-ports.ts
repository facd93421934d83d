// The connect flow's ports over Lime CRM's REST API (`api/v1/limeobject/…`), through the
// platform's http service: the same in the webclient and over the emulator.
// zod/mini: the connect dialog's path must load little (see `npm run bench -- size`).
import { z } from 'zod/mini';
import {
  UnexpectedResponseError,
  type ConversationPorts,
  type StoredConversation,
} from './connect';
import type { BelongstoRelation, ObjectRef } from './parent-relation';

/** The part of the platform's http service the ports use; the service rejects with http errors. */
export interface HttpPort {
  get(url: string): Promise<unknown>;
  post(url: string, data: object): Promise<unknown>;
  delete(url: string): Promise<unknown>;
}

/** Where conversations live: the configured limetype and fields, and its belongsto relations. */
export interface ConversationStorage {
  limetype: string;
  idProperty: string;
  linkProperty: string;
  relations: BelongstoRelation[];
}

const RelatedId = z.union([
  z.int(),
  z.pipe(
    z.looseObject({ id: z.int() }),
    z.transform((value: { id: number }) => value.id),
  ),
  z.pipe(
    z.looseObject({ _id: z.int() }),
    z.transform((value: { _id: number }) => value._id),
  ),
  z.null(),
  z.undefined(),
]);

const LimeObject = z.looseObject({ _id: z.int() });
const LimeObjectList = z.looseObject({
  _embedded: z.looseObject({ limeobjects: z.array(LimeObject) }),
});
const Described = z.looseObject({ _descriptive: z.optional(z.nullable(z.string())) });

function limeobjectUrl(limetype: string, id?: number): string {
  const base = `api/v1/limeobject/${encodeURIComponent(limetype)}/`;
  return id === undefined ? base : `${base}${id}/`;
}

function parsed<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new UnexpectedResponseError(`Lime CRM answered with an unexpected ${what}.`);
  }
  return result.data;
}

/** The connect flow's ports over the http service. */
export function restConversationPorts(
  http: HttpPort,
  storage: ConversationStorage,
): ConversationPorts {
  const ownersOf = (object: Record<string, unknown>): ObjectRef[] =>
    storage.relations.flatMap(({ property, limetype }) => {
      const related = RelatedId.safeParse(object[property]);
      return related.success && typeof related.data === 'number'
        ? [{ limetype, id: related.data }]
        : [];
    });

  return {
    async findByConversationId(conversationId: number): Promise<StoredConversation[]> {
      const url = `${limeobjectUrl(storage.limetype)}?${encodeURIComponent(storage.idProperty)}=${conversationId}`;
      const body = parsed(LimeObjectList, await http.get(url), 'list of conversations');
      return body._embedded.limeobjects
        .filter((object) => Number(object[storage.idProperty]) === conversationId)
        .map((object) => ({ id: object._id, owners: ownersOf(object) }));
    },

    async create(conversation) {
      const values: Record<string, unknown> = {
        [storage.idProperty]: conversation.conversationId,
        [conversation.parentProperty]: conversation.parent.id,
      };
      if (conversation.link !== undefined && storage.linkProperty) {
        values[storage.linkProperty] = conversation.link;
      }
      const created = parsed(
        LimeObject,
        await http.post(limeobjectUrl(storage.limetype), values),
        'created conversation',
      );
      return { id: created._id };
    },

    async remove(id: number): Promise<void> {
      await http.delete(limeobjectUrl(storage.limetype, id));
    },

    async describe(object: ObjectRef): Promise<string | undefined> {
      const body = parsed(
        Described,
        await http.get(limeobjectUrl(object.limetype, object.id)),
        'object',
      );
      return body._descriptive || undefined;
    },
  };
}
