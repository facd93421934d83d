import { Component, State, h } from '@stencil/core';
import { createDefaultConfig, type Topic } from '../../../config';
import { createExampleEmulator } from '../../../emulator';
import { typedHandler } from '../../shared/typed-handler';

/** One topic on its own, controlled: the default Support topic, with its attachments. */
@Component({
  tag: 'limepkg-conversations-example-config-topic',
  shadow: true,
})
export class ConfigTopicExample {
  private emulator = createExampleEmulator();

  @State()
  private topic: Topic = createDefaultConfig().topics[0];

  public render() {
    return (
      <lwc-limepkg-conversations-config-topic
        platform={this.emulator.platform}
        limetypes={this.emulator.limetypes}
        value={this.topic}
        onChange={typedHandler(this.handleChange)}
      />
    );
  }

  private handleChange = (event: CustomEvent<Topic>) => {
    this.topic = event.detail;
  };
}
