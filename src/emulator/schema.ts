// The limetypes of the emulated Lime CRM: Lime's standard database (the limetypes this plugin
// meets, with their standard names, types and relations), plus what this package installs, kept
// apart in `installedLimetypes()` (the README's install steps list the same things).
import type { Acl, LimePropertyMeta, LimeTypeMeta, LimeTypes, PropertyType } from '../lime';
import { inSwedish } from './schema-sv';

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

/** The option keys of `history.type` in Lime's standard database. */
export const STANDARD_HISTORY_TYPES: [string, string][] = [
  ['comment', 'Comment'],
  ['customervisit', 'Customer visit'],
  ['talkedto', 'Talked to'],
  ['salescall', 'Sales call'],
  ['sentemail', 'Sent email'],
  ['receivedemail', 'Received email'],
  ['noanswer', 'Could not reach'],
];

/** The `history.type` option this package installs: the default history type of a chat. */
export const INSTALLED_HISTORY_TYPES: [string, string][] = [['limeconnect', 'Lime Connect chat']];

/** Every option of `history.type` in the emulator: the standard ones and ours. */
export const HISTORY_TYPES: [string, string][] = [
  ...STANDARD_HISTORY_TYPES,
  ...INSTALLED_HISTORY_TYPES,
];

/** `helpdesk.statuscolor` in Lime's standard database (it has no `status`). */
export const HELPDESK_STATUSES: [string, string][] = [
  ['new', 'New'],
  ['ongoing', 'Ongoing'],
  ['parked', 'Parked'],
  ['finished', 'Finished'],
];

export const DEAL_STATUSES: [string, string][] = [
  ['contact', 'Contact'],
  ['requirement', 'Requirement'],
  ['tender', 'Tender'],
  ['agreement', 'Agreement'],
  ['rejection', 'Rejection'],
  ['onhold', 'On hold'],
];

const BUYING_STATUSES: [string, string][] = [
  ['active', 'Active'],
  ['notinterested', 'Not interested'],
  ['excustomer', 'Ex-customer'],
  ['prospect', 'Prospect'],
];

const DOCUMENT_TYPES: [string, string][] = [
  ['email', 'Email'],
  ['tender', 'Tender'],
  ['agreement', 'Agreement'],
  ['other', 'Other'],
];

/**
 * The limetypes of Lime's standard database this plugin meets, with their standard property names,
 * types and relation names. Relations to standard limetypes we leave out (todo, campaign, …) are
 * left out too, so every relation here leads somewhere.
 */
