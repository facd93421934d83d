// Lime Connect → Lime CRM (seed 000): sending a conversation creates the topic's object, the
// conversation object and one complete transcript note; sending it again adds (or, in
// `update-note` mode, replaces) the note on the same object.
import type { ConversationsConfig, Topic } from '../config/config.types';
import type { LimeTypes } from '../lime/types';
import type { LookupContact } from '../lookup';
import { formatTranscriptNote, parseHistoryNote } from '../notes';
import { type CrmObject, type CrmPort, type CrmValues, relationId } from '../crm';
import type {
  Attached,
  LimeConnectConversation,
  LimeConnectConversationInput,
  ObjectRef,
  SendConversationOptions,
  SendConversationResult,
  SendFailure,
  SendOutcome,
  SendSuccess,
  Skipped,
} from './sync.types';
import { type Found, identifyContact, identifyCoworker, readAccessible } from './identify';
import { limeConnectConversationSchema } from './lime-connect-conversation';
import { importMediaFiles } from './media-import';
import {
  conversationObjectValues,
  missingValues,
  propertyValues,
  transcriptOf,
} from './send-values';
import { matchTopic } from './topics';

// Sends of one conversation id through one CRM port, in flight: a double click shares one send,
// a changed payload waits for the send before it.
const inFlight = new WeakMap<
  CrmPort,
  Map<number, { payload: string; result: Promise<SendConversationResult> }>
>();

/**
 * Sends a Lime Connect conversation to Lime CRM under its topic. Never throws for bad input or a
 * failing CRM: the result says what happened.
 */
