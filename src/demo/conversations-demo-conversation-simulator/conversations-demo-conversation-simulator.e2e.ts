import { readFileSync } from 'node:fs';
import type { E2EPage } from '@stencil/core/testing';
import { newE2EPage } from '@stencil/core/testing';
import type { ConsoleMessage, Page } from 'puppeteer-core';
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
 * Opens a demo page on fresh demo data, collecting uncaught errors. Like `openDemoPage` of
 * src/testing/e2e.ts, but safe in the Portal's frame, whose opaque origin has no sessionStorage.
 */
async function openDemoPage(path: string): Promise<{ page: E2EPage; errors: string[] }> {
  const page = await newE2EPage();
  const errors: string[] = [];
  page.on('pageerror', (error: unknown) => errors.push(`pageerror: ${String(error)}`));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' && !/favicon\.ico/.test(message.text())) {
      errors.push(`console.error: ${message.text()}`);
    }
  });
  await page.evaluateOnNewDocument(() => {
    try {
      if (window.top === window && !sessionStorage.getItem('e2e-fresh-demo')) {
        localStorage.clear();
        sessionStorage.setItem('e2e-fresh-demo', '1');
      }
    } catch {
      // A sandboxed frame may not touch storage; only the top page's data matters here.
    }
  });
  await page.goto(path);
  await page.waitForChanges();
  return { page, errors };
}

const SIMULATOR = 'conversations-demo-conversation-simulator';

const shadowText = (page: E2EPage, selector: string) =>
  page.evaluate((tag: string) => {
    const host = document.querySelector('conversations-demo-lime-connect') ?? document;
    const element = host.querySelector(tag) ?? document.querySelector(tag);
    return element?.shadowRoot?.textContent ?? '';
  }, selector);

async function syncEvents(page: E2EPage): Promise<string[]> {
  return (await page.findAll(`${SIMULATOR} >>> .event.sync .headline`)).map(
    (each) => each.textContent,
  );
}

async function send(page: E2EPage, count: number) {
  await (await page.find(`${SIMULATOR} >>> limel-button.send`)).click();
  await page.waitForFunction(
    (tag: string, expected: number) =>
      (document.querySelector(tag)?.shadowRoot?.querySelectorAll('.event.sync').length ?? 0) >=
      expected,
    {},
    SIMULATOR,
    count,
  );
  await page.waitForChanges();
}

describe('the Lime Connect page: Send to Lime CRM', () => {
  it('creates the ticket, the conversation and the transcript note, links to the ticket, and re-sends to it', async () => {
    const { page, errors } = await openDemoPage('/lime-connect.html');
    const title = await page.find(`${SIMULATOR} >>> h2`);
    const conversationId = /#(\d+)/.exec(title.textContent)?.[1] ?? '';
    expect(conversationId).toMatch(/^\d+$/);

    const draft = await page.find(`${SIMULATOR} >>> limel-input-field.draft >>> textarea`);
    await draft.type('The invoice number is 2026-1142.');
    await draft.press('Tab');
    await page.waitForChanges();
    await (await page.find(`${SIMULATOR} >>> limel-button.add-message`)).click();
    await page.waitForChanges();

    await send(page, 1);
    expect(await syncEvents(page)).toEqual([
      'Sent to Lime CRM: new Helpdesk ticket “Question about my invoice”',
    ]);
    const link = await page.find(`${SIMULATOR} >>> .event.sync a.object-link`);
    const href = link.getAttribute('href');
    expect(href).toMatch(/^index\.html\?limetype=helpdesk&id=\d+$/);
    expect(await shadowText(page, SIMULATOR)).toContain('Attached: Jane Doe, Acme AB, Anna Lind');
    await screenshot(page, 'lime-connect-sent');

    await send(page, 2);
    expect((await syncEvents(page))[1]).toBe(
      'Sent again: a new complete note on Helpdesk ticket “Question about my invoice”',
    );
    expect(
      (await page.findAll(`${SIMULATOR} >>> .event.sync a.object-link`)).map((each) =>
        each.getAttribute('href'),
      ),
    ).toEqual([href, href]);

    await Promise.all([puppeteerPage(page).waitForNavigation(), link.click()]);
    await page.waitForChanges();
    await page.waitForSelector('conversations-demo-card >>> .card');
    const card = await page.find('conversations-demo-card >>> limel-header.card-header');
    expect(await card.getProperty('heading')).toBe('Question about my invoice');
    const cardText = () =>
      page.evaluate(
        () => document.querySelector('conversations-demo-card')?.shadowRoot?.textContent ?? '',
      );
    expect(await cardText()).toContain(`#${conversationId} · Support`);
    await screenshot(page, 'lime-connect-card');

    await page.goto(`/${href}&tab=history`);
    await page.waitForChanges();
    await page.waitForSelector(
      'conversations-demo-card >>> lwc-limepkg-conversations-history-note[kind="chat-transcript"]',
    );
    const notes = await page.findAll(
      'conversations-demo-card >>> lwc-limepkg-conversations-history-note[kind="chat-transcript"]',
    );
    expect(notes).toHaveLength(2);
    const texts: string[] = await Promise.all(notes.map((note) => note.getProperty('value')));
    for (const text of texts) {
      expect(text.split('\n')[0]).toMatch(
        new RegExp(`^Lime Connect conversation #${conversationId} · Support · `),
      );
      expect(text).toContain('The invoice number is 2026-1142.');
    }
    await screenshot(page, 'lime-connect-history');
    expect(errors.filter((error) => !/portal|3334|ERR_CONNECTION_REFUSED/i.test(error))).toEqual(
      [],
    );
  });

  it('writes into the ticket a conversation was connected to from the relation tab', async () => {
    const { page } = await openDemoPage('/lime-connect.html');
    const title = await page.find(`${SIMULATOR} >>> h2`);
    const conversationId = Number(/#(\d+)/.exec(title.textContent)?.[1]);
    await page.evaluate((id: number) => {
      window.limeDemo?.emulator.db.create('conversation', { conversationid: id, helpdesk: 1002 });
    }, conversationId);
    await send(page, 1);
    expect((await syncEvents(page))[0]).toBe(
      'Sent to Lime CRM: added to the connected Helpdesk ticket “Cannot log in after password reset”',
    );
    expect(
      (await page.find(`${SIMULATOR} >>> .event.sync a.object-link`)).getAttribute('href'),
    ).toBe('index.html?limetype=helpdesk&id=1002');
  });

  it('has no serious accessibility violations in the simulator’s own markup', async () => {
    const { page } = await openDemoPage('/lime-connect.html');
    await page.addScriptTag({
      content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'),
    });
    const violations = await page.evaluate(async (selector: string) => {
      type Result = {
        violations: { id: string; impact: string; nodes: { target: string[][] }[] }[];
      };
      const axe = (window as unknown as { axe: { run(context: unknown): Promise<Result> } }).axe;
      const result = await axe.run(document.querySelector(selector));
      return result.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .flatMap((violation) =>
          violation.nodes
            .filter((node) => node.target.every((path) => path.length <= 2))
            .map((node) => `${violation.id}: ${JSON.stringify(node.target)}`),
        );
    }, SIMULATOR);
    expect(violations).toEqual([]);
  });
});
