// The conversation limetype, read for the loader: it runs on every webclient page, so it reads
// this one name from `state.configs` without the configuration parser (and zod). The connect
// dialog parses the whole configuration when it opens.
import { CONFIG_KEY, DEFAULT_CONVERSATION_LIMETYPE } from '../config/keys';

/**
 * `conversation.limetype` of the package configuration in the `state.configs` state, as the
 * parser would take it (a non-empty string); the default for anything else.
 */
export function conversationLimetypeOf(configs: unknown): string {
  const stored = fieldOf(configs, CONFIG_KEY);
  const config = typeof stored === 'string' ? jsonOf(stored) : stored;
  const limetype = fieldOf(fieldOf(config, 'conversation'), 'limetype');
  return typeof limetype === 'string' && limetype.length > 0
    ? limetype
    : DEFAULT_CONVERSATION_LIMETYPE;
}

function fieldOf(value: unknown, key: string): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return undefined;
  }
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** A configuration stored as JSON text, as the parser also reads it. */
function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
