// Why a call to Lime CRM failed: one vocabulary for every transport (fetch with an API key or a
// bearer token, the webclient's http service). Failures are values a program can act on and
// `crmFailureMessage` turns into text a user can read.
import type { CrmFailure, CrmFailureMessage } from './crm.types';

/** The failure for an HTTP status the server answered with (anything but 2xx). */
export function failureForStatus(status: number, message: string): CrmFailure {
  if (status === 401) {
    return { kind: 'unauthorized', message };
  }
  if (status === 403) {
    return { kind: 'forbidden', message };
  }
  if (status === 404) {
    return { kind: 'not-found', message };
  }
  if (status >= 400 && status < 500) {
    return { kind: 'rejected', status, message };
  }
  return { kind: 'server-error', status, message };
}

/** The failure of a request its caller cancelled. */
export function abortedFailure(): CrmFailure {
  return { kind: 'aborted', message: 'The request was cancelled' };
}

/** What a user is told about a failure: the one place a CRM failure becomes text. */
export function crmFailureMessage(failure: CrmFailure): CrmFailureMessage {
  const key = `crm.failure.${failure.kind.replace(/-/g, '_')}` as const;
  return 'status' in failure
    ? { key, params: { message: failure.message, status: failure.status } }
    : { key, params: { message: failure.message } };
}

/** `crmFailureMessage` translated with a component's `t` (see `translator` in src/lime). */
export function crmFailureText(
  failure: CrmFailure,
  t: (key: string, params?: Record<string, unknown>) => string,
): string {
  const { key, params } = crmFailureMessage(failure);
  return t(key, params);
}
