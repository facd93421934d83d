// The public types of src/lime-connect's parser: what reading one postMessage payload answers.
import type { AddonAction, AddonEvent } from './schemas';

/** Why a message was not accepted. */
export type RejectReason =
  | 'not-a-message' // not an object with a string `name`
  | 'unknown-name' // a name this protocol does not have
  | 'hostile' // keys that could pollute prototypes, nesting too deep, or too much data
  | 'invalid-payload'; // a known name with a payload that does not fit its schema

export interface ParseIssue {
  path: string;
  message: string;
}

export type ParseFailure = {
  ok: false;
  reason: RejectReason;
  /** The message's name, when it had a readable one (at most 100 characters). */
  name?: string;
  issues?: ParseIssue[];
};

export type ParseEventResult = { ok: true; event: AddonEvent } | ParseFailure;
export type ParseActionResult = { ok: true; action: AddonAction } | ParseFailure;
