// Translation ids of this package, and a helper that never throws.
import englishTexts from '../translations/en.json';
import { findService } from './platform';
import { Translator } from './services';
import type { LimePlatform, TranslateService } from './types';

export const TRANSLATION_PREFIX = 'limepkg_conversations';

const english: Record<string, string> = englishTexts;

/**
 * A `t(key, params)` for a component: the package prefix added. Without a translate service
 * (a page with no platform) or without a translation, the English text shipped with the package;
 * the key itself only when even that is missing.
 */
export function translator(platform: LimePlatform | undefined | null) {
  const service = findService<TranslateService>(platform, Translator);
  return (key: string, params?: Record<string, unknown>): string => {
    const id = `${TRANSLATION_PREFIX}.${key}`;
    const text = service?.get(id, params);
    return text && text !== id ? text : englishText(key, params);
  };
}

function englishText(key: string, params?: Record<string, unknown>): string {
  const text = english[key];
  if (text === undefined) {
    return key;
  }
  return text.replace(/\{([a-zA-Z_]+)\}/g, (placeholder, name: string) =>
    params && name in params ? String(params[name]) : placeholder,
  );
}
