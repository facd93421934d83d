// A conversation as Lime Connect knows it when an operator sends it to Lime CRM (seed 000, and the
// add-on events of seed 002): its id, topics, subject, contact, operator, transcript and media files.
import { z } from 'zod';

const optionalText = z
  .string()
  .nullish()
  .transform((text) => (text && text.trim() ? text.trim() : undefined));

const customFieldDataSchema = z
  .record(z.string(), z.union([z.string(), z.array(z.string()), z.null()]))
  .nullish()
  .transform((data) => data ?? {});

export const limeConnectContactSchema = z.looseObject({
  id: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((id) => (id === null || id === undefined ? undefined : String(id))),
  name: optionalText,
  email: optionalText,
  mobileNumber: optionalText,
  phoneNumber: optionalText,
  company: optionalText,
  customFieldData: customFieldDataSchema,
});

export const limeConnectOperatorSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).nullish(),
  name: z.string().trim().min(1),
  email: optionalText,
});

export const limeConnectMessageSchema = z.looseObject({
  /** When it was written, ISO 8601. */
  time: z.iso.datetime({ offset: true }),
  senderName: z.string().trim().min(1),
  senderType: z.enum(['contact', 'operator']),
  textFormat: z.enum(['markdown_v1', 'plain_text']).default('plain_text'),
  body: z.string(),
});

export const mediaFileSchema = z.looseObject({
  name: z.string().trim().min(1),
  url: z.url({ protocol: /^https?$/ }),
  mimeType: z.string().optional(),
});

export const limeConnectConversationSchema = z.looseObject({
  /** Lime Connect's conversation id: a positive whole number, as a string or a number. */
  id: z
    .union([
      z
        .string()
        .trim()
        .regex(/^\d{1,15}$/, 'must be a positive whole number'),
      z.number().int(),
    ])
    .transform((id) => Number(id))
    .refine((id) => id > 0 && Number.isSafeInteger(id), 'must be a positive whole number'),
  topics: z.array(z.looseObject({ text: z.string() })).default(() => []),
  subject: optionalText,
  /** When the conversation started, ISO 8601. */
  startedAt: z.iso.datetime({ offset: true }),
  customFieldData: customFieldDataSchema,
  contact: limeConnectContactSchema.nullish().transform((contact) => contact ?? undefined),
  operator: limeConnectOperatorSchema.nullish().transform((operator) => operator ?? undefined),
  messages: z.array(limeConnectMessageSchema).default(() => []),
  mediaFiles: z.array(mediaFileSchema).default(() => []),
});

export type LimeConnectContact = z.infer<typeof limeConnectContactSchema>;
