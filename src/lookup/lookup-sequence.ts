// The lookup sequence: finds the CRM object a Lime Connect contact (or a DCI participant) is, by
// trying the configured rules in order; the first rule with a match wins. Serves the Portal, Test
// lookup in Lime Admin and DCI matching alike, over one port: `executeQuery`.
import { z } from 'zod';
import type { ContactField, LookupRule } from '../config/schema';
import { CUSTOM_FIELD_PREFIX } from '../config/schema';
import {
  LimeQueryOperator,
  type LimeQuery,
  type LimeQueryFilter,
  type LimeQueryResponse,
} from '../lime/types';
import { DEFAULT_PHONE_COUNTRY, normalizeEmail, normalizePhone } from './normalize';

/** Lime Connect's `contact_information` payload (every field may be null or missing). */
export interface LookupContact {
  email?: string | null;
  mobileNumber?: string | null;
  phoneNumber?: string | null;
  name?: string | null;
  company?: string | null;
  customFieldData?: Record<string, string | string[] | null> | null;
}

/** Runs a Lime Query: the query service, the CRM's `api/v1/query/`, or the emulator. */
export type ExecuteQuery = (query: LimeQuery, signal?: AbortSignal) => Promise<LimeQueryResponse>;

export interface LookupOptions {
  /** Aborting it stops every outstanding query; the result then says `aborted`. */
  signal?: AbortSignal;
  /** For phone numbers written without a country code; `SE` when not given. */
  defaultCountry?: string;
}

/** A CRM object a rule found. */
export interface LookupObject {
  id: number;
  /** The object's descriptive text (`_descriptive`), '' when the CRM gave none. */
  descriptive: string;
  /** The matched property's value as stored, e.g. `070-123 45 67`. */
  value: unknown;
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
  /** The query failed: its message. */
  error?: string;
  /** How many objects matched (0 when none, absent when the rule did not run or failed). */
  matches?: number;
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

/** How many objects a rule lists at most; more than one is reported as ambiguous. */
export const LOOKUP_MATCH_LIMIT = 10;
/**
 * The most candidates a rule fetches: one page. A begins-with or phone query is built to find far
 * fewer at any realistic CRM size; past the cap, the rest are not fetched (never unbounded paging).
 */
export const LOOKUP_CANDIDATE_PAGE = 500;
/** A begins-with search for a shorter value would list half the CRM ("A…"): only `=` runs. */
export const MIN_BEGINS_WITH_LENGTH = 3;
/** How many of the number's last digits a phone rule's candidates must hold. */
export const PHONE_TAIL_DIGITS = 4;
/** The separators numbers are written with between digit groups (`45 67`, `45-67`, `45.67`). */
export const PHONE_SEPARATORS = [' ', '-', '.', '/'] as const;

/**
 * DCI's matching (seed 001): email first, then the participant's phone number against
 * mobilephone, then against phone. Put DCI's one participant phone number in `phoneNumber`.
 */
export const dciLookupRules: LookupRule[] = [
  { contactField: 'email', limetype: 'person', property: 'email', match: 'case-insensitive' },
  { contactField: 'phoneNumber', limetype: 'person', property: 'mobilephone', match: 'phone' },
  { contactField: 'phoneNumber', limetype: 'person', property: 'phone', match: 'phone' },
];

type RuleOutcome =
  | { kind: 'skipped'; attempt: LookupAttempt }
  | { kind: 'done'; attempt: LookupAttempt; objects: LookupObject[] }
  | { kind: 'failed'; attempt: LookupAttempt };

/**
 * Tries `rules` for `contact`. All rules query at once, but the answer is the one trying them one
 * by one in order would give: a later rule's match waits for every earlier rule to miss. Once the
 * answer is known the outstanding queries are aborted. Never rejects: failures are in `tried`.
 */
export async function runLookupSequence(
  rules: readonly LookupRule[],
  contact: LookupContact,
  executeQuery: ExecuteQuery,
  options: LookupOptions = {},
): Promise<LookupResult> {
  const { signal, defaultCountry = DEFAULT_PHONE_COUNTRY } = options;
  const controllers = rules.map(() => new AbortController());
  const abortAll = () => controllers.forEach((controller) => controller.abort());
  if (signal?.aborted) {
    return { found: false, aborted: true, tried: [] };
  }
  signal?.addEventListener('abort', abortAll, { once: true });

  const outcomes = rules.map((rule, ruleIndex) =>
    runRule(rule, ruleIndex, contact, executeQuery, controllers[ruleIndex].signal, defaultCountry),
  );
  const tried: LookupAttempt[] = [];
  try {
    for (const [ruleIndex, pending] of outcomes.entries()) {
      const outcome = await Promise.race([pending, abortedPromise(signal)]);
      if (outcome === ABORTED) {
        return { found: false, aborted: true, tried };
      }
      tried.push(outcome.attempt);
      if (outcome.kind === 'done' && outcome.objects.length > 0) {
        const rule = rules[ruleIndex];
        return {
          found: true,
          ruleIndex,
          rule,
          limetype: rule.limetype,
          objects: outcome.objects,
          ambiguous: outcome.objects.length > 1,
          tried,
        };
      }
    }
    return { found: false, tried };
  } finally {
    signal?.removeEventListener('abort', abortAll);
    abortAll();
  }
}

const ABORTED = Symbol('aborted');

function abortedPromise(signal: AbortSignal | undefined): Promise<typeof ABORTED> {
  if (!signal) {
    return new Promise(() => undefined);
  }
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(ABORTED);
    }
    signal.addEventListener('abort', () => resolve(ABORTED), { once: true });
  });
}

