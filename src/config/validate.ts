// Semantic validation of a parsed configuration against the limetypes of the CRM: what a schema
// cannot know. Errors block saving; warnings are advice the admin may overrule.
import { isSupportedCountry } from 'libphonenumber-js/min';
import type { LimePropertyMeta, LimeTypeMeta, LimeTypes } from '../lime/types';
import {
  CONVERSATION_FIELDS,
  CUSTOM_FIELD_PREFIX,
  type AttachmentSource,
  type ContactField,
  type ConversationsConfig,
  type PortalView,
  type Topic,
} from './schema';

export type IssuePath = (string | number)[];

/** One problem, at the field it concerns. `code` lets a component translate it; `params` fill it in. */
export interface Issue {
  path: IssuePath;
  message: string;
  code: IssueCode;
  params?: Record<string, string | number>;
}

export type IssueCode =
  /** The value does not have the shape the schema asks for (from parseConfig). */
  | 'invalid-value'
  | 'unknown-limetype'
  | 'unknown-property'
  | 'attachment-not-relation'
  | 'attachment-wrong-limetype'
  | 'attachment-duplicate'
  | 'fixed-attachment-without-object'
  | 'topic-duplicate'
  | 'unknown-history-type'
  | 'property-value-relation'
  | 'property-value-unknown-option'
  | 'property-value-wrong-type'
  | 'unknown-conversation-field'
  | 'lookup-property-not-text'
  | 'lookup-order'
  | 'lookup-match-mode'
  | 'portal-view-duplicate'
  | 'aggregation-not-relation'
  | 'invalid-origin'
  | 'invalid-url'
  | 'unknown-country'
  /** A secret in the runtime configuration, which every webclient user can read (from parseConfig). */
  | 'api-key-in-runtime-config'
  | 'topic-media-import-disabled';

export interface ValidationResult {
  errors: Issue[];
  warnings: Issue[];
}

/** Which limetype an attachment source fills a relation with (`fixed`: any). */
export const ATTACHMENT_SOURCE_LIMETYPES: Record<Exclude<AttachmentSource, 'fixed'>, string> = {
  'identified-person': 'person',
  'identified-company': 'company',
  operator: 'coworker',
};

const SINGLE_RELATION_TYPES = ['belongsto', 'hasone'];
const RELATION_TYPES = ['belongsto', 'hasone', 'hasmany', 'hasandbelongstomany'];
const LOOKUP_PROPERTY_TYPES = ['string', 'text', 'phone'];

/**
 * Whether a lookup rule for this contact field can compare a property of this type: text, string
 * and phone properties; for an email also a `link`, the type of `person.email` in Lime's standard
 * database.
 */
export function isLookupPropertyType(type: string, contactField?: string): boolean {
  return LOOKUP_PROPERTY_TYPES.includes(type) || (contactField === 'email' && type === 'link');
}
const PHONE_CONTACT_FIELDS: ContactField[] = ['mobileNumber', 'phoneNumber'];

/** How specific a contact field is: lower is more specific (email names one person). */
export function contactFieldSpecificity(field: ContactField): number {
  if (field === 'email') {
    return 0;
  }
  if (PHONE_CONTACT_FIELDS.includes(field)) {
    return 1;
  }
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    return 2;
  }
  return 3;
}

export function validateConfig(
  config: ConversationsConfig,
  limetypes: LimeTypes,
): ValidationResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const check = new Checker(limetypes, errors);

  validateConversation(config, check);
  validateGeneral(config, errors);
  validateTopics(config, check, errors, warnings);
  validateLookupRules(config, check, errors, warnings);
  validatePortalViews(config.portal.views, check, errors);

  return { errors, warnings };
}

/** Finds limetypes and properties, reporting the ones that are missing. */
class Checker {
  constructor(
    private readonly limetypes: LimeTypes,
    private readonly errors: Issue[],
  ) {}

  historyTypeProperty(): LimePropertyMeta | undefined {
    return this.limetypes.history?.properties.type;
  }

