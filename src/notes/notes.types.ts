// The three kinds of history note. The transcript's types are those of its schemas in
// note-schemas.ts (imported as types only: the reader and the renderers load no zod).
import type { z } from 'zod';
import type { transcriptConversationSchema, transcriptMessageSchema } from './note-schemas';

export type TranscriptMessage = z.infer<typeof transcriptMessageSchema>;
export type TranscriptSenderType = TranscriptMessage['senderType'];
export type TranscriptMessageFormat = TranscriptMessage['format'];

/** A Lime Connect conversation, as `formatTranscriptNote` writes it into a history note. */
export type TranscriptConversation = z.infer<typeof transcriptConversationSchema>;

export interface DciParticipant {
  name: string;
  email?: string;
}

export interface DciLinks {
  recording?: string;
  transcript?: string;
}

/** A Dstny Conversational Intelligence meeting summary, as DCI writes it into a history note. */
export interface DciSummary {
  presenter: string;
  meetingName: string;
  /** The date and time as written in the note. */
  dateText: string;
  /** `dateText` as an ISO 8601 string (without offset when the note gives none), or null. */
  date: string | null;
  participants: DciParticipant[];
  links: DciLinks;
  /** The manual notes, markdown. */
  notes: string;
  /** The AI summary, markdown. */
  summary: string;
}

export type DciSummaryNote = { kind: 'dci-summary' } & DciSummary;
export type ChatTranscriptNote = { kind: 'chat-transcript' } & TranscriptConversation;
export interface PlainNote {
  kind: 'plain';
  text: string;
}

export type HistoryNote = DciSummaryNote | ChatTranscriptNote | PlainNote;
export type HistoryNoteKind = HistoryNote['kind'];
