import fc from 'fast-check';
import { isSafeLinkUrl, isWebUrl, toSafeMarkdown } from './safe-markdown';

const ZWSP = '\u200b';

describe('toSafeMarkdown', () => {
  it('neutralises every tag, comment and autolink so no raw HTML reaches the markdown parser', () => {
    expect(
      toSafeMarkdown('<img src=x onerror=alert(1)> </p> <!-- c --> <?php ?> <https://x.example>')
        .markdown,
    ).toBe(
      `<${ZWSP}img src=x onerror=alert(1)> <${ZWSP}/p> <${ZWSP}!-- c --> <${ZWSP}?php ?> <${ZWSP}https://x.example>`,
    );
  });

  it('keeps HTML neutral even where an autolink would swallow a backslash escape', () => {
    const { markdown } = toSafeMarkdown(
      '<source srcset="https://t.example/s.gif"><img src="https://t.example/p.gif">',
    );
    expect(markdown).not.toMatch(/<[A-Za-z/!?]/);
  });

  it('leaves a < that cannot start HTML as typed, so a<3 and 1 < 2 read naturally', () => {
    expect(toSafeMarkdown('a <3 and 1 < 2').markdown).toBe('a <3 and 1 < 2');
  });

  it('turns images into links until images are allowed, and says it did', () => {
    expect(toSafeMarkdown('see ![pixel](https://tracker.example/p.gif)')).toEqual({
      markdown: `see !${ZWSP}[pixel](https://tracker.example/p.gif)`,
      hasBlockedImages: true,
    });
    expect(toSafeMarkdown('see ![pixel](https://x.example/p.gif)', { allowImages: true })).toEqual({
      markdown: 'see ![pixel](https://x.example/p.gif)',
      hasBlockedImages: false,
    });
    expect(toSafeMarkdown('no images! [a link](https://x.example)').hasBlockedImages).toBe(false);
  });

  it('never leaves a tag start or an image start, for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('<', 'a', '/', '!', '[', '\\', ' ', ']', '(', 'x') }),
        (text) => {
          const { markdown } = toSafeMarkdown(text);
          expect(markdown).not.toMatch(/<[A-Za-z/!?]|!\[/);
          expect(markdown.replaceAll(ZWSP, '')).toBe(text);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isSafeLinkUrl', () => {
  it('allows http, https, mailto and tel links only', () => {
    expect(
      ['https://a.example', 'HTTP://a.example', 'mailto:a@b.c', 'tel:+4670123'].map(isSafeLinkUrl),
    ).toEqual([true, true, true, true]);
    expect(
      [
        'javascript:alert(1)',
        ' JaVaScRiPt:alert(1)',
        'java\tscript:alert(1)',
        'data:text/html,x',
        'vbscript:x',
        'irc:x',
        '/relative',
        '',
      ].map(isSafeLinkUrl),
    ).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('allows only web addresses as recording and transcript links', () => {
    expect([
      isWebUrl('https://dci.example/r/1'),
      isWebUrl('mailto:a@b.c'),
      isWebUrl('javascript:x'),
    ]).toEqual([true, false, false]);
  });
});
