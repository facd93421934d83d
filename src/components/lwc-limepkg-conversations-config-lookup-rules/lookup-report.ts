// What Test lookup tells the admin: which rule matched and which object, or what each rule tried.
import { crmFailureText } from '../../crm';
import { LOOKUP_CANDIDATE_PAGE, type LookupAttempt, type LookupResult } from '../../lookup';
import type { LimeTypes } from '../../lime/types';
import { contactFieldLabel } from '../shared/config-texts';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface LookupReport {
  tone: 'success' | 'warning' | 'info';
  heading: string;
  lines: string[];
}

function limetypeName(limetypes: LimeTypes, limetype: string): string {
  return limetypes[limetype]?.localname?.singular?.toLowerCase() ?? limetype;
}

function propertyName(limetypes: LimeTypes, limetype: string, property: string): string {
  return limetypes[limetype]?.properties[property]?.label ?? property;
}

export function attemptLine(t: Translate, limetypes: LimeTypes, attempt: LookupAttempt): string {
  const params = {
    rule: attempt.ruleIndex + 1,
    field: contactFieldLabel(t, attempt.contactField),
    value: attempt.value ?? '',
    limetype: limetypeName(limetypes, attempt.limetype),
    property: propertyName(limetypes, attempt.limetype, attempt.property),
    error: attempt.error ? crmFailureText(attempt.error, t) : '',
    count: attempt.matches ?? 0,
  };
  if (attempt.skipped === 'empty-field') {
    return t('config.test_lookup.tried.empty', params);
  }
  if (attempt.skipped === 'not-a-phone-number') {
    return t('config.test_lookup.tried.not_a_phone', params);
  }
  if (attempt.error !== undefined) {
    return t('config.test_lookup.tried.error', params);
  }
  if (attempt.matches) {
    return t('config.test_lookup.tried.matched', params);
  }
  return t('config.test_lookup.tried.none', params);
}

/** A rule whose candidates filled a page: the admin is told a match may be beyond it. */
function truncatedLine(t: Translate, limetypes: LimeTypes, attempt: LookupAttempt): string {
  return t('config.test_lookup.tried.truncated', {
    rule: attempt.ruleIndex + 1,
    page: LOOKUP_CANDIDATE_PAGE,
    limetype: limetypeName(limetypes, attempt.limetype),
  });
}

export function lookupReport(
  t: Translate,
  limetypes: LimeTypes,
  result: LookupResult,
): LookupReport {
  const lines = result.tried.flatMap((attempt) =>
    attempt.truncated
      ? [attemptLine(t, limetypes, attempt), truncatedLine(t, limetypes, attempt)]
      : [attemptLine(t, limetypes, attempt)],
  );
  if (!result.found) {
    return { tone: 'warning', heading: t('config.test_lookup.no_match'), lines };
  }
  const heading = t(
    result.ambiguous ? 'config.test_lookup.found_several' : 'config.test_lookup.found',
    {
      rule: result.ruleIndex + 1,
      limetype: limetypeName(limetypes, result.limetype),
      count: result.objects.length,
      descriptive: result.objects[0]?.descriptive ?? '',
      id: result.objects[0]?.id ?? '',
    },
  );
  const objects = result.objects.map((object) =>
    t('config.test_lookup.object', {
      descriptive: object.descriptive || `#${object.id}`,
      id: object.id,
      value: typeof object.value === 'string' ? object.value : '',
    }),
  );
  return {
    tone: result.ambiguous ? 'warning' : 'success',
    heading,
    lines: [...lines, ...objects],
  };
}
