import { Component, Element, Host, State, h } from '@stencil/core';
import type {
  LimelCheckboxCustomEvent,
  LimelSelectCustomEvent,
  Option,
} from '@limetech/lime-elements';
import { onInputChange, typedHandler } from '../../components/shared/typed-handler';
import { translator, type LimePlatform } from '../../lime';
import { parseAddonAction } from '../../lime-connect';
import { demoLanguage, getDemoEmulator } from '../demo-emulator';
import { pushSnapshot } from './crm-mirror';
import {
  contactInformationEvent,
  conversationInformationEvent,
  demoEndpoints,
  newConversation,
  operatorInformationEvent,
  operatorLocale,
  transcriptEvent,
  type StandInContact,
  type StandInConversation,
} from './message-center';

type TokenMode = 'valid' | 'expired-once' | 'refuse';

type MirrorState = { phase: 'copying' } | { phase: 'copied' } | { phase: 'failed'; reason: string };

interface LogEntry {
  direction: 'in' | 'out';
  name: string;
  detail: string;
}

interface Toast {
  status: string;
  message: string;
}

/** How long the contact form waits after an edit before telling the add-on (edits come in bursts). */
const CONTACT_SETTLE_MS = 300;
/** How long after the CRM's last change the Portal's API server is brought up to date. */
const CRM_SETTLE_MS = 100;

/**
 * A stand-in for Lime Connect's Message Center around one conversation and the Portal add-on. It
 * owns the conversation (contact, operator, topic, messages): the contact is edited here, the
 * conversation panel (slotted, e.g. the Send to Lime CRM simulator) gets the conversation as its
 * `value` and hands edits back with `change`. The Portal is framed from another origin, as Lime
 * Connect frames a hosted add-on, and hears every change over real `postMessage`: contact,
 * operator, conversation and transcript events, and `contact_information` again whenever the CRM
 * changed, after the Portal's API server got a copy of the demo's CRM. It answers
 * `generate_jwt_token` with tokens from the local API server (or an expired one, or a refusal) and
 * shows the actions it receives (toasts, the replaced chat input).
 *
 * @slot conversation - The conversation panel: takes `value` (the conversation) and emits `change`.
 */
@Component({
  tag: 'conversations-demo-lime-connect',
  styleUrl: 'conversations-demo-lime-connect.scss',
  shadow: true,
})
export class ConversationsDemoLimeConnect {
  @Element() private host!: HTMLElement;

  @State() private conversation: StandInConversation = newConversation(
    Date.now(),
    newConversationId(),
  );
  @State() private ready = false;
  @State() private frameShown = false;
  @State() private mirror: MirrorState = { phase: 'copying' };
  @State() private tokenMode: TokenMode = initialTokenMode(window.location.search);
  @State() private crmFailing = false;
  @State() private chatInput = '';
  @State() private toasts: Toast[] = [];
  @State() private log: LogEntry[] = [];

  private platform: LimePlatform = getDemoEmulator().platform;
  private endpoints = demoEndpoints(window.location.search);
  private portalOrigin = new URL(this.endpoints.portalUrl).origin;
  private locale = operatorLocale(demoLanguage());
  private frame?: HTMLIFrameElement;
  /** The copy of the CRM the Portal's API server is getting now; events wait for it. */
  private mirroring: Promise<void> = Promise.resolve();
  private contactTimer?: ReturnType<typeof setTimeout>;
  private crmTimer?: ReturnType<typeof setTimeout>;
  private stopWatchingCrm?: () => void;

  public connectedCallback() {
    window.addEventListener('message', this.handleMessage);
    this.stopWatchingCrm = getDemoEmulator().db.onChange(this.handleCrmChange);
    // The Portal is framed once its API server holds the demo's data: its first lookup sees it.
    this.mirroring = this.copyCrm().finally(() => (this.frameShown = true));
    void this.readCrmFailing();
  }

  /** The "unreachable" checkbox shows the API server's real state, whatever set it. */
  private async readCrmFailing() {
    try {
      const response = await fetch(new URL('dev/faults', this.endpoints.apiUrl));
      const state: unknown = response.ok ? await response.json() : undefined;
      if (typeof state === 'object' && state !== null && 'unreachable' in state) {
        this.crmFailing = state.unreachable === true;
      }
    } catch {
      this.addLog('out', 'dev/faults', 'the API server is not running');
    }
  }

