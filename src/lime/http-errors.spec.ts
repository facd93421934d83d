import { httpFailureOf } from './http-errors';

function httpError(status: number, name = 'HttpError') {
  return Object.assign(new Error(`HTTP ${status}`), { name, status });
}

describe('httpFailureOf', () => {
  it('names a failed network as network', () => {
    expect(httpFailureOf(httpError(0))).toBe('network');
  });

  it('names a timeout as timeout, whatever its status', () => {
    expect(httpFailureOf(httpError(0, 'TimeoutError'))).toBe('timeout');
    expect(httpFailureOf(Object.assign(new Error('late'), { name: 'TimeoutError' }))).toBe(
      'timeout',
    );
    expect(httpFailureOf(httpError(504))).toBe('timeout');
  });

  it('names access problems', () => {
    expect(httpFailureOf(httpError(401))).toBe('unauthorized');
    expect(httpFailureOf(httpError(403))).toBe('forbidden');
  });

  it('names other client errors and server errors', () => {
    expect(httpFailureOf(httpError(404))).toBe('not-found');
    expect(httpFailureOf(httpError(409))).toBe('conflict');
    expect(httpFailureOf(httpError(422))).toBe('client');
    expect(httpFailureOf(httpError(500))).toBe('server');
    expect(httpFailureOf(httpError(503))).toBe('server');
  });

  it('does not take a bug for a failed request', () => {
    expect(httpFailureOf(new TypeError('x is undefined'))).toBeUndefined();
    expect(httpFailureOf('failed')).toBeUndefined();
    expect(httpFailureOf(null)).toBeUndefined();
    expect(httpFailureOf({ status: 'bad' })).toBeUndefined();
  });
});
