// Translation ids of this package, and a helper that never throws.
import { findService } from './platform';
import { Translator } from './services';
import type { LimePlatform, TranslateService } from './types';

export const TRANSLATION_PREFIX = 'limepkg_conversations';

/** A `t(key, params)` for a component: the package prefix added, the key itself when untranslated. */
export function translator(platform: LimePlatform | undefined | null) {
  const service = findService<TranslateService>(platform, Translator);
  return (key: string, params?: Record<string, unknown>): string => {
    const id = `${TRANSLATION_PREFIX}.${key}`;
    if (!service) {
      return key;
    }
    const text = service.get(id, params);
    return text && text !== id ? text : key;
  };
}
