import { Component, h } from '@stencil/core';
import { createExampleEmulator } from '../../../emulator';
import { transcriptShortNote } from '../../../emulator/fixture-notes';

/** A Lime Connect chat transcript given as `value`: bubbles, markdown and plain bodies, search. */
@Component({
  tag: 'limepkg-conversations-example-history-note-chat-transcript',
  shadow: true,
})
export class HistoryNoteChatTranscriptExample {
  private platform = createExampleEmulator().platform;

  public render() {
    return (
      <lwc-limepkg-conversations-history-note
        platform={this.platform}
        value={transcriptShortNote}
      />
    );
  }
}
