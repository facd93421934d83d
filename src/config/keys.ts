// Names and defaults the loader and the connect dialog need, in a module without zod classic: they
// must not pull the whole configuration parser in (see src/conversations/conversation-limetype.ts
// and settings.ts). The configuration schema takes its defaults from here.

/** The key under which `state.configs` holds this package's configuration. */
export const CONFIG_KEY = 'limepkg_conversations';

/** The limetype conversations are stored as when the configuration names none. */
export const DEFAULT_CONVERSATION_LIMETYPE = 'conversation';

/** The conversation limetype's properties holding the conversation ID and the Lime Connect link. */
export const DEFAULT_CONVERSATION_ID_PROPERTY = 'conversationid';
export const DEFAULT_CONVERSATION_LINK_PROPERTY = 'link';

/** Where Lime Connect's Message Center shows a conversation; the ID is appended. */
export const DEFAULT_CONVERSATION_LINK_BASE =
  'https://app.lime-connect.com/message-center/conversation/';
