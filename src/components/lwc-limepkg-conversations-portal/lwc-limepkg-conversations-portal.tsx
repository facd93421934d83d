import { Component, Host, Prop, State, h } from '@stencil/core';
import type { LimelSelectCustomEvent, Option } from '@limetech/lime-elements';
import { translator } from '../../lime';
import { crmFailureText } from '../../crm';
import type { LookupFound } from '../../lookup';
import { createAddonClient } from '../../lime-connect';
import {
  createPortalSession,
  type PortalSession,
  type PortalSnapshot,
  type PortalState,
} from '../../lime-connect/portal-session';
import { limetypeLabel, type PortalRecord } from '../../lime-connect/portal-record';
import { objectUrl } from './portal-links';
import { Overview, RecordSection, Skeleton } from './portal-parts';
import { typedHandler } from '../shared/typed-handler';
import { createPortalPlatform } from './portal-platform';
import { contactFieldText, describeTried } from './portal-tried';

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

  @State() private view!: PortalSnapshot;

  private session?: PortalSession;
  private platform = createPortalPlatform(() => this.view.language);

  public connectedCallback() {
    const session = createPortalSession({
      fetch: (url, init) => fetch(url, init),
      configUrl: new URL(this.configUrl, window.location.href).toString(),
      pageUrl: window.location.href,
      language: navigator.language,
      crmTimeoutMs: this.crmTimeoutMs,
      connect: (bootstrap) =>
        createAddonClient({
          window,
          allowedOrigins: bootstrap.allowedOrigins,
          parentOriginHints: [window.location.ancestorOrigins?.[0], originOf(document.referrer)],
          logger: console,
          jwtTimeoutMs: this.jwtTimeoutMs,
        }),
      unreachableToast: () => translator(this.platform)('portal.toast.unreachable'),
    });
    this.session = session;
    this.view = session.snapshot;
    session.subscribe((snapshot) => (this.view = snapshot));
    void session.start();
  }

  public disconnectedCallback() {
    this.session?.stop();
  }

  public render() {
    const { state, language } = this.view;
    const busy = state.phase === 'loading' || state.phase === 'starting';
    const status = busy
      ? translator(this.platform)(`portal.${state.phase === 'loading' ? 'loading' : 'waiting'}`)
      : '';
    // The record on screen stays (dimmed) while the next contact loads: swapping it for the
    // skeleton and back would rebuild every section for each contact.
    const stale = state.phase === 'loading' && state.shown !== undefined;
    return (
      <Host>
        <p class="visually-hidden" role="status">
          {status}
        </p>
        <div class={{ portal: true, stale }} lang={language} aria-busy={String(busy)}>
          {this.renderState(state)}
        </div>
      </Host>
    );
  }

  private renderState = (state: PortalState) => {
    const t = translator(this.platform);
    switch (state.phase) {
      case 'starting':
      case 'loading':
        return state.phase === 'loading' && state.shown ? (
          this.renderFound(state.shown.lookup, state.shown.record)
        ) : (
          <Skeleton />
        );
      case 'waiting':
        return (
          <p class="waiting" role="status">
            {t('portal.waiting')}
          </p>
        );
      case 'config-error':
        return (
          <limel-callout type="warning" class="config-error">
            <p>{t('portal.error.config', { message: state.message })}</p>
          </limel-callout>
        );
      case 'not-found':
        return this.renderNotFound(state);
      case 'error':
        return this.renderError(crmFailureText(state.failure, t));
      case 'missing':
        return this.renderError(
          t('portal.error.not_found', { limetype: this.lowerCase(state.limetype) }),
        );
      case 'found':
        return this.renderFound(state.lookup, state.record);
    }
  };

  private renderNotFound = (state: Extract<PortalState, { phase: 'not-found' }>) => {
    const t = translator(this.platform);
    const label = (name: string) => this.lowerCase(state.labels[name] ?? name);
    return (
      <section class="empty-state" role="status" aria-labelledby="empty-title">
        <limel-icon name="search" size="large" class="empty-icon" />
        <h1 id="empty-title">{t('portal.empty.title')}</h1>
        {state.noRules ? (
          <p>{t('portal.empty.no_rules')}</p>
        ) : (
          <ul class="tried">
            {describeTried(state.tried, label, t).map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        )}
      </section>
    );
  };

  private renderError = (text: string) => {
    const t = translator(this.platform);
    return (
      <section class="error-state" role="alert" aria-labelledby="error-title">
        <limel-icon name="warning" size="large" class="error-icon" />
        <h1 id="error-title">{t('portal.error.title')}</h1>
        <p>{text}</p>
        <limel-button
          class="retry"
          primary={true}
          icon="refresh"
          label={t('portal.error.retry')}
          onClick={() => this.session?.retry()}
        />
      </section>
    );
  };

  private renderFound = (lookup: LookupFound, record: PortalRecord) => {
    const t = translator(this.platform);
    const name = record.descriptive || `#${record.id}`;
    const url = objectUrl(this.view.webclientUrl, record.limetype.name, record.id);
    const winning = lookup.tried[lookup.tried.length - 1];
    const { locale, language, webclientUrl } = this.view;
    const context = { t, locale, language, webclientUrl };
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
            onClick={() => this.session?.copyLinkToChat(name, url)}
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
      <Overview record={record} context={context} />,
      <div class="sections">
        {record.sections.map((section) => (
          <RecordSection
            record={record}
            section={section}
            context={context}
            isOpen={!this.view.closedSections.includes(section.relation)}
            onToggle={(open) => this.session?.setSectionOpen(section.relation, open)}
          />
        ))}
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
    const pick = (event: LimelSelectCustomEvent<Option | Option[]>) => {
      const picked = Array.isArray(event.detail) ? event.detail[0] : event.detail;
      if (picked) {
        this.session?.pick(Number(picked.value));
      }
    };
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
          onChange={typedHandler(pick)}
        />
      </div>
    );
  };

  private lowerCase(text: string): string {
    return text.toLocaleLowerCase(this.view.locale);
  }
}

function originOf(url: string): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}
