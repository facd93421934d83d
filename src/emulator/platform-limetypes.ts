// The emulator's limetypes as the platform publishes them: lime-web-components 2.1.0's `Limetype`,
// relations as `getLimetype()` / `getBackreference()` functions, typed by the interfaces package so
// that `tsc` fails when we drift from it.
import type {
  Acl,
  LimePropertyMeta,
  LimeTypeMeta,
  LimeTypes,
  PlatformLimetype,
  PlatformLimetypes,
  PlatformProperty,
} from '../lime';

const FULL_ACL: Acl = { read: true, create: true, update: true, delete: true };

/** `state.limetypes` of the emulated platform, made from the emulator's own schema. */
export function toPlatformLimetypes(limetypes: LimeTypes): PlatformLimetypes {
  const published: PlatformLimetypes = {};
  for (const meta of Object.values(limetypes)) {
    published[meta.name] = platformLimetype(meta, published);
  }
  return published;
}

function platformLimetype(meta: LimeTypeMeta, all: PlatformLimetypes): PlatformLimetype {
  const acl = meta.acl ?? FULL_ACL;
  const properties: Record<string, PlatformProperty> = {};
  Object.values(meta.properties).forEach((property, index) => {
    properties[property.name] = platformProperty(property, index, acl, all);
  });
  return {
    name: meta.name,
    label: meta.label,
    acl: { ...acl },
    localname: { ...meta.localname },
    properties,
    // Not in 2.1.0's `Limetype`, which allows extra keys: what the webclient also sends.
    icon: meta.icon,
    descriptive: meta.descriptive,
  };
}

function platformProperty(
  meta: LimePropertyMeta,
  fieldorder: number,
  acl: Acl,
  all: PlatformLimetypes,
): PlatformProperty {
  const property: PlatformProperty = {
    acl: { ...acl },
    defaultvalue: null,
    fieldorder,
    label: meta.label,
    localname: meta.localname ?? meta.label,
    name: meta.name,
    required: meta.required ?? false,
    type: meta.type,
  };
  if (meta.options) {
    property.options = meta.options.map((option, order) => ({
      key: option.key,
      text: option.text,
      inactive: option.inactive ?? false,
      order,
    }));
  }
  const relation = meta.relation;
  if (relation) {
    // Looked up when called, as the webclient's are: the related limetype is another entry of
    // the same state.
    property.relation = {
      getLimetype: () => all[relation.limetype],
      getBackreference: () => all[relation.limetype]?.properties[relation.backreference ?? ''],
    };
  }
  return property;
}
