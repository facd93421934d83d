// The user's language, read where the platform keeps it: `state.application`'s session.
import { subscribe } from './subscribe';
import { ApplicationRepository } from './services';
import type { ApplicationState, LimePlatform } from './types';

/** The session's language (`sv`, `en-US`, …) in an application state, or `undefined`. */
export function languageOfApplication(
  state: ApplicationState | null | undefined,
): string | undefined {
  const language = state?.session?.language;
  return typeof language === 'string' && language.trim() !== '' ? language.trim() : undefined;
}

/** Subscribes to the session's language; the callback hears `undefined` when there is none. */
export function subscribeLanguage(
  platform: LimePlatform | undefined | null,
  callback: (language: string | undefined) => void,
): () => void {
  return subscribe<ApplicationState>(platform, ApplicationRepository, (state) =>
    callback(languageOfApplication(state)),
  );
}

// One lasting subscription per platform object, so `currentLanguage` costs a map lookup. The
// platform lives as long as the page, and the entry goes with it (a WeakMap keeps nothing alive).
const watched = new WeakMap<object, { language?: string }>();

/** The user's language now (`undefined` before the platform says, or without a platform). */
export function currentLanguage(platform: LimePlatform | undefined | null): string | undefined {
  if (!platform) {
    return undefined;
  }
  let entry = watched.get(platform);
  if (!entry) {
    const created: { language?: string } = {};
    entry = created;
    watched.set(platform, created);
    try {
      subscribeLanguage(platform, (language) => {
        created.language = language;
      });
    } catch {
      // A platform whose application state cannot be read: no language, so English.
    }
  }
  return entry.language;
}
