// A Swedish webclient whose translate service knows none of our keys (a Lime CRM without our
// translation files): the session's language still gives Swedish, from the texts we bundle.
import type { E2EPage } from '@stencil/core/testing';
import { openDemoPage, waitForDialogToOpen } from '../testing/demo-pages';

const CONNECT_DIALOG = 'lwc-limepkg-conversations-connect-dialog';
const NOTE = 'lwc-limepkg-conversations-history-note';

/** The demo card of helpdesk ticket 1001 in a Swedish session, our keys unknown to `translate`. */
async function openSwedishWebclient() {
  const opened = await openDemoPage('/index.html?limetype=helpdesk&id=1001&lang=sv');
  const { page } = opened;
  await page.waitForFunction(() => !!window.limeDemo?.emulator);
  const session = await page.evaluate(() => {
    const { platform } = window.limeDemo!.emulator;
    // Like the webclient's translate service for ids it has no translation of: the id itself.
    platform.register('translate', { get: (id: string) => id });
    let language: unknown;
    platform.get('state.application').subscribe((state: { session?: { language?: string } }) => {
      language = state.session?.language;
    });
    return { language, echoed: platform.get('translate').get('limepkg_conversations.x') };
  });
  expect(session).toEqual({ language: 'sv', echoed: 'limepkg_conversations.x' });
  return opened;
}

/** The visible text of an element, through its shadow roots. */
async function deepTextOf(page: E2EPage, tag: string): Promise<string> {
  return page.evaluate((selector: string) => {
    const collect = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) {
        return node.textContent ?? '';
      }
      if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT') {
        return '';
      }
      const element = node as Element;
      const children = element.shadowRoot ? element.shadowRoot.childNodes : node.childNodes;
      return Array.from(children).map(collect).join(' ');
    };
    const element = document.querySelector(selector);
    return element ? collect(element).replace(/\s+/g, ' ').trim() : '';
  }, tag);
}

describe('a Swedish session whose translate service knows none of our keys', () => {
  it('shows the connect dialog in Swedish', async () => {
    const { page, errors } = await openSwedishWebclient();

    const create = await page.find(
      'conversations-demo-card >>> [data-relation="conversation"] limel-button',
    );
    await create.click();
    await waitForDialogToOpen(page, CONNECT_DIALOG);

    const shown = await page.evaluate((tag: string) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const dialog = root?.querySelector('limel-dialog') as
        (Element & { heading?: { title: string } }) | null;
      const buttons = [...(root?.querySelectorAll('limel-button[slot="button"]') ?? [])];
      return {
        heading: dialog?.heading?.title,
        buttons: buttons.map((button) => (button as Element & { label: string }).label),
      };
    }, CONNECT_DIALOG);
    expect(shown).toEqual({ heading: 'Koppla en konversation', buttons: ['Avbryt', 'Koppla'] });
    expect(await deepTextOf(page, CONNECT_DIALOG)).not.toContain('connect_dialog.');
    expect(errors).toEqual([]);
  });

  it('shows a chat transcript history note in Swedish', async () => {
    const { page, errors } = await openSwedishWebclient();

    await page.evaluate((tag: string) => {
      const { emulator } = window.limeDemo!;
      const note = document.createElement(tag) as HTMLElement & {
        platform: unknown;
        value: string;
      };
      note.platform = emulator.platform;
      note.value = String(emulator.db.get('history', 1001)?.note ?? '');
      document.body.appendChild(note);
    }, NOTE);
    await page.waitForFunction(
      (tag: string) => !!document.querySelector(tag)?.shadowRoot?.firstElementChild,
      {},
      NOTE,
    );
    await page.waitForChanges();

    const text = await deepTextOf(page, NOTE);
    expect(text).toContain('Chattkonversation');
    expect(text).toContain('Konversation #48213');
    expect(text).not.toContain('Chat conversation');
    expect(text).not.toContain('history_note.');
    expect(errors).toEqual([]);
  });
});
