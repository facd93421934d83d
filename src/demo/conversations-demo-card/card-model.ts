// What the demo card shows of an object: derived from the limetypes and the emulated objects.
import type { LimeObjectData, LimePropertyMeta, LimeTypeMeta, LimeTypes } from '../../lime';

export type ObjectsByLimetype = Record<string, LimeObjectData[]>;

export interface CardRelation {
  property: LimePropertyMeta;
  limetype: LimeTypeMeta;
  /** The property on the related limetype that points back at this object. */
  backreference: string;
  objects: LimeObjectData[];
}

export function descriptiveOf(
  object: LimeObjectData | undefined,
  limetype: LimeTypeMeta | undefined,
): string {
  if (!object) {
    return '';
  }
  if (typeof object._descriptive === 'string' && object._descriptive) {
    return object._descriptive;
  }
  const property = limetype?.descriptive;
  const value = property ? object[property] : undefined;
  if (typeof value === 'string' && value) {
    return value;
  }
  return `${limetype?.localname.singular ?? 'Object'} ${object.id}`;
}

export function findObject(
  objects: ObjectsByLimetype,
  limetype: string,
  id: number,
): LimeObjectData | undefined {
  return (objects[limetype] ?? []).find((object) => object.id === id);
}

/** The hasmany relations of a limetype, with the objects related to `id`. */
export function relationsOf(
  limetypes: LimeTypes,
  objects: ObjectsByLimetype,
  limetypeName: string,
  id: number,
): CardRelation[] {
  const limetype = limetypes[limetypeName];
  if (!limetype) {
    return [];
  }
  const relations: CardRelation[] = [];
  for (const property of Object.values(limetype.properties)) {
    const related = property.relation && limetypes[property.relation.limetype];
    const backreference = property.relation?.backreference;
    if (property.type !== 'hasmany' || !related || !backreference) {
      continue;
    }
    relations.push({
      property,
      limetype: related,
      backreference,
      objects: (objects[related.name] ?? []).filter((object) => object[backreference] === id),
    });
  }
  return relations;
}

/** A value as text for the overview: related objects by their descriptive, options by text. */
export function displayValue(
  property: LimePropertyMeta,
  value: unknown,
  limetypes: LimeTypes,
  objects: ObjectsByLimetype,
  locale: string,
): string {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  if (property.type === 'belongsto' && property.relation && typeof value === 'number') {
    const related = limetypes[property.relation.limetype];
    return descriptiveOf(findObject(objects, property.relation.limetype, value), related);
  }
  if (property.type === 'option') {
    return property.options?.find((option) => option.key === value)?.text ?? String(value);
  }
  if ((property.type === 'time' || property.type === 'date') && typeof value === 'string') {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) {
      return new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: property.type === 'time' ? 'short' : undefined,
      }).format(date);
    }
  }
  if (property.type === 'yesno') {
    return value ? '✓' : '–';
  }
  return String(value);
}

const OVERVIEW_TYPES = new Set([
  'string',
  'phone',
  'link',
  'integer',
  'decimal',
  'option',
  'time',
  'date',
  'belongsto',
  'yesno',
]);

/** The properties the card's overview lists: plain fields and single relations, in order. */
export function overviewProperties(limetype: LimeTypeMeta): LimePropertyMeta[] {
  return Object.values(limetype.properties).filter(
    (property) => OVERVIEW_TYPES.has(property.type) && property.name !== limetype.descriptive,
  );
}
