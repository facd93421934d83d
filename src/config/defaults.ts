// The configuration a fresh installation starts with: the schema's defaults, nothing hand-copied.
import type { ConversationsConfig } from './config.types';
import { conversationsConfigSchema } from './schema';

/** A new copy of the default configuration each call, so that no caller can change another's. */
export function createDefaultConfig(): ConversationsConfig {
  return conversationsConfigSchema.parse({});
}

/** The default configuration (frozen copy: use `createDefaultConfig()` for one to change). */
export const defaultConfig: ConversationsConfig = deepFreeze(createDefaultConfig());

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach((child) => deepFreeze(child));
    Object.freeze(value);
  }
  return value;
}
