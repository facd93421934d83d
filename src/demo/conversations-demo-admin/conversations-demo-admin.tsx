import { Component, h } from '@stencil/core';
import type { ConversationsConfig } from '../../config';
import type { LimePlatform } from '../../lime';
import { getDemoEmulator } from '../demo-emulator';

/**
 * A stand-in for Lime Admin's package configuration page: the package's own configuration
 * component over the emulated platform, saving to the emulated config state.
 */
@Component({
  tag: 'conversations-demo-admin',
  shadow: true,
})
export class ConversationsDemoAdmin {
  private emulator = getDemoEmulator();
  private platform: LimePlatform = this.emulator.platform;

  public render() {
    return (
      <lwc-limepkg-conversations-config
        platform={this.platform}
        context={{ limetype: null, id: null }}
        save={this.save}
      />
    );
  }

  // Lime Admin stores the package config; here the emulated configs state does.
  private save = (config: ConversationsConfig) => {
    this.emulator.setConfig(config);
  };
}
