import { Component, Element, Event, EventEmitter, Prop, State, h } from '@stencil/core';
import type { FormComponent, FormInfo, Option } from '@limetech/lime-elements';
import {
  CONTACT_FIELDS,
  CUSTOM_FIELD_PREFIX,
  MATCH_MODES,
  limetypeOptions,
  lookupPropertyOptions,
  lookupRuleSchema,
  type ContactField,
  type Issue,
  type LookupRule,
  type MatchMode,
} from '../../config';
import {
  Query,
  findService,
  queryOverService,
  type LimePlatform,
  type LimeTypes,
  type QueryService,
} from '../../lime';
import { runLookupSequence, type LookupContact } from '../../lookup';
import { selectOptions, selected } from '../shared/config-texts';
import { onInputChange, onSelectChange } from '../shared/typed-handler';
import { ConfigWidgetElement, patchAt, removeAt } from '../shared/config-widget';
import { IssueList } from '../shared/issue-list';
import { lookupReport, type LookupReport } from './lookup-report';
import { moveItem, rowIndexAt } from './reorder';

type SampleField = 'email' | 'mobileNumber' | 'phoneNumber' | 'name' | 'company';
const SAMPLE_FIELDS: SampleField[] = ['email', 'mobileNumber', 'phoneNumber', 'name', 'company'];
const CUSTOM_FIELD = 'custom';

/**
 * The Lime Admin form widget for the contact lookup rules: an ordered list (first match wins),
 * each rule mapping a Lime Connect contact field to a limetype's property with a match mode.
 * Rules are reordered by their drag handle, by the move buttons, or with Alt+ArrowUp/Down on a
 * focused rule. *Test lookup* runs the rules against a sample contact through the platform's
 * query service and says which rule matched which object, or what each rule tried.
 *
 * A `FormComponent` for `limel-form` (`value` in, `change` out).
 *
 * @exampleComponent limepkg-conversations-example-config-lookup-rules
 */
@Component({
  tag: 'lwc-limepkg-conversations-config-lookup-rules',
  styleUrl: 'lwc-limepkg-conversations-config-lookup-rules.scss',
  shadow: true,
})
export class ConfigLookupRules extends ConfigWidgetElement implements FormComponent<LookupRule[]> {
  /** The rules, in the order they are tried. */
  @Prop()
  public value: LookupRule[] = [];

  /** The field's label. */
  @Prop()
  public label?: string;

  /** Whether at least one rule is required. */
  @Prop()
  public required?: boolean;

  /** Shows the rules without letting them be changed. */
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

  /** The Lime platform: limetypes, query service and translations. */
  @Prop()
  public platform?: LimePlatform;

  /** The limetypes to pick from; read from the platform's limetypes state when not given. */
  @Prop()
  public limetypes?: LimeTypes;

  /** Errors of the rules, paths relative to the list (e.g. `[1, 'property']`). */
  @Prop()
  public errors: Issue[] = [];

  /** Warnings of the rules, paths relative to the list. */
  @Prop()
  public warnings: Issue[] = [];

  /** The country phone numbers without a country code belong to (for Test lookup). */
  @Prop()
  public defaultCountry = 'SE';

  /** Emitted with the new list of rules. */
  @Event()
  public change!: EventEmitter<LookupRule[]>;

  @Element()
  private host!: HTMLElement;

  @State()
  private sample: Record<SampleField, string> = {
    email: '',
    mobileNumber: '',
    phoneNumber: '',
    name: '',
    company: '',
  };

  @State()
  private testing = false;

  @State()
  private report?: LookupReport;

  /** While dragging: the rule picked up and where it would land. */
  @State()
  private drag?: { from: number; over: number; pointerId: number };

  private testAbort?: AbortController;
  private focusAfterRender?: number;

  public disconnectedCallback() {
    super.disconnectedCallback();
    this.testAbort?.abort();
  }

