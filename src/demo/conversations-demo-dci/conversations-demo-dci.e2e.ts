import type { E2EPage } from '@stencil/core/testing';
import type { Page } from 'puppeteer-core';
import {
  deepClick,
  deepQuery,
  deepText,
  openDemoPage,
  seriousAxeViolations,
} from '../../testing/demo-pages';

const DCI = 'conversations-demo-dci';

// Stencil's E2EPage type leaves out some of puppeteer's Page methods; the object has them.
const puppeteerPage = (page: E2EPage): Page => page as unknown as Page;

/** The headline of each participant's result, once the sync has answered. */
async function participantHeadlines(page: E2EPage): Promise<string[]> {
  return (await page.findAll(`${DCI} >>> .participant-result .headline`)).map(
    (each) => each.textContent,
  );
}

async function waitForText(page: E2EPage, selector: string, text: string) {
  await page.waitForFunction(
    (tag: string, inner: string, expected: string) =>
      (document.querySelector(tag)?.shadowRoot?.querySelector(inner)?.textContent ?? '').includes(
        expected,
      ),
    { timeout: 5000 },
    DCI,
    selector,
    text,
  );
}

describe('the DCI page', () => {
  it('syncs a meeting summary that then renders on the person’s History tab', async () => {
    const { page, errors } = await openDemoPage('/dci.html');

    await deepClick(page, DCI, 'limel-button.sync');
    await page.waitForSelector(`${DCI} >>> .participant-result`, { timeout: 5000 } as never);
    await page.waitForChanges();
    expect(await participantHeadlines(page)).toEqual([
      'Anna Lind: internal participant, no note',
      'Jane Doe: summary written to Jane Doe',
      'Sam Stranger: no matching person in Lime CRM; nothing sent',
    ]);

    const link = await deepQuery(page, DCI, 'a.history-link');
    expect(await link?.evaluate((element) => element.getAttribute('href'))).toBe(
      'index.html?limetype=person&id=1001&tab=history',
    );
    await Promise.all([puppeteerPage(page).waitForNavigation(), link?.click()]);
    await page.waitForChanges();

    // A new page: on a machine busy with other e2e files, the card takes a while to load.
    const note = await page.waitForSelector(
      'conversations-demo-card >>> lwc-limepkg-conversations-history-note[kind="dci-summary"]',
      { timeout: 15_000 } as never,
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
    expect(errors).toEqual([]);
  });

  it('creates the missing contact when "Create Contact in CRM" is on, and does not duplicate on re-sync', async () => {
    const { page, errors } = await openDemoPage('/dci.html');
    await deepClick(page, DCI, 'limel-checkbox.create-contacts', 'label');
    await deepClick(page, DCI, 'limel-button.sync');
    await page.waitForSelector(`${DCI} >>> .participant-result`, { timeout: 5000 } as never);
    await page.waitForChanges();
    expect((await participantHeadlines(page))[2]).toBe(
      'Sam Stranger: summary written to Sam Stranger',
    );
    expect(await deepText(page, DCI)).toContain('New company created: New Co AB');

    await deepClick(page, DCI, 'limel-button.sync');
    await waitForText(page, '.sync-result', 'Sam Stranger: Sam Stranger already has this summary');
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
    await deepClick(page, DCI, 'limel-button.test-connection');
    await page.waitForSelector(`${DCI} >>> .connection-result`, { timeout: 5000 } as never);
    expect(await deepText(page, DCI, '.connection-result')).toContain('The connection works');

    const key = await deepQuery(page, DCI, 'limel-input-field.api-key', 'input');
    await key?.click({ clickCount: 3 });
    await key?.type('an-old-key');
    await key?.press('Tab');
    await page.waitForChanges();
    await deepClick(page, DCI, 'limel-button.test-connection');
    await waitForText(page, '.connection-result', '401');
    expect(await deepText(page, DCI, '.connection-result')).toContain(
      'Lime CRM refused the API key (401)',
    );
    expect(errors).toEqual([]);
  });

  it('has no serious accessibility violations in its own markup', async () => {
    const { page } = await openDemoPage('/dci.html');
    expect(await seriousAxeViolations(page, { ownMarkupOnly: true })).toEqual([]);
  });
});
