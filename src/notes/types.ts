// The three kinds of history note and the zod schemas that say which values the writers
// round-trip exactly (`parseHistoryNote(formatX(x))` gives back `x`).
import { z } from 'zod';

/** One line of text: no line break of any kind. */
const singleLine = z.string().refine((text) => !/[\r\n]/.test(text), 'must be a single line');
/** One line, without leading or trailing whitespace (the parsers trim these fields). */
const trimmedLine = singleLine.refine(
  (text) => text === text.trim(),
  'must not start or end with whitespace',
);
/** An ISO 8601 timestamp as the transcript format writes it: no whitespace and no `]`. */
const timestamp = z.string().regex(/^[^\s\]]+$/, 'must be an ISO 8601 timestamp');
const emailAddress = z.string().regex(/^[^\s<>()]+$/, 'must be an email address');
/** Multi-line text with `\n` line ends (the writers normalise `\r\n`). */
const multiLine = z.string().refine((text) => !text.includes('\r'), 'must use \\n line ends');

export const transcriptMessageSchema = z.object({
  time: timestamp,
  senderName: trimmedLine,
  senderType: z.enum(['contact', 'operator']),
  format: z.enum(['markdown_v1', 'plain_text']),
  body: multiLine,
});

export const transcriptConversationSchema = z.object({
  conversationId: z.string().regex(/^\S+$/, 'must be a word without spaces'),
  topic: trimmedLine,
  startedAt: timestamp,
  contact: z
    .object({ name: trimmedLine.min(1), email: emailAddress.optional() })
    // Without an email, a name ending in `<…>` would read back as name and email.
    .refine(
      (contact) => contact.email !== undefined || !/<[^<>\s]*>$/.test(contact.name),
      'name looks like an email',
    )
    .optional(),
  operator: z.object({ name: trimmedLine.min(1) }).optional(),
  messages: z.array(transcriptMessageSchema),
});

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
