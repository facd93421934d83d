// Semantic validation of a parsed configuration against the limetypes of the CRM: what a schema
// cannot know. Errors block saving; warnings are advice the admin may overrule.
import { isSupportedCountry } from 'libphonenumber-js/min';
import type { LimePropertyMeta, LimeTypeMeta, LimeTypes } from '../lime/types';
import type {
  AttachmentSource,
  ContactField,
  ConversationsConfig,
  Issue,
  IssuePath,
  PortalView,
  Topic,
  ValidationResult,
} from './config.types';
import { CONVERSATION_FIELDS, CUSTOM_FIELD_PREFIX } from './schema';

/** Which limetype an attachment source fills a relation with (`fixed`: any). */
export const ATTACHMENT_SOURCE_LIMETYPES: Record<Exclude<AttachmentSource, 'fixed'>, string> = {
  'identified-person': 'person',
  'identified-company': 'company',
  operator: 'coworker',
};

/** The property types each field of the conversation limetype section needs. */
export const CONVERSATION_PROPERTY_TYPES = {
  idProperty: ['integer'],
  linkProperty: ['link', 'string'],
  contactIdProperty: ['string', 'text'],
  topicProperty: ['string', 'text'],
  startedProperty: ['time', 'date'],
} as const satisfies Record<string, readonly string[]>;
export type ConversationPropertyKey = keyof typeof CONVERSATION_PROPERTY_TYPES;

/** What an admin reads for a limetype: its singular local name. */
export function limetypeLabel(limetypes: LimeTypes, name: string): string {
  const meta = limetypes[name];
  return meta?.localname?.singular || meta?.label || name;
}

/** What an admin reads for a property: its label. */
export function propertyLabel(limetypes: LimeTypes, limetype: string, name: string): string {
  const meta = limetypes[limetype]?.properties[name];
  return meta?.localname || meta?.label || name;
}

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

  validateConversation(config, check, errors);
  validateGeneral(config, errors);
  validateTopics(config, check, errors, warnings);
  validateLookupRules(config, check, errors, warnings);
  validatePortalViews(config.portal.views, check, errors);

  return { errors, warnings };
}

/** Finds limetypes and properties, reporting the ones that are missing. */
class Checker {
  constructor(
    public readonly limetypes: LimeTypes,
    private readonly errors: Issue[],
  ) {}

  /** The local name of a limetype, for messages. */
  limetypeLabel(name: string): string {
    return limetypeLabel(this.limetypes, name);
  }

  /** The label of a property, for messages. */
  propertyLabel(limetype: string, name: string): string {
    return propertyLabel(this.limetypes, limetype, name);
  }

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
        params: { limetype: this.limetypeLabel(limetype.name), property: name },
      });
    }
    return property;
  }
}

function validateConversation(config: ConversationsConfig, check: Checker, errors: Issue[]) {
  const base = ['conversation'];
  const limetype = check.limetype(config.conversation.limetype, [...base, 'limetype']);
  const propertyKeys = Object.keys(CONVERSATION_PROPERTY_TYPES) as ConversationPropertyKey[];
  propertyKeys.forEach((key) => {
    const property = check.property(limetype, config.conversation[key], [...base, key]);
    const wanted: readonly string[] = CONVERSATION_PROPERTY_TYPES[key];
    if (property && limetype && !wanted.includes(property.type)) {
      errors.push({
        path: [...base, key],
        code: 'conversation-property-wrong-type',
        message: `"${property.name}" is a ${property.type} property; this needs a ${wanted.join(' or ')} property.`,
        params: {
          property: check.propertyLabel(limetype.name, property.name),
          type: property.type,
          expected: wanted[0],
        },
      });
    }
  });
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
        params: {
          property: limetype
            ? check.propertyLabel(limetype.name, attachment.property)
            : attachment.property,
        },
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
        params: {
          limetype: check.limetypeLabel(limetype.name),
          property: check.propertyLabel(limetype.name, attachment.property),
        },
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
            property: check.propertyLabel(limetype.name, attachment.property),
            related: check.limetypeLabel(property.relation.limetype),
            expected: check.limetypeLabel(expected),
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
        params: { property: property.label || entry.property },
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
        params: { value: String(value), property: property.label || property.name },
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
      params: { property: property.label || property.name, expected, value: String(value) },
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
        params: { property: property.label || rule.property, type: property.type },
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
        params: { limetype: check.limetypeLabel(view.limetype) },
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
          params: { property: property.label || aggregation.relation },
        });
      }
      if (aggregation.filter && property?.relation) {
        validateFilterKeys(
          aggregation.filter,
          property.relation.limetype,
          check,
          [...path, 'aggregations', aggregationIndex, 'filter'],
          errors,
        );
      }
    });
  });
}

// A filter an admin typed: walked without recursion and up to a bound, whatever its size.
const MAX_FILTER_NODES = 500;

/**
 * Every `key` of a Portal filter must name a property of the related limetype, or a path through
 * its relations (`company.name`); Lime's own keys (`_id`, `_timestamp`, …) are taken as they are.
 */
function validateFilterKeys(
  filter: unknown,
  limetype: string,
  check: Checker,
  path: IssuePath,
  errors: Issue[],
) {
  // A queue read from the front, so that keys are reported in the order they are written.
  const pending: unknown[] = [filter];
  const reported = new Set<string>();
  for (let next = 0; next < pending.length && next < MAX_FILTER_NODES; next++) {
    const node = pending[next];
    if (Array.isArray(node)) {
      pending.push(...node.slice(0, MAX_FILTER_NODES));
      continue;
    }
    if (!node || typeof node !== 'object') {
      continue;
    }
    const { key, op, exp } = node as { key?: unknown; op?: unknown; exp?: unknown };
    if (op === 'AND' || op === 'OR' || op === '!') {
      pending.push(exp);
      continue;
    }
    if (typeof key !== 'string' || reported.has(key)) {
      continue;
    }
    const problem = filterKeyProblem(key, limetype, check.limetypes);
    if (problem) {
      reported.add(key);
      errors.push({
        path,
        code: problem.code,
        message:
          problem.code === 'filter-unknown-key'
            ? `The filter names "${key}", which ${problem.limetype} does not have.`
            : `The filter goes through "${problem.segment}", which is not a relation.`,
        params: {
          key,
          limetype: check.limetypeLabel(problem.limetype),
          property: problem.segment,
        },
      });
    }
  }
}

function filterKeyProblem(
  key: string,
  limetype: string,
  limetypes: LimeTypes,
): {
  code: 'filter-unknown-key' | 'filter-not-relation';
  limetype: string;
  segment: string;
} | null {
  const segments = key.split('.');
  let current = limetype;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    if (segment.startsWith('_')) {
      return null;
    }
    const property = limetypes[current]?.properties[segment];
    if (!property) {
      return { code: 'filter-unknown-key', limetype: current, segment };
    }
    if (index < segments.length - 1) {
      if (!property.relation) {
        return { code: 'filter-not-relation', limetype: current, segment };
      }
      current = property.relation.limetype;
    }
  }
  return null;
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
