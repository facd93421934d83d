import { Component, h } from '@stencil/core';
import { createExampleEmulator } from '../../../emulator';

/**
 * A history note whose object no longer exists (someone deleted it after the list was loaded):
 * the note says so and offers to try again, instead of showing nothing.
 */
@Component({
  tag: 'limepkg-conversations-example-history-note-missing',
  shadow: true,
})
export class HistoryNoteMissingExample {
  private platform = createExampleEmulator().platform;

  public render() {
    return (
      <lwc-limepkg-conversations-history-note
        platform={this.platform}
        context={{ limetype: 'history', id: 424242 }}
      />
    );
  }
}
