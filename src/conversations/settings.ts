// Where conversations are stored, as the package configuration says (defaults when unset).
import { z } from 'zod';
import { defaultConfig } from '../config/defaults';
import { parseConfig } from '../config/parse';
import { CONFIG_KEY } from '../config/schema';

export interface ConversationSettings {
  /** The limetype conversations are stored as, e.g. `conversation`. */
  limetype: string;
  /** The property holding the Lime Connect conversation ID, e.g. `conversationid`. */
  idProperty: string;
  /** The property holding the Lime Connect link, e.g. `link`. */
  linkProperty: string;
  /** The Lime Connect URL a conversation ID is appended to. */
  linkBase: string;
}

const ConfigsState = z.record(z.string(), z.unknown());

/**
 * The conversation settings from the `state.configs` state. A missing or unreadable package
 * configuration gives the defaults: connecting must keep working while an admin fixes it.
 */
export function conversationSettingsOf(configs: unknown): ConversationSettings {
  const state = ConfigsState.safeParse(configs);
  const parsed = parseConfig(state.success ? state.data[CONFIG_KEY] : undefined);
  const config = parsed.ok ? parsed.config : defaultConfig;
  return {
    limetype: config.conversation.limetype,
    idProperty: config.conversation.idProperty,
    linkProperty: config.conversation.linkProperty,
    linkBase: config.conversationLinkBase,
  };
}
