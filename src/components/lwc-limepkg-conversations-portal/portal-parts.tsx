// The pieces of a found record as the Portal renders them: the loading skeleton, the property
// overview and the related-object sections. Stateless: what they show and what they call is
// passed in by the Portal.
import { h, type FunctionalComponent } from '@stencil/core';
import type { Action, LimelCollapsibleSectionCustomEvent } from '@limetech/lime-elements';
import {
  limetypeLabel,
  type OverviewField,
  type PortalRecord,
  type PortalSection,
} from '../../lime-connect/portal-record';
import { formatFieldValue, safeHttpUrl, sectionItemLabels } from './portal-format';
import { objectUrl, relationUrl } from './portal-links';
import type { Translate } from './portal-tried';

const OPEN_ALL_ACTION = 'open-all';

/** Where a record's links go and how its values read. */
export interface RecordContext {
  t: Translate;
  locale: string;
  language: 'en' | 'sv';
  webclientUrl: string;
}

/** Grey bones in the shape of a record, while the first one loads (the Portal says so aloud). */
export const Skeleton: FunctionalComponent = () => (
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
  </div>
);

const LinkOrText: FunctionalComponent<{ href?: string; text: string }> = ({ href, text }) =>
  href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  ) : (
    text
  );

/** The configured properties of the record, as a description list. */
export const Overview: FunctionalComponent<{ record: PortalRecord; context: RecordContext }> = ({
  record,
  context,
}) => {
  if (record.overview.length === 0) {
    return null;
  }
  const name = record.descriptive || `#${record.id}`;
  return (
    <dl class="overview" aria-label={context.t('portal.overview.label', { name })}>
      {record.overview.map((field) => [
        <dt>{field.label}</dt>,
        <dd>{fieldValue(field, context)}</dd>,
      ])}
    </dl>
  );
};

function fieldValue(field: OverviewField, { t, locale, webclientUrl }: RecordContext) {
  const text = formatFieldValue(field, {
    locale,
    yes: t('portal.yes'),
    no: t('portal.no'),
    empty: t('portal.empty_value'),
  });
  const href = field.related
    ? objectUrl(webclientUrl, field.related.limetype, field.related.id)
    : field.type === 'link'
      ? safeHttpUrl(field.value)
      : undefined;
  return <LinkOrText href={href} text={text} />;
}

/** One related-object section: its first items and "shown / total", collapsible. */
export const RecordSection: FunctionalComponent<{
  record: PortalRecord;
  section: PortalSection;
  context: RecordContext;
  isOpen: boolean;
  onToggle: (open: boolean) => void;
}> = ({ record, section, context, isOpen, onToggle }) => {
  const { t, webclientUrl } = context;
  const listUrl = relationUrl(webclientUrl, record.limetype.name, record.id, section.relation);
  const actions: Action[] =
    listUrl && section.status === 'ok'
      ? [{ id: OPEN_ALL_ACTION, icon: 'external_link', label: t('portal.section.open_all') }]
      : [];
  const counts = section.status === 'ok' && { shown: section.items.length, total: section.total };
  return (
    <limel-collapsible-section
      class={`section section-${section.status}`}
      data-relation={section.relation}
      header={section.title}
      isOpen={isOpen}
      invalid={section.status === 'error'}
      language={context.language}
      actions={actions}
      onOpen={() => onToggle(true)}
      onClose={() => onToggle(false)}
      onAction={(event: LimelCollapsibleSectionCustomEvent<Action>) => {
        if (event.detail.id === OPEN_ALL_ACTION && listUrl) {
          window.open(listUrl, '_blank', 'noopener,noreferrer');
        }
      }}
    >
      {counts ? (
        <span slot="header" class="count" title={t('portal.section.count.label', counts)}>
          {t('portal.section.count', counts)}
        </span>
      ) : null}
      {sectionBody(record, section, context)}
    </limel-collapsible-section>
  );
};

function sectionBody(record: PortalRecord, section: PortalSection, context: RecordContext) {
  const { t, locale, webclientUrl } = context;
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
  const labels = sectionItemLabels(section.items, locale);
  return (
    <ul class="items">
      {section.items.map((item, index) => (
        <li>
          <LinkOrText href={objectUrl(webclientUrl, item.limetype, item.id)} text={labels[index]} />
        </li>
      ))}
    </ul>
  );
}
