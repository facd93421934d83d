import { createEmulator, CREATE_DIALOG_TAG } from '.';
import {
  CreateLimeobjectDialogCommand,
  type CommandBusService,
  type EventDispatcherService,
} from '../lime';

function arrange() {
  const emulator = createEmulator({ seed: false, mountRoot: () => null });
  const commandBus: CommandBusService = emulator.platform.get('commandBus');
  const events: EventDispatcherService = emulator.platform.get('eventDispatcher');
  return { emulator, commandBus, events };
}

function createDialogCommand(limetype: string, limeobject: Record<string, unknown>) {
  const command = new CreateLimeobjectDialogCommand();
  command.limetype = { name: limetype } as CreateLimeobjectDialogCommand['limetype'];
  command.limeobject = limeobject;
  return command;
}

describe('the emulated command bus', () => {
  it('announces a command on command.received with the command in the detail, before handling it', () => {
    const { commandBus, events } = arrange();
    const order: string[] = [];
    const handled: unknown[] = [];
    commandBus.register(CreateLimeobjectDialogCommand, { handle: () => order.push('handler') });
    events.addListener('command.received', (event: CustomEvent<{ command: object }>) => {
      order.push('received');
      handled.push(event.detail.command);
    });
    events.addListener('command.handled', () => order.push('handled'));
    const command = createDialogCommand('helpdesk', {});
    commandBus.handle(command);
    expect(order).toEqual(['received', 'handler', 'handled']);
    expect(handled).toEqual([command]);
  });

  it('does not call the handler when a command.received listener calls preventDefault()', () => {
    const { commandBus, events, emulator } = arrange();
    events.addListener('command.received', (event: CustomEvent<{ command: object }>) =>
      event.preventDefault(),
    );
    const result = commandBus.handle(createDialogCommand('conversation', { helpdesk: 1001 }));
    expect(result).toBeUndefined();
    expect(emulator.dialogs).toEqual([]);
  });

  it('opens the generic create dialog for limeobject.create-dialog by default, with the command', () => {
    const { commandBus, emulator } = arrange();
    const command = createDialogCommand('deal', { company: 1001 });
    expect(commandBus.isSupported(CreateLimeobjectDialogCommand)).toBe(true);
    expect(commandBus.isSupported('limeobject.create-dialog')).toBe(true);
    const id = commandBus.handle(command);
    expect(emulator.dialogs).toEqual([{ id, name: CREATE_DIALOG_TAG, properties: { command } }]);
  });

  it('stops listening after removeListener', () => {
    const { commandBus, events } = arrange();
    const prevent = (event: CustomEvent<unknown>) => event.preventDefault();
    events.addListener('command.received', prevent);
    events.removeListener('command.received', prevent);
    expect(commandBus.handle(createDialogCommand('deal', {}))).toEqual(expect.any(Number));
  });

  it('refuses a command nobody handles, and reports it on command.failed', () => {
    const { commandBus, events } = arrange();
    const failed: unknown[] = [];
    events.addListener('command.failed', (event: CustomEvent<{ error: Error }>) =>
      failed.push(event.detail.error.message),
    );
    expect(commandBus.isSupported('nobody.handles-this')).toBe(false);
    expect(() => commandBus.handle({ id: 'nobody.handles-this' })).toThrow(/No handler/);
    expect(failed).toEqual([expect.stringMatching(/No handler/)]);
  });

  it('returns the dispatched event from the event dispatcher, cancelable', () => {
    const { events } = arrange();
    events.addListener('demo.ping', (event: CustomEvent<number>) => {
      if (event.detail > 1) {
        event.preventDefault();
      }
    });
    expect(events.dispatch('demo.ping', 1).defaultPrevented).toBe(false);
    const event = events.dispatch('demo.ping', 2);
    expect(event.detail).toBe(2);
    expect(event.defaultPrevented).toBe(true);
  });
});
