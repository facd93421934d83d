// The Message Center's side of the add-on protocol, for the demo's stand-in: the one conversation
// it holds (contact, operator, topic, transcript), the events it sends about it (shaped exactly as
// seed 002 prints them), the same conversation as Send to Lime CRM sends it, and where the demo's
// local servers are.
import type { ContactInformation } from '../../lime-connect';
import type { LimeConnectConversationInput, MediaFile } from '../../sync';

export interface StandInContact {
  name: string;
  email: string;
  mobileNumber: string;
  phoneNumber: string;
  company: string;
}

export interface StandInOperator {
  id: string;
  name: string;
  email: string;
}

export type SenderType = 'contact' | 'operator';

export interface StandInMessage {
  /** When it was written, ISO 8601. */
  time: string;
  senderType: SenderType;
  body: string;
}

/** The conversation the Message Center shows: what the Portal hears and Send to Lime CRM sends. */
export interface StandInConversation {
  /** Lime Connect's conversation id (digits). */
  id: string;
  /** Lime Connect's contact id. */
  contactId: string;
  topic: string;
  subject: string;
  /** ISO 8601. */
  startedAt: string;
  contact: StandInContact;
  operator: StandInOperator;
  messages: StandInMessage[];
  mediaFiles: MediaFile[];
}

export interface DemoEndpoints {
  /** The Portal page, on its own origin. */
  portalUrl: string;
  /** The local API server (the emulated Lime CRM over HTTP, and the dev token endpoint). */
  apiUrl: string;
}

export const DEFAULT_API_URL = 'http://127.0.0.1:3335/';
export const DEFAULT_PORTAL_URL = 'http://127.0.0.1:3334/portal.html';

/**
 * Where the Portal and the API server are: `?portal=` and `?api=` on the demo page win (the e2e
 * setup serves them on free ports), else the ports `npm start` uses. The Portal is told where its
 * bootstrap config is through its own `?config=`.
 */
export function demoEndpoints(search: string): DemoEndpoints {
  const params = new URLSearchParams(search);
  const apiUrl = params.get('api') ?? DEFAULT_API_URL;
  const portal = new URL(params.get('portal') ?? DEFAULT_PORTAL_URL);
  if (!portal.searchParams.has('config')) {
    portal.searchParams.set('config', new URL('portal-config.json', apiUrl).toString());
  }
  return { portalUrl: portal.toString(), apiUrl };
}

/** A fresh conversation: Jane Doe of Acme asks about her invoice, Anna Lind answers. */
export function newConversation(now: number, id: string): StandInConversation {
  return {
    id,
    contactId: `contact-${id}`,
    topic: 'Support',
    subject: 'Question about my invoice',
    startedAt: new Date(now - 180_000).toISOString(),
    contact: {
      name: 'Jane Doe',
      email: 'jane@example.com',
      mobileNumber: '',
      phoneNumber: '',
      company: 'Acme AB',
    },
    operator: { id: '2001', name: 'Anna Lind', email: 'anna.lind@lime.example' },
    messages: [
      {
        time: new Date(now - 120_000).toISOString(),
        senderType: 'contact',
        body: 'Hi! Our latest invoice lists 40 seats, but we only have 25 users.',
      },
      {
        time: new Date(now - 60_000).toISOString(),
        senderType: 'operator',
        body: 'Thanks for telling us! I will look into it **right away**.',
      },
    ],
    mediaFiles: [],
  };
}

/** Empty text is what Lime Connect sends as null. */
function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/** Operators write markdown in Lime Connect; contacts write plain text. */
export function textFormatOf(sender: SenderType): 'markdown_v1' | 'plain_text' {
  return sender === 'operator' ? 'markdown_v1' : 'plain_text';
}

export function contactInformationEvent(contact: StandInContact, locale: string, id = '1111') {
  const payload: ContactInformation & { custom_field_data: null } = {
    id,
    name: orNull(contact.name),
    email: orNull(contact.email),
    locale,
    mobileNumber: orNull(contact.mobileNumber),
    phoneNumber: orNull(contact.phoneNumber),
    salutation: null,
    street: null,
    city: null,
    country: null,
    company: orNull(contact.company),
    gender: null,
    customFieldData: {},
    custom_field_data: null,
  };
  return { name: 'contact_information', payload };
}

export function operatorInformationEvent(operator: StandInOperator, locale: string) {
  return { name: 'operator_information', payload: { ...operator, locale } };
}

export function conversationInformationEvent(conversation: StandInConversation, locale: string) {
  return {
    name: 'conversation_information',
    payload: {
      id: conversation.id,
      topics: conversation.topic.trim() ? [{ text: conversation.topic.trim() }] : [],
      locale,
      subject: orNull(conversation.subject),
      customFieldData: null,
      widget: { id: '111', name: 'Website chat' },
    },
  };
}

export function transcriptEvent(messages: readonly StandInMessage[]) {
  return {
    name: 'transcript',
    payload: {
      transcript: messages.map((message) => ({
        sender: { type: message.senderType },
        body: message.body,
        textFormat: textFormatOf(message.senderType),
        type: 'message',
      })),
    },
  };
}

/** How the conversation shows the contact: their name, else their email, else `visitor`. */
export function contactNameOf(contact: StandInContact, visitor: string): string {
  return contact.name.trim() || contact.email.trim() || visitor;
}

/**
 * The conversation as Send to Lime CRM posts it: the contact the Portal looks up and the messages
 * of the `transcript` event, nothing else.
 */
export function conversationInput(
  conversation: StandInConversation,
  visitor: string,
): LimeConnectConversationInput {
  const contactName = contactNameOf(conversation.contact, visitor);
  const { operator } = conversation;
  return {
    id: conversation.id,
    topics: conversation.topic.trim() ? [{ text: conversation.topic.trim() }] : [],
    subject: conversation.subject,
    startedAt: conversation.startedAt,
    contact: { id: conversation.contactId, ...conversation.contact, name: contactName },
    operator: { id: operator.id, name: operator.name, email: operator.email },
    messages: conversation.messages.map((message) => ({
      time: message.time,
      senderName: message.senderType === 'contact' ? contactName : operator.name,
      senderType: message.senderType,
      textFormat: textFormatOf(message.senderType),
      body: message.body,
    })),
    mediaFiles: conversation.mediaFiles,
  };
}

/** Lime Connect's locale for the demo's language. */
export function operatorLocale(language: string): string {
  return language === 'sv' ? 'sv_SE' : 'en_US';
}
