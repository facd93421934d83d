// The lookup sequence: finds the CRM object a Lime Connect contact (or a DCI participant) is, by
// trying the configured rules in order; the first rule with a match wins. Serves the Portal, Test
// lookup in Lime Admin and DCI matching alike, over one port: `executeQuery`.
import { z } from 'zod';
import type { ContactField, LookupRule } from '../config/config.types';
import { CUSTOM_FIELD_PREFIX } from '../config/schema';
import { LimeQueryOperator, type LimeQuery, type LimeQueryFilter } from '../lime/types';
import { fail, ok, type CrmResult } from '../crm';
import type {
  ExecuteQuery,
  LookupAttempt,
  LookupContact,
  LookupObject,
  LookupOptions,
  LookupResult,
} from './lookup.types';
import { DEFAULT_PHONE_COUNTRY, normalizeEmail, normalizePhone } from './normalize';

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
  const context = { executeQuery, defaultCountry, responseFormat: options.responseFormat };
  const controllers = rules.map(() => new AbortController());
  const abortAll = () => controllers.forEach((controller) => controller.abort());
  if (signal?.aborted) {
    return { found: false, aborted: true, tried: [] };
  }
  signal?.addEventListener('abort', abortAll, { once: true });

  const outcomes = rules.map((rule, ruleIndex) =>
    runRule(rule, ruleIndex, contact, controllers[ruleIndex].signal, context),
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
  signal: AbortSignal,
  context: {
    executeQuery: ExecuteQuery;
    defaultCountry: string;
    responseFormat: LookupOptions['responseFormat'];
  },
): Promise<RuleOutcome> {
  const { executeQuery, defaultCountry } = context;
  const extra = context.responseFormat?.(rule);
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
  const filters = candidateFilters(rule, value, defaultCountry);
  if (!filters) {
    return { kind: 'skipped', attempt: { ...attempt, skipped: 'not-a-phone-number' } };
  }
  const query = (filter: LimeQueryFilter, limit: number) =>
    queryObjects(rule, filter, limit, extra, executeQuery, signal);
  const found =
    rule.match === 'phone'
      ? await findByPhone(value, query, filters, defaultCountry)
      : await findByText(value, query, filters, rule.match === 'exact');
  if (!found.ok) {
    return { kind: 'failed', attempt: { ...attempt, error: found.error } };
  }
  const objects = found.value.objects.slice(0, LOOKUP_MATCH_LIMIT);
  const done: LookupAttempt = { ...attempt, matches: objects.length };
  return {
    kind: 'done',
    attempt: found.value.truncated ? { ...done, truncated: true } : done,
    objects,
  };
}

/**
 * The filters of a rule's queries for `value`: the candidates (begins-with, or a phone number's
 * forms), and the exact value (asked alone when the value is too short to begin with, or after a
 * full page of candidates); `null` when the value is no phone number for a phone rule. Every
 * object the rule can find matches `candidates ?? exact`: a caller can ask, in the same round
 * trip, for what belongs to them.
 */
