import { Component, h } from '@stencil/core';

/**
 * The Portal on its own page, as `portal.html` holds it: it reads `portal-config.json` beside the
 * page and waits for Lime Connect. Outside a Lime Connect frame it shows that it is waiting.
 */
@Component({
  tag: 'limepkg-conversations-example-portal-page',
  shadow: true,
})
export class PortalPageExample {
  public render() {
    return <lwc-limepkg-conversations-portal config-url="portal-config.json" />;
  }
}
