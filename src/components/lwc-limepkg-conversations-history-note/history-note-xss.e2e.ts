import type { E2EPage } from '@stencil/core/testing';
import { FIXTURE_NOTES } from '../../emulator/fixture-notes';
import { formatDciSummaryNote, formatTranscriptNote } from '../../notes';
import {
  deepCount,
  foreignRequests,
  hostKind,
  networkImages,
  openNotePage,
  settle,
  screenshot,
} from './history-note-e2e-page';
import type { NotePage } from './history-note-e2e-page';
import { XSS_VECTORS } from './xss-vectors';

/** Everything an attacker could have left behind, read across every shadow root. */
async function leftovers(page: E2EPage) {
  // Let error handlers, autofocus and animations fire, as they would for a reader.
  await page.evaluate(async () => {
    const deep = (window as unknown as { __deep: { all(s: string): HTMLElement[] } }).__deep;
    for (const element of deep.all('*')) {
      element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      element.dispatchEvent(new FocusEvent('focus'));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  return page.evaluate(() => {
    const deep = (
      window as unknown as {
        __deep: { all(s: string): Element[]; roots(): (Document | ShadowRoot)[] };
      }
    ).__deep;
    const found: string[] = [];
    const dangerous = /^(javascript|vbscript|data):/;
    for (const element of deep.all('*')) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        // Browsers ignore control characters and spaces in URLs: judge the value without them.
        const value = Array.from(attribute.value)
          .filter((char) => char.charCodeAt(0) > 0x20)
          .join('')
          .toLowerCase();
        if (name.startsWith('on')) {
          found.push(`${element.localName}[${name}]`);
        }
        if (
          /^(href|src|srcset|action|formaction|xlink:href|data|srcdoc|poster|background|link)$/.test(
            name,
          )
        ) {
          if (dangerous.test(value) || value.includes('javascript:')) {
            found.push(`${element.localName}[${name}=${attribute.value}]`);
          }
        }
      }
    }
    // What only the note could have put there: raw HTML elements inside rendered markdown.
    for (const markdown of deep.all('limel-markdown')) {
      for (const element of Array.from(
        markdown.shadowRoot?.querySelectorAll('#markdown *') ?? [],
      )) {
        if (
          /^(script|iframe|object|embed|svg|math|form|input|button|base|meta|link|style|img|picture|video|audio|template|x|limel-chip|limel-icon|details|noscript|body)$/.test(
            element.localName,
          )
        ) {
          found.push(`<${element.localName}> in markdown`);
        }
      }
    }
    for (const link of deep.all('a[href]')) {
      const href = link.getAttribute('href') ?? '';
      if (!/^(https?|mailto|tel):/i.test(href)) {
        found.push(`link to ${href}`);
      } else if (
        link.getAttribute('target') !== '_blank' ||
        link.getAttribute('rel') !== 'noopener noreferrer'
      ) {
        found.push(`link to ${href} without target/rel`);
      }
    }
    const pwned = (window as unknown as { __pwned?: unknown }).__pwned;
    if (pwned !== undefined) {
      found.push(`window.__pwned = ${String(pwned)}`);
    }
    return found;
  });
}

async function expectInert({ page, errors, requests }: NotePage) {
  expect(await leftovers(page)).toEqual([]);
  expect(networkImages(requests)).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
  expect(errors).toEqual([]);
}

/** A page tall enough that every message is in view, so every markdown body is parsed. */
async function openTall(value: string): Promise<NotePage> {
  const notePage = await openNotePage(undefined);
  await notePage.page.setViewport({ width: 900, height: 12000 });
  await notePage.page.$eval('lwc-limepkg-conversations-history-note', (element) =>
    (element as HTMLElement).style.setProperty(
      '--lwc-limepkg-conversations-transcript-height',
      'none',
    ),
  );
  await notePage.page.$eval(
    'lwc-limepkg-conversations-history-note',
    (element, text) => ((element as unknown as { value: string }).value = text),
    value,
  );
  await notePage.page.waitForChanges();
  await settle(notePage.page);
  return notePage;
}

function vectorTranscript(vectors: string[], format: 'markdown_v1' | 'plain_text') {
  return formatTranscriptNote({
    conversationId: '66',
    topic: vectors[0],
    startedAt: '2026-11-21T08:00:00Z',
    contact: { name: vectors[1] ?? 'Eve', email: 'evil@example.com' },
    operator: { name: vectors[2] ?? 'Mallory' },
    messages: vectors.map((vector, index) => ({
      time: `2026-11-21T08:00:${String(index % 60).padStart(2, '0')}Z`,
      senderName: vector.replace(/\n/g, ' '),
      senderType: index % 2 ? 'operator' : 'contact',
      format,
      body: vector,
    })),
  });
}

const chunks = (size: number) =>
  Array.from({ length: Math.ceil(XSS_VECTORS.length / size) }, (_, index) =>
    XSS_VECTORS.slice(index * size, index * size + size),
  );

describe('lwc-limepkg-conversations-history-note keeps hostile notes inert', () => {
  it(`has at least 40 vectors of its own (it has ${XSS_VECTORS.length})`, () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(40);
  });

  it('renders the hostile fixture: no script, no tracking image, a<b and c>d as typed', async () => {
    const notePage = await openTall(FIXTURE_NOTES['hostile-note.txt']);
    expect(await hostKind(notePage.page)).toBe('chat-transcript');
    await expectInert(notePage);
    const plain = await notePage.page.evaluate(() =>
      (window as unknown as { __deep: { all(s: string): Element[] } }).__deep
        .all('.plain')
        .map((p) => p.textContent),
    );
    expect(plain).toEqual([
      '<svg onload="window.__pwned=1"></svg> plain text must stay text: a<b and c>d',
    ]);
    await notePage.page.setViewport({ width: 900, height: 700 });
    await screenshot(notePage.page, 'history-note-hostile');
  });

  it.each(chunks(25).map((vectors, index) => [index + 1, vectors] as const))(
    'renders vector set %i as markdown messages inertly',
    async (_set, vectors) => {
      const notePage = await openTall(vectorTranscript(vectors, 'markdown_v1'));
      expect(await deepCount(notePage.page, 'lwc-limepkg-conversations-safe-markdown')).toBe(
        vectors.length,
      );
      expect(await deepCount(notePage.page, 'limel-markdown')).toBe(vectors.length);
      await expectInert(notePage);
    },
  );

  it('renders every vector as plain messages as typed text', async () => {
    const notePage = await openTall(vectorTranscript(XSS_VECTORS.slice(0, 30), 'plain_text'));
    expect(await deepCount(notePage.page, 'limel-markdown')).toBe(0);
    const bodies = await notePage.page.evaluate(() =>
      (window as unknown as { __deep: { all(s: string): Element[] } }).__deep
        .all('.plain')
        .map((p) => p.textContent),
    );
    expect(bodies).toEqual(XSS_VECTORS.slice(0, 30));
    await expectInert(notePage);
  });

  it('renders every vector inside a DCI summary, its notes, participants and links inertly', async () => {
    const text = formatDciSummaryNote({
      presenter: XSS_VECTORS[1],
      meetingName: XSS_VECTORS[0],
      dateText: '2026-11-20 14:00',
      date: '2026-11-20T14:00:00',
      participants: XSS_VECTORS.slice(0, 10).map((name) => ({ name: name.replace(/\n/g, ' ') })),
      links: {
        recording: 'javascript:window.__pwned=1',
        transcript: 'data:text/html,<script>parent.__pwned=1</script>',
      },
      notes: XSS_VECTORS.slice(0, 30).join('\n\n'),
      summary: XSS_VECTORS.slice(30).join('\n\n'),
    });
    const notePage = await openTall(text);
    expect(await hostKind(notePage.page)).toBe('dci-summary');
    expect(await deepCount(notePage.page, 'limel-button.recording, limel-button.transcript')).toBe(
      0,
    );
    await expectInert(notePage);
    await screenshot(notePage.page, 'history-note-dci-hostile');
  });

  it('renders an HTML DCI note inertly', async () => {
    const html =
      '<p><b>Conversation Summary | Eve | Q4 | 2026-11-20</b></p><h3>Summary</h3>' +
      XSS_VECTORS.map((vector) => `<p>${vector}</p>`).join('');
    const notePage = await openTall(html);
    expect(await hostKind(notePage.page)).toBe('dci-summary');
    await expectInert(notePage);
  });

  it('renders every vector in a plain note as typed text', async () => {
    const notePage = await openTall(XSS_VECTORS.join('\n'));
    expect(await hostKind(notePage.page)).toBe('plain');
    expect(await deepCount(notePage.page, 'limel-markdown')).toBe(0);
    await expectInert(notePage);
  });

  it('loads a markdown image only after the reader clicks Load images', async () => {
    const notePage = await openTall(
      vectorTranscript(['![chart](https://tracker.example/chart.png)'], 'markdown_v1'),
    );
    expect(networkImages(notePage.requests)).toEqual([]);
    await notePage.page.evaluate(() =>
      (window as unknown as { __deep: { all(s: string): HTMLElement[] } }).__deep
        .all('.image-notice limel-button')[0]
        .click(),
    );
    await notePage.page.waitForChanges();
    await notePage.page.waitForFunction(
      () =>
        (window as unknown as { __deep: { all(s: string): Element[] } }).__deep.all('img').length >
        0,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(networkImages(notePage.requests).map((request) => request.url)).toEqual([
      'https://tracker.example/chart.png',
    ]);
  });
});

describe('lwc-limepkg-conversations-history-note with any string', () => {
  // A fixed seed: the same "random" bytes in every run.
  const randomText = (length: number, seed: number) => {
    let state = seed;
    let text = '';
    for (let index = 0; index < length; index++) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      text += String.fromCharCode(state % 0xffff);
    }
    return text;
  };

  const cases: [string, string][] = [
    ['random UTF-16 code units', randomText(20_000, 7)],
    [
      'random bytes as Latin-1',
      Array.from(randomText(20_000, 11), (c) => String.fromCharCode(c.charCodeAt(0) & 0xff)).join(
        '',
      ),
    ],
    ['1 MB on one line', 'word '.repeat(200_000)],
    ['10,000 nested >', '>'.repeat(10_000) + ' deep'],
    [
      '10,000 nested lists',
      Array.from({ length: 10_000 }, (_, i) => ' '.repeat(i % 200) + '- item').join('\n'),
    ],
    ['a transcript title and nothing else', 'Lime Connect conversation #'],
    ['a DCI title and 10,000 pipes', 'Conversation Summary ' + '|'.repeat(10_000)],
  ];

  it.each(cases)('renders %s as a note without an error', async (_name, text) => {
    const { page, errors } = await openNotePage(text);
    expect(await hostKind(page)).toMatch(/^(plain|dci-summary|chat-transcript)$/);
    expect(errors).toEqual([]);
  });

  it.each(cases)('renders %s as a markdown chat message without an error', async (_name, text) => {
    const note = formatTranscriptNote({
      conversationId: '1',
      topic: 'Stress',
      startedAt: '2026-11-21T08:00:00Z',
      messages: [
        {
          time: '2026-11-21T08:00:01Z',
          senderName: 'Eve',
          senderType: 'contact',
          format: 'markdown_v1',
          body: text,
        },
      ],
    });
    const { page, errors } = await openNotePage(note);
    expect(await hostKind(page)).toBe('chat-transcript');
    expect(errors).toEqual([]);
  });
});
