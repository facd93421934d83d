import { Component, Event, EventEmitter, Prop, State, Watch, h } from '@stencil/core';
import type { LimelPickerCustomEvent, ListItem, Option } from '@limetech/lime-elements';
import {
  ATTACHMENT_SOURCES,
  attachmentPropertyOptions,
  relatedLimetype,
  type AttachmentSource,
  type Issue,
  type TopicAttachment,
} from '../../config';
import {
  Query,
  findService,
  type LimePlatform,
  type LimeTypes,
  type QueryService,
} from '../../lime';
import { selectOptions, selected } from '../shared/config-texts';
import { onSelectChange, stoppedHandler } from '../shared/typed-handler';
import { ConfigWidget } from '../shared/config-widget';
import { IssueList } from '../shared/issue-list';
import { objectName, searchObjects } from './object-names';

/**
 * One default attachment of a topic, a row of the topics widget: which relation of the created
 * object is filled, and from what (the identified person or company, the operator, or a fixed
 * object picked by name). The name of a fixed object is looked up when the row gets its value,
 * never while rendering.
 *
 * Controlled: emits `change` with the new attachment and shows whatever `value` it is given back.
 *
 * @exampleComponent limepkg-conversations-example-config-topic-attachment
 */
@Component({
  tag: 'lwc-limepkg-conversations-config-topic-attachment',
  styleUrl: 'lwc-limepkg-conversations-config-topic-attachment.scss',
  shadow: true,
})
export class ConfigTopicAttachment {
  /** The attachment. */
  @Prop()
  public value!: TopicAttachment;

  /** The limetype the topic creates, whose relation the attachment fills. */
  @Prop()
  public limetype = '';

  /** The limetypes to pick from (the topics widget's). */
  @Prop()
  public limetypes: LimeTypes = {};

  /** The Lime platform: query service (object names) and translations. */
  @Prop()
  public platform?: LimePlatform;

  /** Errors of the attachment, paths relative to it (e.g. `['property']`). */
  @Prop()
  public errors: Issue[] = [];

  /** Warnings of the attachment, paths relative to it. */
  @Prop()
  public warnings: Issue[] = [];

  /** Shows the attachment without letting it be changed. */
  @Prop()
  public readonly?: boolean;

  /** Disables every control. */
  @Prop()
  public disabled?: boolean;

  /** Emitted with the changed attachment. */
  @Event()
  public change!: EventEmitter<TopicAttachment>;

  /** Emitted when the admin removes the attachment. */
  @Event()
  public remove!: EventEmitter<void>;

  /** The descriptive of the fixed object, for the object it was looked up for. */
  @State()
  private fixedObject?: { key: string; name: string };

  private widget = new ConfigWidget(this);
  private pendingName?: string;

  public componentWillLoad() {
    this.lookUpObjectName();
    return this.widget.textsReady();
  }

  @Watch('value')
  @Watch('limetype')
  @Watch('limetypes')
  private lookUpObjectName() {
    const key = this.objectKey;
    if (!key || this.fixedObject?.key === key || this.pendingName === key) {
      return;
    }
    this.pendingName = key;
    const [limetype, id] = [this.objectLimetype ?? '', this.value.objectId ?? 0];
    objectName(this.query, limetype, id).then((name) => {
      if (this.pendingName === key) {
        this.pendingName = undefined;
        this.fixedObject = name ? { key, name } : this.fixedObject;
      }
    });
  }

  public render() {
    const t = this.widget.t;
    return (
      <div class="row attachment">
        {this.renderSource()}
        <limel-select
          class="attachment-property"
          label={t('config.topics.attachment_property')}
          options={this.relations}
          value={selected(this.relations, this.value.property)}
          {...this.widget.field(['property'])}
          onChange={onSelectChange((value) => this.emit({ property: value }))}
        />
        {this.value.source === 'fixed' ? this.renderFixedObject() : null}
        {this.widget.locked ? null : (
          <limel-icon-button
            icon="trash"
            label={t('config.topics.remove_attachment')}
            onClick={() => this.remove.emit()}
          />
        )}
        <IssueList {...this.widget.issues([])} />
      </div>
    );
  }

  private get relations(): Option[] {
    const fits = attachmentPropertyOptions(this.limetypes, this.limetype, this.value.source);
    return selectOptions(fits, this.value.property);
  }

  private get objectLimetype(): string | undefined {
    return relatedLimetype(this.limetypes, this.limetype, this.value.property);
  }

  private get objectKey(): string | undefined {
    const limetype = this.objectLimetype;
    const id = this.value?.objectId;
    return this.value?.source === 'fixed' && limetype && id !== undefined
      ? `${limetype}:${id}`
      : undefined;
  }

  private get query(): QueryService | undefined {
    return findService<QueryService>(this.platform, Query);
  }

  private renderSource = () => {
    const t = this.widget.t;
    const sources: Option[] = ATTACHMENT_SOURCES.map((source) => ({
      text: t(`config.attachment_source.${source}`),
      value: source,
    }));
    return (
      <limel-select
        class="attachment-source"
        label={t('config.topics.attachment_source')}
        options={sources}
        value={selected(sources, this.value.source)}
        {...this.widget.field()}
        onChange={onSelectChange((value) => this.changeSource(toSource(value)))}
      />
    );
  };

  private renderFixedObject = () => {
    const limetype = this.objectLimetype;
    const id = this.value.objectId;
    const name = this.fixedObject?.key === this.objectKey ? this.fixedObject?.name : undefined;
    const value: ListItem<number> | undefined =
      id === undefined ? undefined : { text: name ?? `#${id}`, value: id };
    const field = this.widget.field(['objectId']);
    return (
      <limel-picker
        class="attachment-object"
        label={this.widget.t('config.topics.attachment_object')}
        value={value}
        required={true}
        {...field}
        disabled={field.disabled || !limetype}
        helperText={this.widget.t('config.topics.attachment_object_hint')}
        searcher={(text: string) => searchObjects(this.query, this.limetypes, limetype ?? '', text)}
        onChange={stoppedHandler((event: LimelPickerCustomEvent<ListItem | null>) =>
          this.pickObject(event.detail, limetype),
        )}
      />
    );
  };

  private changeSource(source: AttachmentSource) {
    const fits = attachmentPropertyOptions(this.limetypes, this.limetype, source);
    const property = fits.some((option) => option.value === this.value.property)
      ? this.value.property
      : (fits[0]?.value ?? this.value.property);
    this.emit({
      source,
      property,
      objectId: source === 'fixed' ? this.value.objectId : undefined,
    });
  }

  private pickObject(item: ListItem | null, limetype: string | undefined) {
    const picked =
      item && typeof item.value === 'number' ? { id: item.value, name: item.text } : undefined;
    if (picked && limetype) {
      // The picker named it already: no lookup needed.
      this.fixedObject = { key: `${limetype}:${picked.id}`, name: picked.name };
    }
    this.emit({ objectId: picked?.id });
  }

  private emit(change: Partial<TopicAttachment>) {
    const next: TopicAttachment = { ...this.value, ...change };
    if (next.objectId === undefined) {
      delete next.objectId;
    }
    this.change.emit(next);
  }
}

function toSource(value: string): AttachmentSource {
  return ATTACHMENT_SOURCES.find((source) => source === value) ?? 'identified-person';
}
