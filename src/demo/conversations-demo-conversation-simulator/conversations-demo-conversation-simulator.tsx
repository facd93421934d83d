import { Component, Host, State, h } from '@stencil/core';
import type { Option } from '@limetech/lime-elements';
import { ConfigRepository, Subscriptions, translator, type LimePlatform } from '../../lime';
import { sendConversation, type LimeConnectConversationInput, type MediaFile } from '../../sync';
import { getDemoEmulator } from '../demo-emulator';
import {
  demoConfig,
  demoCrm,
  demoObjectLink,
  descriptiveOf,
  limetypeName,
  optionValueOf,
  setDemoResendMode,
  textOf,
} from '../demo-sync';
import { describeMediaImport, describeSend, type ReportLine, type SendReport } from './send-report';

type SenderType = 'contact' | 'operator';

interface SimulatedMessage {
  time: string;
  senderType: SenderType;
  body: string;
}

type TimelineEntry =
  | { kind: 'message'; message: SimulatedMessage }
  | { kind: 'sync'; time: string; report: SendReport }
  | { kind: 'media'; time: string; line: ReportLine; ok: boolean };

interface ContactFields {
  name: string;
  email: string;
  mobileNumber: string;
  phoneNumber: string;
  company: string;
}

/** A topic the demo offers that no configuration has, to show the refusal. */
const UNCONFIGURED_TOPIC = 'Billing';

/**
 * A stand-in for a Lime Connect conversation in the Message Center: the contact's details (as the
 * contact or operator would fill them in), a topic, a few messages, and **Send to Lime CRM**, which
 * runs the package's `sendConversation` against the demo's Lime CRM. The link it returns appears in
 * the conversation's timeline and opens the object; sending again shows the re-send behaviour.
 */
@Component({
  tag: 'conversations-demo-conversation-simulator',
  styleUrl: 'conversations-demo-conversation-simulator.scss',
  shadow: true,
})
export class ConversationsDemoConversationSimulator {
  @State()
  private conversationId = newConversationId();

  @State()
  private topic = 'Support';

  @State()
  private subject = 'Question about my invoice';

  @State()
  private contact: ContactFields = {
    name: 'Jane Doe',
    email: 'jane@example.com',
    mobileNumber: '',
    phoneNumber: '',
    company: 'Acme AB',
  };

  @State()
  private timeline: TimelineEntry[] = [];

  @State()
  private draft = '';

  @State()
  private draftSender: SenderType = 'contact';

  @State()
  private mediaFiles: MediaFile[] = [];

  @State()
  private sending = false;

  @State()
  private configVersion = 0;

  private platform: LimePlatform = getDemoEmulator().platform;
  private subscriptions = new Subscriptions();
  private startedAt = new Date().toISOString();
  private operator = { name: 'Anna Lind', email: 'anna.lind@lime.example' };

  public connectedCallback() {
    this.timeline = initialMessages().map((message) => ({ kind: 'message', message }));
    this.subscriptions.subscribe(this.platform, ConfigRepository, () => {
      this.configVersion += 1;
    });
  }

  public disconnectedCallback() {
    this.subscriptions.clear();
  }

  public render() {
    const t = translator(this.platform);
    return (
      <Host data-config-version={this.configVersion}>
        <section
          class="conversation"
          aria-label={t('demo.simulator.title', { id: this.conversationId })}
        >
          <header class="conversation-header">
            <h2>{t('demo.simulator.title', { id: this.conversationId })}</h2>
            <limel-button
              label={t('demo.simulator.new_conversation')}
              icon="plus_math"
              onClick={this.handleNewConversation}
            />
          </header>
          <div class="columns">
            {this.renderDetails()}
            {this.renderChat()}
          </div>
        </section>
      </Host>
    );
  }