export function standardLimetypes(): LimeTypes {
  const types: LimeTypeMeta[] = [
    limetype('company', { singular: 'Company', plural: 'Companies' }, 'building', 'name', {
      name: ['string', 'Company name'],
      phone: ['phone', 'Telephone'],
      www: ['link', 'Homepage'],
      registrationno: ['string', 'Registration number'],
      postaladdress1: ['string', 'Postal address 1'],
      postaladdress2: ['string', 'Postal address 2'],
      postalzipcode: ['string', 'Postal zipcode'],
      postalcity: ['string', 'Postal city'],
      visitingaddress1: ['string', 'Visiting address 1'],
      visitingaddress2: ['string', 'Visiting address 2'],
      visitingzipcode: ['string', 'Visiting zipcode'],
      visitingcity: ['string', 'Visiting city'],
      country: ['string', 'Country'],
      inactive: ['yesno', 'Inactive'],
      buyingstatus: ['option', 'Buying status', BUYING_STATUSES],
      coworker: ['belongsto', 'Responsible', ['coworker', 'company']],
      person: ['hasmany', 'Persons', ['person', 'company']],
      helpdesk: ['hasmany', 'Helpdesk', ['helpdesk', 'company']],
      deal: ['hasmany', 'Deals', ['deal', 'company']],
      history: ['hasmany', 'History', ['history', 'company']],
      document: ['hasmany', 'Documents', ['document', 'company']],
    }),
    limetype('person', { singular: 'Person', plural: 'Persons' }, 'user', 'name', {
      firstname: ['string', 'First name'],
      lastname: ['string', 'Last name'],
      name: ['string', 'Name'],
      email: ['link', 'Email'],
      phone: ['phone', 'Direct phone'],
      mobilephone: ['phone', 'Mobile phone'],
      position: ['string', 'Position'],
      inactive: ['yesno', 'Inactive'],
      company: ['belongsto', 'Company', ['company', 'person']],
      helpdesk: ['hasmany', 'Helpdesk', ['helpdesk', 'person']],
      deal: ['hasmany', 'Deals', ['deal', 'person']],
      history: ['hasmany', 'History', ['history', 'person']],
      document: ['hasmany', 'Documents', ['document', 'person']],
    }),
    limetype('coworker', { singular: 'Coworker', plural: 'Coworkers' }, 'administrator', 'name', {
      firstname: ['string', 'First name'],
      lastname: ['string', 'Last name'],
      name: ['string', 'Name'],
      email: ['link', 'Email'],
      phone: ['phone', 'Direct phone'],
      mobilephone: ['phone', 'Mobile phone'],
      username: ['user', 'User name'],
      inactive: ['yesno', 'Inactive'],
      office: ['belongsto', 'Office', ['office', 'coworker']],
      company: ['hasmany', 'My Companies', ['company', 'coworker']],
      helpdesk: ['hasmany', 'Helpdesk', ['helpdesk', 'coworker']],
      deal: ['hasmany', 'My Deals', ['deal', 'coworker']],
      history: ['hasmany', 'History', ['history', 'coworker']],
      document: ['hasmany', 'My Documents', ['document', 'coworker']],
    }),
    limetype(
      'helpdesk',
      // Local names are each installation's own; the demo calls them tickets.
      { singular: 'Helpdesk ticket', plural: 'Helpdesk tickets' },
      'customer_support',
      'title',
      {
        title: ['string', 'Title'],
        helpdeskno: ['integer', 'Helpdeskno'],
        description: ['text', 'Description'],
        statuscolor: ['option', 'Status color', HELPDESK_STATUSES],
        startdate: ['time', 'Started'],
        enddate: ['time', 'Finished'],
        email: ['link', 'Email'],
        company: ['belongsto', 'Company', ['company', 'helpdesk']],
        person: ['belongsto', 'Person', ['person', 'helpdesk']],
        coworker: ['belongsto', 'Assigned to', ['coworker', 'helpdesk']],
        helpdesktype: ['belongsto', 'Helpdesk type', ['helpdesktype', 'helpdesk']],
        history: ['hasmany', 'History', ['history', 'helpdesk']],
        document: ['hasmany', 'Documents', ['document', 'helpdesk']],
      },
    ),
    limetype(
      'helpdesktype',
      { singular: 'Helpdesk type', plural: 'Helpdesk type' },
      'tags',
      'name',
      {
        name: ['string', 'Name'],
        inactive: ['yesno', 'Inactive'],
        helpdesk: ['hasmany', 'Helpdesk', ['helpdesk', 'helpdesktype']],
      },
    ),
    limetype('deal', { singular: 'Deal', plural: 'Deals' }, 'money', 'name', {
      name: ['string', 'Deal name'],
      value: ['decimal', 'Value'],
      dealstatus: ['option', 'Status', DEAL_STATUSES],
      probability: ['percent', 'Probability'],
      quotesent: ['date', 'Quote sent'],
      closeddate: ['date', 'Order/Lost date'],
      wonlostreason: ['text', 'Won/Lost reason'],
      company: ['belongsto', 'Company', ['company', 'deal']],
      person: ['belongsto', 'Responsible at customer', ['person', 'deal']],
      coworker: ['belongsto', 'Responsible salesperson', ['coworker', 'deal']],
      history: ['hasmany', 'History', ['history', 'deal']],
      document: ['hasmany', 'Documents', ['document', 'deal']],
    }),
    limetype('history', { singular: 'History', plural: 'History' }, 'time_machine', undefined, {
      date: ['time', 'Date'],
      type: ['option', 'Type', STANDARD_HISTORY_TYPES],
      note: ['text', 'Notes'],
      company: ['belongsto', 'Company', ['company', 'history']],
      deal: ['belongsto', 'Deal', ['deal', 'history']],
      coworker: ['belongsto', 'Coworker', ['coworker', 'history']],
      helpdesk: ['belongsto', 'Helpdesk', ['helpdesk', 'history']],
      person: ['belongsto', 'Person', ['person', 'history']],
      document: ['belongsto', 'Document', ['document', 'history']],
    }),
    limetype('document', { singular: 'Document', plural: 'Documents' }, 'document', 'comment', {
      comment: ['string', 'Description'],
      type: ['option', 'Document type', DOCUMENT_TYPES],
      document: ['file', 'Document'],
      deal: ['belongsto', 'Deal', ['deal', 'document']],
      company: ['belongsto', 'Company', ['company', 'document']],
      coworker: ['belongsto', 'Coworker', ['coworker', 'document']],
      person: ['belongsto', 'Person', ['person', 'document']],
      helpdesk: ['belongsto', 'Helpdesk', ['helpdesk', 'document']],
      history: ['hasmany', 'History', ['history', 'document']],
    }),
    limetype('office', { singular: 'Office', plural: 'Offices' }, 'organization', 'name', {
      name: ['string', 'Name'],
      phone: ['phone', 'Phone'],
      www: ['link', 'Homepage'],
      address: ['string', 'Address'],
      zipcode: ['string', 'Zip code'],
      city: ['string', 'City'],
      visitingaddress1: ['string', 'Visiting address'],
      visitingzipcode: ['string', 'Visiting zip code'],
      visitingcity: ['string', 'Visiting city'],
      coworker: ['hasmany', 'Coworkers', ['coworker', 'office']],
    }),
  ];
  return Object.fromEntries(types.map((type) => [type.name, type]));
}

