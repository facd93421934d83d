import { findTranscriptMatches, splitAtMatches } from './transcript-search';
import type { TranscriptMessage } from './types';

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
});
