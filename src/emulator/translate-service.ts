// The emulated translate service over this package's translation files.
import { TRANSLATION_PREFIX, type TranslateService } from '../lime';
import en from '../translations/en.json';
import sv from '../translations/sv.json';

const LANGUAGES: Record<string, Record<string, string>> = { en, sv };

/** `en`, `sv`, … from `sv-SE`, `SV`; unknown languages fall back to English. */
export function languageOf(language: string | undefined): string {
  const code = (language ?? 'en').slice(0, 2).toLowerCase();
  return code in LANGUAGES ? code : 'en';
}

/** Replaces `{name}` with `params.name`; placeholders without a value stay as written. */
export function interpolate(text: string, params?: object): string {
  if (!params) {
    return text;
  }
  const values = params as Record<string, unknown>;
  return text.replace(/\{([a-zA-Z0-9_]+)\}/g, (placeholder, name: string) =>
    values[name] === undefined || values[name] === null ? placeholder : String(values[name]),
  );
}

export function createTranslateService(language: () => string): TranslateService {
  const prefix = `${TRANSLATION_PREFIX}.`;
  return {
    get(id: string, params?: object): string {
      if (typeof id !== 'string' || !id.startsWith(prefix)) {
        return id;
      }
      const key = id.slice(prefix.length);
      const text = LANGUAGES[languageOf(language())][key] ?? LANGUAGES.en[key];
      return text === undefined ? id : interpolate(text, params);
    },
  };
}
