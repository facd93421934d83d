// The limetypes of the emulated Lime CRM: the subset of a standard Lime CRM database this plugin
// meets (companies, persons, coworkers, helpdesk tickets, deals, history, conversations, documents).
import type { Acl, LimePropertyMeta, LimeTypeMeta, LimeTypes, PropertyType } from '../lime';

const FULL_ACL: Acl = { read: true, create: true, update: true, delete: true };

type PropertySpec =
  | [type: PropertyType, label: string]
  | [type: 'option', label: string, options: [key: string, text: string][]]
  | [
      type: 'belongsto' | 'hasmany',
      label: string,
      relation: [limetype: string, backreference: string],
    ];

function property(name: string, spec: PropertySpec): LimePropertyMeta {
  const [type, label] = spec;
  const meta: LimePropertyMeta = { name, label, localname: label, type };
  if (type === 'option') {
    const options = spec[2] as [string, string][];
    meta.options = options.map(([key, text]) => ({ key, text }));
  } else if (type === 'belongsto' || type === 'hasmany') {
    const [target, backreference] = spec[2] as [string, string];
    meta.relation = { limetype: target, backreference };
  }
  return meta;
}

function limetype(
  name: string,
  names: { singular: string; plural: string },
  icon: string,
  descriptive: string | undefined,
  properties: Record<string, PropertySpec>,
): LimeTypeMeta {
  return {
    name,
    label: names.singular,
    localname: names,
    icon,
    descriptive,
    acl: { ...FULL_ACL },
    properties: Object.fromEntries(
      Object.entries(properties).map(([key, spec]) => [key, property(key, spec)]),
    ),
  };
}

/** Option keys of `history.type`, as a standard Lime CRM names them, plus the two this plugin writes. */
export const HISTORY_TYPES: [string, string][] = [
  ['comment', 'Comment'],
  ['talkedto', 'Talked to'],
  ['customervisit', 'Customer visit'],
  ['sentemail', 'Sent email'],
  ['receivedemail', 'Received email'],
  ['limeconnect', 'Lime Connect chat'],
  ['dci', 'Meeting summary'],
];

export const HELPDESK_STATUSES: [string, string][] = [
  ['new', 'New'],
  ['ongoing', 'Ongoing'],
  ['waiting', 'Waiting for customer'],
  ['closed', 'Closed'],
];

export const DEAL_STATUSES: [string, string][] = [
  ['contact', 'Contact'],
  ['requirement', 'Requirement analysis'],
  ['tender', 'Tender'],
  ['agreement', 'Agreement'],
  ['rejection', 'Lost'],
];

