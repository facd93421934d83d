// Import from limepkg-userlike, Lime's earlier Lime Connect package: its runtime config keeps one
// `instances[]` entry per topic and ordered `personRelation` rules. What has no equivalent here is
// listed, never silently dropped.
import { z } from 'zod';
import type { LimeTypes } from '../lime/types';
import { createDefaultConfig } from './defaults';
import type {
  ContactField,
  ConversationsConfig,
  ImportUserlikeResult,
  LookupRule,
  MatchMode,
  NotCarried,
  NotCarriedCode,
  StandardContactField,
  Topic,
  TopicAttachment,
  TopicProperty,
} from './config.types';
import { parseConfig, parseJsonWith } from './parse';
import {
  ATTACHMENT_SOURCE_LIMETYPES,
  isLookupPropertyType,
  limetypeLabel,
  propertyLabel,
} from './validate';
import { CONTACT_FIELDS, CUSTOM_FIELD_PREFIX } from './schema';

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
 *
 * With `limetypes`, what it writes is checked against them: a topic on a limetype the CRM lacks,
 * an attachment or property value on a property its limetype lacks (or of the wrong kind), a
 * lookup rule on a property persons lack, are left out and listed in `notCarried`.
 */
export function importUserlikeConfig(
  json: unknown,
  base: ConversationsConfig = createDefaultConfig(),
  limetypes?: LimeTypes,
): ImportUserlikeResult {
  const parsed = parseJsonWith(userlikeConfigSchema, json);
  if (!parsed.ok) {
    return parsed;
  }
  const { instances, personRelation } = parsed.value;
  const notCarried: NotCarried[] = [];
  const fits = new Fit(limetypes, notCarried);

  const topics = instances.flatMap((instance, index) => {
    const at = `instances[${index}]`;
    return fits.limetype(instance.limetype, `${at}.limetype`)
      ? [importInstance(instance, at, notCarried, fits)]
      : [];
  });
  const lookupRules = personRelation.flatMap((rule, index): LookupRule[] => {
    const imported = importPersonRelation(rule.identificationKey, rule.propertyIdentifier);
    return fits.lookupProperty(imported, `personRelation[${index}].propertyIdentifier`)
      ? [imported]
      : [];
  });

  const baseUrls = [...new Set(instances.map((instance) => instance.baseUrl).filter(isPresent))];
  const conversationLinkBase = baseUrls.length === 1 ? baseUrls[0] : base.conversationLinkBase;
  if (baseUrls.length > 1) {
    notCarried.push({
      at: 'baseUrl',
      code: 'several-base-urls',
      params: { urls: baseUrls.join(', '), kept: conversationLinkBase },
      message: `the instances use different base URLs (${baseUrls.join(', ')}); one conversation link base is kept: ${conversationLinkBase}`,
    });
  }
  Object.keys(parsed.value)
    .filter((key) => key !== 'instances' && key !== 'personRelation')
    .forEach((key) => notCarried.push(notASetting(key)));

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

function notASetting(at: string): NotCarried {
  return { at, code: 'not-a-setting', params: {}, message: 'not a setting of this package' };
}

/** Checks what the import writes against the CRM's limetypes (when it has them), listing misfits. */
class Fit {
  constructor(
    private readonly limetypes: LimeTypes | undefined,
    private readonly notCarried: NotCarried[],
  ) {}

  limetype(name: string, at: string): boolean {
    if (!this.limetypes || this.limetypes[name]) {
      return true;
    }
    this.notCarried.push({
      at,
      code: 'unknown-limetype',
      params: { limetype: name },
      message: `there is no limetype "${name}" here, so this instance is left out`,
    });
    return false;
  }

  /** A property exists on the limetype; `kind` says what else it must be. */
  property(
    limetype: string,
    name: string,
    at: string,
    kind: { relationTo?: string; value?: boolean } = {},
  ): boolean {
    const limetypes = this.limetypes;
    if (!limetypes) {
      return true;
    }
    const property = limetypes[limetype]?.properties[name];
    const label = limetypeLabel(limetypes, limetype);
    const params = { limetype: label, property: name };
    if (!property) {
      return this.leaveOut(at, 'unknown-property', params, `${label} has no property "${name}"`);
    }
    const related = property.relation?.limetype;
    const propertyText = propertyLabel(limetypes, limetype, name);
    if (kind.relationTo !== undefined && (!related || !SINGLE_RELATIONS.includes(property.type))) {
      return this.leaveOut(
        at,
        'not-a-relation',
        { ...params, property: propertyText },
        `"${name}" is not a relation to one object`,
      );
    }
    if (kind.relationTo && related !== kind.relationTo) {
      const expected = limetypeLabel(limetypes, kind.relationTo);
      return this.leaveOut(
        at,
        'relation-to-other-limetype',
        { property: propertyText, related: limetypeLabel(limetypes, related ?? ''), expected },
        `"${name}" leads to ${related}, not to ${kind.relationTo}`,
      );
    }
    if (kind.value && (related || property.type === 'file')) {
      return this.leaveOut(
        at,
        'relation-not-a-value',
        { property: propertyText },
        `"${name}" holds no value to write`,
      );
    }
    return true;
  }

  lookupProperty(rule: LookupRule, at: string): boolean {
    if (!this.property(rule.limetype, rule.property, at)) {
      return false;
    }
    const property = this.limetypes?.[rule.limetype]?.properties[rule.property];
    if (!property || isLookupPropertyType(property.type, rule.contactField)) {
      return true;
    }
    return this.leaveOut(
      at,
      'not-a-lookup-property',
      { property: property.label || rule.property, type: property.type },
      `"${rule.property}" is a ${property.type} property; a lookup compares text or phone properties`,
    );
  }

  private leaveOut(
    at: string,
    code: NotCarriedCode,
    params: Record<string, string>,
    message: string,
  ): false {
    this.notCarried.push({ at, code, params, message });
    return false;
  }
}

const SINGLE_RELATIONS = ['belongsto', 'hasone'];

function importInstance(
  instance: UserlikeInstance,
  at: string,
  notCarried: NotCarried[],
  fits: Fit,
): Topic {
  const attachments: TopicAttachment[] = [];
  const relations = [
    ['relationPerson', 'identified-person'],
    ['relationCompany', 'identified-company'],
    ['relationCoworker', 'operator'],
  ] as const;
  relations.forEach(([key, source]) => {
    const property = instance[key];
    const relationTo = ATTACHMENT_SOURCE_LIMETYPES[source];
    if (property && fits.property(instance.limetype, property, `${at}.${key}`, { relationTo })) {
      attachments.push({ property, source });
    }
  });
  // This package finds the history, conversation and document relations from the limetypes.
  (['relationHistory', 'relationConversation', 'relationDocument'] as const).forEach((key) => {
    const value = instance[key];
    if (value) {
      notCarried.push({
        at: `${at}.${key}`,
        code: 'found-from-limetypes',
        params: { value },
        message: `"${value}" is found from the limetypes here, not configured`,
      });
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
      notCarried.push({
        at: where,
        code: 'names-no-property',
        params: {},
        message: 'names no property',
      });
      return;
    }
    if (!fits.property(instance.limetype, property, where, { value: true })) {
      return;
    }
    if (entry.userlikeKey) {
      const field = USERLIKE_KEY_FIELDS[entry.userlikeKey];
      if (field) {
        properties.push({ property, value: { kind: 'conversation', field } });
      } else {
        notCarried.push({
          at: `${where}.userlikeKey`,
          code: 'unknown-userlike-key',
          params: { value: entry.userlikeKey },
          message: `"${entry.userlikeKey}": no Lime Connect field of that name`,
        });
      }
      return;
    }
    if (entry.defaultValue !== undefined && entry.defaultValue !== null) {
      properties.push({ property, value: { kind: 'fixed', value: entry.defaultValue } });
      return;
    }
    notCarried.push({
      at: where,
      code: 'no-value',
      params: {},
      message: 'has neither defaultValue nor userlikeKey',
    });
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
    .forEach((key) => notCarried.push(notASetting(`${at}.${key}`)));

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
