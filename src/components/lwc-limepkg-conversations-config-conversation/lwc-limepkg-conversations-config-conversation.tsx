import { Component, Event, EventEmitter, Prop, State, h } from '@stencil/core';
import type { FormComponent, FormInfo } from '@limetech/lime-elements';
import {
  CONVERSATION_PROPERTY_TYPES,
  conversationPropertyOptions,
  issuesAt,
  limetypeOptions,
  type ConversationPropertyKey,
  type ConversationsConfig,
  type Issue,
} from '../../config';
import {
  bundledTextsReady,
  subscribeLimetypes,
  Subscriptions,
  translator,
  type LimePlatform,
  type LimeTypes,
} from '../../lime';
import { fieldProblem, selectOptions, selected } from '../shared/config-texts';
import { onSelectChange } from '../shared/typed-handler';

/** What the form holds: the settings as stored, which may lack a field until it is picked. */
type ConversationSettings = Partial<ConversationsConfig['conversation']>;

const PROPERTY_KEYS = Object.keys(CONVERSATION_PROPERTY_TYPES) as ConversationPropertyKey[];

/**
 * The Lime Admin form widget for the conversation limetype: which limetype conversations are
 * stored as, and which of its properties hold the conversation ID, the Lime Connect link, the
 * contact's ID, the topic and the start time. Pickers offer only the properties of the type each
 * field needs; a stored name the CRM lacks stays visible, marked, with its error beside it.
 *
 * A `FormComponent` for `limel-form` (`value` in, `change` out).
 */
@Component({
  tag: 'lwc-limepkg-conversations-config-conversation',
  styleUrl: 'lwc-limepkg-conversations-config-conversation.scss',
  shadow: true,
})
export class ConfigConversation implements FormComponent<ConversationSettings> {
  /** The conversation limetype settings. */
  @Prop()
  public value: ConversationSettings = {};

  /** The field's label. */
  @Prop()
  public label?: string;

  /** Whether the field is required. */
  @Prop()
  public required?: boolean;

  /** Shows the settings without letting them be changed. */
  @Prop()
  public readonly?: boolean;

  /** Disables every control. */
  @Prop()
  public disabled?: boolean;

  /** A hint (or the form's error) under the field. */
  @Prop()
  public helperText?: string;

  /** Set by limel-form: the schema and the whole form's value. */
  @Prop()
  public formInfo?: FormInfo;

  /** The Lime platform: limetypes and translations. */
  @Prop()
  public platform?: LimePlatform;

  /** The limetypes to pick from; read from the platform's limetypes state when not given. */
  @Prop()
  public limetypes?: LimeTypes;

  /** Errors of these settings, paths relative to them (e.g. `['idProperty']`). */
  @Prop()
  public errors: Issue[] = [];

  /** Warnings of these settings, paths relative to them. */
  @Prop()
  public warnings: Issue[] = [];

  /** Emitted with the new settings. */
  @Event()
  public change!: EventEmitter<ConversationSettings>;

  @State()
  private stateLimetypes: LimeTypes = {};

  private subscriptions = new Subscriptions();

  public connectedCallback() {
    this.subscriptions.add(
      subscribeLimetypes(this.platform, (limetypes) => {
        this.stateLimetypes = limetypes ?? {};
      }),
    );
  }

  public disconnectedCallback() {
    this.subscriptions.clear();
  }

  /** Our texts are fetched first when the platform lacks them, so no key ever shows. */
  public componentWillLoad() {
    return bundledTextsReady(this.platform);
  }

  public render() {
    const settings = this.value ?? {};
    return (
      <section class="conversation" aria-label={this.label}>
        {this.renderHeading()}
        <p class="helper">{this.helperText || this.t('config.conversation.helper')}</p>
        <div class="fields">
          {this.renderLimetype(settings)}
          {PROPERTY_KEYS.map((key) => this.renderProperty(settings, key))}
        </div>
      </section>
    );
  }

  private get t() {
    return translator(this.platform);
  }

  private get allLimetypes(): LimeTypes {
    return this.limetypes ?? this.stateLimetypes;
  }

  private renderHeading = () => {
    if (!this.label) {
      return null;
    }
    return <h3 class="heading">{this.label}</h3>;
  };

  private problem(field: string) {
    return fieldProblem(
      this.t,
      issuesAt(this.errors ?? [], [field]),
      issuesAt(this.warnings ?? [], [field]),
    );
  }

  private renderLimetype = (settings: ConversationSettings) => {
    const options = selectOptions(limetypeOptions(this.allLimetypes), settings.limetype);
    const problem = this.problem('limetype');
    return (
      <limel-select
        class="limetype"
        label={this.t('config.conversation.limetype')}
        options={options}
        value={selected(options, settings.limetype)}
        disabled={this.disabled}
        readonly={this.readonly}
        invalid={problem.invalid}
        helperText={problem.text}
        onChange={onSelectChange((value) => this.changeLimetype(settings, value))}
      />
    );
  };

  private renderProperty = (settings: ConversationSettings, key: ConversationPropertyKey) => {
    const options = selectOptions(
      conversationPropertyOptions(this.allLimetypes, settings.limetype ?? '', key),
      settings[key],
    );
    const problem = this.problem(key);
    return (
      <limel-select
        class={`property property-${key}`}
        label={this.t(`config.conversation.${key}`)}
        options={options}
        value={selected(options, settings[key])}
        disabled={this.disabled}
        readonly={this.readonly}
        invalid={problem.invalid}
        helperText={problem.text ?? this.t(`config.conversation.${key}_hint`)}
        onChange={onSelectChange((value) => this.emit({ ...settings, [key]: value }))}
      />
    );
  };

  /** Another limetype: each field keeps its property when that one fits, else takes the first that does. */
  private changeLimetype(settings: ConversationSettings, limetype: string) {
    const next: ConversationSettings = { ...settings, limetype };
    PROPERTY_KEYS.forEach((key) => {
      const fits = conversationPropertyOptions(this.allLimetypes, limetype, key);
      if (!fits.some((option) => option.value === settings[key]) && fits[0]) {
        next[key] = fits[0].value;
      }
    });
    this.emit(next);
  }

  private emit(settings: ConversationSettings) {
    this.change.emit(settings);
  }
}
