// The Portal framed by the Message Center stand-in on the demo's Lime Connect page: two origins
// (Stencil's e2e server plays Lime Connect, scripts/e2e-global-setup.ts serves the Portal), real
// postMessage, and the emulated CRM over real HTTP with JWT auth.
import type { E2EPage } from '@stencil/core/testing';
import type { Frame, Page } from 'puppeteer-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_API_KEY } from '../../../scripts/dev-auth';
import { openDemoPage } from '../../testing/demo-pages';

const PORTAL = 'lwc-limepkg-conversations-portal';
const STAND_IN = 'conversations-demo-lime-connect';

const apiUrl = () => process.env.LIMEPKG_E2E_API_URL ?? '';
const portalUrl = () => process.env.LIMEPKG_E2E_PORTAL_URL ?? '';

async function dev(path: string, body: unknown = {}) {
  const response = await fetch(new URL(path, apiUrl()), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

/** Counts in the CRM, asked the way an integration would (x-api-key), to compare with the Portal. */
async function crmCount(limetype: string, filter: unknown): Promise<number> {
  const response = await fetch(new URL('api/v1/query/', apiUrl()), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-api-key': DEV_API_KEY },
    body: JSON.stringify({
      limetype,
      filter,
      responseFormat: { object: { _id: null }, aggregates: { total: { op: 'COUNT' } } },
    }),
  });
  const body = await response.json();
  return body.aggregates.total;
}

async function openLimeConnect(extra = ''): Promise<{ page: E2EPage; portal: () => Frame }> {
  const query = `portal=${encodeURIComponent(portalUrl())}&api=${encodeURIComponent(apiUrl())}${extra}`;
  // Fresh demo data: the page gives the API server a copy of it, which the Portal reads.
  const { page, errors: seen } = await openDemoPage(`/lime-connect.html?${query}`);
  await page.setViewport({ width: 1280, height: 900 });
  const errors = () => seen.filter((error) => error.startsWith('pageerror'));
  const portal = () => {
    // Stencil's E2EPage type leaves out puppeteer's frame API, which the page has.
    const puppeteerPage = page as unknown as Page;
    const frame = puppeteerPage
      .frames()
      .find((each) => each !== puppeteerPage.mainFrame() && each.url().startsWith(portalUrl()));
    if (!frame) {
      throw new Error('The Portal frame is not there');
    }
    return frame;
  };
  afterEachPage.push(async () => {
    expect(errors()).toEqual([]);
    await page.close();
  });
  return { page, portal };
}

const afterEachPage: (() => Promise<void>)[] = [];

/** The Portal's visible text, once `selector` shows in its shadow root. */
async function portalText(frame: Frame, selector: string): Promise<string> {
  await frame.waitForFunction(
    (tag, s) => Boolean(document.querySelector(tag)?.shadowRoot?.querySelector(s)),
    { timeout: 15_000 },
    PORTAL,
    selector,
  );
  return frame.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    return root ? (root.querySelector('.portal') as HTMLElement).innerText : '';
  }, PORTAL);
}

/** The Portal as the operator sees it, at sidebar width, for a person to look at (not compared). */
async function screenshot(frame: Frame, state: string) {
  const element = await frame.$(PORTAL);
  await element?.screenshot({ path: join(tmpdir(), `portal-e2e-${state}.png`) });
}

/** Types into one of the stand-in's contact fields, as the operator would. */
async function typeContact(page: E2EPage, field: string, text: string) {
  const focused = await page.evaluate(
    (tag, cls) => {
      const input = document
        .querySelector(tag)
        ?.shadowRoot?.querySelector(`.contact-${cls}`)
        ?.shadowRoot?.querySelector('input');
      input?.focus();
      input?.select();
      return Boolean(input);
    },
    STAND_IN,
    field,
  );
  expect({ field, focused }).toEqual({ field, focused: true });
  await page.keyboard.press('Backspace');
  if (text) {
    await page.keyboard.type(text);
  }
  await page.keyboard.press('Tab'); // the field tells its new value when it loses focus
}

async function clickStandIn(page: E2EPage, selector: string) {
  await page.evaluate(
    (tag, s) => (document.querySelector(tag)?.shadowRoot?.querySelector(s) as HTMLElement).click(),
    STAND_IN,
    selector,
  );
}

async function standInText(page: E2EPage): Promise<string> {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const log = root?.querySelector('details.log') as HTMLDetailsElement | null;
    if (log) {
      log.open = true;
    }
    return (root?.querySelector('.stand-in') as HTMLElement).innerText;
  }, STAND_IN);
}

