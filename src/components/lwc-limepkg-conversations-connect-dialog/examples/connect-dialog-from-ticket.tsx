import { Component, h } from '@stencil/core';
import { CreateLimeobjectDialogCommand } from '../../../lime';
import { createExampleEmulator } from '../../../emulator';

/**
 * The connect dialog as a helpdesk ticket's Conversations tab opens it: over an emulated
 * Lime CRM, with the create-dialog command naming ticket 1001 as the parent.
 */
@Component({
  tag: 'limepkg-conversations-example-connect-dialog',
  shadow: true,
})
export class ConnectDialogFromTicketExample {
  private platform = createExampleEmulator().platform;

  private command = Object.assign(new CreateLimeobjectDialogCommand(), {
    limetype: { name: 'conversation' },
    limeobject: { helpdesk: 1001 },
  });

  public render() {
    return (
      <lwc-limepkg-conversations-connect-dialog
        platform={this.platform}
        context={{ limetype: 'helpdesk', id: 1001 }}
        command={this.command}
      />
    );
  }
}
