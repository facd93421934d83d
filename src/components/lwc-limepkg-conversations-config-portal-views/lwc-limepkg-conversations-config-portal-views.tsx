import { Component, Event, EventEmitter, Prop, State, h } from '@stencil/core';
import type { FormComponent, FormInfo } from '@limetech/lime-elements';
import {
  aggregationRelationOptions,
  limetypeOptions,
  propertyOptions,
  type Issue,
  type PortalAggregation,
  type PortalView,
} from '../../config';
import type { LimePlatform, LimeTypes } from '../../lime';
import { selectOptions, selected } from '../shared/config-texts';
import { onInputChange, onSelectChange, onSelectValuesChange } from '../shared/typed-handler';
import { ConfigWidgetElement, patchAt, removeAt } from '../shared/config-widget';
import { IssueList } from '../shared/issue-list';
import { filterText, parseFilterText } from './filter-text';

const isViewLevel = (issue: Issue) => issue.path[0] !== 'aggregations';

/**
 * The Lime Admin form widget for the Portal views: per limetype, the properties the operator
 * sees in the overview and the aggregation sections of related objects (title, relation, an
 * optional Lime Query filter, how many to list).
 *
 * A `FormComponent` for `limel-form` (`value` in, `change` out).
 *
 * @exampleComponent limepkg-conversations-example-config-portal-views
 */
@Component({
  tag: 'lwc-limepkg-conversations-config-portal-views',
  styleUrl: 'lwc-limepkg-conversations-config-portal-views.scss',
  shadow: true,
})
export class ConfigPortalViews extends ConfigWidgetElement implements FormComponent<PortalView[]> {
  /** The views, one per limetype. */
  @Prop()
  public value: PortalView[] = [];

  /** The field's label. */
  @Prop()
  public label?: string;

  /** Whether at least one view is required. */
  @Prop()
  public required?: boolean;

  /** Shows the views without letting them be changed. */
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

  /** Errors of the views, paths relative to the list (e.g. `[0, 'aggregations', 1, 'relation']`). */
  @Prop()
  public errors: Issue[] = [];

  /** Warnings of the views, paths relative to the list. */
  @Prop()
  public warnings: Issue[] = [];

  /** Emitted with the new list of views. */
  @Event()
  public change!: EventEmitter<PortalView[]>;

  /** Filter texts being typed that are not a valid filter (yet), by `view:aggregation`. */
  @State()
  private filterDrafts: Record<string, string> = {};

  protected get frame() {
    return {
      class: 'views',
      texts: 'config.portal_views',
      addClass: 'add-view',
      onAdd: this.addView,
    };
  }

  protected renderList() {
    return this.value?.map(this.renderView);
  }

  private renderView = (view: PortalView, index: number) => {
    const t = this.widget.t;
    const limetypes = selectOptions(limetypeOptions(this.widget.limetypes), view.limetype);
    const properties = selectOptions(propertyOptions(this.widget.limetypes, view.limetype));
    view.properties
      .filter((name) => !properties.some((option) => option.value === name))
      .forEach((name) => properties.push({ text: `${name} ?`, value: name }));
    const hasErrors = this.widget.hasErrorsUnder([index]);
    const title = this.widget.limetypes[view.limetype]?.localname?.singular ?? view.limetype;
    return (
      <limel-collapsible-section
        key={`${index}`}
        class="view"
        header={title || t('config.portal_views.untitled')}
        isOpen={hasErrors}
      >
        <div class="view-body">
          <div class="grid">
            <limel-select
              class="view-limetype"
              label={t('config.field.limetype')}
              options={limetypes}
              value={selected(limetypes, view.limetype)}
              {...this.widget.field([index, 'limetype'])}
              onChange={onSelectChange((value) =>
                this.updateView(index, {
                  limetype: value,
                  properties: [],
                  aggregations: [],
                }),
              )}
            />
            <limel-select
              class="view-properties"
              label={t('config.portal_views.properties')}
              options={properties}
              multiple={true}
              value={view.properties.flatMap((name) => {
                const option = selected(properties, name);
                return option ? [option] : [];
              })}
              {...this.widget.field()}
              invalid={this.widget.hasErrorsUnder([index, 'properties'])}
              onChange={onSelectValuesChange((values) =>
                this.updateView(index, { properties: values }),
              )}
            />
          </div>
          <IssueList {...this.widget.issues([index], isViewLevel)} />
          <h4>{t('config.portal_views.aggregations')}</h4>
          {view.aggregations.length ? (
            <ul class="rows">
              {view.aggregations.map((aggregation, each) =>
                this.renderAggregation(view, index, aggregation, each),
              )}
            </ul>
          ) : (
            <p class="empty">{t('config.portal_views.no_aggregations')}</p>
          )}
          {this.widget.locked
            ? null
            : [
                <limel-button
                  class="add-aggregation"
                  icon="plus_math"
                  label={t('config.portal_views.add_aggregation')}
                  onClick={() => this.addAggregation(view, index)}
                />,
                <limel-button
                  class="remove-view"
                  icon="trash"
                  label={t('config.portal_views.remove', { limetype: title })}
                  onClick={() => this.emit(removeAt(this.value, index))}
                />,
              ]}
        </div>
      </limel-collapsible-section>
    );
  };

