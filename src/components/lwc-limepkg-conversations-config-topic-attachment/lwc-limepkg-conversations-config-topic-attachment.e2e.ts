import type { E2EPage } from '@stencil/core/testing';
import { openDemoPage } from '../../testing/demo-pages';

const TOPICS =
  'conversations-demo-admin >>> lwc-limepkg-conversations-config >>> lwc-limepkg-conversations-config-topics';
const SECTION = `${TOPICS} >>> limel-collapsible-section.topic`;
const TOPIC = `${SECTION} lwc-limepkg-conversations-config-topic`;
const ATTACHMENT = `${TOPIC} >>> li.attachment lwc-limepkg-conversations-config-topic-attachment`;
const PICKER = `${ATTACHMENT} >>> limel-picker.attachment-object`;

type QueryWindow = Window & {
  limeDemo?: {
    emulator: {
      setConfig(config: unknown): void;
      platform: { get(name: string): { execute(query: { filter?: { key?: string } }): unknown } };
    };
  };
  nameLookups?: number;
};

/** The Support topic, its ticket's company fixed to the company with `objectId`. */
function supportTopicWithCompany(objectId: number) {
  return {
    topics: [
      {
        topic: 'Support',
        limetype: 'helpdesk',
        historyType: 'limeconnect',
        importMediaFiles: false,
        attachments: [{ property: 'company', source: 'fixed', objectId }],
        properties: [],
      },
    ],
  };
}

/**
 * What the fixed object's picker shows, once it shows `expected` (names arrive by query). Polled:
 * a selector wait is not woken by changes inside nested shadow roots.
 */
async function pickedName(page: E2EPage, expected: string): Promise<string | undefined> {
  let text: string | undefined;
  for (let attempt = 0; attempt < 100 && text !== expected; attempt++) {
    const picker = await page.$(PICKER);
    text = await picker?.evaluate(
      (element) => (element as HTMLElement & { value?: { text: string } }).value?.text,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return text;
}

describe('a fixed attachment in the topics widget', () => {
  it('shows the fixed object by name, looked up once and again only when the object changes', async () => {
    const { page, errors } = await openDemoPage('/admin.html');
    await page.waitForSelector(SECTION);
    // Count the lookups by id, the name queries.
    await page.evaluate(() => {
      const scope = window as QueryWindow;
      const query = scope.limeDemo!.emulator.platform.get('query');
      const execute = query.execute.bind(query);
      scope.nameLookups = 0;
      query.execute = (lime: { filter?: { key?: string } }) => {
        if (lime.filter?.key === '_id') {
          scope.nameLookups! += 1;
        }
        return execute(lime);
      };
    });
    await page.evaluate(
      (config) => (window as QueryWindow).limeDemo!.emulator.setConfig(config),
      supportTopicWithCompany(1001),
    );
    expect(await pickedName(page, 'Acme AB')).toBe('Acme AB');
    expect(await page.evaluate(() => (window as QueryWindow).nameLookups)).toBe(1);

    // The admin fixes the ticket's person instead (person 1001 is Jane Doe): a new name is looked up.
    const relation = await page.$(`${ATTACHMENT} >>> limel-select.attachment-property`);
    await relation!.evaluate((select) =>
      select.dispatchEvent(
        new CustomEvent('change', { detail: { text: 'Person', value: 'person' } }),
      ),
    );
    expect(await pickedName(page, 'Jane Doe')).toBe('Jane Doe');
    expect(await page.evaluate(() => (window as QueryWindow).nameLookups)).toBe(2);

    // Typing the topic re-renders the row at every key: the name is not asked for again.
    await (await page.$(`${SECTION} >>> button.open-close-toggle`))!.click();
    const input = await page.waitForSelector(`${TOPIC} >>> limel-input-field.topic-text >>> input`);
    await input!.click();
    await input!.type(' desk');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await page.waitForChanges();
    expect(await pickedName(page, 'Jane Doe')).toBe('Jane Doe');
    expect(await page.evaluate(() => (window as QueryWindow).nameLookups)).toBe(2);
    expect(errors).toEqual([]);
  });
});
