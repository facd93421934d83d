// Translation ids of this package, and a helper that never throws.
import englishTexts from '../translations/en.json';
import swedishTexts from '../translations/sv.json';
import { currentLanguage } from './language';
import { findService } from './platform';
import { Translator } from './services';
import type { LimePlatform, TranslateService } from './types';

export const TRANSLATION_PREFIX = 'limepkg_conversations';

const BUNDLED: Record<string, Record<string, string>> = { en: englishTexts, sv: swedishTexts };

/**
 * A `t(key, params)` for a component: the package prefix added. When the platform's translate
 * service does not know a key (it returns the id, as a webclient without our .po files does), the
 * text shipped with the package in the user's session language; English when we have no texts in
 * that language; the key itself only when even English has none.
 */
export function translator(platform: LimePlatform | undefined | null) {
  const service = findService<TranslateService>(platform, Translator);
  const bundled = bundledTexts(currentLanguage(platform));
  return (key: string, params?: Record<string, unknown>): string => {
    const id = `${TRANSLATION_PREFIX}.${key}`;
    const text = service?.get(id, params);
    return text && text !== id ? text : bundledText(bundled, key, params);
  };
}

/** Our texts in a language (`sv-SE` → Swedish), English when we have none in it. */
function bundledTexts(language: string | undefined): Record<string, string> {
  const code = (language ?? '').slice(0, 2).toLowerCase();
  return BUNDLED[code] ?? BUNDLED.en;
}

function bundledText(
  texts: Record<string, string>,
  key: string,
  params?: Record<string, unknown>,
): string {
  const text = texts[key] ?? BUNDLED.en[key];
  if (text === undefined) {
    return key;
  }
  return text.replace(/\{([a-zA-Z_]+)\}/g, (placeholder, name: string) =>
    params && name in params ? String(params[name]) : placeholder,
  );
}
