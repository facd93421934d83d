// Errors of the emulated Lime CRM.

/**
 * A request the emulated server refuses (bad query, unknown property, missing object, no access).
 * The REST handler turns it into a response with this status and `{ message }` as body.
 */
export class EmulatorError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

/**
 * How the emulated `http` and `query` services reject: like the webclient's http service, with the
 * response's `status` (0 when the server was never reached) and the body's message.
 *
 * - `name === 'HttpError'`: the server answered with an error status (400, 403, 404, 500, …),
 *   or the network failed (`status === 0`).
 * - `name === 'TimeoutError'` (a subclass): no answer within the timeout (`status === 0`).
 */
export class HttpError extends Error {
  constructor(
    message: string,
    public readonly status: number,
    public readonly body: unknown = { message },
    public readonly method = '',
    public readonly url = '',
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export class TimeoutError extends HttpError {
  constructor(message: string, method = '', url = '') {
    super(message, 0, { message }, method, url);
    this.name = 'TimeoutError';
  }
}

/** True for an error the emulated http or query service rejected with. */
export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}
