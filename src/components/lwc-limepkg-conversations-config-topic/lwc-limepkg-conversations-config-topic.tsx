import { Component, Event, EventEmitter, Prop, h } from '@stencil/core';
import type { Option } from '@limetech/lime-elements';
import {
  historyTypeOptions,
  limetypeOptions,
  titlePropertyOptions,
  valuePropertyOptions,
  type Issue,
  type Topic,
  type TopicAttachment,
  type TopicProperty,
} from '../../config';
import type { LimePlatform, LimeTypes } from '../../lime';
import { selectOptions, selected } from '../shared/config-texts';
import { ConfigWidget, removeAt, replaceAt, rowEventDetail } from '../shared/config-widget';
import { IssueList } from '../shared/issue-list';
import { newAttachment } from '../lwc-limepkg-conversations-config-topics/topic-edits';
import {
  onCheckedChange,
  onInputChange,
  onSelectChange,
  typedHandler,
} from '../shared/typed-handler';

/** Issues of the topic itself, not of one of its attachments or property values. */
const isTopicLevel = (issue: Issue) =>
  issue.path.length === 1 || !['attachments', 'properties'].includes(String(issue.path[0]));

/**
 * One topic, the body of a section of the topics widget: the Lime Connect topic text, the
 * limetype a sent conversation creates, its title property and history note type, media import,
 * and the topic's default attachments and property values, each a row of its own.
 *
 * Controlled: emits `change` with the new topic and shows whatever `value` it is given back.
 *
 * @exampleComponent limepkg-conversations-example-config-topic
 */
@Component({
  tag: 'lwc-limepkg-conversations-config-topic',
  styleUrl: 'lwc-limepkg-conversations-config-topic.scss',
  shadow: true,
})
export class ConfigTopic {
  /** The topic. */
  @Prop()
  public value!: Topic;

  /** The limetypes to pick from (the topics widget's). */
  @Prop()
  public limetypes: LimeTypes = {};

  /** The Lime platform: query service (object names) and translations. */
  @Prop()
  public platform?: LimePlatform;

  /** Errors of the topic, paths relative to it (e.g. `['attachments', 1, 'property']`). */
  @Prop()
  public errors: Issue[] = [];

  /** Warnings of the topic, paths relative to it. */
  @Prop()
  public warnings: Issue[] = [];

  /** Shows the topic without letting it be changed. */
  @Prop()
  public readonly?: boolean;

  /** Disables every control. */
  @Prop()
  public disabled?: boolean;

  /** Emitted with the changed topic. */
  @Event()
  public change!: EventEmitter<Topic>;

  /** Emitted when the admin removes the topic. */
  @Event()
  public remove!: EventEmitter<void>;

  private widget = new ConfigWidget(this);

  public componentWillLoad() {
    return this.widget.textsReady();
  }

  public render() {
    const t = this.widget.t;
    return (
      <div class="topic-body">
        <div class="grid">
          {this.renderTopicText()}
          {this.renderLimetype()}
          {this.renderTitleProperty()}
          {this.renderHistoryType()}
          <limel-switch
            class="import-media"
            label={t('config.topics.import_media_files')}
            value={this.value.importMediaFiles}
            {...this.widget.field()}
            onChange={onCheckedChange((checked) => this.emit({ importMediaFiles: checked }))}
          />
        </div>
        <IssueList {...this.widget.issues([], isTopicLevel)} />
        {this.renderAttachments()}
        {this.renderProperties()}
        {this.widget.locked ? null : (
          <limel-button
            class="remove-topic"
            icon="trash"
            label={t('config.topics.remove', {
              topic: this.value.topic.trim() || t('config.topics.untitled'),
            })}
            onClick={() => this.remove.emit()}
          />
        )}
      </div>
    );
  }

  private renderTopicText = () => {
    const t = this.widget.t;
    const empty = !this.value.topic.trim();
    const field = this.widget.field(['topic']);
    return (
      <limel-input-field
        class="topic-text"
        label={t('config.topics.topic')}
        value={this.value.topic}
        required={true}
        {...field}
        invalid={field.invalid || empty}
        helperText={empty ? t('config.topics.topic_required') : t('config.topics.topic_hint')}
        onChange={onInputChange((text) => this.emit({ topic: text }))}
      />
    );
  };

  private renderLimetype = () => {
    const options = selectOptions(limetypeOptions(this.limetypes), this.value.limetype);
    return (
      <limel-select
        class="topic-limetype"
        label={this.widget.t('config.topics.limetype')}
        options={options}
        value={selected(options, this.value.limetype)}
        {...this.widget.field(['limetype'])}
        onChange={onSelectChange((value) => this.emit({ limetype: value }))}
      />
    );
  };

