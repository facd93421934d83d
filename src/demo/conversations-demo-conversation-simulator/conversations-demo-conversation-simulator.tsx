import { Component, Event, Host, Prop, State, Watch, h, type EventEmitter } from '@stencil/core';
import type { Option } from '@limetech/lime-elements';
import { ConfigRepository, Subscriptions, translator, type LimePlatform } from '../../lime';
import { sendConversation } from '../../sync';
import { getDemoEmulator } from '../demo-emulator';
import {
  DEMO_APPLICATION_CONFIG,
  demoConfig,
  demoCrm,
  demoObjectLink,
  descriptiveOf,
  limetypeName,
  setDemoResendMode,
} from '../demo-sync';
import { onInputChange, onSelectChange } from '../../components/shared/typed-handler';
import {
  contactNameOf,
  conversationInput,
  newConversation,
  type SenderType,
  type StandInConversation,
  type StandInMessage,
} from '../conversations-demo-lime-connect/message-center';
import { describeMediaImport, describeSend, type ReportLine, type SendReport } from './send-report';

/** What happened to the conversation besides its messages: sends and media imports. */
type TimelineEvent =
  | { kind: 'sync'; time: string; report: SendReport }
  | { kind: 'media'; time: string; lines: ReportLine[]; ok: boolean };

type TimelineEntry = { kind: 'message'; time: string; message: StandInMessage } | TimelineEvent;

/** A topic the demo offers that no configuration has, to show the refusal. */
const UNCONFIGURED_TOPIC = 'Billing';

/**
 * A stand-in for a Lime Connect conversation in the Message Center: its topic and subject, the
 * chat (messages can be added) and **Send to Lime CRM**, which runs the package's
 * `sendConversation` against the demo's Lime CRM. Controlled: it shows the conversation it is given
 * (`value`, owned by the Message Center, whose contact the Portal looks up) and emits `change` with
 * the edited conversation. What a send returned (the link to the object, which opens it) appears in
 * its timeline; sending again shows the re-send behaviour.
 */
@Component({
  tag: 'conversations-demo-conversation-simulator',
  styleUrl: 'conversations-demo-conversation-simulator.scss',
  shadow: true,
})
export class ConversationsDemoConversationSimulator {
  /** The conversation to show and send: contact, operator, topic, subject, messages, media files. */
  @Prop()
  public value?: StandInConversation;

  /** The conversation after an edit here (a topic, a message, a new conversation…). */
  @Event()
  public change!: EventEmitter<StandInConversation>;

  @State()
  private events: TimelineEvent[] = [];

  @State()
  private draft = '';

  @State()
  private draftSender: SenderType = 'contact';

  @State()
  private sending = false;

  @State()
  private configVersion = 0;

  private platform: LimePlatform = getDemoEmulator().platform;
  private subscriptions = new Subscriptions();

  public connectedCallback() {
    this.subscriptions.subscribe(this.platform, ConfigRepository, () => {
      this.configVersion += 1;
    });
  }

  public disconnectedCallback() {
    this.subscriptions.clear();
  }

  @Watch('value')
  protected forgetEventsOfOtherConversations(
    next?: StandInConversation,
    previous?: StandInConversation,
  ) {
    if (next?.id !== previous?.id) {
      this.events = [];
    }
  }

  public render() {
    const t = translator(this.platform);
    const conversation = this.value;
    if (!conversation) {
      return <Host />;
    }
    return (
      <Host data-config-version={this.configVersion}>
        <section
          class="conversation"
          aria-label={t('demo.simulator.title', { id: conversation.id })}
        >
          <header class="conversation-header">
            <h2>{t('demo.simulator.title', { id: conversation.id })}</h2>
            <limel-button
              label={t('demo.simulator.new_conversation')}
              icon="plus_math"
              onClick={this.handleNewConversation}
            />
          </header>
          {this.renderDetails(conversation)}
          {this.renderChat(conversation)}
        </section>
      </Host>
    );
  }

