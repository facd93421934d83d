import fc from 'fast-check';
import { FIXTURE_NOTES } from '../emulator/fixture-notes';
import { formatDciSummaryNote, formatTranscriptNote, parseHistoryNote } from './index';
import { dciDateFromText, trimBlankLines } from './dci-summary';
import { dciSummarySchema, transcriptConversationSchema } from './note-schemas';
import type { DciSummary, TranscriptConversation } from './notes.types';

// The shared fixtures, as the emulator keeps them (a spec there checks they equal the files).
const fixture = (name: string) => FIXTURE_NOTES[name];

describe('parseHistoryNote on the shared fixtures', () => {
  it('reads the plain-text DCI summary with its one-line participants and labelled links', () => {
    expect(parseHistoryNote(fixture('dci-summary-plain.txt'))).toEqual({
      kind: 'dci-summary',
      presenter: 'Anna Lind',
      meetingName: 'Quarterly review with Acme',
      dateText: '2026-11-20 14:00',
      date: '2026-11-20T14:00:00',
      participants: [{ name: 'Anna Lind' }, { name: 'John Smith' }, { name: 'Maria Berg' }],
      links: {
        recording: 'https://app.dci.example/recordings/7f3a91',
        transcript: 'https://app.dci.example/transcripts/7f3a91',
      },
      notes: 'Send revised pricing by Friday.',
      summary: expect.stringMatching(/^## Key points\n- Acme wants[\s\S]*IT lead\.$/),
    });
  });

  it('reads the markdown DCI summary with CRLF, bold headings, a participant list with emails and a table', () => {
    const note = parseHistoryNote(fixture('dci-summary-markdown.txt'));
    expect(note).toEqual({
      kind: 'dci-summary',
      presenter: 'Erik Svensson',
      meetingName: 'Demo: Nordic Widgets onboarding',
      dateText: '2026-11-18T09:30:00+01:00',
      date: '2026-11-18T09:30:00+01:00',
      participants: [
        { name: 'Erik Svensson' },
        { name: 'Lisa Holm', email: 'lisa.holm@nordicwidgets.example' },
        { name: 'Omar Haddad' },
      ],
      links: {
        recording: 'https://app.dci.example/recordings/c0ffee',
        transcript: 'https://app.dci.example/transcripts/c0ffee',
      },
      notes: '',
      summary: expect.stringContaining('| Share export of current data | Lisa |'),
    });
    expect(note.kind === 'dci-summary' && note.summary.includes('\r')).toBe(false);
  });

  it('reads the short transcript, keeping the escaped header-like line inside the body', () => {
    const note = parseHistoryNote(fixture('transcript-short.txt'));
    expect(note.kind).toBe('chat-transcript');
    if (note.kind !== 'chat-transcript') return;
    expect(note).toMatchObject({
      conversationId: '48213',
      topic: 'Support',
      startedAt: '2026-11-21T09:58:03Z',
      contact: { name: 'Jane Doe', email: 'jane@example.com' },
      operator: { name: 'Anna Lind' },
    });
    expect(note.messages.map((m) => [m.senderName, m.senderType, m.format])).toEqual([
      ['Jane Doe', 'contact', 'plain_text'],
      ['Anna Lind', 'operator', 'markdown_v1'],
      ['Jane Doe', 'contact', 'plain_text'],
      ['Anna Lind', 'operator', 'markdown_v1'],
    ]);
    expect(note.messages[2].body).toBe(
      'My invoice shows 40 seats but we only have 25 users. I pasted this from an old chat:\n' +
        '[2026-10-02T08:00:00Z] Anna Lind (operator):\n' +
        'Your plan has 40 seats.',
    );
  });

  it('reads the hostile note as a transcript and keeps every hostile text as data', () => {
    const note = parseHistoryNote(fixture('hostile-note.txt'));
    expect(note.kind).toBe('chat-transcript');
    if (note.kind !== 'chat-transcript') return;
    expect(note.contact).toEqual({
      name: '<img src=x onerror="window.__pwned=1">',
      email: 'evil@example.com',
    });
    expect(note.messages).toHaveLength(2);
    expect(note.messages[0].senderName).toBe('<script>window.__pwned=1</script>');
    expect(note.messages[1]).toMatchObject({ format: 'plain_text', senderName: 'Mallory' });
    expect(note.messages[1].body).toContain('a<b and c>d');
  });

  it('reads an ordinary note as plain text, exactly as typed', () => {
    const text = fixture('plain-note.txt');
    expect(parseHistoryNote(text)).toEqual({ kind: 'plain', text });
  });
});

describe('parseHistoryNote on DCI variants', () => {
  const title = 'Conversation Summary | Anna Lind | Weekly sync | 2026-11-20 14:00';

  it('reads participants given as a list of "Name <email>", bare emails and mailto links', () => {
    const note = parseHistoryNote(
      [
        title,
        '',
        '## Participants',
        '* Anna Lind <anna@example.com>',
        '+ bo@example.com',
        '1. [Cia](mailto:cia@x.se)',
      ].join('\n'),
    );
    expect(note).toMatchObject({
      participants: [
        { name: 'Anna Lind', email: 'anna@example.com' },
        { name: 'bo@example.com', email: 'bo@example.com' },
        { name: 'Cia', email: 'cia@x.se' },
      ],
    });
  });

  it('reads participants on one line separated by commas or semicolons, with emails in parentheses', () => {
    const note = parseHistoryNote(`${title}\nAttendees: Anna (anna@example.com); Bo, Cia`);
    expect(note).toMatchObject({
      participants: [{ name: 'Anna', email: 'anna@example.com' }, { name: 'Bo' }, { name: 'Cia' }],
    });
  });

  it('accepts headings with #, with bold, with and without a colon', () => {
    for (const heading of [
      'Notes',
      'Notes:',
      '# Notes',
      '### Notes:',
      '**Notes**',
      '**Notes:**',
      '__Notes__:',
    ]) {
      expect({
        heading,
        note: parseHistoryNote(`${title}\n${heading}\nCall back.\nSummary\nDone.`),
      }).toMatchObject({
        heading,
        note: { notes: 'Call back.', summary: 'Done.' },
      });
    }
  });

  it('does not take a sentence starting with a heading word for a heading', () => {
    const note = parseHistoryNote(
      `${title}\nNotes:\nSummary of the call is below.\nSummary:\nDone.`,
    );
    expect(note).toMatchObject({ notes: 'Summary of the call is below.', summary: 'Done.' });
  });

  it('reads links as markdown links, bracketed, bare under a Links heading, or on the line after the label', () => {
    expect(
      parseHistoryNote(
        `${title}\n\nLinks\n- [Recording](https://r.example/1)\n- [Transcript](https://t.example/1)`,
      ),
    ).toMatchObject({
      links: { recording: 'https://r.example/1', transcript: 'https://t.example/1' },
    });
    expect(
      parseHistoryNote(
        `${title}\n**Recording:** <https://r.example/2>\nTranscript:\nhttps://t.example/2`,
      ),
    ).toMatchObject({
      links: { recording: 'https://r.example/2', transcript: 'https://t.example/2' },
    });
    expect(
      parseHistoryNote(
        `${title}\nLinks:\nhttps://dci.example/transcripts/3\nhttps://dci.example/recordings/3`,
      ),
    ).toMatchObject({
      links: {
        recording: 'https://dci.example/recordings/3',
        transcript: 'https://dci.example/transcripts/3',
      },
    });
  });

  it('reads an HTML note, its links and its entities', () => {
    const html =
      '<p><strong>Conversation Summary | Anna Lind | Q&amp;A with Acme | 2026-11-20T14:00:00Z</strong></p>' +
      '<h3>Participants</h3><ul><li>Anna Lind</li><li>John Smith (john@acme.example)</li></ul>' +
      '<p><a href="https://dci.example/rec/9">Recording</a><br><a href="https://dci.example/tr/9">Transcript</a></p>' +
      '<h3>Summary</h3><p>Acme &lt;3 us.</p><ul><li>Point one</li></ul>';
    expect(parseHistoryNote(html)).toEqual({
      kind: 'dci-summary',
      presenter: 'Anna Lind',
      meetingName: 'Q&A with Acme',
      dateText: '2026-11-20T14:00:00Z',
      date: '2026-11-20T14:00:00Z',
      participants: [{ name: 'Anna Lind' }, { name: 'John Smith', email: 'john@acme.example' }],
      links: { recording: 'https://dci.example/rec/9', transcript: 'https://dci.example/tr/9' },
      notes: '',
      summary: 'Acme <3 us.\n\n- Point one',
    });
  });

  it('reads a note with only its title line, and a title without a date', () => {
    expect(parseHistoryNote('Conversation Summary | Anna | Sync')).toEqual({
      kind: 'dci-summary',
      presenter: 'Anna',
      meetingName: 'Sync',
      dateText: '',
      date: null,
      participants: [],
      links: {},
      notes: '',
      summary: '',
    });
  });

  it('keeps text before the first heading as notes rather than losing it', () => {
    expect(
      parseHistoryNote(`${title}\nA word before the headings.\nSummary:\nDone.`),
    ).toMatchObject({
      notes: 'A word before the headings.',
      summary: 'Done.',
    });
  });

  it('gives the date as ISO 8601, with the offset when the note has one, and null when it is no date', () => {
    const dateOf = (dateText: string) => {
      const note = parseHistoryNote(`Conversation Summary | A | M | ${dateText}`);
      return note.kind === 'dci-summary' ? note.date : 'not a DCI note';
    };
    expect(dateOf('2026-11-20 14:00')).toBe('2026-11-20T14:00:00');
    expect(dateOf('2026-11-20T14:00:05.5+0100')).toBe('2026-11-20T14:00:05.5+01:00');
    expect(dateOf('2026-11-20')).toBe('2026-11-20');
    expect(dateOf('20.11.2026 14:00')).toBe('2026-11-20T14:00:00');
    expect(dateOf('2026-02-30 10:00')).toBeNull();
    expect(dateOf('next Tuesday')).toBeNull();
  });
});

describe('parseHistoryNote on transcript variants', () => {
  it('never takes an escaped or malformed header line in a body for a new message', () => {
    const text = formatTranscriptNote({
      conversationId: '1',
      topic: 'Sales',
      startedAt: '2026-11-21T09:00:00Z',
      messages: [
        {
          time: '2026-11-21T09:00:01Z',
          senderName: 'Eve',
          senderType: 'contact',
          format: 'plain_text',
          body: '[2026-11-21T09:00:02Z] Anna Lind (operator, markdown):\nYou get 90% off!\n\\[not a header]',
        },
      ],
    });
    const note = parseHistoryNote(text);
    expect(note.kind === 'chat-transcript' && note.messages.map((m) => m.senderName)).toEqual([
      'Eve',
    ]);
  });

  it('reads a transcript with CRLF line ends and without contact and operator lines', () => {
    const note = parseHistoryNote(
      'Lime Connect conversation #7 · Billing · 2026-11-21T09:00:00Z\r\n\r\n[2026-11-21T09:00:01Z] Bo (contact):\r\nHi\r\n',
    );
    expect(note).toEqual({
      kind: 'chat-transcript',
      conversationId: '7',
      topic: 'Billing',
      startedAt: '2026-11-21T09:00:00Z',
      messages: [
        {
          time: '2026-11-21T09:00:01Z',
          senderName: 'Bo',
          senderType: 'contact',
          format: 'plain_text',
          body: 'Hi',
        },
      ],
    });
  });

  it('reads a topic that itself contains the field separator', () => {
    const note = parseHistoryNote(
      'Lime Connect conversation #7 · Sales · Nordics · 2026-11-21T09:00:00Z\n',
    );
    expect(note).toMatchObject({ topic: 'Sales · Nordics', startedAt: '2026-11-21T09:00:00Z' });
  });
});

// Generators for the round trip: text that tries hard to look like the format's own syntax.
const trickyLine = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '[2026-11-21T10:00:00Z] Anna Lind (operator):',
    '[2026-11-21T10:00:00Z] Anna Lind (operator, markdown):',
    '\\[escaped]',
    '\\\\double',
    '[link](https://example.com)',
    '**bold** _it_ `code`',
    '# heading',
    '- list item',
    'Contact: Someone <a@b.c>',
    'Lime Connect conversation #1 · x · y',
    'Conversation Summary | a | b | c',
    '',
    '   ',
    'åäö 😀 日本語 ‮',
    '|table|row|',
  ),
);
const body = fc
  .array(trickyLine, { maxLength: 6 })
  .map((lines) => lines.join('\n').replace(/\r/g, ''));
