// The in-memory Lime CRM for the demo pages and the tests. Never part of the shipped bundle:
// only src/emulator, src/demo and tests import it.
export { createEmulator, CONFIG_KEY } from './platform';
export { createExampleEmulator } from './example-platform';
export type { ExampleEmulatorOptions } from './example-platform';
export type { Emulator, EmulatorOptions, EmulatorSnapshot } from './platform';
export { Database, FIRST_ID } from './database';
export type { CreateOptions, DatabaseChange, DatabaseDump, StoredObject } from './database';
export { EmulatorError, HttpError, TimeoutError, isHttpError } from './errors';
export { Faults } from './faults';
export type { Fault, FaultMatch } from './faults';
export { executeQuery, FULL_ACCESS } from './query';
export type { ReadAccess } from './query';
export { createRestHandler, parsePath, FULL_REST_ACCESS } from './rest';
export type { RestAccess, RestHandler, RestRequest, RestResponse } from './rest';
export {
  createLimeTypes,
  describeObject,
  HISTORY_TYPES,
  HELPDESK_STATUSES,
  DEAL_STATUSES,
} from './schema';
export { StateStore } from './state';
export { TaskQueue } from './tasks';
export type { TaskRecord, TaskStatus } from './tasks';
export { EmulatedCommandBus, COMMAND_HANDLED, COMMAND_FAILED } from './command-bus';
export { EmulatedEventDispatcher } from './event-dispatcher';
export { EmulatedDialogService } from './dialog-service';
export type { DialogRecord } from './dialog-service';
export type { NotificationRecord } from './notification-service';
export { cardUrl } from './route-service';
export type { EmulatedRouteService } from './route-service';
export { createTranslateService, interpolate, languageOf } from './translate-service';
export { CREATE_DIALOG_TAG } from './create-dialog-command';
export { seedDemoData, DEMO_IDS, DEMO_CONVERSATION_LINK_BASE } from './demo-data';
export { FIXTURE_NOTES } from './fixture-notes';
export {
  longConversation,
  longTranscriptNote,
  LONG_TRANSCRIPT_MESSAGE_COUNT,
  LONG_TRANSCRIPT_CONVERSATION_ID,
} from './long-transcript';