  public componentDidRender() {
    if (this.focusAfterRender === undefined) {
      return;
    }
    const row = this.host.shadowRoot?.querySelector<HTMLElement>(
      `[data-rule-index="${this.focusAfterRender}"]`,
    );
    this.focusAfterRender = undefined;
    row?.focus();
  }

  protected get frame() {
    const footer = this.renderTestLookup();
    return {
      class: 'lookup-rules',
      texts: 'config.lookup_rules',
      addClass: 'add-rule',
      onAdd: this.addRule,
      footer,
    };
  }

  protected renderList() {
    return (
      <ol
        class={{ rules: true, dragging: !!this.drag }}
        onPointerMove={this.handlePointerMove}
        onPointerUp={this.handlePointerUp}
        onPointerCancel={this.handlePointerCancel}
      >
        {this.value?.map(this.renderRule)}
      </ol>
    );
  }

  private renderRule = (rule: LookupRule, index: number) => {
    const t = this.widget.t;
    const count = this.value.length;
    const custom = rule.contactField.startsWith(CUSTOM_FIELD_PREFIX);
    const dropTarget = this.drag && this.drag.over === index && this.drag.from !== index;
    return (
      <li
        key={`${index}`}
        class={{
          rule: true,
          'is-dragged': this.drag?.from === index,
          'is-drop-target': !!dropTarget,
        }}
        data-rule-index={index}
        tabindex={this.widget.locked ? undefined : 0}
        aria-label={t('config.lookup_rules.rule_label', {
          number: index + 1,
          field: rule.contactField,
          limetype: rule.limetype,
          property: rule.property,
        })}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        onKeyDown={(event: KeyboardEvent) => this.handleRuleKeyDown(event, index)}
      >
        <span class="number" aria-hidden="true">
          {index + 1}
        </span>
        <div class="fields">
          {this.renderContactField(rule, index, custom)}
          {custom ? this.renderCustomKey(rule, index) : null}
          {this.renderLimetype(rule, index)}
          {this.renderProperty(rule, index)}
          {this.renderMatch(rule, index)}
          <IssueList {...this.widget.issues([index])} />
        </div>
        <div class="actions">
          <limel-icon-button
            icon="arrow_up"
            label={t('config.lookup_rules.move_up')}
            disabled={this.widget.locked || index === 0}
            onClick={() => this.move(index, index - 1)}
          />
          <limel-icon-button
            icon="arrow_down"
            label={t('config.lookup_rules.move_down')}
            disabled={this.widget.locked || index === count - 1}
            onClick={() => this.move(index, index + 1)}
          />
          <limel-icon-button
            icon="trash"
            label={t('config.lookup_rules.remove')}
            disabled={this.widget.locked}
            onClick={() => this.emit(removeAt(this.value, index))}
          />
          {this.widget.locked ? null : (
            // Pointer only: the move buttons and Alt+Arrow keys do the same by keyboard.
            <span
              class="handle"
              aria-hidden="true"
              onPointerDown={(event) => this.handlePointerDown(event, index)}
            >
              <limel-drag-handle dragDirection="vertical" />
            </span>
          )}
        </div>
      </li>
    );
  };

  private renderContactField = (rule: LookupRule, index: number, custom: boolean) => {
    const t = this.widget.t;
    const options: Option[] = [
      ...CONTACT_FIELDS.map((field) => ({
        text: t(`config.contact_field.${field}`),
        value: field,
      })),
      { text: t('config.contact_field.custom'), value: CUSTOM_FIELD },
    ];
    return (
      <limel-select
        class="contact-field"
        label={t('config.lookup_rules.contact_field')}
        options={options}
        value={selected(options, custom ? CUSTOM_FIELD : rule.contactField)}
        {...this.widget.field([index, 'contactField'])}
        onChange={onSelectChange((choice) => {
          const contactField: ContactField =
            choice === CUSTOM_FIELD ? `${CUSTOM_FIELD_PREFIX}key` : toContactField(choice);
          this.updateRule(index, {
            contactField,
            match:
              contactField === 'mobileNumber' || contactField === 'phoneNumber'
                ? 'phone'
                : rule.match === 'phone'
                  ? 'case-insensitive'
                  : rule.match,
          });
        })}
      />
    );
  };

