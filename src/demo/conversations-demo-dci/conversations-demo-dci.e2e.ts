import { readFileSync } from 'node:fs';
import type { E2EPage } from '@stencil/core/testing';
import { openDemoPage } from '../../testing/e2e';
import type { Page } from 'puppeteer-core';
// Stencil's E2EPage type leaves out some of puppeteer's Page methods; the object has them.
const puppeteerPage = (page: E2EPage): Page => page as unknown as Page;

/** Run with E2E_SCREENSHOTS=<folder> to look at the pages as a user sees them. */
async function screenshot(page: E2EPage, name: string) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) {
    await puppeteerPage(page).screenshot({ path: `${folder}/${name}.png`, fullPage: true });
  }
}

/**
 * axe-core's serious and critical violations in the page's own markup. Those inside lime-elements'
 * shadow roots (limel-input-field's label across shadow roots) are lime-elements' to fix.
 */
async function seriousViolationsInOwnMarkup(page: E2EPage, tag: string): Promise<string[]> {
  await page.addScriptTag({
    content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'),
  });
  return page.evaluate(async (selector: string) => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[][] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<Result> } }).axe;
    const result = await axe.run(document.querySelector(selector));
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) =>
        violation.nodes
          .filter((node) => node.target.every((path) => path.length <= 2))
          .map((node) => `${violation.id}: ${JSON.stringify(node.target)}`),
      );
  }, tag);
}

describe('the DCI page', () => {
  it('syncs a meeting summary that then renders on the person’s History tab', async () => {
    const { page, errors } = await openDemoPage('/dci.html');
    await screenshot(page, 'dci-page');

    const sync = await page.find('conversations-demo-dci >>> limel-button.sync');
    await sync.click();
    await page.waitForSelector('conversations-demo-dci >>> .participant-result', {
      timeout: 5000,
    } as never);
    await page.waitForChanges();
    const results = await page.findAll('conversations-demo-dci >>> .participant-result .headline');
    expect(results.map((result) => result.textContent)).toEqual([
      'Anna Lind: internal participant, no note',
      'Jane Doe: summary written to Jane Doe',
      'Sam Stranger: no matching person in Lime CRM; nothing sent',
    ]);
    await screenshot(page, 'dci-synced');

    const link = await page.find('conversations-demo-dci >>> a.history-link');
    expect(link.getAttribute('href')).toBe('index.html?limetype=person&id=1001&tab=history');
    await Promise.all([puppeteerPage(page).waitForNavigation(), link.click()]);
    await page.waitForChanges();

    const note = await page.waitForSelector(
      'conversations-demo-card >>> lwc-limepkg-conversations-history-note[kind="dci-summary"]',
      { timeout: 5000 } as never,
    );
    expect(note).toBeTruthy();
    const notes = await page.findAll(
      'conversations-demo-card >>> lwc-limepkg-conversations-history-note[kind="dci-summary"]',
    );
    const rendered = await Promise.all(notes.map((each) => each.getProperty('value')));
    expect(
      rendered.some((text: string) =>
        text.startsWith('Conversation Summary | Anna Lind | Quarterly review with Acme |'),
      ),
    ).toBe(true);
    await screenshot(page, 'dci-history');
    expect(errors).toEqual([]);
  });

  it('creates the missing contact when "Create Contact in CRM" is on, and does not duplicate on re-sync', async () => {
    const { page, errors } = await openDemoPage('/dci.html');
    await (
      await page.find('conversations-demo-dci >>> limel-checkbox.create-contacts >>> label')
    ).click();
    await page.waitForChanges();
    const sync = await page.find('conversations-demo-dci >>> limel-button.sync');
    await sync.click();
    await page.waitForSelector('conversations-demo-dci >>> .participant-result', {
      timeout: 5000,
    } as never);
    await page.waitForChanges();
    const headlines = async () =>
      (await page.findAll('conversations-demo-dci >>> .participant-result .headline')).map(
        (each) => each.textContent,
      );
    expect((await headlines())[2]).toBe('Sam Stranger: summary written to Sam Stranger');
    expect(
      await page.evaluate(
        () => document.querySelector('conversations-demo-dci')?.shadowRoot?.textContent ?? '',
      ),
    ).toContain('New company created: New Co AB');

    await sync.click();
    await page.waitForFunction(() =>
      (document.querySelector('conversations-demo-dci')?.shadowRoot?.textContent ?? '').includes(
        'Sam Stranger: Sam Stranger already has this summary',
      ),
    );
    const persons = await page.evaluate(
      () =>
        window.limeDemo?.emulator.db
          .list('person')
          .filter((person) => person.lastname === 'Stranger').length,
    );
    expect(persons).toBe(1);
    expect(errors).toEqual([]);
  });

  it('tests the connection, and says clearly when the API key is refused', async () => {
    const { page, errors } = await openDemoPage('/dci.html');
    const test = await page.find('conversations-demo-dci >>> limel-button.test-connection');
    await test.click();
    const result = () =>
      page.evaluate(
        () =>
          document
            .querySelector('conversations-demo-dci')
            ?.shadowRoot?.querySelector('.connection-result')?.textContent ?? '',
      );
    await page.waitForFunction(
      () =>
        !!document
          .querySelector('conversations-demo-dci')
          ?.shadowRoot?.querySelector('.connection-result'),
    );
    expect(await result()).toContain('The connection works');

    const key = await page.find('conversations-demo-dci >>> limel-input-field.api-key >>> input');
    await key.click({ clickCount: 3 } as never);
    await key.type('an-old-key');
    await key.press('Tab');
    await page.waitForChanges();
    await test.click();
    await page.waitForFunction(() =>
      (
        document
          .querySelector('conversations-demo-dci')
          ?.shadowRoot?.querySelector('.connection-result')?.textContent ?? ''
      ).includes('401'),
    );
    expect(await result()).toContain('Lime CRM refused the API key (401)');
    await screenshot(page, 'dci-connection');
    expect(errors).toEqual([]);
  });

  it('has no serious accessibility violations in its own markup', async () => {
    const { page } = await openDemoPage('/dci.html');
    expect(await seriousViolationsInOwnMarkup(page, 'conversations-demo-dci')).toEqual([]);
  });
});