export function candidateFilters(
  rule: LookupRule,
  value: string,
  defaultCountry: string = DEFAULT_PHONE_COUNTRY,
): { exact?: LimeQueryFilter; candidates?: LimeQueryFilter } | null {
  if (rule.match === 'phone') {
    const wanted = phoneKey(value, defaultCountry);
    return wanted ? { candidates: phoneCandidatesFilter(rule.property, wanted) } : null;
  }
  const exact: LimeQueryFilter = { key: rule.property, op: LimeQueryOperator.EQUALS, exp: value };
  // Lime's `=` compares as the database collates, which need not ignore case; "begins with"
  // always does, so it is asked instead for values long enough to be selective.
  return rule.match === 'exact' || value.length < MIN_BEGINS_WITH_LENGTH
    ? { exact }
    : { exact, candidates: { key: rule.property, op: LimeQueryOperator.BEGINS, exp: value } };
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

interface Found {
  objects: LookupObject[];
  truncated: boolean;
}

type QueryPage = (filter: LimeQueryFilter, limit: number) => Promise<CrmResult<Found>>;

async function findByText(
  value: string,
  query: QueryPage,
  filters: { exact?: LimeQueryFilter; candidates?: LimeQueryFilter },
  exactOnly: boolean,
): Promise<CrmResult<Found>> {
  if (!filters.candidates) {
    const exact = filters.exact
      ? await query(filters.exact, LOOKUP_MATCH_LIMIT)
      : ok({ objects: [], truncated: false });
    if (!exact.ok) {
      return exact;
    }
    const objects = exact.value.objects;
    return ok({ objects: exactOnly ? objects : sameText(objects, value), truncated: false });
  }
  // One query: a value begins with itself, so "begins with" finds the exact matches too, in any
  // case. Only when its page comes back full may an exact match be beyond it: then a second query
  // asks for the exact value alone. Either may find other values (longer ones), so equality is
  // confirmed here, the exact spelling first.
  const begins = await query(filters.candidates, LOOKUP_CANDIDATE_PAGE);
  if (!begins.ok) {
    return begins;
  }
  const exact =
    begins.value.truncated && filters.exact
      ? await query(filters.exact, LOOKUP_MATCH_LIMIT)
      : ok({ objects: [], truncated: false });
  if (!exact.ok) {
    return exact;
  }
  const seen = new Set<number>();
  const objects = sameText([...exact.value.objects, ...begins.value.objects], value).filter(
    (object) => {
      const fresh = !seen.has(object.id);
      seen.add(object.id);
      return fresh;
    },
  );
  const spelledAlike = (object: LookupObject) => (object.value === value ? 0 : 1);
  objects.sort((a, b) => spelledAlike(a) - spelledAlike(b));
  return ok({ objects, truncated: begins.value.truncated });
}

/** The objects whose value is `value`, compared trimmed and in any case. */
function sameText(objects: LookupObject[], value: string): LookupObject[] {
  const wanted = normalizeEmail(value);
  return objects.filter(
    (object) => typeof object.value === 'string' && normalizeEmail(object.value) === wanted,
  );
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
  value: string,
  query: QueryPage,
  filters: { candidates?: LimeQueryFilter },
  defaultCountry: string,
): Promise<CrmResult<Found>> {
  const wanted = phoneKey(value, defaultCountry);
  if (!wanted || !filters.candidates) {
    return ok({ objects: [], truncated: false });
  }
  const candidates = await query(filters.candidates, LOOKUP_CANDIDATE_PAGE);
  if (!candidates.ok) {
    return candidates;
  }
  const objects = candidates.value.objects.filter(
    (object) =>
      typeof object.value === 'string' && phoneKey(object.value, defaultCountry) === wanted,
  );
  return ok({ objects, truncated: candidates.value.truncated });
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
  extra: Record<string, unknown> | undefined,
  executeQuery: ExecuteQuery,
  signal: AbortSignal,
): Promise<CrmResult<Found>> {
  const query: LimeQuery = {
    limetype: rule.limetype,
    filter,
    limit,
    orderBy: [{ _id: 'ASC' }],
    responseFormat: {
      object: { ...extra, _id: null, _descriptive: null, [rule.property]: null },
    },
  };
  const answer = await executeQuery(query, signal);
  if (!answer.ok) {
    return answer;
  }
  const response = responseSchema.safeParse(answer.value);
  if (!response.success) {
    return fail({
      kind: 'invalid-response',
      message: `The CRM answered the ${rule.limetype} query with an unexpected response.`,
    });
  }
  const objects = response.data.objects.map((row) => ({
    id: row._id,
    descriptive: row._descriptive ?? '',
    value: row[rule.property],
    row,
  }));
  return ok({ objects, truncated: objects.length >= limit });
}
