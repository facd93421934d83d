// Where conversations are stored, as the package configuration says (defaults when unset).
// zod/mini, and only the fields the connect dialog needs: the dialog's path must load little (see
// `npm run bench -- size`); the whole configuration is parsed by src/config/ (Lime Admin, sync).
import { z } from 'zod/mini';
import {
  DEFAULT_CONVERSATION_ID_PROPERTY,
  DEFAULT_CONVERSATION_LIMETYPE,
  DEFAULT_CONVERSATION_LINK_BASE,
  DEFAULT_CONVERSATION_LINK_PROPERTY,
} from '../config/keys';
import { storedConfigOf } from './conversation-limetype';

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

const DEFAULT_SETTINGS: ConversationSettings = {
  limetype: DEFAULT_CONVERSATION_LIMETYPE,
  idProperty: DEFAULT_CONVERSATION_ID_PROPERTY,
  linkProperty: DEFAULT_CONVERSATION_LINK_PROPERTY,
  linkBase: DEFAULT_CONVERSATION_LINK_BASE,
};

// The same rules as the configuration schema's for these fields: a non-empty text, else the default.
const name = (fallback: string) => z._default(z.string().check(z.minLength(1)), fallback);

const ConversationPart = z.looseObject({
  conversation: z.prefault(
    z.looseObject({
      limetype: name(DEFAULT_CONVERSATION_LIMETYPE),
      idProperty: name(DEFAULT_CONVERSATION_ID_PROPERTY),
      linkProperty: name(DEFAULT_CONVERSATION_LINK_PROPERTY),
    }),
    {},
  ),
  conversationLinkBase: name(DEFAULT_CONVERSATION_LINK_BASE),
});

/**
 * The conversation settings from the `state.configs` state. A missing or unreadable package
 * configuration (or unreadable conversation settings in it) gives the defaults: connecting must
 * keep working while an admin fixes it. Problems elsewhere in the configuration (a topic, a lookup
 * rule) do not concern connecting, so the settings are read as configured, as the loader reads
 * the limetype.
 */
export function conversationSettingsOf(configs: unknown): ConversationSettings {
  const parsed = ConversationPart.safeParse(storedConfigOf(configs) ?? {});
  if (!parsed.success) {
    return { ...DEFAULT_SETTINGS };
  }
  return {
    limetype: parsed.data.conversation.limetype,
    idProperty: parsed.data.conversation.idProperty,
    linkProperty: parsed.data.conversation.linkProperty,
    linkBase: parsed.data.conversationLinkBase,
  };
}
