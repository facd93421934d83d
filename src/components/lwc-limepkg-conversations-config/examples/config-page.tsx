import { Component, h } from '@stencil/core';
import type { ConversationsConfig } from '../../../config';
import { createExampleEmulator } from '../../../emulator';

/**
 * The configuration page over an emulated Lime CRM: *Save* stores the configuration in
 * the emulated configs state.
 */
@Component({
  tag: 'limepkg-conversations-example-config',
  shadow: true,
})
export class ConfigPageExample {
  private emulator = createExampleEmulator();

  public render() {
    return <lwc-limepkg-conversations-config platform={this.emulator.platform} save={this.save} />;
  }

  private save = (config: ConversationsConfig) => this.emulator.setConfig(config);
}
