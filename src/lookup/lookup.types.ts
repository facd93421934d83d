// The public types of src/lookup: a contact to look up, the port the lookup queries through, and
// what each rule did and found.
import type { ContactField, LookupRule } from '../config/config.types';
import type { CrmFailure, CrmResult } from '../crm/crm.types';
import type { LimeQuery, LimeQueryResponse } from '../lime/types';

/** Lime Connect's `contact_information` payload (every field may be null or missing). */
export interface LookupContact {
  email?: string | null;
  mobileNumber?: string | null;
  phoneNumber?: string | null;
  name?: string | null;
  company?: string | null;
  customFieldData?: Record<string, string | string[] | null> | null;
}

/**
 * Runs a Lime Query, as the CRM port does (`CrmPort.query`): the webclient's query service, the
 * CRM's `api/v1/query/`, or the emulator. A failure is a value, never a rejection.
 */
export type ExecuteQuery = (
  query: LimeQuery,
  signal?: AbortSignal,
) => Promise<CrmResult<LimeQueryResponse>>;

export interface LookupOptions {
  /** Aborting it stops every outstanding query; the result then says `aborted`. */
  signal?: AbortSignal;
  /** For phone numbers written without a country code; `SE` when not given. */
  defaultCountry?: string;
  /**
   * More of each found object to bring in the same query (e.g. what the Portal shows of it), as a
   * Lime Query `responseFormat.object`; it comes back in `LookupObject.row`.
   */
  responseFormat?: (rule: LookupRule) => Record<string, unknown> | undefined;
}

/** A CRM object a rule found. */
export interface LookupObject {
  id: number;
  /** The object's descriptive text (`_descriptive`), '' when the CRM gave none. */
  descriptive: string;
  /** The matched property's value as stored, e.g. `070-123 45 67`. */
  value: unknown;
  /** The object as the query returned it, with what `LookupOptions.responseFormat` asked for. */
  row: Record<string, unknown>;
}

/** What one rule did, so that a user can be told ("No person with email jane@example.com"). */
export interface LookupAttempt {
  ruleIndex: number;
  contactField: ContactField;
  limetype: string;
  property: string;
  /** The contact's value the rule searched for (trimmed), unless the field was empty. */
  value?: string;
  /** Why the rule did not run: the contact field was empty, or held no phone number. */
  skipped?: 'empty-field' | 'not-a-phone-number';
  /** The query failed, and why (`crmFailureText` says it to a user). */
  error?: CrmFailure;
  /** How many objects matched (0 when none, absent when the rule did not run or failed). */
  matches?: number;
  /**
   * A page of candidates came back full: more values like the contact's exist than were compared,
   * so a match may have been missed. Said to the operator and the admin, never silently dropped.
   */
  truncated?: true;
}

export interface LookupFound {
  found: true;
  ruleIndex: number;
  rule: LookupRule;
  limetype: string;
  objects: LookupObject[];
  /** More than one object matched the winning rule: the first is not necessarily the contact. */
  ambiguous: boolean;
  /** The rules up to and including the winning one. */
  tried: LookupAttempt[];
}

export interface LookupNotFound {
  found: false;
  /** Every rule, in order, with what it did. */
  tried: LookupAttempt[];
  /** The caller aborted before the answer was known. */
  aborted?: boolean;
}

export type LookupResult = LookupFound | LookupNotFound;
