import { formatTranscriptNote } from '../../notes';
import {
  deepCount,
  deepText,
  openNotePage,
  currentHighlights,
  searchTranscript,
} from '../lwc-limepkg-conversations-history-note/history-note-e2e-page';
import type { DeepWindow } from '../lwc-limepkg-conversations-history-note/history-note-e2e-page';

const dci = (summary: string) =>
  `Conversation Summary | Anna Lind | Hostile | 2026-11-02 10:00\n\nSummary:\n${summary}\n`;

const wideTable = (columns: number, rows: number) =>
  ['|a'.repeat(columns) + '|', '|-'.repeat(columns) + '|', ...Array(rows).fill('x')].join('\n');

// The classes of markdown whose rendering grows faster than their text (issue 11).
const HOSTILE: [string, string][] = [
  ['a wide table header over many short rows', wideTable(2000, 2000)],
  ['quotes nested thousands deep', '>'.repeat(5000) + ' deep'],
  ['lists nested thousands deep', '- '.repeat(3000) + 'deep'],
  ['a long run of "["', '['.repeat(50_000)],
  ['a long run of "*"', 'a ' + '*'.repeat(50_000) + ' b'],
  ['a long run of "~"', 'a ' + '~'.repeat(50_000) + ' b'],
  [
    'a link followed by tens of thousands of ")."',
    'see https://a.example/x' + ').'.repeat(25_000) + 'x',
  ],
];

describe('lwc-limepkg-conversations-safe-markdown over its rendering budget', () => {
  for (const [what, markdown] of HOSTILE) {
    it(`shows ${what} as plain text, with a quiet hint, instead of formatting it`, async () => {
      const { page, errors } = await openNotePage(dci(markdown));
      expect(await deepCount(page, 'limel-markdown')).toBe(0);
      expect(await deepText(page, '.plain-text-hint')).toEqual([
        'Shown as plain text: too complex to format.',
      ]);
      const shown = await page.evaluate(
        () => (window as unknown as DeepWindow).__deep.all('.as-typed')[0].textContent,
      );
      expect(shown).toBe(markdown);
      expect(errors).toEqual([]);
    }, 60_000);
  }

  it('still formats ordinary markdown, with no hint', async () => {
    const { page } = await openNotePage(
      dci('**Key points**\n\n| Seats | Users |\n| --- | --- |\n| 40 | 25 |'),
    );
    expect(await deepCount(page, 'limel-markdown')).toBe(1);
    expect(await deepCount(page, '.plain-text-hint')).toBe(0);
    expect(await deepText(page, '#markdown strong')).toEqual(['Key points']);
    expect(await deepText(page, '#markdown td')).toEqual(['40', '25']);
  });

  it('keeps a message shown as plain text searchable, the current match highlighted', async () => {
    const body = 'Invoice table\n\n' + wideTable(2000, 200);
    const note = formatTranscriptNote({
      conversationId: '9',
      topic: 'Hostile',
      startedAt: '2026-11-21T08:00:00Z',
      messages: [
        {
          time: '2026-11-21T08:00:01Z',
          senderName: 'Jane',
          senderType: 'contact',
          format: 'markdown_v1',
          body,
        },
      ],
    });
    const { page, errors } = await openNotePage(note);
    await searchTranscript(page, 'invoice');
    expect(await deepText(page, '.position')).toEqual(['1 of 1']);
    expect(await deepText(page, '.plain-text-hint')).toHaveLength(1);
    await page.waitForFunction(
      () =>
        ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
          'lwc-limepkg-conversations-current-match',
        )?.size ?? 0) > 0,
    );
    expect(await currentHighlights(page)).toEqual([{ text: 'Invoice', inLink: false }]);
    expect(errors).toEqual([]);
  }, 60_000);
});
