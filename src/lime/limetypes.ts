// The one place where the platform's limetypes (lime-web-components 2.1.0's `Limetype`, whose
// relations are `getLimetype()` / `getBackreference()` functions) become our plain `LimeTypes`.
// Every consumer (config validation, pickers, connect, the Portal) reads the converted shape.
// No zod here: the loader imports src/lime, and functions are checked by hand anyway.
import { subscribe } from './subscribe';
import { LimeTypeRepository } from './services';
import type {
  Acl,
  LimePlatform,
  LimePropertyMeta,
  LimeTypeMeta,
  LimeTypes,
  PlatformLimetypes,
  PropertyType,
  StateOptions,
} from './types';

const PROPERTY_TYPES: readonly PropertyType[] = [
  'string',
  'text',
  'phone',
  'integer',
  'decimal',
  'percent',
  'time',
  'date',
  'year',
  'quarter',
  'month',
  'yesno',
  'link',
  'user',
  'xml',
  'option',
  'set',
  'file',
  'hasone',
  'hasmany',
  'belongsto',
  'hasandbelongstomany',
];
const RELATION_TYPES: readonly PropertyType[] = [
  'hasone',
  'hasmany',
  'belongsto',
  'hasandbelongstomany',
];

/**
 * Lime's own bookkeeping columns (`id`, `createdtime`, `timestamp`, `createduser`, …), which every
 * limetype of a standard database has and newer webclients send with type `system` (not in
 * 2.1.0's `PropertyType`). Nothing of ours is configured on them: they are left out without a
 * problem, or a real Lime would fill the problem list with six of them a limetype.
 */
const SYSTEM_TYPE = 'system';

