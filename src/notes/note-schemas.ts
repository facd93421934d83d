// The zod schemas of the values the note writers round-trip exactly
// (`parseHistoryNote(formatX(x))` gives back `x`). A module of their own, outside the notes barrel:
// the reader and the renderers need none of them, and whatever imports this loads classic zod.
import { z } from 'zod';
import {
  dciDateFromText,
  formatParticipant,
  isPartAfterSummary,
  parseParticipant,
  readHeading,
  readLabelledLink,
  trimBlankLines,
} from './dci-summary';
import { looksLikeHtml } from './html-to-markdown';
import type { DciParticipant } from './notes.types';

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

// The values `formatDciSummaryNote` writes so that the reader gives exactly them back.
const titleField = z
  .string()
  .refine(
    (text) => !/[\r\n|]/.test(text) && text === text.trim(),
    'must be one trimmed line without "|"',
  );
const markdownBlock = z
  .string()
  .refine((text) => !text.includes('\r') && text === trimBlankLines(text) && !looksLikeHtml(text), {
    message: 'must have \\n line ends, no blank first or last line, and no HTML',
  });

export const dciSummarySchema = z
  .object({
    presenter: titleField,
    meetingName: z
      .string()
      .refine((text) => !/[\r\n]/.test(text) && text === text.trim(), 'must be one trimmed line'),
    dateText: titleField,
    date: z.string().nullable(),
    participants: z.array(
      z
        .object({ name: z.string().min(1), email: z.string().optional() })
        .refine(
          (p) =>
            sameParticipant(parseParticipant(formatParticipant(p)), p) &&
            readLabelledLink('- ' + formatParticipant(p)) === undefined,
          'does not read back as written',
        ),
    ),
    links: z.object({
      recording: z
        .string()
        .regex(/^[^\s<>[\]()]+$/)
        .optional(),
      transcript: z
        .string()
        .regex(/^[^\s<>[\]()]+$/)
        .optional(),
    }),
    notes: markdownBlock.refine(
      (text) => text.split('\n').every((line) => readHeading(line) === undefined),
      'a line of the notes reads as a section heading',
    ),
    summary: markdownBlock.refine(
      (text) =>
        text.split('\n').every((line) => {
          const heading = readHeading(line);
          return heading === undefined || !isPartAfterSummary(heading);
        }),
      'a line of the summary reads as a participants or links heading',
    ),
  })
  .refine(
    (meeting) => meeting.date === dciDateFromText(meeting.dateText),
    'date must be the date of dateText',
  )
  .refine(
    (meeting) => !looksLikeHtml(meeting.meetingName + meeting.presenter),
    'no HTML in the title',
  );

function sameParticipant(a: DciParticipant, b: DciParticipant): boolean {
  return a.name === b.name && a.email === b.email;
}
