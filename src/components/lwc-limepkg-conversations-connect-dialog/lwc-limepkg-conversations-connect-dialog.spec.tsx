import { h } from '@stencil/core';
import { newSpecPage } from '@stencil/core/testing';
import { createEmulator } from '../../emulator';
import { ConnectConversationDialog } from './lwc-limepkg-conversations-connect-dialog';

async function mountDialog(limeobject: Record<string, unknown>) {
  const emulator = createEmulator({ mountRoot: () => null });
  const command = { limetype: { name: 'conversation' }, limeobject };
  const page = await newSpecPage({
    components: [ConnectConversationDialog],
    template: () => (
      <lwc-limepkg-conversations-connect-dialog
        platform={emulator.platform}
        context={{ limetype: null, id: null }}
        command={command}
      />
    ),
  });
  const root = page.root?.shadowRoot;
  // limel-* are not registered in a spec page: their props show as attributes.
  const connectDisabled = () =>
    root?.querySelector('limel-button[primary]')?.hasAttribute('disabled');
  return { page, root, connectDisabled };
}

describe('lwc-limepkg-conversations-connect-dialog', () => {
  it('asks for the ID with Connect disabled until there is one', async () => {
    const { root, connectDisabled } = await mountDialog({ helpdesk: 1001 });

    const field = root?.querySelector('limel-input-field');
    expect(field?.getAttribute('label')).toBe('Conversation ID');
    expect(connectDisabled()).toBe(true);
    expect(root?.querySelector('.setup-problem')).toBeNull();
  });

  it('enables Connect for a pasted link and disables it again for bad input', async () => {
    const { page, root, connectDisabled } = await mountDialog({ helpdesk: 1001 });
    const field = root?.querySelector('limel-input-field') as Element;

    field.dispatchEvent(
      new CustomEvent('change', { detail: 'https://app.lime-connect.com/conversation/61234' }),
    );
    await page.waitForChanges();
    expect(connectDisabled()).toBe(false);

    field.dispatchEvent(new CustomEvent('change', { detail: '12.5' }));
    await page.waitForChanges();
    expect(connectDisabled()).toBe(true);
    expect(field.hasAttribute('invalid')).toBe(true);
    expect(field.getAttribute('helper-text') ?? field.getAttribute('helpertext')).toContain(
      'A conversation ID is a whole number',
    );
  });

  it('says where conversations can be connected from when nothing names a parent', async () => {
    const { page, root, connectDisabled } = await mountDialog({});
    const field = root?.querySelector('limel-input-field') as Element;

    field.dispatchEvent(new CustomEvent('change', { detail: '61234' }));
    await page.waitForChanges();

    expect(root?.querySelector('.setup-problem')?.textContent).toContain(
      'Conversations can only be connected from the Conversations tab',
    );
    expect(connectDisabled()).toBe(true);
  });
});
