import { Component, h } from '@stencil/core';
import { createExampleEmulator } from '../../../emulator';
import { plainNote } from '../../../emulator/fixture-notes';

/** An ordinary note: line breaks kept, the web address a link, nothing else interpreted. */
@Component({
  tag: 'limepkg-conversations-example-history-note-plain',
  shadow: true,
})
export class HistoryNotePlainExample {
  private platform = createExampleEmulator().platform;

  public render() {
    return <lwc-limepkg-conversations-history-note platform={this.platform} value={plainNote} />;
  }
}
