import { Component, State, h } from '@stencil/core';
import type { TopicAttachment } from '../../../config';
import { createExampleEmulator } from '../../../emulator';
import { typedHandler } from '../../shared/typed-handler';

/**
 * One attachment row on its own, controlled: a helpdesk ticket's company fixed to Acme AB, whose
 * name the row looks up by its id. Pick another source or another company.
 */
@Component({
  tag: 'limepkg-conversations-example-config-topic-attachment',
  shadow: true,
})
export class ConfigTopicAttachmentExample {
  private emulator = createExampleEmulator();

  @State()
  private attachment: TopicAttachment = { property: 'company', source: 'fixed', objectId: 1001 };

  public render() {
    return (
      <lwc-limepkg-conversations-config-topic-attachment
        platform={this.emulator.platform}
        limetypes={this.emulator.limetypes}
        limetype="helpdesk"
        value={this.attachment}
        onChange={typedHandler(this.handleChange)}
      />
    );
  }

  private handleChange = (event: CustomEvent<TopicAttachment>) => {
    this.attachment = event.detail;
  };
}
