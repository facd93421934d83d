// Makes untrusted markdown safe to hand to limel-markdown: no raw HTML at all (so nothing can
// slip past its sanitiser), and remote images turned into links until the reader asks for them.

export interface SafeMarkdown {
  /** The markdown with raw HTML neutralised, and images neutralised unless they were allowed. */
  markdown: string;
  /** True when the markdown holds images that were turned into links. */
  hasBlockedImages: boolean;
}

// A zero-width space (U+200B) after `<` or between `!` and `[`: no markdown or HTML parser reads
// `<` + U+200B + `img` as a tag, or `!` + U+200B + `[` as an image, whatever surrounds it. Backslash escapes are not enough: a GFM
// autolink can swallow the backslash (`https://x/">\<img …>` keeps its `<img>`).
const ZERO_WIDTH_SPACE = '\u200b';
const HTML_START = /<(?=[A-Za-z/!?])/g;
const IMAGE_START = /!(?=\[)/g;

/**
 * Neutralises every `<` that could start HTML, an autolink or a comment, and (unless
 * `allowImages`) every `![` that could start an image, so `![alt](src)` shows as `!` and a link to
 * `src`. Text reads the same; only an invisible character is added.
 */
export function toSafeMarkdown(
  markdown: string,
  options: { allowImages?: boolean } = {},
): SafeMarkdown {
  const withoutHtml = markdown.replace(HTML_START, '<' + ZERO_WIDTH_SPACE);
  if (options.allowImages) {
    return { markdown: withoutHtml, hasBlockedImages: false };
  }
  const withoutImages = withoutHtml.replace(IMAGE_START, '!' + ZERO_WIDTH_SPACE);
  return { markdown: withoutImages, hasBlockedImages: withoutImages.length !== withoutHtml.length };
}

const SAFE_LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** True for the only links a note may hold: `http`, `https`, `mailto` and `tel` URLs. */
export function isSafeLinkUrl(url: string): boolean {
  return SAFE_LINK_PROTOCOLS.has(protocolOf(url) ?? '');
}

/** True for a web address (`http`/`https`), the only kind DCI's recording and transcript links may be. */
export function isWebUrl(url: string): boolean {
  const protocol = protocolOf(url);
  return protocol === 'http:' || protocol === 'https:';
}

function protocolOf(url: string): string | undefined {
  // Browsers drop tabs and line breaks inside URLs and trim control characters and spaces,
  // so `java\tscript:` is `javascript:`: judge the URL as the browser will read it.
  let start = 0;
  while (start < url.length && url.charCodeAt(start) <= 0x20) start++;
  const cleaned = url.slice(start).replace(/[\t\n\r]/g, '');
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match ? match[1].toLowerCase() + ':' : undefined;
}
