import { Component, Host, Prop, State, h } from '@stencil/core';
import type {
  Action,
  LimelCollapsibleSectionCustomEvent,
  LimelSelectCustomEvent,
  Option,
} from '@limetech/lime-elements';
import { translator, type LimePlatform, type LimeQuery } from '../../lime';
import { runLookupSequence, type LookupAttempt, type LookupFound } from '../../lookup';
import {
  CrmRequestError,
  createAddonClient,
  createCrmHttpClient,
  type AddonClient,
  type AddonEvent,
  type ContactInformation,
  type CrmErrorKind,
  type CrmHttpClient,
  parsePortalBootstrap,
  type PortalBootstrap,
} from '../../lime-connect';
import {
  formatFieldValue,
  portalLanguage,
  safeHttpUrl,
  sectionItemLabels,
  toBcp47,
} from './portal-format';
import { typedHandler } from '../shared/typed-handler';
import { objectUrl, relationUrl } from './portal-links';
import { createPortalPlatform } from './portal-platform';
import {
  limetypeLabel,
  loadPortalRecord,
  portalLimetypeSchema,
  type OverviewField,
  type PortalLimetype,
  type PortalRecord,
  type PortalSection,
} from './portal-record';
import { contactFieldText, describeTried } from './portal-tried';

type FailureKind = CrmErrorKind | 'not-found';

type PortalState =
  | { phase: 'starting' }
  | { phase: 'config-error'; message: string }
  | { phase: 'waiting' }
  | { phase: 'loading' }
  | { phase: 'not-found'; lines: string[]; noRules: boolean }
  | { phase: 'found'; lookup: LookupFound; record: PortalRecord }
  | { phase: 'error'; kind: FailureKind; message: string; limetype?: string };

const OPEN_ALL_ACTION = 'open-all';

/**
 * The Portal: a Lime Connect custom add-on that shows the operator, beside the chat, the CRM record
 * of the contact they are talking to. It runs on its own page (`portal.html`) in Lime Connect's
 * frame, talks to the Message Center over `postMessage` (seed 002), finds the contact with the
 * configured lookup rules and reads the CRM's `api/v1/query/` with Lime Connect's JWT.
 *
 * It shows a header (limetype icon, the object's name, its limetype, *View in CRM*), the property
 * overview configured for the limetype and collapsible sections of related objects with "shown /
 * total" counts. Nothing in it can be edited. Built for Lime Connect's ~350 px wide sidebar.
 *
 * @exampleComponent limepkg-conversations-example-portal-framed
 * @exampleComponent limepkg-conversations-example-portal-page
 */
@Component({
  tag: 'lwc-limepkg-conversations-portal',
  styleUrl: 'lwc-limepkg-conversations-portal.scss',
  shadow: true,
})
export class Portal {
  /**
   * Where the Portal's bootstrap JSON is, relative to the page: `portal-config.json` beside it,
   * written by `npm run portal-config` (allowed origins, lookup rules, views; never a secret).
   */
  @Prop() public configUrl = 'portal-config.json';

  /** How long to wait for Lime Connect to answer `generate_jwt_token`, in milliseconds. */
  @Prop() public jwtTimeoutMs = 10_000;

  /** How long to wait for an answer from Lime CRM, in milliseconds. */
  @Prop() public crmTimeoutMs = 15_000;

  @State() private state: PortalState = { phase: 'starting' };
  @State() private language: 'en' | 'sv' = portalLanguage(navigator.language);
  @State() private locale = toBcp47(navigator.language);
  @State() private closedSections: string[] = [];

  private platform: LimePlatform = createPortalPlatform(() => this.language);
  private bootstrap?: PortalBootstrap;
  private client?: AddonClient;
  private crm?: CrmHttpClient;
  private contact?: ContactInformation;
  private run?: AbortController;
  private lastFailure?: CrmRequestError;
  private limetypes = new Map<string, Promise<PortalLimetype>>();
  private unsubscribe?: () => void;
  private disconnected = false;
  /** What the last lookup without a match tried, to say it again in another language. */
  private lastTried: LookupAttempt[] = [];

  public connectedCallback() {
    this.disconnected = false;
    void this.start();
  }

