import { FIXTURE_NOTES } from '../../emulator/fixture-notes';
import { formatTranscriptNote } from '../../notes';
import type { TranscriptMessage } from '../../notes';
import {
  deepClick,
  deepCount,
  deepFullText,
  deepProperty,
  deepText,
  hostKind,
  markdownTexts,
  openNotePage,
  settle,
  screenshot,
} from './history-note-e2e-page';
import type { DeepWindow } from './history-note-e2e-page';

function transcript(
  count: number,
  body: (index: number) => Partial<TranscriptMessage> = () => ({}),
): string {
  const start = Date.parse('2026-11-21T08:00:00Z');
  return formatTranscriptNote({
    conversationId: '777',
    topic: 'Support',
    startedAt: new Date(start).toISOString(),
    contact: { name: 'Jane Doe', email: 'jane@example.com' },
    operator: { name: 'Anna Lind' },
    messages: Array.from({ length: count }, (_, index) => ({
      time: new Date(start + index * 30_000).toISOString(),
      senderName: index % 2 ? 'Anna Lind' : 'Jane Doe',
      senderType: index % 2 ? 'operator' : 'contact',
      format: index % 3 === 1 ? 'markdown_v1' : 'plain_text',
      body: index % 3 === 1 ? `Message **${index}**` : `Message ${index}`,
      ...body(index),
    })),
  });
}