  limetype(name: string, path: IssuePath): LimeTypeMeta | undefined {
    const limetype = this.limetypes[name];
    if (!limetype) {
      this.errors.push({
        path,
        code: 'unknown-limetype',
        message: `There is no limetype "${name}".`,
        params: { limetype: name },
      });
    }
    return limetype;
  }

  property(
    limetype: LimeTypeMeta | undefined,
    name: string,
    path: IssuePath,
  ): LimePropertyMeta | undefined {
    if (!limetype) {
      return undefined;
    }
    const property = limetype.properties[name];
    if (!property) {
      this.errors.push({
        path,
        code: 'unknown-property',
        message: `The limetype "${limetype.name}" has no property "${name}".`,
        params: { limetype: limetype.name, property: name },
      });
    }
    return property;
  }
}

function validateConversation(config: ConversationsConfig, check: Checker) {
  const base = ['conversation'];
  const limetype = check.limetype(config.conversation.limetype, [...base, 'limetype']);
  const propertyKeys = [
    'idProperty',
    'linkProperty',
    'contactIdProperty',
    'topicProperty',
    'startedProperty',
  ] as const;
  propertyKeys.forEach((key) => check.property(limetype, config.conversation[key], [...base, key]));
}

function validateGeneral(config: ConversationsConfig, errors: Issue[]) {
  if (!isHttpUrl(config.conversationLinkBase)) {
    errors.push({
      path: ['conversationLinkBase'],
      code: 'invalid-url',
      message: 'The conversation link base must be an http(s) URL.',
      params: { value: config.conversationLinkBase },
    });
  }
  if (config.portal.webclientUrl && !isHttpUrl(config.portal.webclientUrl)) {
    errors.push({
      path: ['portal', 'webclientUrl'],
      code: 'invalid-url',
      message: 'The webclient URL must be an http(s) URL.',
      params: { value: config.portal.webclientUrl },
    });
  }
  if (!isSupportedCountry(config.defaultCountry)) {
    errors.push({
      path: ['defaultCountry'],
      code: 'unknown-country',
      message: `"${config.defaultCountry}" is not a country phone numbers are known for.`,
      params: { country: config.defaultCountry },
    });
  }
  config.portal.allowedOrigins.forEach((origin, index) => {
    if (!isOrigin(origin)) {
      errors.push({
        path: ['portal', 'allowedOrigins', index],
        code: 'invalid-origin',
        message: `"${origin}" is not an origin (scheme and host only, e.g. https://app.lime-connect.com).`,
        params: { origin },
      });
    }
  });
}

function validateTopics(
  config: ConversationsConfig,
  check: Checker,
  errors: Issue[],
  warnings: Issue[],
) {
  const seen = new Map<string, number>();
  config.topics.forEach((topic, index) => {
    const path = ['topics', index];
    const key = topic.topic.trim().toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        path: [...path, 'topic'],
        code: 'topic-duplicate',
        message: `The topic "${topic.topic}" is already configured (topic ${first + 1}).`,
        params: { topic: topic.topic, other: first + 1 },
      });
    } else {
      seen.set(key, index);
    }

    const limetype = check.limetype(topic.limetype, [...path, 'limetype']);
    if (topic.titleProperty) {
      check.property(limetype, topic.titleProperty, [...path, 'titleProperty']);
    }
    validateHistoryType(topic, check, [...path, 'historyType'], errors);
    if (topic.importMediaFiles && !config.mediaImport.enabled) {
      warnings.push({
        path: [...path, 'importMediaFiles'],
        code: 'topic-media-import-disabled',
        message: 'This topic imports media files, but media import is off for the package.',
      });
    }
    validateAttachments(topic, limetype, check, path, errors);
    validateTopicProperties(topic, limetype, check, path, errors);
  });
}

function validateHistoryType(topic: Topic, check: Checker, path: IssuePath, errors: Issue[]) {
  // Notes are written to the standard `history` limetype; only an option list that exists can
  // be checked.
  const historyType = check.historyTypeProperty();
  if (historyType?.options && !historyType.options.some((o) => o.key === topic.historyType)) {
    errors.push({
      path,
      code: 'unknown-history-type',
      message: `History notes have no type "${topic.historyType}".`,
      params: { value: topic.historyType },
    });
  }
}

