// The Lime Connect Custom Add-on Frontend API (seed 002): schemas, the parser, the add-on client,
// and the Portal's bootstrap.
export * from './schemas';
export * from './parse';
export type {
  ParseActionResult,
  ParseEventResult,
  ParseFailure,
  ParseIssue,
  RejectReason,
} from './lime-connect.types';
export * from './client';
export * from './portal-bootstrap';