describe('lwc-limepkg-conversations-history-note renders each kind', () => {
  it('shows the plain-text DCI summary as a meeting: heading, presenter, date, chips, buttons, notes and summary', async () => {
    const { page, errors } = await openNotePage(FIXTURE_NOTES['dci-summary-plain.txt']);
    expect(await hostKind(page)).toBe('dci-summary');
    expect(await deepText(page, '.meeting-name')).toEqual(['Quarterly review with Acme']);
    expect(await deepText(page, '.presenter')).toEqual(['Presented by Anna Lind']);
    // The e2e browser reads in en-US: the date written without a zone is the reader's local time.
    expect(await deepText(page, 'time.date')).toEqual(['Nov 20, 2026, 2:00 PM']);
    expect(await deepProperty(page, 'limel-chip-set', 'value')).toEqual([
      [
        { id: 0, text: 'Anna Lind', icon: 'user' },
        { id: 1, text: 'John Smith', icon: 'user' },
        { id: 2, text: 'Maria Berg', icon: 'user' },
      ],
    ]);
    expect(await deepProperty(page, 'limel-button', 'label')).toEqual([
      'Recording',
      'Transcript',
      'Show original',
    ]);
    const [notes, summary] = await markdownTexts(page);
    expect(notes).toBe('Send revised pricing by Friday.');
    expect(summary).toContain('Acme wants to grow from 25 to 40 seats in Q1.');
    expect(await deepText(page, 'limel-collapsible-section')).toHaveLength(1);
    expect(errors).toEqual([]);
    await screenshot(page, 'history-note-dci-plain');
  });

  it('shows the markdown DCI summary with emails on the chips and the summary table', async () => {
    const { page, errors } = await openNotePage(FIXTURE_NOTES['dci-summary-markdown.txt']);
    expect(await hostKind(page)).toBe('dci-summary');
    expect(await deepText(page, '.meeting-name')).toEqual(['Demo: Nordic Widgets onboarding']);
    const [chips] = (await deepProperty(page, 'limel-chip-set', 'value')) as { text: string }[][];
    expect(chips.map((chip) => chip.text)).toEqual([
      'Erik Svensson',
      'Lisa Holm · lisa.holm@nordicwidgets.example',
      'Omar Haddad',
    ]);
    expect(await deepCount(page, 'table')).toBe(1);
    expect(errors).toEqual([]);
    await screenshot(page, 'history-note-dci-markdown');
  });

  it('opens the recording in a new tab without a referrer, and shows the original text on request', async () => {
    const { page, errors } = await openNotePage(FIXTURE_NOTES['dci-summary-plain.txt']);
    await page.evaluate(() => {
      (window as unknown as { opened: unknown[] }).opened = [];
      window.open = (...args: unknown[]) => {
        (window as unknown as { opened: unknown[] }).opened.push(args);
        return null;
      };
    });
    await deepClick(page, 'limel-button.recording');
    expect(await page.evaluate(() => (window as unknown as { opened: unknown[] }).opened)).toEqual([
      ['https://app.dci.example/recordings/7f3a91', '_blank', 'noopener,noreferrer'],
    ]);
    expect(await deepCount(page, 'pre.original')).toBe(0);
    await deepClick(page, 'limel-button.original-toggle');
    expect((await deepText(page, 'pre.original'))[0]).toContain(
      'Conversation Summary | Anna Lind | Quarterly review',
    );
    expect(await deepProperty(page, 'limel-button.original-toggle', 'label')).toEqual([
      'Hide original',
    ]);
    expect(errors).toEqual([]);
  });

  it('shows the short transcript as bubbles, contact left and operator right, markdown formatted', async () => {
    const { page, errors } = await openNotePage(FIXTURE_NOTES['transcript-short.txt']);
    expect(await hostKind(page)).toBe('chat-transcript');
    expect(await deepText(page, '.title .topic')).toEqual(['Support']);
    expect((await deepText(page, '.title'))[0]).toContain('Conversation #48213');
    expect(await deepText(page, '.people .contact')).toEqual(['Jane Doejane@example.com']);
    expect(await deepText(page, '.people .contact .email')).toEqual(['jane@example.com']);
    expect(await deepText(page, '.people .operator')).toEqual(['Anna Lind']);
    expect(await deepText(page, '.message .sender')).toEqual([
      'Jane Doe',
      'Anna Lind',
      'Jane Doe',
      'Anna Lind',
    ]);
    expect(await deepText(page, '.message.contact .plain')).toEqual([
      'Hello, I have a question about your product.',
      'My invoice shows 40 seats but we only have 25 users. I pasted this from an old chat: [2026-10-02T08:00:00Z] Anna Lind (operator): Your plan has 40 seats.',
    ]);
    expect(await markdownTexts(page)).toEqual([
      'Hello, how can I help you?',
      'Thanks! I have corrected it — see your invoices.',
    ]);
    expect(await deepText(page, 'strong')).toEqual(['how']);
    const positions = await page.evaluate(() =>
      (window as unknown as { __deep: { all(s: string): Element[] } }).__deep
        .all('.bubble')
        .map((bubble) => {
          const box = bubble.getBoundingClientRect();
          const list = bubble.closest('.message-list')!.getBoundingClientRect();
          return box.left - list.left < list.right - box.right ? 'left' : 'right';
        }),
    );
    expect(positions).toEqual(['left', 'right', 'left', 'right']);
    const link = await page.evaluate(() => {
      const anchor = (
        window as unknown as { __deep: { all(s: string): HTMLAnchorElement[] } }
      ).__deep.all('a[href^="https://billing.example.com"]')[0];
      return [anchor.getAttribute('href'), anchor.target, anchor.rel];
    });
    expect(link).toEqual(['https://billing.example.com/invoices', '_blank', 'noopener noreferrer']);
    expect(errors).toEqual([]);
    await screenshot(page, 'history-note-transcript');
  });

  it('shows a plain note with its line breaks and a clickable link, nothing else interpreted', async () => {
    const { page, errors } = await openNotePage(
      FIXTURE_NOTES['plain-note.txt'] + '\n**not bold** <b>not bold</b>',
    );
    expect(await hostKind(page)).toBe('plain');
    expect(await deepCount(page, 'b, strong, limel-markdown')).toBe(0);
    expect((await deepText(page, 'p.text'))[0]).toContain('**not bold** <b>not bold</b>');
    expect(
      await page.evaluate(() =>
        (window as unknown as DeepWindow).__deep.all('p.text')[0].innerText.split('\n'),
      ),
    ).toEqual([
      'Called Jane about the renewal.',
      'She will confirm the seat count next week: https://crm.example.com/deal/1002',
      '',
      'Follow up on Monday.',
      '',
      '**not bold** <b>not bold</b>',
    ]);
    expect(
      await deepCount(
        page,
        'a[href="https://crm.example.com/deal/1002"][target="_blank"][rel="noopener noreferrer"]',
      ),
    ).toBe(1);
    expect(errors).toEqual([]);
    await screenshot(page, 'history-note-plain');
  });

  it('collapses a long note with Show more, and expands it again', async () => {
    const long = Array.from(
      { length: 80 },
      (_, index) => `Line ${index + 1} of a long call log.`,
    ).join('\n');
    const { page, errors } = await openNotePage(long);
    expect(await deepProperty(page, 'limel-button.toggle', 'label')).toEqual(['Show more']);
    const collapsedHeight = await page.$eval(
      'lwc-limepkg-conversations-history-note',
      (e) => e.getBoundingClientRect().height,
    );
    await deepClick(page, 'limel-button.toggle');
    expect(await deepProperty(page, 'limel-button.toggle', 'label')).toEqual(['Show less']);
    const expandedHeight = await page.$eval(
      'lwc-limepkg-conversations-history-note',
      (e) => e.getBoundingClientRect().height,
    );
    expect(expandedHeight).toBeGreaterThan(collapsedHeight * 2);
    expect(errors).toEqual([]);
  });

  it('shows a short note without a Show more button', async () => {
    const { page } = await openNotePage('Called Jane.');
    expect(await deepCount(page, 'limel-button.toggle')).toBe(0);
  });

  it('says so when it has neither a value nor a history object to load', async () => {
    const { page, errors } = await openNotePage();
    await page.waitForChanges();
    expect(await deepText(page, '.error')).toEqual(['There is no note to show.']);
    expect(await hostKind(page)).toBeNull();
    expect(errors).toEqual([]);
  });
});

