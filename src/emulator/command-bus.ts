// The emulated command bus, with the webclient's event middleware: `command.received` (cancelable:
// a listener calling preventDefault() stops the handler), then `command.handled` or `command.failed`.
import { commandIdOf, type CommandBusService, type EventDispatcherService } from '../lime';

export const COMMAND_HANDLED = 'command.handled';
export const COMMAND_FAILED = 'command.failed';
const COMMAND_RECEIVED_EVENT = 'command.received';

interface CommandHandler {
  handle(command: object): unknown;
}

type CommandClass = Parameters<CommandBusService['register']>[0];

/** The id of a command, a command class or an id string (as `register`/`isSupported` take); '' when none. */
function idOf(command: unknown): string {
  return typeof command === 'string' ? command : commandIdOf(command);
}

export class EmulatedCommandBus implements CommandBusService {
  private handlers = new Map<string, CommandHandler>();

  constructor(private readonly events: EventDispatcherService) {}

  register(
    commandClass: CommandClass | string,
    handler: CommandHandler | ((command: object) => unknown),
  ): void {
    const id = idOf(commandClass);
    if (!id) {
      throw new Error(
        'Cannot register a command without an id (decorate the class with @Command).',
      );
    }
    this.handlers.set(id, typeof handler === 'function' ? { handle: handler } : handler);
  }

  isSupported(commandId: CommandClass | string): boolean {
    const id = idOf(commandId);
    return !!id && this.handlers.has(id);
  }

  /** Runs the command; `undefined` when a `command.received` listener prevented it. */
  handle(command: object): unknown {
    const received = this.events.dispatch(COMMAND_RECEIVED_EVENT, { command });
    if (received.defaultPrevented) {
      return undefined;
    }
    const id = idOf(command);
    const handler = this.handlers.get(id);
    try {
      if (!handler) {
        throw new Error(`No handler is registered for the command "${id || 'without id'}".`);
      }
      const result = handler.handle(command);
      if (isThenable(result)) {
        result.then(
          (value) => this.events.dispatch(COMMAND_HANDLED, { command, result: value }),
          (error: unknown) => this.events.dispatch(COMMAND_FAILED, { command, error }),
        );
      } else {
        this.events.dispatch(COMMAND_HANDLED, { command, result });
      }
      return result;
    } catch (error) {
      this.events.dispatch(COMMAND_FAILED, { command, error });
      throw error;
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return !!value && typeof (value as { then?: unknown }).then === 'function';
}
