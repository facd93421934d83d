// The demo's Lime Connect page: the Message Center stand-in owns the conversation, the simulator
// sends it to Lime CRM, and the framed Portal (another origin) reads the same CRM through the API
// server. This file starts its own API server, so that its data is not shared with other e2e files
// running at the same time; the Portal page comes from the static server of scripts/e2e-global-setup.
import type { E2EPage } from '@stencil/core/testing';
import type { Frame, Page } from 'puppeteer-core';
import { startApiServer, type ApiServer } from '../../../scripts/api-server';
import {
  deepClick,
  deepQuery,
  deepText,
  openDemoPage,
  seriousAxeViolations,
} from '../../testing/demo-pages';

const SIMULATOR = 'conversations-demo-conversation-simulator';
const STAND_IN = 'conversations-demo-lime-connect';
const PORTAL = 'lwc-limepkg-conversations-portal';

// Stencil's E2EPage type leaves out some of puppeteer's Page methods; the object has them.
const puppeteerPage = (page: E2EPage): Page => page as unknown as Page;

const portalUrl = () => process.env.LIMEPKG_E2E_PORTAL_URL ?? '';
const messageCenterOrigin = () => new URL(process.env.__STENCIL_BROWSER_URL__ ?? '').origin;

let api: ApiServer;

beforeAll(async () => {
  api = await startApiServer({
    port: 0,
    portalOrigins: [new URL(portalUrl()).origin],
    messageCenterOrigins: [messageCenterOrigin()],
  });
});

afterAll(() => api.close());

/** The Lime Connect page on fresh demo data, with the Portal framed and reading `api`. */
async function openLimeConnect() {
  const query = `portal=${encodeURIComponent(portalUrl())}&api=${encodeURIComponent(api.url)}`;
  const opened = await openDemoPage(`/lime-connect.html?${query}`);
  await opened.page.setViewport({ width: 1280, height: 900 });
  return opened;
}

/** The Portal's frame, once the Message Center framed it. */
async function portalFrame(page: E2EPage): Promise<Frame> {
  await page.waitForFunction(
    (tag: string) => Boolean(document.querySelector(tag)?.shadowRoot?.querySelector('iframe')),
    { timeout: 10_000 },
    STAND_IN,
  );
  const frame = puppeteerPage(page)
    .frames()
    .find((each) => each.url().startsWith(portalUrl()));
  if (!frame) {
    throw new Error('The Portal frame is not there');
  }
  return frame;
}

/** Waits until the Portal shows `name` as the matched record, and returns its helpdesk section. */
async function portalShows(frame: Frame, name: string, helpdeskCount?: string) {
  await frame.waitForFunction(
    (tag: string, expectedName: string, expectedCount: string | null) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const count = root?.querySelector('[data-relation="helpdesk"] .count')?.textContent;
      return (
        root?.querySelector('.descriptive')?.textContent === expectedName &&
        (expectedCount === null || count === expectedCount)
      );
    },
    { timeout: 15_000 },
    PORTAL,
    name,
    helpdeskCount ?? null,
  );
  return frame.evaluate((tag: string) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const section = root?.querySelector('[data-relation="helpdesk"]');
    return {
      count: section?.querySelector('.count')?.textContent ?? '',
      links: [...(section?.querySelectorAll('.items a') ?? [])].map((link) =>
        link.getAttribute('href'),
      ),
      viewInCrm: root?.querySelector('a.view-in-crm')?.getAttribute('href') ?? '',
    };
  }, PORTAL);
}

/** Replaces the text of one of the Message Center's contact fields, as the operator would. */
async function editContact(page: E2EPage, field: string, text: string) {
  const input = await deepQuery(page, STAND_IN, `.contact-${field}`, 'input');
  if (!input) {
    throw new Error(`No contact field ${field}`);
  }
  await input.click({ clickCount: 3 });
  await input.type(text);
  await input.press('Tab'); // the field tells its new value when it loses focus
  await page.waitForChanges();
}

async function syncEvents(page: E2EPage): Promise<string[]> {
  return (await page.findAll(`${SIMULATOR} >>> .event.sync .headline`)).map(
    (each) => each.textContent,
  );
}

