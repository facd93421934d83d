import { Component, Host, State, h } from '@stencil/core';
import type { LimelSelectCustomEvent, Option } from '@limetech/lime-elements';
import { translator, type LimePlatform } from '../../lime';
import { parseAddonAction } from '../../lime-connect';
import { demoLanguage, getDemoEmulator } from '../demo-emulator';
import {
  contactInformationEvent,
  conversationInformationEvent,
  demoEndpoints,
  operatorInformationEvent,
  operatorLocale,
  transcriptEvent,
  type StandInContact,
} from './message-center';

type TokenMode = 'valid' | 'expired-once' | 'refuse';

interface LogEntry {
  direction: 'in' | 'out';
  name: string;
  detail: string;
}

interface Toast {
  status: string;
  message: string;
}

/**
 * A stand-in for Lime Connect's Message Center, around the Portal add-on: it frames the Portal
 * (served from another origin, as Lime Connect frames a hosted add-on) and talks to it with real
 * `postMessage`: it sends the contact, operator, conversation and transcript events once the Portal
 * says `ready`, answers `generate_jwt_token` with tokens from the local API server (or an expired
 * one, or a refusal) and shows the actions it receives (toasts, the replaced chat input).
 *
 * @slot conversation - The conversation panel beside the add-on sidebar (e.g. the Send to Lime CRM simulator).
 */
@Component({
  tag: 'conversations-demo-lime-connect',
  styleUrl: 'conversations-demo-lime-connect.scss',
  shadow: true,
})
export class ConversationsDemoLimeConnect {
  @State() private contact: StandInContact = {
    name: 'Jane Doe',
    email: 'jane@example.com',
    mobileNumber: '',
    phoneNumber: '',
    company: 'Acme AB',
  };
  @State() private ready = false;
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

  public connectedCallback() {
    window.addEventListener('message', this.handleMessage);
  }

  public disconnectedCallback() {
    window.removeEventListener('message', this.handleMessage);
  }

  public render() {
    const t = translator(this.platform);
    return (
      <Host>
        <div class="message-center">
          <div class="main">
            <section class="panel stand-in" aria-labelledby="stand-in-title">
              <h2 id="stand-in-title">{t('demo.lime_connect.title')}</h2>
              <p class="intro">{t('demo.lime_connect.intro')}</p>
              {this.renderContactForm()}
              {this.renderControls()}
              {this.renderChatInput()}
              {this.renderToasts()}
              {this.renderLog()}
            </section>
            <slot name="conversation" />
          </div>
          <aside class="sidebar" aria-label={t('demo.lime_connect.sidebar')}>
            <iframe
              title={t('demo.lime_connect.portal_frame')}
              name="portal"
              src={this.endpoints.portalUrl}
              ref={(element) => (this.frame = element)}
            />
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
        value={this.contact[key]}
        onChange={(event: CustomEvent<string>) => {
          event.stopPropagation();
          this.contact = { ...this.contact, [key]: event.detail };
        }}
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
          primary={true}
          icon="sent"
          label={t('demo.lime_connect.send_contact')}
          disabled={!this.ready}
          onClick={this.handleSendContact}
        />
      </form>
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
        <limel-select
          class="token-mode"
          label={t('demo.lime_connect.token')}
          options={options}
          value={options.find((option) => option.value === this.tokenMode)}
          onChange={this.handleTokenMode}
        />
        <limel-checkbox
          class="crm-failing"
          label={t('demo.lime_connect.crm_failing')}
          checked={this.crmFailing}
          onChange={this.handleCrmFailing}
        />
        <limel-button
          class="foreign-message"
          icon="warning_shield"
          label={t('demo.lime_connect.foreign_message')}
          onClick={this.handleForeignMessage}
        />
        <p class="status" role="status">
          {this.ready ? t('demo.lime_connect.ready') : t('demo.lime_connect.not_ready')}
        </p>
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
        onChange={(event: CustomEvent<string>) => {
          event.stopPropagation();
          this.chatInput = event.detail;
        }}
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
        this.ready = true;
        this.post(operatorInformationEvent(this.locale));
        this.post(conversationInformationEvent(this.locale));
        this.post(contactInformationEvent(this.contact, this.locale));
        this.post(transcriptEvent());
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
        body: JSON.stringify({ expired, subject: 'anna.lind@lime.example' }),
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
    this.post(contactInformationEvent(this.contact, this.locale));
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

  private handleCrmFailing = async (event: CustomEvent<boolean>) => {
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
