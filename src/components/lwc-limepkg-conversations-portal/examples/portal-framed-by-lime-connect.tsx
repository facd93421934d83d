import { Component, h } from '@stencil/core';

/**
 * The Portal as Lime Connect shows it: its page (`portal.html` beside this one) framed in a 350 px
 * sidebar. This host says nothing but what Lime Connect says first: the operator, then the contact.
 */
@Component({
  tag: 'limepkg-conversations-example-portal-framed',
  shadow: true,
})
export class PortalFramedExample {
  private portalUrl = new URL('portal.html', window.location.href).toString();
  private origin = new URL(this.portalUrl).origin;
  private frame?: HTMLIFrameElement;

  public connectedCallback() {
    window.addEventListener('message', this.handleMessage);
  }

  public disconnectedCallback() {
    window.removeEventListener('message', this.handleMessage);
  }

  public render() {
    return (
      <iframe
        title="Lime CRM Portal"
        src={this.portalUrl}
        style={{ width: '350px', height: '640px', border: '1px solid #ddd' }}
        ref={(element) => (this.frame = element)}
      />
    );
  }

  private handleMessage = (event: MessageEvent) => {
    if (event.origin !== this.origin || event.source !== this.frame?.contentWindow) {
      return;
    }
    if (event.data?.name === 'ready') {
      const post = (message: unknown) =>
        this.frame?.contentWindow?.postMessage(message, this.origin);
      post({
        name: 'operator_information',
        payload: { id: '1', name: 'Anna Lind', email: 'anna.lind@lime.example', locale: 'en_US' },
      });
      post({
        name: 'contact_information',
        payload: { id: '1111', name: 'Jane Doe', email: 'jane@example.com', customFieldData: {} },
      });
    }
  };
}
