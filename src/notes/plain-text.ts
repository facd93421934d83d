// Plain notes: text as typed, with http(s) addresses made clickable and nothing else interpreted.

export type PlainTextPart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const WEB_ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '»', '”', '’']);

/** The text split into plain runs and http(s) links; joining every part's `text` gives the input. */
export function splitPlainTextLinks(text: string): PlainTextPart[] {
  const parts: PlainTextPart[] = [];
  let position = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const address = trimAddress(match[0]);
    if (!/:\/\/./.test(address)) {
      continue; // nothing left after `https://` but punctuation: text
    }
    if (match.index > position) {
      parts.push({ kind: 'text', text: text.slice(position, match.index) });
    }
    parts.push({ kind: 'link', text: address, href: address });
    position = match.index + address.length;
  }
  if (position < text.length) {
    parts.push({ kind: 'text', text: text.slice(position) });
  }
  return mergeText(parts);
}

/**
 * Sentence punctuation after an address, and a `)` that closes a parenthesis around it, are text.
 * One backward pass over the address: tens of thousands of `)` or `.` after a link cost no more
 * than reading them once.
 */
function trimAddress(address: string): string {
  let unmatchedClosing = 0;
  for (const char of address) {
    if (char === '(') unmatchedClosing--;
    else if (char === ')') unmatchedClosing++;
  }
  let end = address.length;
  while (end > 0) {
    const char = address[end - 1];
    if (TRAILING_PUNCTUATION.has(char)) {
      end--;
    } else if (char === ')' && unmatchedClosing > 0) {
      unmatchedClosing--;
      end--;
    } else {
      break;
    }
  }
  return address.slice(0, end);
}

function mergeText(parts: PlainTextPart[]): PlainTextPart[] {
  const merged: PlainTextPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'text' && last?.kind === 'text') {
      merged[merged.length - 1] = { kind: 'text', text: last.text + part.text };
    } else {
      merged.push(part);
    }
  }
  return merged;
}

/** Huge text is laid out in pieces of this size, only those in view (a 1 MB note at once blocks). */
export const LAYOUT_CHUNK_CHARACTERS = 16_000;

/**
 * A long text cut into consecutive pieces of about `size` to `2 × size` characters, at a line
 * break where there is one, else at a space, so the reader can lay out only the pieces in view.
 * Joining the pieces gives the text; a text up to `2 × size` stays whole.
 */
export function splitIntoChunks(text: string, size = LAYOUT_CHUNK_CHARACTERS): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (text.length - start > 2 * size) {
    const cutZone = text.slice(start + size, start + 2 * size);
    let cut = cutZone.lastIndexOf('\n');
    if (cut < 0) cut = cutZone.lastIndexOf(' ');
    let end = start + size + (cut < 0 ? cutZone.length : cut + 1);
    // Never between the two halves of a surrogate pair.
    const code = text.charCodeAt(end);
    if (code >= 0xdc00 && code <= 0xdfff) end++;
    chunks.push(text.slice(start, end));
    start = end;
  }
  chunks.push(text.slice(start));
  return chunks;
}