  private renderDetails = () => {
    const t = translator(this.platform);
    const config = demoConfig();
    const topicOptions: Option[] = [
      ...config.topics.map((topic) => ({ value: topic.topic, text: topic.topic })),
      {
        value: UNCONFIGURED_TOPIC,
        text: t('demo.simulator.topic_unconfigured', { topic: UNCONFIGURED_TOPIC }),
      },
    ];
    const resendOptions: Option[] = [
      { value: 'new-note', text: t('demo.simulator.resend_mode.new_note') },
      { value: 'update-note', text: t('demo.simulator.resend_mode.update_note') },
    ];
    return (
      <div class="details">
        <fieldset>
          <legend>{t('demo.simulator.conversation')}</legend>
          <limel-input-field
            label={t('demo.simulator.conversation_id')}
            value={this.conversationId}
            helperText={t('demo.simulator.conversation_id_help')}
            onChange={(event: Event) => (this.conversationId = textOf(event).trim())}
          />
          <limel-select
            class="topic"
            label={t('demo.simulator.topic')}
            options={topicOptions}
            value={topicOptions.find((option) => option.value === this.topic)}
            onChange={(event: Event) => (this.topic = optionValueOf(event))}
          />
          <limel-input-field
            label={t('demo.simulator.subject')}
            value={this.subject}
            onChange={(event: Event) => (this.subject = textOf(event))}
          />
          <limel-select
            class="resend-mode"
            label={t('demo.simulator.resend_mode')}
            helperText={t('demo.simulator.resend_mode_help')}
            options={resendOptions}
            value={resendOptions.find((option) => option.value === config.resendMode)}
            onChange={(event: Event) =>
              setDemoResendMode(optionValueOf(event) === 'update-note' ? 'update-note' : 'new-note')
            }
          />
        </fieldset>
        <fieldset>
          <legend>{t('demo.simulator.contact')}</legend>
          {this.renderContactField('name', 'text')}
          {this.renderContactField('email', 'email')}
          {this.renderContactField('mobileNumber', 'tel')}
          {this.renderContactField('phoneNumber', 'tel')}
          {this.renderContactField('company', 'text')}
        </fieldset>
      </div>
    );
  };

  private renderContactField = (field: keyof ContactFields, type: 'text' | 'email' | 'tel') => {
    const t = translator(this.platform);
    return (
      <limel-input-field
        class={`contact-${field}`}
        label={t(`demo.simulator.contact.${field}`)}
        type={type}
        value={this.contact[field]}
        onChange={(event: Event) => (this.contact = { ...this.contact, [field]: textOf(event) })}
      />
    );
  };

  private renderChat = () => {
    const t = translator(this.platform);
    const senderOptions: Option[] = [
      { value: 'contact', text: t('demo.simulator.sender.contact', { name: this.contactName() }) },
      {
        value: 'operator',
        text: t('demo.simulator.sender.operator', { name: this.operator.name }),
      },
    ];
    return (
      <div class="chat">
        <ol class="timeline" aria-label={t('demo.simulator.timeline')} aria-live="polite">
          {this.timeline.map(this.renderEntry)}
        </ol>
        {this.renderMediaFiles()}
        <div class="composer">
          <limel-select
            class="sender"
            label={t('demo.simulator.sender')}
            options={senderOptions}
            value={senderOptions.find((option) => option.value === this.draftSender)}
            onChange={(event: Event) =>
              (this.draftSender = optionValueOf(event) === 'operator' ? 'operator' : 'contact')
            }
          />
          <limel-input-field
            class="draft"
            type="textarea"
            label={t('demo.simulator.message')}
            value={this.draft}
            onChange={(event: Event) => (this.draft = textOf(event))}
          />
          <div class="composer-actions">
            <limel-button
              class="add-message"
              label={t('demo.simulator.add_message')}
              icon="chat"
              onClick={this.handleAddMessage}
            />
            <limel-button
              class="add-media"
              label={t('demo.simulator.add_media')}
              icon="image"
              onClick={this.handleAddMedia}
            />
            <span class="spacer" />
            <limel-button
              class="send"
              primary={true}
              icon="filled_sent"
              label={t('demo.simulator.send')}
              loading={this.sending}
              disabled={this.sending}
              onClick={this.handleSend}
            />
          </div>
        </div>
      </div>
    );
  };

  private renderMediaFiles = () => {
    if (this.mediaFiles.length === 0) {
      return null;
    }
    const t = translator(this.platform);
    return (
      <p class="media-files">
        {t('demo.simulator.media_files', {
          names: this.mediaFiles.map((file) => file.name).join(', '),
        })}
      </p>
    );
  };

