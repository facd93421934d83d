// What went wrong with a request to Lime CRM, in words a component can pick a message by.
// The http service rejects with an error carrying the HTTP `status` (0 when the network failed);
// a timeout is an error named `TimeoutError`.
// zod/mini: this is on the connect dialog's path, which must load little (see `npm run bench -- size`).
import { z } from 'zod/mini';

export type HttpFailure =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'client'
  | 'server';

const HttpErrorLike = z.object({
  name: z.optional(z.string()),
  status: z.optional(z.number()),
});

/**
 * The kind of failure an http service error stands for, or `undefined` when the error is not
 * one from a request (a bug, which the caller should not hide).
 */
export function httpFailureOf(error: unknown): HttpFailure | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const parsed = HttpErrorLike.safeParse(error);
  if (!parsed.success) {
    return undefined;
  }
  const { name, status } = parsed.data;
  if (name === 'TimeoutError' || name === 'AbortError' || status === 408 || status === 504) {
    return 'timeout';
  }
  if (status === undefined) {
    return undefined;
  }
  return failureOfStatus(status);
}

function failureOfStatus(status: number): HttpFailure {
  if (status === 0) {
    return 'network';
  }
  if (status === 401) {
    return 'unauthorized';
  }
  if (status === 403) {
    return 'forbidden';
  }
  if (status === 404) {
    return 'not-found';
  }
  if (status === 409) {
    return 'conflict';
  }
  if (status >= 400 && status < 500) {
    return 'client';
  }
  return 'server';
}
