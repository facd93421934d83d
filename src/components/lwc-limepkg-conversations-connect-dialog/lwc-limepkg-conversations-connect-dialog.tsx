import { Component, Element, Event, EventEmitter, Prop, State, h } from '@stencil/core';
import type { ClosingActions, DialogHeading } from '@limetech/lime-elements';
import {
  bundledTextsReady,
  ConfigRepository,
  HttpClient,
  subscribeLimetypes,
  Notifications,
  Subscriptions,
  findService,
  objectOpener,
  translator,
  type CreateDialogCommandLike,
  type HttpService,
  type LimeContext,
  type LimePlatform,
  type LimeTypes,
  type NotificationService,
} from '../../lime';
import type { NamedObject } from '../../conversations/conversations.types';
import { conversationLink, parseConversationId } from '../../conversations/conversation-id';
import { onInputChange } from '../shared/typed-handler';
import { belongstoRelations, findParentRelation } from '../../conversations/parent-relation';
import { conversationSettingsOf, type ConversationSettings } from '../../conversations/settings';
import {
  connectedMessage,
  inputProblemMessage,
  limetypeLabel,
  outcomeNotice,
  parentProblemMessage,
  type DialogNotice,
  type Message,
} from './connect-messages';

// Named rather than left to limel-callout, whose caution icon is missing from some icon sets.
const TONE_ICONS: Record<DialogNotice['tone'], string> = {
  note: 'info',
  caution: 'high_importance',
  warning: 'error',
};

/**
 * The dialog a relation tab's *Create* opens for conversations (the loader puts it in place of
 * the generic create dialog). It asks for one thing, the Lime Connect conversation ID, and
 * connects that conversation to the object the tab belongs to: one conversation, one object.
 *
 * Opened through the dialog service with the create-dialog `command`; emits `close` when done.
 *
 * @exampleComponent limepkg-conversations-example-connect-dialog
 */
@Component({
  tag: 'lwc-limepkg-conversations-connect-dialog',
  styleUrl: 'lwc-limepkg-conversations-connect-dialog.scss',
  shadow: true,
})
export class ConnectConversationDialog {
  /** The Lime platform: http, notifications, navigation, translations and state services. */
  @Prop()
  public platform!: LimePlatform;

  /** The context the dialog is opened in: the object whose relation tab issued the command. */
  @Prop()
  public context?: LimeContext;

  /** The `limeobject.create-dialog` command; its `limeobject` names the parent relation. */
  @Prop()
  public command?: CreateDialogCommandLike;

  /** Emitted when the dialog is done (connected, cancelled or closed with Escape). */
  @Event({ eventName: 'close' })
  private closeDialog!: EventEmitter<void>;

  @Element()
  private host!: HTMLElement;

  @State()
  private value = '';

  /** Show the input problem even when the field is empty (after a submit). */
  @State()
  private submitted = false;

  @State()
  private busy = false;

  @State()
  private notice?: DialogNotice;

  @State()
  private limetypes: LimeTypes = {};

  @State()
  private settings: ConversationSettings = conversationSettingsOf(undefined);

  @State()
  private open = true;

  private subscriptions = new Subscriptions();
  private focusedField = false;

  public connectedCallback() {
    this.subscriptions.add(
      subscribeLimetypes(this.platform, (limetypes) => {
        this.limetypes = limetypes ?? {};
      }),
    );
    this.subscriptions.subscribe<unknown>(this.platform, ConfigRepository, (configs) => {
      this.settings = conversationSettingsOf(configs);
    });
  }

  public disconnectedCallback() {
    this.subscriptions.clear();
  }

  /** Our texts are fetched first when the platform lacks them, so no key ever shows. */
  public componentWillLoad() {
    return bundledTextsReady(this.platform);
  }

  public render() {
    const t = this.t;
    const heading: DialogHeading = {
      title: t('connect_dialog.title'),
      subtitle: t('connect_dialog.subtitle'),
      icon: 'chat',
    };
    const closingActions: ClosingActions = { escapeKey: !this.busy, scrimClick: !this.busy };
    return (
      <limel-dialog
        heading={heading}
        open={this.open}
        closingActions={closingActions}
        onClose={this.handleDialogClose}
        onFocusin={this.handleFocusIn}
      >
        <div class="content">
          {this.renderField()}
          {this.renderSetupProblem()}
          {this.renderNotice()}
        </div>
        <limel-button
          slot="button"
          label={t('connect_dialog.cancel')}
          disabled={this.busy}
          onClick={this.handleCancel}
        />
        <limel-button
          slot="button"
          primary={true}
          label={t('connect_dialog.connect')}
          disabled={!this.canConnect()}
          loading={this.busy}
          onClick={this.handleConnect}
        />
      </limel-dialog>
    );
  }

  private renderField = () => {
    const problem = this.inputProblem();
    return (
      <limel-input-field
        class="conversation-id"
        label={this.t('connect_dialog.input.label')}
        placeholder="48213"
        value={this.value}
        required={true}
        invalid={!!problem}
        helperText={problem ? this.say(problem) : this.t('connect_dialog.input.hint')}
        readonly={this.busy}
        onChange={this.handleChange}
        onKeyDown={this.handleKeyDown}
      />
    );
  };

