import { Component, State, h } from '@stencil/core';
import type { TopicProperty } from '../../../config';
import { createExampleEmulator } from '../../../emulator';
import { typedHandler } from '../../shared/typed-handler';

/**
 * One property value row on its own, controlled: a helpdesk ticket's title taken from the
 * conversation's subject. Switch it to a fixed value, or to a custom field of the conversation.
 */
@Component({
  tag: 'limepkg-conversations-example-config-topic-property',
  shadow: true,
})
export class ConfigTopicPropertyExample {
  private emulator = createExampleEmulator();

  @State()
  private entry: TopicProperty = {
    property: 'title',
    value: { kind: 'conversation', field: 'subject' },
  };

  public render() {
    return (
      <lwc-limepkg-conversations-config-topic-property
        platform={this.emulator.platform}
        limetypes={this.emulator.limetypes}
        limetype="helpdesk"
        value={this.entry}
        onChange={typedHandler(this.handleChange)}
      />
    );
  }

  private handleChange = (event: CustomEvent<TopicProperty>) => {
    this.entry = event.detail;
  };
}
