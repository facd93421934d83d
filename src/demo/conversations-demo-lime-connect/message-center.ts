// The Message Center's side of the add-on protocol, for the demo's stand-in: the events it sends
// (shaped exactly as seed 002 prints them), and where the demo's local servers are.
import type { ContactInformation } from '../../lime-connect';

export interface StandInContact {
  name: string;
  email: string;
  mobileNumber: string;
  phoneNumber: string;
  company: string;
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

/** Empty text is what Lime Connect sends as null. */
function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

export function contactInformationEvent(contact: StandInContact, locale: string) {
  const payload: ContactInformation & { custom_field_data: null } = {
    id: '1111',
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

export function operatorInformationEvent(locale: string) {
  return {
    name: 'operator_information',
    payload: { id: '2001', name: 'Anna Lind', email: 'anna.lind@lime.example', locale },
  };
}

export function conversationInformationEvent(locale: string) {
  return {
    name: 'conversation_information',
    payload: {
      id: '48213',
      topics: [{ text: 'Support' }],
      locale,
      subject: 'Question about my invoice',
      customFieldData: null,
      widget: { id: '111', name: 'Website chat' },
    },
  };
}

export function transcriptEvent() {
  return {
    name: 'transcript',
    payload: {
      transcript: [
        {
          sender: { type: 'contact' },
          body: 'Hi! My invoice shows the wrong number of seats.',
          textFormat: 'plain_text',
          type: 'message',
        },
        {
          sender: { type: 'operator' },
          body: 'Hello, let me look that up for you.',
          textFormat: 'plain_text',
          type: 'message',
        },
      ],
    },
  };
}

/** Lime Connect's locale for the demo's language. */
export function operatorLocale(language: string): string {
  return language === 'sv' ? 'sv_SE' : 'en_US';
}
