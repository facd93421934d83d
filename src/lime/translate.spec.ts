import { bundledTextsReady, translator } from './translate';
import type { ApplicationState, LimePlatform } from './types';

/** A platform whose translate service knows `texts`, with `state.application` when given. */
const platformTranslating = (texts: Record<string, string>, application?: ApplicationState) =>
  ({
    has: (name: string) =>
      name === 'translate' || (name === 'state.application' && application !== undefined),
    get: (name: string) =>
      name === 'translate'
        ? { get: (id: string) => texts[id] ?? id }
        : {
            subscribe: (callback: (state: ApplicationState | undefined) => void) => {
              callback(application);
              return () => undefined;
            },
          },
  }) as unknown as LimePlatform;

describe('translator', () => {
  it('asks the platform for the prefixed id', () => {
    const t = translator(
      platformTranslating({ 'limepkg_conversations.history_note.retry': 'Försök igen' }),
    );
    expect(t('history_note.retry')).toBe('Försök igen');
  });

  it('falls back to the English text shipped with the package, with its params, when there is no platform', async () => {
    await bundledTextsReady(undefined);
    const t = translator(undefined);
    expect(t('history_note.retry')).toBe('Try again');
    expect(t('history_note.search.position', { current: 3, total: 17 })).toBe('3 of 17');
  });

  it("falls back to our texts in the session's language when the platform does not know a key", async () => {
    const swedish = platformTranslating({}, { session: { language: 'sv' } });
    await bundledTextsReady(swedish);
    const t = translator(swedish);
    expect(t('history_note.retry')).toBe('Försök igen');
    expect(t('history_note.search.position', { current: 3, total: 17 })).toBe('3 av 17');
    expect(
      translator(platformTranslating({}, { session: { language: 'sv-FI' } }))('history_note.retry'),
    ).toBe('Försök igen');
  });

  it('falls back to English for a session language we have no texts in, or no session', async () => {
    await bundledTextsReady(platformTranslating({}, { session: { language: 'fi' } }));
    expect(
      translator(platformTranslating({}, { session: { language: 'fi' } }))('history_note.retry'),
    ).toBe('Try again');
    expect(translator(platformTranslating({}, {}))('history_note.retry')).toBe('Try again');
  });

  it('falls back to English when the platform has no translation, and to the key when English has none', async () => {
    await bundledTextsReady(platformTranslating({}));
    const t = translator(platformTranslating({}));
    expect(t('history_note.retry')).toBe('Try again');
    expect(t('no.such.key')).toBe('no.such.key');
  });

  it("fetches our texts only when the platform lacks them, and then in one language: the session's", async () => {
    const fetched: string[] = [];
    for (const language of ['en', 'sv']) {
      jest.doMock(`../translations/${language}.json`, () => {
        fetched.push(language);
        return jest.requireActual(`../translations/${language}.json`);
      });
    }
    await jest.isolateModulesAsync(async () => {
      const translate = await import('./translate');
      const swedish = { session: { language: 'sv' } };
      const knowing = platformTranslating(
        { 'limepkg_conversations.history_note.retry': 'Försök igen' },
        swedish,
      );
      await translate.bundledTextsReady(knowing);
      expect(fetched).toEqual([]);

      const lacking = platformTranslating({}, swedish);
      await translate.bundledTextsReady(lacking);
      await translate.bundledTextsReady(lacking);
      expect(fetched).toEqual(['sv']);
      expect(translate.translator(lacking)('connect_dialog.title')).toBe('Koppla en konversation');
    });
    jest.dontMock('../translations/en.json');
    jest.dontMock('../translations/sv.json');
  });
});
