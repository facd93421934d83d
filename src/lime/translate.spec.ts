import { translator } from './translate';
import type { LimePlatform } from './types';

const platformTranslating = (texts: Record<string, string>) =>
  ({
    has: (name: string) => name === 'translate',
    get: () => ({ get: (id: string) => texts[id] ?? id }),
  }) as unknown as LimePlatform;

describe('translator', () => {
  it('asks the platform for the prefixed id', () => {
    const t = translator(
      platformTranslating({ 'limepkg_conversations.history_note.retry': 'Försök igen' }),
    );
    expect(t('history_note.retry')).toBe('Försök igen');
  });

  it('falls back to the English text shipped with the package, with its params, when there is no platform', () => {
    const t = translator(undefined);
    expect(t('history_note.retry')).toBe('Try again');
    expect(t('history_note.search.position', { current: 3, total: 17 })).toBe('3 of 17');
  });

  it('falls back to English when the platform has no translation, and to the key when English has none', () => {
    const t = translator(platformTranslating({}));
    expect(t('history_note.retry')).toBe('Try again');
    expect(t('no.such.key')).toBe('no.such.key');
  });
});
