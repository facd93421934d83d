// Normalising the values a lookup compares: emails by case, phone numbers by what they dial.
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

export const DEFAULT_PHONE_COUNTRY = 'SE';

/**
 * The number in E.164 (`+46701234567`), however it was written (`+46 70-123 45 67`,
 * `070-123 45 67`, `0701234567`); numbers without a country code are read as `defaultCountry`'s.
 * `null` when the text is not a phone number.
 */
export function normalizePhone(
  input: string | null | undefined,
  defaultCountry: string = DEFAULT_PHONE_COUNTRY,
): string | null {
  if (!input || !input.trim()) {
    return null;
  }
  const country = isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  const phone = parsePhoneNumberFromString(input, country);
  return phone && phone.isPossible() ? phone.number : null;
}

/** An email address as it compares: trimmed and lower-cased; `null` when empty. */
export function normalizeEmail(input: string | null | undefined): string | null {
  const email = input?.trim().toLowerCase();
  return email ? email : null;
}
