// What a user may type or paste as a Lime Connect conversation ID, and the link back to it.
import type { ConversationIdResult } from './conversations.types';

/** The largest conversation ID: Lime CRM stores `conversationid` as a 32-bit signed integer. */
export const MAX_CONVERSATION_ID = 2_147_483_647;

// A link is anything with a slash; its ID is the segment after the last `/conversation/`, which
// may be followed by slashes, a query string or a fragment (`…/conversation/48213/?tab=info`).
// The fragment is not stripped first: a hash-routed app has its path in it (`/#/conversation/1`).
const LINK_ID = /\/conversation\/([^/?#\s]+)\/*(?:[?#].*)?$/i;

// Fullwidth digits are what an East Asian input method types for 0-9: read them as 0-9. Other
// scripts' digits are not how Lime Connect writes IDs, so they are not taken for one.
const FULLWIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const FULLWIDTH_ZERO = 0xff10;

/**
 * Reads a Lime Connect conversation ID from what a user typed: `48213`, ` #48213 `, or a pasted
 * Lime Connect link ending in `/conversation/48213` (query string and trailing slash allowed).
 */
export function parseConversationId(input: string): ConversationIdResult {
  const text = input
    .replace(FULLWIDTH_DIGIT, (digit) => String(digit.charCodeAt(0) - FULLWIDTH_ZERO))
    .trim();
  if (text === '') {
    return { ok: false, reason: 'empty' };
  }
  if (text.includes('/')) {
    const match = LINK_ID.exec(text);
    if (!match || !/^\d+$/.test(match[1])) {
      return { ok: false, reason: 'unrecognised-link' };
    }
    return wholeNumber(match[1]);
  }
  return wholeNumber(text.replace(/^#\s*/, ''));
}

function wholeNumber(text: string): ConversationIdResult {
  const digits = /^([+-]?)(\d+)$/.exec(text);
  if (!digits) {
    return { ok: false, reason: 'not-a-number' };
  }
  const [, sign, magnitude] = digits;
  // Compare as text first: a 400-digit number must not turn into Infinity or lose precision.
  const significant = magnitude.replace(/^0+/, '');
  const id = Number(significant || '0');
  if (sign === '-' || id < 1 || significant.length > 10 || id > MAX_CONVERSATION_ID) {
    return { ok: false, reason: 'out-of-range' };
  }
  return { ok: true, id };
}

/**
 * The Lime Connect link of a conversation: the configured base with the ID appended, or
 * `undefined` when no base is configured.
 */
export function conversationLink(linkBase: string | undefined, id: number): string | undefined {
  const base = linkBase?.trim();
  return base ? `${base}${id}` : undefined;
}
