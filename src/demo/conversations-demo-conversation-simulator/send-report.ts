// What the Lime Connect timeline says after "Send to Lime CRM": the result of `sendConversation`
// as translation keys with their parameters (the component translates them).
import { crmFailureMessage } from '../../crm';
import type { MediaImportOutcome, SendConversationResult, Skipped } from '../../sync';

export interface ReportLine {
  key: string;
  params?: Record<string, string | number>;
}

export interface SendReport {
  tone: 'success' | 'warning' | 'error';
  headline: ReportLine;
  details: ReportLine[];
  /** The link Lime Connect shows: opens the object in Lime CRM. */
  link?: string;
}

export interface ReportNames {
  /** The singular name of a limetype, e.g. "Helpdesk ticket". */
  limetype(name: string): string;
  /** An object's descriptive, e.g. "Jane Doe"; '' when unknown. */
  object(limetype: string, id: number): string;
}

export function describeSend(result: SendConversationResult, names: ReportNames): SendReport {
  const objectText = (limetype: string, id: number) =>
    names.object(limetype, id) || `${names.limetype(limetype)} ${id}`;
  if (!result.ok) {
    switch (result.reason) {
      case 'unknown-topic':
        return refusal('sync.refused.unknown_topic', {
          topic: result.topics.join(', '),
          topics: result.configuredTopics.join(', '),
        });
      case 'no-topic':
        return refusal('sync.refused.no_topic', { topics: result.configuredTopics.join(', ') });
      case 'invalid-conversation':
        return refusal('sync.refused.invalid', { issues: result.issues.join('; ') });
      case 'forbidden':
        return refusal('sync.refused.forbidden', {
          object: objectText(result.object.limetype, result.object.id),
        });
      case 'crm-error':
        return {
          tone: 'error',
          headline: { key: `sync.failed.${result.step.replace(/-/g, '_')}` },
          details: [crmFailureMessage(result.error)],
        };
    }
  }
  const limetype = names.limetype(result.object.limetype);
  const object = objectText(result.object.limetype, result.object.id);
  const headlineKey =
    result.outcome === 'created'
      ? 'sync.sent.created'
      : result.outcome === 'sent-to-connected'
        ? 'sync.sent.to_connected'
        : result.note.replaced
          ? 'sync.sent.resent_replaced'
          : 'sync.sent.resent';
  const details: ReportLine[] = [];
  if (result.attached.length > 0) {
    details.push({
      key: 'sync.attached',
      params: {
        objects: result.attached
          .map((each) => objectText(each.object.limetype, each.object.id))
          .join(', '),
      },
    });
  }
  details.push(...result.skipped.map((skip) => skippedLine(skip, objectText)));
  if (result.identified.ambiguous) {
    details.push({ key: 'sync.identified.ambiguous' });
  }
  if (result.media.state === 'queued') {
    details.push({ key: 'sync.media.queued', params: { count: result.media.files.length } });
  } else if (result.media.state === 'not-imported') {
    details.push({
      key: `sync.media.not_imported.${result.media.reason.replace(/-/g, '_')}`,
      params: { count: result.media.files.length },
    });
  }
  return {
    tone: result.skipped.some((skip) => skip.reason === 'forbidden' || skip.reason === 'crm-error')
      ? 'warning'
      : 'success',
    headline: { key: headlineKey, params: { limetype, object } },
    details,
    link: result.link,
  };
}

function refusal(key: string, params: Record<string, string>): SendReport {
  return { tone: 'error', headline: { key, params }, details: [] };
}

function skippedLine(
  skip: Skipped,
  objectText: (limetype: string, id: number) => string,
): ReportLine {
  const params = {
    property: skip.property,
    object: skip.object ? objectText(skip.object.limetype, skip.object.id) : '',
  };
  return { key: `sync.skipped.${skip.reason.replace(/-/g, '_')}`, params };
}

/** The timeline lines for one finished media import: what happened, and why when it failed. */
export function describeMediaImport(outcome: MediaImportOutcome): ReportLine[] {
  return outcome.ok
    ? [{ key: 'sync.media.imported', params: { name: outcome.file.name } }]
    : [
        { key: 'sync.media.failed', params: { name: outcome.file.name } },
        crmFailureMessage(outcome.error),
      ];
}