  private renderEntry = (entry: TimelineEntry) => {
    const t = translator(this.platform);
    if (entry.kind === 'message') {
      const { message } = entry;
      const name = message.senderType === 'contact' ? this.contactName() : this.operator.name;
      return (
        <li class={`message ${message.senderType}`}>
          <span class="sender">{name}</span>
          {message.senderType === 'operator' ? (
            <limel-markdown class="body" value={message.body} />
          ) : (
            <span class="body">{message.body}</span>
          )}
        </li>
      );
    }
    if (entry.kind === 'media') {
      return (
        <li class={{ event: true, media: true, failed: !entry.ok }}>
          <limel-icon name={entry.ok ? 'document' : 'error'} size="small" />
          <span>{t(entry.line.key, entry.line.params)}</span>
        </li>
      );
    }
    const { report } = entry;
    return (
      <li class={`event sync ${report.tone}`}>
        <limel-icon name={report.tone === 'error' ? 'error' : 'sent'} size="small" />
        <div class="sync-text">
          <span class="headline">{t(report.headline.key, report.headline.params)}</span>
          {report.link ? (
            <a class="object-link" href={report.link}>
              {t('sync.sent.open')}
            </a>
          ) : null}
          {report.details.length > 0 ? (
            <ul class="details-list">
              {report.details.map((line) => (
                <li>{t(line.key, line.params)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </li>
    );
  };

  private contactName(): string {
    return (
      this.contact.name.trim() ||
      this.contact.email.trim() ||
      translator(this.platform)('demo.simulator.visitor')
    );
  }

  private conversationInput(): LimeConnectConversationInput {
    const messages = this.timeline.flatMap((entry) =>
      entry.kind === 'message' ? [entry.message] : [],
    );
    const contactName = this.contactName();
    return {
      id: this.conversationId,
      topics: this.topic ? [{ text: this.topic }] : [],
      subject: this.subject,
      startedAt: this.startedAt,
      contact: {
        id: `demo-contact-${this.conversationId}`,
        name: contactName,
        email: this.contact.email,
        mobileNumber: this.contact.mobileNumber,
        phoneNumber: this.contact.phoneNumber,
        company: this.contact.company,
      },
      operator: this.operator,
      messages: messages.map((message) => ({
        time: message.time,
        senderName: message.senderType === 'contact' ? contactName : this.operator.name,
        senderType: message.senderType,
        textFormat: message.senderType === 'operator' ? 'markdown_v1' : 'plain_text',
        body: message.body,
      })),
      mediaFiles: this.mediaFiles,
    };
  }

  private handleAddMessage = () => {
    const body = this.draft.trim();
    if (!body) {
      return;
    }
    this.timeline = [
      ...this.timeline,
      {
        kind: 'message',
        message: { time: new Date().toISOString(), senderType: this.draftSender, body },
      },
    ];
    this.draft = '';
  };

  private handleAddMedia = () => {
    const number = this.mediaFiles.length + 1;
    const name = `screenshot-${number}.png`;
    this.mediaFiles = [
      ...this.mediaFiles,
      { name, url: `https://files.lime-connect.example/${this.conversationId}/${name}` },
    ];
  };

  private handleNewConversation = () => {
    this.conversationId = newConversationId();
    this.startedAt = new Date().toISOString();
    this.timeline = initialMessages().map((message) => ({ kind: 'message', message }));
    this.mediaFiles = [];
    this.draft = '';
  };

  private handleSend = async () => {
    this.sending = true;
    const emulator = getDemoEmulator();
    const names = { limetype: limetypeName, object: descriptiveOf };
    try {
      const result = await sendConversation(this.conversationInput(), demoConfig(), demoCrm(), {
        tasks: emulator.tasks,
        objectLink: (object) => demoObjectLink(object),
        limetypes: emulator.limetypes,
      });
      this.addEntry({
        kind: 'sync',
        time: new Date().toISOString(),
        report: describeSend(result, names),
      });
      if (result.ok && result.media.state === 'queued') {
        const outcomes = await result.media.done;
        for (const outcome of outcomes) {
          this.addEntry({
            kind: 'media',
            time: new Date().toISOString(),
            line: describeMediaImport(outcome),
            ok: outcome.ok,
          });
        }
        this.mediaFiles = [];
      }
    } finally {
      this.sending = false;
    }
  };

  private addEntry(entry: TimelineEntry) {
    this.timeline = [...this.timeline, entry];
  }
}

function newConversationId(): string {
  return String(52000 + Math.floor(Math.random() * 9000));
}

function initialMessages(): SimulatedMessage[] {
  const now = Date.now();
  return [
    {
      time: new Date(now - 120000).toISOString(),
      senderType: 'contact',
      body: 'Hi! Our latest invoice lists 40 seats, but we only have 25 users.',
    },
    {
      time: new Date(now - 60000).toISOString(),
      senderType: 'operator',
      body: 'Thanks for telling us! I will look into it **right away**.',
    },
  ];
}