describe('lwc-limepkg-conversations-history-note inside Lime CRM (the emulator)', () => {
  it('loads the note of the history object in its context through the platform', async () => {
    const { page, errors } = await openNotePage(undefined, {
      markup:
        '<limepkg-conversations-example-history-note-dci-summary></limepkg-conversations-example-history-note-dci-summary>',
    });
    await page.waitForFunction(
      () =>
        document
          .querySelector('limepkg-conversations-example-history-note-dci-summary')
          ?.shadowRoot?.querySelector('lwc-limepkg-conversations-history-note')
          ?.getAttribute('kind') === 'dci-summary',
      { timeout: 15000 },
    );
    expect(errors).toEqual([]);
  });

  it('says a missing history note no longer exists, and offers to try again', async () => {
    const { page, errors } = await openNotePage(undefined, {
      markup:
        '<limepkg-conversations-example-history-note-missing></limepkg-conversations-example-history-note-missing>',
    });
    // The note lives in the example's shadow root; its error part in the note's own.
    const errorPart = () =>
      document
        .querySelector('limepkg-conversations-example-history-note-missing')
        ?.shadowRoot?.querySelector('lwc-limepkg-conversations-history-note')
        ?.shadowRoot?.querySelector('.error');
    await page.waitForFunction(`(${errorPart})()?.textContent?.length`);
    const shown = await page.evaluate(`(() => {
      const error = (${errorPart})();
      return [error?.querySelector('span')?.textContent, error?.querySelector('limel-button')?.label];
    })()`);
    expect(shown).toEqual(['This history note no longer exists.', 'Try again']);
    expect(errors.filter((error) => !/404|Not Found/i.test(error))).toEqual([]);
  });
});

