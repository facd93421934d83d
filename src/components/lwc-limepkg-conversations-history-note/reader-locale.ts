// The locale dates are shown in: the Lime CRM language, refined by the browser's region for it.

/**
 * `sv` with a browser preferring `sv-FI` gives `sv-FI`; a language the browser does not list is
 * used as is; without a Lime CRM language, the browser's first language; `en` when all is unknown.
 */
export function readerLocale(
  limeLanguage: string | undefined,
  browserLanguages: readonly string[],
): string {
  const language = limeLanguage?.trim();
  const candidates = language
    ? [
        ...browserLanguages.filter(
          (tag) => tag.toLowerCase().split('-')[0] === language.toLowerCase().split('-')[0],
        ),
        language,
      ]
    : [...browserLanguages];
  return candidates.find(isSupportedLocale) ?? 'en';
}

function isSupportedLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

/** Formats ISO 8601 times for one locale; text that is no valid time comes back undefined. */
export class DateFormatter {
  private readonly dateTime: Intl.DateTimeFormat;
  private readonly time: Intl.DateTimeFormat;
  private readonly date: Intl.DateTimeFormat;

  constructor(locale: string) {
    this.dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    this.time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    this.date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  }

  /** Date and time; a date without a time of day (`2026-11-20`) as the date only. */
  dateAndTime(iso: string | null | undefined): string | undefined {
    if (!iso) {
      return undefined;
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
      const [year, month, day] = iso.split('-').map(Number);
      return this.date.format(new Date(year, month - 1, day));
    }
    const time = parseTime(iso);
    return time === undefined ? undefined : this.dateTime.format(time);
  }

  /** The time of day only. */
  timeOfDay(iso: string): string | undefined {
    const time = parseTime(iso);
    return time === undefined ? undefined : this.time.format(time);
  }
}

/** The local calendar day of an ISO time, to tell when a transcript's day changes. */
export function localDay(iso: string): string | undefined {
  const time = parseTime(iso);
  if (time === undefined) {
    return undefined;
  }
  const date = new Date(time);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

function parseTime(iso: string): number | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}