  public disconnectedCallback() {
    this.disconnected = true;
    this.run?.abort();
    this.unsubscribe?.();
    this.client?.stop();
    this.client = undefined;
  }

  public render() {
    return (
      <Host>
        <div class="portal" lang={this.language} aria-busy={String(this.state.phase === 'loading')}>
          {this.renderState()}
        </div>
      </Host>
    );
  }

  private renderState = () => {
    const state = this.state;
    switch (state.phase) {
      case 'starting':
      case 'loading':
        return this.renderSkeleton(state.phase === 'loading' ? 'portal.loading' : 'portal.waiting');
      case 'waiting':
        return this.renderWaiting();
      case 'config-error':
        return this.renderConfigError(state.message);
      case 'not-found':
        return this.renderNotFound(state.lines, state.noRules);
      case 'error':
        return this.renderError(state);
      case 'found':
        return this.renderFound(state.lookup, state.record);
    }
  };

  private renderSkeleton = (statusKey: string) => {
    const t = translator(this.platform);
    return [
      <p class="visually-hidden" role="status">
        {t(statusKey)}
      </p>,
      <div class="skeleton" aria-hidden="true">
        <div class="skeleton-header">
          <span class="bone bone-icon" />
          <span class="skeleton-titles">
            <span class="bone bone-title" />
            <span class="bone bone-subtitle" />
          </span>
        </div>
        <span class="bone bone-button" />
        {[1, 2, 3].map(() => [<span class="bone bone-label" />, <span class="bone bone-value" />])}
        {[1, 2].map(() => (
          <span class="bone bone-section" />
        ))}
      </div>,
    ];
  };

  private renderWaiting = () => {
    const t = translator(this.platform);
    return (
      <p class="waiting" role="status">
        {t('portal.waiting')}
      </p>
    );
  };

  private renderConfigError = (message: string) => {
    const t = translator(this.platform);
    return (
      <limel-callout type="warning" class="config-error">
        <p>{t('portal.error.config', { message })}</p>
      </limel-callout>
    );
  };

  private renderNotFound = (lines: string[], noRules: boolean) => {
    const t = translator(this.platform);
    return (
      <section class="empty-state" role="status" aria-labelledby="empty-title">
        <limel-icon name="search" size="large" class="empty-icon" />
        <h1 id="empty-title">{t('portal.empty.title')}</h1>
        {noRules ? (
          <p>{t('portal.empty.no_rules')}</p>
        ) : (
          <ul class="tried">
            {lines.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        )}
      </section>
    );
  };

  private renderError = (state: Extract<PortalState, { phase: 'error' }>) => {
    const t = translator(this.platform);
    return (
      <section class="error-state" role="alert" aria-labelledby="error-title">
        <limel-icon name="warning" size="large" class="error-icon" />
        <h1 id="error-title">{t('portal.error.title')}</h1>
        <p>{this.failureText(state)}</p>
        <limel-button
          class="retry"
          primary={true}
          icon="refresh"
          label={t('portal.error.retry')}
          onClick={this.retry}
        />
      </section>
    );
  };

  private renderFound = (lookup: LookupFound, record: PortalRecord) => {
    const t = translator(this.platform);
    const name = record.descriptive || `#${record.id}`;
    const url = objectUrl(this.webclientUrl, record.limetype.name, record.id);
    const winning = lookup.tried[lookup.tried.length - 1];
    return [
      <header class="record-header">
        <limel-icon
          class="limetype-icon"
          name={record.limetype.icon || 'document'}
          badge={true}
          size="medium"
        />
        <div class="titles">
          <h1 class="descriptive">{name}</h1>
          <p class="limetype-label">{limetypeLabel(record.limetype)}</p>
        </div>
      </header>,
      <div class="header-actions">
        {url ? (
          <a
            class="view-in-crm"
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('portal.view_in_crm.label', { name })}
          >
            <limel-icon name="external_link" size="x-small" />
            <span>{t('portal.view_in_crm')}</span>
          </a>
        ) : null}
        {url ? (
          <limel-button
            class="copy-link"
            icon="copy"
            label={t('portal.copy_link')}
            aria-label={t('portal.copy_link.label', { name })}
            onClick={() => this.copyLinkToChat(name, url)}
          />
        ) : null}
      </div>,
      winning?.value ? (
        <p class="matched-by">
          {t('portal.matched_by', {
            field: contactFieldText(winning.contactField, t),
            value: winning.value,
          })}
        </p>
      ) : null,
      lookup.ambiguous ? this.renderAmbiguity(lookup, record) : null,
      this.renderOverview(record, name),
      <div class="sections">
        {record.sections.map((section) => this.renderSection(record, section))}
      </div>,
    ];
  };

