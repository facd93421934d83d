import { isoFromLocalInput, localInputFromDate } from './local-date-time';

describe('local date and time of a datetime-local input', () => {
  it('round-trips a local time through ISO 8601 with the local offset', () => {
    const iso = isoFromLocalInput('2026-11-20T14:00');
    expect(iso).toMatch(/^2026-11-20T14:00:00[+-]\d{2}:\d{2}$/);
    expect(localInputFromDate(new Date(iso!))).toBe('2026-11-20T14:00');
  });

  it.each(['', 'tomorrow', '2026-11-20', '2026-11-20 14:00'])('refuses %j', (value) => {
    expect(isoFromLocalInput(value)).toBeUndefined();
  });
});
