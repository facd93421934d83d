// The conversation limetype, read for the loader: it runs on every webclient page, so it reads
// this one name from `state.configs` without the configuration parser (and zod). The connect
// dialog reads its few settings when it opens (settings.ts).
import { CONFIG_KEY, DEFAULT_CONVERSATION_LIMETYPE } from '../config/keys';

/**
 * `conversation.limetype` of the package configuration in the `state.configs` state, as the
 * parser would take it (a non-empty string); the default for anything else.
 */
export function conversationLimetypeOf(configs: unknown): string {
  const limetype = fieldOf(fieldOf(storedConfigOf(configs), 'conversation'), 'limetype');
  return typeof limetype === 'string' && limetype.length > 0
    ? limetype
    : DEFAULT_CONVERSATION_LIMETYPE;
}

/**
 * This package's configuration in the `state.configs` state, read from JSON text when stored as
 * text (as `parseConfig` also reads it); `undefined` when there is none or it is not JSON.
 */
export function storedConfigOf(configs: unknown): unknown {
  const stored = fieldOf(configs, CONFIG_KEY);
  return typeof stored === 'string' ? jsonOf(stored) : stored;
}

function fieldOf(value: unknown, key: string): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return undefined;
  }
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
