// The package configuration: ONE zod schema, the single source for the TypeScript type, the parser,
// the Lime Admin JSON Schema (scripts/generate-admin-config.ts) and the defaults.
// Objects are loose: keys this version does not know survive a load/save round trip.
import { z } from 'zod';
import { LimeQueryOperator } from '../lime/types';
import { DEFAULT_LOOKUP_RULES, DEFAULT_PORTAL_VIEWS, DEFAULT_TOPICS } from './demo-defaults';

import {
  CONFIG_KEY,
  DEFAULT_CONVERSATION_ID_PROPERTY,
  DEFAULT_CONVERSATION_LIMETYPE,
  DEFAULT_CONVERSATION_LINK_BASE,
  DEFAULT_CONVERSATION_LINK_PROPERTY,
} from './keys';

export { CONFIG_KEY, DEFAULT_CONVERSATION_LINK_BASE };

/** The custom Lime Admin form widgets, by tag name; the generated schema refers to them. */
export const CONFIG_WIDGETS = {
  conversation: 'lwc-limepkg-conversations-config-conversation',
  origins: 'lwc-limepkg-conversations-config-origins',
  topics: 'lwc-limepkg-conversations-config-topics',
  lookupRules: 'lwc-limepkg-conversations-config-lookup-rules',
  portalViews: 'lwc-limepkg-conversations-config-portal-views',
} as const;

export const LIME_CONNECT_ORIGIN = 'https://app.lime-connect.com';

const widget = (name: string) => ({ lime: { component: { name } } });

/**
 * A human title for each value of an enum: limel-form renders `oneOf` of `const` + `title` as a
 * select with those titles (admin-schema.ts drops the plain `enum` beside it). Each title is
 * translated as `config.schema.<field path>.<value>`.
 */
function optionTitles<T extends string>(titles: Record<T, string>) {
  return {
    oneOf: Object.entries<string>(titles).map(([value, title]) => ({ const: value, title })),
  };
}

export const CONTACT_FIELDS = ['email', 'mobileNumber', 'phoneNumber', 'name', 'company'] as const;
export const CUSTOM_FIELD_PREFIX = 'customFieldData.';

export const contactFieldSchema = z
  .union([z.enum(CONTACT_FIELDS), z.templateLiteral([CUSTOM_FIELD_PREFIX, z.string().min(1)])])
  .meta({ title: 'Contact field' });

export const MATCH_MODES = ['exact', 'case-insensitive', 'phone'] as const;

export const lookupRuleSchema = z.looseObject({
  contactField: contactFieldSchema,
  limetype: z.string().min(1).meta({ title: 'Limetype' }),
  property: z.string().min(1).meta({ title: 'Property' }),
  match: z.enum(MATCH_MODES).default('exact').meta({ title: 'Match' }),
});

export const ATTACHMENT_SOURCES = [
  'identified-person',
  'identified-company',
  'operator',
  'fixed',
] as const;

export const attachmentSchema = z.looseObject({
  property: z.string().min(1).meta({ title: 'Relation' }),
  source: z.enum(ATTACHMENT_SOURCES).meta({ title: 'Attach' }),
  objectId: z.number().int().positive().optional().meta({ title: 'Object' }),
});

/** Conversation fields a property value can come from (plus `customFieldData.<key>`). */
export const CONVERSATION_FIELDS = [
  'subject',
  'topic',
  'conversationId',
  'contact.name',
  'contact.email',
  'contact.company',
  'contact.mobileNumber',
  'contact.phoneNumber',
  'operator.name',
  'operator.email',
] as const;

export const propertyValueSchema = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('fixed'),
    value: z.union([z.string(), z.number(), z.boolean()]),
  }),
  z.looseObject({ kind: z.literal('conversation'), field: z.string().min(1) }),
]);

export const topicPropertySchema = z.looseObject({
  property: z.string().min(1),
  value: propertyValueSchema,
});

