// How the Portal writes values for an operator: dates and numbers in the operator's locale,
// options by their text, relations by the related object's name. Read-only text, never HTML.
import type { OverviewField } from '../../lime-connect/portal-record';

export interface FormatOptions {
  /** A BCP 47 tag, e.g. `sv-SE` (see `toBcp47`). */
  locale: string;
  yes: string;
  no: string;
  /** What an empty value reads as, e.g. `—`. */
  empty: string;
}

const NUMBER_TYPES = new Set(['integer', 'decimal', 'percent', 'year']);

/** The text of one overview value. */
export function formatFieldValue(field: OverviewField, options: FormatOptions): string {
  const { value, type } = field;
  if (field.related) {
    return field.related.descriptive;
  }
  if (value === null || value === undefined || value === '') {
    return options.empty;
  }
  if (type === 'time' || type === 'date') {
    return formatDate(value, type === 'time', options.locale);
  }
  if (NUMBER_TYPES.has(type) && typeof value === 'number') {
    return type === 'year'
      ? String(value)
      : new Intl.NumberFormat(
          options.locale,
          type === 'percent' ? { style: 'percent' } : {},
        ).format(type === 'percent' ? value / 100 : value);
  }
  if (typeof value === 'boolean') {
    return value ? options.yes : options.no;
  }
  if (type === 'option' || type === 'set') {
    const keys = Array.isArray(value) ? value : [value];
    const texts = keys.map(
      (key) => field.options?.find((option) => option.key === key)?.text ?? String(key),
    );
    return texts.length > 0 ? texts.join(', ') : options.empty;
  }
  if (typeof value === 'object') {
    return options.empty;
  }
  return String(value);
}

function formatDate(value: unknown, withTime: boolean, locale: string): string {
  const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    return String(value);
  }
  return new Intl.DateTimeFormat(
    locale,
    withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
  ).format(date);
}

/** A link the overview may open: http(s) only, as written in a `link` property. */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

// An ISO date, optionally with a time: `2026-11-21`, `2026-11-21T09:58:03Z`, `2026-11-21 09:58`.
// Fixed-width parts and no nested repetition, so it runs in linear time on any text.
const ISO_DATE =
  /\b(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?\b/g;

/**
 * The dates a CRM writes into descriptive texts (`Lime Connect chat · 2026-11-21`), in the
 * operator's locale (`21 Nov 2026`, `21 nov. 2026`). A date alone is a calendar day, never shifted
 * by a time zone; one with a time and zone is shown in the operator's own time zone.
 */
export function localiseIsoDates(text: string, locale: string): string {
  return text.replace(ISO_DATE, (match, day: string, time?: string, zone?: string) => {
    if (!time) {
      const date = new Date(`${day}T00:00:00Z`);
      return Number.isNaN(date.getTime())
        ? match
        : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
    }
    const date = new Date(`${day}T${time}${zone ?? ''}`);
    return Number.isNaN(date.getTime())
      ? match
      : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  });
}

/**
 * The labels of a section's items: descriptives with their dates localised, and, where two items
 * would read the same (two chats on one day), each told apart by its CRM id.
 */
export function sectionItemLabels(
  items: readonly { id: number; descriptive: string }[],
  locale: string,
): string[] {
  const labels = items.map((item) => localiseIsoDates(item.descriptive, locale));
  const counts = new Map<string, number>();
  labels.forEach((label) => counts.set(label, (counts.get(label) ?? 0) + 1));
  return labels.map((label, index) =>
    (counts.get(label) ?? 0) > 1 ? `${label} · #${items[index].id}` : label,
  );
}
