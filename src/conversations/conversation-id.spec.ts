import fc from 'fast-check';
import { conversationLink, MAX_CONVERSATION_ID, parseConversationId } from './conversation-id';

describe('parseConversationId', () => {
  it('reads a plain ID', () => {
    expect(parseConversationId('48213')).toEqual({ ok: true, id: 48213 });
  });

  it('ignores whitespace around the ID, including tabs and line breaks from a paste', () => {
    expect(parseConversationId('  48213 ')).toEqual({ ok: true, id: 48213 });
    expect(parseConversationId('\t48213\n')).toEqual({ ok: true, id: 48213 });
  });

  it('accepts the # that Lime Connect shows before an ID', () => {
    expect(parseConversationId(' #48213 ')).toEqual({ ok: true, id: 48213 });
    expect(parseConversationId('# 48213')).toEqual({ ok: true, id: 48213 });
  });

  it('reads the ID from a pasted Lime Connect link', () => {
    expect(parseConversationId('https://app.lime-connect.com/conversation/48213')).toEqual({
      ok: true,
      id: 48213,
    });
  });

  it('reads links with trailing slashes, query strings and fragments', () => {
    for (const link of [
      'https://app.lime-connect.com/conversation/48213/',
      'https://app.lime-connect.com/conversation/48213//',
      'https://app.lime-connect.com/conversation/48213?tab=info&x=1',
      'https://app.lime-connect.com/conversation/48213/?tab=info',
      'https://app.lime-connect.com/conversation/48213#message-12',
      'https://app.lime-connect.com/#/conversation/48213',
      'https://app.lime-connect.com/inbox/open/conversation/48213?from=/conversation/1',
      '  app.lime-connect.com/Conversation/48213 ',
    ]) {
      expect({ link, result: parseConversationId(link) }).toEqual({
        link,
        result: { ok: true, id: 48213 },
      });
    }
  });

  it('refuses a link that does not end in /conversation/<id>', () => {
    for (const link of [
      'https://app.lime-connect.com/inbox',
      'https://app.lime-connect.com/conversation/',
      'https://app.lime-connect.com/conversation/abc',
      'https://app.lime-connect.com/conversation/48213/messages',
      'https://app.lime-connect.com/contact/48213',
      '48/213',
    ]) {
      expect({ link, result: parseConversationId(link) }).toEqual({
        link,
        result: { ok: false, reason: 'unrecognised-link' },
      });
    }
  });

  it('says an empty or blank field is empty', () => {
    expect(parseConversationId('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseConversationId('   \n')).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses negative numbers and zero as out of range', () => {
    expect(parseConversationId('-48213')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseConversationId('0')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseConversationId('-0')).toEqual({ ok: false, reason: 'out-of-range' });
  });

  it('refuses decimals, exponents and grouped digits as not a number', () => {
    for (const text of [
      '48213.5',
      '48213.0',
      '4.8e4',
      '1e5',
      '48 213',
      '48,213',
      '0x1F',
      '#',
      '##48213',
    ]) {
      expect({ text, result: parseConversationId(text) }).toEqual({
        text,
        result: { ok: false, reason: 'not-a-number' },
      });
    }
  });

  it('refuses words', () => {
    expect(parseConversationId('conversation')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseConversationId('48213abc')).toEqual({ ok: false, reason: 'not-a-number' });
  });

  it('refuses huge numbers without losing precision', () => {
    expect(parseConversationId(String(MAX_CONVERSATION_ID))).toEqual({
      ok: true,
      id: MAX_CONVERSATION_ID,
    });
    expect(parseConversationId(String(MAX_CONVERSATION_ID + 1))).toEqual({
      ok: false,
      reason: 'out-of-range',
    });
    expect(parseConversationId('9'.repeat(400))).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseConversationId('0000048213')).toEqual({ ok: true, id: 48213 });
  });

  it('reads fullwidth digits as typed by an East Asian input method', () => {
    expect(parseConversationId('４８２１３')).toEqual({ ok: true, id: 48213 });
  });

  it('does not take digits of other scripts or superscripts for an ID', () => {
    for (const text of ['٤٨٢١٣', '४८२१३', '⁴⁸²¹³', '48213\u200b']) {
      expect({ text, result: parseConversationId(text) }).toEqual({
        text,
        result: { ok: false, reason: 'not-a-number' },
      });
    }
  });

  it('reads back every valid ID however it is written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_CONVERSATION_ID }),
        fc.constantFrom(
          (id: number) => `${id}`,
          (id: number) => ` #${id} `,
          (id: number) => `https://app.lime-connect.com/conversation/${id}/?a=b`,
        ),
        (id, write) => {
          expect(parseConversationId(write(id))).toEqual({ ok: true, id });
        },
      ),
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const result = parseConversationId(text);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

describe('conversationLink', () => {
  it('appends the ID to the configured base', () => {
    expect(conversationLink('https://app.lime-connect.com/conversation/', 48213)).toBe(
      'https://app.lime-connect.com/conversation/48213',
    );
  });

  it('has no link when no base is configured', () => {
    expect(conversationLink(undefined, 48213)).toBeUndefined();
    expect(conversationLink('  ', 48213)).toBeUndefined();
  });
});
