// Names the loader needs on every webclient page, in a module without zod: the loader must not
// pull the configuration parser in (see src/conversations/conversation-limetype.ts).

/** The key under which `state.configs` holds this package's configuration. */
export const CONFIG_KEY = 'limepkg_conversations';

/** The limetype conversations are stored as when the configuration names none. */
export const DEFAULT_CONVERSATION_LIMETYPE = 'conversation';