  private renderCustomKey = (rule: LookupRule, index: number) => (
    <limel-input-field
      class="custom-key"
      label={this.widget.t('config.lookup_rules.custom_key')}
      value={rule.contactField.slice(CUSTOM_FIELD_PREFIX.length)}
      required={true}
      {...this.widget.field()}
      onChange={onInputChange((text) => {
        const key = text.trim();
        if (key) {
          this.updateRule(index, { contactField: `${CUSTOM_FIELD_PREFIX}${key}` });
        }
      })}
    />
  );

  private renderLimetype = (rule: LookupRule, index: number) => {
    const options = selectOptions(limetypeOptions(this.widget.limetypes), rule.limetype);
    return (
      <limel-select
        class="limetype"
        label={this.widget.t('config.field.limetype')}
        options={options}
        value={selected(options, rule.limetype)}
        {...this.widget.field([index, 'limetype'])}
        onChange={onSelectChange((limetype) => {
          const fits = lookupPropertyOptions(this.widget.limetypes, limetype, rule.contactField);
          const property = fits.some((option) => option.value === rule.property)
            ? rule.property
            : (fits[0]?.value ?? '');
          this.updateRule(index, { limetype, property });
        })}
      />
    );
  };

  private renderProperty = (rule: LookupRule, index: number) => {
    const options = selectOptions(
      lookupPropertyOptions(this.widget.limetypes, rule.limetype, rule.contactField),
      rule.property,
    );
    return (
      <limel-select
        class="property"
        label={this.widget.t('config.field.property')}
        options={options}
        value={selected(options, rule.property)}
        {...this.widget.field([index, 'property'])}
        onChange={onSelectChange((value) => {
          this.updateRule(index, { property: value });
        })}
      />
    );
  };

  private renderMatch = (rule: LookupRule, index: number) => {
    const options: Option[] = MATCH_MODES.map((mode) => ({
      text: this.widget.t(`config.match.${mode}`),
      value: mode,
    }));
    return (
      <limel-select
        class="match"
        label={this.widget.t('config.lookup_rules.match')}
        options={options}
        value={selected(options, rule.match)}
        {...this.widget.field([index, 'match'])}
        onChange={onSelectChange((value) => {
          this.updateRule(index, { match: toMatchMode(value) });
        })}
      />
    );
  };

  private renderTestLookup = () => {
    const t = this.widget.t;
    return (
      <section class="test-lookup" aria-labelledby="test-lookup-title">
        <h4 id="test-lookup-title">{t('config.test_lookup.title')}</h4>
        <div class="test-lookup-form" onKeyDown={this.handleTestKeyDown}>
          <p class="helper">{t('config.test_lookup.helper')}</p>
          <div class="sample">
            {SAMPLE_FIELDS.map((field) => (
              <limel-input-field
                class={`sample-${field}`}
                label={t(`config.contact_field.${field}`)}
                value={this.sample[field]}
                type={field === 'email' ? 'email' : field.endsWith('Number') ? 'tel' : 'text'}
                onChange={onInputChange((text) => {
                  this.sample = { ...this.sample, [field]: text };
                })}
              />
            ))}
          </div>
          <limel-button
            class="run-test"
            icon="search"
            label={t('config.test_lookup.run')}
            loading={this.testing}
            disabled={this.testing}
            onClick={this.runTestLookup}
          />
          {this.renderReport()}
        </div>
      </section>
    );
  };

