import { Component, State, h } from '@stencil/core';
import { createDefaultConfig, type Topic } from '../../../config';
import { createExampleEmulator } from '../../../emulator';

/** The topics widget on its own, controlled, with the demo topics Support and Sales. */
@Component({
  tag: 'limepkg-conversations-example-config-topics',
  shadow: true,
})
export class ConfigTopicsExample {
  private platform = createExampleEmulator().platform;

  @State()
  private topics: Topic[] = createDefaultConfig().topics;

  public render() {
    return (
      <lwc-limepkg-conversations-config-topics
        platform={this.platform}
        label="Topics"
        value={this.topics}
        onChange={this.handleChange}
      />
    );
  }

  private handleChange = (event: Event) => {
    if (event instanceof CustomEvent && Array.isArray(event.detail)) {
      this.topics = event.detail;
    }
  };
}