/**
 * What this package installs in a standard database (the README's "Install steps"): the
 * `conversation` limetype, its relations to helpdesk, deal and history (both ends), and the
 * `limeconnect` option of `history.type`.
 */
export function installedLimetypes(): {
  limetypes: LimeTypeMeta[];
  properties: Record<string, Record<string, PropertySpec>>;
  historyTypes: [string, string][];
} {
  return {
    limetypes: [
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
          helpdesk: ['belongsto', 'Helpdesk', ['helpdesk', 'conversation']],
          deal: ['belongsto', 'Deal', ['deal', 'conversation']],
          history: ['hasmany', 'History', ['history', 'conversation']],
        },
      ),
    ],
    properties: {
      helpdesk: { conversation: ['hasmany', 'Conversations', ['conversation', 'helpdesk']] },
      deal: { conversation: ['hasmany', 'Conversations', ['conversation', 'deal']] },
      history: { conversation: ['belongsto', 'Conversation', ['conversation', 'history']] },
    },
    historyTypes: INSTALLED_HISTORY_TYPES,
  };
}

/**
 * A fresh copy of the emulated limetypes: the standard database with our package installed, with
 * labels in `language` (English, or Swedish for `sv`).
 */
export function createLimeTypes(language = 'en'): LimeTypes {
  const limetypes = standardLimetypes();
  const installed = installedLimetypes();
  for (const meta of installed.limetypes) {
    limetypes[meta.name] = meta;
  }
  for (const [name, properties] of Object.entries(installed.properties)) {
    for (const [key, spec] of Object.entries(properties)) {
      limetypes[name].properties[key] = property(key, spec);
    }
  }
  const historyType = limetypes.history.properties.type;
  historyType.options = [
    ...(historyType.options ?? []),
    ...installed.historyTypes.map(([key, text]) => ({ key, text })),
  ];
  return language === 'sv' ? inSwedish(limetypes) : limetypes;
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
