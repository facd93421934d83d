// Import from limepkg-userlike, Lime's earlier Lime Connect package: its runtime config keeps one
// `instances[]` entry per topic and ordered `personRelation` rules. What has no equivalent here is
// listed, never silently dropped.
import { z } from 'zod';
import { createDefaultConfig } from './defaults';
import { parseConfig, parseJsonWith, type ConfigParseIssue } from './parse';
import {
  CONTACT_FIELDS,
  CUSTOM_FIELD_PREFIX,
  type ContactField,
  type ConversationsConfig,
  type LookupRule,
  type MatchMode,
  type StandardContactField,
  type Topic,
  type TopicAttachment,
  type TopicProperty,
} from './schema';

const optionalName = z.string().trim().min(1).nullish();

const userlikePropertySchema = z.looseObject({
  name: optionalName,
  property: optionalName,
  propertyName: optionalName,
  defaultValue: z.union([z.string(), z.number(), z.boolean()]).nullish(),
  userlikeKey: optionalName,
});

const userlikeInstanceSchema = z.looseObject({
  name: z.string().trim().min(1),
  limetype: z.string().trim().min(1),
  relationPerson: optionalName,
  relationCoworker: optionalName,
  relationCompany: optionalName,
  relationHistory: optionalName,
  relationConversation: optionalName,
  relationDocument: optionalName,
  baseUrl: optionalName,
  importMediaFiles: z.boolean().nullish(),
  properties: z
    .union([z.array(userlikePropertySchema), z.record(z.string(), userlikePropertySchema)])
    .nullish(),
});

const userlikeConfigSchema = z.looseObject({
  instances: z.array(userlikeInstanceSchema).default([]),
  personRelation: z
    .array(
      z.looseObject({
        identificationKey: z.string().trim().min(1),
        propertyIdentifier: z.string().trim().min(1),
      }),
    )
    .default([]),
});

type UserlikeInstance = z.infer<typeof userlikeInstanceSchema>;
type UserlikeProperty = z.infer<typeof userlikePropertySchema>;

export type ImportUserlikeResult =
  | { ok: true; config: ConversationsConfig; notCarried: string[] }
  | { ok: false; issues: ConfigParseIssue[] };

// Userlike's own names for the conversation and contact fields a property could be filled from.
const USERLIKE_KEY_FIELDS: Record<string, string> = {
  subject: 'subject',
  topic: 'topic',
  id: 'conversationId',
  conversation_id: 'conversationId',
  client_name: 'contact.name',
  name: 'contact.name',
  client_email: 'contact.email',
  email: 'contact.email',
  company: 'contact.company',
  client_company: 'contact.company',
  mobile_number: 'contact.mobileNumber',
  phone_number: 'contact.phoneNumber',
  operator_name: 'operator.name',
  operator_email: 'operator.email',
};

const IDENTIFICATION_KEY_FIELDS: Record<string, ContactField> = {
  email: 'email',
  mobile_number: 'mobileNumber',
  mobilenumber: 'mobileNumber',
  mobile: 'mobileNumber',
  phone_number: 'phoneNumber',
  phonenumber: 'phoneNumber',
  phone: 'phoneNumber',
  name: 'name',
  company: 'company',
};

/**
 * Turns a limepkg-userlike runtime config (object or JSON text) into this package's
 * configuration, starting from `base` (the defaults unless given). Topics and lookup rules are
 * replaced by the imported ones when there are any; everything else of `base` stays.
 */