export function sendConversation(
  conversation: LimeConnectConversationInput | unknown,
  config: ConversationsConfig,
  crm: CrmPort,
  options: SendConversationOptions = {},
): Promise<SendConversationResult> {
  const parsed = limeConnectConversationSchema.safeParse(conversation);
  if (!parsed.success) {
    return Promise.resolve({
      ok: false,
      reason: 'invalid-conversation',
      issues: parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'conversation'}: ${issue.message}`,
      ),
    });
  }
  const input = parsed.data;
  const sends =
    inFlight.get(crm) ??
    new Map<number, { payload: string; result: Promise<SendConversationResult> }>();
  inFlight.set(crm, sends);
  const payload = JSON.stringify(input);
  const running = sends.get(input.id);
  if (running && running.payload === payload) {
    return running.result;
  }
  const previous = running ? running.result : Promise.resolve(undefined);
  const run = () => send(input, config, crm, options);
  const result = previous.then(run, run);
  const entry = { payload, result };
  sends.set(input.id, entry);
  void result.finally(() => {
    if (sends.get(input.id) === entry) {
      sends.delete(input.id);
    }
  });
  return result;
}

/** One send's inputs, as every step of the pipeline reads them. */
interface SendRun {
  input: LimeConnectConversation;
  config: ConversationsConfig;
  crm: CrmPort;
  options: SendConversationOptions;
  topic: Topic;
  topicText: string;
  /** The limetypes of every topic, the matched one first: where a conversation may be connected. */
  topicLimetypes: string[];
}

/**
 * A send is a short pipeline: resolve the target (is the conversation connected, and to what?) →
 * plan the attachments → create the object or complete the connected one (the attachments go into
 * the same request) → write the note. Each step either hands on or ends the send with a failure.
 */
async function send(
  input: LimeConnectConversation,
  config: ConversationsConfig,
  crm: CrmPort,
  options: SendConversationOptions,
): Promise<SendConversationResult> {
  const topicMatch = matchTopic(input.topics, config.topics);
  if (!topicMatch.ok) {
    return topicMatch;
  }
  const { topic, text: topicText } = topicMatch;
  const topicLimetypes = [
    ...new Set([topic.limetype, ...config.topics.map((candidate) => candidate.limetype)]),
  ];
  const run: SendRun = { input, config, crm, options, topic, topicText, topicLimetypes };

  const resolved = await resolveTarget(run);
  if (!resolved.ok) {
    return resolved;
  }
  const attachments = await attachmentsFor(run, resolved);
  const placed = await createOrComplete(run, resolved, attachments);
  if (!placed.ok) {
    return placed;
  }
  const note = await writeNote(run, placed, resolved.identification);
  if (!note.ok) {
    const { target: object } = placed;
    return { ok: false, reason: 'crm-error', step: 'write-note', error: note.error, object };
  }
  return sent(run, placed, note.value, resolved.identification);
}

/**
 * Where the note goes: `sent-before`, to the same object again; `connected` (from the relation tab,
 * never sent), to that object; `new` (not connected, or its object was deleted since), to a new one.
 */
type ResolvedTarget = { ok: true; identification: Identified } & (
  | { kind: 'sent-before'; target: ObjectRef; conversationObject: CrmObject }
  | { kind: 'connected'; target: ObjectRef; object: CrmObject; conversationObject: CrmObject }
  | { kind: 'new'; earlier?: CrmObject }
);

/** Step 1: the conversation object holding this conversation, whom it is from, and its object. */
async function resolveTarget(run: SendRun): Promise<ResolvedTarget | SendFailure> {
  const { crm, config, input } = run;
  const existing = await findConversationObjects(
    crm,
    config.conversation.limetype,
    config.conversation.idProperty,
    input.id,
  );
  if (!existing.ok) {
    return { ok: false, reason: 'crm-error', step: 'find-conversation', error: existing.error };
  }
  const identification = await identify(crm, config, input);
  const earlier = existing.value[0];
  const target = earlier ? targetOf(earlier, run.topicLimetypes) : undefined;
  if (!earlier || !target) {
    return { ok: true, identification, kind: 'new', earlier };
  }
  const object = await readAccessible(crm, target.limetype, target.id);
  switch (object.state) {
    case 'forbidden':
      return { ok: false, reason: 'forbidden', object: target };
    case 'error':
      return {
        ok: false,
        reason: 'crm-error',
        step: 'read-object',
        error: object.error,
        object: target,
      };
    case 'none':
      return { ok: true, identification, kind: 'new', earlier };
  }
  const sentBefore = await hasTranscriptNote(crm, earlier.id, input.id);
  return sentBefore
    ? { ok: true, identification, kind: 'sent-before', target, conversationObject: earlier }
    : {
        ok: true,
        identification,
        kind: 'connected',
        target,
        object: object.object,
        conversationObject: earlier,
      };
}

interface Attachments {
  attached: Attached[];
  skipped: Skipped[];
}

/**
 * Step 2: the relations to fill from the topic's default attachments. On an object connected by
 * hand only the relations the user left empty, under the topic of that object's limetype.
 */
async function attachmentsFor(run: SendRun, resolved: ResolvedTarget): Promise<Attachments> {
  const { crm, config, options } = run;
  switch (resolved.kind) {
    case 'sent-before':
      return { attached: [], skipped: [] };
    case 'new':
      return planAttachments(crm, run.topic, resolved.identification, options.limetypes);
    case 'connected': {
      const { target, object } = resolved;
      const topicOfTarget =
        config.topics.find((candidate) => candidate.limetype === target.limetype) ?? run.topic;
      const planned = await planAttachments(
        crm,
        topicOfTarget,
        resolved.identification,
        options.limetypes,
      );
      return {
        attached: planned.attached.filter((each) => relationId(object[each.property]) === null),
        skipped: planned.skipped,
      };
    }
  }
}

/** The object the note goes to, its conversation object, and what was attached on the way. */
interface Placed {
  ok: true;
  outcome: SendOutcome;
  target: ObjectRef;
  conversationObject: CrmObject;
  attachments: Attachments;
}

/** Step 3: creates the object and its conversation object, or completes the connected ones. */
async function createOrComplete(
  run: SendRun,
  resolved: ResolvedTarget,
  attachments: Attachments,
): Promise<Placed | SendFailure> {
  switch (resolved.kind) {
    case 'sent-before': {
      const { target, conversationObject } = resolved;
      return { ok: true, outcome: 'resent', target, conversationObject, attachments };
    }
    case 'connected':
      return completeConnected(run, resolved, attachments);
    case 'new':
      return createTarget(run, resolved.earlier, attachments);
  }
}

/**
 * A conversation connected from the relation tab: fills the relations the user left empty and
 * completes the conversation object, without overwriting what they chose.
 */
async function completeConnected(
  run: SendRun,
  { target, conversationObject }: { target: ObjectRef; conversationObject: CrmObject },
  planned: Attachments,
): Promise<Placed> {
  const { crm, config } = run;
  const fill = planned.attached;
  const filled =
    fill.length > 0
      ? await crm.update(
          target.limetype,
          target.id,
          Object.fromEntries(fill.map((each) => [each.property, each.object.id])),
        )
      : undefined;
  const attachments: Attachments =
    filled && !filled.ok
      ? {
          attached: [],
          skipped: [
            ...planned.skipped,
            ...fill.map(({ property, source, object }) => ({
              property,
              source,
              object,
              reason:
                filled.error.kind === 'forbidden' ? ('forbidden' as const) : ('crm-error' as const),
            })),
          ],
        }
      : planned;
  // Completing the conversation object is a courtesy: the note is what matters.
  await crm.update(
    config.conversation.limetype,
    conversationObject.id,
    missingValues(conversationObject, conversationObjectValues(run.input, run.topicText, config)),
  );
  return { ok: true, outcome: 'sent-to-connected', target, conversationObject, attachments };
}

/**
 * Creates the topic's object with its attachments, then links the conversation object to it
 * (creating that when there is none). Whatever fails takes the new object back.
 */
async function createTarget(
  run: SendRun,
  earlier: CrmObject | undefined,
  attachments: Attachments,
): Promise<Placed | SendFailure> {
  const { crm, config, input, topic, topicText } = run;
  const conversationType = config.conversation;
  const created = await crm.create(topic.limetype, {
    ...propertyValues(topic, input, topicText),
    ...Object.fromEntries(attachments.attached.map((each) => [each.property, each.object.id])),
  });
  if (!created.ok) {
    return { ok: false, reason: 'crm-error', step: 'create-object', error: created.error };
  }
  const target = { limetype: topic.limetype, id: created.value.id };
  const conversationValues = conversationObjectValues(input, topicText, config);
  const linked = earlier
    ? await crm.update(conversationType.limetype, earlier.id, {
        ...missingValues(earlier, conversationValues),
        [target.limetype]: target.id,
      })
    : await crm.create(conversationType.limetype, {
        ...conversationValues,
        [target.limetype]: target.id,
      });
  if (!linked.ok) {
    await crm.remove(target.limetype, target.id);
    return {
      ok: false,
      reason: 'crm-error',
      step: earlier ? 'link-conversation' : 'create-conversation',
      error: linked.error,
    };
  }
  const placed: Placed = {
    ok: true,
    outcome: 'created',
    target,
    conversationObject: linked.value,
    attachments,
  };
  if (earlier) {
    return placed;
  }
  // Another send of the same conversation (another tab, another server) may have created one at
  // the same moment: the oldest conversation object wins, ours is taken back.
  const winner = await resolveDuplicate(run, linked.value, target);
  return winner
    ? { ...placed, ...winner, outcome: 'resent', attachments: { attached: [], skipped: [] } }
    : placed;
}

/** The result of a send whose note was written; media files are queued for import. */
function sent(
  run: SendRun,
  placed: Placed,
  note: { id: number; replaced: boolean },
  identification: Identified,
): SendSuccess {
  const { config, options, input, crm, topic } = run;
  const { target, conversationObject, attachments } = placed;
  return {
    ok: true,
    outcome: placed.outcome,
    link: (options.objectLink ?? webclientLink(config.portal.webclientUrl))(target),
    object: target,
    conversationObject: { limetype: config.conversation.limetype, id: conversationObject.id },
    note,
    attached: attachments.attached,
    skipped: attachments.skipped,
    identified: {
      person: refOf(identification.person),
      company: refOf(identification.company),
      coworker: refOf(identification.coworker),
      ambiguous: identification.ambiguous,
    },
    media: importMediaFiles(crm, input.mediaFiles, {
      enabled: topic.importMediaFiles && config.mediaImport.enabled,
      featureEnabled: config.mediaImport.enabled,
      apiKey: options.mediaImportApiKey ?? '',
      tasks: options.tasks,
      target,
      conversationId: input.id,
    }),
  };
}

/** A link to an object in the Lime CRM webclient. */
export function webclientLink(webclientUrl: string): (object: ObjectRef) => string {
  const base = webclientUrl.trim().replace(/\/+$/, '');
  return (object) => `${base}/object/${encodeURIComponent(object.limetype)}/${object.id}`;
}

async function findConversationObjects(
  crm: CrmPort,
  limetype: string,
  idProperty: string,
  id: number,
) {
  const found = await crm.list(limetype, { [idProperty]: id });
  if (!found.ok) {
    return found;
  }
  return { ok: true as const, value: [...found.value].sort((a, b) => a.id - b.id) };
}

/** The object a conversation object belongs to: the first topic limetype its relations name. */
function targetOf(conversationObject: CrmObject, limetypes: string[]): ObjectRef | undefined {
  for (const limetype of limetypes) {
    const id = relationId(conversationObject[limetype]);
    if (id !== null) {
      return { limetype, id };
    }
  }
  return undefined;
}

async function resolveDuplicate(
  run: SendRun,
  ours: CrmObject,
  ourTarget: ObjectRef,
): Promise<{ conversationObject: CrmObject; target: ObjectRef } | undefined> {
  const { crm } = run;
  const { limetype, idProperty } = run.config.conversation;
  const all = await findConversationObjects(crm, limetype, idProperty, run.input.id);
  if (!all.ok) {
    return undefined;
  }
  const winner = all.value.find((candidate) => candidate.id !== ours.id && candidate.id < ours.id);
  const winnerTarget = winner ? targetOf(winner, run.topicLimetypes) : undefined;
  if (!winner || !winnerTarget) {
    return undefined;
  }
  await crm.remove(limetype, ours.id);
  await crm.remove(ourTarget.limetype, ourTarget.id);
  return { conversationObject: winner, target: winnerTarget };
}

async function identify(crm: CrmPort, config: ConversationsConfig, input: LimeConnectConversation) {
  const contact: LookupContact | undefined = input.contact
    ? {
        email: input.contact.email,
        mobileNumber: input.contact.mobileNumber,
        phoneNumber: input.contact.phoneNumber,
        name: input.contact.name,
        company: input.contact.company,
        customFieldData: input.contact.customFieldData,
      }
    : undefined;
  const [contactIdentity, coworker] = await Promise.all([
    identifyContact(crm, config.lookupRules, contact, { defaultCountry: config.defaultCountry }),
    identifyCoworker(crm, input.operator?.email),
  ]);
  return { ...contactIdentity, coworker };
}

type Identified = Awaited<ReturnType<typeof identify>>;

function refOf(found: Found): ObjectRef | undefined {
  return found.state === 'found' ? found.ref : undefined;
}

async function planAttachments(
  crm: CrmPort,
  topic: Topic,
  identification: Identified,
  limetypes: LimeTypes | undefined,
): Promise<{ attached: Attached[]; skipped: Skipped[] }> {
  const attached: Attached[] = [];
  const skipped: Skipped[] = [];
  for (const attachment of topic.attachments) {
    const { property, source } = attachment;
    let found: Found;
    if (source === 'identified-person') {
      found = identification.person;
    } else if (source === 'identified-company') {
      found = identification.company;
    } else if (source === 'operator') {
      found = identification.coworker;
    } else {
      const limetype =
        limetypes?.[topic.limetype]?.properties[property]?.relation?.limetype ?? property;
      found =
        attachment.objectId === undefined
          ? { state: 'none' }
          : await readAccessible(crm, limetype, attachment.objectId);
      if (found.state === 'none' && attachment.objectId !== undefined) {
        skipped.push({
          property,
          source,
          reason: 'not-found',
          object: { limetype, id: attachment.objectId },
        });
        continue;
      }
    }
    if (found.state === 'found') {
      attached.push({ property, source, object: found.ref });
    } else if (found.state === 'forbidden') {
      skipped.push({ property, source, reason: 'forbidden', object: found.ref });
    } else if (found.state === 'error') {
      skipped.push({ property, source, reason: 'crm-error', object: found.ref });
    } else {
      skipped.push({ property, source, reason: 'not-identified' });
    }
  }
  return { attached, skipped };
}

/** The transcript notes of this conversation, newest first. */
async function transcriptNotes(crm: CrmPort, conversationObjectId: number, conversationId: number) {
  const notes = await crm.list('history', { conversation: conversationObjectId });
  if (!notes.ok) {
    return notes;
  }
  const ofThisConversation = notes.value.filter((note) => {
    const parsed = parseHistoryNote(typeof note.note === 'string' ? note.note : '');
    return parsed.kind === 'chat-transcript' && parsed.conversationId === String(conversationId);
  });
  return { ok: true as const, value: ofThisConversation.sort((a, b) => b.id - a.id) };
}

async function hasTranscriptNote(
  crm: CrmPort,
  conversationObjectId: number,
  conversationId: number,
) {
  const notes = await transcriptNotes(crm, conversationObjectId, conversationId);
  return notes.ok && notes.value.length > 0;
}

/** Step 4: the transcript note on the object (replacing the last one in `update-note` mode). */
async function writeNote(run: SendRun, placed: Placed, identification: Identified) {
  const { crm, config, topic, input, topicText, options } = run;
  const { target } = placed;
  const conversationObjectId = placed.conversationObject.id;
  const now = (options.now ?? (() => new Date()))();
  const values: CrmValues = {
    date: now.toISOString(),
    type: topic.historyType,
    note: formatTranscriptNote(transcriptOf(input, topicText)),
    [target.limetype]: target.id,
    [config.conversation.limetype]: conversationObjectId,
  };
  for (const [property, found] of [
    ['person', identification.person],
    ['company', identification.company],
    ['coworker', identification.coworker],
  ] as const) {
    if (found.state === 'found') {
      values[property] = found.ref.id;
    }
  }
  if (config.resendMode === 'update-note') {
    const previous = await transcriptNotes(crm, conversationObjectId, input.id);
    const latest = previous.ok ? previous.value[0] : undefined;
    if (latest) {
      const updated = await crm.update('history', latest.id, values);
      if (updated.ok) {
        return { ok: true as const, value: { id: updated.value.id, replaced: true } };
      }
      if (updated.error.kind !== 'forbidden' && updated.error.kind !== 'not-found') {
        return updated;
      }
    }
  }
  const created = await crm.create('history', values);
  return created.ok
    ? { ok: true as const, value: { id: created.value.id, replaced: false } }
    : created;
}
