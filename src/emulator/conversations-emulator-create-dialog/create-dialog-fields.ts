// Which fields the emulator's generic create dialog shows, and how typed text becomes values.
import type { LimePropertyMeta, LimeTypeMeta } from '../../lime';
import { isComputedProperty } from '../schema';

const TEXT_TYPES = ['string', 'text', 'phone', 'link'];
const NUMBER_TYPES = ['integer', 'decimal'];

/** The properties a user fills in: text, number and option fields that are not computed. */
export function editableProperties(meta: LimeTypeMeta): LimePropertyMeta[] {
  return Object.values(meta.properties).filter(
    (property) =>
      [...TEXT_TYPES, ...NUMBER_TYPES, 'option'].includes(property.type) &&
      !isComputedProperty(meta.name, property.name),
  );
}

/** The relations the command brings along (e.g. `{ helpdesk: 1001 }` from a ticket's tab). */
export function presetRelations(
  meta: LimeTypeMeta,
  preset: Record<string, unknown> | undefined,
): [LimePropertyMeta, number][] {
  return Object.entries(preset ?? {}).flatMap(([name, value]) => {
    const property = meta.properties[name];
    return property?.type === 'belongsto' && typeof value === 'number'
      ? [[property, value] as [LimePropertyMeta, number]]
      : [];
  });
}

/** The initial text of each field, from the command's `limeobject`. */
export function initialTexts(
  meta: LimeTypeMeta,
  preset: Record<string, unknown> | undefined,
): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const property of editableProperties(meta)) {
    const value = preset?.[property.name];
    texts[property.name] =
      typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
  return texts;
}

export type BodyResult =
  { ok: true; body: Record<string, unknown> } | { ok: false; property: LimePropertyMeta };

/** The POST body: the preset relations and every filled-in field; empty fields are left out. */
export function createBody(
  meta: LimeTypeMeta,
  preset: Record<string, unknown> | undefined,
  texts: Record<string, string>,
): BodyResult {
  const body: Record<string, unknown> = {};
  for (const [property, id] of presetRelations(meta, preset)) {
    body[property.name] = id;
  }
  for (const property of editableProperties(meta)) {
    const text = (texts[property.name] ?? '').trim();
    if (text === '') {
      continue;
    }
    if (NUMBER_TYPES.includes(property.type)) {
      const value = Number(text.replace(',', '.').replace(/\s/g, ''));
      if (!Number.isFinite(value) || (property.type === 'integer' && !Number.isInteger(value))) {
        return { ok: false, property };
      }
      body[property.name] = value;
    } else {
      body[property.name] = property.type === 'text' ? texts[property.name] : text;
    }
  }
  return { ok: true, body };
}
