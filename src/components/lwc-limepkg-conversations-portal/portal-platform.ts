// The Portal runs in Lime Connect's frame, not in the webclient: there is no platform to hand it
// services. This gives it the one it needs, `translate`, over the package's own translation files,
// so that its strings go through `translator(platform)` like every other component's.
import en from '../../translations/en.json';
import sv from '../../translations/sv.json';
import {
  TRANSLATION_PREFIX,
  Translator,
  type LimePlatform,
  type TranslateService,
} from '../../lime';

const TEXTS: Record<'en' | 'sv', Record<string, string>> = { en, sv };

/** A platform holding only a translate service in `language()` (English where a text is missing). */
export function createPortalPlatform(language: () => 'en' | 'sv'): LimePlatform {
  const translate: TranslateService = {
    get(id: string, params?: object): string {
      const prefix = `${TRANSLATION_PREFIX}.`;
      if (!id.startsWith(prefix)) {
        return id;
      }
      const key = id.slice(prefix.length);
      const text = TEXTS[language()][key] ?? TEXTS.en[key];
      return text === undefined ? id : interpolate(text, params);
    },
  };
  const services: Record<string, unknown> = { [Translator]: translate };
  return {
    type: 'LimeCRMWebClient',
    get: (name: string) => services[name],
    has: (name: string) => Object.hasOwn(services, name),
    register: (name: string, service: unknown) => {
      services[name] = service;
    },
  };
}

function interpolate(text: string, params: object | undefined): string {
  if (!params) {
    return text;
  }
  const values = new Map(Object.entries(params));
  return text.replace(/\{([a-zA-Z0-9_]+)\}/g, (placeholder, name: string) => {
    const value = values.get(name);
    return value === undefined || value === null ? placeholder : String(value);
  });
}
