// The demo pages share one emulated Lime CRM per page load, persisted in localStorage so that
// what one page writes (a sent conversation, a synced meeting) shows on the others.
import { createEmulator } from '../emulator';

export const DEMO_STORAGE_KEY = 'limepkg-conversations-demo';
const LANGUAGE_KEY = 'limepkg-conversations-demo-language';

export type DemoLanguage = 'en' | 'sv';

/** The demo pages, as the navigation bar names them. */
export type DemoPage = 'card' | 'admin' | 'lime-connect' | 'dci';
export type DemoEmulator = ReturnType<typeof createEmulator>;

declare global {
  interface Window {
    /** The demo's emulator, for e2e tests to arrange faults and read the database. */
    limeDemo?: { emulator: DemoEmulator; language: DemoLanguage };
  }
}

let emulator: DemoEmulator | undefined;

export function demoLanguage(): DemoLanguage {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'sv' || fromUrl === 'en') {
    return fromUrl;
  }
  return localStorage.getItem(LANGUAGE_KEY) === 'sv' ? 'sv' : 'en';
}

export function setDemoLanguage(language: DemoLanguage): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  const url = new URL(location.href);
  url.searchParams.delete('lang');
  location.href = url.toString();
}

export function getDemoEmulator(): DemoEmulator {
  if (!emulator) {
    const language = demoLanguage();
    emulator = createEmulator({ storageKey: DEMO_STORAGE_KEY, language });
    window.limeDemo = { emulator, language };
  }
  return emulator;
}
