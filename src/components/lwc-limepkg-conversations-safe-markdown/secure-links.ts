// The last check on links limel-markdown rendered: its sanitiser allows a few schemes we do not
// (irc, xmpp), and it opens only external http links in a new tab.
import { isSafeLinkUrl } from '../../notes';

/** Every link under `root`: an unsafe address removed, and opened in a new tab without referrer. */
export function secureLinks(root: ParentNode) {
  for (const link of Array.from(root.querySelectorAll('a[href], area[href]'))) {
    const href = link.getAttribute('href') ?? '';
    if (!isSafeLinkUrl(href)) {
      link.removeAttribute('href');
      continue;
    }
    setIfDifferent(link, 'target', '_blank');
    setIfDifferent(link, 'rel', 'noopener noreferrer');
    setIfDifferent(link, 'referrerpolicy', 'no-referrer');
  }
}

function setIfDifferent(element: Element, name: string, value: string) {
  // Setting an attribute to its own value would still wake the MutationObserver, forever.
  if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}
