import { Component, Event, EventEmitter, Prop, State, h } from '@stencil/core';
import type { FormComponent, FormInfo, ListItem, Option } from '@limetech/lime-elements';
import {
  ATTACHMENT_SOURCES,
  CONVERSATION_FIELDS,
  CUSTOM_FIELD_PREFIX,
  attachmentPropertyOptions,
  historyTypeOptions,
  issuesAt,
  issuesUnder,
  limetypeOptions,
  propertyMeta,
  relatedLimetype,
  titlePropertyOptions,
  valuePropertyOptions,
  type AttachmentSource,
  type Issue,
  type Topic,
  type TopicAttachment,
  type TopicProperty,
} from '../../config';
import {
  bundledTextsReady,
  LimeQueryOperator,
  subscribeLimetypes,
  Query,
  Subscriptions,
  findService,
  translator,
  type LimePlatform,
  type LimeTypes,
  type QueryService,
} from '../../lime';
import {
  checkedEventValue,
  fieldProblem,
  inputEventValue,
  selectEventValue,
  selectOptions,
  selected,
} from '../lwc-limepkg-conversations-config/config-texts';
import { IssueList } from '../lwc-limepkg-conversations-config/issue-list';
import { fixedValueFromText, newAttachment, newTopic } from './topic-edits';

type IssuePath = (string | number)[];
const CUSTOM_FIELD = 'custom';
const NUMBER_TYPES = ['integer', 'decimal', 'percent'];

/**
 * The Lime Admin form widget for topics: each Lime Connect topic maps to the limetype a sent
 * conversation creates, with the history note type, media import, the default attachments (which
 * relation is filled from the identified person, the identified company, the operator, or a fixed
 * object picked by name) and property values (fixed, or taken from the conversation).
 *
 * A `FormComponent` for `limel-form` (`value` in, `change` out).
 *
 * @exampleComponent limepkg-conversations-example-config-topics
 */
@Component({
  tag: 'lwc-limepkg-conversations-config-topics',
  styleUrl: 'lwc-limepkg-conversations-config-topics.scss',
  shadow: true,
})
export class ConfigTopics implements FormComponent<Topic[]> {
  /** The topics. */
  @Prop()
  public value: Topic[] = [];

  /** The field's label. */
  @Prop()
  public label?: string;

  /** Whether at least one topic is required. */
  @Prop()
  public required?: boolean;

  /** Shows the topics without letting them be changed. */
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

  /** The Lime platform: limetypes, query service (object names) and translations. */
  @Prop()
  public platform?: LimePlatform;

  /** The limetypes to pick from; read from the platform's limetypes state when not given. */
  @Prop()
  public limetypes?: LimeTypes;

  /** Errors of the topics, paths relative to the list (e.g. `[0, 'attachments', 1, 'property']`). */
  @Prop()
  public errors: Issue[] = [];

  /** Warnings of the topics, paths relative to the list. */
  @Prop()
  public warnings: Issue[] = [];

  /** Emitted with the new list of topics. */
  @Event()
  public change!: EventEmitter<Topic[]>;

  @State()
  private stateLimetypes: LimeTypes = {};

  /** Topics whose section is open (new ones open). */
  @State()
  private openTopics: number[] = [];

  /** Descriptives of fixed attachment objects, by `limetype:id`. */
  @State()
  private objectNames: Record<string, string> = {};