describe('the Portal in the Lime Connect Message Center', () => {
  beforeEach(async () => {
    await dev('dev/reset');
  });

  afterEach(async () => {
    await Promise.all(afterEachPage.splice(0).map((check) => check()));
    await dev('dev/faults', { clear: true });
  });

  it('says ready to the Message Center, which then sends its events', async () => {
    const { page, portal } = await openLimeConnect();
    await portalText(portal(), '.record-header');
    const text = await standInText(page);
    expect(text).toContain('The add-on said ready');
    expect(text).toMatch(/← ready[\s\S]*→ operator_information[\s\S]*→ contact_information/);
  });

  it("shows the person matched by email: header, overview and each section's shown / total", async () => {
    const { portal } = await openLimeConnect();
    const text = await portalText(portal(), '.record-header');
    expect(text).toContain('Jane Doe');
    expect(text).toContain('Person');
    expect(text).toContain('View in CRM');
    expect(text).toContain('Found by email jane@example.com');
    expect(text).toMatch(/Email\s+jane@example.com/);
    expect(text).toMatch(/Mobile phone\s+\+46 70-123 45 67/);
    expect(text).toMatch(/Company\s+Acme AB/);
    await screenshot(portal(), 'found');
    // The History section: dates in the operator's locale, and no two items reading the same.
    const historyLabels = await portal().evaluate((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const section = root?.querySelector('limel-collapsible-section[data-relation="history"]');
      return [...(section?.querySelectorAll('.items li') ?? [])].map(
        (item) => item.textContent ?? '',
      );
    }, PORTAL);
    expect(historyLabels.length).toBeGreaterThan(1);
    expect(historyLabels.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(historyLabels.join('\n')).toMatch(/Nov \d{1,2}, 2026/);
    expect(new Set(historyLabels).size).toBe(historyLabels.length);

    const jane = { key: 'person', op: '=', exp: 1001 };
    const counts = await portal().evaluate((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      return [...(root?.querySelectorAll('limel-collapsible-section') ?? [])].map((section) => ({
        relation: section.getAttribute('data-relation'),
        count: section.querySelector('.count')?.textContent,
        items: section.querySelectorAll('.items li').length,
      }));
    }, PORTAL);
    const helpdesk = await crmCount('helpdesk', jane);
    const deals = await crmCount('deal', jane);
    const history = await crmCount('history', jane);
    expect(counts).toEqual([
      {
        relation: 'helpdesk',
        count: `${Math.min(5, helpdesk)} / ${helpdesk}`,
        items: Math.min(5, helpdesk),
      },
      { relation: 'deal', count: `${Math.min(5, deals)} / ${deals}`, items: Math.min(5, deals) },
      {
        relation: 'history',
        count: `${Math.min(5, history)} / ${history}`,
        items: Math.min(5, history),
      },
    ]);

    const viewInCrm = await portal().evaluate((tag) => {
      const link = document.querySelector(tag)?.shadowRoot?.querySelector('a.view-in-crm');
      return {
        href: link?.getAttribute('href'),
        target: link?.getAttribute('target'),
        rel: link?.getAttribute('rel'),
      };
    }, PORTAL);
    expect(viewInCrm).toEqual({
      href: expect.stringContaining('index.html?limetype=person&id=1001'),
      target: '_blank',
      rel: 'noopener noreferrer',
    });
  });

  it('puts a link to the record in the chat input on Copy link to chat', async () => {
    const { page, portal } = await openLimeConnect();
    await portalText(portal(), '.record-header');
    await portal().evaluate((tag) => {
      (
        document
          .querySelector(tag)
          ?.shadowRoot?.querySelector('limel-button.copy-link') as HTMLElement
      ).click();
    }, PORTAL);
    await page.waitForFunction(
      (tag) =>
        (
          document
            .querySelector(tag)
            ?.shadowRoot?.querySelector('.chat-input') as HTMLInputElement | null
        )?.value?.startsWith('[Jane Doe]('),
      { timeout: 10_000 },
      STAND_IN,
    );
  });

  it('says when several records match, and lets the operator pick another', async () => {
    const { page, portal } = await openLimeConnect();
    await portalText(portal(), '.record-header');
    // The demo's CRM is the page's: the Lime Connect page hands the Portal's API server a copy
    // whenever it changes, and sends the contact again.
    await page.evaluate(() =>
      window.limeDemo?.emulator.db.create('person', {
        firstname: 'Jane',
        lastname: 'Doe-Berg',
        email: 'JANE@example.com',
      }),
    );
    const text = await portalText(portal(), '.ambiguity');
    expect(text).toContain('2 records match email jane@example.com');
    expect(text).toContain('Jane Doe');
    await screenshot(portal(), 'ambiguous');

    await portal().evaluate((tag) => {
      const select = document.querySelector(tag)?.shadowRoot?.querySelector('limel-select');
      const other = (select as unknown as { options: { value: string; text: string }[] })
        .options[1];
      select?.dispatchEvent(new CustomEvent('change', { detail: other }));
    }, PORTAL);
    await portal().waitForFunction(
      (tag) =>
        document.querySelector(tag)?.shadowRoot?.querySelector('.descriptive')?.textContent ===
        'Jane Doe-Berg',
      { timeout: 10_000 },
      PORTAL,
    );
  });

  it('still finds the contact when the phone number is written differently than in the CRM', async () => {
    const { page, portal } = await openLimeConnect();
    await portalText(portal(), '.record-header');
    await typeContact(page, 'email', '');
    await typeContact(page, 'company', '');
    await typeContact(page, 'mobileNumber', '+46 73 987 65 43'); // stored as 0739876543
    await clickStandIn(page, '.send-contact');
    await portal().waitForFunction(
      (tag) =>
        document.querySelector(tag)?.shadowRoot?.querySelector('.descriptive')?.textContent ===
        'Lisa Holm',
      { timeout: 15_000 },
      PORTAL,
    );
    const text = await portalText(portal(), '.record-header');
    expect(text).toContain('Found by mobile number +46 73 987 65 43');
  });

  it('says which rules it tried when nothing matches', async () => {
    const { page, portal } = await openLimeConnect();
    await portalText(portal(), '.record-header');
    await typeContact(page, 'email', 'nobody@example.com');
    await typeContact(page, 'company', 'Nonexistent Ltd');
    await clickStandIn(page, '.send-contact');
    const text = await portalText(portal(), '.empty-state');
    expect(text).toContain('Not found in Lime CRM');
    expect(text).toContain('No person with email nobody@example.com');
    expect(text).toContain('the contact has no mobile number');
    expect(text).toContain('No company with company name Nonexistent Ltd');
    await screenshot(portal(), 'empty');
  });

  it('ignores messages from a foreign origin', async () => {
    const { page, portal } = await openLimeConnect();
    await portalText(portal(), '.record-header');
    await clickStandIn(page, '.foreign-message');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const text = await portalText(portal(), '.record-header');
    expect(text).toContain('Jane Doe');
    expect(text).not.toContain('Mallory');
    expect(await portal().evaluate(() => 'polluted' in {})).toBe(false);
  });

  it('shows an error with Retry when the CRM fails, tells Lime Connect, and recovers on Retry', async () => {
    const { page, portal } = await openLimeConnect();
    await portalText(portal(), '.record-header');
    await dev('dev/faults', { unreachable: true });
    await clickStandIn(page, '.send-contact');
    const text = await portalText(portal(), '.error-state');
    expect(text).toContain('Lime CRM could not be reached');
    await screenshot(portal(), 'error');
    expect(await standInText(page)).toContain('Lime CRM is unreachable');
    // Retry is a filled button the operator can see: not white on the white page.
    const retry = await portal().evaluate((tag) => {
      const button = document
        .querySelector(tag)
        ?.shadowRoot?.querySelector('limel-button.retry')
        ?.shadowRoot?.querySelector('button');
      return button
        ? { background: getComputedStyle(button).backgroundColor, text: button.textContent }
        : undefined;
    }, PORTAL);
    expect(retry?.text).toContain('Retry');
    expect(retry?.background).not.toMatch(/^rgba?\(255, 255, 255|rgba\(0, 0, 0, 0\)|transparent/);

    await dev('dev/faults', { clear: true });
    await portal().evaluate((tag) => {
      (
        document.querySelector(tag)?.shadowRoot?.querySelector('limel-button.retry') as HTMLElement
      ).click();
    }, PORTAL);
    expect(await portalText(portal(), '.record-header')).toContain('Jane Doe');
  });

  it("shows the API server's real unreachable state, and Reset demo data clears it", async () => {
    await dev('dev/faults', { unreachable: true });
    const { page } = await openLimeConnect();
    const crmFailingShown = (checked: boolean) =>
      page.waitForFunction(
        (tag, expected) =>
          (
            document
              .querySelector(tag)
              ?.shadowRoot?.querySelector('limel-checkbox.crm-failing') as {
              checked?: boolean;
            } | null
          )?.checked === expected,
        { timeout: 10_000 },
        STAND_IN,
        checked,
      );
    await crmFailingShown(true);

    await Promise.all([
      (page as unknown as Page).waitForNavigation(),
      page.evaluate(() => {
        const buttons = document
          .querySelector('conversations-demo-shell')
          ?.shadowRoot?.querySelectorAll('limel-button');
        const reset = [...(buttons ?? [])].find(
          (button) => (button as unknown as { label: string }).label === 'Reset demo data',
        );
        (reset as HTMLElement).click();
      }),
    ]);
    const faults = await (await fetch(new URL('dev/faults', apiUrl()))).json();
    expect(faults).toEqual({ latencyMs: 0, unreachable: false });
    await crmFailingShown(false);
  });

  it('gets a fresh token and retries once when the CRM refuses an expired one', async () => {
    const { page, portal } = await openLimeConnect('&token=expired-once');
    expect(await portalText(portal(), '.record-header')).toContain('Jane Doe');
    const log = await standInText(page);
    expect(log.match(/← generate_jwt_token/g)).toHaveLength(2);
  });
});
