// The Lime Connect chat transcript format (v1), written and read. See shared/fixtures/README.md.
import type { TranscriptConversation, TranscriptMessage } from './notes.types';

export const TRANSCRIPT_TITLE_PREFIX = 'Lime Connect conversation #';
const FIELD_SEPARATOR = ' · ';
const CONTACT_PREFIX = 'Contact:';
const OPERATOR_PREFIX = 'Operator:';
const MESSAGE_HEADER = /^\[([^\]\s]+)\] (.*) \((contact|operator)(, markdown)?\):$/;

/** Writes a conversation as a history note; `parseHistoryNote` reads it back. */
export function formatTranscriptNote(conversation: TranscriptConversation): string {
  const title =
    TRANSCRIPT_TITLE_PREFIX +
    [
      oneWord(conversation.conversationId),
      oneLine(conversation.topic),
      oneWord(conversation.startedAt),
    ].join(FIELD_SEPARATOR);
  const lines = [title];
  if (conversation.contact) {
    const email = conversation.contact.email ? ` <${oneWord(conversation.contact.email)}>` : '';
    lines.push(`${CONTACT_PREFIX} ${oneLine(conversation.contact.name)}${email}`);
  }
  if (conversation.operator) {
    lines.push(`${OPERATOR_PREFIX} ${oneLine(conversation.operator.name)}`);
  }
  const head = lines.join('\n') + '\n';
  // Each message ends with a line break; messages are separated by one empty line.
  const messages = conversation.messages.map((message) => formatMessage(message) + '\n');
  return [head, ...messages].join('\n');
}

function formatMessage(message: TranscriptMessage): string {
  const markdown = message.format === 'markdown_v1' ? ', markdown' : '';
  const header = `[${oneWord(message.time)}] ${oneLine(message.senderName)} (${message.senderType}${markdown}):`;
  return header + '\n' + escapeBody(message.body);
}

/** A body line starting with `[` or `\` gets one more `\`, so no body line can pass for a header. */
function escapeBody(body: string): string {
  return normaliseLineEnds(body)
    .split('\n')
    .map((line) => (line.startsWith('[') || line.startsWith('\\') ? '\\' + line : line))
    .join('\n');
}

export function isTranscriptTitle(line: string): boolean {
  return line.startsWith(TRANSCRIPT_TITLE_PREFIX);
}

/** Reads a transcript note; `lines` are the note's lines with `\n` line ends, the title first. */
export function parseTranscriptLines(lines: string[]): TranscriptConversation {
  const conversation: TranscriptConversation = { ...parseTitle(lines[0] ?? ''), messages: [] };
  let index = 1;
  for (; index < lines.length && lines[index] !== '' && !isMessageHeader(lines[index]); index++) {
    const line = lines[index];
    if (line.startsWith(CONTACT_PREFIX)) {
      const contact = parseNameAndEmail(line.slice(CONTACT_PREFIX.length));
      if (contact.name) {
        conversation.contact = contact;
      }
    } else if (line.startsWith(OPERATOR_PREFIX)) {
      const name = line.slice(OPERATOR_PREFIX.length).trim();
      if (name) {
        conversation.operator = { name };
      }
    }
  }
  let current: { message: Omit<TranscriptMessage, 'body'>; bodyLines: string[] } | undefined;
  const finish = () => {
    if (current) {
      conversation.messages.push({ ...current.message, body: readBody(current.bodyLines) });
    }
  };
  for (; index < lines.length; index++) {
    const line = lines[index];
    const header = parseMessageHeader(line);
    if (header) {
      finish();
      current = { message: header, bodyLines: [] };
    } else if (current) {
      current.bodyLines.push(line);
    }
  }
  finish();
  return conversation;
}

function parseTitle(
  line: string,
): Pick<TranscriptConversation, 'conversationId' | 'topic' | 'startedAt'> {
  const fields = line.slice(TRANSCRIPT_TITLE_PREFIX.length);
  // The ID and the time have no spaces; the topic between them may hold the separator itself.
  const first = fields.indexOf(FIELD_SEPARATOR);
  if (first < 0) {
    return { conversationId: fields.trim(), topic: '', startedAt: '' };
  }
  const rest = fields.slice(first + FIELD_SEPARATOR.length);
  const last = rest.lastIndexOf(FIELD_SEPARATOR);
  return {
    conversationId: fields.slice(0, first).trim(),
    topic: (last < 0 ? rest : rest.slice(0, last)).trim(),
    startedAt: last < 0 ? '' : rest.slice(last + FIELD_SEPARATOR.length).trim(),
  };
}

function isMessageHeader(line: string): boolean {
  return parseMessageHeader(line) !== undefined;
}

function parseMessageHeader(line: string): Omit<TranscriptMessage, 'body'> | undefined {
  // Cheap checks first: a 1 MB body line must not reach the regular expression.
  if (!line.startsWith('[') || !line.endsWith('):')) {
    return undefined;
  }
  const match = MESSAGE_HEADER.exec(line);
  if (!match) {
    return undefined;
  }
  return {
    time: match[1],
    senderName: match[2].trim(),
    senderType: match[3] === 'operator' ? 'operator' : 'contact',
    format: match[4] ? 'markdown_v1' : 'plain_text',
  };
}

/** The message's lines, without the empty line that ends it, with one escaping `\` removed. */
function readBody(bodyLines: string[]): string {
  const lines =
    bodyLines.length > 0 && bodyLines[bodyLines.length - 1] === ''
      ? bodyLines.slice(0, -1)
      : bodyLines;
  return lines.map((line) => (line.startsWith('\\') ? line.slice(1) : line)).join('\n');
}

/** `Jane Doe <jane@example.com>` or `Jane Doe`, without a regular expression that could backtrack. */
export function parseNameAndEmail(text: string): { name: string; email?: string } {
  const trimmed = text.trim();
  if (trimmed.endsWith('>')) {
    const open = trimmed.lastIndexOf('<');
    const email = trimmed.slice(open + 1, -1);
    if (
      open >= 0 &&
      email !== '' &&
      !/[\s<>]/.test(email) &&
      (open === 0 || /\s/.test(trimmed[open - 1]))
    ) {
      return { name: trimmed.slice(0, open).trim(), email };
    }
  }
  return { name: trimmed };
}

export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

function oneWord(text: string): string {
  return text.replace(/\s+/g, '');
}