async function runRule(
  rule: LookupRule,
  ruleIndex: number,
  contact: LookupContact,
  executeQuery: ExecuteQuery,
  signal: AbortSignal,
  defaultCountry: string,
): Promise<RuleOutcome> {
  const base = {
    ruleIndex,
    contactField: rule.contactField,
    limetype: rule.limetype,
    property: rule.property,
  };
  const value = contactValue(contact, rule.contactField);
  if (!value) {
    return { kind: 'skipped', attempt: { ...base, skipped: 'empty-field' } };
  }
  const attempt: LookupAttempt = { ...base, value };
  try {
    const objects =
      rule.match === 'phone'
        ? await findByPhone(rule, value, executeQuery, signal, defaultCountry)
        : await findByText(rule, value, executeQuery, signal);
    if (objects === null) {
      return { kind: 'skipped', attempt: { ...attempt, skipped: 'not-a-phone-number' } };
    }
    return { kind: 'done', attempt: { ...attempt, matches: objects.length }, objects };
  } catch (error) {
    return { kind: 'failed', attempt: { ...attempt, error: errorMessage(error) } };
  }
}

/** The contact's value for a field, trimmed; '' when empty. A multi-value custom field: its first. */
export function contactValue(contact: LookupContact, field: ContactField): string {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    const raw = contact.customFieldData?.[field.slice(CUSTOM_FIELD_PREFIX.length)];
    const first = Array.isArray(raw) ? raw.find((each) => each && each.trim()) : raw;
    return first?.trim() ?? '';
  }
  switch (field) {
    case 'email':
    case 'mobileNumber':
    case 'phoneNumber':
    case 'name':
    case 'company':
      return contact[field]?.trim() ?? '';
    default:
      return '';
  }
}

async function findByText(
  rule: LookupRule,
  value: string,
  executeQuery: ExecuteQuery,
  signal: AbortSignal,
): Promise<LookupObject[]> {
  const exact: LimeQueryFilter = { key: rule.property, op: LimeQueryOperator.EQUALS, exp: value };
  if (rule.match === 'exact') {
    return queryObjects(rule, exact, LOOKUP_MATCH_LIMIT, executeQuery, signal);
  }
  // Lime's `=` compares as the database collates, which need not ignore case; "begins with"
  // always does, so it runs beside `=` (one round trip) for values long enough to be selective.
  // The exact matches come first and are found even when the begins-with page is capped; either
  // query may find other values (longer ones), so equality is confirmed here.
  const wanted = normalizeEmail(value);
  const begins =
    value.length >= MIN_BEGINS_WITH_LENGTH
      ? queryObjects(
          rule,
          { key: rule.property, op: LimeQueryOperator.BEGINS, exp: value },
          LOOKUP_CANDIDATE_PAGE,
          executeQuery,
          signal,
        )
      : Promise.resolve([]);
  const [exactObjects, beginsObjects] = await Promise.all([
    queryObjects(rule, exact, LOOKUP_MATCH_LIMIT, executeQuery, signal),
    begins,
  ]);
  const seen = new Set<number>();
  return [...exactObjects, ...beginsObjects]
    .filter((object) => {
      const fresh = !seen.has(object.id);
      seen.add(object.id);
      return fresh && typeof object.value === 'string' && normalizeEmail(object.value) === wanted;
    })
    .slice(0, LOOKUP_MATCH_LIMIT);
}

