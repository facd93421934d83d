// Which limetypes and properties fit which configuration field: the pickers in Lime Admin offer
// these, so that an admin chooses from what exists instead of typing names.
import type { LimePropertyMeta, LimeTypeMeta, LimeTypes } from '../lime/types';
import {
  ATTACHMENT_SOURCE_LIMETYPES,
  CONVERSATION_PROPERTY_TYPES,
  isLookupPropertyType,
  type ConversationPropertyKey,
} from './validate';
import type { AttachmentSource } from './config.types';

export interface NamedOption {
  /** The limetype's or property's name, what the config stores. */
  value: string;
  /** What the admin reads: the label, and the name when it differs. */
  text: string;
}

const RELATION_TYPES = ['belongsto', 'hasone', 'hasmany', 'hasandbelongstomany'];
const SINGLE_RELATION_TYPES = ['belongsto', 'hasone'];

function optionOf(meta: { name: string; label?: string }): NamedOption {
  const label = meta.label?.trim();
  return {
    value: meta.name,
    text: label && label !== meta.name ? `${label} (${meta.name})` : meta.name,
  };
}

function byText(a: NamedOption, b: NamedOption): number {
  return a.text.localeCompare(b.text);
}

export function limetypeOptions(limetypes: LimeTypes): NamedOption[] {
  return Object.values(limetypes).map(optionOf).sort(byText);
}

function propertiesOf(limetype: LimeTypeMeta | undefined): LimePropertyMeta[] {
  return limetype ? Object.values(limetype.properties) : [];
}

function options(
  limetypes: LimeTypes,
  limetype: string,
  fits: (property: LimePropertyMeta) => boolean,
): NamedOption[] {
  return propertiesOf(limetypes[limetype]).filter(fits).map(optionOf).sort(byText);
}

/** Every property of a limetype (Portal overview fields). */
export function propertyOptions(limetypes: LimeTypes, limetype: string): NamedOption[] {
  return options(limetypes, limetype, () => true);
}

/** Text, string and phone properties (and links, for an email): what a lookup rule can compare. */
export function lookupPropertyOptions(
  limetypes: LimeTypes,
  limetype: string,
  contactField?: string,
): NamedOption[] {
  return options(limetypes, limetype, (property) =>
    isLookupPropertyType(property.type, contactField),
  );
}

/** Properties a value can be written to: anything but relations and files. */
export function valuePropertyOptions(limetypes: LimeTypes, limetype: string): NamedOption[] {
  return options(
    limetypes,
    limetype,
    (property) => !RELATION_TYPES.includes(property.type) && property.type !== 'file',
  );
}

/** Properties of the conversation limetype of the type a field of that section needs. */
export function conversationPropertyOptions(
  limetypes: LimeTypes,
  limetype: string,
  key: ConversationPropertyKey,
): NamedOption[] {
  const wanted: readonly string[] = CONVERSATION_PROPERTY_TYPES[key];
  return options(limetypes, limetype, (property) => wanted.includes(property.type));
}

/** Text properties a title can go to. */
export function titlePropertyOptions(limetypes: LimeTypes, limetype: string): NamedOption[] {
  return options(limetypes, limetype, (property) => ['string', 'text'].includes(property.type));
}

/**
 * Relations to one object an attachment can fill; for a source other than `fixed` only those to
 * the limetype that source gives (a person relation for the identified person, …).
 */
export function attachmentPropertyOptions(
  limetypes: LimeTypes,
  limetype: string,
  source: AttachmentSource,
): NamedOption[] {
  const wanted = source === 'fixed' ? undefined : ATTACHMENT_SOURCE_LIMETYPES[source];
  return options(
    limetypes,
    limetype,
    (property) =>
      SINGLE_RELATION_TYPES.includes(property.type) &&
      !!property.relation &&
      (!wanted || property.relation.limetype === wanted),
  );
}

/** Relations listing related objects: what a Portal aggregation section can show. */
export function aggregationRelationOptions(limetypes: LimeTypes, limetype: string): NamedOption[] {
  return options(
    limetypes,
    limetype,
    (property) => RELATION_TYPES.includes(property.type) && !!property.relation,
  );
}

/** The limetype a relation property leads to, if it is one. */
export function relatedLimetype(
  limetypes: LimeTypes,
  limetype: string,
  property: string,
): string | undefined {
  return limetypes[limetype]?.properties[property]?.relation?.limetype;
}

/** The option keys of `history.type`, when the CRM has them. */
export function historyTypeOptions(limetypes: LimeTypes): NamedOption[] {
  return (limetypes.history?.properties.type?.options ?? [])
    .filter((option) => !option.inactive)
    .map((option) => ({
      value: option.key,
      text:
        option.text && option.text !== option.key ? `${option.text} (${option.key})` : option.key,
    }));
}

/** A property's metadata, if it exists. */
export function propertyMeta(
  limetypes: LimeTypes,
  limetype: string,
  property: string,
): LimePropertyMeta | undefined {
  return limetypes[limetype]?.properties[property];
}