  public disconnectedCallback() {
    window.removeEventListener('message', this.handleMessage);
    this.stopWatchingCrm?.();
    clearTimeout(this.contactTimer);
    clearTimeout(this.crmTimer);
  }

  public componentDidRender() {
    this.giveConversationToPanels();
  }

  public render() {
    const t = translator(this.platform);
    return (
      <Host>
        <div class="message-center">
          <section class="panel stand-in" aria-labelledby="stand-in-title">
            <h2 id="stand-in-title">{t('demo.lime_connect.title')}</h2>
            <p class="intro">{t('demo.lime_connect.intro')}</p>
            {this.renderContactForm()}
            {this.renderMirrorState()}
            {this.renderToasts()}
            {this.renderProtocol()}
          </section>
          <div class="conversation-panel" onChange={this.handleConversationChange}>
            <slot name="conversation" />
          </div>
          <aside class="sidebar" aria-label={t('demo.lime_connect.sidebar')}>
            {this.frameShown ? (
              <iframe
                title={t('demo.lime_connect.portal_frame')}
                name="portal"
                src={this.endpoints.portalUrl}
                ref={(element) => (this.frame = element)}
              />
            ) : (
              <limel-spinner class="frame-loading" size="small" />
            )}
          </aside>
        </div>
      </Host>
    );
  }

  private renderContactForm = () => {
    const t = translator(this.platform);
    const field = (key: keyof StandInContact, type: 'text' | 'email' | 'tel' = 'text') => (
      <limel-input-field
        class={`contact-${key}`}
        label={t(`demo.lime_connect.contact.${key}`)}
        type={type}
        value={this.conversation.contact[key]}
        onChange={onInputChange((text) =>
          this.setContact({ ...this.conversation.contact, [key]: text }),
        )}
      />
    );
    return (
      <form class="contact" onSubmit={this.handleSendContact}>
        <fieldset>
          <legend>{t('demo.lime_connect.contact')}</legend>
          {field('name')}
          {field('email', 'email')}
          {field('mobileNumber', 'tel')}
          {field('phoneNumber', 'tel')}
          {field('company')}
        </fieldset>
        <limel-button
          class="send-contact"
          icon="sent"
          label={t('demo.lime_connect.send_contact')}
          disabled={!this.ready}
          onClick={this.handleSendContact}
        />
      </form>
    );
  };

  private renderMirrorState = () => {
    const t = translator(this.platform);
    const { mirror } = this;
    return (
      <p class={`crm-mirror crm-mirror-${mirror.phase}`} role="status">
        {mirror.phase === 'failed'
          ? t('demo.lime_connect.crm.failed', { reason: mirror.reason })
          : t(`demo.lime_connect.crm.${mirror.phase}`)}
      </p>
    );
  };

  private renderProtocol = () => {
    const t = translator(this.platform);
    return (
      <div class="protocol">
        <h3>{t('demo.lime_connect.protocol')}</h3>
        {this.renderControls()}
        {this.renderChatInput()}
        {this.renderLog()}
      </div>
    );
  };

  private renderControls = () => {
    const t = translator(this.platform);
    const options: Option<TokenMode>[] = [
      { value: 'valid', text: t('demo.lime_connect.token.valid') },
      { value: 'expired-once', text: t('demo.lime_connect.token.expired_once') },
      { value: 'refuse', text: t('demo.lime_connect.token.refuse') },
    ];
    return (
      <div class="controls">
        <p class="status" role="status">
          {this.ready ? t('demo.lime_connect.ready') : t('demo.lime_connect.not_ready')}
        </p>
        <limel-select
          class="token-mode"
          label={t('demo.lime_connect.token')}
          options={options}
          value={options.find((option) => option.value === this.tokenMode)}
          onChange={typedHandler(this.handleTokenMode)}
        />
        <limel-checkbox
          class="crm-failing"
          label={t('demo.lime_connect.crm_failing')}
          checked={this.crmFailing}
          onChange={typedHandler(this.handleCrmFailing)}
        />
        <limel-button
          class="foreign-message"
          icon="warning_shield"
          label={t('demo.lime_connect.foreign_message')}
          onClick={this.handleForeignMessage}
        />
      </div>
    );
  };

