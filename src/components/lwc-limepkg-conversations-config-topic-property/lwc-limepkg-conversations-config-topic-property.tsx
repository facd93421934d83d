import { Component, Event, EventEmitter, Prop, h } from '@stencil/core';
import type { Option } from '@limetech/lime-elements';
import {
  CONVERSATION_FIELDS,
  CUSTOM_FIELD_PREFIX,
  propertyMeta,
  valuePropertyOptions,
  type Issue,
  type TopicProperty,
} from '../../config';
import type { LimePlatform, LimeTypes } from '../../lime';
import { selectOptions, selected } from '../shared/config-texts';
import { onCheckedChange, onInputChange, onSelectChange } from '../shared/typed-handler';
import { ConfigWidget } from '../shared/config-widget';
import { IssueList } from '../shared/issue-list';
import { fixedValueFromText } from '../lwc-limepkg-conversations-config-topics/topic-edits';

const CUSTOM_FIELD = 'custom';
const NUMBER_TYPES = ['integer', 'decimal', 'percent'];

/**
 * One property value of a topic, a row of the topics widget: a property of the created object
 * and its value, either fixed (a select for options, a switch for yes/no, a field otherwise) or
 * taken from the conversation (its subject, the contact's company, a custom field, …).
 *
 * Controlled: emits `change` with the new property value and shows whatever `value` it is given.
 *
 * @exampleComponent limepkg-conversations-example-config-topic-property
 */
@Component({
  tag: 'lwc-limepkg-conversations-config-topic-property',
  styleUrl: 'lwc-limepkg-conversations-config-topic-property.scss',
  shadow: true,
})
export class ConfigTopicProperty {
  /** The property and its value. */
  @Prop()
  public value!: TopicProperty;

  /** The limetype the topic creates, whose property is set. */
  @Prop()
  public limetype = '';

  /** The limetypes to pick from (the topics widget's). */
  @Prop()
  public limetypes: LimeTypes = {};

  /** The Lime platform: translations. */
  @Prop()
  public platform?: LimePlatform;

  /** Errors of the property value, paths relative to it (e.g. `['value', 'field']`). */
  @Prop()
  public errors: Issue[] = [];

  /** Warnings of the property value, paths relative to it. */
  @Prop()
  public warnings: Issue[] = [];

  /** Shows the property value without letting it be changed. */
  @Prop()
  public readonly?: boolean;

  /** Disables every control. */
  @Prop()
  public disabled?: boolean;

  /** Emitted with the changed property value. */
  @Event()
  public change!: EventEmitter<TopicProperty>;

  /** Emitted when the admin removes the property value. */
  @Event()
  public remove!: EventEmitter<void>;

  private widget = new ConfigWidget(this);

  public componentWillLoad() {
    return this.widget.textsReady();
  }

  public render() {
    const t = this.widget.t;
    const properties = selectOptions(
      valuePropertyOptions(this.limetypes, this.limetype),
      this.value.property,
    );
    const kinds: Option[] = [
      { text: t('config.property_value.conversation'), value: 'conversation' },
      { text: t('config.property_value.fixed'), value: 'fixed' },
    ];
    const value = this.value.value;
    return (
      <div class="row property-value">
        <limel-select
          class="value-property"
          label={t('config.field.property')}
          options={properties}
          value={selected(properties, this.value.property)}
          {...this.widget.field(['property'])}
          onChange={onSelectChange((value) => this.emit({ property: value }))}
        />
        <limel-select
          class="value-kind"
          label={t('config.property_value.kind')}
          options={kinds}
          value={selected(kinds, value.kind)}
          {...this.widget.field()}
          onChange={onSelectChange((value) =>
            this.emit({
              value:
                value === 'fixed'
                  ? { kind: 'fixed', value: '' }
                  : { kind: 'conversation', field: 'subject' },
            }),
          )}
        />
        {value.kind === 'conversation'
          ? this.renderConversationField(value.field)
          : this.renderFixedValue(value.value)}
        {this.widget.locked ? null : (
          <limel-icon-button
            icon="trash"
            label={t('config.topics.remove_property')}
            onClick={() => this.remove.emit()}
          />
        )}
        <IssueList {...this.widget.issues([])} />
      </div>
    );
  }

  private renderConversationField = (field: string) => {
    const t = this.widget.t;
    const custom = field.startsWith(CUSTOM_FIELD_PREFIX);
    const options: Option[] = [
      ...CONVERSATION_FIELDS.map((each) => ({
        text: t(`config.conversation_field.${each.replace('.', '_')}`),
        value: each,
      })),
      { text: t('config.conversation_field.custom'), value: CUSTOM_FIELD },
    ];
    const choice = custom ? CUSTOM_FIELD : field;
    return [
      <limel-select
        class="conversation-field"
        label={t('config.property_value.field')}
        options={selectOptions(options, choice)}
        value={selected(options, choice)}
        {...this.widget.field(['value', 'field'])}
        onChange={onSelectChange((picked) => {
          const next = picked === CUSTOM_FIELD ? `${CUSTOM_FIELD_PREFIX}key` : picked;
          this.emit({ value: { kind: 'conversation', field: next } });
        })}
      />,
      custom ? (
        <limel-input-field
          class="custom-key"
          label={t('config.property_value.custom_key')}
          value={field.slice(CUSTOM_FIELD_PREFIX.length)}
          required={true}
          {...this.widget.field()}
          onChange={onInputChange((text) => {
            const key = text.trim();
            if (key) {
              this.emit({ value: { kind: 'conversation', field: `${CUSTOM_FIELD_PREFIX}${key}` } });
            }
          })}
        />
      ) : null,
    ];
  };

  private renderFixedValue = (value: string | number | boolean) => {
    const meta = propertyMeta(this.limetypes, this.limetype, this.value.property);
    const label = this.widget.t('config.property_value.value');
    const field = this.widget.field(['value', 'value']);
    if (meta?.type === 'option') {
      const options = selectOptions(
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
          {...field}
          onChange={onSelectChange((value) => this.emitFixed(value))}
        />
      );
    }
    if (meta?.type === 'yesno') {
      return (
        <limel-switch
          class="fixed-value"
          label={label}
          value={value === true}
          {...this.widget.field()}
          onChange={onCheckedChange((checked) => this.emitFixed(checked))}
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
        {...field}
        onChange={onInputChange((text) => this.emitFixed(fixedValueFromText(text, numeric)))}
      />
    );
  };

  private emitFixed(value: string | number | boolean) {
    this.emit({ value: { kind: 'fixed', value } });
  }

  private emit(change: Partial<TopicProperty>) {
    // The stored entry is spread first: keys this version does not know are kept.
    this.change.emit({ ...this.value, ...change });
  }
}
