// A meeting as Dstny Conversational Intelligence hands it over once its AI summary is ready (seed 001).
import { z } from 'zod';

const optionalText = z
  .string()
  .nullish()
  .transform((text) => (text && text.trim() ? text.trim() : undefined));

const optionalLink = z
  .union([z.url({ protocol: /^https?$/ }), z.literal(''), z.null()])
  .optional()
  .transform((link) => link || undefined);

export const dciParticipantSchema = z.looseObject({
  name: z.string().trim().min(1),
  email: optionalText,
  phone: optionalText,
  companyName: optionalText,
  /** Internal participants (the DCI customer's own staff) get no note. */
  external: z.boolean(),
});

export const dciMeetingSchema = z.looseObject({
  /** DCI's session id, when it gives one. */
  id: optionalText,
  presenter: z.string().trim().min(1),
  meetingName: z.string().trim().min(1),
  /** When the meeting started, ISO 8601. */
  startTime: z.iso.datetime({ offset: true }),
  participants: z.array(dciParticipantSchema).default(() => []),
  notes: z.string().default(''),
  summary: z.string().default(''),
  links: z
    .looseObject({ recording: optionalLink, transcript: optionalLink })
    .default(() => ({ recording: undefined, transcript: undefined })),
});

export type DciMeetingParticipant = z.infer<typeof dciParticipantSchema>;
