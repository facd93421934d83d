// Lime Connect → Lime CRM (seed 000): sending a conversation creates the topic's object, the
// conversation object and one complete transcript note; sending it again adds (or, in
// `update-note` mode, replaces) the note on the same object.
import type { ConversationsConfig, Topic } from '../config/schema';
import type { LimeTypes } from '../lime/types';
import type { LookupContact } from '../lookup';
import { formatTranscriptNote, parseHistoryNote } from '../notes';
import type { TranscriptConversation } from '../notes';
import { type CrmFailure, type CrmObject, type CrmPort, type CrmValues, relationId } from '../crm';
import {
  type Found,
  type ObjectRef,
  identifyContact,
  identifyCoworker,
  readAccessible,
} from './identify';
import {
  type LimeConnectConversation,
  type LimeConnectConversationInput,
  limeConnectConversationSchema,
} from './lime-connect-conversation';
import { type MediaImport, type TaskQueue, importMediaFiles } from './media-import';
import { matchTopic } from './topics';
import { conversationLink } from '../conversations/conversation-id';

export interface SendConversationOptions {
  /** The Task handler media imports run in; without it, media files are not imported. */
  tasks?: TaskQueue;
  /** The link to an object in the Lime CRM webclient; by default from `portal.webclientUrl`. */
  objectLink?: (object: ObjectRef) => string;
  /** Limetype metadata: which limetype a relation points at (else the property's name is taken). */
  limetypes?: LimeTypes;
  /** The clock, for the note's date. */
  now?: () => Date;
  /**
   * The Lime Connect API key media import needs, from the application configuration (server
   * side). Never from the runtime configuration: every webclient user can read that.
   */
  mediaImportApiKey?: string;
}

export type AttachmentSourceName = Topic['attachments'][number]['source'];

/** A relation filled on the object (or on the note). */
export interface Attached {
  property: string;
  source: AttachmentSourceName;
  object: ObjectRef;
}

/** Why an object was not attached. */
export type SkipReason = 'forbidden' | 'not-identified' | 'not-found' | 'crm-error';

export interface Skipped {
  property: string;
  source: AttachmentSourceName;
  reason: SkipReason;
  /** The object that was meant, when one was known. */
  object?: ObjectRef;
}

export type SendOutcome =
  /** First send: the object, the conversation object and the note were created. */
  | 'created'
  /** First send of a conversation connected earlier from the relation tab: the note went to that object. */
  | 'sent-to-connected'
  /** Sent again: a note was added (or replaced) on the existing object. */
  | 'resent';

export interface SendSuccess {
  ok: true;
  outcome: SendOutcome;
  /** The link Lime Connect shows in its timeline: opens the object in Lime CRM. */
  link: string;
  object: ObjectRef;
  conversationObject: ObjectRef;
  note: { id: number; replaced: boolean };
  /** Relations filled with the identified person, company, operator or fixed objects. */
  attached: Attached[];
  /** What was not attached, and why (no access, nobody identified, …). */
  skipped: Skipped[];
  /** Whom the lookup rules found, for the operator to see. */
  identified: { person?: ObjectRef; company?: ObjectRef; coworker?: ObjectRef; ambiguous: boolean };
  media: MediaImport;
}

export type SendStep =
  | 'find-conversation'
  | 'read-object'
  | 'create-object'
  | 'create-conversation'
  | 'link-conversation'
  | 'write-note';

export type SendFailure =
  | { ok: false; reason: 'invalid-conversation'; issues: string[] }
  | { ok: false; reason: 'no-topic'; configuredTopics: string[] }
  | { ok: false; reason: 'unknown-topic'; topics: string[]; configuredTopics: string[] }
  /** The API user may not update the object the conversation belongs to. */
  | { ok: false; reason: 'forbidden'; object: ObjectRef }
  /** The CRM failed at a step; `object` is set when the object exists and a re-send will complete it. */
  | { ok: false; reason: 'crm-error'; step: SendStep; error: CrmFailure; object?: ObjectRef };

