import { Component, State, h } from '@stencil/core';
import { createDefaultConfig, issuesUnder, validateConfig, type Topic } from '../../../config';
import { createExampleEmulator } from '../../../emulator';
import { typedHandler } from '../../shared/typed-handler';

/**
 * The topics widget on its own, controlled, with the demo topics Support and Sales, validated as
 * the admin edits: name a topic "sales" and the widget says so at the topic's field.
 */
@Component({
  tag: 'limepkg-conversations-example-config-topics',
  shadow: true,
})
export class ConfigTopicsExample {
  private emulator = createExampleEmulator();

  @State()
  private topics: Topic[] = createDefaultConfig().topics;

  public render() {
    const { errors, warnings } = validateConfig(
      { ...createDefaultConfig(), topics: this.topics },
      this.emulator.limetypes,
    );
    return (
      <lwc-limepkg-conversations-config-topics
        platform={this.emulator.platform}
        label="Topics"
        value={this.topics}
        errors={issuesUnder(errors, ['topics'])}
        warnings={issuesUnder(warnings, ['topics'])}
        onChange={typedHandler((event: CustomEvent<Topic[]>) => (this.topics = event.detail))}
      />
    );
  }
}