  private renderDetails = (conversation: StandInConversation) => {
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
        <limel-select
          class="topic"
          label={t('demo.simulator.topic')}
          options={topicOptions}
          value={topicOptions.find((option) => option.value === conversation.topic)}
          onChange={onSelectChange((value) => this.edit({ topic: value }))}
        />
        <limel-input-field
          class="subject"
          label={t('demo.simulator.subject')}
          value={conversation.subject}
          onChange={onInputChange((text) => this.edit({ subject: text }))}
        />
        <limel-input-field
          class="conversation-id"
          label={t('demo.simulator.conversation_id')}
          value={conversation.id}
          helperText={t('demo.simulator.conversation_id_help')}
          onChange={onInputChange((text) => this.edit({ id: text.trim() }))}
        />
        <limel-select
          class="resend-mode"
          label={t('demo.simulator.resend_mode')}
          helperText={t('demo.simulator.resend_mode_help')}
          options={resendOptions}
          value={resendOptions.find((option) => option.value === config.resendMode)}
          onChange={onSelectChange((value) =>
            setDemoResendMode(value === 'update-note' ? 'update-note' : 'new-note'),
          )}
        />
      </div>
    );
  };

  private renderChat = (conversation: StandInConversation) => {
    const t = translator(this.platform);
    const senderOptions: Option[] = [
      {
        value: 'contact',
        text: t('demo.simulator.sender.contact', { name: this.contactName(conversation) }),
      },
      {
        value: 'operator',
        text: t('demo.simulator.sender.operator', { name: conversation.operator.name }),
      },
    ];
    return (
      <div class="chat">
        <ol class="timeline" aria-label={t('demo.simulator.timeline')} aria-live="polite">
          {timelineOf(conversation, this.events).map((entry) =>
            this.renderEntry(entry, conversation),
          )}
        </ol>
        {this.renderMediaFiles(conversation)}
        <div class="composer">
          <limel-select
            class="sender"
            label={t('demo.simulator.sender')}
            options={senderOptions}
            value={senderOptions.find((option) => option.value === this.draftSender)}
            onChange={onSelectChange(
              (value) => (this.draftSender = value === 'operator' ? 'operator' : 'contact'),
            )}
          />
          <limel-input-field
            class="draft"
            type="textarea"
            label={t('demo.simulator.message')}
            value={this.draft}
            onChange={onInputChange((text) => (this.draft = text))}
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

  private renderMediaFiles = (conversation: StandInConversation) => {
    if (conversation.mediaFiles.length === 0) {
      return null;
    }
    const t = translator(this.platform);
    return (
      <p class="media-files">
        {t('demo.simulator.media_files', {
          names: conversation.mediaFiles.map((file) => file.name).join(', '),
        })}
      </p>
    );
  };

  private renderEntry = (entry: TimelineEntry, conversation: StandInConversation) => {
    const t = translator(this.platform);
    if (entry.kind === 'message') {
      const { message } = entry;
      const name =
        message.senderType === 'contact'
          ? this.contactName(conversation)
          : conversation.operator.name;
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
          <span>{entry.lines.map((line) => t(line.key, line.params)).join(' ')}</span>
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

  private contactName(conversation: StandInConversation): string {
    return contactNameOf(conversation.contact, translator(this.platform)('demo.simulator.visitor'));
  }

  /** Tells the owner of the conversation about an edit; it hands the result back as `value`. */
  private edit(changes: Partial<StandInConversation>) {
    if (this.value) {
      this.change.emit({ ...this.value, ...changes });
    }
  }

  private handleAddMessage = () => {
    const body = this.draft.trim();
    if (!body || !this.value) {
      return;
    }
    const message: StandInMessage = {
      time: new Date().toISOString(),
      senderType: this.draftSender,
      body,
    };
    this.edit({ messages: [...this.value.messages, message] });
    this.draft = '';
  };

  private handleAddMedia = () => {
    if (!this.value) {
      return;
    }
    const { id, mediaFiles } = this.value;
    const name = `screenshot-${mediaFiles.length + 1}.png`;
    this.edit({
      mediaFiles: [
        ...mediaFiles,
        { name, url: `https://files.lime-connect.example/${id}/${name}` },
      ],
    });
  };

  private handleNewConversation = () => {
    if (!this.value) {
      return;
    }
    // Another conversation with the same contact and operator.
    const fresh = newConversation(Date.now(), newConversationId());
    this.edit({ ...fresh, contact: this.value.contact, operator: this.value.operator });
    this.draft = '';
  };

  private handleSend = async () => {
    const conversation = this.value;
    if (!conversation) {
      return;
    }
    this.sending = true;
    const emulator = getDemoEmulator();
    const names = { limetype: limetypeName, object: descriptiveOf };
    const visitor = translator(this.platform)('demo.simulator.visitor');
    try {
      const result = await sendConversation(
        conversationInput(conversation, visitor),
        demoConfig(),
        demoCrm(),
        {
          tasks: emulator.tasks,
          objectLink: (object) => demoObjectLink(object),
          limetypes: emulator.limetypes,
          mediaImportApiKey: DEMO_APPLICATION_CONFIG.mediaImportApiKey,
        },
      );
      this.addEvent({
        kind: 'sync',
        time: new Date().toISOString(),
        report: describeSend(result, names),
      });
      if (result.ok && result.media.state === 'queued') {
        const outcomes = await result.media.done;
        for (const outcome of outcomes) {
          this.addEvent({
            kind: 'media',
            time: new Date().toISOString(),
            lines: describeMediaImport(outcome),
            ok: outcome.ok,
          });
        }
        if (this.value?.id === conversation.id) {
          this.edit({ mediaFiles: [] });
        }
      }
    } finally {
      this.sending = false;
    }
  };

  private addEvent(event: TimelineEvent) {
    this.events = [...this.events, event];
  }
}

/** The messages and what happened to the conversation, in the order they happened. */
function timelineOf(
  conversation: StandInConversation,
  events: readonly TimelineEvent[],
): TimelineEntry[] {
  const messages: TimelineEntry[] = conversation.messages.map((message) => ({
    kind: 'message',
    time: message.time,
    message,
  }));
  // A stable sort: a message and an event of the same millisecond keep their order.
  return [...messages, ...events].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}

function newConversationId(): string {
  return String(52000 + Math.floor(Math.random() * 9000));
}