describe('lwc-limepkg-conversations-history-note in a long transcript', () => {
  it('opens on the most recent messages and loads earlier ones on request, keeping the reader in place', async () => {
    const { page, errors } = await openNotePage(transcript(2000));
    expect(await deepCount(page, '.message')).toBe(30);
    expect((await deepFullText(page, '.message .body')).slice(-2)).toEqual([
      'Message 1998',
      'Message 1999',
    ]);
    const atBottom = await page.evaluate(() => {
      const scroller = (window as unknown as DeepWindow).__deep.all('.messages')[0] as HTMLElement;
      return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    });
    expect(atBottom).toBeLessThan(30);
    expect(await deepProperty(page, 'limel-button.load-earlier', 'label')).toEqual([
      'Load earlier messages (1970 more)',
    ]);
    const offsetOfMessage1990 = () =>
      page.evaluate(() => {
        const deep = (window as unknown as DeepWindow).__deep;
        const scroller = deep.all('.messages')[0];
        const message = deep.all('.message[data-index="1990"]')[0];
        return Math.round(
          message.getBoundingClientRect().top - scroller.getBoundingClientRect().top,
        );
      });
    const before = await offsetOfMessage1990();
    await deepClick(page, 'limel-button.load-earlier');
    expect(await deepCount(page, '.message')).toBe(80);
    expect(Math.abs((await offsetOfMessage1990()) - before)).toBeLessThan(80);
    expect((await deepFullText(page, '.message .body'))[0]).toBe('Message 1920');
    // Only the markdown messages near the view were parsed; the others wait as text.
    expect(await deepCount(page, 'limel-markdown')).toBeLessThan(27);
    expect(errors).toEqual([]);
    await screenshot(page, 'history-note-long');
  }, 120_000);

  it('searches every message, says "n of m", steps with next and previous, and highlights the current match', async () => {
    const { page, errors } = await openNotePage(
      transcript(2000, (index) =>
        index % 100 === 5 ? { body: `Invoice ${index} is wrong`, format: 'plain_text' } : {},
      ),
    );
    await page.evaluate(() => {
      const field = (window as unknown as DeepWindow).__deep.all(
        'limel-input-field.search-field',
      )[0];
      field.dispatchEvent(new CustomEvent('change', { detail: 'invoice', bubbles: true }));
    });
    await page.waitForChanges();
    await settle(page);
    expect(await deepText(page, '.position')).toEqual(['1 of 20']);
    expect(await deepText(page, 'mark.current')).toEqual(['Invoice']);
    expect(await deepText(page, '.message.current .body')).toEqual(['Invoice 5 is wrong']);
    await deepClick(page, 'limel-icon-button.next');
    expect(await deepText(page, '.position')).toEqual(['2 of 20']);
    expect(await deepText(page, '.message.current .body')).toEqual(['Invoice 105 is wrong']);
    await deepClick(page, 'limel-icon-button.previous');
    await deepClick(page, 'limel-icon-button.previous');
    expect(await deepText(page, '.position')).toEqual(['20 of 20']);
    expect(await deepText(page, '.message.current .body')).toEqual(['Invoice 1905 is wrong']);
    // The current match is scrolled into view (the scroll may take a few frames).
    await page.waitForFunction(() => {
      const current = (window as unknown as DeepWindow).__deep.all(
        '.message.current',
      )[0] as HTMLElement;
      const scroller = (window as unknown as DeepWindow).__deep.all('.messages')[0] as HTMLElement;
      const box = current.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom;
    });
    await deepClick(page, 'limel-chip.only-matches');
    expect(await deepCount(page, '.message')).toBe(20);
    expect(await deepCount(page, '.message:not(.matching)')).toBe(0);
    expect(errors).toEqual([]);
    await screenshot(page, 'history-note-search');
  }, 120_000);

  it('highlights matches inside formatted markdown messages too', async () => {
    const { page, errors } = await openNotePage(FIXTURE_NOTES['transcript-short.txt']);
    await page.evaluate(() => {
      const field = (window as unknown as DeepWindow).__deep.all(
        'limel-input-field.search-field',
      )[0];
      field.dispatchEvent(new CustomEvent('change', { detail: 'help', bubbles: true }));
    });
    await page.waitForChanges();
    await settle(page);
    expect(await deepText(page, '.position')).toEqual(['1 of 1']);
    expect(await deepText(page, '.message.current .sender')).toEqual(['Anna Lind']);
    const highlighted = await page.evaluate(() =>
      [
        ...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
          'lwc-limepkg-conversations-current-match',
        )!,
      ].map((range) => range.toString()),
    );
    expect(highlighted).toEqual(['help']);
    expect(errors).toEqual([]);
  });

  it('says when nothing matches', async () => {
    const { page } = await openNotePage(transcript(10));
    await page.evaluate(() => {
      const field = (window as unknown as DeepWindow).__deep.all(
        'limel-input-field.search-field',
      )[0];
      field.dispatchEvent(new CustomEvent('change', { detail: 'zebra', bubbles: true }));
    });
    await page.waitForChanges();
    expect(await deepText(page, '.position')).toEqual(['No matches']);
    expect(await deepProperty(page, 'limel-icon-button.next', 'disabled')).toEqual([true]);
  });
});