function validateAttachments(
  topic: Topic,
  limetype: LimeTypeMeta | undefined,
  check: Checker,
  topicPath: IssuePath,
  errors: Issue[],
) {
  const seen = new Set<string>();
  topic.attachments.forEach((attachment, index) => {
    const path = [...topicPath, 'attachments', index];
    if (attachment.source === 'fixed' && attachment.objectId === undefined) {
      errors.push({
        path: [...path, 'objectId'],
        code: 'fixed-attachment-without-object',
        message: 'A fixed attachment needs the object to attach.',
      });
    }
    if (seen.has(attachment.property)) {
      errors.push({
        path: [...path, 'property'],
        code: 'attachment-duplicate',
        message: `The relation "${attachment.property}" is already filled by another attachment.`,
        params: { property: attachment.property },
      });
    }
    seen.add(attachment.property);
    const property = check.property(limetype, attachment.property, [...path, 'property']);
    if (!property || !limetype) {
      return;
    }
    if (!SINGLE_RELATION_TYPES.includes(property.type) || !property.relation) {
      errors.push({
        path: [...path, 'property'],
        code: 'attachment-not-relation',
        message: `"${attachment.property}" is not a relation to one object, so nothing can be attached to it.`,
        params: { limetype: limetype.name, property: attachment.property },
      });
      return;
    }
    if (attachment.source !== 'fixed') {
      const expected = ATTACHMENT_SOURCE_LIMETYPES[attachment.source];
      if (property.relation.limetype !== expected) {
        errors.push({
          path: [...path, 'property'],
          code: 'attachment-wrong-limetype',
          message: `"${attachment.property}" relates to ${property.relation.limetype}, but ${attachment.source} is a ${expected}.`,
          params: {
            property: attachment.property,
            related: property.relation.limetype,
            expected,
          },
        });
      }
    }
  });
}

function validateTopicProperties(
  topic: Topic,
  limetype: LimeTypeMeta | undefined,
  check: Checker,
  topicPath: IssuePath,
  errors: Issue[],
) {
  topic.properties.forEach((entry, index) => {
    const path = [...topicPath, 'properties', index];
    const property = check.property(limetype, entry.property, [...path, 'property']);
    if (entry.value.kind === 'conversation') {
      if (!isConversationField(entry.value.field)) {
        errors.push({
          path: [...path, 'value', 'field'],
          code: 'unknown-conversation-field',
          message: `The conversation has no field "${entry.value.field}".`,
          params: { field: entry.value.field },
        });
      }
    }
    if (!property) {
      return;
    }
    if (RELATION_TYPES.includes(property.type)) {
      errors.push({
        path: [...path, 'property'],
        code: 'property-value-relation',
        message: `"${entry.property}" is a relation: configure it as an attachment instead.`,
        params: { property: entry.property },
      });
      return;
    }
    if (entry.value.kind === 'fixed') {
      checkFixedValue(property, entry.value.value, [...path, 'value', 'value'], errors);
    }
  });
}

function checkFixedValue(
  property: LimePropertyMeta,
  value: string | number | boolean,
  path: IssuePath,
  errors: Issue[],
) {
  if (property.type === 'option') {
    const options = property.options ?? [];
    if (!options.some((option) => option.key === value)) {
      errors.push({
        path,
        code: 'property-value-unknown-option',
        message: `"${String(value)}" is not an option of "${property.name}" (${options
          .map((option) => option.key)
          .join(', ')}).`,
        params: { value: String(value), property: property.name },
      });
    }
    return;
  }
  const expected = expectedValueType(property);
  if (expected && typeof value !== expected) {
    errors.push({
      path,
      code: 'property-value-wrong-type',
      message: `"${property.name}" takes a ${expected}, not "${String(value)}".`,
      params: { property: property.name, expected, value: String(value) },
    });
  }
}