  private renderChatInput = () => {
    const t = translator(this.platform);
    return (
      <limel-input-field
        class="chat-input"
        label={t('demo.lime_connect.chat_input')}
        type="textarea"
        value={this.chatInput}
        onChange={onInputChange((text) => (this.chatInput = text))}
      />
    );
  };

  private renderToasts = () => {
    if (this.toasts.length === 0) {
      return null;
    }
    const t = translator(this.platform);
    return (
      <div class="toasts" role="log" aria-label={t('demo.lime_connect.toasts')}>
        {this.toasts.map((toast) => (
          <p class={`toast toast-${toast.status}`}>{toast.message}</p>
        ))}
      </div>
    );
  };

  private renderLog = () => {
    const t = translator(this.platform);
    return (
      <details class="log">
        <summary>{t('demo.lime_connect.log', { count: this.log.length })}</summary>
        <ol>
          {this.log.map((entry) => (
            <li class={`log-${entry.direction}`}>
              <code>
                {entry.direction === 'in' ? '← ' : '→ '}
                {entry.name}
              </code>{' '}
              <span>{entry.detail}</span>
            </li>
          ))}
        </ol>
      </details>
    );
  };

  /** The conversation panel is controlled: it shows this conversation, whatever it was told before. */
  private giveConversationToPanels() {
    for (const panel of Array.from(this.host.querySelectorAll('[slot="conversation"]'))) {
      if (Reflect.get(panel, 'value') !== this.conversation) {
        Reflect.set(panel, 'value', this.conversation);
      }
    }
  }

  private setContact(contact: StandInContact) {
    this.conversation = { ...this.conversation, contact };
    clearTimeout(this.contactTimer);
    this.contactTimer = setTimeout(() => void this.sendContact(), CONTACT_SETTLE_MS);
  }

  private handleConversationChange = (event: Event) => {
    const next: unknown = event instanceof CustomEvent ? event.detail : undefined;
    if (!isConversation(next)) {
      return;
    }
    event.stopPropagation();
    const before = this.conversation;
    this.conversation = next;
    if (!this.ready) {
      return;
    }
    if (next.id !== before.id || next.topic !== before.topic || next.subject !== before.subject) {
      this.post(conversationInformationEvent(next, this.locale));
    }
    if (next.operator !== before.operator) {
      this.post(operatorInformationEvent(next.operator, this.locale));
    }
    if (next.contact !== before.contact || next.contactId !== before.contactId) {
      void this.sendContact();
    }
    if (next.messages !== before.messages) {
      this.post(transcriptEvent(next.messages));
    }
  };

  /** The CRM changed (a send, a test arranging data): the Portal gets the new data and looks again. */
  private handleCrmChange = () => {
    clearTimeout(this.crmTimer);
    this.crmTimer = setTimeout(() => {
      this.mirroring = this.copyCrm();
      void this.sendContact();
    }, CRM_SETTLE_MS);
  };

  private async copyCrm(): Promise<void> {
    this.mirror = { phase: 'copying' };
    const result = await pushSnapshot(this.endpoints.apiUrl, getDemoEmulator().snapshot());
    this.mirror = result.ok ? { phase: 'copied' } : { phase: 'failed', reason: result.reason };
    this.addLog('out', 'dev/snapshot', result.ok ? '' : result.reason);
  }

  /** Sends the contact now (after the CRM copy under way), dropping an edit's pending send. */
  private async sendContact() {
    clearTimeout(this.contactTimer);
    await this.mirroring;
    if (this.ready) {
      const { contact, contactId } = this.conversation;
      this.post(contactInformationEvent(contact, this.locale, contactId));
    }
  }

