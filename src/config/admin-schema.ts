// The JSON Schema (draft-07) Lime Admin renders the configuration form from, derived from the zod
// schema so that the two can never disagree.
import { z } from 'zod';
import { createDefaultConfig } from './defaults';
import { conversationsConfigSchema } from './schema';

export type JsonSchemaObject = { [key: string]: unknown };

/** The configuration's JSON Schema as Lime Admin reads it (`lime-admin-config/schema.json`). */
export function buildAdminJsonSchema(): JsonSchemaObject {
  const schema = z.toJSONSchema(conversationsConfigSchema, { target: 'draft-07', io: 'input' });
  return withoutOpenAdditionalProperties(schema);
}

/** The defaults Lime Admin starts from (`lime-admin-config/defaults.json`). */
export function buildAdminDefaults(): JsonSchemaObject {
  return { ...createDefaultConfig() };
}

// Loose objects come out as `additionalProperties: {}`, which a form renders as an "add any key"
// control. Leaving the keyword out means the same in JSON Schema (anything else is allowed).
function withoutOpenAdditionalProperties(value: unknown): JsonSchemaObject {
  const copy: JsonSchemaObject = {};
  if (!isObject(value)) {
    return copy;
  }
  const titledOptions = Array.isArray(value.oneOf) && value.oneOf.every(isConstOption);
  Object.entries(value).forEach(([key, child]) => {
    if (key === 'additionalProperties' && isObject(child) && Object.keys(child).length === 0) {
      return;
    }
    // An enum with a title for each value: the `oneOf` says the same and names each value.
    if (key === 'enum' && titledOptions) {
      return;
    }
    copy[key] = cleanChild(child);
  });
  return copy;
}

function cleanChild(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(cleanChild);
  }
  return isObject(value) ? withoutOpenAdditionalProperties(value) : value;
}

function isConstOption(value: unknown): boolean {
  return isObject(value) && 'const' in value && typeof value.title === 'string';
}

function isObject(value: unknown): value is JsonSchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
