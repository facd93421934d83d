// Conversations arriving in Lime CRM: Lime Connect's send/re-send and DCI's meeting summaries,
// over the CRM port (src/crm).
export { sendConversation, webclientLink } from './send-conversation';
export type {
  Attached,
  SendConversationOptions,
  SendFailure,
  SendOutcome,
  SendConversationResult,
  SendSuccess,
  Skipped,
  SkipReason,
} from './send-conversation';
export { limeConnectConversationSchema } from './lime-connect-conversation';
export type {
  LimeConnectConversation,
  LimeConnectConversationInput,
  MediaFile,
} from './lime-connect-conversation';
export type { MediaImport, MediaImportOutcome, TaskQueue } from './media-import';
export { matchTopic } from './topics';
export { syncDciMeeting, splitName, DCI_HISTORY_TYPE } from './sync-dci-meeting';
export type { DciSyncResult, ParticipantOutcome, ParticipantReport } from './sync-dci-meeting';
export { dciMeetingSchema } from './dci-meeting';
export type { DciMeeting, DciMeetingInput, DciSettings } from './dci-meeting';
export { testDciConnection, DCI_LIMETYPES } from './test-connection';
export type { ConnectionTest } from './test-connection';
