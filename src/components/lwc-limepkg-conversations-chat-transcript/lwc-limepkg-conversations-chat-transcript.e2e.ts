import { formatTranscriptNote } from '../../notes';
import type { TranscriptMessage } from '../../notes';
import {
  deepClick,
  deepCount,
  deepText,
  openNotePage,
  currentHighlights,
  searchTranscript,
} from '../lwc-limepkg-conversations-history-note/history-note-e2e-page';
import type { DeepWindow } from '../lwc-limepkg-conversations-history-note/history-note-e2e-page';

function transcript(
  count: number,
  body: (index: number) => Partial<TranscriptMessage> = () => ({}),
): string {
  const start = Date.parse('2026-11-21T08:00:00Z');
  return formatTranscriptNote({
    conversationId: '778',
    topic: 'Support',
    startedAt: new Date(start).toISOString(),
    messages: Array.from({ length: count }, (_, index) => ({
      time: new Date(start + index * 30_000).toISOString(),
      senderName: index % 2 ? 'Anna Lind' : 'Jane Doe',
      senderType: index % 2 ? 'operator' : 'contact',
      format: index % 2 ? 'markdown_v1' : 'plain_text',
      body: index % 2 ? `Message **${index}**` : `Message ${index}`,
      ...body(index),
    })),
  });
}

describe('lwc-limepkg-conversations-chat-transcript, as a reader uses it', () => {
  it('loads earlier messages as the reader scrolls up, and keeps the button to load them', async () => {
    const { page, errors } = await openNotePage(transcript(200));
    expect(await deepCount(page, '.message')).toBe(30);
    await page.evaluate(() => {
      const scroller = (window as unknown as DeepWindow).__deep.all('.messages')[0];
      scroller.scrollTop = 0;
    });
    await page.waitForFunction(
      () => (window as unknown as DeepWindow).__deep.all('.message').length === 80,
    );
    await page.waitForChanges();
    expect((await deepText(page, '.message .sender')).length).toBe(80);
    // The reader is not thrown back to the top of the new messages: the ones read stay in view.
    const scrollTop = await page.evaluate(
      () => (window as unknown as DeepWindow).__deep.all('.messages')[0].scrollTop,
    );
    expect(scrollTop).toBeGreaterThan(120);
    expect(await deepText(page, 'limel-button.load-earlier')).toHaveLength(1);
    await deepClick(page, 'limel-button.load-earlier');
    expect(await deepCount(page, '.message')).toBe(130);
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows plain and markdown messages in the same font size', async () => {
    const { page } = await openNotePage(transcript(4));
    const sizes = await page.evaluate(() => {
      const deep = (window as unknown as DeepWindow).__deep;
      const plain = deep.all('.body.plain')[0];
      const markdownParagraph = deep.all('#markdown p')[0];
      return [getComputedStyle(plain).fontSize, getComputedStyle(markdownParagraph).fontSize];
    });
    expect(sizes[0]).toBe(sizes[1]);
  });

  it('says so when the messages filtered by a search have no hits', async () => {
    const { page, errors } = await openNotePage(transcript(10));
    await searchTranscript(page, 'Message 2');
    await deepClick(page, 'limel-chip.only-matches');
    expect(await deepCount(page, '.message')).toBe(1);
    await searchTranscript(page, 'zebra');
    expect(await deepCount(page, '.message')).toBe(0);
    expect(await deepText(page, '.empty')).toEqual(['No messages match “zebra”.']);
    expect(await deepText(page, '.position')).toEqual(['No matches']);
    expect(errors).toEqual([]);
  });

  it('keeps the current match highlighted inside links, in plain and in markdown messages', async () => {
    const { page, errors } = await openNotePage(
      transcript(2, (index) =>
        index === 0
          ? { body: 'See https://billing.example.com/invoice/7 today' }
          : { body: 'Or [the invoice page](https://billing.example.com/invoice/8)' },
      ),
    );
    await searchTranscript(page, 'invoice');
    expect(await deepText(page, '.position')).toEqual(['1 of 3']);
    // The plain message keeps its link while searching, with the match marked inside it.
    expect(await deepText(page, 'a mark.current')).toEqual(['invoice']);
    expect(
      await deepCount(page, '.body.plain a[href="https://billing.example.com/invoice/7"]'),
    ).toBe(1);
    await deepClick(page, 'limel-icon-button.next');
    expect(await deepText(page, '.position')).toEqual(['2 of 3']);
    expect(await currentHighlights(page)).toEqual([{ text: 'invoice', inLink: true }]);
    const colours = await page.evaluate(() => {
      const deep = (window as unknown as DeepWindow).__deep;
      const link = deep.all('#markdown a')[0];
      const markdown = deep.all('limel-markdown')[0];
      return {
        link: getComputedStyle(link, '::highlight(lwc-limepkg-conversations-current-match)')
          .backgroundColor,
        host: getComputedStyle(markdown, '::highlight(lwc-limepkg-conversations-current-match)')
          .backgroundColor,
      };
    });
    expect(colours.link).toBe(colours.host);
    expect(colours.link).not.toBe('rgba(0, 0, 0, 0)');
    expect(errors).toEqual([]);
  });
});
