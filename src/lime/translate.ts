// Translation ids of this package, and a helper that never throws.
//
// The webclient normally knows our texts (the package ships .po files), so the texts bundled here
// are a fallback, fetched only when the platform's translate service does not know our ids, and
// only in one language: each language's JSON is its own chunk (dynamic import).
import { currentLanguage } from './language';
import { findService } from './platform';
import { Translator } from './services';
import type { LimePlatform, TranslateService } from './types';

export const TRANSLATION_PREFIX = 'limepkg_conversations';

type Texts = Record<string, string>;

/** The languages we bundle texts in, each fetched on demand. English is the fallback. */
const BUNDLED_LANGUAGES = {
  en: () => import('../translations/en.json'),
  sv: () => import('../translations/sv.json'),
} satisfies Record<string, () => Promise<{ default: Texts }>>;

type BundledLanguage = keyof typeof BUNDLED_LANGUAGES;

/** An id every translation file of ours has: whether the platform knows it tells whether it knows ours. */
export const PROBE_KEY = 'history_note.retry';

const loaded: Partial<Record<BundledLanguage, Texts>> = {};
const loading: Partial<Record<BundledLanguage, Promise<void>>> = {};

/**
 * A `t(key, params)` for a component: the package prefix added. When the platform's translate
 * service does not know a key (it returns the id, as a webclient without our .po files does), the
 * text shipped with the package in the user's session language; English when we have no texts in
 * that language; the key itself only when even English has none. The shipped texts must have been
 * fetched first: await `bundledTextsReady(platform)` in `componentWillLoad`.
 */
export function translator(platform: LimePlatform | undefined | null) {
  const service = findService<TranslateService>(platform, Translator);
  const language = bundledLanguage(currentLanguage(platform));
  return (key: string, params?: Record<string, unknown>): string => {
    const id = `${TRANSLATION_PREFIX}.${key}`;
    const text = service?.get(id, params);
    return text && text !== id ? text : bundledText(language, key, params);
  };
}

/**
 * Resolves once `translator(platform)` has what it needs: at once when the platform's translate
 * service knows our ids; otherwise when our texts in the session's language, or in `language` when
 * given (English when we have none in it), have been fetched. Never rejects: a failed fetch leaves the keys showing.
 */
export function bundledTextsReady(
  platform: LimePlatform | undefined | null,
  language: string | undefined = currentLanguage(platform),
): Promise<void> {
  if (platformKnowsOurTexts(platform)) {
    return Promise.resolve();
  }
  return loadBundledTexts(bundledLanguage(language));
}

function platformKnowsOurTexts(platform: LimePlatform | undefined | null): boolean {
  const id = `${TRANSLATION_PREFIX}.${PROBE_KEY}`;
  try {
    const text = findService<TranslateService>(platform, Translator)?.get(id);
    return typeof text === 'string' && text !== '' && text !== id;
  } catch {
    return false;
  }
}

function loadBundledTexts(language: BundledLanguage): Promise<void> {
  if (loaded[language]) {
    return Promise.resolve();
  }
  loading[language] ??= BUNDLED_LANGUAGES[language]().then(
    (module) => {
      loaded[language] = module.default;
    },
    () => {
      // Offline or a missing chunk: the keys show, and the next component tries again.
      delete loading[language];
    },
  );
  return loading[language];
}

/** The language we have texts in for a session language (`sv-SE` → `sv`), English otherwise. */
function bundledLanguage(language: string | undefined): BundledLanguage {
  const code = (language ?? '').slice(0, 2).toLowerCase();
  return Object.hasOwn(BUNDLED_LANGUAGES, code) ? (code as BundledLanguage) : 'en';
}

function bundledText(
  language: BundledLanguage,
  key: string,
  params?: Record<string, unknown>,
): string {
  const text = loaded[language]?.[key] ?? loaded.en?.[key];
  if (text === undefined) {
    return key;
  }
  return text.replace(/\{([a-zA-Z_]+)\}/g, (placeholder, name: string) =>
    params && name in params ? String(params[name]) : placeholder,
  );
}
