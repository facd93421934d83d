import fc from 'fast-check';
import { splitIntoChunks, splitPlainTextLinks } from './plain-text';

describe('splitPlainTextLinks', () => {
  it('makes http and https addresses links and leaves the rest as typed', () => {
    expect(splitPlainTextLinks('See https://crm.example.com/deal/1002 and a<b>c')).toEqual([
      { kind: 'text', text: 'See ' },
      {
        kind: 'link',
        text: 'https://crm.example.com/deal/1002',
        href: 'https://crm.example.com/deal/1002',
      },
      { kind: 'text', text: ' and a<b>c' },
    ]);
  });

  it('keeps sentence punctuation and a closing parenthesis out of the link', () => {
    expect(splitPlainTextLinks('(see http://a.example/x).')).toEqual([
      { kind: 'text', text: '(see ' },
      { kind: 'link', text: 'http://a.example/x', href: 'http://a.example/x' },
      { kind: 'text', text: ').' },
    ]);
    expect(splitPlainTextLinks('https://en.example/wiki/A_(b)')[0]).toMatchObject({
      href: 'https://en.example/wiki/A_(b)',
    });
  });

  it('reads a link followed by tens of thousands of ")" or "." in one pass, keeping them as text', () => {
    const closing = ')'.repeat(60_000);
    const dots = '.'.repeat(60_000);
    for (const tail of [closing, dots, closing + dots + 'x', (').' + '.').repeat(30_000)]) {
      const parts = splitPlainTextLinks('see https://a.example/x' + tail);
      expect(parts.map((part) => part.text).join('')).toBe('see https://a.example/x' + tail);
      expect(parts[1]).toMatchObject({ kind: 'link' });
      expect(parts[1].text.length).toBeLessThan(30 + tail.length);
    }
    expect(splitPlainTextLinks('https://a.example/x' + closing)[0].text).toBe(
      'https://a.example/x',
    );
    expect(splitPlainTextLinks('(https://a.example/x)' + dots)[1].text).toBe('https://a.example/x');
    expect(splitPlainTextLinks('http://.')).toEqual([{ kind: 'text', text: 'http://.' }]);
  });

  it('links nothing but web addresses', () => {
    expect(
      splitPlainTextLinks('javascript:alert(1) mailto:a@b.c www.example.com **bold**'),
    ).toEqual([
      { kind: 'text', text: 'javascript:alert(1) mailto:a@b.c www.example.com **bold**' },
    ]);
  });

  it('loses no character of any text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('h', 't', 'p', 's', ':', '/', '.', ')', '(', ' ', 'x', '\n'),
        }),
        (text) => {
          const parts = splitPlainTextLinks(text);
          expect(parts.map((part) => part.text).join('')).toBe(text);
          for (const part of parts) {
            if (part.kind === 'link') expect(part.href).toMatch(/^https?:\/\/./i);
          }
        },
      ),
    );
  });
});

describe('splitIntoChunks', () => {
  it('keeps a short text whole and cuts a long one at line breaks, else at spaces', () => {
    expect(splitIntoChunks('short', 10)).toEqual(['short']);
    expect(splitIntoChunks('line one\nline two\nline three\nline four', 10)).toEqual([
      'line one\nline two\n',
      'line three\nline four',
    ]);
    expect(splitIntoChunks('word '.repeat(10), 10)).toEqual([
      'word word word word ',
      'word word word word ',
      'word word ',
    ]);
  });

  it('loses no character, never splits a surrogate pair, and keeps pieces within twice the size', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\n', '😀'), maxLength: 2000 }),
        fc.integer({ min: 1, max: 50 }),
        (text, size) => {
          const chunks = splitIntoChunks(text, size);
          expect(chunks.join('')).toBe(text);
          for (const chunk of chunks) {
            expect(chunk.length).toBeLessThanOrEqual(2 * size + 1);
            const first = chunk.charCodeAt(0);
            expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
          }
        },
      ),
    );
  });
});
