// The create-dialog command the webclient issues from a relation tab's Create button.
import { CreateLimeobjectDialogCommand } from '@limetech/lime-web-components-commands';
import { CommandEvent, getCommandId } from '@limetech/lime-web-components-interfaces';

export { CreateLimeobjectDialogCommand };

export const CREATE_DIALOG_COMMAND_ID = 'limeobject.create-dialog';
export const COMMAND_RECEIVED = CommandEvent.Received; // 'command.received'

/** The event detail the command bus dispatches on `command.received`. */
export interface CommandEventDetail {
  command: object;
}

export interface CreateDialogCommandLike {
  limetype: { name: string; [key: string]: unknown };
  /** Initial values; from a relation tab it holds the parent relation, e.g. `{ helpdesk: 1001 }`. */
  limeobject?: Record<string, unknown>;
}

/** The id of a command object or class, '' when it has none. */
export function commandIdOf(command: unknown): string {
  if (!command || (typeof command !== 'object' && typeof command !== 'function')) {
    return '';
  }
  try {
    const id: unknown = getCommandId(command as object);
    return typeof id === 'string' ? id : '';
  } catch {
    const id = (command as { id?: unknown }).id;
    return typeof id === 'string' ? id : '';
  }
}

/** True for a `limeobject.create-dialog` command with a limetype. */
export function isCreateDialogCommand(command: unknown): command is CreateDialogCommandLike {
  if (commandIdOf(command) !== CREATE_DIALOG_COMMAND_ID) {
    return false;
  }
  const limetype = (command as { limetype?: unknown }).limetype;
  return !!limetype && typeof (limetype as { name?: unknown }).name === 'string';
}