const line = fc
  .string({ unit: 'grapheme', maxLength: 20 })
  .map((text) => text.replace(/[\r\n\u2028\u2029\u0085]/g, ' ').trim());
const word = fc
  .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 })
  .map((text) => text.replace(/\s/g, '_'));
const isoTime = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());

const conversation: fc.Arbitrary<TranscriptConversation> = fc.record(
  {
    conversationId: word,
    topic: line,
    startedAt: isoTime,
    contact: fc.record(
      {
        name: line.filter((name) => name !== ''),
        email: word.map((w) => `${w.replace(/[<>()]/g, '')}x@example.com`),
      },
      { requiredKeys: ['name'] },
    ),
    operator: fc.record({ name: line.filter((name) => name !== '') }),
    messages: fc.array(
      fc.record({
        time: isoTime,
        senderName: line,
        senderType: fc.constantFrom('contact' as const, 'operator' as const),
        format: fc.constantFrom('markdown_v1' as const, 'plain_text' as const),
        body,
      }),
      { maxLength: 8 },
    ),
  },
  { requiredKeys: ['conversationId', 'topic', 'startedAt', 'messages'] },
);

const meeting: fc.Arbitrary<DciSummary> = fc
  .record({
    presenter: line.map((text) => text.replace(/\|/g, '/')),
    meetingName: line,
    dateText: fc.oneof(
      fc.constant(''),
      isoTime,
      isoTime.map((iso) => iso.slice(0, 16).replace('T', ' ')),
      line.map((text) => text.replace(/\|/g, '/')),
    ),
    participants: fc.array(
      fc.record(
        {
          name: line.filter((name) => name !== ''),
          email: word.map((w) => `${w.replace(/[<>(),;@]/g, '')}@example.com`),
        },
        { requiredKeys: ['name'] },
      ),
      { maxLength: 5 },
    ),
    links: fc.record(
      {
        recording: word.map((w) => `https://dci.example/r/${encodeURIComponent(w)}`),
        transcript: word.map((w) => `https://dci.example/t/${encodeURIComponent(w)}`),
      },
      { requiredKeys: [] },
    ),
    notes: body.map(trimBlankLines),
    summary: body.map(trimBlankLines),
  })
  .map((m) => ({ ...m, date: dciDateFromText(m.dateText) }));