  private handleMessage = (event: MessageEvent) => {
    // Only the framed Portal, from its own origin: as Lime Connect checks its add-ons.
    if (event.origin !== this.portalOrigin || event.source !== this.frame?.contentWindow) {
      return;
    }
    const parsed = parseAddonAction(event.data);
    if (!parsed.ok) {
      this.addLog('in', parsed.name ?? '?', parsed.reason);
      return;
    }
    const action = parsed.action;
    this.addLog('in', action.name, JSON.stringify(action.payload).slice(0, 160));
    switch (action.name) {
      case 'ready':
        void this.sendEverything();
        break;
      case 'generate_jwt_token':
        void this.answerJwt();
        break;
      case 'replace_chat_input':
        this.chatInput = action.payload.message;
        break;
      case 'toast':
        this.toasts = [...this.toasts, action.payload].slice(-5);
        break;
      default:
        break;
    }
  };

  private async sendEverything() {
    await this.mirroring;
    this.ready = true;
    const { conversation } = this;
    this.post(operatorInformationEvent(conversation.operator, this.locale));
    this.post(conversationInformationEvent(conversation, this.locale));
    this.post(contactInformationEvent(conversation.contact, this.locale, conversation.contactId));
    this.post(transcriptEvent(conversation.messages));
  }

  private post(message: { name: string; payload: unknown }) {
    const target = this.frame?.contentWindow;
    if (!target) {
      return;
    }
    target.postMessage(message, this.portalOrigin);
    this.addLog('out', message.name, '');
  }

  private async answerJwt() {
    if (this.tokenMode === 'refuse') {
      this.post({
        name: 'jwt_token',
        payload: { type: 'error', error: 'JWT is not enabled for this add-on.' },
      });
      return;
    }
    const expired = this.tokenMode === 'expired-once';
    if (expired) {
      this.tokenMode = 'valid';
    }
    try {
      const response = await fetch(new URL('dev/token', this.endpoints.apiUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ expired, subject: this.conversation.operator.email }),
      });
      const body: unknown = await response.json();
      const token =
        typeof body === 'object' && body !== null && 'token' in body ? body.token : undefined;
      if (typeof token !== 'string') {
        throw new Error(`HTTP ${response.status}`);
      }
      this.post({ name: 'jwt_token', payload: { type: 'success', token } });
    } catch (error) {
      this.post({
        name: 'jwt_token',
        payload: { type: 'error', error: error instanceof Error ? error.message : String(error) },
      });
    }
  }

  private handleSendContact = (event: Event) => {
    event.preventDefault();
    void this.sendContact();
  };

  private handleTokenMode = (
    event: LimelSelectCustomEvent<Option<TokenMode> | Option<TokenMode>[]>,
  ) => {
    event.stopPropagation();
    const option = Array.isArray(event.detail) ? event.detail[0] : event.detail;
    if (option) {
      this.tokenMode = option.value;
    }
  };

  private handleCrmFailing = async (event: LimelCheckboxCustomEvent<boolean>) => {
    event.stopPropagation();
    this.crmFailing = event.detail;
    try {
      await fetch(new URL('dev/faults', this.endpoints.apiUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ clear: true, unreachable: event.detail }),
      });
    } catch {
      this.addLog('out', 'dev/faults', 'the API server is not running');
    }
  };

  /** A page on another origin posts a contact to the Portal frame: the Portal must ignore it. */
  private handleForeignMessage = () => {
    const foreign = document.createElement('iframe');
    foreign.hidden = true;
    foreign.title = 'foreign';
    foreign.src = new URL('dev/foreign.html', this.endpoints.apiUrl).toString();
    foreign.addEventListener('load', () => setTimeout(() => foreign.remove(), 500));
    this.frame?.parentElement?.appendChild(foreign);
    this.addLog('out', 'foreign page', foreign.src);
  };

  private addLog(direction: 'in' | 'out', name: string, detail: string) {
    this.log = [...this.log, { direction, name, detail }].slice(-50);
  }
}

/** `?token=expired-once` (or `refuse`) starts the demo handing out that answer. */
function initialTokenMode(search: string): TokenMode {
  const mode = new URLSearchParams(search).get('token');
  return mode === 'expired-once' || mode === 'refuse' ? mode : 'valid';
}

function newConversationId(): string {
  return String(52000 + Math.floor(Math.random() * 9000));
}

/** A `change` from the conversation panel (and not some other element's `change`). */
function isConversation(value: unknown): value is StandInConversation {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'contact' in value &&
    typeof value.contact === 'object' &&
    'messages' in value &&
    Array.isArray(value.messages)
  );
}
