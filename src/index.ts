// The package's public surface, served from `dist/` to node and the browser: pure functions and
// the types they take and give. Named one by one, so that nothing internal becomes public by accident.

// History notes (src/notes): read any note Lime CRM holds; write the two formats we own.
export { parseHistoryNote, formatTranscriptNote, formatDciSummaryNote } from './notes';
export type {
  HistoryNote,
  HistoryNoteKind,
  DciSummaryNote,
  ChatTranscriptNote,
  PlainNote,
  DciSummary,
  DciParticipant,
  DciLinks,
  TranscriptConversation,
  TranscriptMessage,
} from './notes/notes.types';

// Configuration (src/config): parse what Lime Admin stored, check it against the limetypes,
// carry over a limepkg-userlike configuration.
export {
  parseConfig,
  validateConfig,
  importUserlikeConfig,
  createDefaultConfig,
  conversationsConfigSchema,
  CONFIG_KEY,
} from './config';
export type {
  ConversationsConfig,
  ConversationsConfigInput,
  ParseConfigResult,
  ValidationResult,
  Issue,
  ImportUserlikeResult,
  Topic,
  TopicAttachment,
  LookupRule,
  PortalView,
  PortalAggregation,
} from './config/config.types';

// Contact lookup (src/lookup): the rule sequence the Portal, Test lookup and DCI matching share.
export { runLookupSequence, normalizePhone, normalizeEmail } from './lookup';
export type {
  ExecuteQuery,
  LookupContact,
  LookupOptions,
  LookupResult,
  LookupFound,
  LookupNotFound,
  LookupAttempt,
} from './lookup/lookup.types';

// Lime Connect add-on protocol (src/lime-connect): what the Message Center sends and accepts.
export { parseAddonEvent, parseAddonAction } from './lime-connect';
export type { ParseEventResult, ParseActionResult } from './lime-connect/lime-connect.types';

// Conversation IDs and connecting one to a limeobject (src/conversations).
export { parseConversationId, connectConversation } from './conversations';
export type {
  ConversationIdResult,
  ConnectOutcome,
  ConversationPorts,
  ConnectRequest,
} from './conversations/conversations.types';

// The CRM port, its failures and its fetch transport (src/crm).
export { createFetchCrmPort, crmFailureMessage } from './crm';
export type { CrmPort, CrmFailure, CrmResult, CrmAuth, FetchCrmPortOptions } from './crm/crm.types';

// Sending Lime Connect conversations and syncing DCI meetings (src/sync), over a CRM port.
export { sendConversation, syncDciMeeting, testDciConnection } from './sync';
export type {
  SendConversationOptions,
  SendConversationResult,
  LimeConnectConversationInput,
  DciMeetingInput,
  DciSyncResult,
  ConnectionTest,
} from './sync/sync.types';