export type SendConversationResult = SendSuccess | SendFailure;

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
  const topic = topicMatch.topic;
  const conversationType = config.conversation;
  const topicLimetypes = [
    ...new Set([topic.limetype, ...config.topics.map((candidate) => candidate.limetype)]),
  ];

  const existing = await findConversationObjects(
    crm,
    conversationType.limetype,
    conversationType.idProperty,
    input.id,
  );
  if (!existing.ok) {
    return { ok: false, reason: 'crm-error', step: 'find-conversation', error: existing.error };
  }

  const identification = await identify(crm, config, input);
  const conversationValues = conversationObjectValues(input, topicMatch.text, config);

  let outcome: SendOutcome;
  let target: ObjectRef;
  let conversationObject: CrmObject;
  let attachments: { attached: Attached[]; skipped: Skipped[] } = { attached: [], skipped: [] };

  const earlier = existing.value[0];
  const earlierTarget = earlier ? targetOf(earlier, topicLimetypes) : undefined;
  // A conversation object whose object was deleted since is linked to a new one below.
  const object = earlierTarget
    ? await readAccessible(crm, earlierTarget.limetype, earlierTarget.id)
    : undefined;
  if (earlierTarget && object?.state === 'forbidden') {
    return { ok: false, reason: 'forbidden', object: earlierTarget };
  }
  if (earlierTarget && object?.state === 'error') {
    return {
      ok: false,
      reason: 'crm-error',
      step: 'read-object',
      error: object.error,
      object: earlierTarget,
    };
  }
  if (earlier && earlierTarget && object?.state === 'found') {
    target = earlierTarget;
    conversationObject = earlier;
    const sentBefore = await hasTranscriptNote(crm, conversationObject.id, input.id);
    outcome = sentBefore ? 'resent' : 'sent-to-connected';
    if (!sentBefore) {
      // Connected from the relation tab: complete the conversation object, and fill the default
      // attachments the user left empty, without overwriting what they chose.
      const topicOfTarget =
        config.topics.find((candidate) => candidate.limetype === target.limetype) ?? topic;
      const planned = await planAttachments(crm, topicOfTarget, identification, options.limetypes);
      const fill = planned.attached.filter(
        (attached) => relationId(object.object[attached.property]) === null,
      );
      const filled =
        fill.length > 0
          ? await crm.update(
              target.limetype,
              target.id,
              Object.fromEntries(fill.map((a) => [a.property, a.object.id])),
            )
          : undefined;
      attachments =
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
                    filled.error.kind === 'forbidden'
                      ? ('forbidden' as const)
                      : ('crm-error' as const),
                })),
              ],
            }
          : { attached: fill, skipped: planned.skipped };
      // Completing the conversation object is a courtesy: the note below is what matters.
      await crm.update(
        conversationType.limetype,
        conversationObject.id,
        missingValues(earlier, conversationValues),
      );
    }
  } else {
    attachments = await planAttachments(crm, topic, identification, options.limetypes);
    const created = await crm.create(topic.limetype, {
      ...propertyValues(topic, input, topicMatch.text),
      ...Object.fromEntries(
        attachments.attached.map((attached) => [attached.property, attached.object.id]),
      ),
    });
    if (!created.ok) {
      return { ok: false, reason: 'crm-error', step: 'create-object', error: created.error };
    }
    target = { limetype: topic.limetype, id: created.value.id };
    outcome = 'created';
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
    conversationObject = linked.value;
    if (!earlier) {
      // Another send of the same conversation (another tab, another server) may have created one
      // at the same moment: the oldest conversation object wins, ours is taken back.
      const winner = await resolveDuplicate(
        crm,
        config,
        input.id,
        conversationObject,
        target,
        topicLimetypes,
      );
      if (winner) {
        conversationObject = winner.conversationObject;
        target = winner.target;
        outcome = 'resent';
        attachments = { attached: [], skipped: [] };
      }
    }
  }

  const note = await writeNote(
    crm,
    config,
    topic,
    input,
    topicMatch.text,
    target,
    conversationObject.id,
    identification,
    options,
  );
  if (!note.ok) {
    return {
      ok: false,
      reason: 'crm-error',
      step: 'write-note',
      error: note.error,
      object: target,
    };
  }
  const mediaEnabled = topic.importMediaFiles && config.mediaImport.enabled;
  return {
    ok: true,
    outcome,
    link: (options.objectLink ?? webclientLink(config.portal.webclientUrl))(target),
    object: target,
    conversationObject: { limetype: conversationType.limetype, id: conversationObject.id },
    note: note.value,
    attached: attachments.attached,
    skipped: attachments.skipped,
    identified: {
      person: refOf(identification.person),
      company: refOf(identification.company),
      coworker: refOf(identification.coworker),
      ambiguous: identification.ambiguous,
    },
    media: importMediaFiles(crm, input.mediaFiles, {
      enabled: mediaEnabled,
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
  crm: CrmPort,
  config: ConversationsConfig,
  conversationId: number,
  ours: CrmObject,
  ourTarget: ObjectRef,
  topicLimetypes: string[],
): Promise<{ conversationObject: CrmObject; target: ObjectRef } | undefined> {
  const { limetype, idProperty } = config.conversation;
  const all = await findConversationObjects(crm, limetype, idProperty, conversationId);
  if (!all.ok) {
    return undefined;
  }
  const winner = all.value.find((candidate) => candidate.id !== ours.id && candidate.id < ours.id);
  const winnerTarget = winner ? targetOf(winner, topicLimetypes) : undefined;
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

/** The topic's property values: the subject into the title, then the configured values. */
function propertyValues(
  topic: Topic,
  input: LimeConnectConversation,
  topicText: string,
): CrmValues {
  const values: CrmValues = {};
  if (topic.titleProperty && input.subject) {
    values[topic.titleProperty] = input.subject;
  }
  for (const { property, value } of topic.properties) {
    const resolved =
      value.kind === 'fixed' ? value.value : conversationField(input, topicText, value.field);
    if (resolved !== undefined) {
      values[property] = resolved;
    }
  }
  if (topic.titleProperty && values[topic.titleProperty] === undefined) {
    values[topic.titleProperty] = `${topicText} #${input.id}`;
  }
  return values;
}

/** A value from the conversation named as the configuration names it (`subject`, `contact.email`, …). */
export function conversationField(
  input: LimeConnectConversation,
  topicText: string,
  field: string,
): string | number | undefined {
  const custom = (data: Record<string, string | string[] | null>, key: string) => {
    const value = data[key];
    return Array.isArray(value) ? value.join(', ') : (value ?? undefined);
  };
  if (field.startsWith('customFieldData.')) {
    return custom(input.customFieldData, field.slice('customFieldData.'.length));
  }
  if (field.startsWith('contact.customFieldData.')) {
    return input.contact
      ? custom(input.contact.customFieldData, field.slice('contact.customFieldData.'.length))
      : undefined;
  }
  switch (field) {
    case 'subject':
      return input.subject;
    case 'topic':
      return topicText;
    case 'conversationId':
      return input.id;
    case 'contact.name':
      return input.contact?.name;
    case 'contact.email':
      return input.contact?.email;
    case 'contact.company':
      return input.contact?.company;
    case 'contact.mobileNumber':
      return input.contact?.mobileNumber;
    case 'contact.phoneNumber':
      return input.contact?.phoneNumber;
    case 'operator.name':
      return input.operator?.name;
    case 'operator.email':
      return input.operator?.email;
    default:
      return undefined;
  }
}

function conversationObjectValues(
  input: LimeConnectConversation,
  topicText: string,
  config: ConversationsConfig,
) {
  const { idProperty, linkProperty, contactIdProperty, topicProperty, startedProperty } =
    config.conversation;
  const values: CrmValues = {
    [idProperty]: input.id,
    [topicProperty]: topicText,
    [startedProperty]: input.startedAt,
  };
  // The same link the connect dialog stores for a conversation connected by hand.
  const link = conversationLink(config.conversationLinkBase, input.id);
  if (link) {
    values[linkProperty] = link;
  }
  if (input.contact?.id) {
    values[contactIdProperty] = input.contact.id;
  }
  return values;
}

/** The values an object does not have yet. */
function missingValues(object: CrmObject, values: CrmValues): CrmValues {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([key]) => object[key] === null || object[key] === undefined || object[key] === '',
    ),
  );
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

export function transcriptOf(
  input: LimeConnectConversation,
  topicText: string,
): TranscriptConversation {
  const contactName = input.contact?.name ?? input.contact?.email;
  return {
    conversationId: String(input.id),
    topic: topicText.replace(/\s+/g, ' '),
    startedAt: input.startedAt,
    contact: contactName
      ? {
          name:
            contactName
              .replace(/\s+/g, ' ')
              .replace(/<[^<>\s]*>$/, '')
              .trim() || contactName,
          email:
            input.contact?.email && !/[\s<>()]/.test(input.contact.email)
              ? input.contact.email
              : undefined,
        }
      : undefined,
    operator: input.operator ? { name: input.operator.name.replace(/\s+/g, ' ') } : undefined,
    messages: input.messages.map((message) => ({
      time: message.time,
      senderName: message.senderName.replace(/\s+/g, ' '),
      senderType: message.senderType,
      format: message.textFormat,
      body: message.body.replace(/\r\n?/g, '\n'),
    })),
  };
}

async function writeNote(
  crm: CrmPort,
  config: ConversationsConfig,
  topic: Topic,
  input: LimeConnectConversation,
  topicText: string,
  target: ObjectRef,
  conversationObjectId: number,
  identification: Identified,
  options: SendConversationOptions,
) {
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
