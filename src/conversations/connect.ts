// Connecting a Lime Connect conversation to a limeobject: one conversation, one limeobject (seed
// 000). The flow runs over injected ports so that it is the same in the webclient, the demo and
// the tests.
import type { CrmFailure } from '../crm/crm.types';
import type {
  Connect,
  ConnectOutcome,
  ConnectRequest,
  ConversationPorts,
  NamedObject,
  ObjectRef,
  StoredConversation,
} from './conversations.types';

/**
 * A connect function with its own in-flight guard: a second call for the same parent and
 * conversation ID while the first runs gets the first one's outcome instead of creating again.
 */
export function createConnector(): Connect {
  const inFlight = new Map<string, Promise<ConnectOutcome>>();
  return (request, ports) => {
    const key = `${request.parent.limetype}:${request.parent.id}:${request.conversationId}`;
    const running = inFlight.get(key);
    if (running) {
      return running;
    }
    const connecting = runConnect(request, ports).finally(() => inFlight.delete(key));
    inFlight.set(key, connecting);
    return connecting;
  };
}

/**
 * Connects a Lime Connect conversation to a limeobject:
 * 1. looks the ID up: already connected here, or to another object, creates nothing;
 * 2. creates the conversation object (ID, link and parent relation in one request);
 * 3. reads the ID back: when two objects now hold it (two users at once), the one created later
 *    (the higher id) is deleted and its creator gets `conflict`.
 *
 * Nothing half-created is left when the user is told it failed: the object is created whole in one
 * request; when the create's answer is lost (timeout, network) whatever it may have created for
 * this parent is deleted; when the read back fails, the new object is deleted again, since it
 * could not be checked for a twin. If such a delete fails too, the object stays (`leftover`); it
 * is whole and connected, and a retry finds it as already connected here.
 *
 * Shares one in-flight guard per page, so two quick submits create one object.
 */
export const connectConversation: Connect = createConnector();

async function runConnect(
  request: ConnectRequest,
  ports: ConversationPorts,
): Promise<ConnectOutcome> {
  const { conversationId, parent } = request;
  const failed = (failure: CrmFailure, leftover?: number): ConnectOutcome => ({
    outcome: 'failed',
    conversationId,
    failure,
    ...(leftover === undefined ? {} : { leftover }),
  });

  const existing = await ports.findByConversationId(conversationId);
  if (!existing.ok) {
    return failed(existing.error);
  }
  if (existing.value.length > 0) {
    const here = existing.value.find((conversation) => isOwnedBy(conversation, parent));
    if (here) {
      return { outcome: 'already-connected-here', conversationId, objectId: here.id };
    }
    const owner = await named(ports, firstOwner(earliest(existing.value)));
    return { outcome: 'connected-elsewhere', conversationId, ...(owner ? { owner } : {}) };
  }

  const created = await ports.create(request);
  if (!created.ok) {
    const { kind } = created.error;
    // The answer was lost, not necessarily the request: the server may have created the object.
    const lost = kind === 'timeout' || kind === 'unreachable';
    return { ...failed(created.error), ...(lost ? await removeUnconfirmed(ports, request) : {}) };
  }
  const createdId = created.value.id;

  const readBack = await ports.findByConversationId(conversationId);
  if (!readBack.ok) {
    return failed(readBack.error, await removeOrKeep(ports, createdId));
  }

  const holders = readBack.value.some((conversation) => conversation.id === createdId)
    ? readBack.value
    : [...readBack.value, { id: createdId, owners: [parent] }];
  const winner = earliest(holders);
  if (winner.id === createdId) {
    return { outcome: 'connected', conversationId, objectId: createdId };
  }
  const removed = await ports.remove(createdId);
  if (!removed.ok) {
    return failed(removed.error, createdId);
  }
  const owner = await named(ports, firstOwner(winner));
  return {
    outcome: 'conflict',
    conversationId,
    ownerIsParent: isOwnedBy(winner, parent),
    ...(owner ? { owner } : {}),
  };
}

/** Deletes an object this flow created; the id when that failed, so the caller can say so. */
async function removeOrKeep(ports: ConversationPorts, id: number): Promise<number | undefined> {
  const removed = await ports.remove(id);
  return removed.ok ? undefined : id;
}

/**
 * After a create whose answer was lost, deletes what it may have created: the objects now holding
 * the ID for this parent (none did before it). Best effort: when Lime CRM is still unreachable the
 * object, if any, stays, and is whole; a retry finds it as already connected here.
 */
async function removeUnconfirmed(
  ports: ConversationPorts,
  request: ConnectRequest,
): Promise<{ leftover?: number }> {
  const holders = await ports.findByConversationId(request.conversationId);
  if (!holders.ok) {
    return {};
  }
  for (const holder of holders.value.filter((each) => isOwnedBy(each, request.parent))) {
    const leftover = await removeOrKeep(ports, holder.id);
    if (leftover !== undefined) {
      return { leftover };
    }
  }
  return {};
}

/** The owner with its descriptive; naming is a courtesy, so a failure to read it only omits it. */
async function named(
  ports: ConversationPorts,
  owner: ObjectRef | undefined,
): Promise<NamedObject | undefined> {
  if (!owner) {
    return undefined;
  }
  const descriptive = await ports.describe(owner);
  return descriptive.ok && descriptive.value
    ? { ...owner, descriptive: descriptive.value }
    : { ...owner };
}

// Lime CRM's ids grow: the lowest id is the object created first.
function earliest(conversations: StoredConversation[]): StoredConversation {
  return conversations.reduce((first, next) => (next.id < first.id ? next : first));
}

function firstOwner(conversation: StoredConversation): ObjectRef | undefined {
  return conversation.owners[0];
}

function isOwnedBy(conversation: StoredConversation, object: ObjectRef): boolean {
  return conversation.owners.some(
    (owner) => owner.limetype === object.limetype && owner.id === object.id,
  );
}
