// Helpers for e2e tests of the demo pages: a fresh emulated CRM per test page, every uncaught
// error and console error collected, and an axe-core accessibility check.
import { newE2EPage, type E2EPage } from '@stencil/core/testing';
import { readFileSync } from 'node:fs';
import type { ConsoleMessage, ElementHandle } from 'puppeteer-core';

export interface DemoPage {
  page: E2EPage;
  /** Uncaught exceptions and console errors seen so far. */
  errors: string[];
}

// Chromium logs these itself; they are no errors of ours.
const IGNORED_CONSOLE_ERRORS = [/favicon\.ico/];

/**
 * Opens a demo page (e.g. `/index.html?limetype=helpdesk&id=1001`) on fresh demo data: the
 * page's localStorage is cleared once, before its first load, so tests do not see each other's data.
 * Safe for pages that frame others (the Lime Connect page frames the sandboxed Portal).
 */
export async function openDemoPage(path: string): Promise<DemoPage> {
  const page = await newE2EPage();
  const errors: string[] = [];
  page.on('pageerror', (error: unknown) =>
    errors.push(`pageerror: ${String((error as Error)?.message ?? error)}`),
  );
  page.on('console', (message: ConsoleMessage) => {
    if (
      message.type() === 'error' &&
      !IGNORED_CONSOLE_ERRORS.some((ignored) => ignored.test(message.text()))
    ) {
      errors.push(`console.error: ${message.text()}`);
    }
  });
  await page.evaluateOnNewDocument(() => {
    // Runs in every frame too: the Portal's sandboxed frame has an opaque origin, where touching
    // storage throws. Only the demo page's own data is to be fresh.
    try {
      if (window.top === window && !sessionStorage.getItem('e2e-fresh-demo')) {
        localStorage.clear();
        sessionStorage.setItem('e2e-fresh-demo', '1');
      }
    } catch {
      // no storage here: nothing to clear
    }
  });
  await page.goto(path);
  await page.waitForChanges();
  return { page, errors };
}

const axeSource = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeOptions {
  /**
   * Only violations in our own markup: those whose element lies inside a lime-elements
   * component's shadow root (e.g. limel-input-field's label `for=` an id in another root) are
   * lime-elements' to fix upstream, and left out.
   */
  ownMarkupOnly?: boolean;
}

/** axe-core violations of impact serious or critical on the page, as readable lines. */
export async function seriousAxeViolations(
  page: E2EPage,
  options: AxeOptions = {},
): Promise<string[]> {
  await page.addScriptTag({ content: axeSource() });
  const violations = await page.evaluate(async (ownMarkupOnly: boolean) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{
            violations: {
              id: string;
              impact: string;
              help: string;
              nodes: { target: unknown[]; element?: Element }[];
            }[];
          }>;
        };
      }
    ).axe;
    // lime-elements' own markup: the element lies in the shadow root of a limel-* component.
    const isOwn = (node: { element?: Element }) => {
      const root = node.element?.getRootNode();
      return !(root instanceof ShadowRoot && root.host.tagName.toLowerCase().startsWith('limel-'));
    };
    const result = await axe.run(document, { resultTypes: ['violations'], elementRef: true });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        ...violation,
        nodes: ownMarkupOnly ? violation.nodes.filter(isOwn) : violation.nodes,
      }))
      .filter((violation) => violation.nodes.length > 0)
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
      );
  }, options.ownMarkupOnly === true);
  return violations;
}

/**
 * The first element matching the chain of selectors, where each selector is looked for anywhere
 * below the previous match, inside shadow roots too. `null` when there is none.
 */
export async function deepQuery(page: E2EPage, ...selectors: string[]) {
  const handle = await page.evaluateHandle((chain: string[]) => {
    const findDeep = (root: Element | Document, selector: string): Element | null => {
      const scopes: (Element | Document | ShadowRoot)[] = [root];
      if (root instanceof Element && root.shadowRoot) {
        scopes.unshift(root.shadowRoot);
      }
      while (scopes.length) {
        const scope = scopes.shift()!;
        const found = scope.querySelector(selector);
        if (found) {
          return found;
        }
        for (const element of Array.from(scope.querySelectorAll('*'))) {
          if (element.shadowRoot) {
            scopes.push(element.shadowRoot);
          }
        }
      }
      return null;
    };
    let current: Element | Document | null = document;
    for (const selector of chain) {
      current = current ? findDeep(current, selector) : null;
    }
    return current === document ? null : current;
  }, selectors);
  return handle.asElement() as ElementHandle<Element> | null;
}

/**
 * The text of the element the selectors find (see `deepQuery`), with the text rendered in shadow
 * roots and slotted content; '' when there is none.
 */
export async function deepText(page: E2EPage, ...selectors: string[]): Promise<string> {
  const element = await deepQuery(page, ...selectors);
  if (!element) {
    return '';
  }
  return element.evaluate((root) => {
    const collect = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) {
        return node.textContent ?? '';
      }
      if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) {
        return '';
      }
      if (node instanceof HTMLSlotElement) {
        return node.assignedNodes({ flatten: true }).map(collect).join(' ');
      }
      const children =
        node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
      return Array.from(children).map(collect).join(' ');
    };
    return collect(root).replace(/\s+/g, ' ').trim();
  });
}

/** Clicks the element the selectors find, failing clearly when there is none. */
export async function deepClick(page: E2EPage, ...selectors: string[]): Promise<void> {
  const element = await deepQuery(page, ...selectors);
  if (!element) {
    throw new Error(`Nothing to click at ${selectors.join(' → ')}`);
  }
  await element.click();
  await page.waitForChanges();
}

/** Waits until `check` (run in the page) returns true, or fails after `timeout` ms. */
export async function waitUntil(
  page: E2EPage,
  check: () => boolean,
  timeout = 5000,
): Promise<void> {
  await page.waitForFunction(check, { timeout });
}

/**
 * Waits until the `limel-dialog` below the selectors has finished opening. limel-dialog moves
 * focus into itself when its opening animation ends: typing before that types into the void.
 */
export async function waitForDialogToOpen(page: E2EPage, ...selectors: string[]): Promise<void> {
  await page.waitForFunction(
    async (chain: string[]) => {
      const findDeep = (root: ParentNode, selector: string): Element | null => {
        const found = root.querySelector(selector);
        if (found) {
          return found;
        }
        for (const element of Array.from(root.querySelectorAll('*'))) {
          const inShadow = element.shadowRoot ? findDeep(element.shadowRoot, selector) : null;
          if (inShadow) {
            return inShadow;
          }
        }
        return null;
      };
      let current: ParentNode | null = document;
      for (const selector of [...chain, 'limel-dialog']) {
        const next: Element | null = current ? findDeep(current, selector) : null;
        current = next ? (next.shadowRoot ?? next) : null;
      }
      const surface = current?.querySelector('.mdc-dialog');
      return (
        !!surface &&
        surface.classList.contains('mdc-dialog--open') &&
        !surface.classList.contains('mdc-dialog--opening')
      );
    },
    { timeout: 10000 },
    selectors,
  );
}
