// Plain notes: text as typed, with http(s) addresses made clickable and nothing else interpreted.

export type PlainTextPart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const WEB_ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"»”’]+$/;

/** The text split into plain runs and http(s) links; joining every part's `text` gives the input. */
export function splitPlainTextLinks(text: string): PlainTextPart[] {
  const parts: PlainTextPart[] = [];
  let position = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const address = trimAddress(match[0]);
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

/** Sentence punctuation after an address, and a `)` that closes a parenthesis around it, are text. */
function trimAddress(address: string): string {
  let trimmed = address.replace(TRAILING_PUNCTUATION, '');
  while (trimmed.endsWith(')') && count(trimmed, ')') > count(trimmed, '(')) {
    trimmed = trimmed.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return trimmed;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
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
