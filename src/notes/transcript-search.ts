// Searching a transcript: every occurrence of the query in every message, in reading order.
import type { TranscriptMessage } from './types';

export interface TranscriptMatch {
  messageIndex: number;
  /** Offsets of the occurrence in the message body. */
  start: number;
  end: number;
}

export type TextRun = { text: string; matchIndex?: number };

/** A case-insensitive pattern for the query taken literally; undefined for an empty query. */
export function searchPattern(query: string): RegExp | undefined {
  const trimmed = query.trim();
  if (!trimmed) {
    return undefined;
  }
  return new RegExp(trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
}

/** Every occurrence of `query` in the messages' bodies, in reading order. */
export function findTranscriptMatches(
  messages: readonly TranscriptMessage[],
  query: string,
): TranscriptMatch[] {
  const pattern = searchPattern(query);
  if (!pattern) {
    return [];
  }
  const matches: TranscriptMatch[] = [];
  messages.forEach((message, messageIndex) => {
    for (const match of message.body.matchAll(pattern)) {
      matches.push({ messageIndex, start: match.index, end: match.index + match[0].length });
    }
  });
  return matches;
}

/**
 * The body cut into runs at the given matches of one message, each match run carrying its
 * index in the whole list (to mark the current one). Joining the runs gives the body.
 */
export function splitAtMatches(
  body: string,
  matches: readonly TranscriptMatch[],
  firstMatchIndex: number,
): TextRun[] {
  const runs: TextRun[] = [];
  let position = 0;
  matches.forEach((match, offset) => {
    if (match.start > position) {
      runs.push({ text: body.slice(position, match.start) });
    }
    runs.push({ text: body.slice(match.start, match.end), matchIndex: firstMatchIndex + offset });
    position = match.end;
  });
  if (position < body.length) {
    runs.push({ text: body.slice(position) });
  }
  return runs;
}
