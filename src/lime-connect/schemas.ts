// The Lime Connect Custom Add-on Frontend API (seed 002) as zod schemas: the events the Message
// Center sends to an add-on, and the actions an add-on sends to the Message Center.
// Tolerant where Lime Connect's own examples are (null for unknown values, `custom_field_data`
// beside `customFieldData`), strict about types and sizes.
import { z } from 'zod';

/** Longest text accepted in a contact, operator or conversation field. */
export const MAX_FIELD_LENGTH = 2_000;
/** Longest chat message body accepted in a transcript. */
export const MAX_MESSAGE_LENGTH = 100_000;
/** Most messages accepted in one transcript event. */
export const MAX_TRANSCRIPT_MESSAGES = 10_000;
/** Longest JWT accepted. */
export const MAX_TOKEN_LENGTH = 16_000;
/** Most custom fields accepted on a contact or a conversation. */
export const MAX_CUSTOM_FIELDS = 200;

const text = z.string().max(MAX_FIELD_LENGTH);
const nullableText = text
  .nullable()
  .optional()
  .transform((value) => value ?? null);
// Lime Connect sends ids as strings; a number is the same id.
const id = z
  .union([text, z.number().int()])
  .transform((value) => String(value))
  .pipe(z.string().min(1));

const customFieldValue = z.union([text, z.array(text).max(MAX_CUSTOM_FIELDS)]).nullable();

/** `Record<string, string | string[] | null>`; `null` (as in the seed's examples) means none. */
export const customFieldDataSchema = z
  .record(z.string().max(200), customFieldValue)
  .refine((record) => Object.keys(record).length <= MAX_CUSTOM_FIELDS, {
    message: `At most ${MAX_CUSTOM_FIELDS} custom fields`,
  });
export type CustomFieldData = z.infer<typeof customFieldDataSchema>;

const optionalCustomFieldData = customFieldDataSchema.nullable().optional();

// An unknown salutation or gender is not a reason to ignore the whole contact: it becomes null.
const salutation = z.enum(['mr', 'ms', 'pr', 'prof']).nullable().optional().catch(null);
const gender = z.enum(['m', 'f', 'd']).nullable().optional().catch(null);

