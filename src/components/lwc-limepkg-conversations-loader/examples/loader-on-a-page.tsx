import { Component, h } from '@stencil/core';
import { createExampleEmulator } from '../../../emulator';

/**
 * The loader as the webclient mounts it, once per page: afterwards every create-dialog command
 * for conversations opens the connect dialog.
 */
@Component({
  tag: 'limepkg-conversations-example-loader',
  shadow: true,
})
export class LoaderOnAPageExample {
  private platform = createExampleEmulator().platform;

  public render() {
    return (
      <lwc-limepkg-conversations-loader
        platform={this.platform}
        context={{ limetype: null, id: null }}
      />
    );
  }
}
