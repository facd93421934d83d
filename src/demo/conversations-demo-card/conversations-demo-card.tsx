import { Component, Host, State, h } from '@stencil/core';
import type { Tab } from '@limetech/lime-elements';
import {
  CommandBus,
  CreateLimeobjectDialogCommand,
  LimeObjectRepository,
  subscribeLimetypes,
  Subscriptions,
  getService,
  translator,
  type CommandBusService,
  type LimeObjectData,
  type LimePlatform,
  type LimeTypes,
} from '../../lime';
import { demoLanguage, getDemoEmulator } from '../demo-emulator';
import {
  descriptiveOf,
  displayValue,
  findObject,
  overviewProperties,
  relationsOf,
  type CardRelation,
  type ObjectsByLimetype,
} from './card-model';

type CardTab = 'relations' | 'history';

const CARD_LIMETYPES = ['helpdesk', 'company', 'person', 'deal', 'coworker'];

/**
 * A stand-in for the Lime CRM webclient's object card: the object's overview, its relations
 * (each with a Create button that issues the real `limeobject.create-dialog` command through the
 * command bus) and its History, where notes render through the package's history-note component.
 * Which object is shown comes from `?limetype=…&id=…` (default: helpdesk ticket 1001).
 */
@Component({
  tag: 'conversations-demo-card',
  styleUrl: 'conversations-demo-card.scss',
  shadow: true,
})
export class ConversationsDemoCard {
  @State()
  private limetypes: LimeTypes = {};

  @State()
  private objects: ObjectsByLimetype = {};

  @State()
  private tab: CardTab = 'relations';

  private platform: LimePlatform = getDemoEmulator().platform;
  private subscriptions = new Subscriptions();
  private limetype = 'helpdesk';
  private id = 1001;

  public connectedCallback() {
    const params = new URLSearchParams(location.search);
    this.limetype = params.get('limetype') ?? 'helpdesk';
    this.id = Number(params.get('id') ?? 1001);
    this.tab = params.get('tab') === 'history' ? 'history' : 'relations';
    this.subscriptions.add(
      subscribeLimetypes(this.platform, (limetypes) => {
        this.limetypes = limetypes;
      }),
    );
    this.subscriptions.subscribe<ObjectsByLimetype>(
      this.platform,
      LimeObjectRepository,
      (objects) => {
        this.objects = objects;
      },
    );
  }

  public disconnectedCallback() {
    this.subscriptions.clear();
  }

  public render() {
    const t = translator(this.platform);
    const limetype = this.limetypes[this.limetype];
    const object = findObject(this.objects, this.limetype, this.id);
    if (!limetype || !object) {
      return (
        <Host>
          {this.renderObjectPicker()}
          <limel-callout type="warning">
            {t('demo.card.not_found', { limetype: this.limetype, id: this.id })}
          </limel-callout>
        </Host>
      );
    }
    const relations = relationsOf(this.limetypes, this.objects, this.limetype, this.id);
    const history = relations.find((relation) => relation.limetype.name === 'history');
    const others = relations.filter((relation) => relation !== history);
    const tabs: Tab[] = [
      { id: 'relations', text: t('demo.tabs.relations'), active: this.tab === 'relations' },
      {
        id: 'history',
        text: t('demo.tabs.history'),
        active: this.tab === 'history',
        badge: history?.objects.length ?? 0,
      },
    ];
    return (
      <Host>
        {this.renderObjectPicker()}
        <article class="card" aria-label={descriptiveOf(object, limetype)}>
          {this.renderHeader(object)}
          {this.renderOverview(object)}
          <limel-tab-bar tabs={tabs} onChangeTab={this.handleChangeTab} />
          <section class="tab-content" aria-live="polite">
            {this.tab === 'relations'
              ? others.map(this.renderRelation)
              : this.renderHistory(history)}
          </section>
        </article>
      </Host>
    );
  }