  private renderReport = () => {
    if (!this.report) {
      return null;
    }
    return (
      <div class={`report report-${this.report.tone}`} role="status" aria-live="polite">
        <limel-callout
          heading={this.widget.t('config.test_lookup.result')}
          type={
            this.report.tone === 'success'
              ? 'tip'
              : this.report.tone === 'warning'
                ? 'warning'
                : 'note'
          }
          icon={this.report.tone === 'success' ? 'ok' : 'warning'}
        >
          <p class="report-heading">{this.report.heading}</p>
          <ul>
            {this.report.lines.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </limel-callout>
      </div>
    );
  };

  private handleTestKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !this.testing) {
      event.preventDefault();
      this.runTestLookup();
    }
  };

  private runTestLookup = async () => {
    const t = this.widget.t;
    const query = findService<QueryService>(this.platform, Query);
    if (!query) {
      this.report = {
        tone: 'warning',
        heading: t('config.test_lookup.no_query_service'),
        lines: [],
      };
      return;
    }
    // Rules still being written (no property yet) cannot run; the others are tested as they are.
    const rules = (this.value ?? []).map((rule) => lookupRuleSchema.safeParse(rule));
    const runnable = rules.flatMap((result) => (result.success ? [result.data] : []));
    const contact: LookupContact = { ...this.sample };
    this.testAbort?.abort();
    const abort = new AbortController();
    this.testAbort = abort;
    this.testing = true;
    this.report = undefined;
    try {
      const result = await runLookupSequence(runnable, contact, queryOverService(query), {
        signal: abort.signal,
        defaultCountry: this.defaultCountry,
      });
      if (!('aborted' in result && result.aborted)) {
        this.report = lookupReport(t, this.widget.limetypes, result);
      }
    } finally {
      if (this.testAbort === abort) {
        this.testing = false;
      }
    }
  };

  private handleRuleKeyDown = (event: KeyboardEvent, index: number) => {
    if (!event.altKey || this.widget.locked) {
      return;
    }
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      event.stopPropagation();
      this.move(index, event.key === 'ArrowUp' ? index - 1 : index + 1);
    }
  };

  private handlePointerDown = (event: PointerEvent, index: number) => {
    if (event.button !== 0) {
      return;
    }
    event.preventDefault();
    const list = this.host.shadowRoot?.querySelector('ol');
    list?.setPointerCapture?.(event.pointerId);
    this.drag = { from: index, over: index, pointerId: event.pointerId };
  };

  private handlePointerMove = (event: PointerEvent) => {
    if (!this.drag || event.pointerId !== this.drag.pointerId) {
      return;
    }
    const rows = Array.from(
      this.host.shadowRoot?.querySelectorAll<HTMLElement>('li.rule') ?? [],
    ).map((row) => {
      const rect = row.getBoundingClientRect();
      return { top: rect.top, height: rect.height };
    });
    const over = rowIndexAt(event.clientY, rows);
    if (over !== this.drag.over) {
      this.drag = { ...this.drag, over };
    }
  };

  private handlePointerUp = (event: PointerEvent) => {
    if (!this.drag || event.pointerId !== this.drag.pointerId) {
      return;
    }
    const { from, over } = this.drag;
    this.drag = undefined;
    if (from !== over) {
      this.move(from, over);
    }
  };

  private handlePointerCancel = () => {
    this.drag = undefined;
  };

  private move(from: number, to: number) {
    if (to < 0 || to >= this.value.length || from === to) {
      return;
    }
    this.focusAfterRender = to;
    this.emit(moveItem(this.value, from, to));
  }

  private addRule = () => {
    const limetype = this.widget.limetypes.person
      ? 'person'
      : (limetypeOptions(this.widget.limetypes)[0]?.value ?? '');
    const property =
      lookupPropertyOptions(this.widget.limetypes, limetype, 'email')[0]?.value ?? '';
    this.emit([
      ...(this.value ?? []),
      { contactField: 'email', limetype, property, match: 'case-insensitive' },
    ]);
  };

  private updateRule(index: number, change: Partial<LookupRule>) {
    this.emit(patchAt(this.value, index, change));
  }

  private emit(rules: LookupRule[]) {
    this.change.emit(rules);
  }
}

function toContactField(value: string): ContactField {
  const standard = CONTACT_FIELDS.find((field) => field === value);
  return standard ?? 'email';
}

function toMatchMode(value: string): MatchMode {
  return MATCH_MODES.find((mode) => mode === value) ?? 'exact';
}