  private subscriptions = new Subscriptions();
  private requestedNames = new Set<string>();

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
    const topics = this.value ?? [];
    return (
      <section class="topics" aria-label={this.label}>
        {this.renderHeading()}
        <p class="helper">{this.helperText || this.t('config.topics.helper')}</p>
        {topics.map(this.renderTopic)}
        {topics.length ? null : <p class="empty">{this.t('config.topics.empty')}</p>}
        {this.locked ? null : (
          <limel-button
            class="add-topic"
            icon="plus_math"
            label={this.t('config.topics.add')}
            onClick={this.addTopic}
          />
        )}
      </section>
    );
  }

  private get t() {
    return translator(this.platform);
  }

  private get allLimetypes(): LimeTypes {
    return this.limetypes ?? this.stateLimetypes;
  }

  private get locked(): boolean {
    return !!this.readonly || !!this.disabled;
  }

  private renderHeading = () => {
    if (!this.label) {
      return null;
    }
    return (
      <h3 class="heading">
        {this.label}
        {this.required ? ' *' : ''}
      </h3>
    );
  };

  private problem(path: IssuePath) {
    return fieldProblem(
      this.t,
      issuesAt(this.errors ?? [], path),
      issuesAt(this.warnings ?? [], path),
    );
  }

  private renderTopic = (topic: Topic, index: number) => {
    const t = this.t;
    const hasErrors = issuesUnder(this.errors ?? [], [index]).length > 0;
    const limetypeLabel = this.allLimetypes[topic.limetype]?.localname?.singular ?? topic.limetype;
    const header = topic.topic.trim() || t('config.topics.untitled');
    return (
      <limel-collapsible-section
        key={`${index}`}
        class={{ topic: true, 'has-errors': hasErrors }}
        header={limetypeLabel ? `${header} → ${limetypeLabel}` : header}
        isOpen={hasErrors || this.openTopics.includes(index)}
        onOpen={(event: Event) => this.setOpen(event, index, true)}
        onClose={(event: Event) => this.setOpen(event, index, false)}
      >
        <div class="topic-body" data-topic-index={index}>
          <div class="grid">
            {this.renderTopicText(topic, index)}
            {this.renderTopicLimetype(topic, index)}
            {this.renderTitleProperty(topic, index)}
            {this.renderHistoryType(topic, index)}
            <limel-switch
              class="import-media"
              label={t('config.topics.import_media_files')}
              value={topic.importMediaFiles}
              disabled={this.disabled}
              readonly={this.readonly}
              onChange={(event: Event) =>
                this.updateTopic(index, { importMediaFiles: checkedEventValue(event) })
              }
            />
          </div>
          {this.renderTopicIssues(index)}
          {this.renderAttachments(topic, index)}
          {this.renderProperties(topic, index)}
          {this.locked ? null : (
            <limel-button
              class="remove-topic"
              icon="trash"
              label={t('config.topics.remove', { topic: header })}
              onClick={() => this.removeTopic(index)}
            />
          )}
        </div>
      </limel-collapsible-section>
    );
  };

  private renderTopicIssues = (index: number) => {
    const own = (issue: Issue) =>
      issue.path.length === 1 || !['attachments', 'properties'].includes(String(issue.path[0]));
    return (
      <IssueList
        t={this.t}
        errors={issuesUnder(this.errors ?? [], [index]).filter(own)}
        warnings={issuesUnder(this.warnings ?? [], [index]).filter(own)}
      />
    );
  };

  private renderTopicText = (topic: Topic, index: number) => {
    const problem = this.problem([index, 'topic']);
    const empty = !topic.topic.trim();
    return (
      <limel-input-field
        class="topic-text"
        label={this.t('config.topics.topic')}
        value={topic.topic}
        required={true}
        disabled={this.disabled}
        readonly={this.readonly}
        invalid={problem.invalid || empty}
        helperText={
          empty ? this.t('config.topics.topic_required') : this.t('config.topics.topic_hint')
        }
        onChange={(event: Event) => this.updateTopic(index, { topic: inputEventValue(event) })}
      />
    );
  };

  private renderTopicLimetype = (topic: Topic, index: number) => {
    const options = selectOptions(limetypeOptions(this.allLimetypes), topic.limetype);
    const problem = this.problem([index, 'limetype']);
    return (
      <limel-select
        class="topic-limetype"
        label={this.t('config.topics.limetype')}
        options={options}
        value={selected(options, topic.limetype)}
        disabled={this.disabled}
        readonly={this.readonly}
        invalid={problem.invalid}
        onChange={(event: Event) => this.updateTopic(index, { limetype: selectEventValue(event) })}
      />
    );
  };

  private renderTitleProperty = (topic: Topic, index: number) => {
    const none: Option = { text: this.t('config.topics.no_title_property'), value: '' };
    const options = [
      none,
      ...selectOptions(
        titlePropertyOptions(this.allLimetypes, topic.limetype),
        topic.titleProperty,
      ),
    ];
    const problem = this.problem([index, 'titleProperty']);
    return (
      <limel-select
        class="title-property"
        label={this.t('config.topics.title_property')}
        options={options}
        value={selected(options, topic.titleProperty ?? '')}
        disabled={this.disabled}
        readonly={this.readonly}
        invalid={problem.invalid}
        onChange={(event: Event) => {
          const titleProperty = selectEventValue(event);
          this.updateTopic(index, { titleProperty: titleProperty || undefined });
        }}
      />
    );
  };

  private renderHistoryType = (topic: Topic, index: number) => {
    const problem = this.problem([index, 'historyType']);
    const known = historyTypeOptions(this.allLimetypes);
    if (!known.length) {
      return (
        <limel-input-field
          class="history-type"
          label={this.t('config.topics.history_type')}
          value={topic.historyType}
          disabled={this.disabled}
          readonly={this.readonly}
          invalid={problem.invalid}
          onChange={(event: Event) =>
            this.updateTopic(index, { historyType: inputEventValue(event) })
          }
        />
      );
    }
    const options = selectOptions(known, topic.historyType);
    return (
      <limel-select
        class="history-type"
        label={this.t('config.topics.history_type')}
        options={options}
        value={selected(options, topic.historyType)}
        disabled={this.disabled}
        readonly={this.readonly}
        invalid={problem.invalid}
        onChange={(event: Event) =>
          this.updateTopic(index, { historyType: selectEventValue(event) })
        }
      />
    );
  };

  private renderAttachments = (topic: Topic, index: number) => {
    const t = this.t;
    return (
      <div class="subsection attachments">
        <h4>{t('config.topics.attachments')}</h4>
        <p class="helper">{t('config.topics.attachments_helper')}</p>
        {topic.attachments.length ? (
          <ul>
            {topic.attachments.map((attachment, each) =>
              this.renderAttachment(topic, index, attachment, each),
            )}
          </ul>
        ) : (
          <p class="empty">{t('config.topics.no_attachments')}</p>
        )}
        {this.locked ? null : (
          <limel-button
            class="add-attachment"
            icon="plus_math"
            label={t('config.topics.add_attachment')}
            onClick={() =>
              this.updateTopic(index, {
                attachments: [...topic.attachments, newAttachment(this.allLimetypes, topic)],
              })
            }
          />
        )}
      </div>
    );
  };

  private renderAttachment = (
    topic: Topic,
    topicIndex: number,
    attachment: TopicAttachment,
    index: number,
  ) => {
    const t = this.t;
    const path = [topicIndex, 'attachments', index];
    const sources: Option[] = ATTACHMENT_SOURCES.map((source) => ({
      text: t(`config.attachment_source.${source}`),
      value: source,
    }));
    const relations = selectOptions(
      attachmentPropertyOptions(this.allLimetypes, topic.limetype, attachment.source),
      attachment.property,
    );
    const propertyProblem = this.problem([...path, 'property']);
    const update = (change: Partial<TopicAttachment>) =>
      this.updateAttachment(topicIndex, index, change);
    return (
      <li class="row attachment" key={`${index}`}>
        <limel-select
          class="attachment-source"
          label={t('config.topics.attachment_source')}
          options={sources}
          value={selected(sources, attachment.source)}
          disabled={this.disabled}
          readonly={this.readonly}
          onChange={(event: Event) => {
            const source = toSource(selectEventValue(event));
            const fits = attachmentPropertyOptions(this.allLimetypes, topic.limetype, source);
            const property = fits.some((option) => option.value === attachment.property)
              ? attachment.property
              : (fits[0]?.value ?? attachment.property);
            update({
              source,
              property,
              objectId: source === 'fixed' ? attachment.objectId : undefined,
            });
          }}
        />
        <limel-select
          class="attachment-property"
          label={t('config.topics.attachment_property')}
          options={relations}
          value={selected(relations, attachment.property)}
          disabled={this.disabled}
          readonly={this.readonly}
          invalid={propertyProblem.invalid}
          onChange={(event: Event) => update({ property: selectEventValue(event) })}
        />
        {attachment.source === 'fixed' ? this.renderFixedObject(topic, attachment, path) : null}
        {this.locked ? null : (
          <limel-icon-button
            icon="trash"
            label={t('config.topics.remove_attachment')}
            onClick={() =>
              this.updateTopic(topicIndex, {
                attachments: topic.attachments.filter((_, each) => each !== index),
              })
            }
          />
        )}
        <IssueList
          t={t}
          errors={issuesUnder(this.errors ?? [], path)}
          warnings={issuesUnder(this.warnings ?? [], path)}
        />
      </li>
    );
  };

  private renderFixedObject = (topic: Topic, attachment: TopicAttachment, path: IssuePath) => {
    const limetype = relatedLimetype(this.allLimetypes, topic.limetype, attachment.property);
    const problem = this.problem([...path, 'objectId']);
    const id = attachment.objectId;
    const key = `${limetype}:${id}`;
    if (limetype && id !== undefined) {
      this.requestName(limetype, id);
    }
    const value: ListItem<number> | undefined =
      id === undefined ? undefined : { text: this.objectNames[key] ?? `#${id}`, value: id };
    return (
      <limel-picker
        class="attachment-object"
        label={this.t('config.topics.attachment_object')}
        value={value}
        required={true}
        disabled={this.disabled || !limetype}
        readonly={this.readonly}
        invalid={problem.invalid}
        helperText={this.t('config.topics.attachment_object_hint')}
        searcher={(text: string) => this.searchObjects(limetype ?? '', text)}
        onChange={(event: Event) => {
          event.stopPropagation();
          const item = event instanceof CustomEvent ? event.detail : undefined;
          const objectId = item && typeof item.value === 'number' ? item.value : undefined;
          if (item && objectId !== undefined && limetype) {
            this.objectNames = {
              ...this.objectNames,
              [`${limetype}:${objectId}`]: String(item.text),
            };
          }
          this.updateAttachment(Number(path[0]), Number(path[2]), { objectId });
        }}
      />
    );
  };

  private renderProperties = (topic: Topic, index: number) => {
    const t = this.t;
    return (
      <div class="subsection properties">
        <h4>{t('config.topics.properties')}</h4>
        <p class="helper">{t('config.topics.properties_helper')}</p>
        {topic.properties.length ? (
          <ul>
            {topic.properties.map((entry, each) => this.renderProperty(topic, index, entry, each))}
          </ul>
        ) : (
          <p class="empty">{t('config.topics.no_properties')}</p>
        )}
        {this.locked ? null : (
          <limel-button
            class="add-property"
            icon="plus_math"
            label={t('config.topics.add_property')}
            onClick={() => {
              const property =
                valuePropertyOptions(this.allLimetypes, topic.limetype)[0]?.value ?? '';
              this.updateTopic(index, {
                properties: [
                  ...topic.properties,
                  { property, value: { kind: 'conversation', field: 'subject' } },
                ],
              });
            }}
          />
        )}
      </div>
    );
  };

  private renderProperty = (
    topic: Topic,
    topicIndex: number,
    entry: TopicProperty,
    index: number,
  ) => {
    const t = this.t;
    const path = [topicIndex, 'properties', index];
    const properties = selectOptions(
      valuePropertyOptions(this.allLimetypes, topic.limetype),
      entry.property,
    );
    const kinds: Option[] = [
      { text: t('config.property_value.conversation'), value: 'conversation' },
      { text: t('config.property_value.fixed'), value: 'fixed' },
    ];
    const propertyProblem = this.problem([...path, 'property']);
    const update = (change: Partial<TopicProperty>) =>
      this.updateProperty(topicIndex, index, change);
    return (
      <li class="row property-value" key={`${index}`}>
        <limel-select
          class="value-property"
          label={t('config.field.property')}
          options={properties}
          value={selected(properties, entry.property)}
          disabled={this.disabled}
          readonly={this.readonly}
          invalid={propertyProblem.invalid}
          onChange={(event: Event) => update({ property: selectEventValue(event) })}
        />
        <limel-select
          class="value-kind"
          label={t('config.property_value.kind')}
          options={kinds}
          value={selected(kinds, entry.value.kind)}
          disabled={this.disabled}
          readonly={this.readonly}
          onChange={(event: Event) =>
            update({
              value:
                selectEventValue(event) === 'fixed'
                  ? { kind: 'fixed', value: '' }
                  : { kind: 'conversation', field: 'subject' },
            })
          }
        />
        {entry.value.kind === 'conversation'
          ? this.renderConversationField(entry.value.field, path, update)
          : this.renderFixedValue(topic, entry, entry.value.value, path, update)}
        {this.locked ? null : (
          <limel-icon-button
            icon="trash"
            label={t('config.topics.remove_property')}
            onClick={() =>
              this.updateTopic(topicIndex, {
                properties: topic.properties.filter((_, each) => each !== index),
              })
            }
          />
        )}
        <IssueList
          t={t}
          errors={issuesUnder(this.errors ?? [], path)}
          warnings={issuesUnder(this.warnings ?? [], path)}
        />
      </li>
    );
  };

  private renderConversationField = (
    field: string,
    path: IssuePath,
    update: (change: Partial<TopicProperty>) => void,
  ) => {
    const t = this.t;
    const custom = field.startsWith(CUSTOM_FIELD_PREFIX);
    const options: Option[] = [
      ...CONVERSATION_FIELDS.map((each) => ({
        text: t(`config.conversation_field.${each.replace('.', '_')}`),
        value: each,
      })),
      { text: t('config.conversation_field.custom'), value: CUSTOM_FIELD },
    ];
    const problem = this.problem([...path, 'value', 'field']);
    return [
      <limel-select
        class="conversation-field"
        label={t('config.property_value.field')}
        options={selectOptions(
          options.map((option) => ({ value: option.value, text: option.text })),
          custom ? CUSTOM_FIELD : field,
        )}
        value={selected(options, custom ? CUSTOM_FIELD : field)}
        disabled={this.disabled}
        readonly={this.readonly}
        invalid={problem.invalid}
        onChange={(event: Event) => {
          const choice = selectEventValue(event);
          update({
            value: {
              kind: 'conversation',
              field: choice === CUSTOM_FIELD ? `${CUSTOM_FIELD_PREFIX}key` : choice,
            },
          });
        }}
      />,
      custom ? (
        <limel-input-field
          class="custom-key"
          label={t('config.property_value.custom_key')}
          value={field.slice(CUSTOM_FIELD_PREFIX.length)}
          required={true}
          disabled={this.disabled}
          readonly={this.readonly}
          onChange={(event: Event) => {
            const key = inputEventValue(event).trim();
            if (key) {
              update({ value: { kind: 'conversation', field: `${CUSTOM_FIELD_PREFIX}${key}` } });
            }
          }}
        />
      ) : null,
    ];
  };

  private renderFixedValue = (
    topic: Topic,
    entry: TopicProperty,
    value: string | number | boolean,
    path: IssuePath,
    update: (change: Partial<TopicProperty>) => void,
  ) => {
    const t = this.t;
    const meta = propertyMeta(this.allLimetypes, topic.limetype, entry.property);
    const problem = this.problem([...path, 'value', 'value']);
    const label = t('config.property_value.value');
    if (meta?.type === 'option') {
      const options: Option[] = selectOptions(
        (meta.options ?? []).map((option) => ({
          value: option.key,
          text: option.text || option.key,
        })),
        String(value),
      );
      return (
        <limel-select
          class="fixed-value"
          label={label}
          options={options}
          value={selected(options, String(value))}
          disabled={this.disabled}
          readonly={this.readonly}
          invalid={problem.invalid}
          onChange={(event: Event) =>
            update({ value: { kind: 'fixed', value: selectEventValue(event) } })
          }
        />
      );
    }
    if (meta?.type === 'yesno') {
      return (
        <limel-switch
          class="fixed-value"
          label={label}
          value={value === true}
          disabled={this.disabled}
          readonly={this.readonly}
          onChange={(event: Event) =>
            update({ value: { kind: 'fixed', value: checkedEventValue(event) } })
          }
        />
      );
    }
    const numeric = !!meta && NUMBER_TYPES.includes(meta.type);
    return (
      <limel-input-field
        class="fixed-value"
        label={label}
        type={numeric ? 'number' : 'text'}
        value={String(value)}
        disabled={this.disabled}
        readonly={this.readonly}
        invalid={problem.invalid}
        onChange={(event: Event) =>
          update({
            value: { kind: 'fixed', value: fixedValueFromText(inputEventValue(event), numeric) },
          })
        }
      />
    );
  };

  private setOpen(event: Event, index: number, open: boolean) {
    event.stopPropagation();
    const others = this.openTopics.filter((each) => each !== index);
    this.openTopics = open ? [...others, index] : others;
  }

  private addTopic = () => {
    const topics = this.value ?? [];
    this.openTopics = [...this.openTopics, topics.length];
    this.emit([...topics, newTopic(this.allLimetypes)]);
  };

  private removeTopic(index: number) {
    this.openTopics = this.openTopics
      .filter((each) => each !== index)
      .map((each) => (each > index ? each - 1 : each));
    this.emit(this.value.filter((_, each) => each !== index));
  }

  private updateTopic(index: number, change: Partial<Topic>) {
    // Spreading the stored topic first keeps keys this version does not know.
    this.emit(this.value.map((topic, each) => (each === index ? { ...topic, ...change } : topic)));
  }

  private updateAttachment(topicIndex: number, index: number, change: Partial<TopicAttachment>) {
    const topic = this.value[topicIndex];
    const attachments = topic.attachments.map((attachment, each) => {
      if (each !== index) {
        return attachment;
      }
      const next: TopicAttachment = { ...attachment, ...change };
      if (next.objectId === undefined) {
        delete next.objectId;
      }
      return next;
    });
    this.updateTopic(topicIndex, { attachments });
  }

  private updateProperty(topicIndex: number, index: number, change: Partial<TopicProperty>) {
    const topic = this.value[topicIndex];
    this.updateTopic(topicIndex, {
      properties: topic.properties.map((entry, each) =>
        each === index ? { ...entry, ...change } : entry,
      ),
    });
  }

  private emit(topics: Topic[]) {
    this.change.emit(topics);
  }

  private async searchObjects(limetype: string, text: string): Promise<ListItem<number>[]> {
    const query = findService<QueryService>(this.platform, Query);
    const descriptive = this.allLimetypes[limetype]?.descriptive;
    if (!query || !limetype) {
      return [];
    }
    try {
      const response = await query.execute({
        limetype,
        limit: 20,
        filter:
          descriptive && text.trim()
            ? { key: descriptive, op: LimeQueryOperator.LIKE, exp: text.trim() }
            : undefined,
        responseFormat: { object: { _id: null, _descriptive: null } },
      });
      return (response.objects ?? []).flatMap((object: unknown) => objectItem(object));
    } catch {
      return [];
    }
  }

  private requestName(limetype: string, id: number) {
    const key = `${limetype}:${id}`;
    const query = findService<QueryService>(this.platform, Query);
    if (this.requestedNames.has(key) || this.objectNames[key] || !query) {
      return;
    }
    this.requestedNames.add(key);
    query
      .execute({
        limetype,
        limit: 1,
        filter: { key: '_id', op: LimeQueryOperator.EQUALS, exp: id },
        responseFormat: { object: { _id: null, _descriptive: null } },
      })
      .then((response) => {
        const [item] = (response.objects ?? []).flatMap((object: unknown) => objectItem(object));
        if (item) {
          this.objectNames = { ...this.objectNames, [key]: item.text };
        }
      })
      .catch(() => undefined);
  }
}

function objectItem(object: unknown): ListItem<number>[] {
  if (!object || typeof object !== 'object') {
    return [];
  }
  const id = '_id' in object ? object._id : undefined;
  const text = '_descriptive' in object ? object._descriptive : undefined;
  return typeof id === 'number'
    ? [{ value: id, text: typeof text === 'string' && text ? text : `#${id}` }]
    : [];
}

function toSource(value: string): AttachmentSource {
  return ATTACHMENT_SOURCES.find((source) => source === value) ?? 'identified-person';
}
