// Helpers for e2e tests of the demo pages: a fresh emulated CRM per test page, every uncaught
// error and console error collected, and an axe-core accessibility check.
import { newE2EPage, type E2EPage } from '@stencil/core/testing';
import { readFileSync } from 'node:fs';
import type { ConsoleMessage } from 'puppeteer-core';

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
    if (!sessionStorage.getItem('e2e-fresh-demo')) {
      localStorage.clear();
      sessionStorage.setItem('e2e-fresh-demo', '1');
    }
  });
  await page.goto(path);
  await page.waitForChanges();
  return { page, errors };
}

const axeSource = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core violations of impact serious or critical on the page, as readable lines. */
export async function seriousAxeViolations(page: E2EPage): Promise<string[]> {
  await page.addScriptTag({ content: axeSource() });
  const violations = await page.evaluate(async () => {
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
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
      );
  });
  return violations;
}
