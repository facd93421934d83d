// The public types of src/conversations: a conversation ID as read from what a user typed, and
// connecting a conversation to a limeobject over injected ports.
import type { CrmFailure, CrmResult } from '../crm/crm.types';

export type ConversationIdProblem = 'empty' | 'not-a-number' | 'out-of-range' | 'unrecognised-link';

export type ConversationIdResult =
  { ok: true; id: number } | { ok: false; reason: ConversationIdProblem };

/** A limeobject a conversation belongs to. */
export interface ObjectRef {
  limetype: string;
  id: number;
}

/** A conversation object in Lime CRM holding a conversation ID. */
export interface StoredConversation {
  /** The limeobject's id (not the conversation ID). */
  id: number;
  /** The objects its belongsto relations point to; one, normally. */
  owners: ObjectRef[];
}

export interface NewConversation {
  conversationId: number;
  /** The belongsto property on the conversation limetype that points to `parent`. */
  parentProperty: string;
  parent: ObjectRef;
  /** The Lime Connect link, when a link base is configured. */
  link?: string;
}

/** What the flow needs from Lime CRM; failures are values (a rejection is a bug). */
export interface ConversationPorts {
  /** Every conversation object holding this conversation ID. */
  findByConversationId(conversationId: number): Promise<CrmResult<StoredConversation[]>>;
  /** Creates the conversation object in one request; resolves with its limeobject id. */
  create(conversation: NewConversation): Promise<CrmResult<{ id: number }>>;
  remove(id: number): Promise<CrmResult<null>>;
  /** The descriptive of an object, for naming it to the user. */
  describe(object: ObjectRef): Promise<CrmResult<string | undefined>>;
}

export type ConnectRequest = NewConversation;

/** An object named to the user; `descriptive` is missing when the user may not read it. */
export interface NamedObject extends ObjectRef {
  descriptive?: string;
}

export type ConnectOutcome =
  | { outcome: 'connected'; conversationId: number; objectId: number }
  | { outcome: 'already-connected-here'; conversationId: number; objectId: number }
  | {
      outcome: 'connected-elsewhere';
      conversationId: number;
      /** Missing when the conversation object exists but belongs to no object. */
      owner?: NamedObject;
    }
  | {
      /** Someone else connected the same ID at the same moment; our object was removed. */
      outcome: 'conflict';
      conversationId: number;
      owner?: NamedObject;
      ownerIsParent: boolean;
    }
  | {
      outcome: 'failed';
      conversationId: number;
      failure: CrmFailure;
      /** The id of an object that could not be cleaned up after the failure, if any. */
      leftover?: number;
    };

/** Connects a conversation; the same ID for the same parent is connected once at a time. */
export type Connect = (
  request: ConnectRequest,
  ports: ConversationPorts,
) => Promise<ConnectOutcome>;