export function importUserlikeConfig(
  json: unknown,
  base: ConversationsConfig = createDefaultConfig(),
): ImportUserlikeResult {
  const parsed = parseJsonWith(userlikeConfigSchema, json);
  if (!parsed.ok) {
    return parsed;
  }
  const { instances, personRelation } = parsed.value;
  const notCarried: string[] = [];

  const topics = instances.map((instance, index) =>
    importInstance(instance, `instances[${index}]`, notCarried),
  );
  const lookupRules = personRelation.map((rule): LookupRule =>
    importPersonRelation(rule.identificationKey, rule.propertyIdentifier),
  );

  const baseUrls = [...new Set(instances.map((instance) => instance.baseUrl).filter(isPresent))];
  const conversationLinkBase = baseUrls.length === 1 ? baseUrls[0] : base.conversationLinkBase;
  if (baseUrls.length > 1) {
    notCarried.push(
      `baseUrl: the instances use different base URLs (${baseUrls.join(', ')}); one conversation link base is kept: ${conversationLinkBase}`,
    );
  }
  Object.keys(parsed.value)
    .filter((key) => key !== 'instances' && key !== 'personRelation')
    .forEach((key) => notCarried.push(`${key}: not a setting of this package`));

  const merged = {
    ...base,
    conversationLinkBase,
    topics: topics.length ? topics : base.topics,
    lookupRules: lookupRules.length ? lookupRules : base.lookupRules,
    mediaImport: {
      ...base.mediaImport,
      enabled: base.mediaImport.enabled || topics.some((topic) => topic.importMediaFiles),
    },
  };
  // Re-parse so that the result is exactly what parseConfig would give for it.
  const result = parseConfig(merged);
  return result.ok ? { ok: true, config: result.config, notCarried } : result;
}

function importInstance(instance: UserlikeInstance, at: string, notCarried: string[]): Topic {
  const attachments: TopicAttachment[] = [];
  if (instance.relationPerson) {
    attachments.push({ property: instance.relationPerson, source: 'identified-person' });
  }
  if (instance.relationCompany) {
    attachments.push({ property: instance.relationCompany, source: 'identified-company' });
  }
  if (instance.relationCoworker) {
    attachments.push({ property: instance.relationCoworker, source: 'operator' });
  }
  // This package finds the history, conversation and document relations from the limetypes.
  (['relationHistory', 'relationConversation', 'relationDocument'] as const).forEach((key) => {
    const value = instance[key];
    if (value) {
      notCarried.push(`${at}.${key} = "${value}": found from the limetypes here, not configured`);
    }
  });

  const properties: TopicProperty[] = [];
  const entries: [string | null, UserlikeProperty][] = Array.isArray(instance.properties)
    ? instance.properties.map((entry) => [null, entry])
    : Object.entries(instance.properties ?? {});
  entries.forEach(([key, entry], index) => {
    const where = `${at}.properties[${key ?? index}]`;
    const property = entry.property ?? entry.propertyName ?? entry.name ?? key;
    if (!property) {
      notCarried.push(`${where}: names no property`);
      return;
    }
    if (entry.userlikeKey) {
      const field = USERLIKE_KEY_FIELDS[entry.userlikeKey];
      if (field) {
        properties.push({ property, value: { kind: 'conversation', field } });
      } else {
        notCarried.push(
          `${where}.userlikeKey = "${entry.userlikeKey}": no Lime Connect field of that name`,
        );
      }
      return;
    }
    if (entry.defaultValue !== undefined && entry.defaultValue !== null) {
      properties.push({ property, value: { kind: 'fixed', value: entry.defaultValue } });
      return;
    }
    notCarried.push(`${where}: has neither defaultValue nor userlikeKey`);
  });

  const known = new Set([
    'name',
    'limetype',
    'relationPerson',
    'relationCoworker',
    'relationCompany',
    'relationHistory',
    'relationConversation',
    'relationDocument',
    'baseUrl',
    'importMediaFiles',
    'properties',
  ]);
  Object.keys(instance)
    .filter((key) => !known.has(key))
    .forEach((key) => notCarried.push(`${at}.${key}: not a setting of this package`));

  return {
    topic: instance.name,
    limetype: instance.limetype,
    historyType: 'limeconnect',
    importMediaFiles: instance.importMediaFiles ?? false,
    attachments,
    properties,
  };
}

function importPersonRelation(identificationKey: string, property: string): LookupRule {
  const key = identificationKey.trim();
  const contactField: ContactField =
    IDENTIFICATION_KEY_FIELDS[key.toLowerCase()] ??
    (isStandardContactField(key) ? key : `${CUSTOM_FIELD_PREFIX}${key}`);
  return { contactField, limetype: 'person', property, match: matchModeFor(contactField) };
}

function matchModeFor(field: ContactField): MatchMode {
  if (field === 'mobileNumber' || field === 'phoneNumber') {
    return 'phone';
  }
  return field === 'email' ? 'case-insensitive' : 'exact';
}

function isStandardContactField(key: string): key is StandardContactField {
  return (CONTACT_FIELDS as readonly string[]).includes(key);
}

function isPresent<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}
