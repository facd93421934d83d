import fc from 'fast-check';
import { findTranscriptMatches, markPlainTextMatches, splitAtMatches } from './transcript-search';
import type { TranscriptMessage } from './notes.types';

const message = (body: string): TranscriptMessage => ({
  time: '2026-11-21T10:00:00Z',
  senderName: 'Jane',
  senderType: 'contact',
  format: 'plain_text',
  body,
});

describe('findTranscriptMatches', () => {
  const messages = [
    message('Invoice for 40 seats'),
    message('no'),
    message('invoice, INVOICE and invoices'),
  ];

  it('finds every occurrence in reading order, ignoring case', () => {
    expect(findTranscriptMatches(messages, 'invoice')).toEqual([
      { messageIndex: 0, start: 0, end: 7 },
      { messageIndex: 2, start: 0, end: 7 },
      { messageIndex: 2, start: 9, end: 16 },
      { messageIndex: 2, start: 21, end: 28 },
    ]);
  });

  it('takes the query literally and finds nothing for an empty one', () => {
    expect(findTranscriptMatches([message('a+b (c) [d]')], '(c) [')).toEqual([
      { messageIndex: 0, start: 4, end: 9 },
    ]);
    expect(findTranscriptMatches(messages, '  ')).toEqual([]);
  });

  it('cuts a body into runs at its matches, numbering them in the whole transcript', () => {
    const body = 'invoice, INVOICE';
    const matches = findTranscriptMatches([message(body)], 'invoice');
    expect(splitAtMatches(body, matches, 5)).toEqual([
      { text: 'invoice', matchIndex: 5 },
      { text: ', ' },
      { text: 'INVOICE', matchIndex: 6 },
    ]);
  });

  it('keeps links in a plain body and marks matches inside them, across their edges too', () => {
    const body = 'see https://invoice.example/seats now';
    const matches = findTranscriptMatches([message(body)], 'invoice');
    expect(markPlainTextMatches(body, matches, 3)).toEqual([
      { kind: 'text', runs: [{ text: 'see ' }] },
      {
        kind: 'link',
        href: 'https://invoice.example/seats',
        runs: [
          { text: 'https://' },
          { text: 'invoice', matchIndex: 3 },
          { text: '.example/seats' },
        ],
      },
      { kind: 'text', runs: [{ text: ' now' }] },
    ]);
    const edge = 'a https://x.example/b c';
    expect(
      markPlainTextMatches(edge, findTranscriptMatches([message(edge)], 'a h'), 0).map((part) =>
        part.runs.filter((run) => run.matchIndex === 0).map((run) => run.text),
      ),
    ).toEqual([['a '], ['h'], []]);
  });

  it('loses no character and no match of any plain body', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('h', 't', 'p', 's', ':', '/', '.', ')', ' ', 'x') }),
        fc.constantFrom('t', 'x', 'p:/', ' h', 's:'),
        (body, query) => {
          const matches = findTranscriptMatches([message(body)], query);
          const parts = markPlainTextMatches(body, matches, 0);
          const runs = parts.flatMap((part) => part.runs);
          expect(runs.map((run) => run.text).join('')).toBe(body);
          const marked = new Set(
            runs.flatMap((run) => (run.matchIndex === undefined ? [] : [run.matchIndex])),
          );
          expect(marked.size).toBe(matches.length);
        },
      ),
    );
  });
});
