// Which kind of history note a text is, and its typed model. Never throws.
import { isDciTitle, parseDciSummaryText } from './dci-summary';
import { htmlToMarkdown, looksLikeHtml } from './html-to-markdown';
import { isTranscriptTitle, normaliseLineEnds, parseTranscriptLines } from './transcript';
import type { HistoryNote } from './notes.types';

/** Reads a history note as a DCI summary, a Lime Connect chat transcript, or plain text. */
export function parseHistoryNote(text: string): HistoryNote {
  try {
    return readNote(typeof text === 'string' ? text : '');
  } catch {
    // The readers are written not to throw; should one still, the note is shown as typed.
    return { kind: 'plain', text: typeof text === 'string' ? text : '' };
  }
}

function readNote(text: string): HistoryNote {
  const normalised = normaliseLineEnds(text);
  const lines = normalised.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) {
    return { kind: 'plain', text };
  }
  if (isTranscriptTitle(lines[first])) {
    return { kind: 'chat-transcript', ...parseTranscriptLines(lines.slice(first)) };
  }
  if (isDciTitle(lines[first]) || isHtmlDciNote(normalised)) {
    return { kind: 'dci-summary', ...parseDciSummaryText(lines.slice(first).join('\n')) };
  }
  return { kind: 'plain', text };
}

/** An HTML note whose first line of text is a DCI title (`<p><b>Conversation Summary</b> | …`). */
function isHtmlDciNote(text: string): boolean {
  const head = text.slice(0, 2000);
  if (!looksLikeHtml(head)) {
    return false;
  }
  const firstLine = htmlToMarkdown(head)
    .split('\n')
    .find((line) => line.trim() !== '');
  return firstLine !== undefined && isDciTitle(firstLine);
}
