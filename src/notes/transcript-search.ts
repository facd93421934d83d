// Searching a transcript: every occurrence of the query in every message, in reading order.
import { splitPlainTextLinks } from './plain-text';
import type { TranscriptMessage } from './notes.types';

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

/** A plain body's part (text or link, as `splitPlainTextLinks` cuts it) cut into runs at matches. */
export type MarkedPlainTextPart =
  { kind: 'text'; runs: TextRun[] } | { kind: 'link'; href: string; runs: TextRun[] };

/**
 * A plain body with its links kept and its matches marked, inside links too: a match that spans
 * a link's edge is cut in two runs with the same index. One pass over parts and matches.
 */
export function markPlainTextMatches(
  body: string,
  matches: readonly TranscriptMatch[],
  firstMatchIndex: number,
): MarkedPlainTextPart[] {
  const marked: MarkedPlainTextPart[] = [];
  let partStart = 0;
  let next = 0;
  for (const part of splitPlainTextLinks(body)) {
    const partEnd = partStart + part.text.length;
    const runs: TextRun[] = [];
    let position = partStart;
    while (next < matches.length && matches[next].start < partEnd) {
      const match = matches[next];
      const start = Math.max(match.start, partStart);
      const end = Math.min(match.end, partEnd);
      if (start > position) runs.push({ text: body.slice(position, start) });
      if (end > start)
        runs.push({ text: body.slice(start, end), matchIndex: firstMatchIndex + next });
      position = Math.max(position, end);
      if (match.end > partEnd) break; // continues in the next part
      next++;
    }
    if (position < partEnd) runs.push({ text: body.slice(position, partEnd) });
    marked.push(
      part.kind === 'link' ? { kind: 'link', href: part.href, runs } : { kind: 'text', runs },
    );
    partStart = partEnd;
  }
  return marked;
}