export const topicSchema = z.looseObject({
  topic: z.string().trim().min(1).meta({ title: 'Topic' }),
  limetype: z.string().min(1).meta({ title: 'Limetype' }),
  titleProperty: z.string().min(1).optional(),
  historyType: z.string().min(1).default('limeconnect'),
  importMediaFiles: z.boolean().default(false),
  attachments: z.array(attachmentSchema).default(() => []),
  properties: z.array(topicPropertySchema).default(() => []),
});

// A Lime Query filter: `{ key, op, exp }`, nested through AND/OR/! in `exp`.
export const limeQueryFilterSchema = z.looseObject({
  key: z.string().optional(),
  op: z.enum(LimeQueryOperator),
  exp: z.unknown(),
  type: z.literal('filter').optional(),
});

export const aggregationSchema = z.looseObject({
  title: z.string().min(1),
  relation: z.string().min(1),
  filter: limeQueryFilterSchema.optional(),
  limit: z.number().int().min(1).max(50).default(5),
});

export const portalViewSchema = z.looseObject({
  limetype: z.string().min(1),
  properties: z.array(z.string().min(1)).default(() => []),
  aggregations: z.array(aggregationSchema).default(() => []),
});

export const RESEND_MODES = ['new-note', 'update-note'] as const;

export const conversationsConfigSchema = z
  .looseObject({
    conversation: z
      .looseObject({
        limetype: z.string().min(1).default(DEFAULT_CONVERSATION_LIMETYPE),
        idProperty: z.string().min(1).default(DEFAULT_CONVERSATION_ID_PROPERTY),
        linkProperty: z.string().min(1).default(DEFAULT_CONVERSATION_LINK_PROPERTY),
        contactIdProperty: z.string().min(1).default('contactid'),
        topicProperty: z.string().min(1).default('topic'),
        startedProperty: z.string().min(1).default('startedtime'),
      })
      .prefault({})
      .meta({ title: 'Conversation limetype', ...widget(CONFIG_WIDGETS.conversation) }),
    conversationLinkBase: z.string().min(1).default(DEFAULT_CONVERSATION_LINK_BASE).meta({
      title: 'Conversation link base',
      description: 'The Lime Connect URL a conversation ID is appended to.',
    }),
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .default('SE')
      .meta({
        title: 'Default country',
        description: 'ISO country code for phone numbers written without one, e.g. SE.',
      }),
    resendMode: z
      .enum(RESEND_MODES)
      .default('new-note')
      .meta({
        title: 'When a conversation is sent again',
        ...optionTitles<(typeof RESEND_MODES)[number]>({
          'new-note': 'Write a new history note',
          'update-note': 'Update the note written before',
        }),
      }),
    // The Lime Connect API key of media import is a secret: it lives in the application
    // configuration (server side), never here, where every webclient user can read it.
    mediaImport: z
      .looseObject({
        enabled: z.boolean().default(false),
      })
      .prefault({})
      .meta({ title: 'Media import' }),
    topics: z
      .array(topicSchema)
      .default(() => structuredClone(DEFAULT_TOPICS))
      .meta({ title: 'Topics', ...widget(CONFIG_WIDGETS.topics) }),
    lookupRules: z
      .array(lookupRuleSchema)
      .default(() => structuredClone(DEFAULT_LOOKUP_RULES))
      .meta({ title: 'Lookup rules', ...widget(CONFIG_WIDGETS.lookupRules) }),
    portal: z
      .looseObject({
        allowedOrigins: z
          .array(z.string().min(1).meta({ title: 'Origin' }))
          .default(() => [LIME_CONNECT_ORIGIN])
          .meta({ title: 'Allowed Lime Connect origins', ...widget(CONFIG_WIDGETS.origins) }),
        webclientUrl: z.string().default(''),
        views: z
          .array(portalViewSchema)
          .default(() => structuredClone(DEFAULT_PORTAL_VIEWS))
          .meta({ title: 'Portal views', ...widget(CONFIG_WIDGETS.portalViews) }),
      })
      .prefault({})
      .meta({ title: 'Portal' }),
    dci: z
      .looseObject({ createContacts: z.boolean().default(false) })
      .prefault({})
      .meta({ title: 'Dstny Conversational Intelligence' }),
  })
  .meta({ title: 'Conversations' });
