// What the DCI settings page says after "Sync to Lime CRM" and "Test connection": the results of
// `syncDciMeeting` and `testDciConnection` as translation keys with their parameters.
import { crmFailureMessage } from '../../crm';
import type { ConnectionTest, DciSyncResult, ParticipantReport } from '../../sync';

export interface ReportLine {
  key: string;
  params?: Record<string, string | number>;
}

export interface ParticipantLine extends ReportLine {
  tone: 'success' | 'neutral' | 'warning' | 'error';
  details: ReportLine[];
  /** Where to read the note: the person's History tab. */
  link?: string;
}

export type DciSyncReport =
  { ok: true; participants: ParticipantLine[] } | { ok: false; line: ReportLine };

export function describeDciSync(
  result: DciSyncResult,
  names: {
    object(limetype: string, id: number): string;
    link(limetype: string, id: number): string;
  },
): DciSyncReport {
  if (!result.ok) {
    return {
      ok: false,
      line: { key: 'sync.dci.invalid', params: { issues: result.issues.join('; ') } },
    };
  }
  return {
    ok: true,
    participants: result.participants.map((participant) => describeParticipant(participant, names)),
  };
}

function describeParticipant(
  report: ParticipantReport,
  names: {
    object(limetype: string, id: number): string;
    link(limetype: string, id: number): string;
  },
): ParticipantLine {
  const person = report.person
    ? names.object('person', report.person.id) || report.name
    : report.name;
  const company = report.company ? names.object('company', report.company.id) : '';
  const params = { name: report.name, person, company };
  const details: ReportLine[] = [];
  if (report.person?.created) {
    details.push({ key: 'sync.dci.person_created', params });
  }
  if (report.company?.created) {
    details.push({ key: 'sync.dci.company_created', params });
  }
  if (report.matchedBy) {
    details.push({ key: `sync.dci.matched_by.${report.matchedBy}`, params });
  }
  if (report.companySkipped === 'forbidden') {
    details.push({ key: 'sync.dci.company_forbidden', params });
  }
  if (report.error) {
    details.push(crmFailureMessage(report.error));
  }
  const link = report.person && report.note ? names.link('person', report.person.id) : undefined;
  const key = `sync.dci.outcome.${report.outcome.replace(/-/g, '_')}`;
  const tone =
    report.outcome === 'note-created' ||
    report.outcome === 'note-updated' ||
    report.outcome === 'note-unchanged'
      ? 'success'
      : report.outcome === 'internal'
        ? 'neutral'
        : report.outcome === 'failed'
          ? 'error'
          : 'warning';
  return { key, params, tone, details, link };
}

export function describeConnectionTest(result: ConnectionTest): { ok: boolean; line: ReportLine } {
  if (result.ok) {
    return { ok: true, line: { key: 'sync.connection.ok' } };
  }
  switch (result.reason) {
    case 'missing-permission':
      return {
        ok: false,
        line: {
          key: 'sync.connection.missing_permission',
          params: { limetypes: result.limetypes.join(', ') },
        },
      };
    case 'unreachable':
      return {
        ok: false,
        line: { key: 'sync.connection.unreachable', params: { message: result.message } },
      };
    case 'unauthorized':
      return { ok: false, line: { key: 'sync.connection.unauthorized' } };
    case 'not-lime-api':
      return {
        ok: false,
        line: { key: 'sync.connection.not_lime_api', params: { message: result.message } },
      };
    case 'server-error':
      return {
        ok: false,
        line: { key: 'sync.connection.server_error', params: { message: result.message } },
      };
  }
}