export const SENDER_TYPES = ['contact', 'operator'] as const;
export const TEXT_FORMATS = ['markdown_v1', 'plain_text'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

export const textMessageSchema = z.object({
  type: z.literal('message'),
  body: z.string().max(MAX_MESSAGE_LENGTH),
  textFormat: z.enum(TEXT_FORMATS),
  sender: z.object({ type: z.enum(SENDER_TYPES) }),
});
export type TextMessage = z.infer<typeof textMessageSchema>;

export const transcriptEventSchema = z.object({
  name: z.literal('transcript'),
  payload: z.object({ transcript: z.array(textMessageSchema).max(MAX_TRANSCRIPT_MESSAGES) }),
});

// The seed's ContactEvent type says `customFieldData`, its example sends `custom_field_data: null`:
// both are read, and the result always has `customFieldData` (empty when neither is set).
export const contactInformationSchema = z
  .object({
    id,
    name: nullableText,
    email: nullableText,
    locale: nullableText,
    mobileNumber: nullableText,
    phoneNumber: nullableText,
    salutation: salutation.transform((value) => value ?? null),
    street: nullableText,
    city: nullableText,
    country: nullableText,
    company: nullableText,
    gender: gender.transform((value) => value ?? null),
    customFieldData: optionalCustomFieldData,
    custom_field_data: optionalCustomFieldData,
  })
  .transform(({ customFieldData, custom_field_data, ...contact }) => ({
    ...contact,
    customFieldData: { ...(custom_field_data ?? {}), ...(customFieldData ?? {}) },
  }));
export type ContactInformation = z.output<typeof contactInformationSchema>;

export const contactInformationEventSchema = z.object({
  name: z.literal('contact_information'),
  payload: contactInformationSchema,
});

export const conversationInformationSchema = z
  .object({
    id: id
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    topics: z
      .array(z.object({ text }))
      .max(100)
      .nullable()
      .optional()
      .transform((value) => value ?? []),
    locale: nullableText,
    subject: nullableText,
    customFieldData: optionalCustomFieldData,
    custom_field_data: optionalCustomFieldData,
    widget: z
      .object({ id, name: text })
      .nullable()
      .optional()
      .transform((value) => value ?? null),
  })
  .transform(({ customFieldData, custom_field_data, ...conversation }) => ({
    ...conversation,
    customFieldData: { ...(custom_field_data ?? {}), ...(customFieldData ?? {}) },
  }));
export type ConversationInformation = z.output<typeof conversationInformationSchema>;

export const conversationInformationEventSchema = z.object({
  name: z.literal('conversation_information'),
  payload: conversationInformationSchema,
});

export const operatorInformationSchema = z.object({
  id,
  name: text,
  email: text,
  locale: text,
});
export type OperatorInformation = z.infer<typeof operatorInformationSchema>;

export const operatorInformationEventSchema = z.object({
  name: z.literal('operator_information'),
  payload: operatorInformationSchema,
});

export const jwtTokenEventSchema = z.object({
  name: z.literal('jwt_token'),
  payload: z.discriminatedUnion('type', [
    z.object({ type: z.literal('success'), token: z.string().min(1).max(MAX_TOKEN_LENGTH) }),
    z.object({ type: z.literal('error'), error: text }),
  ]),
});

/** Every event the Message Center sends, by name. */
export const addonEventSchemas = {
  transcript: transcriptEventSchema,
  contact_information: contactInformationEventSchema,
  conversation_information: conversationInformationEventSchema,
  operator_information: operatorInformationEventSchema,
  jwt_token: jwtTokenEventSchema,
} as const;
export type AddonEventName = keyof typeof addonEventSchemas;
export const ADDON_EVENT_NAMES = Object.keys(addonEventSchemas) as AddonEventName[];

export type TranscriptEvent = z.output<typeof transcriptEventSchema>;
export type ContactInformationEvent = z.output<typeof contactInformationEventSchema>;
export type ConversationInformationEvent = z.output<typeof conversationInformationEventSchema>;
export type OperatorInformationEvent = z.output<typeof operatorInformationEventSchema>;
export type JwtTokenEvent = z.output<typeof jwtTokenEventSchema>;

/** Any event the Message Center sends. */
export const addonEventSchema = z.discriminatedUnion('name', [
  transcriptEventSchema,
  contactInformationEventSchema,
  conversationInformationEventSchema,
  operatorInformationEventSchema,
  jwtTokenEventSchema,
]);
export type AddonEvent = z.output<typeof addonEventSchema>;

const emptyPayload = z
  .object({})
  .optional()
  .transform(() => ({}));

export const readyActionSchema = z.object({ name: z.literal('ready'), payload: emptyPayload });

export const generateJwtTokenActionSchema = z.object({
  name: z.literal('generate_jwt_token'),
  payload: emptyPayload,
});

export const replaceChatInputActionSchema = z.object({
  name: z.literal('replace_chat_input'),
  payload: z.object({
    textFormat: z.enum(TEXT_FORMATS),
    message: z.string().max(MAX_MESSAGE_LENGTH),
  }),
});

export const TOAST_STATUSES = ['info', 'error', 'success', 'warning'] as const;
export type ToastStatus = (typeof TOAST_STATUSES)[number];

export const toastActionSchema = z.object({
  name: z.literal('toast'),
  payload: z.object({ status: z.enum(TOAST_STATUSES), message: text }),
});

export const updateContactInformationActionSchema = z.object({
  name: z.literal('update_contact_information'),
  payload: z.object({
    name: text.nullable().optional(),
    email: text.nullable().optional(),
    locale: text.nullable().optional(),
    mobileNumber: text.nullable().optional(),
    phoneNumber: text.nullable().optional(),
    salutation: z.enum(['mr', 'ms', 'pr', 'prof']).nullable().optional(),
    street: text.nullable().optional(),
    city: text.nullable().optional(),
    country: text.nullable().optional(),
    company: text.nullable().optional(),
    gender: z.enum(['m', 'f', 'd']).nullable().optional(),
    customFieldData: customFieldDataSchema.optional(),
  }),
});

export const updateConversationInformationActionSchema = z.object({
  name: z.literal('update_conversation_information'),
  payload: z.object({ customFieldData: customFieldDataSchema }),
});

/** Every action an add-on may send to the Message Center, by name. */
export const addonActionSchemas = {
  ready: readyActionSchema,
  generate_jwt_token: generateJwtTokenActionSchema,
  replace_chat_input: replaceChatInputActionSchema,
  toast: toastActionSchema,
  update_contact_information: updateContactInformationActionSchema,
  update_conversation_information: updateConversationInformationActionSchema,
} as const;
export type AddonActionName = keyof typeof addonActionSchemas;
export const ADDON_ACTION_NAMES = Object.keys(addonActionSchemas) as AddonActionName[];

export type ReadyAction = z.output<typeof readyActionSchema>;
export type GenerateJwtTokenAction = z.output<typeof generateJwtTokenActionSchema>;
export type ReplaceChatInputAction = z.output<typeof replaceChatInputActionSchema>;
export type ToastAction = z.output<typeof toastActionSchema>;
export type UpdateContactInformationAction = z.output<typeof updateContactInformationActionSchema>;
export type UpdateConversationInformationAction = z.output<
  typeof updateConversationInformationActionSchema
>;

/** Any action an add-on sends. */
export const addonActionSchema = z.discriminatedUnion('name', [
  readyActionSchema,
  generateJwtTokenActionSchema,
  replaceChatInputActionSchema,
  toastActionSchema,
  updateContactInformationActionSchema,
  updateConversationInformationActionSchema,
]);
export type AddonAction = z.output<typeof addonActionSchema>;
/** An action as an add-on writes it (before defaults): what `client.send` takes. */
export type AddonActionInput = z.input<typeof addonActionSchema>;