/** A fresh copy of the emulated limetypes. */
export function createLimeTypes(): LimeTypes {
  const types: LimeTypeMeta[] = [
    limetype('company', { singular: 'Company', plural: 'Companies' }, 'building', 'name', {
      name: ['string', 'Name'],
      phone: ['phone', 'Phone'],
      www: ['link', 'Website'],
      city: ['string', 'City'],
      country: ['string', 'Country'],
      coworker: ['belongsto', 'Responsible', ['coworker', 'company']],
      persons: ['hasmany', 'Persons', ['person', 'company']],
      helpdesks: ['hasmany', 'Helpdesk tickets', ['helpdesk', 'company']],
      deals: ['hasmany', 'Deals', ['deal', 'company']],
      history: ['hasmany', 'History', ['history', 'company']],
      documents: ['hasmany', 'Documents', ['document', 'company']],
    }),
    limetype('person', { singular: 'Person', plural: 'Persons' }, 'user', 'name', {
      firstname: ['string', 'First name'],
      lastname: ['string', 'Last name'],
      name: ['string', 'Name'],
      email: ['string', 'Email'],
      phone: ['phone', 'Phone'],
      mobilephone: ['phone', 'Mobile phone'],
      position: ['string', 'Position'],
      company: ['belongsto', 'Company', ['company', 'persons']],
      helpdesk: ['hasmany', 'Helpdesk tickets', ['helpdesk', 'person']],
      deal: ['hasmany', 'Deals', ['deal', 'person']],
      history: ['hasmany', 'History', ['history', 'person']],
      document: ['hasmany', 'Documents', ['document', 'person']],
    }),
    limetype('coworker', { singular: 'Coworker', plural: 'Coworkers' }, 'administrator', 'name', {
      firstname: ['string', 'First name'],
      lastname: ['string', 'Last name'],
      name: ['string', 'Name'],
      email: ['string', 'Email'],
      phone: ['phone', 'Phone'],
      username: ['string', 'Username'],
      company: ['hasmany', 'Responsible for companies', ['company', 'coworker']],
      helpdesk: ['hasmany', 'Helpdesk tickets', ['helpdesk', 'coworker']],
      deal: ['hasmany', 'Deals', ['deal', 'coworker']],
      history: ['hasmany', 'History', ['history', 'coworker']],
    }),
    limetype(
      'helpdesk',
      { singular: 'Helpdesk ticket', plural: 'Helpdesk tickets' },
      'customer_support',
      'title',
      {
        title: ['string', 'Title'],
        helpdesknumber: ['string', 'Ticket number'],
        description: ['text', 'Description'],
        status: ['option', 'Status', HELPDESK_STATUSES],
        company: ['belongsto', 'Company', ['company', 'helpdesks']],
        person: ['belongsto', 'Contact', ['person', 'helpdesk']],
        coworker: ['belongsto', 'Responsible', ['coworker', 'helpdesk']],
        conversation: ['hasmany', 'Conversations', ['conversation', 'helpdesk']],
        history: ['hasmany', 'History', ['history', 'helpdesk']],
        document: ['hasmany', 'Documents', ['document', 'helpdesk']],
      },
    ),
    limetype('deal', { singular: 'Deal', plural: 'Deals' }, 'money', 'name', {
      name: ['string', 'Name'],
      value: ['decimal', 'Value'],
      dealstatus: ['option', 'Status', DEAL_STATUSES],
      company: ['belongsto', 'Company', ['company', 'deals']],
      person: ['belongsto', 'Contact', ['person', 'deal']],
      coworker: ['belongsto', 'Responsible', ['coworker', 'deal']],
      history: ['hasmany', 'History', ['history', 'deal']],
      conversation: ['hasmany', 'Conversations', ['conversation', 'deal']],
      document: ['hasmany', 'Documents', ['document', 'deal']],
    }),
    limetype('history', { singular: 'History', plural: 'History' }, 'time_machine', undefined, {
      date: ['time', 'Date'],
      type: ['option', 'Type', HISTORY_TYPES],
      note: ['text', 'Note'],
      person: ['belongsto', 'Person', ['person', 'history']],
      company: ['belongsto', 'Company', ['company', 'history']],
      coworker: ['belongsto', 'Coworker', ['coworker', 'history']],
      helpdesk: ['belongsto', 'Helpdesk ticket', ['helpdesk', 'history']],
      deal: ['belongsto', 'Deal', ['deal', 'history']],
      conversation: ['belongsto', 'Conversation', ['conversation', 'history']],
    }),
    limetype(
      'conversation',
      { singular: 'Conversation', plural: 'Conversations' },
      'chat',
      undefined,
      {
        conversationid: ['integer', 'Conversation ID'],
        link: ['link', 'Link'],
        contactid: ['string', 'Contact ID'],
        topic: ['string', 'Topic'],
        startedtime: ['time', 'Started'],
        helpdesk: ['belongsto', 'Helpdesk ticket', ['helpdesk', 'conversation']],
        deal: ['belongsto', 'Deal', ['deal', 'conversation']],
        history: ['hasmany', 'History', ['history', 'conversation']],
      },
    ),
    limetype('document', { singular: 'Document', plural: 'Documents' }, 'document', 'title', {
      title: ['string', 'Title'],
      comment: ['text', 'Comment'],
      file: ['file', 'File'],
      helpdesk: ['belongsto', 'Helpdesk ticket', ['helpdesk', 'document']],
      deal: ['belongsto', 'Deal', ['deal', 'document']],
      company: ['belongsto', 'Company', ['company', 'documents']],
      person: ['belongsto', 'Person', ['person', 'document']],
    }),
  ];
  return Object.fromEntries(types.map((type) => [type.name, type]));
}

/** Properties the emulator computes itself (like Lime's SQL-computed fields): never written by clients. */
export const COMPUTED_PROPERTIES: Record<string, string[]> = {
  person: ['name'],
  coworker: ['name'],
};

export function isComputedProperty(limetype: string, property: string): boolean {
  return (COMPUTED_PROPERTIES[limetype] ?? []).includes(property);
}

/** The text Lime shows for an object (`_descriptive`). */
export function describeObject(
  meta: LimeTypeMeta,
  values: Record<string, unknown> & { id: number },
): string {
  if (meta.descriptive) {
    const value = values[meta.descriptive];
    return value === null || value === undefined ? '' : String(value);
  }
  if (meta.name === 'conversation') {
    const topic = typeof values.topic === 'string' && values.topic ? ` · ${values.topic}` : '';
    return `#${values.conversationid ?? ''}${topic}`;
  }
  if (meta.name === 'history') {
    const type = meta.properties.type?.options?.find((option) => option.key === values.type);
    const date = typeof values.date === 'string' ? values.date.slice(0, 10) : '';
    return [type?.text, date].filter(Boolean).join(' · ');
  }
  return `${meta.localname.singular} ${values.id}`;
}
