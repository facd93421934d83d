// What a send writes into Lime CRM, built from the conversation and the configuration: the topic's
// object's property values, the conversation object's values, and the transcript of the note.
import type { ConversationsConfig, Topic } from '../config/config.types';
import { conversationLink } from '../conversations/conversation-id';
import type { CrmObject, CrmValues } from '../crm';
import type { TranscriptConversation } from '../notes';
import type { LimeConnectConversation } from './sync.types';

/** The topic's property values: the subject into the title, then the configured values. */
export function propertyValues(
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

export function conversationObjectValues(
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
export function missingValues(object: CrmObject, values: CrmValues): CrmValues {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([key]) => object[key] === null || object[key] === undefined || object[key] === '',
    ),
  );
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