  private renderAmbiguity = (lookup: LookupFound, record: PortalRecord) => {
    const t = translator(this.platform);
    const winning = lookup.tried[lookup.tried.length - 1];
    const options: Option[] = lookup.objects.map((object) => ({
      value: String(object.id),
      text: object.descriptive || `#${object.id}`,
    }));
    return (
      <div class="ambiguity">
        <p>
          {t('portal.ambiguous', {
            count: lookup.objects.length,
            field: winning ? contactFieldText(winning.contactField, t) : '',
            value: winning?.value ?? '',
          })}
        </p>
        <limel-select
          label={t('portal.ambiguous.pick', { limetype: limetypeLabel(record.limetype) })}
          options={options}
          value={options.find((option) => option.value === String(record.id))}
          onChange={typedHandler(this.handlePick)}
        />
      </div>
    );
  };

  private renderOverview = (record: PortalRecord, name: string) => {
    if (record.overview.length === 0) {
      return null;
    }
    const t = translator(this.platform);
    return (
      <dl class="overview" aria-label={t('portal.overview.label', { name })}>
        {record.overview.map((field) => [
          <dt>{field.label}</dt>,
          <dd>{this.renderValue(field)}</dd>,
        ])}
      </dl>
    );
  };

  private renderValue = (field: OverviewField) => {
    const t = translator(this.platform);
    const text = formatFieldValue(field, {
      locale: this.locale,
      yes: t('portal.yes'),
      no: t('portal.no'),
      empty: t('portal.empty_value'),
    });
    const href = field.related
      ? objectUrl(this.webclientUrl, field.related.limetype, field.related.id)
      : field.type === 'link'
        ? safeHttpUrl(field.value)
        : undefined;
    if (!href) {
      return text;
    }
    return (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {text}
      </a>
    );
  };

  private renderSection = (record: PortalRecord, section: PortalSection) => {
    const t = translator(this.platform);
    const listUrl = relationUrl(
      this.webclientUrl,
      record.limetype.name,
      record.id,
      section.relation,
    );
    const actions: Action[] =
      listUrl && section.status === 'ok'
        ? [{ id: OPEN_ALL_ACTION, icon: 'external_link', label: t('portal.section.open_all') }]
        : [];
    return (
      <limel-collapsible-section
        class={`section section-${section.status}`}
        data-relation={section.relation}
        header={section.title}
        isOpen={!this.closedSections.includes(section.relation)}
        invalid={section.status === 'error'}
        language={this.language}
        actions={actions}
        onOpen={() => this.setSectionOpen(section.relation, true)}
        onClose={() => this.setSectionOpen(section.relation, false)}
        onAction={(event: LimelCollapsibleSectionCustomEvent<Action>) => {
          if (event.detail.id === OPEN_ALL_ACTION && listUrl) {
            window.open(listUrl, '_blank', 'noopener,noreferrer');
          }
        }}
      >
        {section.status === 'ok' ? (
          <span
            slot="header"
            class="count"
            title={t('portal.section.count.label', {
              shown: section.items.length,
              total: section.total,
            })}
          >
            {t('portal.section.count', { shown: section.items.length, total: section.total })}
          </span>
        ) : null}
        {this.renderSectionBody(record, section)}
      </limel-collapsible-section>
    );
  };

