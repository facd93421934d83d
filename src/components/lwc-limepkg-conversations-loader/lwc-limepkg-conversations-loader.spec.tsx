import { h } from '@stencil/core';
import { newSpecPage } from '@stencil/core/testing';
import { createEmulator } from '../../emulator';
import {
  CommandBus,
  CreateLimeobjectDialogCommand,
  type CommandBusService,
  type LimeTypes,
} from '../../lime';
import { ConversationsLoader } from './lwc-limepkg-conversations-loader';

function createCommand(
  limetypes: LimeTypes,
  limetype: string,
  limeobject: Record<string, unknown>,
) {
  return Object.assign(new CreateLimeobjectDialogCommand(), {
    limetype: limetypes[limetype],
    limeobject,
  });
}

async function mountLoader(config?: unknown) {
  const emulator = createEmulator({ mountRoot: () => null, config });
  const page = await newSpecPage({
    components: [ConversationsLoader],
    template: () => (
      <lwc-limepkg-conversations-loader
        platform={emulator.platform}
        context={{ limetype: null, id: null }}
      />
    ),
  });
  const commandBus = emulator.platform.get(CommandBus) as CommandBusService;
  return { emulator, page, commandBus };
}

describe('lwc-limepkg-conversations-loader', () => {
  it('renders nothing', async () => {
    const { page } = await mountLoader();
    expect(page.root?.shadowRoot?.childNodes.length ?? 0).toBe(0);
  });

  it('opens the connect dialog instead of the generic one for conversations, passing the command', async () => {
    const { emulator, commandBus } = await mountLoader();
    const command = createCommand(emulator.limetypes, 'conversation', { helpdesk: 1001 });

    const result = commandBus.handle(command);

    expect(result).toBeUndefined(); // the generic handler never ran
    expect(emulator.dialogs).toEqual([
      expect.objectContaining({
        name: 'lwc-limepkg-conversations-connect-dialog',
        properties: { command },
      }),
    ]);
  });

  it('lets the create dialog of every other limetype through', async () => {
    const { emulator, commandBus } = await mountLoader();

    commandBus.handle(createCommand(emulator.limetypes, 'deal', { company: 1001 }));
    commandBus.handle(createCommand(emulator.limetypes, 'document', { helpdesk: 1001 }));

    expect(emulator.dialogs.map((dialog) => dialog.name)).toEqual([
      'conversations-emulator-create-dialog',
      'conversations-emulator-create-dialog',
    ]);
  });

  it('takes over the limetype the configuration names', async () => {
    const { emulator, commandBus } = await mountLoader({ conversation: { limetype: 'document' } });

    commandBus.handle(createCommand(emulator.limetypes, 'document', { helpdesk: 1001 }));
    commandBus.handle(createCommand(emulator.limetypes, 'conversation', { helpdesk: 1001 }));

    expect(emulator.dialogs.map((dialog) => dialog.name)).toEqual([
      'lwc-limepkg-conversations-connect-dialog',
      'conversations-emulator-create-dialog',
    ]);
  });

  it('destroys the dialog when it closes', async () => {
    const { emulator, commandBus } = await mountLoader();
    const dialogService = emulator.platform.get('dialog');
    const created: { listeners: Record<string, () => void> }[] = [];
    const create = dialogService.create.bind(dialogService);
    dialogService.create = (
      name: string,
      properties: object,
      listeners: Record<string, () => void>,
    ) => {
      created.push({ listeners });
      return create(name, properties, listeners);
    };

    commandBus.handle(createCommand(emulator.limetypes, 'conversation', { helpdesk: 1001 }));
    expect(emulator.dialogs).toHaveLength(1);
    created[0].listeners.close();
    created[0].listeners.close();

    expect(emulator.dialogs).toHaveLength(0);
  });

  it('stops listening when it is removed from the page', async () => {
    const { emulator, page, commandBus } = await mountLoader();

    page.root?.remove();
    await page.waitForChanges();
    commandBus.handle(createCommand(emulator.limetypes, 'conversation', { helpdesk: 1001 }));

    expect(emulator.dialogs.map((dialog) => dialog.name)).toEqual([
      'conversations-emulator-create-dialog',
    ]);
  });
});
