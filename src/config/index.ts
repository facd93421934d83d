// The package configuration: schema, defaults, parsing, semantic validation, userlike import.
export * from './schema';
export * from './defaults';
export * from './parse';
export * from './validate';
export * from './userlike';
export * from './admin-schema';
export * from './limetype-options';
export * from './issue-paths';
export * from './zod-issues';
export type {
  AttachmentSource,
  ConfigParseIssue,
  ContactField,
  ConversationsConfig,
  ConversationsConfigInput,
  ImportUserlikeResult,
  Issue,
  IssueCode,
  IssuePath,
  LookupRule,
  MatchMode,
  NotCarried,
  NotCarriedCode,
  ParseConfigResult,
  PortalAggregation,
  PortalFilter,
  PortalView,
  PropertyValueSource,
  StandardContactField,
  Topic,
  TopicAttachment,
  TopicProperty,
  ValidationResult,
} from './config.types';
