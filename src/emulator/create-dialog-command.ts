// The emulator's default handler of the `limeobject.create-dialog` command: opens a plain create
// dialog through the dialog service, as the webclient does when no plugin takes the command over.
import type { CreateDialogCommandLike, DialogService } from '../lime';

/** The tag of the generic create dialog (a component in this folder, never shipped). */
export const CREATE_DIALOG_TAG = 'conversations-emulator-create-dialog';

export function createDialogCommandHandler(dialog: DialogService) {
  return {
    /** Opens the dialog; returns its dialog id. */
    handle(command: object): number {
      let id = 0;
      id = dialog.create(
        CREATE_DIALOG_TAG,
        { command: command as CreateDialogCommandLike },
        {
          close: () => dialog.destroy(id),
        },
      );
      return id;
    },
  };
}
