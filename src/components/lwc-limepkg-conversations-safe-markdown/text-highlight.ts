// Search highlights inside rendered markdown, through the CSS Custom Highlight API: it marks text
// without changing the DOM that limel-markdown owns. Without the API, nothing is highlighted.
import { searchPattern } from '../../notes';

export const MATCH_HIGHLIGHT = 'lwc-limepkg-conversations-match';
export const CURRENT_HIGHLIGHT = 'lwc-limepkg-conversations-current-match';

const rangesByOwner = new WeakMap<object, Range[]>();

interface HighlightRegistry {
  get(name: string): { add(range: Range): void; delete(range: Range): boolean } | undefined;
  set(name: string, highlight: unknown): void;
}

function registry():
  { highlights: HighlightRegistry; create: (...ranges: Range[]) => unknown } | undefined {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!css?.highlights || !Highlight) {
    return undefined;
  }
  return { highlights: css.highlights, create: (...ranges) => new Highlight(...ranges) };
}

/** Highlights every occurrence of `query` in the text under `root`, the `current`-th as current. */
export function highlightText(owner: object, root: Node, query: string, current: number) {
  removeHighlights(owner);
  const api = registry();
  const pattern = searchPattern(query);
  if (!api || !pattern) {
    return;
  }
  const ranges: Range[] = [];
  const walker = root.ownerDocument?.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let occurrence = 0;
  for (let node = walker?.nextNode(); node; node = walker?.nextNode()) {
    const text = node.textContent ?? '';
    for (const match of text.matchAll(pattern)) {
      const range = new Range();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      highlightRange(api, occurrence === current ? CURRENT_HIGHLIGHT : MATCH_HIGHLIGHT, range);
      ranges.push(range);
      occurrence++;
    }
  }
  rangesByOwner.set(owner, ranges);
}

export function removeHighlights(owner: object) {
  const api = registry();
  for (const range of rangesByOwner.get(owner) ?? []) {
    api?.highlights.get(MATCH_HIGHLIGHT)?.delete(range);
    api?.highlights.get(CURRENT_HIGHLIGHT)?.delete(range);
  }
  rangesByOwner.delete(owner);
}

function highlightRange(api: NonNullable<ReturnType<typeof registry>>, name: string, range: Range) {
  const highlight = api.highlights.get(name);
  if (highlight) {
    highlight.add(range);
  } else {
    api.highlights.set(name, api.create(range));
  }
}
