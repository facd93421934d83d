import { Component, h } from '@stencil/core';
import { CreateLimeobjectDialogCommand } from '../../../lime';
import { createExampleEmulator } from '../../../emulator';

/**
 * The same dialog opened from a deal's Conversations tab: the relation to the deal is found from
 * the limetypes, so nothing in the dialog is specific to helpdesk tickets.
 */
@Component({
  tag: 'limepkg-conversations-example-connect-dialog-deal',
  shadow: true,
})
export class ConnectDialogFromDealExample {
  private platform = createExampleEmulator().platform;

  private command = Object.assign(new CreateLimeobjectDialogCommand(), {
    limetype: { name: 'conversation' },
    limeobject: { deal: 1001 },
  });

  public render() {
    return (
      <lwc-limepkg-conversations-connect-dialog
        platform={this.platform}
        context={{ limetype: 'deal', id: 1001 }}
        command={this.command}
      />
    );
  }
}
