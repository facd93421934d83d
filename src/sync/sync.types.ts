// The public types of src/sync: sending a Lime Connect conversation, syncing a DCI meeting, and
// DCI's connection test. The input types are those of the zod schemas (imported as types only).
import type { z } from 'zod';
import type { Topic } from '../config/config.types';
import type { CrmFailure } from '../crm/crm.types';
import type { LimeTypes } from '../lime/types';
import type { dciMeetingSchema } from './dci-meeting';
import type { limeConnectConversationSchema, mediaFileSchema } from './lime-connect-conversation';

export interface ObjectRef {
  limetype: string;
  id: number;
}

/** A conversation as the caller may write it (ids as strings or numbers, nulls for unknowns). */
export type LimeConnectConversationInput = z.input<typeof limeConnectConversationSchema>;

/** A conversation after parsing: trimmed, nulls gone, the id a number. */
export type LimeConnectConversation = z.infer<typeof limeConnectConversationSchema>;

export type MediaFile = z.infer<typeof mediaFileSchema>;

/** The Task handler: runs work after the request that queued it has answered. */
export interface TaskQueue {
  enqueue(name: string, run: () => Promise<unknown>): unknown;
}

export type MediaImportOutcome =
  | { file: MediaFile; ok: true; document: ObjectRef }
  | { file: MediaFile; ok: false; error: CrmFailure };

export type MediaImport =
  /** The conversation has no media files. */
  | { state: 'none' }
  /** There are media files, but they are not imported, and why. */
  | {
      state: 'not-imported';
      reason: 'feature-disabled' | 'topic-disabled' | 'no-api-key' | 'no-task-queue';
      files: MediaFile[];
    }
  /** One import task per file is queued; `done` settles (never rejects) when all have run. */
  | { state: 'queued'; files: MediaFile[]; done: Promise<MediaImportOutcome[]> };

export interface SendConversationOptions {
  /** The Task handler media imports run in; without it, media files are not imported. */
  tasks?: TaskQueue;
  /** The link to an object in the Lime CRM webclient; by default from `portal.webclientUrl`. */
  objectLink?: (object: ObjectRef) => string;
  /** Limetype metadata: which limetype a relation points at (else the property's name is taken). */
  limetypes?: LimeTypes;
  /** The clock, for the note's date. */
  now?: () => Date;
  /**
   * The Lime Connect API key media import needs, from the application configuration (server
   * side). Never from the runtime configuration: every webclient user can read that.
   */
  mediaImportApiKey?: string;
}

export type AttachmentSourceName = Topic['attachments'][number]['source'];

/** A relation filled on the object (or on the note). */
export interface Attached {
  property: string;
  source: AttachmentSourceName;
  object: ObjectRef;
}

/** Why an object was not attached. */
export type SkipReason = 'forbidden' | 'not-identified' | 'not-found' | 'crm-error';

export interface Skipped {
  property: string;
  source: AttachmentSourceName;
  reason: SkipReason;
  /** The object that was meant, when one was known. */
  object?: ObjectRef;
}

export type SendOutcome =
  /** First send: the object, the conversation object and the note were created. */
  | 'created'
  /** First send of a conversation connected earlier from the relation tab: the note went to that object. */
  | 'sent-to-connected'
  /** Sent again: a note was added (or replaced) on the existing object. */
  | 'resent';

export interface SendSuccess {
  ok: true;
  outcome: SendOutcome;
  /** The link Lime Connect shows in its timeline: opens the object in Lime CRM. */
  link: string;
  object: ObjectRef;
  conversationObject: ObjectRef;
  note: { id: number; replaced: boolean };
  /** Relations filled with the identified person, company, operator or fixed objects. */
  attached: Attached[];
  /** What was not attached, and why (no access, nobody identified, …). */
  skipped: Skipped[];
  /** Whom the lookup rules found, for the operator to see. */
  identified: { person?: ObjectRef; company?: ObjectRef; coworker?: ObjectRef; ambiguous: boolean };
  media: MediaImport;
}

export type SendStep =
  | 'find-conversation'
  | 'read-object'
  | 'create-object'
  | 'create-conversation'
  | 'link-conversation'
  | 'write-note';

export type SendFailure =
  | { ok: false; reason: 'invalid-conversation'; issues: string[] }
  | { ok: false; reason: 'no-topic'; configuredTopics: string[] }
  | { ok: false; reason: 'unknown-topic'; topics: string[]; configuredTopics: string[] }
  /** The API user may not update the object the conversation belongs to. */
  | { ok: false; reason: 'forbidden'; object: ObjectRef }
  /** The CRM failed at a step; `object` is set when the object exists and a re-send will complete it. */
  | { ok: false; reason: 'crm-error'; step: SendStep; error: CrmFailure; object?: ObjectRef };

export type SendConversationResult = SendSuccess | SendFailure;

export type DciMeetingInput = z.input<typeof dciMeetingSchema>;

export type DciMeeting = z.infer<typeof dciMeetingSchema>;

export interface DciSettings {
  /** "Create Contact in CRM": create the company and person when no person matches. */
  createContacts: boolean;
  /** For phone numbers written without a country code; `SE` when not given. */
  defaultCountry?: string;
}

export type ParticipantOutcome =
  | 'note-created'
  | 'note-updated'
  /** The note was already there, word for word. */
  | 'note-unchanged'
  /** No person matched and creating contacts is off: nothing sent for this participant. */
  | 'no-match'
  /** A person matched, but the API user may not read them. */
  | 'forbidden'
  /** An internal participant: no note. */
  | 'internal'
  | 'failed';

export interface ParticipantReport {
  name: string;
  outcome: ParticipantOutcome;
  person?: ObjectRef & { created: boolean };
  company?: ObjectRef & { created: boolean };
  /** Why the note is not on a company, when it is not. */
  companySkipped?: 'no-company' | 'forbidden';
  /** Which matching rule found the person: `email`, `mobilephone` or `phone`. */
  matchedBy?: string;
  note?: ObjectRef;
  error?: CrmFailure;
}

export type DciSyncResult =
  | { ok: true; participants: ParticipantReport[] }
  | { ok: false; reason: 'invalid-meeting'; issues: string[] };

export type ConnectionTest =
  | { ok: true }
  /** Nothing answered at that URL (wrong host, offline, firewall, or no answer in time). */
  | { ok: false; reason: 'unreachable'; message: string }
  /** The server rejected the API key (401). */
  | { ok: false; reason: 'unauthorized'; message: string }
  /** The key works, but may not read these limetypes (403). */
  | { ok: false; reason: 'missing-permission'; limetypes: string[] }
  /** Something answered, but not a Lime CRM API: probably not the base URL. */
  | { ok: false; reason: 'not-lime-api'; message: string }
  /** The Lime CRM server failed (5xx). */
  | { ok: false; reason: 'server-error'; message: string };