  private renderSectionBody = (record: PortalRecord, section: PortalSection) => {
    const t = translator(this.platform);
    if (section.status === 'error') {
      return (
        <p class="section-error">
          {section.reason === 'unknown-relation'
            ? t('portal.section.unknown_relation', {
                limetype: limetypeLabel(record.limetype),
                relation: section.relation,
              })
            : t('portal.section.failed')}
        </p>
      );
    }
    if (section.items.length === 0) {
      return <p class="section-empty">{t('portal.section.empty')}</p>;
    }
    const labels = sectionItemLabels(section.items, this.locale);
    return (
      <ul class="items">
        {section.items.map((item, index) => {
          const href = objectUrl(this.webclientUrl, item.limetype, item.id);
          return (
            <li>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {labels[index]}
                </a>
              ) : (
                labels[index]
              )}
            </li>
          );
        })}
      </ul>
    );
  };

  private get webclientUrl(): string {
    return this.bootstrap?.webclientUrl ?? '';
  }

  private failureText(state: Extract<PortalState, { phase: 'error' }>): string {
    const t = translator(this.platform);
    switch (state.kind) {
      case 'unreachable':
        return t('portal.error.unreachable');
      case 'unauthorized':
        return t('portal.error.unauthorized');
      case 'forbidden':
        return t('portal.error.forbidden');
      case 'timeout':
        return t('portal.error.timeout');
      case 'not-found':
        return t('portal.error.not_found', { limetype: state.limetype ?? '' });
      default:
        return t('portal.error.server', { message: state.message });
    }
  }

  private async start() {
    const bootstrap = await this.loadBootstrap();
    if (!bootstrap.ok) {
      this.state = { phase: 'config-error', message: bootstrap.message };
      return;
    }
    if (this.disconnected) {
      return;
    }
    this.bootstrap = bootstrap.bootstrap;
    const client = createAddonClient({
      window,
      allowedOrigins: bootstrap.bootstrap.allowedOrigins,
      parentOriginHints: [window.location.ancestorOrigins?.[0], originOf(document.referrer)],
      logger: console,
      jwtTimeoutMs: this.jwtTimeoutMs,
    });
    this.client = client;
    this.crm = createCrmHttpClient({
      fetch: (url, init) => fetch(url, init),
      crmUrl: bootstrap.bootstrap.crmUrl,
      getToken: () => client.requestJwt(),
      timeoutMs: this.crmTimeoutMs,
    });
    this.unsubscribe = client.subscribe(this.handleEvent);
    this.state = { phase: 'waiting' };
    client.start();
  }

  private async loadBootstrap(): Promise<ReturnType<typeof parsePortalBootstrap>> {
    try {
      const response = await fetch(new URL(this.configUrl, window.location.href), {
        headers: { Accept: 'application/json' },
      });
      if (!response.ok) {
        return { ok: false, message: `${this.configUrl}: HTTP ${response.status}` };
      }
      return parsePortalBootstrap(await response.json(), window.location.href);
    } catch (error) {
      return {
        ok: false,
        message: `${this.configUrl}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }

  private handleEvent = (event: AddonEvent) => {
    if (event.name === 'operator_information') {
      this.language = portalLanguage(event.payload.locale);
      this.locale = toBcp47(event.payload.locale);
      this.refreshTriedLines();
    } else if (event.name === 'contact_information') {
      this.contact = event.payload;
      void this.lookUp();
    }
  };

  private retry = () => {
    void this.lookUp();
  };

  private handlePick = (event: LimelSelectCustomEvent<Option | Option[]>) => {
    const picked = Array.isArray(event.detail) ? event.detail[0] : event.detail;
    const state = this.state;
    if (!picked || state.phase !== 'found') {
      return;
    }
    void this.show(state.lookup, Number(picked.value));
  };

  private setSectionOpen(relation: string, open: boolean) {
    const others = this.closedSections.filter((each) => each !== relation);
    this.closedSections = open ? others : [...others, relation];
  }

  private copyLinkToChat(name: string, url: string) {
    const label = name.replace(/([\\[\]])/g, '\\$1');
    this.client?.send({
      name: 'replace_chat_input',
      payload: { textFormat: 'markdown_v1', message: `[${label}](${url})` },
    });
  }

  /** Runs the lookup sequence for the current contact, then reads the match. */
  private async lookUp() {
    const bootstrap = this.bootstrap;
    const contact = this.contact;
    if (!bootstrap || !contact) {
      return;
    }
    const signal = this.beginRun();
    this.lastFailure = undefined;
    this.state = { phase: 'loading' };
    const lookup = await runLookupSequence(bootstrap.lookupRules, contact, this.executeQuery, {
      signal,
      defaultCountry: bootstrap.defaultCountry,
    });
    if (signal.aborted) {
      return;
    }
    if (lookup.found) {
      await this.show(lookup, lookup.objects[0].id);
      return;
    }
    if (lookup.tried.some((attempt) => attempt.error !== undefined)) {
      this.fail(this.lastFailure);
      return;
    }
    this.lastTried = lookup.tried;
    this.state = {
      phase: 'not-found',
      noRules: bootstrap.lookupRules.length === 0,
      lines: await this.triedLines(lookup.tried, signal),
    };
  }

  private async show(lookup: LookupFound, id: number) {
    const signal = this.beginRun();
    if (this.state.phase !== 'found') {
      this.state = { phase: 'loading' };
    }
    const view = this.bootstrap?.views.find((each) => each.limetype === lookup.limetype);
    const result = await loadPortalRecord({
      executeQuery: this.executeQuery,
      getLimetype: this.getLimetype,
      limetype: lookup.limetype,
      id,
      view,
      signal,
    });
    if (signal.aborted) {
      return;
    }
    if (result.ok) {
      this.state = { phase: 'found', lookup, record: result.record };
      return;
    }
    if (result.reason === 'not-found') {
      const limetype = await this.limetypeText(lookup.limetype);
      this.state = { phase: 'error', kind: 'not-found', message: result.message, limetype };
      return;
    }
    this.fail(result.error instanceof CrmRequestError ? result.error : this.lastFailure);
  }

  private beginRun(): AbortSignal {
    this.run?.abort();
    this.run = new AbortController();
    return this.run.signal;
  }

  private fail(error: CrmRequestError | undefined) {
    const kind: FailureKind = error?.kind ?? 'server';
    this.state = { phase: 'error', kind, message: error?.message ?? '' };
    if (kind === 'unreachable' || kind === 'timeout') {
      const t = translator(this.platform);
      this.client?.send({
        name: 'toast',
        payload: { status: 'error', message: t('portal.toast.unreachable') },
      });
    }
  }

  private executeQuery = async (query: LimeQuery, signal?: AbortSignal) => {
    if (!this.crm) {
      throw new CrmRequestError('unreachable', 'The Portal is not connected to Lime CRM');
    }
    try {
      return await this.crm.executeQuery(query, signal);
    } catch (error) {
      if (error instanceof CrmRequestError && error.kind !== 'aborted') {
        this.lastFailure = error;
      }
      throw error;
    }
  };

  private getLimetype = (name: string, signal?: AbortSignal): Promise<PortalLimetype> => {
    const cached = this.limetypes.get(name);
    if (cached) {
      return cached;
    }
    if (!this.crm) {
      return Promise.reject(new CrmRequestError('unreachable', 'Not connected'));
    }
    const request = this.crm.get(
      `api/v1/limetype/${encodeURIComponent(name)}/`,
      portalLimetypeSchema,
      {
        signal,
      },
    );
    this.limetypes.set(name, request);
    // A failed read is not remembered: Retry asks again.
    request.catch(() => this.limetypes.delete(name));
    return request;
  };

  private async limetypeText(name: string): Promise<string> {
    try {
      return limetypeLabel(await this.getLimetype(name)).toLocaleLowerCase(this.locale);
    } catch {
      return name;
    }
  }

  private async triedLines(
    tried: readonly LookupAttempt[],
    signal?: AbortSignal,
  ): Promise<string[]> {
    const names = [...new Set(tried.map((attempt) => attempt.limetype))];
    const texts = new Map(
      await Promise.all(names.map(async (name) => [name, await this.limetypeText(name)] as const)),
    );
    if (signal?.aborted) {
      return [];
    }
    const t = translator(this.platform);
    return describeTried(tried, (name) => texts.get(name) ?? name, t);
  }

  private refreshTriedLines() {
    if (this.state.phase !== 'not-found') {
      return;
    }
    const noRules = this.state.noRules;
    void this.triedLines(this.lastTried).then((lines) => {
      if (this.state.phase === 'not-found') {
        this.state = { phase: 'not-found', lines, noRules };
      }
    });
  }
}

function originOf(url: string): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}
