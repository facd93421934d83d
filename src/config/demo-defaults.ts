// Demo-ready defaults that fit Lime's standard database plus what this package installs (the
// emulator's limetypes): what a fresh installation starts with before an admin changes anything.
// Standard names: singular relations (`company.person`), `visitingcity`, `person.email` a link.
import type { LookupRule, PortalView, Topic } from './config.types';

export const DEFAULT_TOPICS: Topic[] = [
  {
    topic: 'Support',
    limetype: 'helpdesk',
    titleProperty: 'title',
    historyType: 'limeconnect',
    importMediaFiles: false,
    attachments: [
      { property: 'person', source: 'identified-person' },
      { property: 'company', source: 'identified-company' },
      { property: 'coworker', source: 'operator' },
    ],
    properties: [{ property: 'title', value: { kind: 'conversation', field: 'subject' } }],
  },
  {
    topic: 'Sales',
    limetype: 'deal',
    titleProperty: 'name',
    historyType: 'limeconnect',
    importMediaFiles: false,
    attachments: [
      { property: 'person', source: 'identified-person' },
      { property: 'company', source: 'identified-company' },
      { property: 'coworker', source: 'operator' },
    ],
    properties: [{ property: 'name', value: { kind: 'conversation', field: 'subject' } }],
  },
];

// Most specific first: an email names one person, a phone number may be shared, a company name
// only narrows to a company.
export const DEFAULT_LOOKUP_RULES: LookupRule[] = [
  { contactField: 'email', limetype: 'person', property: 'email', match: 'case-insensitive' },
  { contactField: 'mobileNumber', limetype: 'person', property: 'mobilephone', match: 'phone' },
  { contactField: 'phoneNumber', limetype: 'person', property: 'phone', match: 'phone' },
  { contactField: 'company', limetype: 'company', property: 'name', match: 'case-insensitive' },
];

export const DEFAULT_PORTAL_VIEWS: PortalView[] = [
  {
    limetype: 'person',
    properties: ['email', 'phone', 'mobilephone', 'company'],
    aggregations: [
      { title: 'Helpdesk tickets', relation: 'helpdesk', limit: 5 },
      { title: 'Deals', relation: 'deal', limit: 5 },
      { title: 'History', relation: 'history', limit: 5 },
    ],
  },
  {
    limetype: 'company',
    properties: ['phone', 'www', 'visitingcity', 'country', 'coworker'],
    aggregations: [
      { title: 'Persons', relation: 'person', limit: 5 },
      { title: 'Helpdesk tickets', relation: 'helpdesk', limit: 5 },
      { title: 'Deals', relation: 'deal', limit: 5 },
      { title: 'History', relation: 'history', limit: 5 },
    ],
  },
];