export interface LimetypesConversion {
  limetypes: LimeTypes;
  /** What could not be read, for people: `"company.person": its related limetype …`. */
  problems: string[];
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * Our plain limetypes from the platform's `state.limetypes`. Bad metadata never throws: a
 * limetype or property that cannot be read is left out, a relation whose `getLimetype()` throws
 * or names nothing keeps its property without a relation, and each such case is in `problems`.
 */
export function limetypesFromPlatform(
  state: PlatformLimetypes | null | undefined,
): LimetypesConversion {
  if (!isObject(state)) {
    return convert(state);
  }
  // Every component of ours subscribes to the same state: convert each state object once. The
  // webclient replaces the state object when limetypes change, so identity is freshness.
  let conversion = conversions.get(state);
  if (!conversion) {
    conversion = convert(state);
    conversions.set(state, conversion);
  }
  return conversion;
}

const conversions = new WeakMap<object, LimetypesConversion>();

function convert(state: PlatformLimetypes | null | undefined): LimetypesConversion {
  const limetypes: LimeTypes = {};
  const problems: string[] = [];
  if (!isObject(state)) {
    if (state !== null && state !== undefined) {
      problems.push('The limetypes state is not an object of limetypes.');
    }
    return { limetypes, problems };
  }
  for (const [key, candidate] of Object.entries(state as Loose)) {
    const limetype = limetypeFromPlatform(key, candidate, problems);
    if (limetype) {
      limetypes[limetype.name] = limetype;
    }
  }
  return { limetypes, problems };
}

function limetypeFromPlatform(
  key: string,
  candidate: unknown,
  problems: string[],
): LimeTypeMeta | undefined {
  if (!isObject(candidate)) {
    problems.push(`The limetype "${key}" is not described.`);
    return undefined;
  }
  const name = text(candidate.name) ?? key;
  const localname = isObject(candidate.localname) ? candidate.localname : {};
  // Lime's `label` is an internal code (`history`); people read the local name.
  const label = text(localname.singular) ?? text(candidate.label) ?? name;
  const properties: Record<string, LimePropertyMeta> = {};
  const given = isObject(candidate.properties) ? candidate.properties : {};
  if (!isObject(candidate.properties)) {
    problems.push(`The limetype "${name}" lists no properties.`);
  }
  for (const [propertyKey, property] of Object.entries(given)) {
    const converted = propertyFromPlatform(name, propertyKey, property, problems);
    if (converted) {
      properties[converted.name] = converted;
    }
  }
  const limetype: LimeTypeMeta = {
    name,
    label,
    localname: {
      singular: text(localname.singular) ?? label,
      plural: text(localname.plural) ?? text(localname.singular) ?? label,
    },
    properties,
  };
  // `icon` and `descriptive` are not in 2.1.0's `Limetype` (it allows any extra key); newer
  // webclients send the icon as a name or as `{ name }`.
  const icon = text(candidate.icon) ?? (isObject(candidate.icon) ? text(candidate.icon.name) : '');
  if (icon) {
    limetype.icon = icon;
  }
  const descriptive = text(candidate.descriptive);
  if (descriptive) {
    limetype.descriptive = descriptive;
  }
  const acl = aclFromPlatform(candidate.acl);
  if (acl) {
    limetype.acl = acl;
  }
  return limetype;
}

function propertyFromPlatform(
  limetype: string,
  key: string,
  candidate: unknown,
  problems: string[],
): LimePropertyMeta | undefined {
  const where = `${limetype}.${key}`;
  if (!isObject(candidate)) {
    problems.push(`"${where}" is not described.`);
    return undefined;
  }
  const type = candidate.type;
  if (type === SYSTEM_TYPE) {
    return undefined;
  }
  if (typeof type !== 'string' || !(PROPERTY_TYPES as readonly string[]).includes(type)) {
    problems.push(
      typeof type === 'string'
        ? `"${where}" has the unknown type "${type}"; it is left out.`
        : `"${where}" has no type; it is left out.`,
    );
    return undefined;
  }
  const name = text(candidate.name) ?? key;
  // Lime's `label` is an internal code (`startdate` for history.date); people read `localname`.
  const label = text(candidate.localname) ?? text(candidate.label) ?? name;
  const property: LimePropertyMeta = { name, label, type: type as PropertyType };
  const localname = text(candidate.localname);
  if (localname) {
    property.localname = localname;
  }
  if (candidate.required === true) {
    property.required = true;
  }
  if (Array.isArray(candidate.options)) {
    property.options = candidate.options.flatMap((option) =>
      isObject(option) && typeof option.key === 'string'
        ? [
            {
              key: option.key,
              text: typeof option.text === 'string' ? option.text : option.key,
              ...(option.inactive === true ? { inactive: true } : {}),
            },
          ]
        : [],
    );
  }
  if (RELATION_TYPES.includes(property.type)) {
    const relation = relationFromPlatform(where, candidate.relation, problems);
    if (relation) {
      property.relation = relation;
    }
  }
  return property;
}

/** `{ limetype, backreference }` from `{ getLimetype(), getBackreference() }`, never throwing. */
function relationFromPlatform(
  where: string,
  relation: unknown,
  problems: string[],
): LimePropertyMeta['relation'] {
  if (!isObject(relation) || typeof relation.getLimetype !== 'function') {
    problems.push(`"${where}" is a relation without a related limetype.`);
    return undefined;
  }
  const target = nameFrom(() => (relation.getLimetype as () => unknown)());
  if (!target.ok) {
    problems.push(`"${where}": its related limetype cannot be read (${target.reason}).`);
    return undefined;
  }
  const converted: NonNullable<LimePropertyMeta['relation']> = { limetype: target.name };
  if (typeof relation.getBackreference === 'function') {
    const backreference = nameFrom(() => (relation.getBackreference as () => unknown)());
    if (backreference.ok) {
      converted.backreference = backreference.name;
    } else {
      problems.push(`"${where}": its back reference cannot be read (${backreference.reason}).`);
    }
  }
  return converted;
}

function nameFrom(read: () => unknown): { ok: true; name: string } | { ok: false; reason: string } {
  try {
    const value = read();
    const name = isObject(value) ? text(value.name) : undefined;
    return name ? { ok: true, name } : { ok: false, reason: 'it names nothing' };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function aclFromPlatform(acl: unknown): Acl | undefined {
  if (!isObject(acl)) {
    return undefined;
  }
  return {
    read: acl.read === true,
    create: acl.create === true,
    update: acl.update === true,
    delete: acl.delete === true,
  };
}

/**
 * Subscribes to `state.limetypes`, handing the callback our plain limetypes (and what could not be
 * read). Components read limetypes through this, never through the raw state.
 */
export function subscribeLimetypes(
  platform: LimePlatform | undefined | null,
  callback: (limetypes: LimeTypes, problems: string[]) => void,
  options?: StateOptions,
): () => void {
  return subscribe<PlatformLimetypes>(
    platform,
    LimeTypeRepository,
    (state) => {
      const { limetypes, problems } = limetypesFromPlatform(state);
      callback(limetypes, problems);
    },
    options,
  );
}
