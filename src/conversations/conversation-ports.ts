// The connect flow's ports over the CRM port: the configured conversation limetype and fields,
// read and written through whichever transport the caller has (the webclient's, in the dialog).
import type { CrmObject, CrmPort } from '../crm/crm.types';
import { ok, relationId } from '../crm/port';
import type { ConversationPorts } from './conversations.types';
import type { ObjectRef } from './conversations.types';
import type { BelongstoRelation } from './parent-relation';

/** Where conversations live: the configured limetype and fields, and its belongsto relations. */
export interface ConversationStorage {
  limetype: string;
  idProperty: string;
  linkProperty: string;
  relations: BelongstoRelation[];
}

/** The connect flow's ports over a CRM port. */
export function conversationPorts(crm: CrmPort, storage: ConversationStorage): ConversationPorts {
  const ownersOf = (object: CrmObject): ObjectRef[] =>
    storage.relations.flatMap(({ property, limetype }) => {
      const id = relationId(object[property]);
      return id === null ? [] : [{ limetype, id }];
    });

  return {
    async findByConversationId(conversationId) {
      const found = await crm.list(storage.limetype, { [storage.idProperty]: conversationId });
      if (!found.ok) {
        return found;
      }
      return ok(
        found.value
          .filter((object) => Number(object[storage.idProperty]) === conversationId)
          .map((object) => ({ id: object.id, owners: ownersOf(object) })),
      );
    },

    async create(conversation) {
      const values: Record<string, unknown> = {
        [storage.idProperty]: conversation.conversationId,
        [conversation.parentProperty]: conversation.parent.id,
      };
      if (conversation.link !== undefined && storage.linkProperty) {
        values[storage.linkProperty] = conversation.link;
      }
      const created = await crm.create(storage.limetype, values);
      return created.ok ? ok({ id: created.value.id }) : created;
    },

    remove: (id) => crm.remove(storage.limetype, id),

    async describe(object) {
      const read = await crm.get(object.limetype, object.id);
      if (!read.ok) {
        return read;
      }
      const descriptive = read.value._descriptive;
      return ok(typeof descriptive === 'string' && descriptive ? descriptive : undefined);
    },
  };
}
