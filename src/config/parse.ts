// Reading a stored configuration: zod at the boundary, problems as values with a path.
import type { z } from 'zod';
import type {
  ConfigParseIssue,
  ConversationsConfig,
  Issue,
  ParseConfigResult,
} from './config.types';
import { conversationsConfigSchema } from './schema';
import { fromZodIssue, notJsonIssue } from './zod-issues';

/**
 * Parses JSON text or an already parsed value with a zod schema; problems come back as values
 * with a path, never as exceptions.
 */
export function parseJsonWith<T>(
  schema: z.ZodType<T>,
  json: unknown,
): { ok: true; value: T } | { ok: false; issues: ConfigParseIssue[] } {
  let input = json;
  if (typeof input === 'string') {
    const text = input;
    try {
      input = JSON.parse(text);
    } catch (error) {
      return { ok: false, issues: [notJsonIssue(text, error)] };
    }
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    return { ok: false, issues: result.error.issues.map(fromZodIssue) };
  }
  return { ok: true, value: result.data };
}

/**
 * Parses a stored configuration (an object, or its JSON text). Missing fields get their defaults;
 * keys this version does not know are kept, so that a save does not lose them. `undefined` and
 * `null` (nothing stored yet) give the defaults.
 */
export function parseConfig(json: unknown): ParseConfigResult {
  const parsed = parseJsonWith(conversationsConfigSchema, json ?? {});
  if (!parsed.ok) {
    return parsed;
  }
  const { config, apiKey } = withoutApiKey(parsed.value);
  const warnings: Issue[] = [];
  const keyPresent = typeof apiKey === 'string' ? apiKey.trim() !== '' : apiKey != null;
  if (keyPresent) {
    warnings.push({
      path: ['mediaImport', 'apiKey'],
      code: 'api-key-in-runtime-config',
      message:
        'A Lime Connect API key is stored in the runtime configuration, which every webclient ' +
        'user can read. Move it to the application configuration (server side); saving this ' +
        'form removes it from here.',
    });
  }
  return { ok: true, config, warnings };
}

/**
 * The configuration without `mediaImport.apiKey`, which older versions kept here. The runtime
 * configuration reaches every webclient user and the Portal, so the key is never passed on.
 */
function withoutApiKey(config: ConversationsConfig): {
  config: ConversationsConfig;
  apiKey?: unknown;
} {
  if (!Object.hasOwn(config.mediaImport, 'apiKey')) {
    return { config, apiKey: '' };
  }
  const { apiKey, ...mediaImport } = config.mediaImport;
  return { config: { ...config, mediaImport }, apiKey };
}