  private renderObjectPicker = () => {
    const current = `${this.limetype}:${this.id}`;
    return (
      <label class="object-picker">
        <span>{translator(this.platform)('demo.card.open_object')}</span>
        <select onChange={this.handleOpenObject}>
          {CARD_LIMETYPES.map((name) => {
            const limetype = this.limetypes[name];
            return (
              <optgroup label={limetype?.localname.plural ?? name}>
                {(this.objects[name] ?? []).map((object) => (
                  <option
                    value={`${name}:${object.id}`}
                    selected={`${name}:${object.id}` === current}
                  >
                    {descriptiveOf(object, limetype)}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </label>
    );
  };

  private renderHeader = (object: LimeObjectData) => {
    const limetype = this.limetypes[this.limetype];
    return (
      <limel-header
        class="card-header"
        icon={limetype.icon ?? 'document'}
        heading={descriptiveOf(object, limetype)}
        subheading={`${limetype.localname.singular} · #${object.id}`}
      />
    );
  };

  private renderOverview = (object: LimeObjectData) => {
    const limetype = this.limetypes[this.limetype];
    const locale = demoLanguage();
    const fields = overviewProperties(limetype)
      .map((property) => ({
        property,
        text: displayValue(property, object[property.name], this.limetypes, this.objects, locale),
      }))
      .filter(({ text }) => text !== '');
    return (
      <dl class="overview">
        {fields.map(({ property, text }) => (
          <div class="field">
            <dt>{property.localname ?? property.label}</dt>
            <dd>{this.renderFieldValue(property.type, text, object[property.name])}</dd>
          </div>
        ))}
      </dl>
    );
  };

  private renderFieldValue = (type: string, text: string, value: unknown) => {
    if (type === 'link' && typeof value === 'string' && /^https?:\/\//i.test(value)) {
      return (
        <a href={value} target="_blank" rel="noopener noreferrer">
          {text}
        </a>
      );
    }
    return text;
  };

  private renderRelation = (relation: CardRelation) => {
    const t = translator(this.platform);
    const headingId = `relation-${relation.property.name}`;
    return (
      <section class="relation" aria-labelledby={headingId} data-relation={relation.property.name}>
        <header>
          <h2 id={headingId}>
            {relation.property.localname ?? relation.limetype.localname.plural}
            <span class="count">{relation.objects.length}</span>
          </h2>
          <limel-button
            label={t('demo.relations.create')}
            icon="plus_math"
            onClick={() => this.createRelated(relation)}
          />
        </header>
        {relation.objects.length > 0 ? (
          <ul class="related-objects">
            {relation.objects.map((object) => this.renderRelatedObject(relation, object))}
          </ul>
        ) : (
          <p class="empty">
            {t('demo.relations.empty', {
              limetype: relation.limetype.localname.plural.toLowerCase(),
            })}
          </p>
        )}
      </section>
    );
  };

  private renderRelatedObject = (relation: CardRelation, object: LimeObjectData) => {
    const secondaryText = this.secondaryTextOf(relation, object);
    return (
      <li key={object.id}>
        <limel-icon name={relation.limetype.icon ?? 'document'} size="small" />
        <a href={this.cardUrl(relation.limetype.name, object.id)}>
          {descriptiveOf(object, relation.limetype)}
        </a>
        {secondaryText ? <span class="secondary">{secondaryText}</span> : null}
      </li>
    );
  };

  private secondaryTextOf(relation: CardRelation, object: LimeObjectData): string | undefined {
    const locale = demoLanguage();
    const parts = Object.values(relation.limetype.properties)
      .filter((property) => ['option', 'link', 'time', 'date'].includes(property.type))
      .slice(0, 2)
      .map((property) =>
        displayValue(property, object[property.name], this.limetypes, this.objects, locale),
      )
      .filter((text) => text !== '');
    return parts.length ? parts.join(' · ') : undefined;
  }

  private renderHistory = (history: CardRelation | undefined) => {
    const t = translator(this.platform);
    const notes = [...(history?.objects ?? [])].sort((a, b) =>
      String(b.date ?? '').localeCompare(String(a.date ?? '')),
    );
    if (!notes.length) {
      return <p class="empty">{t('demo.history.empty')}</p>;
    }
    const historyType = this.limetypes.history;
    const locale = demoLanguage();
    return (
      <ol class="history">
        {notes.map((note) => (
          <li class="history-entry" key={note.id} data-history-id={note.id}>
            <div class="history-meta">
              <strong>
                {displayValue(
                  historyType.properties.type,
                  note.type,
                  this.limetypes,
                  this.objects,
                  locale,
                )}
              </strong>
              <span>
                {displayValue(
                  historyType.properties.date,
                  note.date,
                  this.limetypes,
                  this.objects,
                  locale,
                )}
              </span>
              <span>
                {displayValue(
                  historyType.properties.coworker,
                  note.coworker,
                  this.limetypes,
                  this.objects,
                  locale,
                )}
              </span>
            </div>
            <lwc-limepkg-conversations-history-note
              platform={this.platform}
              context={{ limetype: 'history', id: note.id }}
              value={typeof note.note === 'string' ? note.note : ''}
            />
          </li>
        ))}
      </ol>
    );
  };

  private createRelated(relation: CardRelation) {
    const commandBus = getService<CommandBusService>(this.platform, CommandBus);
    const command = Object.assign(new CreateLimeobjectDialogCommand(), {
      limetype: relation.limetype,
      limeobject: { [relation.backreference]: this.id },
    });
    commandBus.handle(command);
  }

  private handleChangeTab = (event: CustomEvent<Tab>) => {
    if (event.detail.active) {
      this.tab = event.detail.id === 'history' ? 'history' : 'relations';
      // In the address too, so that a reload (switching the language) opens the same tab.
      const url = new URL(location.href);
      url.searchParams.set('tab', this.tab);
      history.replaceState(history.state, '', url);
    }
  };

  private handleOpenObject = (event: Event) => {
    const [limetype, id] = (event.target as HTMLSelectElement).value.split(':');
    location.href = this.cardUrl(limetype, Number(id));
  };

  private cardUrl(limetype: string, id: number): string {
    return `index.html?limetype=${encodeURIComponent(limetype)}&id=${id}`;
  }
}