  private renderTitleProperty = () => {
    const { limetype, titleProperty } = this.value;
    const none: Option = { text: this.widget.t('config.topics.no_title_property'), value: '' };
    const options = [
      none,
      ...selectOptions(titlePropertyOptions(this.limetypes, limetype), titleProperty),
    ];
    return (
      <limel-select
        class="title-property"
        label={this.widget.t('config.topics.title_property')}
        options={options}
        value={selected(options, titleProperty ?? '')}
        {...this.widget.field(['titleProperty'])}
        onChange={onSelectChange((value) => this.emit({ titleProperty: value || undefined }))}
      />
    );
  };

  private renderHistoryType = () => {
    const label = this.widget.t('config.topics.history_type');
    const field = this.widget.field(['historyType']);
    const known = historyTypeOptions(this.limetypes);
    if (!known.length) {
      return (
        <limel-input-field
          class="history-type"
          label={label}
          value={this.value.historyType}
          {...field}
          onChange={onInputChange((text) => this.emit({ historyType: text }))}
        />
      );
    }
    const options = selectOptions(known, this.value.historyType);
    return (
      <limel-select
        class="history-type"
        label={label}
        options={options}
        value={selected(options, this.value.historyType)}
        {...field}
        onChange={onSelectChange((value) => this.emit({ historyType: value }))}
      />
    );
  };

  private renderAttachments = () =>
    this.renderSubsection('attachments', this.value.attachments.map(this.renderAttachment), {
      class: 'add-attachment',
      onClick: this.addAttachment,
    });

  private renderAttachment = (attachment: TopicAttachment, index: number) => {
    const { attachments } = this.value;
    return (
      <li class="attachment" key={`${index}`}>
        <lwc-limepkg-conversations-config-topic-attachment
          value={attachment}
          limetype={this.value.limetype}
          {...this.rowProps(['attachments', index])}
          onChange={typedHandler((event: CustomEvent<TopicAttachment>) =>
            this.emit({ attachments: replaceAt(attachments, index, rowEventDetail(event)) }),
          )}
          onRemove={() => this.emit({ attachments: removeAt(attachments, index) })}
        />
      </li>
    );
  };

  private renderProperties = () =>
    this.renderSubsection('properties', this.value.properties.map(this.renderProperty), {
      class: 'add-property',
      onClick: this.addProperty,
    });

  /** The attachments or the property values: heading, helper, rows (or none) and add button. */
  private renderSubsection = (
    name: 'attachments' | 'properties',
    rows: unknown[],
    add: { class: string; onClick: () => void },
  ) => {
    const t = this.widget.t;
    const singular = name === 'attachments' ? 'attachment' : 'property';
    return (
      <div class={`subsection ${name}`}>
        <h4>{t(`config.topics.${name}`)}</h4>
        <p class="helper">{t(`config.topics.${name}_helper`)}</p>
        {rows.length ? (
          <ul class="rows">{rows}</ul>
        ) : (
          <p class="empty">{t(`config.topics.no_${name}`)}</p>
        )}
        {this.widget.locked ? null : (
          <limel-button
            class={add.class}
            icon="plus_math"
            label={t(`config.topics.add_${singular}`)}
            onClick={add.onClick}
          />
        )}
      </div>
    );
  };

  private renderProperty = (entry: TopicProperty, index: number) => {
    const { properties } = this.value;
    return (
      <li class="property-value" key={`${index}`}>
        <lwc-limepkg-conversations-config-topic-property
          value={entry}
          limetype={this.value.limetype}
          {...this.rowProps(['properties', index])}
          onChange={typedHandler((event: CustomEvent<TopicProperty>) =>
            this.emit({ properties: replaceAt(properties, index, rowEventDetail(event)) }),
          )}
          onRemove={() => this.emit({ properties: removeAt(properties, index) })}
        />
      </li>
    );
  };

  /** What every row of the topic gets: the limetypes, platform, state and its own issues. */
  private rowProps(path: [string, number]) {
    const { errors, warnings } = this.widget.issues(path);
    return {
      limetypes: this.limetypes,
      platform: this.platform,
      readonly: this.readonly,
      disabled: this.disabled,
      errors,
      warnings,
    };
  }

  private addAttachment = () => {
    const attachment = newAttachment(this.limetypes, this.value);
    this.emit({ attachments: [...this.value.attachments, attachment] });
  };

  private addProperty = () => {
    const property = valuePropertyOptions(this.limetypes, this.value.limetype)[0]?.value ?? '';
    this.emit({
      properties: [
        ...this.value.properties,
        { property, value: { kind: 'conversation', field: 'subject' } },
      ],
    });
  };

  private emit(change: Partial<Topic>) {
    // The stored topic is spread first: keys this version does not know are kept.
    this.change.emit({ ...this.value, ...change });
  }
}