  private renderSetupProblem = () => {
    const parent = this.parent();
    // Until the limetypes have arrived, nothing can be said about them.
    if (parent.ok || Object.keys(this.limetypes).length === 0) {
      return;
    }
    return (
      <limel-callout
        class="setup-problem"
        type="warning"
        icon={TONE_ICONS.warning}
        heading={this.t('connect_dialog.heading.setup')}
      >
        {this.say(parentProblemMessage(parent.reason))}
      </limel-callout>
    );
  };

  private renderNotice = () => {
    if (!this.notice) {
      return;
    }
    const { tone, heading, message, object } = this.notice;
    return (
      <limel-callout
        class={`outcome outcome-${tone}`}
        type={tone}
        icon={TONE_ICONS[tone]}
        heading={this.say(heading)}
      >
        <p role={tone === 'note' ? 'status' : 'alert'}>{this.say(message)}</p>
        {this.renderObjectLink(object)}
      </limel-callout>
    );
  };

  private renderObjectLink = (object: NamedObject | undefined) => {
    if (!object || !objectOpener(this.platform)) {
      return;
    }
    const label = this.t('connect_dialog.open_object', {
      limetype: limetypeLabel(this.limetypes, object.limetype),
      descriptive: object.descriptive ?? `#${object.id}`,
    });
    return (
      <limel-button
        class="open-object"
        label={label}
        icon="external_link"
        onClick={() => this.openObject(object)}
      />
    );
  };

  private get t() {
    return translator(this.platform);
  }

  private say(message: Message): string {
    return this.t(message.key, message.params);
  }

  private parent() {
    return findParentRelation(this.limetypes, this.settings.limetype, {
      initialValues: this.command?.limeobject,
      context: this.context,
    });
  }

  private inputProblem(): Message | undefined {
    const parsed = parseConversationId(this.value);
    if (parsed.ok || (parsed.reason === 'empty' && !this.submitted)) {
      return undefined;
    }
    return inputProblemMessage(parsed.reason);
  }

  private canConnect(): boolean {
    return !this.busy && parseConversationId(this.value).ok && this.parent().ok;
  }

  private handleChange = onInputChange((text) => {
    // The field reports a change even after Enter has taken the same text: keep the outcome then.
    if (text !== this.value) {
      this.value = text;
      this.notice = undefined;
    }
  });

  private handleKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.isComposing) {
      return;
    }
    event.preventDefault();
    // The field reports changes a moment after typing; Enter must use what is in it now.
    const input = event.composedPath()[0];
    if (input instanceof HTMLInputElement) {
      this.value = input.value;
    }
    this.connect();
  };

  private handleConnect = () => {
    this.connect();
  };

  private async connect() {
    if (this.busy) {
      return;
    }
    this.submitted = true;
    const parsed = parseConversationId(this.value);
    const parent = this.parent();
    const http = findService<HttpService>(this.platform, HttpClient);
    if (!parsed.ok || !parent.ok || !http) {
      return;
    }
    this.busy = true;
    this.notice = undefined;
    try {
      const { connectOverWebclient } = await import('./connect-over-webclient');
      const outcome = await connectOverWebclient(
        http,
        {
          conversationId: parsed.id,
          parentProperty: parent.property,
          parent: parent.parent,
          link: conversationLink(this.settings.linkBase, parsed.id),
        },
        {
          limetype: this.settings.limetype,
          idProperty: this.settings.idProperty,
          linkProperty: this.settings.linkProperty,
          relations: belongstoRelations(this.limetypes, this.settings.limetype),
        },
      );
      if (outcome.outcome === 'connected') {
        this.notifyConnected(parsed.id);
        this.close();
        return;
      }
      this.notice = outcomeNotice(outcome, this.limetypes);
    } catch (error) {
      // A bug, or the flow's chunk could not be fetched: say so rather than leave the dialog hanging.
      const message = error instanceof Error ? error.message : String(error);
      this.notice = {
        tone: 'warning',
        heading: { key: 'connect_dialog.heading.failed' },
        message: { key: 'common.error.generic', params: { message } },
      };
    } finally {
      this.busy = false;
    }
  }

  private notifyConnected(conversationId: number) {
    const notifications = findService<NotificationService>(this.platform, Notifications);
    notifications
      ?.notify(this.say(connectedMessage(conversationId)), { multiline: true })
      .catch(() => undefined);
  }

  private openObject(object: NamedObject) {
    objectOpener(this.platform)?.(object.limetype, object.id);
    this.close();
  }

  private handleCancel = () => {
    this.close();
  };

  private handleDialogClose = (event: CustomEvent<void>) => {
    // limel-dialog's own `close` would bubble out as ours; emit ours once instead.
    event.stopPropagation();
    this.close();
  };

  // The dialog traps focus on its own first element once it has opened; the first time focus
  // lands in the dialog, it moves to the field, so that the user can type at once.
  private handleFocusIn = () => {
    if (this.focusedField) {
      return;
    }
    this.focusedField = true;
    const field = this.host.shadowRoot?.querySelector<HTMLElement>('limel-input-field');
    field?.focus();
  };

  private close() {
    if (!this.open) {
      return;
    }
    this.open = false;
    this.closeDialog.emit();
  }
}
