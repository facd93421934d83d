// Opens a bare page with lime-elements and one history note, and reads what it renders across
// every shadow root. No platform: the note falls back to the English texts.
import { join } from 'node:path';
import { newE2EPage } from '@stencil/core/testing';
import type { E2EPage } from '@stencil/core/testing';
import type { Page } from 'puppeteer-core';

/** The page's helpers (see DEEP_HELPERS), as functions evaluated in the page see them. */
export interface DeepWindow {
  __deep: { all(selector: string): HTMLElement[] };
}

export interface NotePage {
  page: E2EPage;
  /** Uncaught exceptions, console errors and dialogs (alert, confirm) seen so far. */
  errors: string[];
  /** Every URL the page requested, with its resource type. */
  requests: { url: string; type: string }[];
}

const TAG = 'lwc-limepkg-conversations-history-note';

// Runs in the page: helpers that look through every shadow root.
const DEEP_HELPERS = `
window.__deep = {
  roots() {
    const roots = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const element of roots[i].querySelectorAll('*')) {
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    return roots;
  },
  all(selector) {
    return this.roots().flatMap((root) => Array.from(root.querySelectorAll(selector)));
  },
  text(selector) {
    return this.all(selector).map((element) => element.textContent.replace(/\\s+/g, ' ').trim());
  },
  /** The text of each element, shadow roots included (what a reader sees, roughly). */
  fullText(selector) {
    const collect = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent;
      if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT') return '';
      const children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
      return Array.from(children).map(collect).join('');
    };
    return this.all(selector).map((element) => collect(element).replace(/\\s+/g, ' ').trim());
  },
  /** The text limel-markdown elements rendered, one string each. */
  markdown() {
    return this.all('limel-markdown').map((element) =>
      (element.shadowRoot?.textContent ?? '').replace(/\\s+/g, ' ').trim(),
    );
  },
};`;

/**
 * A page with lime-elements and, unless `markup` says otherwise, one history note without a
 * platform; `value` becomes its note text.
 */
export async function openNotePage(
  value?: string,
  options: { width?: number; markup?: string } = {},
): Promise<NotePage> {
  const page = await newE2EPage();
  const errors: string[] = [];
  const requests: { url: string; type: string }[] = [];
  page.on('pageerror', (error: unknown) =>
    errors.push(`pageerror: ${String((error as Error)?.message ?? error)}`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon\.ico/.test(message.text())) {
      errors.push(`console.error: ${message.text()}`);
    }
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  });
  page.on('request', (request) =>
    requests.push({ url: request.url(), type: request.resourceType() }),
  );
  await page.setViewport({ width: options.width ?? 900, height: 900 });
  await page.setContent(
    '<script type="module" src="/lime-elements/lime-elements/lime-elements.esm.js"></script>' +
      (options.markup ?? `<${TAG}></${TAG}>`),
  );
  await page.addScriptTag({ content: DEEP_HELPERS });
  if (value !== undefined) {
    await setNote(page, value);
  }
  return { page, errors, requests };
}

export async function setNote(page: E2EPage, value: string) {
  await page.$eval(
    TAG,
    (element, text) => ((element as unknown as { value: string }).value = text),
    value,
  );
  await page.waitForChanges();
  await settle(page);
}

/** Waits until lime-elements are defined and every limel-markdown in view has rendered. */
export async function settle(page: E2EPage) {
  await page.waitForFunction(() => customElements.get('limel-markdown') !== undefined, {
    timeout: 10000,
  });
  await page.waitForFunction(
    () =>
      (window as unknown as { __deep: { all(s: string): Element[] } }).__deep
        .all('limel-markdown')
        .every(
          (element) =>
            !(element as unknown as { value: string }).value.trim() ||
            element.shadowRoot?.querySelector('#markdown')?.childNodes.length,
        ),
    { timeout: 10000 },
  );
  await page.waitForChanges();
}

/** The trimmed text of every element matching `selector`, in any shadow root. */
export function deepText(page: E2EPage, selector: string): Promise<string[]> {
  return page.evaluate(
    (s) => (window as unknown as { __deep: { text(s: string): string[] } }).__deep.text(s),
    selector,
  );
}

export function deepCount(page: E2EPage, selector: string): Promise<number> {
  return page.evaluate(
    (s) => (window as unknown as { __deep: { all(s: string): Element[] } }).__deep.all(s).length,
    selector,
  );
}

/** Clicks the first element matching `selector` in any shadow root. */
export async function deepClick(page: E2EPage, selector: string) {
  await page.evaluate((s) => {
    const element = (window as unknown as { __deep: { all(s: string): HTMLElement[] } }).__deep.all(
      s,
    )[0];
    if (!element) throw new Error(`Nothing matches ${s}`);
    element.click();
  }, selector);
  await page.waitForChanges();
  await settle(page);
}

/** The text of each element matching `selector`, including what its shadow roots show. */
export function deepFullText(page: E2EPage, selector: string): Promise<string[]> {
  return page.evaluate(
    (s) => (window as unknown as { __deep: { fullText(s: string): string[] } }).__deep.fullText(s),
    selector,
  );
}

export function markdownTexts(page: E2EPage): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __deep: { markdown(): string[] } }).__deep.markdown(),
  );
}

/** A property of every element matching `selector` (e.g. the `label` of each limel-button). */
export function deepProperty(
  page: E2EPage,
  selector: string,
  property: string,
): Promise<unknown[]> {
  return page.evaluate(
    (s, p) =>
      (window as unknown as { __deep: { all(s: string): Record<string, unknown>[] } }).__deep
        .all(s)
        .map((element) => element[p]),
    selector,
    property,
  );
}

/** Image requests over the network (inline `data:` icons of lime-elements are no requests). */
export const networkImages = (requests: { url: string; type: string }[]) =>
  requests.filter((request) => request.type === 'image' && !request.url.startsWith('data:'));

/** Requests to any host other than the test server. */
export const foreignRequests = (requests: { url: string; type: string }[]) =>
  requests.filter(
    (request) =>
      /^https?:/.test(request.url) && !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(request.url),
  );

export const hostKind = (page: E2EPage) =>
  page.$eval(TAG, (element) => element.getAttribute('kind'));

/** With SCREENSHOTS_DIR set, a full-page PNG of what the test saw there (to look at, not to compare). */
export async function screenshot(page: E2EPage, name: string) {
  const directory = process.env.SCREENSHOTS_DIR;
  if (directory) {
    await (page as unknown as Page).screenshot({
      path: join(directory, `${name}.png`),
      fullPage: true,
    });
  }
}

/** Types `query` into a transcript's search field, as the field reports it. */
export async function searchTranscript(page: E2EPage, query: string) {
  await page.evaluate((text) => {
    const field = (window as unknown as { __deep: { all(s: string): Element[] } }).__deep.all(
      'limel-input-field.search-field',
    )[0];
    field.dispatchEvent(new CustomEvent('change', { detail: text, bubbles: true }));
  }, query);
  await page.waitForChanges();
  await settle(page);
}

/** The ranges of the current search match (CSS Custom Highlight API): their text, in a link or not. */
export function currentHighlights(page: E2EPage): Promise<{ text: string; inLink: boolean }[]> {
  return page.evaluate(() =>
    [
      ...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
        'lwc-limepkg-conversations-current-match',
      ) ?? []),
    ].map((range) => ({
      text: range.toString(),
      inLink: !!range.startContainer.parentElement?.closest('a'),
    })),
  );
}
