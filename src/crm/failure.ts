// Why a call to Lime CRM failed: one vocabulary for every transport (fetch with an API key or a
// bearer token, the webclient's http service). Failures are values a program can act on and
// `crmFailureMessage` turns into text a user can read.

/** Why a CRM call failed. `message` is for logs and details, in English; users see the translation. */
export type CrmFailure =
  /** The server could not be reached at all (DNS, refused connection, CORS, offline, bad URL). */
  | { kind: 'unreachable'; message: string }
  /** No answer within the time limit. */
  | { kind: 'timeout'; message: string }
  /** The caller cancelled the request; not a failure of the CRM. */
  | { kind: 'aborted'; message: string }
  /** 401, even after a fresh token, or no credentials to be had: the key, token or session is not accepted. */
  | { kind: 'unauthorized'; message: string }
  /** 403: the user has no access to this object or limetype. */
  | { kind: 'forbidden'; message: string }
  /** 404: no such object, limetype or endpoint. */
  | { kind: 'not-found'; message: string }
  /** Another 4xx (400, 409, 422…): the server refused the request as it was written. */
  | { kind: 'rejected'; status: number; message: string }
  /** 5xx, or any other status. */
  | { kind: 'server-error'; status: number; message: string }
  /** The server answered, but not with what the Lime CRM API answers. */
  | { kind: 'invalid-response'; message: string };

export type CrmFailureKind = CrmFailure['kind'];

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

/** A user-facing text as a translation key and its parameters (the caller translates). */
export interface CrmFailureMessage {
  key: `crm.failure.${string}`;
  params: { message: string; status?: number };
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
