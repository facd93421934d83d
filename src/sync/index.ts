// Conversations arriving in Lime CRM: Lime Connect's send/re-send and DCI's meeting summaries,
// over the CRM port (src/crm).
export { sendConversation, webclientLink } from './send-conversation';
export { limeConnectConversationSchema } from './lime-connect-conversation';
export { matchTopic } from './topics';
export { syncDciMeeting, splitName, DCI_HISTORY_TYPE } from './sync-dci-meeting';
export { dciMeetingSchema } from './dci-meeting';
export { testDciConnection, DCI_LIMETYPES } from './test-connection';
export type {
  Attached,
  ConnectionTest,
  DciMeeting,
  DciMeetingInput,
  DciSettings,
  DciSyncResult,
  LimeConnectConversation,
  LimeConnectConversationInput,
  MediaFile,
  MediaImport,
  MediaImportOutcome,
  ParticipantOutcome,
  ParticipantReport,
  SendConversationOptions,
  SendConversationResult,
  SendFailure,
  SendOutcome,
  SendSuccess,
  Skipped,
  SkipReason,
  TaskQueue,
} from './sync.types';
