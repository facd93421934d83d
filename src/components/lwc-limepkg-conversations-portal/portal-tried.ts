// "No person with email jane@example.com, no company named Acme": what the lookup tried, in words
// an operator reads, one line per rule.
import { CUSTOM_FIELD_PREFIX, type ContactField } from '../../config';
import { LOOKUP_CANDIDATE_PAGE, type LookupAttempt } from '../../lookup';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The contact field as words: `email`, `mobile number`, `custom field Customer no`. */
export function contactFieldText(field: ContactField, t: Translate): string {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    return t('portal.field.custom', { key: field.slice(CUSTOM_FIELD_PREFIX.length) });
  }
  return t(`portal.field.${field}`);
}

/** One line per rule the lookup tried. `limetypeText` names a limetype for a sentence. */
export function describeTried(
  tried: readonly LookupAttempt[],
  limetypeText: (limetype: string) => string,
  t: Translate,
): string[] {
  return tried.flatMap((attempt) => {
    const params = {
      limetype: limetypeText(attempt.limetype),
      field: contactFieldText(attempt.contactField, t),
      value: attempt.value ?? '',
    };
    if (attempt.skipped === 'empty-field') {
      return t('portal.tried.skipped', params);
    }
    if (attempt.skipped === 'not-a-phone-number') {
      return t('portal.tried.not_phone', params);
    }
    if (attempt.error !== undefined) {
      return t('portal.tried.failed', params);
    }
    const line = t('portal.tried.no_match', params);
    return attempt.truncated
      ? [line, t('portal.tried.truncated', { ...params, page: LOOKUP_CANDIDATE_PAGE })]
      : line;
  });
}