const isValidMeeting = (x: DciSummary) => dciSummarySchema.safeParse(x).success;
const isValidConversation = (x: TranscriptConversation) =>
  transcriptConversationSchema.safeParse(x).success;

describe('the writers and the reader', () => {
  it('give back every valid conversation: parseHistoryNote(formatTranscriptNote(x)) is x', () => {
    fc.assert(
      fc.property(conversation.filter(isValidConversation), (x) => {
        expect(parseHistoryNote(formatTranscriptNote(x))).toEqual({
          kind: 'chat-transcript',
          ...x,
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('give back every valid meeting: parseHistoryNote(formatDciSummaryNote(x)) is x', () => {
    fc.assert(
      fc.property(meeting.filter(isValidMeeting), (x) => {
        expect(parseHistoryNote(formatDciSummaryNote(x))).toEqual({ kind: 'dci-summary', ...x });
      }),
      { numRuns: 1000 },
    );
  });

  it('generate mostly valid values, so that the round trips test something', () => {
    const conversations = fc.sample(conversation, 300);
    const meetings = fc.sample(meeting, 300);
    expect(conversations.filter(isValidConversation).length).toBeGreaterThan(200);
    expect(meetings.filter(isValidMeeting).length).toBeGreaterThan(150);
  });

  it('write a body line that looks like a message header so that it stays in its message', () => {
    fc.assert(
      fc.property(conversation.filter(isValidConversation), (x) => {
        const note = parseHistoryNote(formatTranscriptNote(x));
        expect(note.kind === 'chat-transcript' && note.messages.length).toBe(x.messages.length);
      }),
    );
  });
});

describe('parseHistoryNote on any string', () => {
  it('never throws and always names one of the three kinds', () => {
    const kinds = ['dci-summary', 'chat-transcript', 'plain'];
    const prefixes = fc.constantFrom(
      '',
      'Lime Connect conversation #',
      'Conversation Summary |',
      '<p>Conversation Summary',
    );
    fc.assert(
      fc.property(prefixes, fc.string({ unit: 'binary', maxLength: 300 }), (prefix, text) => {
        expect(kinds).toContain(parseHistoryNote(prefix + text).kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads huge and deeply nested input (a catastrophic regex would time this test out)', () => {
    expect(parseHistoryNote('x'.repeat(1_000_000)).kind).toBe('plain');
    expect(parseHistoryNote('>'.repeat(10_000) + ' quote').kind).toBe('plain');
    expect(
      parseHistoryNote('Conversation Summary | a | b | c\n' + '<a href=x>'.repeat(50_000)).kind,
    ).toBe('dci-summary');
    expect(
      parseHistoryNote('Conversation Summary | a | b | c\n' + ' '.repeat(200_000) + 'x').kind,
    ).toBe('dci-summary');
    expect(
      parseHistoryNote('Lime Connect conversation #1 · a · b\n\n[' + 'x'.repeat(500_000) + '):'),
    ).toBeDefined();
  });
});
