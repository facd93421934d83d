// DCI may write its note as HTML. This turns that HTML into the markdown-ish text the DCI parser
// reads, in one linear pass (no regular expression that could backtrack on hostile input).
// The result is still untrusted: it is rendered only through limel-markdown's sanitiser.

const HTML_TAG = /<(p|br|div|h[1-6]|ul|ol|li|strong|b|em|i|table|tr|td|th|a|span)\b[^<>]*>/i;
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>|[^<]+|</g;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** True when the text looks like HTML rather than plain text or markdown. */
export function looksLikeHtml(text: string): boolean {
  return HTML_TAG.test(text);
}

const BLOCK_END = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'tr',
  'table',
]);

const MAX_LIST_INDENT = 8;

export function htmlToMarkdown(html: string): string {
  const out: string[] = [];
  const openLinks: string[] = [];
  let listDepth = 0;
  for (const match of html.matchAll(TOKEN)) {
    const [token, closing, rawName, attributes] = match;
    if (rawName === undefined) {
      out.push(decodeEntities(token.replace(/\n/g, ' ')));
      continue;
    }
    const name = rawName.toLowerCase();
    if (closing) {
      if (name === 'a') {
        const href = openLinks.pop();
        out.push(href ? `](${href})` : '');
      } else if (name === 'strong' || name === 'b') {
        out.push('**');
      } else if (name === 'em' || name === 'i') {
        out.push('*');
      } else if (name === 'ul' || name === 'ol') {
        listDepth = Math.max(0, listDepth - 1);
        out.push('\n');
      } else if (name === 'td' || name === 'th') {
        out.push(' | ');
      } else if (BLOCK_END.has(name)) {
        out.push('\n');
      }
      continue;
    }
    if (name === 'br') {
      out.push('\n');
    } else if (/^h[1-6]$/.test(name)) {
      out.push('\n' + '#'.repeat(Number(name[1])) + ' ');
    } else if (name === 'li') {
      // Indentation capped: a thousand nested lists must not make every item a thousand wide.
      out.push('\n' + '  '.repeat(Math.min(MAX_LIST_INDENT, Math.max(0, listDepth - 1))) + '- ');
    } else if (name === 'ul' || name === 'ol') {
      listDepth++;
      out.push('\n');
    } else if (name === 'p' || name === 'div' || name === 'tr') {
      out.push('\n');
    } else if (name === 'strong' || name === 'b') {
      out.push('**');
    } else if (name === 'em' || name === 'i') {
      out.push('*');
    } else if (name === 'a') {
      const href = HREF.exec(attributes);
      const url = href ? decodeEntities(href[1] ?? href[2] ?? href[3] ?? '') : '';
      openLinks.push(url);
      out.push(url ? '[' : '');
    }
    // Every other tag (script, style, img, …) is dropped; its text content stays as text.
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (entity, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X'
          ? parseInt(body.slice(2), 16)
          : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}
