import { Component, h } from '@stencil/core';
import type { ConversationsConfig } from '../../../config';
import { getDemoEmulator } from '../../../demo/demo-emulator';

/**
 * The configuration page over the demo's emulated Lime CRM: *Save* stores the configuration in
 * the emulated configs state.
 */
@Component({
  tag: 'limepkg-conversations-example-config',
  shadow: true,
})
export class ConfigPageExample {
  private emulator = getDemoEmulator();

  public render() {
    return <lwc-limepkg-conversations-config platform={this.emulator.platform} save={this.save} />;
  }

  private save = (config: ConversationsConfig) => this.emulator.setConfig(config);
}