/**
 * Phone numbers are stored formatted any which way (`+46 70-123 45 67`, `070-123 45 67`,
 * `0701234567`, `+47 912 34 567`), so no Lime Query filter on the contact's number can find them
 * all. The query asks for the values containing the number's last four digits, together or split
 * once by a separator (`4567`, `45 67`, `4-567`, `456.7`, …): every grouping numbers are written in
 * puts at most one separator among the last four digits. That is about one value in two thousand,
 * so one page holds them at any realistic CRM size. Only id, the property and the descriptive come
 * back; the numbers are then compared normalised, here.
 */
export function phoneCandidatesFilter(property: string, e164: string): LimeQueryFilter {
  const tail = e164.replace(/\D/g, '').slice(-PHONE_TAIL_DIGITS);
  const forms = [tail];
  for (let split = 1; split < tail.length; split++) {
    for (const separator of PHONE_SEPARATORS) {
      forms.push(`${tail.slice(0, split)}${separator}${tail.slice(split)}`);
    }
  }
  return {
    op: LimeQueryOperator.OR,
    exp: forms.map((exp): LimeQueryFilter => ({ key: property, op: LimeQueryOperator.LIKE, exp })),
  };
}

async function findByPhone(
  rule: LookupRule,
  value: string,
  executeQuery: ExecuteQuery,
  signal: AbortSignal,
  defaultCountry: string,
): Promise<LookupObject[] | null> {
  const wanted = phoneKey(value, defaultCountry);
  if (!wanted) {
    return null;
  }
  const candidates = await queryObjects(
    rule,
    phoneCandidatesFilter(rule.property, wanted),
    LOOKUP_CANDIDATE_PAGE,
    executeQuery,
    signal,
  );
  return candidates
    .filter(
      (object) =>
        typeof object.value === 'string' && phoneKey(object.value, defaultCountry) === wanted,
    )
    .slice(0, LOOKUP_MATCH_LIMIT);
}

// E.164 when the number can be read; otherwise its digits (e.g. a number libphonenumber's
// metadata does not know), so that the same digits still match.
function phoneKey(value: string, defaultCountry: string): string | null {
  const normalised = normalizePhone(value, defaultCountry);
  if (normalised) {
    return normalised;
  }
  const digits = value.replace(/\D/g, '');
  return digits.length >= 5 ? `${value.trim().startsWith('+') ? '+' : ''}${digits}` : null;
}

const responseSchema = z.looseObject({
  objects: z.array(
    z.looseObject({
      _id: z.number().int(),
      _descriptive: z.string().nullish(),
    }),
  ),
});

async function queryObjects(
  rule: LookupRule,
  filter: LimeQueryFilter,
  limit: number,
  executeQuery: ExecuteQuery,
  signal: AbortSignal,
): Promise<LookupObject[]> {
  const query: LimeQuery = {
    limetype: rule.limetype,
    filter,
    limit,
    orderBy: [{ _id: 'ASC' }],
    responseFormat: { object: { _id: null, _descriptive: null, [rule.property]: null } },
  };
  const response = responseSchema.safeParse(await executeQuery(query, signal));
  if (!response.success) {
    throw new Error(`The CRM answered the ${rule.limetype} query with an unexpected response.`);
  }
  return response.data.objects.map((object) => ({
    id: object._id,
    descriptive: object._descriptive ?? '',
    value: object[rule.property],
  }));
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    return error.message || error.name;
  }
  return typeof error === 'string' ? error : 'The query failed.';
}