function expectedValueType(property: LimePropertyMeta): 'string' | 'number' | 'boolean' | null {
  switch (property.type) {
    case 'yesno':
      return 'boolean';
    case 'integer':
    case 'decimal':
    case 'percent':
      return 'number';
    case 'string':
    case 'text':
    case 'phone':
    case 'link':
      return 'string';
    default:
      return null;
  }
}

/** Whether a property value can come from this conversation field. */
export function isConversationField(field: string): boolean {
  return (
    (CONVERSATION_FIELDS as readonly string[]).includes(field) ||
    (field.startsWith(CUSTOM_FIELD_PREFIX) && field.length > CUSTOM_FIELD_PREFIX.length) ||
    (field.startsWith(`contact.${CUSTOM_FIELD_PREFIX}`) &&
      field.length > `contact.${CUSTOM_FIELD_PREFIX}`.length)
  );
}

function validateLookupRules(
  config: ConversationsConfig,
  check: Checker,
  errors: Issue[],
  warnings: Issue[],
) {
  config.lookupRules.forEach((rule, index) => {
    const path = ['lookupRules', index];
    const limetype = check.limetype(rule.limetype, [...path, 'limetype']);
    const property = check.property(limetype, rule.property, [...path, 'property']);
    if (property && !isLookupPropertyType(property.type, rule.contactField)) {
      errors.push({
        path: [...path, 'property'],
        code: 'lookup-property-not-text',
        message: `"${rule.property}" is a ${property.type} property; a lookup needs a text or phone property.`,
        params: { property: rule.property, type: property.type },
      });
    }
    const isPhoneField = PHONE_CONTACT_FIELDS.includes(rule.contactField);
    if (isPhoneField !== (rule.match === 'phone')) {
      warnings.push({
        path: [...path, 'match'],
        code: 'lookup-match-mode',
        message: isPhoneField
          ? 'Phone numbers are written in many ways: match them as phone numbers.'
          : `Only phone numbers should be matched as phone numbers, not ${rule.contactField}.`,
        params: { contactField: rule.contactField },
      });
    }
    const lessSpecificBefore = config.lookupRules
      .slice(0, index)
      .findIndex(
        (earlier) =>
          contactFieldSpecificity(earlier.contactField) >
          contactFieldSpecificity(rule.contactField),
      );
    if (lessSpecificBefore >= 0) {
      const earlier = config.lookupRules[lessSpecificBefore];
      warnings.push({
        path: [...path, 'contactField'],
        code: 'lookup-order',
        message: `The ${earlier.contactField} rule (${lessSpecificBefore + 1}) stands before this more specific ${rule.contactField} rule: order rules from most to least specific.`,
        params: {
          earlier: earlier.contactField,
          earlierIndex: lessSpecificBefore + 1,
          later: rule.contactField,
          laterIndex: index + 1,
        },
      });
    }
  });
}

function validatePortalViews(views: PortalView[], check: Checker, errors: Issue[]) {
  const seen = new Set<string>();
  views.forEach((view, index) => {
    const path = ['portal', 'views', index];
    if (seen.has(view.limetype)) {
      errors.push({
        path: [...path, 'limetype'],
        code: 'portal-view-duplicate',
        message: `There already is a Portal view for "${view.limetype}".`,
        params: { limetype: view.limetype },
      });
    }
    seen.add(view.limetype);
    const limetype = check.limetype(view.limetype, [...path, 'limetype']);
    view.properties.forEach((name, propertyIndex) =>
      check.property(limetype, name, [...path, 'properties', propertyIndex]),
    );
    view.aggregations.forEach((aggregation, aggregationIndex) => {
      const aggregationPath = [...path, 'aggregations', aggregationIndex, 'relation'];
      const property = check.property(limetype, aggregation.relation, aggregationPath);
      if (property && (!RELATION_TYPES.includes(property.type) || !property.relation)) {
        errors.push({
          path: aggregationPath,
          code: 'aggregation-not-relation',
          message: `"${aggregation.relation}" is not a relation, so it has no related objects to list.`,
          params: { property: aggregation.relation },
        });
      }
    });
  });
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