  private renderAggregation = (
    view: PortalView,
    viewIndex: number,
    aggregation: PortalAggregation,
    index: number,
  ) => {
    const t = this.widget.t;
    const path = [viewIndex, 'aggregations', index];
    const relations = selectOptions(
      aggregationRelationOptions(this.widget.limetypes, view.limetype),
      aggregation.relation,
    );
    const draftKey = `${viewIndex}:${index}`;
    const draft = this.filterDrafts[draftKey];
    const update = (change: Partial<PortalAggregation>) =>
      this.updateAggregation(viewIndex, index, change);
    return (
      <li class="row aggregation" key={`${index}`}>
        <limel-input-field
          class="aggregation-title"
          label={t('config.portal_views.aggregation_title')}
          value={aggregation.title}
          required={true}
          {...this.widget.field()}
          invalid={!aggregation.title.trim()}
          onChange={onInputChange((text) => update({ title: text }))}
        />
        <limel-select
          class="aggregation-relation"
          label={t('config.portal_views.relation')}
          options={relations}
          value={selected(relations, aggregation.relation)}
          {...this.widget.field([...path, 'relation'])}
          onChange={onSelectChange((value) => update({ relation: value }))}
        />
        <limel-input-field
          class="aggregation-limit"
          label={t('config.portal_views.limit')}
          type="number"
          value={String(aggregation.limit)}
          {...this.widget.field()}
          onChange={onInputChange((text) => {
            const limit = Number(text);
            if (Number.isInteger(limit) && limit >= 1 && limit <= 50) {
              update({ limit });
            }
          })}
        />
        <limel-input-field
          class="aggregation-filter"
          label={t('config.portal_views.filter')}
          type="textarea"
          value={draft ?? filterText(aggregation.filter)}
          invalid={draft !== undefined}
          helperText={
            draft !== undefined
              ? t('config.portal_views.filter_invalid')
              : t('config.portal_views.filter_hint')
          }
          {...this.widget.field()}
          onChange={onInputChange((text) => this.handleFilterText(draftKey, text, update))}
        />
        {this.widget.locked ? null : (
          <limel-icon-button
            icon="trash"
            label={t('config.portal_views.remove_aggregation')}
            onClick={() =>
              this.updateView(viewIndex, { aggregations: removeAt(view.aggregations, index) })
            }
          />
        )}
        <IssueList {...this.widget.issues(path)} />
      </li>
    );
  };

  private handleFilterText(
    draftKey: string,
    text: string,
    update: (change: Partial<PortalAggregation>) => void,
  ) {
    const parsed = parseFilterText(text);
    const others = Object.fromEntries(
      Object.entries(this.filterDrafts).filter(([key]) => key !== draftKey),
    );
    if (!parsed.ok) {
      // Keep what was typed, unsaved, until it reads as a filter: nothing typed is lost.
      this.filterDrafts = { ...others, [draftKey]: text };
      return;
    }
    this.filterDrafts = others;
    update({ filter: parsed.filter });
  }

  private addView = () => {
    const taken = new Set((this.value ?? []).map((view) => view.limetype));
    const limetype =
      limetypeOptions(this.widget.limetypes).find((option) => !taken.has(option.value))?.value ??
      '';
    this.emit([...(this.value ?? []), { limetype, properties: [], aggregations: [] }]);
  };

  private addAggregation(view: PortalView, index: number) {
    const relation = aggregationRelationOptions(this.widget.limetypes, view.limetype)[0];
    this.updateView(index, {
      aggregations: [
        ...view.aggregations,
        {
          title: relation?.text.replace(/ \(.*\)$/, '') ?? '',
          relation: relation?.value ?? '',
          limit: 5,
        },
      ],
    });
  }

  private updateView(index: number, change: Partial<PortalView>) {
    this.emit(patchAt(this.value, index, change));
  }

  private updateAggregation(viewIndex: number, index: number, change: Partial<PortalAggregation>) {
    const view = this.value[viewIndex];
    const aggregations = view.aggregations.map((aggregation, each) => {
      if (each !== index) {
        return aggregation;
      }
      const next: PortalAggregation = { ...aggregation, ...change };
      if ('filter' in change && change.filter === undefined) {
        delete next.filter;
      }
      return next;
    });
    this.updateView(viewIndex, { aggregations });
  }

  private emit(views: PortalView[]) {
    this.change.emit(views);
  }
}
