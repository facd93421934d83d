import en from '../translations/en.json';
import sv from '../translations/sv.json';
import type { CrmFailure, CrmFailureKind } from './crm.types';
import { crmFailureMessage, crmFailureText, failureForStatus } from './failure';

describe('failureForStatus', () => {
  it.each([
    [401, { kind: 'unauthorized', message: 'm' }],
    [403, { kind: 'forbidden', message: 'm' }],
    [404, { kind: 'not-found', message: 'm' }],
    [400, { kind: 'rejected', status: 400, message: 'm' }],
    [409, { kind: 'rejected', status: 409, message: 'm' }],
    [422, { kind: 'rejected', status: 422, message: 'm' }],
    [500, { kind: 'server-error', status: 500, message: 'm' }],
    [503, { kind: 'server-error', status: 503, message: 'm' }],
    [302, { kind: 'server-error', status: 302, message: 'm' }],
  ])('reads HTTP %s as %j', (status, failure) => {
    expect(failureForStatus(status, 'm')).toEqual(failure);
  });
});

// The bundled texts with their {params} filled in, as the translator does without the platform.
const translate =
  (texts: Record<string, string>) =>
  (key: string, params: Record<string, unknown> = {}): string =>
    (texts[key] ?? key).replace(/\{([a-zA-Z_]+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );

const failures: Record<CrmFailureKind, CrmFailure> = {
  unreachable: { kind: 'unreachable', message: 'ECONNREFUSED' },
  timeout: { kind: 'timeout', message: 'late' },
  aborted: { kind: 'aborted', message: 'cancelled' },
  unauthorized: { kind: 'unauthorized', message: 'expired' },
  forbidden: { kind: 'forbidden', message: 'no' },
  'not-found': { kind: 'not-found', message: 'gone' },
  rejected: { kind: 'rejected', status: 422, message: 'name is required' },
  'server-error': { kind: 'server-error', status: 503, message: 'Down for maintenance' },
  'invalid-response': { kind: 'invalid-response', message: 'html' },
};

describe('crmFailureText', () => {
  it.each([
    ['unreachable', 'Lime CRM could not be reached. Check the connection and try again.'],
    ['timeout', 'Lime CRM did not answer in time. Try again in a moment.'],
    ['aborted', 'The request to Lime CRM was cancelled.'],
    [
      'unauthorized',
      'Lime CRM did not accept the sign-in: the session, token or API key is missing or no longer valid.',
    ],
    ['forbidden', 'You do not have access to this in Lime CRM. Ask your administrator for access.'],
    ['not-found', 'Lime CRM does not have this: it may have been removed.'],
    ['rejected', 'Lime CRM refused the request (HTTP 422): name is required'],
    [
      'server-error',
      'Lime CRM answered with an error (HTTP 503). Try again later, or ask your administrator. (Down for maintenance)',
    ],
    [
      'invalid-response',
      'Lime CRM answered with something unexpected. Check that the address leads to your Lime CRM.',
    ],
  ] as const)('tells an English reader about %s', (kind, text) => {
    expect(crmFailureText(failures[kind], translate(en))).toBe(text);
  });

  it.each([
    ['unreachable', 'Det gick inte att nå Lime CRM. Kontrollera anslutningen och försök igen.'],
    ['timeout', 'Lime CRM svarade inte i tid. Försök igen om en stund.'],
    ['aborted', 'Anropet till Lime CRM avbröts.'],
    [
      'unauthorized',
      'Lime CRM godtog inte inloggningen: sessionen, token eller API-nyckeln saknas eller gäller inte längre.',
    ],
    [
      'forbidden',
      'Du har inte behörighet till detta i Lime CRM. Be din administratör om behörighet.',
    ],
    ['not-found', 'Lime CRM har inte detta: det kan ha tagits bort.'],
    ['rejected', 'Lime CRM avvisade anropet (HTTP 422): name is required'],
    [
      'server-error',
      'Lime CRM svarade med ett fel (HTTP 503). Försök igen senare eller kontakta din administratör. (Down for maintenance)',
    ],
    [
      'invalid-response',
      'Lime CRM svarade med något oväntat. Kontrollera att adressen går till ert Lime CRM.',
    ],
  ] as const)('tells a Swedish reader about %s', (kind, text) => {
    expect(crmFailureText(failures[kind], translate(sv))).toBe(text);
  });

  it('has a text in both languages for every kind of failure', () => {
    for (const failure of Object.values(failures)) {
      const { key } = crmFailureMessage(failure);
      expect({ key, en: key in en, sv: key in sv }).toEqual({ key, en: true, sv: true });
    }
  });
});
