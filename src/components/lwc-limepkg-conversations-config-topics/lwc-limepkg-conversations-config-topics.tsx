import { Component, Event, EventEmitter, Prop, State, h } from '@stencil/core';
import type { FormComponent, FormInfo } from '@limetech/lime-elements';
import type { Issue, Topic } from '../../config';
import type { LimePlatform, LimeTypes } from '../../lime';
import { ConfigWidgetElement, removeAt, replaceAt, rowEventDetail } from '../shared/config-widget';
import { newTopic } from './topic-edits';
import { stoppedHandler, typedHandler } from '../shared/typed-handler';

/**
 * The Lime Admin form widget for topics: each Lime Connect topic maps to the limetype a sent
 * conversation creates, with the history note type, media import, the default attachments (which
 * relation is filled from the identified person, the identified company, the operator, or a fixed
 * object picked by name) and property values (fixed, or taken from the conversation).
 *
 * Each topic is a collapsible section holding a `lwc-limepkg-conversations-config-topic`.
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
export class ConfigTopics extends ConfigWidgetElement implements FormComponent<Topic[]> {
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

  /** Topics whose section is open (new ones open). */
  @State()
  private openTopics: number[] = [];

  protected get frame() {
    return { class: 'topics', texts: 'config.topics', addClass: 'add-topic', onAdd: this.addTopic };
  }

  protected renderList() {
    return this.value?.map(this.renderTopic);
  }

  private renderTopic = (topic: Topic, index: number) => {
    const limetypes = this.widget.limetypes;
    const hasErrors = this.widget.hasErrorsUnder([index]);
    const limetypeLabel = limetypes[topic.limetype]?.localname?.singular ?? topic.limetype;
    const header = topic.topic.trim() || this.widget.t('config.topics.untitled');
    const { errors, warnings } = this.widget.issues([index]);
    return (
      <limel-collapsible-section
        key={`${index}`}
        class={{ topic: true, 'has-errors': hasErrors }}
        header={limetypeLabel ? `${header} → ${limetypeLabel}` : header}
        isOpen={hasErrors || this.openTopics.includes(index)}
        onOpen={stoppedHandler(() => this.setOpen(index, true))}
        onClose={stoppedHandler(() => this.setOpen(index, false))}
      >
        <lwc-limepkg-conversations-config-topic
          value={topic}
          limetypes={limetypes}
          platform={this.platform}
          errors={errors}
          warnings={warnings}
          readonly={this.readonly}
          disabled={this.disabled}
          onChange={typedHandler((event: CustomEvent<Topic>) =>
            this.change.emit(replaceAt(this.value, index, rowEventDetail(event))),
          )}
          onRemove={() => this.removeTopic(index)}
        />
      </limel-collapsible-section>
    );
  };

  private setOpen(index: number, open: boolean) {
    const others = this.openTopics.filter((each) => each !== index);
    this.openTopics = open ? [...others, index] : others;
  }

  private addTopic = () => {
    const topics = this.value ?? [];
    this.openTopics = [...this.openTopics, topics.length];
    this.change.emit([...topics, newTopic(this.widget.limetypes)]);
  };

  private removeTopic(index: number) {
    this.openTopics = this.openTopics
      .filter((each) => each !== index)
      .map((each) => (each > index ? each - 1 : each));
    this.change.emit(removeAt(this.value, index));
  }
}
