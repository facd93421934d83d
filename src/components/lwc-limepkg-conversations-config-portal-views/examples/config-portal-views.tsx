import { Component, State, h } from '@stencil/core';
import { createDefaultConfig, type PortalView } from '../../../config';
import { createExampleEmulator } from '../../../emulator';

/** The Portal views widget on its own, read-only: what an admin without edit rights sees. */
@Component({
  tag: 'limepkg-conversations-example-config-portal-views',
  shadow: true,
})
export class ConfigPortalViewsExample {
  private platform = createExampleEmulator().platform;

  @State()
  private views: PortalView[] = createDefaultConfig().portal.views;

  public render() {
    return (
      <lwc-limepkg-conversations-config-portal-views
        platform={this.platform}
        label="Portal views"
        readonly={true}
        value={this.views}
      />
    );
  }
}
