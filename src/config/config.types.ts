// The public types of src/config. The configuration's types are those of its zod schemas in
// schema.ts (imported as types only), so the schema stays their single source.
import type { z } from 'zod';
import type {
  ATTACHMENT_SOURCES,
  aggregationSchema,
  attachmentSchema,
  CONTACT_FIELDS,
  contactFieldSchema,
  conversationsConfigSchema,
  limeQueryFilterSchema,
  lookupRuleSchema,
  MATCH_MODES,
  portalViewSchema,
  propertyValueSchema,
  topicPropertySchema,
  topicSchema,
} from './schema';
import type { ShapeIssueCode } from './zod-issues';

export type StandardContactField = (typeof CONTACT_FIELDS)[number];

export type ContactField = z.infer<typeof contactFieldSchema>;

export type MatchMode = (typeof MATCH_MODES)[number];

export type LookupRule = z.infer<typeof lookupRuleSchema>;

export type AttachmentSource = (typeof ATTACHMENT_SOURCES)[number];

export type TopicAttachment = z.infer<typeof attachmentSchema>;

export type PropertyValueSource = z.infer<typeof propertyValueSchema>;

export type TopicProperty = z.infer<typeof topicPropertySchema>;

export type Topic = z.infer<typeof topicSchema>;

export type PortalFilter = z.infer<typeof limeQueryFilterSchema>;

export type PortalAggregation = z.infer<typeof aggregationSchema>;

export type PortalView = z.infer<typeof portalViewSchema>;

/** The package configuration, after parsing (defaults filled in, unknown keys kept). */
export type ConversationsConfig = z.infer<typeof conversationsConfigSchema>;

/** The configuration as it may be written: every field with a default may be left out. */
export type ConversationsConfigInput = z.input<typeof conversationsConfigSchema>;

export type IssuePath = (string | number)[];

/** One problem, at the field it concerns. `code` lets a component translate it; `params` fill it in. */
export interface Issue {
  path: IssuePath;
  message: string;
  code: IssueCode;
  params?: Record<string, string | number>;
}

export type IssueCode =
  /** Shape problems (from parseConfig, through zod-issues.ts). */
  | ShapeIssueCode
  | 'unknown-limetype'
  | 'unknown-property'
  | 'attachment-not-relation'
  | 'attachment-wrong-limetype'
  | 'attachment-duplicate'
  | 'fixed-attachment-without-object'
  | 'topic-duplicate'
  | 'unknown-history-type'
  | 'property-value-relation'
  | 'property-value-unknown-option'
  | 'property-value-wrong-type'
  | 'unknown-conversation-field'
  | 'lookup-property-not-text'
  | 'lookup-order'
  | 'lookup-match-mode'
  | 'portal-view-duplicate'
  | 'aggregation-not-relation'
  | 'invalid-origin'
  | 'invalid-url'
  | 'unknown-country'
  /** A secret in the runtime configuration, which every webclient user can read (from parseConfig). */
  | 'api-key-in-runtime-config'
  | 'topic-media-import-disabled'
  | 'conversation-property-wrong-type'
  | 'filter-unknown-key'
  | 'filter-not-relation';

export interface ValidationResult {
  errors: Issue[];
  warnings: Issue[];
}

/** A shape problem: our code and message (never zod's text), at its path. */
export type ConfigParseIssue = Issue;

export type ParseConfigResult =
  | { ok: true; config: ConversationsConfig; warnings: Issue[] }
  | { ok: false; issues: ConfigParseIssue[] };

/** Why a setting of the userlike config was not carried over; each has a translated text. */
export type NotCarriedCode =
  | 'found-from-limetypes'
  | 'not-a-setting'
  | 'names-no-property'
  | 'unknown-userlike-key'
  | 'no-value'
  | 'several-base-urls'
  | 'unknown-limetype'
  | 'unknown-property'
  | 'not-a-relation'
  | 'relation-to-other-limetype'
  | 'relation-not-a-value'
  | 'not-a-lookup-property';

/** A setting of the userlike config that was left out: where in it, why, and an English text. */
export interface NotCarried {
  /** Its place in the pasted config, e.g. `instances[0].relationHistory`. */
  at: string;
  code: NotCarriedCode;
  params: Record<string, string | number>;
  message: string;
}

export type ImportUserlikeResult =
  | { ok: true; config: ConversationsConfig; notCarried: NotCarried[] }
  | { ok: false; issues: ConfigParseIssue[] };
