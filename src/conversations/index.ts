// Conversation-ID parsing and the rules for connecting a conversation to a limeobject.
export * from './conversation-id';
export * from './parent-relation';
export * from './connect';
export * from './conversation-ports';
export * from './settings';
export type {
  Connect,
  ConnectOutcome,
  ConnectRequest,
  ConversationIdProblem,
  ConversationIdResult,
  ConversationPorts,
  NamedObject,
  NewConversation,
  ObjectRef,
  StoredConversation,
} from './conversations.types';
