// Who the conversation is with, in Lime CRM: the person (lookup rules), their company, and the
// operator's coworker (by email). An object the API user may not read is reported, not used (seed 000,
// "Object Access").
import type { LookupRule } from '../config/config.types';
import { runLookupSequence, type ExecuteQuery, type LookupContact } from '../lookup';
import { type CrmFailure, type CrmObject, type CrmPort, relationId } from '../crm';
import type { ObjectRef } from './sync.types';

/** What became of one object the flow wanted to use. */
export type Found =
  | { state: 'found'; object: CrmObject; ref: ObjectRef }
  /** There is one, but the API user may not read it: it is left out. */
  | { state: 'forbidden'; ref: ObjectRef }
  | { state: 'none' }
  | { state: 'error'; ref?: ObjectRef; error: CrmFailure };

export interface Identification {
  person: Found;
  company: Found;
  coworker: Found;
  /** The lookup rule that found the contact (index in the configured rules), when one did. */
  ruleIndex?: number;
  /** True when the winning rule found more than one object; the first is used. */
  ambiguous: boolean;
  /** A lookup query failed (the contact may then be unidentified for that reason). */
  lookupError?: string;
}

/** Lime Query through the CRM port, as the lookup engine calls it. */
function crmQuery(crm: CrmPort): ExecuteQuery {
  return (query, signal) => crm.query(query, { signal });
}

/** Reads an object to use it; 403 and 404 become states, not failures. */
export async function readAccessible(
  crm: CrmPort,
  limetype: string,
  id: number | null,
): Promise<Found> {
  if (id === null) {
    return { state: 'none' };
  }
  const ref = { limetype, id };
  const result = await crm.get(limetype, id);
  if (result.ok) {
    return { state: 'found', object: result.value, ref };
  }
  if (result.error.kind === 'forbidden') {
    return { state: 'forbidden', ref };
  }
  if (result.error.kind === 'not-found') {
    return { state: 'none' };
  }
  return { state: 'error', ref, error: result.error };
}

/** Runs the lookup rules for a contact and reads the person (or company) they find. */
export async function identifyContact(
  crm: CrmPort,
  rules: LookupRule[],
  contact: LookupContact | undefined,
  options: { defaultCountry?: string } = {},
): Promise<Pick<Identification, 'person' | 'company' | 'ruleIndex' | 'ambiguous' | 'lookupError'>> {
  const none = {
    person: { state: 'none' } as const,
    company: { state: 'none' } as const,
    ambiguous: false,
  };
  if (!contact) {
    return none;
  }
  const lookup = await runLookupSequence(rules, contact, crmQuery(crm), {
    defaultCountry: options.defaultCountry,
  });
  if (!lookup.found) {
    const failed = lookup.tried.find((attempt) => attempt.error);
    return failed ? { ...none, lookupError: failed.error?.message } : none;
  }
  const first = lookup.objects[0]?.id ?? null;
  const ambiguous = lookup.ambiguous;
  if (lookup.limetype === 'company') {
    return {
      person: { state: 'none' },
      company: await readAccessible(crm, 'company', first),
      ruleIndex: lookup.ruleIndex,
      ambiguous,
    };
  }
  const person = await readAccessible(crm, lookup.limetype, first);
  const companyId = person.state === 'found' ? relationId(person.object.company) : null;
  return {
    person,
    company: await readAccessible(crm, 'company', companyId),
    ruleIndex: lookup.ruleIndex,
    ambiguous,
  };
}

/**
 * The first object one lookup rule finds for a contact value, matched as the lookup engine
 * matches (e.g. emails and names trimmed and in any case); `null` when none. A query failure
 * keeps its CRM error.
 */
export async function findFirstByRule(
  crm: CrmPort,
  rule: LookupRule,
  contact: LookupContact,
): Promise<{ ok: true; id: number | null } | { ok: false; error: CrmFailure }> {
  const lookup = await runLookupSequence([rule], contact, crmQuery(crm));
  const failure = lookup.tried.find((attempt) => attempt.error)?.error;
  if (failure) {
    return { ok: false, error: failure };
  }
  return { ok: true, id: lookup.found ? (lookup.objects[0]?.id ?? null) : null };
}

const OPERATOR_RULE: LookupRule = {
  contactField: 'email',
  limetype: 'coworker',
  property: 'email',
  match: 'case-insensitive',
};

/** The operator's coworker, matched by email. */
export async function identifyCoworker(crm: CrmPort, email: string | undefined): Promise<Found> {
  if (!email) {
    return { state: 'none' };
  }
  const found = await findFirstByRule(crm, OPERATOR_RULE, { email });
  if (!found.ok) {
    // Not allowed to list coworkers is the same as not finding one: nothing to attach.
    return found.error.kind === 'forbidden'
      ? { state: 'none' }
      : { state: 'error', error: found.error };
  }
  return readAccessible(crm, 'coworker', found.id);
}