async function send(page: E2EPage, count: number) {
  await deepClick(page, SIMULATOR, 'limel-button.send');
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

/** The helpdesk tickets of a person in the demo's CRM (the page's emulator). */
async function ticketsOf(page: E2EPage, person: number): Promise<number> {
  return page.evaluate(
    (id: number) =>
      window.limeDemo?.emulator.db.list('helpdesk').filter((ticket) => ticket.person === id)
        .length ?? -1,
    person,
  );
}

describe('the Lime Connect page: Send to Lime CRM', () => {
  it('creates the ticket, the conversation and the transcript note, links to the ticket, and re-sends to it', async () => {
    const { page, errors } = await openLimeConnect();
    const conversationId = /#(\d+)/.exec(await deepText(page, SIMULATOR, 'h2'))?.[1] ?? '';
    expect(conversationId).toMatch(/^\d+$/);

    const draft = await deepQuery(page, SIMULATOR, 'limel-input-field.draft', 'textarea');
    await draft?.type('The invoice number is 2026-1142.');
    await draft?.press('Tab');
    await page.waitForChanges();
    await deepClick(page, SIMULATOR, 'limel-button.add-message');

    await send(page, 1);
    expect(await syncEvents(page)).toEqual([
      'Sent to Lime CRM: new Helpdesk ticket “Question about my invoice”',
    ]);
    const link = await deepQuery(page, SIMULATOR, '.event.sync a.object-link');
    const href = await link?.evaluate((element) => element.getAttribute('href'));
    expect(href).toMatch(/^index\.html\?limetype=helpdesk&id=\d+$/);
    expect(await deepText(page, SIMULATOR)).toContain('Attached: Jane Doe, Acme AB, Anna Lind');

    await send(page, 2);
    expect((await syncEvents(page))[1]).toBe(
      'Sent again: a new complete note on Helpdesk ticket “Question about my invoice”',
    );
    expect(
      (await page.findAll(`${SIMULATOR} >>> .event.sync a.object-link`)).map((each) =>
        each.getAttribute('href'),
      ),
    ).toEqual([href, href]);

    await Promise.all([puppeteerPage(page).waitForNavigation(), link?.click()]);
    await page.waitForChanges();
    await page.waitForSelector('conversations-demo-card >>> .card');
    const card = await page.find('conversations-demo-card >>> limel-header.card-header');
    expect(await card.getProperty('heading')).toBe('Question about my invoice');
    expect(await deepText(page, 'conversations-demo-card')).toContain(
      `#${conversationId} · Support`,
    );

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
    expect(errors).toEqual([]);
  }, 90_000);

  it('writes into the ticket a conversation was connected to from the relation tab', async () => {
    const { page, errors } = await openLimeConnect();
    const conversationId = Number(/#(\d+)/.exec(await deepText(page, SIMULATOR, 'h2'))?.[1]);
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
    expect(errors).toEqual([]);
  });

  it('sends the contact the Portal shows, and the Portal then counts the new ticket', async () => {
    const { page, errors } = await openLimeConnect();
    const portal = await portalFrame(page);
    await portalShows(portal, 'Jane Doe');
    expect(await deepQuery(page, SIMULATOR, '.contact-email')).toBeNull(); // one contact form

    const lisa = 1004;
    const before = await ticketsOf(page, lisa);
    expect(before).toBeGreaterThan(0);
    await editContact(page, 'name', 'Lisa Holm');
    await editContact(page, 'email', 'lisa.holm@nordicwidgets.example');
    const found = await portalShows(portal, 'Lisa Holm', `${before} / ${before}`);
    expect(found.viewInCrm).toBe(`${messageCenterOrigin()}/index.html?limetype=person&id=${lisa}`);

    await send(page, 1);
    expect(await syncEvents(page)).toEqual([
      'Sent to Lime CRM: new Helpdesk ticket “Question about my invoice”',
    ]);
    expect(await deepText(page, SIMULATOR, '.event.sync')).toContain('Lisa Holm');
    const href = await (
      await deepQuery(page, SIMULATOR, '.event.sync a.object-link')
    )?.evaluate((element) => element.getAttribute('href'));
    const ticket = Number(/^index\.html\?limetype=helpdesk&id=(\d+)$/.exec(href ?? '')?.[1]);
    expect(ticket).toBeGreaterThan(0);
    expect(await ticketsOf(page, lisa)).toBe(before + 1);

    const after = await portalShows(portal, 'Lisa Holm', `${before + 1} / ${before + 1}`);
    expect(after.links).toContain(
      `${messageCenterOrigin()}/index.html?limetype=helpdesk&id=${ticket}`,
    );
    expect(errors).toEqual([]);
  }, 90_000);

  it('has no serious accessibility violations in its own markup', async () => {
    const { page } = await openLimeConnect();
    await portalShows(await portalFrame(page), 'Jane Doe');
    expect(await seriousAxeViolations(page, { ownMarkupOnly: true })).toEqual([]);
  });
});
