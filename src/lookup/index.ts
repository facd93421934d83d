// The lookup-sequence engine and the normalisation it compares with.
export * from './normalize';
export * from './lookup-sequence';
export type {
  ExecuteQuery,
  LookupAttempt,
  LookupContact,
  LookupFound,
  LookupNotFound,
  LookupObject,
  LookupOptions,
  LookupResult,
} from './lookup.types';
