import { Component, Event, EventEmitter, Prop, h } from '@stencil/core';
import type { FormComponent, FormInfo } from '@limetech/lime-elements';
import { issuesAt, type Issue } from '../../config';
import { bundledTextsReady, translator, type LimePlatform } from '../../lime';
import { fieldProblem } from '../shared/config-texts';
import { onInputChange } from '../shared/typed-handler';

/**
 * The Lime Admin form widget for the Lime Connect origins allowed to frame the Portal: one field
 * an origin, each named "Origin 1", "Origin 2", …, removed by its own button, added with *Add
 * origin*. (limel-form's own list would name them after the list, "…origins-1".)
 *
 * A `FormComponent` for `limel-form` (`value` in, `change` out).
 */
@Component({
  tag: 'lwc-limepkg-conversations-config-origins',
  styleUrl: 'lwc-limepkg-conversations-config-origins.scss',
  shadow: true,
})
export class ConfigOrigins implements FormComponent<string[]> {
  /** The origins, e.g. `https://app.lime-connect.com`. */
  @Prop()
  public value: string[] = [];

  /** The field's label. */
  @Prop()
  public label?: string;

  /** Whether at least one origin is required. */
  @Prop()
  public required?: boolean;

  /** Shows the origins without letting them be changed. */
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

  /** The Lime platform: translations. */
  @Prop()
  public platform?: LimePlatform;

  /** Errors of the origins, paths relative to the list (e.g. `[1]`). */
  @Prop()
  public errors: Issue[] = [];

  /** Warnings of the origins, paths relative to the list. */
  @Prop()
  public warnings: Issue[] = [];

  /** Emitted with the new list of origins. */
  @Event()
  public change!: EventEmitter<string[]>;

  /** Our texts are fetched first when the platform lacks them, so no key ever shows. */
  public componentWillLoad() {
    return bundledTextsReady(this.platform);
  }

  public render() {
    const origins = this.value ?? [];
    const locked = !!this.readonly || !!this.disabled;
    return (
      <section class="origins" aria-label={this.label}>
        {this.label ? <h3 class="heading">{this.label}</h3> : null}
        <p class="helper">{this.helperText || this.t('config.origins.helper')}</p>
        <ul>{origins.map(this.renderOrigin)}</ul>
        {locked ? null : (
          <limel-button
            class="add-origin"
            icon="plus_math"
            label={this.t('config.origins.add')}
            onClick={() => this.change.emit([...origins, ''])}
          />
        )}
      </section>
    );
  }

  private get t() {
    return translator(this.platform);
  }

  private renderOrigin = (origin: string, index: number) => {
    const t = this.t;
    const problem = fieldProblem(
      t,
      issuesAt(this.errors ?? [], [index]),
      issuesAt(this.warnings ?? [], [index]),
    );
    return (
      <li key={`${index}`}>
        <limel-input-field
          class="origin"
          label={t('config.origins.origin', { number: index + 1 })}
          value={origin}
          type="url"
          placeholder="https://app.lime-connect.com"
          required={true}
          disabled={this.disabled}
          readonly={this.readonly}
          invalid={problem.invalid}
          helperText={problem.text}
          onChange={onInputChange((text) => {
            const next = [...this.value];
            next[index] = text.trim();
            this.change.emit(next);
          })}
        />
        {this.readonly || this.disabled ? null : (
          <limel-icon-button
            icon="trash"
            label={t('config.origins.remove', { number: index + 1 })}
            onClick={() => this.change.emit(this.value.filter((_, each) => each !== index))}
          />
        )}
      </li>
    );
  };
}
