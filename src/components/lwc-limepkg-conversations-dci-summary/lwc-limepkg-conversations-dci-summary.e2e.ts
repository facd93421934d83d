import {
  deepProperty,
  deepText,
  openNotePage,
} from '../lwc-limepkg-conversations-history-note/history-note-e2e-page';

const title = 'Conversation Summary | Anna Lind | All hands | 2026-11-02 10:00';

describe('lwc-limepkg-conversations-dci-summary on hostile and unusual notes', () => {
  it('shows chips for the first hundred of 50,000 participants and counts the rest', async () => {
    const names = Array.from({ length: 50_000 }, (_, index) => `- Person ${index}`);
    const { page, errors } = await openNotePage(`${title}\n\nParticipants:\n${names.join('\n')}\n`);
    const [chips] = (await deepProperty(page, 'limel-chip-set', 'value')) as { text: string }[][];
    expect(chips).toHaveLength(100);
    expect(chips[99].text).toBe('Person 99');
    expect(await deepText(page, '.more-participants')).toEqual(['and 49900 more']);
    expect(errors).toEqual([]);
  }, 60_000);

  it('puts the real recording on its button, whatever a participant is called', async () => {
    const { page, errors } = await openNotePage(
      `${title}\n\nParticipants:\n- Anna Lind\n- Recording: https://evil.example/phish\n\nRecording: https://dci.example/rec/1\n`,
    );
    await page.evaluate(() => {
      (window as unknown as { __opened: string[] }).__opened = [];
      window.open = (url?: string | URL) => {
        (window as unknown as { __opened: string[] }).__opened.push(String(url));
        return null;
      };
    });
    const chips = (await deepProperty(page, 'limel-chip-set', 'value')) as { text: string }[][];
    expect(chips[0].map((chip) => chip.text)).toEqual([
      'Anna Lind',
      'Recording: https://evil.example/phish',
    ]);
    await page.evaluate(() => {
      const roots: (Document | ShadowRoot)[] = [document];
      for (let i = 0; i < roots.length; i++) {
        for (const element of roots[i].querySelectorAll('*')) {
          if (element.shadowRoot) roots.push(element.shadowRoot);
        }
      }
      const button = roots.flatMap((root) =>
        Array.from(root.querySelectorAll('limel-button.recording')),
      )[0];
      (button as HTMLElement).click();
    });
    expect(
      await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened),
    ).toEqual(['https://dci.example/rec/1']);
    expect(errors).toEqual([]);
  });
});
