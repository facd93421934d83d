import { Component, h } from '@stencil/core';
import { createExampleEmulator } from '../../../emulator';

/**
 * A DCI meeting summary read from Lime CRM: no `value`, so the note of history 1004 in the
 * context is loaded through the platform's http service (the example's own emulator).
 */
@Component({
  tag: 'limepkg-conversations-example-history-note-dci-summary',
  shadow: true,
})
export class HistoryNoteDciSummaryExample {
  private platform = createExampleEmulator().platform;

  public render() {
    return (
      <lwc-limepkg-conversations-history-note
        platform={this.platform}
        context={{ limetype: 'history', id: 1004 }}
      />
    );
  }
}
